use async_graphql::{Enum, InputObject};
use entity::project::{Column, Entity};
use entity::project_partner;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Query};

use crate::domains::cities::CityFilter;
use crate::domains::organizations::OrganizationFilter;
use crate::domains::parks::ParkStatus;
use crate::graphql::kit::filters::{FloatFilter, IntFilter, SortDirection, StringFilter};
use crate::store::filter::{Text, combine};
use crate::store::listing::{KeyKind, OrderKey};

/// Which projects to include. All given fields must match; combine with `and`, `or`, `not`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct ProjectFilter {
    /// Every one of these filters must match.
    pub and: Option<Vec<ProjectFilter>>,
    /// At least one of these filters must match.
    pub or: Option<Vec<ProjectFilter>>,
    /// This filter must not match.
    pub not: Option<Box<ProjectFilter>>,
    /// On the slug.
    pub slug: Option<StringFilter>,
    /// On the name.
    pub name: Option<StringFilter>,
    /// With one of these statuses.
    pub status: Option<Vec<ParkStatus>>,
    /// In a city matching this filter.
    pub city: Option<CityFilter>,
    /// On the approved cost in US dollars.
    pub cost_usd: Option<FloatFilter>,
    /// On the target year.
    pub target_year: Option<IntFilter>,
    /// On the jobs target.
    pub jobs_target: Option<IntFilter>,
    /// Projects with a partner matching this filter.
    pub has_partner: Option<OrganizationFilter>,
}

pub(crate) fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

impl ProjectFilter {
    /// The SQL condition on the `project` table.
    pub fn condition(&self) -> Condition {
        let own =
            Condition::all()
                .add_option(
                    self.slug
                        .as_ref()
                        .map(|f| f.condition(&Text::plain(col(Column::Slug)))),
                )
                .add_option(self.name.as_ref().map(|f| {
                    f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded)))
                }))
                .add_option(
                    self.status
                        .as_ref()
                        .map(|s| crate::graphql::kit::filters::one_of(col(Column::Status), s)),
                )
                .add_option(
                    self.city
                        .as_ref()
                        .map(|f| col(Column::CityId).in_subquery(f.ids())),
                )
                .add_option(
                    self.cost_usd
                        .as_ref()
                        .map(|f| f.condition(col(Column::CostUsd))),
                )
                .add_option(
                    self.target_year
                        .as_ref()
                        .map(|f| f.condition(col(Column::TargetYear))),
                )
                .add_option(
                    self.jobs_target
                        .as_ref()
                        .map(|f| f.condition(col(Column::JobsTarget))),
                )
                .add_option(self.has_partner.as_ref().map(|f| {
                    let partners = Query::select()
                        .column((project_partner::Entity, project_partner::Column::ProjectId))
                        .from(project_partner::Entity)
                        .and_where(
                            Expr::col((
                                project_partner::Entity,
                                project_partner::Column::OrganizationId,
                            ))
                            .in_subquery(f.ids()),
                        )
                        .to_owned();
                    col(Column::Id).in_subquery(partners)
                }));
        combine(
            own,
            self.and.as_deref(),
            self.or.as_deref(),
            self.not.as_deref(),
            |f| f.condition(),
        )
    }
}

/// Fields projects can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ProjectOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
    /// By approved cost (unknown last).
    CostUsd,
    /// By target year (unknown last).
    TargetYear,
    /// By jobs target (unknown last).
    JobsTarget,
}

/// One sort key for projects; ties are broken by id.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct ProjectOrder {
    /// What to sort by.
    pub field: ProjectOrderField,
    /// Which way (default ascending).
    #[graphql(default_with = "Some(SortDirection::Asc)")]
    pub direction: Option<SortDirection>,
}

impl ProjectOrder {
    /// The SQL sort key.
    pub fn key(&self) -> OrderKey {
        let desc = self.direction == Some(SortDirection::Desc);
        match self.field {
            ProjectOrderField::Name => {
                OrderKey::required("name_folded", col(Column::NameFolded), KeyKind::Text, desc)
            }
            ProjectOrderField::CostUsd => {
                OrderKey::optional("cost_usd", col(Column::CostUsd), KeyKind::Float, desc)
            }
            ProjectOrderField::TargetYear => {
                OrderKey::optional("target_year", col(Column::TargetYear), KeyKind::Int, desc)
            }
            ProjectOrderField::JobsTarget => {
                OrderKey::optional("jobs_target", col(Column::JobsTarget), KeyKind::Int, desc)
            }
        }
    }
}
