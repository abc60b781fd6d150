//! The benchmark's databases: one per backend and scale, seeded once with
//! `parkgraph seed --synthetic` and kept for later runs.

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use std::path::Path;

/// Which database parkgraph (and the peer) run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn label(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Creates (when missing) and seeds the database for `backend` at `scale`,
/// returning its URL; `suffix` tells apart databases of the same scale.
pub async fn prepare(
    backend: Backend,
    scale: f64,
    postgres: &str,
    parkgraph: &Path,
    dir: &Path,
    suffix: &str,
) -> anyhow::Result<String> {
    let tag = format!("s{scale}{suffix}").replace('.', "_");
    let url = match backend {
        Backend::Sqlite => {
            std::fs::create_dir_all(dir)?;
            format!("sqlite://{}/parkgraph-{tag}.db?mode=rwc", dir.display())
        }
        Backend::Postgres => {
            let name = format!("parkgraph_bench_{tag}");
            let admin = Database::connect(postgres)
                .await
                .context("connecting to PostgreSQL (--postgres-url)")?;
            let exists = admin
                .query_one_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
                ))
                .await?
                .is_some();
            if !exists {
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await?;
            }
            admin.close().await?;
            let (base, _) = postgres
                .rsplit_once('/')
                .context("--postgres-url ends in /DATABASE")?;
            // node-postgres (the peer's driver) speaks plain TCP unless told
            // otherwise, while sqlx prefers TLS: one transport for both, and
            // neither pays for encryption over the loopback.
            format!("{base}/{name}?sslmode=disable")
        }
    };
    let started = std::time::Instant::now();
    let status = std::process::Command::new(parkgraph)
        .args(["seed", "--synthetic", "--scale", &scale.to_string()])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "warn")
        .status()
        .context("running parkgraph seed")?;
    if !status.success() {
        bail!("parkgraph seed --synthetic --scale {scale} failed: {status}");
    }
    eprintln!(
        "database ready: {} ({:.1} s)",
        redact(&url),
        started.elapsed().as_secs_f64()
    );
    if backend == Backend::Postgres {
        // What autovacuum does soon after a bulk load (insert-driven vacuum
        // since PostgreSQL 13): statistics for the planner and a visibility
        // map for index-only scans, the same for both servers.
        let db = Database::connect(&url).await?;
        db.execute_unprepared("VACUUM ANALYZE").await?;
        db.close().await?;
    }
    Ok(url)
}

/// Counts statements on PostgreSQL through `pg_stat_statements`, when the
/// server preloads it; the same count for parkgraph and the peer.
pub struct StatementCounter {
    db: DatabaseConnection,
    name: String,
}

impl StatementCounter {
    pub async fn connect(url: &str) -> Option<StatementCounter> {
        let db = Database::connect(url).await.ok()?;
        db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            .await
            .ok()?;
        let name = url.rsplit_once('/')?.1.split('?').next()?.to_owned();
        let counter = StatementCounter { db, name };
        counter.total().await.map(|_| counter)
    }

    /// Statements run in the benchmark's database so far, the counter's own
    /// queries excepted.
    pub async fn total(&self) -> Option<i64> {
        let sql = format!(
            "SELECT COALESCE(SUM(calls), 0)::bigint AS n FROM pg_stat_statements s \
             JOIN pg_database d ON d.oid = s.dbid \
             WHERE d.datname = '{}' AND s.query NOT LIKE '%pg_stat_statements%'",
            self.name
        );
        let row = self
            .db
            .query_one_raw(Statement::from_string(self.db.get_database_backend(), sql))
            .await
            .ok()??;
        row.try_get::<i64>("", "n").ok()
    }
}

/// The URL without its password, for printing.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}
