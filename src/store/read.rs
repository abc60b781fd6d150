//! Reads run on the sqlx pool under the sea-orm connection.
//!
//! sea-orm's `query_all_raw` and `query_one_raw` are `#[async_trait]` methods
//! whose futures hold the whole sqlx call: each read boxed them and copied
//! them between layers. On Q4 (one project, its partners and milestones)
//! those copies were 14% of the server's instructions. Running the same
//! statement on the same pool gives the same rows and the same errors
//! (mapped below as sea-orm maps them) without them. Writes, migrations and
//! transactions still go through sea-orm.
//!
//! The reads are still boxed, once. An async function's future is as large
//! as its largest branch, so unboxed, every future on a path that may read
//! held the sqlx futures of both backends inline: among them each nested
//! page's (`Listing::page` reads a root page itself and a nested one through
//! a loader), 50 per Q2 request. The server's peak RSS on Q2 rose from 72-75
//! to 93-96 MiB. Boxed, it is back at 75-77 MiB, and a Q1
//! request costs 801k instructions against 807k unboxed (821k through
//! sea-orm).

use std::sync::Arc;
use std::time::Instant;

use sea_orm::sea_query::SelectStatement;
use sea_orm::sqlx::{self, AssertSqlSafe};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryTrait};
use sea_orm::{
    ConnAcquireErr, DatabaseConnection, DbBackend, DbErr, QueryResult, RuntimeErr, Statement,
    Values,
};
use sea_query_sqlx::SqlxValues;

use super::{Db, literal};

// Runs `$body` with `$query` (the statement, values bound) and `$handle` (a
// connection from the pool) of whichever backend `$conn` is on; the two
// differ only in their types.
macro_rules! on_pool {
    ($conn:expr, $statement:expr, |$query:ident, $handle:ident| $body:expr) => {{
        let values = SqlxValues($statement.values.clone().unwrap_or(Values(Vec::new())));
        let sql = AssertSqlSafe($statement.sql.as_str());
        match $conn.get_database_backend() {
            DbBackend::Postgres => {
                let pool = $conn.get_postgres_connection_pool();
                let mut $handle = pool.acquire().await.map_err(acquire_error)?;
                let $query = sqlx::query_with(sql, values);
                $body
            }
            _ => {
                let pool = $conn.get_sqlite_connection_pool();
                let mut $handle = pool.acquire().await.map_err(acquire_error)?;
                let $query = sqlx::query_with(sql, values);
                $body
            }
        }
    }};
}

/// Every row `statement` returns.
pub async fn all(
    conn: &DatabaseConnection,
    statement: &Statement,
) -> Result<Vec<QueryResult>, DbErr> {
    Box::pin(async move {
        on_pool!(conn, statement, |query, handle| {
            let rows = query.fetch_all(&mut *handle).await.map_err(query_error)?;
            Ok(rows.into_iter().map(QueryResult::from).collect())
        })
    })
    .await
}

/// The first row `statement` returns, if any.
pub async fn one(
    conn: &DatabaseConnection,
    statement: &Statement,
) -> Result<Option<QueryResult>, DbErr> {
    Box::pin(async move {
        on_pool!(conn, statement, |query, handle| {
            let row = query
                .fetch_optional(&mut *handle)
                .await
                .map_err(query_error)?;
            Ok(row.map(QueryResult::from))
        })
    })
    .await
}

// As sea-orm's `sqlx_conn_acquire_err`: a timeout stays a timeout, so the
// API answers SERVICE_UNAVAILABLE for it as before.
fn acquire_error(error: sqlx::Error) -> DbErr {
    match error {
        sqlx::Error::PoolTimedOut => DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
        sqlx::Error::PoolClosed => DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed),
        other => DbErr::Conn(RuntimeErr::SqlxError(Arc::new(other))),
    }
}

// As sea-orm's `sqlx_error_to_query_err`.
fn query_error(error: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(Arc::new(error)))
}

impl Db {
    /// Every row of `select`, its LIMIT written into the SQL (see `literal.rs`).
    pub async fn select_all(
        &self,
        select: &SelectStatement,
    ) -> Result<Vec<QueryResult>, sea_orm::DbErr> {
        let statement = literal::statement(self.backend(), select);
        if let Some(rows) = self.in_ongoing(&statement).await {
            return rows;
        }
        let started = Instant::now();
        let rows = all(&self.conn, &statement).await;
        self.stats
            .ran(&statement.sql, started.elapsed(), rows.is_err());
        rows
    }

    /// The first row of `select`, if any, like [`Db::select_all`].
    pub async fn select_one(
        &self,
        select: &SelectStatement,
    ) -> Result<Option<QueryResult>, sea_orm::DbErr> {
        let statement = literal::statement(self.backend(), select);
        if let Some(rows) = self.in_ongoing(&statement).await {
            return rows.map(|rows| rows.into_iter().next());
        }
        let started = Instant::now();
        let row = one(&self.conn, &statement).await;
        self.stats
            .ran(&statement.sql, started.elapsed(), row.is_err());
        row
    }

    /// The row of `E` whose `column` equals `value` (a slug), if any.
    pub async fn find_one<E: EntityTrait>(
        &self,
        column: E::Column,
        value: &str,
    ) -> Result<Option<E::Model>, sea_orm::DbErr> {
        let select = E::find().filter(column.eq(value));
        if self.ongoing.is_some() {
            let statement = select.build(self.backend());
            if let Some(rows) = self.in_ongoing(&statement).await {
                return rows?
                    .first()
                    .map(|row| E::Model::from_query_result(row, ""))
                    .transpose();
            }
        }
        select.one(&self.conn).await
    }

    /// The rows of `statement` read in the request's open transaction, if
    /// it has one (sea-orm counts those statements itself).
    async fn in_ongoing(&self, statement: &Statement) -> Option<Result<Vec<QueryResult>, DbErr>> {
        self.ongoing.as_ref()?.all(statement)?.await
    }
}
