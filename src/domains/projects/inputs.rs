//! What clients send about projects: filters, sort keys, and the inputs of
//! their writes.

use async_graphql::{InputObject, MaybeUndefined};
use entity::project::{Column, Entity};
use entity::project_partner;
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};

use crate::domains::cities::CityFilter;
use crate::domains::organizations::OrganizationFilter;
use crate::domains::parks::ParkStatus;
use crate::graphql::kit::filters::{FloatFilter, IntFilter, StringFilter, one_of};
use crate::store::filter::{Text, col};
use crate::writes::sources::SourceInput;

/// The projects some partner matching `organizations` takes part in.
fn with_partner(organizations: SelectStatement) -> SelectStatement {
    let partner = |c| Expr::col((project_partner::Entity, c));
    Query::select()
        .column((project_partner::Entity, project_partner::Column::ProjectId))
        .from(project_partner::Entity)
        .and_where(partner(project_partner::Column::OrganizationId).in_subquery(organizations))
        .to_owned()
}

crate::entity_filter! {
    /// Which projects to include. All given fields must match; combine with `and`, `or`, `not`.
    ProjectFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
        /// On the name.
        name: StringFilter => |f| f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded))),
        /// With one of these statuses.
        status: Vec<ParkStatus> => |s| one_of(col(Column::Status), s),
        /// In a city matching this filter.
        city: CityFilter => |f| col(Column::CityId).in_subquery(f.ids()),
        /// On the approved cost in US dollars.
        cost_usd: FloatFilter => |f| f.condition(col(Column::CostUsd)),
        /// On the target year.
        target_year: IntFilter => |f| f.condition(col(Column::TargetYear)),
        /// On the jobs target.
        jobs_target: IntFilter => |f| f.condition(col(Column::JobsTarget)),
        /// Projects with a partner matching this filter.
        has_partner: OrganizationFilter => |f| col(Column::Id).in_subquery(with_partner(f.ids())),
    }
}

crate::entity_order! {
    /// One sort key for projects; ties are broken by id.
    ProjectOrder by
    /// Fields projects can be sorted by.
    ProjectOrderField {
        /// By name, ignoring case: lower-cased names by Unicode code point, the
        /// same on every database (so `Ölpark` follows `Zafar`).
        Name => required Text ("name_folded", col(Column::NameFolded)),
        /// By approved cost (unknown last).
        CostUsd => optional Float ("cost_usd", col(Column::CostUsd)),
        /// By target year (unknown last).
        TargetYear => optional Int ("target_year", col(Column::TargetYear)),
        /// By jobs target (unknown last).
        JobsTarget => optional Int ("jobs_target", col(Column::JobsTarget)),
    }
}

/// A new project.
#[derive(InputObject, Clone, Debug)]
pub struct CreateProjectInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Where it stands.
    pub status: ParkStatus,
    /// The slug of its city.
    pub city_slug: String,
    /// The slug of the park it builds, once that exists.
    pub park_slug: Option<String>,
    /// Cost in US dollars.
    pub cost_usd: Option<f64>,
    /// Covered area in square feet.
    pub area_sqft: Option<i64>,
    /// The year it should be finished (1900 to 2200).
    pub target_year: Option<i32>,
    /// Jobs it should create.
    pub jobs_target: Option<i32>,
    /// Yearly IT exports it should enable, US dollars.
    pub exports_target_usd: Option<f64>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateProjectInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// Where it stands (cannot be null).
    pub status: MaybeUndefined<ParkStatus>,
    /// The slug of its city (cannot be null).
    pub city_slug: MaybeUndefined<String>,
    /// The slug of the park it builds; null for none.
    pub park_slug: MaybeUndefined<String>,
    /// Cost in US dollars.
    pub cost_usd: MaybeUndefined<f64>,
    /// Covered area in square feet.
    pub area_sqft: MaybeUndefined<i64>,
    /// The year it should be finished.
    pub target_year: MaybeUndefined<i32>,
    /// Jobs it should create.
    pub jobs_target: MaybeUndefined<i32>,
    /// Yearly IT exports it should enable, US dollars.
    pub exports_target_usd: MaybeUndefined<f64>,
    /// Free-text notes.
    pub notes: MaybeUndefined<String>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::graphql::kit::filters::SortDirection;
    use crate::store::listing::{PageArgs, Scope, list};

    #[tokio::test]
    async fn projects_sort_by_cost_with_unknown_costs_last() {
        let db = seeded_for_test().await;
        let order = vec![ProjectOrder {
            field: ProjectOrderField::CostUsd,
            direction: Some(SortDirection::Desc),
        }];

        let listing = list(
            None::<ProjectFilter>,
            Some(order),
            &PageArgs::default(),
            Scope::Root,
        );
        let listing = listing.unwrap();
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
}
