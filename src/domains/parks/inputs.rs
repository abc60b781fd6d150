use async_graphql::{Enum, InputObject};
use entity::park::{Column, Entity};
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, SelectStatement};

use super::types::{ParkKind, ParkStatus};
use crate::domains::cities::CityFilter;
use crate::domains::firms::FirmFilter;
use crate::domains::organizations::OrganizationFilter;
use crate::graphql::kit::filters::{IntFilter, SortDirection, StringFilter, one_of};
use crate::store::filter::{Text, combine};
use crate::store::listing::{KeyKind, OrderKey};

/// Which parks to include. All given fields must match; combine with `and`, `or`, `not`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct ParkFilter {
    /// Every one of these filters must match.
    pub and: Option<Vec<ParkFilter>>,
    /// At least one of these filters must match.
    pub or: Option<Vec<ParkFilter>>,
    /// This filter must not match.
    pub not: Option<Box<ParkFilter>>,
    /// On the slug.
    pub slug: Option<StringFilter>,
    /// On the name.
    pub name: Option<StringFilter>,
    /// Of one of these kinds.
    pub kind: Option<Vec<ParkKind>>,
    /// With one of these statuses.
    pub status: Option<Vec<ParkStatus>>,
    /// In a city matching this filter.
    pub city: Option<CityFilter>,
    /// Run by an organization matching this filter.
    pub operator: Option<OrganizationFilter>,
    /// On the covered area in square feet.
    pub area_sqft: Option<IntFilter>,
    /// On the year the park opened.
    pub opened_year: Option<IntFilter>,
    /// Parks with at least one tenant matching this filter.
    pub has_tenant: Option<Box<FirmFilter>>,
}

pub(crate) fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

impl ParkFilter {
    /// The SQL condition on the `park` table.
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
                .add_option(self.kind.as_ref().map(|k| one_of(col(Column::Kind), k)))
                .add_option(self.status.as_ref().map(|s| one_of(col(Column::Status), s)))
                .add_option(
                    self.city
                        .as_ref()
                        .map(|f| col(Column::CityId).in_subquery(f.ids())),
                )
                .add_option(
                    self.operator
                        .as_ref()
                        .map(|f| col(Column::OperatorId).in_subquery(f.ids())),
                )
                .add_option(
                    self.area_sqft
                        .as_ref()
                        .map(|f| f.condition(col(Column::AreaSqft))),
                )
                .add_option(
                    self.opened_year
                        .as_ref()
                        .map(|f| f.condition(col(Column::OpenedYear))),
                )
                .add_option(self.has_tenant.as_ref().map(|f| {
                    col(Column::Id).in_subquery(crate::domains::tenancies::park_ids_with_tenant(f))
                }));
        combine(
            own,
            self.and.as_deref(),
            self.or.as_deref(),
            self.not.as_deref(),
            |f| f.condition(),
        )
    }

    /// `SELECT park.id FROM park WHERE <this filter>`, for relation filters.
    pub fn ids(&self) -> SelectStatement {
        crate::store::table::ids_where::<Entity>(self.condition())
    }
}

/// Fields parks can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
    /// By covered area (unknown areas last).
    AreaSqft,
    /// By opening year (unknown years last).
    OpenedYear,
    /// By the number of tenancies recorded for the park.
    TenantCount,
}

/// One sort key for parks; ties are broken by id.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct ParkOrder {
    /// What to sort by.
    pub field: ParkOrderField,
    /// Which way (default ascending).
    #[graphql(default_with = "Some(SortDirection::Asc)")]
    pub direction: Option<SortDirection>,
}

/// `park.tenant_count`: the park's tenancy rows, open or ended, kept by
/// database triggers (migration `m20261128_000006`). Not in the entity, as
/// nothing may write it.
pub(crate) fn tenant_count() -> Expr {
    Expr::col((Entity, Alias::new("tenant_count")))
}

impl ParkOrder {
    /// The SQL sort key.
    pub fn key(&self) -> OrderKey {
        let desc = self.direction == Some(SortDirection::Desc);
        match self.field {
            ParkOrderField::Name => {
                OrderKey::required("name_folded", col(Column::NameFolded), KeyKind::Text, desc)
            }
            ParkOrderField::AreaSqft => {
                OrderKey::optional("area_sqft", col(Column::AreaSqft), KeyKind::Int, desc)
            }
            ParkOrderField::OpenedYear => {
                OrderKey::optional("opened_year", col(Column::OpenedYear), KeyKind::Int, desc)
            }
            ParkOrderField::TenantCount => {
                OrderKey::required("tenant_count", tenant_count(), KeyKind::Int, desc)
            }
        }
    }
}
