//! Organizations behind the parks and projects: government bodies (PSEB, MoITT),
//! universities, companies, financiers and developers.

mod inputs;
mod mutations;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use inputs::{OrganizationFilter, OrganizationOrder};
pub use mutations::{CreateOrganizationInput, OrganizationMutation, UpdateOrganizationInput};
pub use resolvers::OrganizationQuery;
pub use types::{Organization, OrganizationConnection, OrganizationKind};
