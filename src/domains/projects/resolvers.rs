//! The root fields and mutations for projects.

use async_graphql::Context;
use entity::project;

use super::inputs::{CreateProjectInput, ProjectFilter, ProjectOrder, UpdateProjectInput};
use super::types::{Project, ProjectConnection, connection, joins};
use super::write;
use crate::auth::KeyScope;
use crate::domains::milestones::MilestonesOfProject;
use crate::domains::partners::PartnersOfProject;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::mutation;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::Scope;
use crate::store::prefetch::Join;
use crate::writes::idempotency;

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
        async fn create_project(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The new project.")] input: CreateProjectInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Project> {
            let key = idempotency(idempotency_key, "createProject", &input)?;
            let written = mutation::write(ctx, KeyScope::Write, key, |w| {
                Box::pin(write::create(w, input))
            });
            Ok(Project(written.await?))
        }

        /// Changes a project. `version` must equal its current version, else
        /// CONFLICT and nothing changes. Keys bound to an organization may only
        /// change projects it partners in.
        async fn update_project(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The project's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Project.version`).")] version: i32,
            #[graphql(desc = "The changes.")] input: UpdateProjectInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Project> {
            let key = idempotency(idempotency_key, "updateProject", &(&slug, version, &input))?;
            let written = mutation::write(ctx, KeyScope::Write, key, |w| {
                Box::pin(write::update(w, slug, version, input))
            });
            Ok(Project(written.await?))
        }

        /// Deletes a project. With partners or milestones it is CONFLICT unless
        /// `cascade` is true, which deletes them too.
        async fn delete_project(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The project's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Project.version`).")] version: i32,
            #[graphql(
                desc = "Also delete its partners and milestones.",
                default_with = "Some(false)"
            )]
            cascade: Option<bool>,
        ) -> async_graphql::Result<bool> {
            let cascade = cascade.unwrap_or(false);
            mutation::delete(ctx, KeyScope::Write, |w| {
                Box::pin(write::delete(w, slug, version, cascade))
            })
            .await
        }
    }
}
