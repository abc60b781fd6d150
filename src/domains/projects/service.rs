use entity::project;
use sea_orm::sea_query::Condition;

use super::inputs::{ProjectFilter, ProjectOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};

/// A list of projects matching `filter`, at the root or under a parent.
pub fn listing(
    filter: Option<ProjectFilter>,
    order_by: Option<Vec<ProjectOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<project::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(ProjectOrder::key)
        .collect();
    entity_listing::<project::Entity>(condition, keys, args, scope)
}
