//! Tenancy observations (sightings): dated observations of a firm in a park
//! (listed as a tenant, moved in, moved out, an eviction notice, the
//! premises destroyed), each with the page that reports it. A tenancy's
//! status follows from them (`records::derived`).

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use inputs::TenancyObservationInput;
pub use record::TenancyObservationKind;
pub use resolvers::TenancyObservationMutation;
pub use types::{ObservationsOfPark, TenancyObservation};
