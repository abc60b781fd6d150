//! Park claims: every value stated for a disputed property of a park (its
//! status, opening, area, cost, tenants, seats), stored and written here;
//! their vocabulary and API type are `domains::claims`.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use resolvers::ParkClaimMutation;
pub use types::ClaimsOfPark;
