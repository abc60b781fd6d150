//! The mutations of claims (they are read through projects).

use super::inputs::{ProjectClaimInput, ProjectClaimKey};
use entity::project_claim;

use super::write;
use crate::domains::claims::{Claim, ClaimRank, ClaimRankReason};

/// Writes to claims.
#[derive(Default)]
pub struct ProjectClaimMutation;

crate::object! {
    /// Writes to claims.
    impl ProjectClaimMutation {
        /// Records a value stated for a property of a project, with the page
        /// that states it. CONFLICT when that claim (project, property, unit,
        /// date and page) is already recorded. A `PREFERRED` claim makes the
        /// one preferred until then `NORMAL` (`OUTDATED`), and the project's
        /// typed figure (`costUsd`, `targetYear`, `jobsTarget`,
        /// `exportsTargetUsd`, `areaSqft`) takes its value. Keys bound to an
        /// organization may only record claims of projects it partners in.
        write fn record_project_claim(
            input: ProjectClaimInput = "The claim.",
        ) -> Claim of [project_claim::Model] by Write, retry "recordProjectClaim" => write::record;

        /// Gives a claim another rank, with a reason; `PREFERRED` as in
        /// `recordProjectClaim`.
        write fn rank_project_claim(
            claim: ProjectClaimKey = "Which claim.",
            rank: ClaimRank = "Its new rank.",
            rank_reason: Option<ClaimRankReason> = "Why.",
        ) -> Claim of [project_claim::Model] by Write, retry "rankProjectClaim" => write::rank;

        /// Deletes a claim, named by its parts. The project's typed figure
        /// keeps its value.
        delete fn delete_project_claim(
            claim: ProjectClaimKey = "Which claim.",
        ) by Write, retry "deleteProjectClaim" => write::delete;
    }
}
