//! The root fields and mutations for projects.

use async_graphql::Context;
use entity::project;

use super::inputs::{CreateProjectInput, ProjectFilter, ProjectOrder, UpdateProjectInput};
use super::types::{Project, ProjectConnection, connection, joins};
use super::write;
use crate::domains::milestones::MilestonesOfProject;
use crate::domains::partners::PartnersOfProject;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::Scope;
use crate::store::prefetch::Join;

/// Root fields for projects.
#[derive(Default)]
pub struct ProjectQuery;

crate::object! {
    /// Root fields for projects.
    impl ProjectQuery {
        /// The project with this slug; null when there is none.
        lookup fn project(&self, ctx, slug) -> Project {
            let found = by_slug::<project::Model>(ctx, &slug, &lookup_joins(ctx)).await?;
            Ok(found.map(Project))
        }

        /// Projects, filtered, sorted and paged. Default order is by id.
        list fn projects(&self, ctx, filter: ProjectFilter, order_by: ProjectOrder, args) -> ProjectConnection {
            connection(ctx, filter, order_by, &args, Scope::Root)
        }
    }
}

/// What a project lookup reads in its statement: its city and park when
/// selected, and its partners, milestones and sources where lookups nest
/// lists (see [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut list = joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = project::Column::Id;
        if selects(ctx, "partners") {
            list.push(join_children::<PartnersOfProject>("project_partners", id));
        }
        if selects(ctx, "milestones") || selects(ctx, "progress") {
            list.push(join_children::<MilestonesOfProject>(
                "project_milestones",
                id,
            ));
        }
        if selects(ctx, "sources") {
            list.push(join_children::<SourcesOf<project::Model>>(
                "project_sources",
                id,
            ));
        }
    }
    list
}

/// Writes to projects and their milestones.
#[derive(Default)]
pub struct ProjectMutation;

crate::object! {
    /// Writes to projects and their milestones.
    impl ProjectMutation {
        /// Creates a project. Needs a `write` key not bound to an organization.
        write fn create_project(input: CreateProjectInput = "The new project.")
            -> Project by Write, retry "createProject" => write::create;

        /// Changes a project. `version` must equal its current version, else
        /// CONFLICT and nothing changes. A figure that a PREFERRED claim holds
        /// is changed through claims (`recordProjectClaim`,
        /// `rankProjectClaim`), not here: BAD_USER_INPUT. Keys bound to an
        /// organization may only change projects it partners in.
        write fn update_project(
            slug: String = "The project's slug.",
            version: i32 = "The version you last read (`Project.version`).",
            input: UpdateProjectInput = "The changes.",
        ) -> Project by Write, retry "updateProject" => write::update;

        /// Deletes a project. With partners, milestones or claims it is
        /// CONFLICT unless `cascade` is true, which deletes them too; while a
        /// national figure (`indicators`) is about it, it is CONFLICT.
        delete fn delete_project(
            slug: String = "The project's slug.",
            version: i32 = "The version you last read (`Project.version`).",
            cascade: Option<bool> = "Also delete its partners, milestones and claims."
                default "Some(false)",
        ) by Write, retry "deleteProject" => write::delete;
    }
}
