//! Indexes found missing by the benchmark (benches/, Q3 at synthetic scale 10):
//!
//! - `park (city_id, area_sqft, id)`: "parks in these cities with at least N
//!   sq ft" is answered from the index alone, so `totalCount` under a city
//!   filter reads index entries instead of every matching row.
//! - PostgreSQL only: `(column DESC NULLS LAST, id DESC)` for each nullable
//!   sort key. The API sorts unknown values last in both directions; a
//!   backward scan of an ascending index gives DESC NULLS FIRST, so without
//!   these PostgreSQL sorted every matching row for a descending page.
//!   (SQLite's backward scan already puts NULLs last.)
//! - PostgreSQL only: `LOWER(name)` on every named table. Name filters
//!   compare lower-cased text; the expression index gives the planner
//!   statistics for it (it guessed 2 matching cities where 76 matched, and
//!   chose a plan that visited every park of them) and, with
//!   `text_pattern_ops`, serves `startsWith` as a range scan.

use sea_orm_migration::prelude::*;

use crate::helpers::{create_indexes, index_with_id};

#[derive(DeriveMigrationName)]
pub struct Migration;

const NULLABLE_SORT_KEYS: [(&str, &str); 6] = [
    ("park", "area_sqft"),
    ("park", "opened_year"),
    ("firm", "employees"),
    ("project", "cost_usd"),
    ("project", "target_year"),
    ("project", "jobs_target"),
];

const NAMED: [&str; 5] = ["city", "park", "firm", "organization", "project"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_indexes(
            manager,
            vec![index_with_id("park", &["city_id", "area_sqft"])],
        )
        .await?;
        if manager.get_database_backend() != sea_orm::DbBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        for (table, column) in NULLABLE_SORT_KEYS {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_{table}_{column}_desc \
                 ON {table} ({column} DESC NULLS LAST, id DESC)"
            ))
            .await?;
        }
        for table in NAMED {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_{table}_lower_name \
                 ON {table} (LOWER(name) text_pattern_ops)"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let mut names = vec!["ix_park_city_id_area_sqft".to_owned()];
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            names.extend(NULLABLE_SORT_KEYS.map(|(t, c)| format!("ix_{t}_{c}_desc")));
            names.extend(NAMED.map(|t| format!("ix_{t}_lower_name")));
        }
        for name in names {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
                .await?;
        }
        Ok(())
    }
}
