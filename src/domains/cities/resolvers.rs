use async_graphql::{Context, Object};

use super::inputs::{CityFilter, CityOrder};
use super::service;
use super::types::{City, CityConnection};
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::by_slug;
use crate::store::listing::{PageArgs, Scope};
use entity::city;

/// Root fields for cities.
#[derive(Default)]
pub struct CityQuery;

/// Root fields for cities.
#[Object]
impl CityQuery {
    /// The city with this slug; null when there is none.
    async fn city(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<City>> {
        Ok(by_slug::<city::Model>(ctx, &slug, &[]).await?.map(City))
    }

    /// Cities, filtered and paged. Default order is by id.
    async fn cities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<CityFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<CityOrder>>,
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
    ) -> async_graphql::Result<CityConnection> {
        let args = PageArgs::new(first, after, last, before);
        let listing = service::listing(filter, order_by, &args, Scope::Root)?;
        Ok(CityConnection(Connection::new(listing, ctx)))
    }
}
