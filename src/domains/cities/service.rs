use entity::city;
use sea_orm::sea_query::Condition;

use super::inputs::{CityFilter, CityOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};

/// A page of cities matching `filter`.
pub fn listing(
    filter: Option<CityFilter>,
    order_by: Option<Vec<CityOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<city::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(CityOrder::key)
        .collect();
    entity_listing::<city::Entity>(condition, keys, args, scope)
}
