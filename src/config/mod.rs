//! Configuration from the environment, each setting with a default. A bad value
//! stops startup with a message that names the variable.

use std::net::SocketAddr;
use std::time::Duration;

use crate::graphql::limits::Limits;

mod redact;
mod values;

pub use redact::redact;

use values::{day, millis, origins, parse, positive};

/// The embedded default: a SQLite file beside the working directory, created
/// (`mode=rwc`) on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://parkgraph.db?mode=rwc";
/// Where the server listens unless `PARKGRAPH_ADDR` says otherwise.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8000";

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (the default).
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Everything the server reads from its environment.
#[derive(Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://...` or `postgres://...`.
    pub database_url: String,
    /// `PARKGRAPH_ADDR`: the socket address to bind; port 0 picks a free port.
    pub addr: SocketAddr,
    /// `PARKGRAPH_DB_MAX_CONNECTIONS`: the pool size; see [`Config::pool_size`].
    pub db_max_connections: Option<u32>,
    /// `PARKGRAPH_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `PARKGRAPH_SEED_ON_START`: load the shipped dataset into an empty database
    /// when serving (default true).
    pub seed_on_start: bool,
    /// What one GraphQL document may ask for (`PARKGRAPH_MAX_*`).
    pub limits: Limits,
    /// `PARKGRAPH_MAX_BODY_BYTES`: the largest request body (HTTP 413 above).
    pub max_body_bytes: u64,
    /// `PARKGRAPH_REQUEST_TIMEOUT_MS`: a request still running after this is
    /// cancelled and answered with an error.
    pub request_timeout: Duration,
    /// `PARKGRAPH_INTROSPECTION`: answer `__schema`/`__type` (default true).
    pub introspection: bool,
    /// `PARKGRAPH_PRODUCTION`: production mode; no "did you mean" suggestions
    /// in errors (default false).
    pub production: bool,
    /// `PARKGRAPH_RATE_LIMIT_PER_MINUTE`: requests a minute per API key or
    /// client address; 0 turns rate limiting off.
    pub rate_per_minute: u32,
    /// `PARKGRAPH_RATE_LIMIT_BURST`: requests a client may send at once.
    pub rate_burst: u32,
    /// `PARKGRAPH_TRUST_FORWARDED_FOR`: take the client address from
    /// `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// `PARKGRAPH_CORS_ORIGINS`: comma-separated origins whose pages may call
    /// the API from a browser, or `*`; none by default.
    pub cors_origins: Vec<String>,
    /// `PARKGRAPH_DB_ACQUIRE_TIMEOUT_MS`: how long a request waits for a
    /// database connection before it fails with SERVICE_UNAVAILABLE.
    pub db_acquire_timeout: Duration,
    /// `PARKGRAPH_DB_BUSY_TIMEOUT_MS`: how long a write (a mutation, an
    /// import, `keys create`) waits while another writer holds the write
    /// lock, in this process or another, before it fails with
    /// SERVICE_UNAVAILABLE and `Retry-After`.
    pub db_busy_timeout: Duration,
    /// `PARKGRAPH_SHUTDOWN_GRACE_MS`: how long requests in flight may run
    /// after SIGTERM or Ctrl-C.
    pub shutdown_grace: Duration,
    /// `PARKGRAPH_PERSISTED_QUERIES`: a folder of `.graphql` documents to
    /// register, each by the SHA-256 of its contents.
    pub persisted_queries: Option<std::path::PathBuf>,
    /// `PARKGRAPH_PERSISTED_ONLY`: run only the registered documents.
    pub persisted_only: bool,
    /// `PARKGRAPH_GET_MAX_AGE`: seconds a successful GET query may be cached
    /// (`Cache-Control: max-age`).
    pub get_max_age: u32,
    /// `PARKGRAPH_RESPONSE_CACHE_BYTES`: the most memory the response cache
    /// holds (default 32 MiB); 0 turns it off.
    pub response_cache_bytes: u64,
    /// `PARKGRAPH_TENANCY_FRESH_MONTHS`: how recent a sighting must be for
    /// a tenancy to be current (default 24).
    pub tenancy_fresh_months: u32,
    /// `PARKGRAPH_AS_OF`: the day tenancy statuses are judged on,
    /// `YYYY-MM-DD` (default: today).
    pub as_of: Option<time::Date>,
    /// `PARKGRAPH_IDEMPOTENCY_KEY_HOURS`: how long a retried mutation is
    /// answered with its first response (default 24); older keys are swept.
    pub idempotency_key_hours: u32,
    /// `PARKGRAPH_FEED_REQUIRES_KEY`: the change feed (`Query.changes` and
    /// `Subscription.changes`) answers only callers with an API key.
    pub feed_requires_key: bool,
    /// `PARKGRAPH_CHANGE_LOG_DAYS`: how long the change log keeps a change
    /// (default: forever); a feed cursor from before what is kept answers
    /// CURSOR_EXPIRED.
    pub change_log_days: Option<u32>,
}

