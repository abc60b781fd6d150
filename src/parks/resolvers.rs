use async_graphql::{Context, Object};

use super::connection::{ParkConnection, ParkStats};
use super::inputs::{ParkFilter, ParkOrder};
use super::service;
use super::types::Park;
use crate::db::Db;
use crate::relay::{PageArgs, Scope};

/// Root fields for parks.
#[derive(Default)]
pub struct ParkQuery;

#[Object]
impl ParkQuery {
    /// The park with this slug; null when there is none.
    async fn park(&self, ctx: &Context<'_>, slug: String) -> async_graphql::Result<Option<Park>> {
        let db = ctx.data::<Db>()?;
        Ok(service::find_by_slug(db, &slug).await?.map(Park))
    }

    /// Parks, filtered, sorted and paged. Default order is by id.
    async fn parks(
        &self,
        filter: Option<ParkFilter>,
        order_by: Option<Vec<ParkOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<ParkConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(service::connection(filter, order_by, &args, Scope::Root)?)
    }

    /// Aggregates over the parks that match the filter (all parks without one).
    async fn park_stats(&self, filter: Option<ParkFilter>) -> async_graphql::Result<ParkStats> {
        let list = service::listing(filter, None, &PageArgs::default(), Scope::Root)?;
        Ok(ParkStats(list))
    }
}
