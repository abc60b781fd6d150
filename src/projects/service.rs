use entity::project;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::connection::ProjectConnection;
use super::inputs::{ProjectFilter, ProjectOrder};
use crate::db::Db;
use crate::error::AppResult;
use crate::relay::{PageArgs, Scope, entity_listing};

/// The project with this slug, if any.
pub async fn find_by_slug(db: &Db, slug: &str) -> AppResult<Option<project::Model>> {
    Ok(project::Entity::find()
        .filter(project::Column::Slug.eq(slug))
        .one(&db.conn)
        .await?)
}

/// A project connection, for the root and for `city.projects`.
pub fn connection(
    filter: Option<ProjectFilter>,
    order_by: Option<Vec<ProjectOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ProjectConnection> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(ProjectOrder::key)
        .collect();
    Ok(ProjectConnection(entity_listing::<project::Entity>(
        condition, keys, args, scope,
    )?))
}
