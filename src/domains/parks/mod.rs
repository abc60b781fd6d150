//! Parks: software technology parks (STPs), IT parks and technology parks, with
//! their city, operator, tenants, projects, aggregates and group statistics.

mod inputs;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use inputs::{
    CreateParkInput, ParkFilter, ParkGroupBy, ParkOrder, ParkOrderField, UpdateParkInput,
};
pub use record::{ParkKind, ParkStatus};
pub use resolvers::{ParkMutation, ParkQuery, connection};
pub use types::{Park, ParkConnection};
