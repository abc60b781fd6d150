//! Organizations behind the parks and projects: government bodies (PSEB, MoITT),
//! universities, companies, financiers and developers.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use inputs::{
    CreateOrganizationInput, OrganizationFilter, OrganizationOrder, UpdateOrganizationInput,
};
pub use resolvers::{OrganizationMutation, OrganizationQuery};
pub use types::{Organization, OrganizationConnection, OrganizationKind};
