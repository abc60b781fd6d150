use entity::project;
use sea_orm::sea_query::Condition;

use super::connection::ProjectConnection;
use super::inputs::{ProjectFilter, ProjectOrder};
use crate::error::AppResult;
use crate::relay::{PageArgs, Scope, entity_listing};

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
