use async_graphql::{Enum, InputObject};
use entity::city::{Column, Entity};
use sea_orm::sea_query::{Condition, Expr, SelectStatement};

use super::types::Province;
use crate::graphql::kit::filters::{SortDirection, StringFilter};
use crate::store::filter::{Text, combine};
use crate::store::listing::{KeyKind, OrderKey};

/// Which cities to include. All given fields must match; combine with `and`, `or`, `not`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct CityFilter {
    /// Every one of these filters must match.
    pub and: Option<Vec<CityFilter>>,
    /// At least one of these filters must match.
    pub or: Option<Vec<CityFilter>>,
    /// This filter must not match.
    pub not: Option<Box<CityFilter>>,
    /// On the slug.
    pub slug: Option<StringFilter>,
    /// On the name.
    pub name: Option<StringFilter>,
    /// In one of these provinces.
    pub province: Option<Vec<Province>>,
}

fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

impl CityFilter {
    /// The SQL condition on the `city` table.
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
                    self.province
                        .as_ref()
                        .map(|p| crate::graphql::kit::filters::one_of(col(Column::Province), p)),
                );
        combine(
            own,
            self.and.as_deref(),
            self.or.as_deref(),
            self.not.as_deref(),
            |f| f.condition(),
        )
    }

    /// `SELECT city.id FROM city WHERE <this filter>`, for relation filters.
    pub fn ids(&self) -> SelectStatement {
        crate::store::table::ids_where::<Entity>(self.condition())
    }
}

/// Fields cities can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CityOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
}

/// One sort key for cities; ties are broken by id.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct CityOrder {
    /// What to sort by.
    pub field: CityOrderField,
    /// Which way (default ascending).
    #[graphql(default_with = "Some(SortDirection::Asc)")]
    pub direction: Option<SortDirection>,
}

impl CityOrder {
    /// The SQL sort key.
    pub fn key(&self) -> OrderKey {
        match self.field {
            CityOrderField::Name => OrderKey::required(
                "name_folded",
                col(Column::NameFolded),
                KeyKind::Text,
                self.direction == Some(SortDirection::Desc),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::SqliteQueryBuilder;

    #[tokio::test]
    async fn sqlite_reads_a_name_prefix_as_a_range_of_the_folded_name_index() {
        let db = crate::store::Db::connect("sqlite::memory:", 1)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let filter = CityFilter {
            name: Some(StringFilter {
                starts_with: Some("Indus".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let (sql, _) = filter.ids().build(SqliteQueryBuilder);
        let steps = crate::store::explain_sqlite(&db, &sql).await;
        // A range of the index, not a scan of every name in it.
        assert!(
            steps.iter().any(|s| s.starts_with("SEARCH")
                && s.contains("ix_city_name_folded_id (name_folded>? AND name_folded<?)")),
            "{sql}: {steps:?}"
        );
    }
}
