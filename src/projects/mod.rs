//! Development projects (Karachi IT Park, Islamabad IT Park, the D. I. Khan New
//! City Technology Park...), with their partners, milestones and progress.

mod connection;
mod inputs;
mod loaders;
mod resolvers;
mod service;
mod types;

pub use connection::ProjectConnection;
pub use inputs::{ProjectFilter, ProjectOrder, ProjectOrderField};
pub use loaders::{MilestonesOfProject, PartnersOfOrganization, PartnersOfProject, ProjectsOfPark};
pub use resolvers::ProjectQuery;
pub use service::connection;
pub use types::{Milestone, Project, ProjectPartner};
