//! Project partners as the API shows them, and the lists they are read in.

use entity::{organization, project, project_partner};

use crate::domains::organizations::Organization;
use crate::domains::projects::Project;
use crate::graphql::kit::loader::{Children, required};
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::prefetch::{ChildOf, Join};

/// An organization's part in a project (financier, developer, academic partner...).
#[derive(Clone, Debug)]
pub struct ProjectPartner(pub project_partner::Model);

crate::object! {
    /// An organization's part in a project (financier, developer, academic partner...).
    impl ProjectPartner {
        /// The partner organization.
        async fn organization(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Organization> {
            let id = self.0.organization_id;
            Ok(Organization(required::<organization::Entity>(ctx, id).await?))
        }

        /// The project.
        async fn project(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Project> {
            let id = self.0.project_id;
            Ok(Project(required::<project::Entity>(ctx, id).await?))
        }

        /// The organization's role, in lower case as the sources describe it
        /// (`financier`, `executing agency`, `academic partner`...).
        async fn role(&self) -> &str {
            &self.0.role
        }

        stamp;
    }
}

/// `project.partners`: partners by project, each with its organization.
pub struct PartnersOfProject;

impl ChildOf for PartnersOfProject {
    type Entity = project_partner::Entity;
    fn parent_column() -> project_partner::Column {
        project_partner::Column::ProjectId
    }
    fn parent_of(model: &project_partner::Model) -> i32 {
        model.project_id
    }
    fn joins() -> Vec<Join> {
        let organization = project_partner::Column::OrganizationId;
        vec![join_to::<organization::Entity>(
            "partner_organization",
            organization,
        )]
    }
}

/// `organization.projects`: partner roles by organization, each with its project.
pub struct PartnersOfOrganization;

impl ChildOf for PartnersOfOrganization {
    type Entity = project_partner::Entity;
    fn parent_column() -> project_partner::Column {
        project_partner::Column::OrganizationId
    }
    fn parent_of(model: &project_partner::Model) -> i32 {
        model.organization_id
    }
    fn joins() -> Vec<Join> {
        let project = project_partner::Column::ProjectId;
        vec![join_to::<project::Entity>("partner_project", project)]
    }
}

impl Served for project_partner::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<PartnersOfProject>::new);
        set.cached(Children::<PartnersOfOrganization>::new);
    }
}