impl Config {
    /// The pool size: `PARKGRAPH_DB_MAX_CONNECTIONS`, else 10 for PostgreSQL
    /// and, for SQLite, one per core (at least 2, at most 8). SQLite runs on
    /// the server's own threads, one per connection with its own caches and
    /// C heap: each connection busy at once added about 4 MiB of peak RSS
    /// under nested pages on two cores (whole bench at scale 10: 62 MiB with
    /// 2, 70 with 4, 118 with 10), for 5-15% more throughput on the lightest
    /// queries and none on the mixed workload. SQLite in memory always uses 1.
    pub fn pool_size(&self) -> u32 {
        let postgres = self.database_url.starts_with("postgres");
        self.db_max_connections.unwrap_or_else(|| match postgres {
            true => 10,
            false => std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8) as u32),
        })
    }

    /// The pool's size and waits.
    pub fn pool(&self) -> crate::store::PoolOptions {
        crate::store::PoolOptions {
            max_connections: self.pool_size(),
            acquire_timeout: self.db_acquire_timeout,
            busy_timeout: self.db_busy_timeout,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            addr: DEFAULT_ADDR.parse().expect("the default address parses"),
            db_max_connections: None,
            log_format: LogFormat::Text,
            seed_on_start: true,
            limits: Limits::default(),
            max_body_bytes: 8 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            introspection: true,
            production: false,
            rate_per_minute: 600,
            rate_burst: 100,
            trust_forwarded_for: false,
            cors_origins: Vec::new(),
            db_acquire_timeout: Duration::from_secs(3),
            db_busy_timeout: Duration::from_secs(5),
            shutdown_grace: Duration::from_secs(10),
            persisted_queries: None,
            persisted_only: false,
            get_max_age: 60,
            response_cache_bytes: 32 * 1024 * 1024,
            tenancy_fresh_months: 24,
            as_of: None,
            idempotency_key_hours: 24,
            feed_requires_key: false,
            change_log_days: None,
        }
    }
}

