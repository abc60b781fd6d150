use async_graphql::{Context, Object};

use super::connection::ProjectConnection;
use super::inputs::{ProjectFilter, ProjectOrder};
use super::service;
use super::types::Project;
use crate::db::Db;
use crate::relay::{PageArgs, Scope};

/// Root fields for projects.
#[derive(Default)]
pub struct ProjectQuery;

#[Object]
impl ProjectQuery {
    /// The project with this slug; null when there is none.
    async fn project(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<Option<Project>> {
        let db = ctx.data::<Db>()?;
        Ok(service::find_by_slug(db, &slug).await?.map(Project))
    }

    /// Projects, filtered, sorted and paged. Default order is by id.
    async fn projects(
        &self,
        filter: Option<ProjectFilter>,
        order_by: Option<Vec<ProjectOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<ProjectConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(service::connection(filter, order_by, &args, Scope::Root)?)
    }
}
