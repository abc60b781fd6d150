//! How clients filter and sort cities.

use entity::city::{Column, Entity};

use super::types::Province;
use crate::graphql::kit::filters::{StringFilter, one_of};
use crate::store::filter::{Text, col};

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

crate::entity_order! {
    /// One sort key for cities; ties are broken by id.
    CityOrder by
    /// Fields cities can be sorted by.
    CityOrderField {
        /// By name, ignoring case: lower-cased names by Unicode code point, the
        /// same on every database (so `Ölpark` follows `Zafar`).
        Name => required Text ("name_folded", col(Column::NameFolded)),
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::SqliteQueryBuilder;

    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::store::listing::{PageArgs, Scope, list};

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

    #[tokio::test]
    async fn cities_are_listed_by_name_with_their_filter() {
        let db = seeded_for_test().await;
        let filter = CityFilter {
            name: Some(StringFilter {
                starts_with: Some("isl".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let order = vec![CityOrder {
            field: CityOrderField::Name,
            direction: None,
        }];

        let listing =
            list::<_, CityOrder>(Some(filter), Some(order), &PageArgs::default(), Scope::Root);
        let page = listing.unwrap().fetch(&db).await.unwrap();

        let names: Vec<&str> = page.items.iter().map(|(_, c)| c.name.as_str()).collect();
        assert_eq!(names, ["Islamabad"]);
    }
}
