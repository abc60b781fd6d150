use entity::city;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{CityFilter, CityOrder};
use crate::db::Db;
use crate::error::AppResult;
use crate::relay::{Listing, PageArgs, Scope, entity_listing};

/// The city with this slug, if any.
pub async fn find_by_slug(db: &Db, slug: &str) -> AppResult<Option<city::Model>> {
    Ok(city::Entity::find()
        .filter(city::Column::Slug.eq(slug))
        .one(&db.conn)
        .await?)
}

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
