//! `park.tenant_count`: how many tenancy rows (open or ended) name the park,
//! kept by database triggers.
//!
//! `parkStats { groups { tenantCount } }` (benchmark Q6) counted every tenancy
//! of every park on each request, so its cost grew with tenancies (3,000,000 at
//! synthetic scale 10) rather than with parks. The stored count makes it a sum
//! over parks. Triggers, not application code, keep it: every write path
//! (mutations, import, seed) then stays right without knowing about it, and the
//! change log, which the application writes, never sees the derived column.
//! The triggers touch only `tenant_count`, never `version` or `updated_at`.
//!
//! The column is not in the `park` entity: it is derived, so export, import and
//! the seed must never write it. Queries read it with `Expr::col`.
//!
//! `(tenant_count, id)` serves the `TENANT_COUNT` park order as an index scan.
//! (NOT NULL, so PostgreSQL needs no `DESC NULLS LAST` twin.)

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::integer;

use crate::helpers::index_with_id;

#[derive(DeriveMigrationName)]
pub struct Migration;

const BACKFILL: &str = "UPDATE park SET tenant_count = \
     (SELECT COUNT(*) FROM tenancy WHERE tenancy.park_id = park.id)";

// SQLite has row triggers only, with a WHEN clause per trigger.
const SQLITE_UP: [&str; 3] = [
    "CREATE TRIGGER IF NOT EXISTS tenancy_park_count_insert AFTER INSERT ON tenancy BEGIN \
     UPDATE park SET tenant_count = tenant_count + 1 WHERE id = NEW.park_id; END",
    "CREATE TRIGGER IF NOT EXISTS tenancy_park_count_delete AFTER DELETE ON tenancy BEGIN \
     UPDATE park SET tenant_count = tenant_count - 1 WHERE id = OLD.park_id; END",
    "CREATE TRIGGER IF NOT EXISTS tenancy_park_count_move AFTER UPDATE OF park_id ON tenancy \
     WHEN OLD.park_id <> NEW.park_id BEGIN \
     UPDATE park SET tenant_count = tenant_count - 1 WHERE id = OLD.park_id; \
     UPDATE park SET tenant_count = tenant_count + 1 WHERE id = NEW.park_id; END",
];

const SQLITE_DOWN: [&str; 3] = [
    "DROP TRIGGER IF EXISTS tenancy_park_count_insert",
    "DROP TRIGGER IF EXISTS tenancy_park_count_delete",
    "DROP TRIGGER IF EXISTS tenancy_park_count_move",
];

// One function for all three events. A trigger's WHEN may not mention OLD when
// it also fires on INSERT, so the unchanged-park test is in the body. The seed
// disables this trigger by name for its bulk load (src/seed/write.rs).
const POSTGRES_UP: [&str; 2] = [
    "CREATE OR REPLACE FUNCTION tenancy_park_count() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
         IF TG_OP = 'UPDATE' AND OLD.park_id = NEW.park_id THEN
             RETURN NULL;
         END IF;
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
             UPDATE park SET tenant_count = tenant_count - 1 WHERE id = OLD.park_id;
         END IF;
         IF TG_OP IN ('UPDATE', 'INSERT') THEN
             UPDATE park SET tenant_count = tenant_count + 1 WHERE id = NEW.park_id;
         END IF;
         RETURN NULL;
     END $$",
    "CREATE TRIGGER tenancy_park_count \
     AFTER INSERT OR DELETE OR UPDATE OF park_id ON tenancy \
     FOR EACH ROW EXECUTE FUNCTION tenancy_park_count()",
];

const POSTGRES_DOWN: [&str; 2] = [
    "DROP TRIGGER IF EXISTS tenancy_park_count ON tenancy",
    "DROP FUNCTION IF EXISTS tenancy_park_count()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // SQLite too (sea-orm wraps only PostgreSQL migrations by default): a
    // column without its triggers would drift silently.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("park"))
                    .add_column(integer(Alias::new("tenant_count")).default(0))
                    .to_owned(),
            )
            .await?;
        let triggers: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &POSTGRES_UP,
            _ => &SQLITE_UP,
        };
        let db = manager.get_connection();
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        // After the triggers, so a write that slips in between is counted
        // either by them or by this.
        db.execute_unprepared(BACKFILL).await?;
        manager
            .create_index(index_with_id("park", &["tenant_count"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let triggers: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &POSTGRES_DOWN,
            _ => &SQLITE_DOWN,
        };
        let db = manager.get_connection();
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared("DROP INDEX IF EXISTS ix_park_tenant_count_id")
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("park"))
                    .drop_column(Alias::new("tenant_count"))
                    .to_owned(),
            )
            .await
    }
}
