use entity::organization;
use sea_orm::sea_query::Condition;

use super::inputs::{OrganizationFilter, OrganizationOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};

/// A page of organizations matching `filter`.
pub fn listing(
    filter: Option<OrganizationFilter>,
    order_by: Option<Vec<OrganizationOrder>>,
    args: &PageArgs,
) -> AppResult<Listing<organization::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(OrganizationOrder::key)
        .collect();
    entity_listing::<organization::Entity>(condition, keys, args, Scope::Root)
}
