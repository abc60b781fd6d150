//! Organizations behind the parks and projects: government bodies (PSEB, MoITT),
//! universities, companies, financiers and developers.

mod inputs;
mod resolvers;
mod service;
mod types;

pub use inputs::{OrganizationFilter, OrganizationOrder};
pub use resolvers::OrganizationQuery;
pub use types::{Organization, OrganizationConnection, OrganizationKind};
