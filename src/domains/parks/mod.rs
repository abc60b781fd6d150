//! Parks: software technology parks (STPs), IT parks and technology parks, with
//! their city, operator, tenants, projects, aggregates and group statistics.

mod columns;
mod connection;
mod inputs;
mod mutations;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use connection::{ParkConnection, ParkGroupBy, connection};
pub use inputs::{ParkFilter, ParkOrder, ParkOrderField};
pub use mutations::{CreateParkInput, ParkMutation, UpdateParkInput};
pub use resolvers::ParkQuery;
pub use types::{Park, ParkKind, ParkStatus};
