//! The database handle: a sea-orm connection plus the counters that tests and
//! operators read (statements run, rows decoded for pages).

mod literal;
mod read;
mod sqlite_plan;

#[cfg(test)]
pub use sqlite_plan::explain as explain_sqlite;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QueryResult, Statement, sea_query::SelectStatement,
};

tokio::task_local! {
    /// The statement counter of the request this task works for.
    static REQUEST_STATEMENTS: Arc<AtomicU64>;
}

/// Runs `work` with every SQL statement it runs (on this task) counted in `counter`.
pub async fn counting<F: std::future::Future>(counter: Arc<AtomicU64>, work: F) -> F::Output {
    REQUEST_STATEMENTS.scope(counter, work).await
}

/// Counters shared by every clone of a [`Db`].
#[derive(Debug, Default)]
pub struct DbStats {
    statements: AtomicU64,
    page_rows: AtomicU64,
}

impl DbStats {
    /// SQL statements run so far on this connection pool.
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Rows decoded by connection pages so far: what a nested page really read.
    pub fn page_rows(&self) -> u64 {
        self.page_rows.load(Ordering::Relaxed)
    }

    pub(crate) fn add_page_rows(&self, n: usize) {
        self.page_rows.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// Counts a statement, for the pool and for the request running it.
    fn ran(&self, sql: &str, elapsed: Duration, failed: bool) {
        self.statements.fetch_add(1, Ordering::Relaxed);
        let _ = REQUEST_STATEMENTS.try_with(|c| c.fetch_add(1, Ordering::Relaxed));
        tracing::trace!(
            sql,
            elapsed_us = elapsed.as_micros() as u64,
            failed,
            "statement"
        );
    }
}

/// A cheap-to-clone handle on the database.
#[derive(Clone, Debug)]
pub struct Db {
    /// The pool.
    pub conn: DatabaseConnection,
    /// Counters for this pool.
    pub stats: Arc<DbStats>,
    /// Held by every write for its whole transaction: SQLite allows one writer
    /// at a time, and a deferred transaction that upgrades to writing while
    /// another writes fails with SQLITE_BUSY instead of waiting.
    pub write_lock: Arc<tokio::sync::Mutex<()>>,
}

impl Db {
    /// Connects, with a pool sized for the backend, and starts counting statements.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        Self::connect_with(url, max_connections, Duration::from_secs(3)).await
    }

    /// [`Db::connect`], waiting at most `acquire_timeout` for a connection
    /// before a request fails with SERVICE_UNAVAILABLE.
    pub async fn connect_with(
        url: &str,
        max_connections: u32,
        acquire_timeout: Duration,
    ) -> anyhow::Result<Self> {
        let mut options = ConnectOptions::new(url.to_owned());
        // An in-memory SQLite database lives and dies with its one connection.
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        options
            .max_connections(if in_memory { 1 } else { max_connections })
            .min_connections(if in_memory { 1 } else { 0 })
            .connect_timeout(acquire_timeout)
            .acquire_timeout(acquire_timeout)
            .idle_timeout(if in_memory {
                Duration::from_secs(u32::MAX as u64)
            } else {
                Duration::from_secs(300)
            })
            .sqlx_logging(false)
            // sqlx pings every connection it hands out by default: one more
            // round trip to the database per statement. Only connections idle long enough to
            // have been dropped are pinged; a connection that breaks under a
            // request fails it with SERVICE_UNAVAILABLE and leaves the pool.
            .test_before_acquire_if_idle_for(Duration::from_secs(1))
            // API statements are short; PostgreSQL's JIT spent 380 ms compiling
            // a 950 ms group-by at synthetic scale 1 and never pays off here.
            .map_sqlx_postgres_opts(|pg| pg.options([("jit", "off")]));
        if !in_memory {
            // Write-ahead logging: readers never wait for a writer (an import,
            // the change feed's appends) nor block one, which the default
            // rollback journal does at every commit.
            options.map_sqlx_sqlite_opts(|sqlite| sqlite.journal_mode(SqliteJournalMode::Wal));
        }
        options.map_sqlx_sqlite_pool_opts(|pool| {
            pool.after_connect(|conn, _| {
                Box::pin(async move {
                    let mut handle = conn.lock_handle().await?;
                    sqlite_plan::stable_plans(&mut handle);
                    Ok(())
                })
            })
        });
        let mut conn = sea_orm::Database::connect(options).await?;
        let stats = Arc::new(DbStats::default());
        let counter = stats.clone();
        conn.set_metric_callback(move |info| {
            counter.ran(&info.statement.sql, info.elapsed, info.failed);
        });
        Ok(Self {
            conn,
            stats,
            write_lock: Arc::default(),
        })
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        Migrator::up(&self.conn, None).await?;
        Ok(())
    }

    /// The SQL dialect in use.
    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// The SQL dialect of the request's database, for building statements.
    pub fn backend_of(ctx: &async_graphql::Context<'_>) -> DbBackend {
        ctx.data_unchecked::<Db>().backend()
    }

    /// Every row of `select`, its LIMIT written into the SQL (see [`literal`]).
    pub async fn select_all(
        &self,
        select: &SelectStatement,
    ) -> Result<Vec<QueryResult>, sea_orm::DbErr> {
        let statement = literal::statement(self.backend(), select);
        let started = Instant::now();
        let rows = read::all(&self.conn, &statement).await;
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
        let started = Instant::now();
        let row = read::one(&self.conn, &statement).await;
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
        E::find().filter(column.eq(value)).one(&self.conn).await
    }

    /// Connections open in the pool, and how many of them are idle.
    pub fn pool_usage(&self) -> (u32, usize) {
        match self.backend() {
            DbBackend::Postgres => {
                let pool = self.conn.get_postgres_connection_pool();
                (pool.size(), pool.num_idle())
            }
            _ => {
                let pool = self.conn.get_sqlite_connection_pool();
                (pool.size(), pool.num_idle())
            }
        }
    }

    /// True once the pool has been closed (at shutdown).
    pub fn is_closed(&self) -> bool {
        match self.backend() {
            DbBackend::Postgres => self.conn.get_postgres_connection_pool().is_closed(),
            _ => self.conn.get_sqlite_connection_pool().is_closed(),
        }
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        let stmt = Statement::from_string(self.backend(), "SELECT 1");
        self.conn.query_one_raw(stmt).await.is_ok()
    }
}
