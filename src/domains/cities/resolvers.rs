//! The root fields for cities.

use entity::city;

use super::inputs::{CityFilter, CityOrder};
use super::types::{City, CityConnection};
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::by_slug;
use crate::store::listing::{Scope, list};

/// Root fields for cities.
#[derive(Default)]
pub struct CityQuery;

crate::object! {
    /// Root fields for cities.
    impl CityQuery {
        /// The city with this slug; null when there is none.
        lookup fn city(&self, ctx, slug) -> City {
            Ok(by_slug::<city::Model>(ctx, &slug, &[]).await?.map(City))
        }

        /// Cities, filtered and paged. Default order is by id.
        list fn cities(&self, ctx, filter: CityFilter, order_by: CityOrder, args) -> CityConnection {
            let listing = list(filter, order_by, &args, Scope::Root)?;
            Ok(CityConnection(Connection::new(listing, ctx)))
        }
    }
}
