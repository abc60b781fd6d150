//! Development projects (Karachi IT Park, Islamabad IT Park, the D. I. Khan New
//! City Technology Park...), with their partners, milestones and progress.

mod connection;
mod inputs;
mod loaders;
mod milestone_write;
mod mutations;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use connection::{ProjectConnection, connection};
pub use inputs::{ProjectFilter, ProjectOrder, ProjectOrderField};
pub use loaders::{MilestonesOfProject, PartnersOfOrganization, PartnersOfProject, ProjectsOfPark};
pub use mutations::{
    CreateProjectInput, MilestoneInput, ProjectMutation, UpdateMilestoneInput, UpdateProjectInput,
};
pub use resolvers::ProjectQuery;
pub use types::{Milestone, Project, ProjectPartner};
