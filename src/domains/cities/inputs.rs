//! How clients filter and sort cities.

use async_graphql::Enum;
use entity::city::{Column, Entity};
use sea_orm::sea_query::Expr;

use super::types::Province;
use crate::graphql::kit::filters::{StringFilter, one_of};
use crate::store::filter::Text;
use crate::store::listing::{KeyKind, OrderKey};

fn col(column: Column) -> Expr {
    Expr::col((Entity, column))
}

crate::entity_filter! {
    /// Which cities to include. All given fields must match; combine with `and`, `or`, `not`.
    CityFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
        /// On the name.
        name: StringFilter => |f| f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded))),
        /// In one of these provinces.
        province: Vec<Province> => |p| one_of(col(Column::Province), p),
    }
}

/// Fields cities can be sorted by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CityOrderField {
    /// By name, ignoring case: lower-cased names by Unicode code point, the
    /// same on every database (so `Ölpark` follows `Zafar`).
    Name,
}

impl CityOrderField {
    /// The SQL sort key.
    pub fn key(self, desc: bool) -> OrderKey {
        match self {
            Self::Name => {
                OrderKey::required("name_folded", col(Column::NameFolded), KeyKind::Text, desc)
            }
        }
    }
}

crate::entity_order! {
    /// One sort key for cities; ties are broken by id.
    CityOrder by CityOrderField
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::SqliteQueryBuilder;

    use super::*;

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
