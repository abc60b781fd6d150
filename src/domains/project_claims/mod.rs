//! Project claims: every value stated for a disputed property of a project
//! (cost, deadlines, targets, progress), each with its page, the date it was
//! stated and a rank. Outdated values keep NORMAL rank: they were true when
//! said; DEPRECATED is for values judged wrong.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use record::{Approximation, ClaimProperty, ClaimRank, ClaimRankReason, stated_by};
pub use resolvers::ProjectClaimMutation;
pub use types::{Claim, ClaimsOfProject};
