//! Reads of projects.

use entity::project;
use sea_orm::sea_query::Expr;

use super::inputs::{ProjectFilter, ProjectOrder, col};
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, list};

/// The projects matching `filter`, sorted by `order_by` (then id), paged by
/// `args`, at the root or under a parent.
pub fn listing(
    filter: Option<ProjectFilter>,
    order_by: Option<Vec<ProjectOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<project::Model>> {
    list::<project::Entity, _, _>(filter, order_by, args, scope)
}

/// The numeric fields `aggregate` sums up, in `ProjectNumbers`' order.
pub fn numeric_fields() -> Vec<Expr> {
    vec![
        col(project::Column::CostUsd),
        col(project::Column::AreaSqft),
        col(project::Column::JobsTarget),
        col(project::Column::ExportsTargetUsd),
        col(project::Column::TargetYear),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::domains::projects::ProjectOrderField;
    use crate::graphql::kit::filters::SortDirection;
    use crate::store::listing::summary_measures;

    #[tokio::test]
    async fn projects_sort_by_cost_with_unknown_costs_last() {
        let db = seeded_for_test().await;
        let order = vec![ProjectOrder {
            field: ProjectOrderField::CostUsd,
            direction: Some(SortDirection::Desc),
        }];

        let listing = listing(None, Some(order), &PageArgs::default(), Scope::Root).unwrap();
        let page = listing.fetch(&db).await.unwrap();

        let costs: Vec<Option<f64>> = page.items.iter().map(|(_, p)| p.cost_usd).collect();
        let known: Vec<f64> = costs.iter().flatten().copied().collect();
        assert!(known.windows(2).all(|w| w[0] >= w[1]), "{costs:?}");
        let first_unknown = costs
            .iter()
            .position(Option::is_none)
            .unwrap_or(costs.len());
        assert!(
            costs[first_unknown..].iter().all(Option::is_none),
            "{costs:?}"
        );
    }

    #[tokio::test]
    async fn the_aggregate_covers_every_matching_project() {
        let db = seeded_for_test().await;
        let listing = listing(
            None,
            None,
            &PageArgs::new(Some(1), None, None, None),
            Scope::Root,
        );

        let spec = listing
            .unwrap()
            .stats(summary_measures(&numeric_fields()), None, |_| {});
        let rows = spec.fetch(&db).await.unwrap();

        let projects =
            crate::store::table::by_ids::<project::Entity>(&db, &(1..100).collect::<Vec<_>>())
                .await
                .unwrap();
        assert_eq!(rows[0].count(0), projects.len() as i64);
    }
}
