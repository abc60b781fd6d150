use entity::firm;
use sea_orm::sea_query::Condition;

use super::inputs::{FirmFilter, FirmOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};

/// A page of firms matching `filter`.
pub fn listing(
    filter: Option<FirmFilter>,
    order_by: Option<Vec<FirmOrder>>,
    args: &PageArgs,
) -> AppResult<Listing<firm::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(FirmOrder::key)
        .collect();
    entity_listing::<firm::Entity>(condition, keys, args, Scope::Root)
}
