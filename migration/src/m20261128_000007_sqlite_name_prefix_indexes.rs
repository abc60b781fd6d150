//! SQLite only: `name COLLATE NOCASE` on every named table, for `startsWith`.
//!
//! Name filters ignore case. PostgreSQL compares `LOWER(name)` and serves a
//! prefix from `ix_{table}_lower_name` (migration 4). SQLite cannot use an
//! index for `LOWER(name) LIKE 'indus%'`, so it lower-cased every name of
//! the table for each statement: 500 cities at synthetic scale 10 took
//! 0.3 ms, twice per Q3 request (page and count), and grew with the table.
//! SQLite's own LIKE already ignores ASCII case, so the API compares the bare
//! column there (`filters::ilike`), and SQLite's LIKE optimization reads the
//! prefix as a range of this index.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAMED: [&str; 5] = ["city", "park", "firm", "organization", "project"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = manager.get_connection();
        for table in NAMED {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_{table}_name_nocase \
                 ON {table} (name COLLATE NOCASE)"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = manager.get_connection();
        for table in NAMED {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_{table}_name_nocase"))
                .await?;
        }
        Ok(())
    }
}
