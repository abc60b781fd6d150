//! Milestones: the dated steps of a project.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use inputs::{MilestoneInput, UpdateMilestoneInput};
pub use resolvers::MilestoneMutation;
pub use types::{Milestone, MilestonesOfProject};
