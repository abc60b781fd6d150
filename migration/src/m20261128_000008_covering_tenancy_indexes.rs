//! A park's tenants and a firm's parks are read from the tenancy index alone.
//!
//! A nested page (`park.tenants(first: 20)`) walks `(park_id, id)` and joins
//! each tenancy to its firm through `firm_id`, which only the table row held:
//! one heap fetch per tenancy, 1,050 of them for Q2's 50 parks (1,180 of its
//! 4,330 buffer reads on PostgreSQL). With the other foreign key carried in
//! the index, PostgreSQL runs an index-only scan (156 buffers) and SQLite a
//! covering-index search. The same holds for `(firm_id, id)` and `park_id`,
//! and for the relation filters (`park.hasTenant`, `firm.inPark`), which read
//! one foreign key of the tenancies they find by the other. These replace the
//! plain `(fk, id)` indexes of migration 1, whose every use they serve.
//!
//! PostgreSQL keeps the extra column out of the key (`INCLUDE`); SQLite has
//! no `INCLUDE` and takes it as a last key column, which orders nothing that
//! `id`, unique, has not already ordered.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each foreign key of `tenancy` with the one the index also carries.
const KEYS: [(&str, &str); 2] = [("park_id", "firm_id"), ("firm_id", "park_id")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        for (key, carried) in KEYS {
            let columns = if postgres {
                format!("({key}, id) INCLUDE ({carried})")
            } else {
                format!("({key}, id, {carried})")
            };
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_tenancy_{key}_{carried} ON tenancy {columns}"
            ))
            .await?;
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_tenancy_{key}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (key, carried) in KEYS {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_tenancy_{key} ON tenancy ({key}, id)"
            ))
            .await?;
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_tenancy_{key}_{carried}"))
                .await?;
        }
        Ok(())
    }
}
