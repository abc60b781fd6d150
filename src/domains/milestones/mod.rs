//! Milestones: the dated steps of a project.

mod record;
mod types;
