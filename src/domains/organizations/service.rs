//! Reads of organizations.

use entity::organization;

use super::inputs::{OrganizationFilter, OrganizationOrder};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, list};

/// The organizations matching `filter`, sorted by `order_by` (then id),
/// paged by `args`.
pub fn listing(
    filter: Option<OrganizationFilter>,
    order_by: Option<Vec<OrganizationOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<organization::Model>> {
    list::<organization::Entity, _, _>(filter, order_by, args, scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::domains::organizations::OrganizationKind;

    #[tokio::test]
    async fn organizations_are_filtered_by_kind() {
        let db = seeded_for_test().await;
        let filter = OrganizationFilter {
            kind: Some(vec![OrganizationKind::University]),
            ..Default::default()
        };

        let listing = listing(Some(filter), None, &PageArgs::default(), Scope::Root).unwrap();
        let page = listing.fetch(&db).await.unwrap();

        assert!(!page.items.is_empty());
        assert!(page.items.iter().all(|(_, o)| o.kind == "UNIVERSITY"));
    }
}
