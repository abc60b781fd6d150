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
//! (The seed turns the PostgreSQL insert trigger off and counts once; see
//! below.) A later migration that rebuilds `tenancy` (SQLite's way to alter a
//! column) must create these triggers again.
//!
//! The column is not in the `park` entity: it is derived, so export, import and
//! the seed must never write it. Queries read it with `Expr::col`.
//!
//! `(tenant_count, id)` serves the `TENANT_COUNT` park order as an index scan.
//! (NOT NULL, so PostgreSQL needs no `DESC NULLS LAST` twin.)

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::integer;

use crate::helpers::{index_with_id, run_per_backend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const BACKFILL: &str = "UPDATE park SET tenant_count = \
     (SELECT COUNT(*) FROM tenancy WHERE tenancy.park_id = park.id)";

// SQLite has row triggers only. Without row versions to walk they cost it
// little: a 300,000-row tenancy load took 3.4 s instead of 1.4 s.
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

// Statement triggers with transition tables: one UPDATE per statement and
// park, not per row. Row triggers made a 300,000-row tenancy load in one
// transaction take 3 minutes instead of 16 s: every update of a park leaves
// a row version no one can prune before commit, and each next update walks
// them all. Statement triggers still pay that once per statement, so the
// seed switches the insert trigger off and counts at the end
// (src/seed/write.rs). plpgsql plans each branch when it first runs it, so
// one function may name transition tables only some triggers define.
const POSTGRES_UP: [&str; 4] = [
    "CREATE OR REPLACE FUNCTION tenancy_park_count() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
         IF TG_OP = 'INSERT' THEN
             UPDATE park SET tenant_count = park.tenant_count + d.n
             FROM (SELECT park_id, COUNT(*) AS n FROM new_rows GROUP BY park_id) d
             WHERE park.id = d.park_id;
         ELSIF TG_OP = 'DELETE' THEN
             UPDATE park SET tenant_count = park.tenant_count - d.n
             FROM (SELECT park_id, COUNT(*) AS n FROM old_rows GROUP BY park_id) d
             WHERE park.id = d.park_id;
         ELSE
             UPDATE park SET tenant_count = park.tenant_count + d.n
             FROM (SELECT park_id, SUM(n) AS n FROM (
                       SELECT o.park_id, -1 AS n FROM old_rows o JOIN new_rows w USING (id)
                       WHERE o.park_id <> w.park_id
                       UNION ALL
                       SELECT w.park_id, 1 AS n FROM old_rows o JOIN new_rows w USING (id)
                       WHERE o.park_id <> w.park_id
                   ) moved GROUP BY park_id) d
             WHERE park.id = d.park_id;
         END IF;
         RETURN NULL;
     END $$",
    "CREATE TRIGGER tenancy_park_count_insert AFTER INSERT ON tenancy \
     REFERENCING NEW TABLE AS new_rows \
     FOR EACH STATEMENT EXECUTE FUNCTION tenancy_park_count()",
    "CREATE TRIGGER tenancy_park_count_delete AFTER DELETE ON tenancy \
     REFERENCING OLD TABLE AS old_rows \
     FOR EACH STATEMENT EXECUTE FUNCTION tenancy_park_count()",
    // No `OF park_id`: PostgreSQL refuses transition tables with a column list.
    "CREATE TRIGGER tenancy_park_count_move AFTER UPDATE ON tenancy \
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows \
     FOR EACH STATEMENT EXECUTE FUNCTION tenancy_park_count()",
];

const POSTGRES_DOWN: [&str; 4] = [
    "DROP TRIGGER IF EXISTS tenancy_park_count_insert ON tenancy",
    "DROP TRIGGER IF EXISTS tenancy_park_count_delete ON tenancy",
    "DROP TRIGGER IF EXISTS tenancy_park_count_move ON tenancy",
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
        run_per_backend(manager, &POSTGRES_UP, &SQLITE_UP).await?;
        let db = manager.get_connection();
        // After the triggers, so a write that slips in between is counted
        // either by them or by this.
        db.execute_unprepared(BACKFILL).await?;
        manager
            .create_index(index_with_id("park", &["tenant_count"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_per_backend(manager, &POSTGRES_DOWN, &SQLITE_DOWN).await?;
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX IF EXISTS ix_park_tenant_count")
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
