//! The mutations of milestones.

use super::inputs::{MilestoneInput, UpdateMilestoneInput};
use super::types::Milestone;
use super::write;

/// Writes to milestones.
#[derive(Default)]
pub struct MilestoneMutation;

crate::object! {
    /// Writes to milestones.
    impl MilestoneMutation {
        /// Adds a milestone to a project. CONFLICT when the project already has
        /// one with this title.
        write fn add_milestone(input: MilestoneInput = "The new milestone.")
            -> Milestone by Write, retry "addMilestone" => write::add;

        /// Changes a milestone, named by its project and title. `version` must
        /// equal its current version, else CONFLICT and nothing changes.
        write fn update_milestone(
            project_slug: String = "The project's slug.",
            title: String = "The milestone's current title.",
            version: i32 = "The version you last read (`Milestone.version`).",
            input: UpdateMilestoneInput = "The changes.",
        ) -> Milestone by Write, retry "updateMilestone" => write::update;

        /// Deletes a milestone, named by its project and title.
        delete fn delete_milestone(
            project_slug: String = "The project's slug.",
            title: String = "The milestone's title.",
            version: i32 = "The version you last read (`Milestone.version`).",
        ) by Write, retry "deleteMilestone" => write::delete;
    }
}
