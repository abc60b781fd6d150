//! The SQL engine: the database handle (a sea-orm connection plus the
//! counters that tests and operators read: statements run, rows decoded for
//! pages), and the statements every list, relation and filter becomes. It
//! knows no GraphQL and no record.

pub mod filter;
pub mod listing;
mod literal;
pub mod prefetch;
mod read;
pub mod rows;
pub mod shared;
mod sqlite_plan;
pub mod table;
pub mod tally;

#[cfg(test)]
pub use sqlite_plan::explain as explain_sqlite;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures::future::BoxFuture;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ConnectOptions, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    QueryResult, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};

pub use tally::{Tables, Tally};

tokio::task_local! {
    /// The tally of the request this task works for.
    static REQUEST: Arc<Tally>;
}

/// Runs `work` with every SQL statement it runs (on this task) noted in `tally`.
pub async fn counting<F: std::future::Future>(tally: Arc<Tally>, work: F) -> F::Output {
    REQUEST.scope(tally, work).await
}

/// The text of the error a write gets when the busy timeout passes while
/// this process's other writes hold the write lock.
pub const BUSY: &str = "timed out waiting for another write";

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
        let _ = REQUEST.try_with(|tally| tally.ran(sql));
        tracing::trace!(
            sql,
            elapsed_us = elapsed.as_micros() as u64,
            failed,
            "statement"
        );
        crate::telemetry::statement(sql, elapsed, failed);
    }
}

// Every write takes this PostgreSQL advisory lock (and, within one process,
// the pool's write mutex) for its whole transaction. Change ids are then
// assigned in commit order, so a reader resuming after id N can never miss a
// change that commits later with a smaller id. Writes are small; serializing
// them costs little here.
const WRITE_LOCK: i64 = 7_245_818;

/// How the pool connects and how long it waits.
#[derive(Clone, Copy, Debug)]
pub struct PoolOptions {
    /// The most connections open at once.
    pub max_connections: u32,
    /// How long a statement waits for a free connection before it fails
    /// with SERVICE_UNAVAILABLE.
    pub acquire_timeout: Duration,
    /// How long a write waits for another writer (another request, another
    /// process on the same SQLite file, another replica) before it fails
    /// with SERVICE_UNAVAILABLE.
    pub busy_timeout: Duration,
}

impl PoolOptions {
    /// `max_connections`, with the default waits.
    pub fn sized(max_connections: u32) -> Self {
        Self {
            max_connections,
            acquire_timeout: Duration::from_secs(3),
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// A cheap-to-clone handle on the database.
#[derive(Clone, Debug)]
pub struct Db {
    /// The pool.
    pub conn: DatabaseConnection,
    /// Counters for this pool.
    pub stats: Arc<DbStats>,
    /// Held by every write of this process for its whole transaction, so
    /// that they queue here rather than in the database.
    pub write_lock: Arc<tokio::sync::Mutex<()>>,
    /// How long a write waits for the write lock (see [`PoolOptions`]).
    busy_timeout: Duration,
    /// The transaction this request's reads run in while it is open (a
    /// mutation document's write), so that they see what it wrote.
    ongoing: Option<Arc<dyn Ongoing>>,
}

/// A transaction that a request's reads join while it is open: the write of
/// a mutation document, whose answers must show what it wrote before it
/// commits (and, on an in-memory SQLite database, whose one connection it
/// holds).
pub trait Ongoing: Send + Sync + std::fmt::Debug {
    /// Runs `statement` in the transaction; None when it is not open (then
    /// the read goes to the pool).
    fn all<'a>(&'a self, statement: &'a Statement) -> Option<OngoingRead<'a>>;
}

/// A read in an [`Ongoing`] transaction: its rows, or None when the
/// transaction ended before the read began.
pub type OngoingRead<'a> = BoxFuture<'a, Option<Result<Vec<QueryResult>, DbErr>>>;

impl Db {
    /// Connects, with a pool sized for the backend, and starts counting statements.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        Self::connect_with(url, PoolOptions::sized(max_connections)).await
    }

    /// [`Db::connect`] with the waits of `pool`.
    pub async fn connect_with(url: &str, pool: PoolOptions) -> anyhow::Result<Self> {
        let PoolOptions {
            max_connections,
            acquire_timeout,
            busy_timeout,
        } = pool;
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
        // How long SQLite waits for another connection's write lock, here or
        // in another process on the same file, before answering SQLITE_BUSY.
        options.map_sqlx_sqlite_opts(move |sqlite| sqlite.busy_timeout(busy_timeout));
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
            busy_timeout,
            ongoing: None,
        })
    }

    /// This handle, its reads joining `ongoing` while it is open.
    pub fn joining(&self, ongoing: Arc<dyn Ongoing>) -> Self {
        Self {
            ongoing: Some(ongoing),
            ..self.clone()
        }
    }

    /// Waits (at most the busy timeout) for this process's other writes;
    /// the guard is held for the write's whole transaction.
    pub async fn queue_write(&self) -> Result<tokio::sync::OwnedMutexGuard<()>, DbErr> {
        let lock = self.write_lock.clone().lock_owned();
        tokio::time::timeout(self.busy_timeout, lock)
            .await
            .map_err(|_| DbErr::Custom(BUSY.to_owned()))
    }

    /// Begins a transaction that holds the database's write lock from its
    /// first statement, waiting at most the busy timeout for it.
    ///
    /// On SQLite it is `BEGIN IMMEDIATE`: a deferred transaction that reads
    /// and then writes fails at once with SQLITE_BUSY when another process
    /// wrote in between, where an immediate one waits its turn at the start.
    /// On PostgreSQL it takes the advisory write lock, with `lock_timeout`.
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, DbErr> {
        let txn = self.begin_immediate().await?;
        if self.backend() == DbBackend::Postgres {
            let lock = format!(
                "SELECT set_config('lock_timeout', '{}ms', true), pg_advisory_xact_lock({WRITE_LOCK})",
                self.busy_timeout.as_millis().max(1)
            );
            txn.execute_raw(Statement::from_string(DbBackend::Postgres, lock))
                .await?;
        }
        Ok(txn)
    }

    /// Begins a transaction; on SQLite an immediate one (see [`Db::begin_write`]).
    pub async fn begin_immediate(&self) -> Result<DatabaseTransaction, DbErr> {
        match self.backend() {
            DbBackend::Sqlite => {
                let options = TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                };
                self.conn.begin_with_options(options).await
            }
            _ => self.conn.begin().await,
        }
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
