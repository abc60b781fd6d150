//! The mutations of park claims (they are read through parks).

use entity::park_claim;

use super::inputs::{ParkClaimInput, ParkClaimKey};
use super::write;
use crate::domains::claims::{Claim, ClaimRank, ClaimRankReason};

/// Writes to park claims.
#[derive(Default)]
pub struct ParkClaimMutation;

crate::object! {
    /// Writes to park claims.
    impl ParkClaimMutation {
        /// Records a value stated for a property of a park (its status,
        /// opening, area, cost, tenants or seats), with the page that states
        /// it. CONFLICT when that claim (park, property, unit, date and page)
        /// is already recorded. A `PREFERRED` claim makes the one preferred
        /// until then `NORMAL` (`OUTDATED`), and the park's typed field
        /// (`status`, `openedYear`, `areaSqft`) takes its value. Keys bound to
        /// an organization may only record claims of parks it operates.
        write fn record_park_claim(
            input: ParkClaimInput = "The claim.",
        ) -> Claim of [park_claim::Model] by Write, retry "recordParkClaim" => write::record;

        /// Gives a park claim another rank, with a reason; `PREFERRED` as in
        /// `recordParkClaim`.
        write fn rank_park_claim(
            claim: ParkClaimKey = "Which claim.",
            rank: ClaimRank = "Its new rank.",
            rank_reason: Option<ClaimRankReason> = "Why.",
        ) -> Claim of [park_claim::Model] by Write, retry "rankParkClaim" => write::rank;

        /// Deletes a park claim, named by its parts. The park's typed field
        /// keeps its value.
        delete fn delete_park_claim(
            claim: ParkClaimKey = "Which claim.",
        ) by Write, retry "deleteParkClaim" => write::delete;
    }
}
