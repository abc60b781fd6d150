//! Development projects (Karachi IT Park, Islamabad IT Park, the D. I. Khan New
//! City Technology Park...), with their partners, milestones and progress.

mod connection;
mod inputs;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use connection::{ProjectConnection, connection};
pub use inputs::{
    CreateProjectInput, ProjectFilter, ProjectOrder, ProjectOrderField, UpdateProjectInput,
};
pub use resolvers::{ProjectMutation, ProjectQuery};
pub use types::{Project, ProjectsOfPark};
pub use write::owners;
