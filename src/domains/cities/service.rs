//! Reads of cities.

use entity::city;

use super::inputs::{CityFilter, CityOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, list};

/// The cities matching `filter`, sorted by `order_by` (then id), paged by
/// `args`.
pub fn listing(
    filter: Option<CityFilter>,
    order_by: Option<Vec<CityOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<city::Model>> {
    list::<city::Entity, _, _>(filter, order_by, args, scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::graphql::kit::filters::StringFilter;

    #[tokio::test]
    async fn cities_are_listed_by_name_with_their_filter() {
        let db = seeded_for_test().await;
        let filter = CityFilter {
            name: Some(StringFilter {
                starts_with: Some("isl".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let order = vec![CityOrder {
            field: super::super::inputs::CityOrderField::Name,
            direction: None,
        }];

        let listing = listing(Some(filter), Some(order), &PageArgs::default(), Scope::Root);
        let page = listing.unwrap().fetch(&db).await.unwrap();

        let names: Vec<&str> = page.items.iter().map(|(_, c)| c.name.as_str()).collect();
        assert_eq!(names, ["Islamabad"]);
    }
}
