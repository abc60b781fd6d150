use async_graphql::{Context, Object};

use super::inputs::{CityFilter, CityOrder};
use super::service;
use super::types::{City, CityConnection};
use crate::db::Db;
use crate::relay::{PageArgs, Scope};

/// Root fields for cities.
#[derive(Default)]
pub struct CityQuery;

#[Object]
impl CityQuery {
    /// The city with this slug; null when there is none.
    async fn city(&self, ctx: &Context<'_>, slug: String) -> async_graphql::Result<Option<City>> {
        let db = ctx.data::<Db>()?;
        Ok(service::find_by_slug(db, &slug).await?.map(City))
    }

    /// Cities, filtered and paged. Default order is by id.
    async fn cities(
        &self,
        filter: Option<CityFilter>,
        order_by: Option<Vec<CityOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<CityConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(CityConnection(service::listing(
            filter,
            order_by,
            &args,
            Scope::Root,
        )?))
    }
}
