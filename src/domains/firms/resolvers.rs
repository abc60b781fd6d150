use async_graphql::{Context, Object};

use super::inputs::{FirmFilter, FirmOrder};
use super::service;
use super::types::{Firm, FirmConnection};
use crate::store::listing::PageArgs;

/// Root fields for firms.
#[derive(Default)]
pub struct FirmQuery;

/// Root fields for firms.
#[Object]
impl FirmQuery {
    /// The firm with this slug; null when there is none.
    async fn firm(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::store::filter::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Firm>> {
        Ok(service::by_slug(ctx, &slug).await?.map(Firm))
    }

    /// Firms, filtered, sorted and paged. Default order is by id.
    async fn firms(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<FirmFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<FirmOrder>>,
        #[graphql(
            desc = "At most this many records from the start, or after `after` (0 to 100; default 20)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Only records after this cursor (from `endCursor` or an edge).")]
        after: Option<String>,
        #[graphql(
            desc = "At most this many records from the end, or before `before` (0 to 100); not with `first`."
        )]
        last: Option<i32>,
        #[graphql(desc = "Only records before this cursor (from `startCursor` or an edge).")]
        before: Option<String>,
    ) -> async_graphql::Result<FirmConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(FirmConnection(
            service::listing(filter, order_by, &args)?.shaped(ctx),
        ))
    }
}
