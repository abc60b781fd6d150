//! Building and running the server: connect, migrate, seed an empty database,
//! bind, serve until told to stop. `main` and the tests both go through here.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use tokio::net::TcpListener;

use crate::config::{Config, redact};
use crate::dataset::seed;
use crate::http::{AppState, router};
use crate::store::Db;

/// A server that is bound and ready to serve.
pub struct App {
    listener: TcpListener,
    db: Db,
    state: AppState,
    shutdown_grace: std::time::Duration,
}

impl App {
    /// Connects, migrates, seeds an empty database (unless disabled) and binds.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let db = Db::connect_with(&config.database_url, config.pool())
            .await
            .with_context(|| format!("cannot connect to {}", redact(&config.database_url)))?;
        db.migrate()
            .await
            .context("migrating the database failed")?;
        if config.seed_on_start {
            match seed::seed(&db, &seed::embedded()).await? {
                seed::Outcome::Loaded(rows) => tracing::info!(rows, "loaded the shipped dataset"),
                seed::Outcome::AlreadySeeded => tracing::debug!("database already holds data"),
            }
        }
        Self::bind(config, db).await
    }

    /// Binds to a database that is already migrated (and seeded as wanted).
    pub async fn bind(config: &Config, db: Db) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let hub = crate::changes::Hub::start(&db)
            .await
            .context("reading the change log failed")?;
        let mut persisted = crate::graphql::persisted::PersistedQueries::load(
            config.persisted_queries.as_deref(),
            config.persisted_only,
        )?;
        let mut rate = crate::http::RateLimiter::new(
            config.rate_per_minute,
            config.rate_burst,
            config.trust_forwarded_for,
        );
        // Replicas on one PostgreSQL share buckets and documents there.
        let postgres = db.backend() == sea_orm::DbBackend::Postgres;
        if postgres {
            persisted = persisted.shared_in(db.clone());
            rate = rate.shared_in(db.clone());
        }
        let (key_hours, log_days) = (config.idempotency_key_hours, config.change_log_days);
        tokio::spawn(retention(db.clone(), key_hours, log_days, postgres));
        let cache = crate::graphql::cache::ResponseCache::new(&db, config.response_cache_bytes)
            .await
            .context("reading the database's tables for the response cache failed")?;
        let state = AppState {
            schema: crate::graphql::build_schema(db.clone(), hub, config),
            front: Arc::new(crate::graphql::build_front(config, Arc::new(persisted))),
            db: db.clone(),
            max_body_bytes: config.max_body_bytes,
            request_timeout: config.request_timeout,
            get_max_age: config.get_max_age,
            rate: Arc::new(rate),
            cors_origins: config.cors_origins.clone(),
            metrics: Arc::default(),
            cache: cache.map(Arc::new),
        };
        Ok(Self {
            listener,
            db,
            state,
            shutdown_grace: config.shutdown_grace,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Serves until `shutdown` completes; then stops accepting, lets requests
    /// in flight finish for up to the shutdown grace period, drops whatever
    /// is still open (WebSocket subscribers among them) and closes the pool.
    pub async fn serve_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let (stopping, mut stopped) = tokio::sync::watch::channel(false);
        let signal = async move {
            shutdown.await;
            let _ = stopping.send(true);
        };
        let service = router(self.state).into_make_service_with_connect_info::<SocketAddr>();
        let server = axum::serve(self.listener, service).with_graceful_shutdown(signal);
        let grace = self.shutdown_grace;
        let deadline = async move {
            let _ = stopped.wait_for(|stopping| *stopping).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            served = server => served?,
            () = deadline => tracing::warn!(
                grace_ms = grace.as_millis() as u64,
                "shutdown grace period over; closing the connections still open"
            ),
        }
        self.db.conn.close_by_ref().await.ok();
        Ok(())
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn serve(self) -> std::io::Result<()> {
        self.serve_until(shutdown_signal()).await
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Every ten minutes, forgets idempotency keys older than their hours (so
/// a key is answered for at least that long, and at most ten minutes more),
/// prunes idle shared rate-limit buckets (PostgreSQL) and, when the change
/// log is kept for a limited time, removes older changes. Ends when the pool
/// closes.
async fn retention(db: Db, key_hours: u32, log_days: Option<u32>, postgres: bool) {
    let hours = |n: u32| std::time::Duration::from_secs(u64::from(n) * 3600);
    let period = std::time::Duration::from_secs(600);
    // Not at start: a fresh server's first statements are its requests'.
    let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        every.tick().await;
        if db.is_closed() {
            return;
        }
        let cutoff = crate::clock::ago(hours(key_hours));
        match crate::writes::sweep_idempotency_keys(&db, &cutoff).await {
            Ok(0) => {}
            Ok(swept) => tracing::info!(swept, "forgot expired idempotency keys"),
            Err(err) => tracing::warn!(error = %err, "sweeping idempotency keys failed"),
        }
        // Buckets idle for ten minutes are full again, whoever kept them.
        if postgres && let Err(err) = crate::store::shared::prune_buckets(&db, 600).await {
            tracing::warn!(error = %err, "pruning shared rate-limit buckets failed");
        }
        let Some(days) = log_days else { continue };
        match crate::changes::trim(&db, &crate::clock::ago(hours(days * 24))).await {
            Ok(0) => {}
            Ok(removed) => {
                tracing::info!(removed, "removed changes past PARKGRAPH_CHANGE_LOG_DAYS")
            }
            Err(err) => tracing::warn!(error = %err, "trimming the change log failed"),
        }
    }
}