/// A variable that is set but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{name}={value:?} is not valid: {reason}")]
pub struct ConfigError {
    /// The variable's name.
    pub name: &'static str,
    /// What it was set to.
    pub value: String,
    /// What a valid value looks like.
    pub reason: String,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let d = Self::default();
        let env = Env(lookup);
        let (flag, count) = ("true or false", "a positive whole number");
        Ok(Self {
            database_url: env.database_url(d.database_url)?,
            addr: env.value("PARKGRAPH_ADDR", d.addr, "HOST:PORT")?,
            db_max_connections: match env.get("PARKGRAPH_DB_MAX_CONNECTIONS") {
                None => d.db_max_connections,
                Some(_) => Some(env.positive("PARKGRAPH_DB_MAX_CONNECTIONS", 0, count)?),
            },
            log_format: env.log_format()?,
            seed_on_start: env.value("PARKGRAPH_SEED_ON_START", d.seed_on_start, flag)?,
            limits: env.limits(d.limits)?,
            max_body_bytes: env.positive(
                "PARKGRAPH_MAX_BODY_BYTES",
                d.max_body_bytes,
                "a positive whole number of bytes",
            )?,
            request_timeout: env.millis("PARKGRAPH_REQUEST_TIMEOUT_MS", d.request_timeout)?,
            introspection: env.value("PARKGRAPH_INTROSPECTION", d.introspection, flag)?,
            production: env.value("PARKGRAPH_PRODUCTION", d.production, flag)?,
            rate_per_minute: env.value(
                "PARKGRAPH_RATE_LIMIT_PER_MINUTE",
                d.rate_per_minute,
                "a whole number (0 turns rate limiting off)",
            )?,
            rate_burst: env.positive("PARKGRAPH_RATE_LIMIT_BURST", d.rate_burst, count)?,
            trust_forwarded_for: env.value(
                "PARKGRAPH_TRUST_FORWARDED_FOR",
                d.trust_forwarded_for,
                flag,
            )?,
            cors_origins: match env.get("PARKGRAPH_CORS_ORIGINS") {
                None => Vec::new(),
                Some(list) => origins(&list)?,
            },
            db_acquire_timeout: env
                .millis("PARKGRAPH_DB_ACQUIRE_TIMEOUT_MS", d.db_acquire_timeout)?,
            db_busy_timeout: env.millis("PARKGRAPH_DB_BUSY_TIMEOUT_MS", d.db_busy_timeout)?,
            shutdown_grace: env.millis("PARKGRAPH_SHUTDOWN_GRACE_MS", d.shutdown_grace)?,
            persisted_queries: env
                .get("PARKGRAPH_PERSISTED_QUERIES")
                .map(std::path::PathBuf::from),
            persisted_only: env.value("PARKGRAPH_PERSISTED_ONLY", d.persisted_only, flag)?,
            get_max_age: env.value(
                "PARKGRAPH_GET_MAX_AGE",
                d.get_max_age,
                "a whole number of seconds",
            )?,
            response_cache_bytes: env.value(
                "PARKGRAPH_RESPONSE_CACHE_BYTES",
                d.response_cache_bytes,
                "a whole number of bytes (0 turns the cache off)",
            )?,
            tenancy_fresh_months: env.positive(
                "PARKGRAPH_TENANCY_FRESH_MONTHS",
                d.tenancy_fresh_months,
                "a positive whole number of months",
            )?,
            as_of: match env.get("PARKGRAPH_AS_OF") {
                None => d.as_of,
                Some(text) => Some(day("PARKGRAPH_AS_OF", &text)?),
            },
            idempotency_key_hours: env.positive(
                "PARKGRAPH_IDEMPOTENCY_KEY_HOURS",
                d.idempotency_key_hours,
                "a positive whole number of hours",
            )?,
            feed_requires_key: env.value(
                "PARKGRAPH_FEED_REQUIRES_KEY",
                d.feed_requires_key,
                flag,
            )?,
            change_log_days: match env.get("PARKGRAPH_CHANGE_LOG_DAYS") {
                None => d.change_log_days,
                Some(_) => Some(env.positive(
                    "PARKGRAPH_CHANGE_LOG_DAYS",
                    0,
                    "a positive whole number of days (unset keeps every change)",
                )?),
            },
        })
    }
}

/// The environment, read one setting at a time; an empty value is unset.
struct Env<F>(F);

impl<F: Fn(&str) -> Option<String>> Env<F> {
    fn get(&self, name: &str) -> Option<String> {
        (self.0)(name).filter(|v| !v.trim().is_empty())
    }

    fn value<T: std::str::FromStr>(
        &self,
        name: &'static str,
        default: T,
        expected: &str,
    ) -> Result<T, ConfigError> {
        parse(self.get(name), name, default, expected)
    }

    fn positive<N>(&self, name: &'static str, default: N, expected: &str) -> Result<N, ConfigError>
    where
        N: std::str::FromStr + Copy + Default + PartialEq + ToString,
    {
        positive(name, self.value(name, default, expected)?)
    }

    fn millis(&self, name: &'static str, default: Duration) -> Result<Duration, ConfigError> {
        millis(self.get(name), name, default)
    }

    fn database_url(&self, default: String) -> Result<String, ConfigError> {
        match self.get("DATABASE_URL") {
            Some(url) if url.starts_with("sqlite:") || url.starts_with("postgres") => Ok(url),
            Some(url) => Err(ConfigError {
                name: "DATABASE_URL",
                value: redact(&url),
                reason: "expected sqlite://FILE?mode=rwc or postgres://USER:PASS@HOST/DB".into(),
            }),
            None => Ok(default),
        }
    }

    fn log_format(&self) -> Result<LogFormat, ConfigError> {
        match self.get("PARKGRAPH_LOG_FORMAT").as_deref() {
            None | Some("text") => Ok(LogFormat::Text),
            Some("json") => Ok(LogFormat::Json),
            Some(other) => Err(ConfigError {
                name: "PARKGRAPH_LOG_FORMAT",
                value: other.to_owned(),
                reason: "expected text or json".into(),
            }),
        }
    }

    fn limits(&self, mut limits: Limits) -> Result<Limits, ConfigError> {
        for (name, field) in Limits::fields() {
            let value = field(&mut limits);
            *value = self.positive(name, *value, "a positive whole number")?;
        }
        Ok(limits)
    }
}
