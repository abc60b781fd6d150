use async_graphql::{Context, Object};

use super::connection::{ProjectConnection, connection};
use super::inputs::{ProjectFilter, ProjectOrder};
use super::loaders::{MilestonesOfProject, PartnersOfProject};
use super::types::Project;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::{PageArgs, Scope};
use crate::store::prefetch::Join;
use entity::project;

/// Root fields for projects.
#[derive(Default)]
pub struct ProjectQuery;

/// Root fields for projects.
#[Object]
impl ProjectQuery {
    /// The project with this slug; null when there is none.
    async fn project(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Project>> {
        Ok(by_slug::<project::Model>(ctx, &slug, &lookup_joins(ctx))
            .await?
            .map(Project))
    }

    /// Projects, filtered, sorted and paged. Default order is by id.
    async fn projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<ProjectFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<ProjectOrder>>,
        #[graphql(
            desc = "At most this many records from the start, or after `after` (0 to 100; default 20)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Only records after this cursor (from `endCursor` or an edge).")]
        after: Option<String>,
        #[graphql(
            desc = "At most this many records from the end, or before `before` (0 to 100); not with `first`."
        )]
        last: Option<i32>,
        #[graphql(desc = "Only records before this cursor (from `startCursor` or an edge).")]
        before: Option<String>,
    ) -> async_graphql::Result<ProjectConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(connection(ctx, filter, order_by, &args, Scope::Root)?)
    }
}

/// What a project lookup reads in its statement: its city and park when
/// selected, and its partners, milestones and sources where lookups nest
/// lists (see [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut joins = super::connection::joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = project::Column::Id;
        if selects(ctx, "partners") {
            joins.push(join_children::<PartnersOfProject>("project_partners", id));
        }
        if selects(ctx, "milestones") || selects(ctx, "progress") {
            joins.push(join_children::<MilestonesOfProject>(
                "project_milestones",
                id,
            ));
        }
        if selects(ctx, "sources") {
            joins.push(join_children::<SourcesOf<project::Model>>(
                "project_sources",
                id,
            ));
        }
    }
    joins
}
