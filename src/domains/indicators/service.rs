//! Reads of national indicators.

use entity::indicator;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder};

use super::inputs::IndicatorFilter;
use crate::error::AppResult;
use crate::store::Db;

/// Indicators matching `filter`, by key, then period, then id.
pub async fn list(db: &Db, filter: Option<IndicatorFilter>) -> AppResult<Vec<indicator::Model>> {
    Ok(indicator::Entity::find()
        .filter(filter.unwrap_or_default().condition())
        .order_by_asc(indicator::Column::Key)
        .order_by_asc(indicator::Column::Period)
        .order_by_asc(indicator::Column::Id)
        .all(&db.conn)
        .await?)
}
