//! SQLite's query planner stability guarantee, turned on for every connection.
//!
//! Without it, SQLite plans a statement with the values bound to it whenever
//! they could change the plan: an equality on an indexed column when `ANALYZE`
//! kept STAT4 samples (the bundled SQLite is built with STAT4), or a `LIKE`
//! whose pattern is a parameter. Such a statement is marked expired as soon as
//! a new value is bound, so sqlx's statement cache saves nothing: every
//! execution parses and plans the SQL again. For the 50-branch `UNION ALL` of a
//! nested page that was half of the request's CPU. With the guarantee, plans
//! come from the schema and `sqlite_stat1` alone and a cached statement stays
//! prepared.

use std::ffi::c_int;

use libsqlite3_sys::{SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK, sqlite3_db_config};
use sea_orm::sqlx::sqlite::LockedSqliteHandle;

/// Turns on `SQLITE_DBCONFIG_ENABLE_QPSG` for the connection behind `handle`.
#[allow(unsafe_code)]
pub(super) fn stable_plans(handle: &mut LockedSqliteHandle<'_>) {
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is an open connection that the lock gives this thread alone,
    // and ENABLE_QPSG takes exactly an int and an int* (null: no read-back).
    // https://www.sqlite.org/c3ref/c_dbconfig_defensive.html#sqlitedbconfigenableqpsg
    let rc = unsafe {
        sqlite3_db_config(
            db,
            SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    };
    if rc != SQLITE_OK {
        tracing::warn!(rc, "SQLite refused the query planner stability guarantee");
    }
}

/// The steps of SQLite's `EXPLAIN QUERY PLAN` for `sql`, for tests that pin
/// a plan.
#[cfg(test)]
pub async fn explain(db: &super::Db, sql: &str) -> Vec<String> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let explain = format!("EXPLAIN QUERY PLAN {sql}");
    let plan = db
        .conn
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, explain))
        .await
        .unwrap();
    plan.iter()
        .map(|row| row.try_get("", "detail").unwrap())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the guarantee back from a connection of the pool.
    #[allow(unsafe_code)]
    fn enabled(handle: &mut LockedSqliteHandle<'_>) -> c_int {
        let db = handle.as_raw_handle().as_ptr();
        let mut on: c_int = -1;
        // SAFETY: as in `stable_plans`; -1 leaves the setting alone and writes it to `on`.
        let rc =
            unsafe { sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, -1 as c_int, &mut on) };
        assert_eq!(rc, SQLITE_OK);
        on
    }

    #[tokio::test]
    async fn every_pooled_sqlite_connection_plans_without_bound_values() {
        let db = crate::store::Db::connect("sqlite::memory:", 1)
            .await
            .unwrap();
        let mut conn = db
            .conn
            .get_sqlite_connection_pool()
            .acquire()
            .await
            .unwrap();
        let mut handle = conn.lock_handle().await.unwrap();
        assert_eq!(enabled(&mut handle), 1);
    }
}
