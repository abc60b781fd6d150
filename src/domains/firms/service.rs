//! Reads of firms.

use entity::firm;
use sea_orm::sea_query::Expr;

use super::inputs::{FirmFilter, FirmOrder, col};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, list};

/// The firms matching `filter`, sorted by `order_by` (then id), paged by
/// `args`.
pub fn listing(
    filter: Option<FirmFilter>,
    order_by: Option<Vec<FirmOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<firm::Model>> {
    list::<firm::Entity, _, _>(filter, order_by, args, scope)
}

/// The numeric fields `aggregate` sums up, in `FirmNumbers`' order.
pub fn numeric_fields() -> Vec<Expr> {
    vec![col(firm::Column::Employees)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::domains::parks::ParkFilter;
    use crate::graphql::kit::filters::StringFilter;

    #[tokio::test]
    async fn firms_are_found_by_the_park_they_rent_in() {
        let db = seeded_for_test().await;
        let park = ParkFilter {
            slug: Some(StringFilter {
                eq: Some("pseb-stp1-awami-markaz-islamabad".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let filter = FirmFilter {
            in_park: Some(Box::new(park)),
            ..Default::default()
        };

        let args = PageArgs::new(Some(100), None, None, None);
        let page = listing(Some(filter), None, &args, Scope::Root)
            .unwrap()
            .fetch(&db)
            .await
            .unwrap();

        assert_eq!(page.items.len(), 18);
    }
}
