//! On PostgreSQL, what every replica must agree on: the rate-limit buckets
//! (`rate_bucket`, UNLOGGED: a bucket lost in a crash only refills early)
//! and the automatically persisted documents (`persisted_document`). SQLite
//! serves one process, which keeps both in memory; it gets neither table.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    "CREATE UNLOGGED TABLE IF NOT EXISTS rate_bucket (
        client TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        taken BOOLEAN NOT NULL
    )",
    "CREATE TABLE IF NOT EXISTS persisted_document (
        hash TEXT PRIMARY KEY,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL
    )",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        for sql in UP {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        for table in ["persisted_document", "rate_bucket"] {
            let sql = format!("DROP TABLE IF EXISTS {table}");
            manager.get_connection().execute_unprepared(&sql).await?;
        }
        Ok(())
    }
}
