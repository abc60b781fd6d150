//! Cities (and districts) where parks and projects are, each in a province.

mod inputs;
mod record;
mod resolvers;
mod types;

pub use inputs::{CityFilter, CityOrder, CityOrderField};
pub use resolvers::CityQuery;
pub use types::{City, CityConnection, Province};
