use async_graphql::{Context, Object};

use super::inputs::IndicatorFilter;
use super::service;
use super::types::Indicator;
use crate::store::Db;

/// Root fields for national indicators.
#[derive(Default)]
pub struct IndicatorQuery;

/// Root fields for national indicators.
#[Object]
impl IndicatorQuery {
    /// National figures, ordered by key and then period. The table is small
    /// (about 140 rows), so this is a plain list.
    async fn indicators(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<IndicatorFilter>,
    ) -> async_graphql::Result<Vec<Indicator>> {
        let db = ctx.data::<Db>()?;
        Ok(service::list(db, filter)
            .await?
            .into_iter()
            .map(Indicator)
            .collect())
    }
}
