//! Claims, the vocabulary and the API type shared by projects' claims
//! (`project_claims`) and parks' (`park_claims`): every value stated for a
//! disputed property, each with its page, the date it was stated, who
//! stated it and a rank. Outdated values keep NORMAL rank: they were true
//! when said; DEPRECATED is for values judged wrong. Each subject's domain
//! stores its claims and writes them; this one shows them.

mod inputs;
mod record;
mod types;
pub mod write;

pub use inputs::ClaimFields;
pub use record::{
    Approximation, ClaimProperty, ClaimRank, ClaimRankReason, ClaimUnit, Subject, Value, check,
    fits, stated_by,
};
pub use types::{Claim, ClaimRow, has_conflicts, select};
