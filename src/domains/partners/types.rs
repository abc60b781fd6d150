//! Project partners as the API shows them, and the lists they are read in.

use entity::{organization, project, project_partner};

use crate::domains::organizations::Organization;
use crate::domains::projects::Project;
use crate::graphql::kit::loader::Children;
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::loaders::{LoaderSet, Served};

/// An organization's part in a project (financier, developer, academic partner...).
#[derive(Clone, Debug)]
pub struct ProjectPartner(pub project_partner::Model);

crate::object! {
    /// An organization's part in a project (financier, developer, academic partner...).
    impl ProjectPartner {
        /// The partner organization.
        ref organization: Organization from organization_id in organization::Entity;

        /// The project.
        ref project: Project from project_id in project::Entity;

        /// The organization's role, in lower case as the sources describe it
        /// (`financier`, `executing agency`, `academic partner`...).
        field role: &str;

        stamp;
    }
}

crate::child_of! {
    /// `project.partners`: partners by project, each with its organization.
    PartnersOfProject: project_partner by ProjectId(project_id),
    joins vec![join_to::<organization::Entity>(
        "partner_organization",
        project_partner::Column::OrganizationId,
    )]
}

crate::child_of! {
    /// `organization.projects`: partner roles by organization, each with its project.
    PartnersOfOrganization: project_partner by OrganizationId(organization_id),
    joins vec![join_to::<project::Entity>(
        "partner_project",
        project_partner::Column::ProjectId,
    )]
}

impl Served for project_partner::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<PartnersOfProject>::new);
        set.cached(Children::<PartnersOfOrganization>::new);
    }
}
