use async_graphql::{Enum, InputObject};
use entity::firm::{Column, Entity};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, SelectStatement};

use crate::domains::parks::ParkFilter;
use crate::graphql::kit::filters::{IntFilter, SortDirection, StringFilter};
use crate::store::filter::{Text, combine};
use crate::store::listing::{KeyKind, OrderKey};

/// Which firms to include. All given fields must match; combine with `and`, `or`, `not`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct FirmFilter {
    /// Every one of these filters must match.
    pub and: Option<Vec<FirmFilter>>,
    /// At least one of these filters must match.
    pub or: Option<Vec<FirmFilter>>,
    /// This filter must not match.
    pub not: Option<Box<FirmFilter>>,
    /// On the slug.
    pub slug: Option<StringFilter>,
    /// On the name.
    pub name: Option<StringFilter>,
    /// On the sector text.
    pub sector: Option<StringFilter>,
    /// On the head count.
    pub employees: Option<IntFilter>,
    /// Firms with a tenancy in a park matching this filter.
    pub in_park: Option<Box<ParkFilter>>,
}

pub(crate) fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

impl FirmFilter {
    /// The SQL condition on the `firm` table.
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
                .add_option(self.sector.as_ref().map(|f| {
                    f.condition(&Text::folded(
                        col(Column::Sector),
                        col(Column::SectorFolded),
                    ))
                }))
                .add_option(
                    self.employees
                        .as_ref()
                        .map(|f| f.condition(col(Column::Employees))),
                )
                .add_option(self.in_park.as_ref().map(|f| {
                    col(Column::Id).in_subquery(crate::domains::tenancies::firm_ids_in_parks(f))
                }));
        combine(
            own,
            self.and.as_deref(),
            self.or.as_deref(),
            self.not.as_deref(),
            |f| f.condition(),
        )
    }

    /// `SELECT firm.id FROM firm WHERE <this filter>`, for relation filters.
    pub fn ids(&self) -> SelectStatement {
        crate::store::table::ids_where::<Entity>(self.condition())
    }
}

/// Fields firms can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum FirmOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
    /// By head count (unknown last).
    Employees,
}

/// One sort key for firms; ties are broken by id.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct FirmOrder {
    /// What to sort by.
    pub field: FirmOrderField,
    /// Which way (default ascending).
    #[graphql(default_with = "Some(SortDirection::Asc)")]
    pub direction: Option<SortDirection>,
}

impl FirmOrder {
    /// The SQL sort key.
    pub fn key(&self) -> OrderKey {
        let desc = self.direction == Some(SortDirection::Desc);
        match self.field {
            FirmOrderField::Name => {
                OrderKey::required("name_folded", col(Column::NameFolded), KeyKind::Text, desc)
            }
            FirmOrderField::Employees => {
                OrderKey::optional("employees", col(Column::Employees), KeyKind::Int, desc)
            }
        }
    }
}
