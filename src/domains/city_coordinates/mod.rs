//! City coordinates: each city's point on the map, from GeoNames (CC BY
//! 4.0), matched on province as well as name. Parks take their city's.

mod record;
mod types;

pub use record::LocationBasis;
pub use types::{CoordinatesOfCity, GeoPoint, NearInput, distance_km};
