use async_graphql::{Context, Object};

use super::inputs::{CityFilter, CityOrder};
use super::service;
use super::types::{City, CityConnection};
use crate::store::listing::{PageArgs, Scope};

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
            validator(custom = "crate::store::filter::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<City>> {
        let found = crate::graphql::kit::loader::by_slug::<entity::city::Entity>(
            ctx,
            entity::city::Column::Slug,
            &slug,
        );
        Ok(found.await?.map(City))
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
        Ok(CityConnection(
            service::listing(filter, order_by, &args, Scope::Root)?.shaped(ctx),
        ))
    }
}
