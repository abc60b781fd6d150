//! The root field for national indicators.

use async_graphql::Context;

use super::inputs::IndicatorFilter;
use super::service;
use super::types::Indicator;
use crate::store::Db;

/// Root fields for national indicators.
#[derive(Default)]
pub struct IndicatorQuery;

crate::object! {
    /// Root fields for national indicators.
    impl IndicatorQuery {
        /// National figures, ordered by key and then period. The table is small
        /// (about 140 rows), so this is a plain list.
        async fn indicators(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "Only records matching this filter.")] filter: Option<IndicatorFilter>,
        ) -> async_graphql::Result<Vec<Indicator>> {
            let rows = service::list(ctx.data::<Db>()?, filter).await?;
            Ok(rows.into_iter().map(Indicator).collect())
        }
    }
}
