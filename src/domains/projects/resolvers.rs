use async_graphql::{Context, Object};

use super::connection::ProjectConnection;
use super::inputs::{ProjectFilter, ProjectOrder};
use super::service;
use super::types::Project;
use crate::store::listing::{PageArgs, Scope};

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
            validator(custom = "crate::store::filter::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Project>> {
        Ok(service::by_slug(ctx, &slug).await?.map(Project))
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
        Ok(service::connection(
            ctx,
            filter,
            order_by,
            &args,
            Scope::Root,
        )?)
    }
}
