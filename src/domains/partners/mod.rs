//! Project partners: an organization's role in a project (financier,
//! developer, academic partner, executing agency...).

mod record;
mod types;

pub use types::{PartnersOfOrganization, PartnersOfProject, ProjectPartner};
