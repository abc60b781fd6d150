use async_graphql::{Context, Object};

use super::inputs::{FirmFilter, FirmOrder};
use super::service;
use super::types::{Firm, FirmConnection};
use crate::db::Db;
use crate::relay::PageArgs;

/// Root fields for firms.
#[derive(Default)]
pub struct FirmQuery;

#[Object]
impl FirmQuery {
    /// The firm with this slug; null when there is none.
    async fn firm(&self, ctx: &Context<'_>, slug: String) -> async_graphql::Result<Option<Firm>> {
        let db = ctx.data::<Db>()?;
        Ok(service::find_by_slug(db, &slug).await?.map(Firm))
    }

    /// Firms, filtered, sorted and paged. Default order is by id.
    async fn firms(
        &self,
        filter: Option<FirmFilter>,
        order_by: Option<Vec<FirmOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<FirmConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(FirmConnection(service::listing(filter, order_by, &args)?))
    }
}
