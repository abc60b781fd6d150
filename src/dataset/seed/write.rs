//! Writes a validated dataset in one transaction with the ids it was given.

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, IntoActiveModel, Iterable,
    Statement,
};

use super::{Outcome, SeedError};
use crate::records::derived::derive_all;
use crate::records::figures::{figures_all, park_figures_all};
use crate::records::{Dataset, Kind, Record, Rows, for_each_record};
use crate::store::Db;

// Bound parameters per INSERT: under SQLite's limit (32,766) and PostgreSQL's
// (65,535). Fewer, larger statements load the synthetic dataset several times
// faster on PostgreSQL than 200-row chunks did.
const PARAMETERS_PER_STATEMENT: usize = 30_000;

// Loads of at least this many rows refresh the planner's statistics.
const BULK_ROWS: usize = 10_000;

async fn insert<E, C>(conn: &C, rows: Vec<E::Model>) -> Result<(), sea_orm::DbErr>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let chunk_rows = PARAMETERS_PER_STATEMENT / E::Column::iter().count().max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = rows
            .by_ref()
            .take(chunk_rows)
            .map(|m| m.into_active_model().reset_all())
            .collect();
        E::insert_many(chunk).exec_without_returning(conn).await?;
    }
    Ok(())
}

/// Inserts the rows of `R`. On PostgreSQL the tenancy insert trigger
/// (migration m20261128_000006) updates every park once per INSERT, and
/// inside one transaction each update walks the park's earlier row versions:
/// minutes at scale 10. For tenancies it is off during the load and the
/// parks counted once after it, which is linear. The database is empty, so
/// every other park keeps its 0. SQLite's row trigger is cheap enough to
/// leave on.
async fn insert_rows<R, C>(conn: &C, rows: Vec<R>) -> Result<(), sea_orm::DbErr>
where
    R: Record + IntoActiveModel<<R::Table as EntityTrait>::ActiveModel>,
    <R::Table as EntityTrait>::ActiveModel: ActiveModelTrait<Entity = R::Table> + Send,
    C: ConnectionTrait,
{
    if R::KIND != Kind::Tenancy || conn.get_database_backend() != DbBackend::Postgres {
        return insert::<R::Table, _>(conn, rows).await;
    }
    conn.execute_unprepared("ALTER TABLE tenancy DISABLE TRIGGER tenancy_park_count_insert")
        .await?;
    insert::<R::Table, _>(conn, rows).await?;
    conn.execute_unprepared("ALTER TABLE tenancy ENABLE TRIGGER tenancy_park_count_insert")
        .await?;
    conn.execute_unprepared(
        "UPDATE park SET tenant_count = d.n \
         FROM (SELECT park_id, COUNT(*) AS n FROM tenancy GROUP BY park_id) d \
         WHERE park.id = d.park_id",
    )
    .await?;
    Ok(())
}

/// Drops the foreign keys and secondary indexes of the records' tables and
/// returns the statements that make them again, indexes first. On an empty
/// PostgreSQL database a bulk load then appends rows and builds each index
/// in one sorted pass and checks each key in one join, instead of a B-tree
/// insert per index and a key lookup per row: 100,000 tenancies took 2.2 s
/// with both, 0.94 s without the keys, 0.30 s without the indexes too. The
/// primary keys stay (ids arrive in order). Inside the load's transaction:
/// a failed load leaves every index and key as it was, and other sessions
/// wait for the tables until the load commits.
async fn defer_indexes_and_keys<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>, DbErr> {
    let tables = Kind::ALL
        .iter()
        .map(|k| format!("'{}'", k.table()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, k.conname) AS undo, \
                format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, k.conname, \
                       pg_get_constraintdef(k.oid)) AS redo, 1 AS step \
         FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid \
         WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace \
           AND t.relname IN ({tables}) \
         UNION ALL \
         SELECT format('DROP INDEX %I', x.relname), pg_get_indexdef(i.indexrelid), 0 \
         FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid \
           JOIN pg_class t ON t.oid = i.indrelid \
         WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ({tables}) \
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) \
         ORDER BY step DESC, undo"
    );
    let rows = conn
        .query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?;
    let mut redo = Vec::with_capacity(rows.len());
    for row in &rows {
        let undo: String = row.try_get("", "undo")?;
        conn.execute_unprepared(&undo).await?;
        redo.push(row.try_get("", "redo")?);
    }
    // Keys (step 1) were dropped first, before the indexes they might use;
    // indexes come back first.
    redo.reverse();
    Ok(redo)
}

/// True when any table has rows.
async fn holds_data<C: ConnectionTrait>(conn: &C) -> Result<bool, sea_orm::DbErr> {
    for kind in Kind::ALL {
        let sql = format!("SELECT 1 FROM {} LIMIT 1", kind.table());
        let statement = Statement::from_string(conn.get_database_backend(), sql);
        if conn.query_one_raw(statement).await?.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Inserts every row of the dataset `data` makes, unless the database
/// already holds data: the dataset's explicit ids must not meet rows written
/// another way. `data` runs only for an empty database (the synthetic
/// dataset at scale 10 is 4 million rows to build and drop otherwise).
pub async fn write(db: &Db, data: impl FnOnce() -> Dataset) -> Result<Outcome, SeedError> {
    let txn = db.begin_immediate().await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        // Replicas starting together on one empty database: the first seeds,
        // the others wait here and then find data.
        let lock = "SELECT pg_advisory_xact_lock(7245817)";
        txn.execute_raw(Statement::from_string(DbBackend::Postgres, lock))
            .await?;
    }
    if holds_data(&txn).await? {
        return Ok(Outcome::AlreadySeeded);
    }
    let mut data = data();
    derive_all(data.tenancies.iter_mut(), &data.tenancy_observations);
    figures_all(data.projects.iter_mut(), &data.project_claims);
    park_figures_all(data.parks.iter_mut(), &data.park_claims);
    let total = data.len();
    let postgres = txn.get_database_backend() == DbBackend::Postgres;
    let redo = match postgres && total >= BULK_ROWS {
        true => defer_indexes_and_keys(&txn).await?,
        false => Vec::new(),
    };
    for_each_record!(E => {
        let rows = std::mem::take(Rows::<E>::rows_mut(&mut data));
        insert_rows(&txn, rows).await?;
    });
    if !redo.is_empty() {
        // Index builds sort in this much memory before spilling to disk.
        txn.execute_unprepared("SET LOCAL maintenance_work_mem = '256MB'")
            .await?;
    }
    for sql in &redo {
        txn.execute_unprepared(sql).await?;
    }
    if postgres {
        // Rows came with explicit ids; move each sequence past them so later
        // inserts do not collide.
        for table in Kind::ALL.iter().map(|k| k.table()) {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            );
            txn.execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await?;
        }
    }
    txn.commit().await?;
    // After a bulk load (the synthetic dataset), fresh statistics and, on
    // PostgreSQL, a visibility map so counts can be index-only scans. The
    // shipped dataset is too small for either to matter.
    // On SQLite the load went through the write-ahead log, which keeps its
    // size on disk after a checkpoint (595 MB at synthetic scale 10): copy it
    // into the database and truncate it.
    if total >= BULK_ROWS {
        let refresh: &[&str] = match db.backend() {
            DbBackend::Postgres => &["VACUUM ANALYZE"],
            _ => &["ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)"],
        };
        for sql in refresh {
            db.conn
                .execute_raw(Statement::from_string(db.backend(), *sql))
                .await?;
        }
    }
    Ok(Outcome::Loaded(total))
}
