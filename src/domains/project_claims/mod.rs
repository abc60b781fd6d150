//! Project claims: every value stated for a disputed property of a project
//! (cost, deadlines, targets, progress), stored and written here; their
//! vocabulary and API type are `domains::claims`.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use resolvers::ProjectClaimMutation;
pub use types::ClaimsOfProject;
