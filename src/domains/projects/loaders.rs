use entity::{milestone, organization, project, project_partner};

use crate::graphql::kit::prefetch::join_to;
use crate::store::prefetch::ChildOf;
use crate::store::prefetch::Join;

/// `park.projects`: projects by the park they build.
pub struct ProjectsOfPark;

impl ChildOf for ProjectsOfPark {
    type Entity = project::Entity;
    fn parent_column() -> project::Column {
        project::Column::ParkId
    }
    fn parent_of(model: &project::Model) -> i32 {
        model.park_id.unwrap_or_default()
    }
}

/// `project.partners`: partners by project.
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
        vec![join_to::<organization::Entity>(
            "partner_organization",
            project_partner::Column::OrganizationId,
        )]
    }
}

/// `organization.projects`: partner roles by organization.
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
        vec![join_to::<project::Entity>(
            "partner_project",
            project_partner::Column::ProjectId,
        )]
    }
}

/// `project.milestones`: milestones by project.
pub struct MilestonesOfProject;

impl ChildOf for MilestonesOfProject {
    type Entity = milestone::Entity;
    fn parent_column() -> milestone::Column {
        milestone::Column::ProjectId
    }
    fn parent_of(model: &milestone::Model) -> i32 {
        model.project_id
    }
}
