use async_graphql::{Context, Object};

use super::connection::{ParkConnection, ParkStats};
use super::inputs::{ParkFilter, ParkOrder};
use super::service;
use super::types::Park;
use crate::store::listing::{PageArgs, Scope};

/// Root fields for parks.
#[derive(Default)]
pub struct ParkQuery;

/// Root fields for parks.
#[Object]
impl ParkQuery {
    /// The park with this slug; null when there is none.
    async fn park(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::store::filter::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Park>> {
        Ok(service::by_slug(ctx, &slug).await?.map(Park))
    }

    /// Parks, filtered, sorted and paged. Default order is by id.
    async fn parks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<ParkFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<ParkOrder>>,
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
    ) -> async_graphql::Result<ParkConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(service::connection(
            ctx,
            filter,
            order_by,
            &args,
            Scope::Root,
        )?)
    }

    /// Aggregates over the parks that match the filter (all parks without one).
    async fn park_stats(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only parks matching this filter; all parks without one.")] filter: Option<
            ParkFilter,
        >,
    ) -> async_graphql::Result<ParkStats> {
        let list = service::listing(filter, None, &PageArgs::default(), Scope::Root)?;
        Ok(ParkStats::new(list, ctx))
    }
}
