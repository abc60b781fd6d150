//! The change log outside a page of it: where it ends, and where it now
//! starts when old changes are removed (`PARKGRAPH_CHANGE_LOG_DAYS`).

use entity::change::{Column, Entity};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Statement,
};

use crate::store::Db;

/// The id of the latest change in the log, if any: one indexed read.
pub async fn head<C: ConnectionTrait>(conn: &C) -> Result<Option<i32>, DbErr> {
    let latest: Option<Option<i32>> = Entity::find()
        .select_only()
        .column_as(Expr::from(Func::max(Expr::col(Column::Id))), "id")
        .into_tuple()
        .one(conn)
        .await?;
    Ok(latest.flatten())
}

/// The id through which old changes were removed (0 when none ever were):
/// a cursor before it would skip them.
pub async fn trimmed_through<C: ConnectionTrait>(conn: &C) -> Result<i32, DbErr> {
    let sql = "SELECT trimmed_through FROM change_log_trim WHERE id = 1";
    let statement = Statement::from_string(conn.get_database_backend(), sql);
    let row = conn.query_one_raw(statement).await?;
    Ok(row
        .map(|r| r.try_get::<i32>("", "trimmed_through"))
        .transpose()?
        .unwrap_or(0))
}

/// Removes the changes logged before `cutoff` (RFC 3339 UTC, as the log
/// writes `at`) and moves the log's start past them; returns how many.
/// Takes the write lock, so it never interleaves with a write's append.
pub async fn trim(db: &Db, cutoff: &str) -> Result<u64, DbErr> {
    let _queued = db.queue_write().await?;
    let txn = db.begin_write().await?;
    let backend = txn.get_database_backend();
    let last: Option<Option<i32>> = Entity::find()
        .select_only()
        .column_as(Expr::from(Func::max(Expr::col(Column::Id))), "id")
        .filter(Column::At.lt(cutoff))
        .into_tuple()
        .one(&txn)
        .await?;
    let Some(last) = last.flatten() else {
        txn.rollback().await?;
        return Ok(0);
    };
    let removed = Entity::delete_many()
        .filter(Column::Id.lte(last))
        .exec(&txn)
        .await?;
    let now = crate::clock::now();
    let sql = format!(
        "UPDATE change_log_trim SET trimmed_through = {last}, trimmed_at = '{now}' \
         WHERE id = 1 AND trimmed_through < {last}"
    );
    txn.execute_raw(Statement::from_string(backend, sql))
        .await?;
    txn.commit().await?;
    Ok(removed.rows_affected)
}
