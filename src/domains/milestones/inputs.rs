//! What clients send to write milestones.

use async_graphql::{InputObject, MaybeUndefined};

/// A new milestone of a project.
#[derive(InputObject, Clone, Debug)]
pub struct MilestoneInput {
    /// The project's slug.
    pub project_slug: String,
    /// What the step is; unique within the project.
    pub title: String,
    /// Planned date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub due: Option<String>,
    /// Date it was reached.
    pub reached: Option<String>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateMilestoneInput {
    /// A new title (cannot be null).
    pub title: MaybeUndefined<String>,
    /// Planned date.
    pub due: MaybeUndefined<String>,
    /// Date it was reached.
    pub reached: MaybeUndefined<String>,
}
