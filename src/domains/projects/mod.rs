//! Development projects (Karachi IT Park, Islamabad IT Park, the D. I. Khan New
//! City Technology Park...), with their partners, milestones and progress.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use inputs::{
    CreateProjectInput, ProjectFilter, ProjectOrder, ProjectOrderField, UpdateProjectInput,
};
pub use resolvers::{ProjectMutation, ProjectQuery};
pub use types::{Project, ProjectConnection, ProjectsOfPark, connection};
pub use write::{changeable, owners};
