use async_graphql::{Enum, InputObject};
use entity::organization::{Column, Entity};
use sea_orm::sea_query::{Condition, Expr, SelectStatement};

use super::types::OrganizationKind;
use crate::graphql::kit::filters::{SortDirection, StringFilter};
use crate::store::filter::{Text, combine};
use crate::store::listing::{KeyKind, OrderKey};

/// Which organizations to include. All given fields must match; combine with
/// `and`, `or`, `not`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct OrganizationFilter {
    /// Every one of these filters must match.
    pub and: Option<Vec<OrganizationFilter>>,
    /// At least one of these filters must match.
    pub or: Option<Vec<OrganizationFilter>>,
    /// This filter must not match.
    pub not: Option<Box<OrganizationFilter>>,
    /// On the slug.
    pub slug: Option<StringFilter>,
    /// On the name.
    pub name: Option<StringFilter>,
    /// Of one of these kinds.
    pub kind: Option<Vec<OrganizationKind>>,
}

fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

impl OrganizationFilter {
    /// The SQL condition on the `organization` table.
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
                    self.kind
                        .as_ref()
                        .map(|k| crate::graphql::kit::filters::one_of(col(Column::Kind), k)),
                );
        combine(
            own,
            self.and.as_deref(),
            self.or.as_deref(),
            self.not.as_deref(),
            |f| f.condition(),
        )
    }

    /// `SELECT organization.id FROM organization WHERE <this filter>`.
    pub fn ids(&self) -> SelectStatement {
        crate::store::table::ids_where::<Entity>(self.condition())
    }
}

/// Fields organizations can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrganizationOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
}

/// One sort key for organizations; ties are broken by id.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct OrganizationOrder {
    /// What to sort by.
    pub field: OrganizationOrderField,
    /// Which way (default ascending).
    #[graphql(default_with = "Some(SortDirection::Asc)")]
    pub direction: Option<SortDirection>,
}

impl OrganizationOrder {
    /// The SQL sort key.
    pub fn key(&self) -> OrderKey {
        match self.field {
            OrganizationOrderField::Name => OrderKey::required(
                "name_folded",
                col(Column::NameFolded),
                KeyKind::Text,
                self.direction == Some(SortDirection::Desc),
            ),
        }
    }
}
