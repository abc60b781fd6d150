//! Configuration from the environment, each setting with a default. A bad value
//! stops startup with a message that names the variable.

use std::net::SocketAddr;

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
    /// `PARKGRAPH_DB_MAX_CONNECTIONS`: the pool size (SQLite in memory always uses 1).
    pub db_max_connections: u32,
    /// `PARKGRAPH_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `PARKGRAPH_SEED_ON_START`: load the shipped dataset into an empty database
    /// when serving (default true).
    pub seed_on_start: bool,
}

// Postgres URLs carry passwords: never print the URL itself.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database", &redact(&self.database_url))
            .field("addr", &self.addr)
            .field("db_max_connections", &self.db_max_connections)
            .field("log_format", &self.log_format)
            .field("seed_on_start", &self.seed_on_start)
            .finish()
    }
}

/// The URL with any password replaced by `***`.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            addr: DEFAULT_ADDR.parse().expect("the default address parses"),
            db_max_connections: 10,
            log_format: LogFormat::Text,
            seed_on_start: true,
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
        let defaults = Self::default();
        let get = |name: &'static str| lookup(name).filter(|v| !v.trim().is_empty());
        let database_url = match get("DATABASE_URL") {
            Some(url) if url.starts_with("sqlite:") || url.starts_with("postgres") => url,
            Some(url) => {
                return Err(ConfigError {
                    name: "DATABASE_URL",
                    value: redact(&url),
                    reason: "expected sqlite://FILE?mode=rwc or postgres://USER:PASS@HOST/DB"
                        .into(),
                });
            }
            None => defaults.database_url,
        };
        Ok(Self {
            database_url,
            addr: parse(
                get("PARKGRAPH_ADDR"),
                "PARKGRAPH_ADDR",
                defaults.addr,
                "HOST:PORT",
            )?,
            db_max_connections: parse(
                get("PARKGRAPH_DB_MAX_CONNECTIONS"),
                "PARKGRAPH_DB_MAX_CONNECTIONS",
                defaults.db_max_connections,
                "a positive whole number",
            )
            .and_then(|n: u32| positive("PARKGRAPH_DB_MAX_CONNECTIONS", n))?,
            log_format: match get("PARKGRAPH_LOG_FORMAT").as_deref() {
                None | Some("text") => LogFormat::Text,
                Some("json") => LogFormat::Json,
                Some(other) => {
                    return Err(ConfigError {
                        name: "PARKGRAPH_LOG_FORMAT",
                        value: other.to_owned(),
                        reason: "expected text or json".into(),
                    });
                }
            },
            seed_on_start: parse(
                get("PARKGRAPH_SEED_ON_START"),
                "PARKGRAPH_SEED_ON_START",
                defaults.seed_on_start,
                "true or false",
            )?,
        })
    }
}

fn parse<T: std::str::FromStr>(
    value: Option<String>,
    name: &'static str,
    default: T,
    expected: &str,
) -> Result<T, ConfigError> {
    match value {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|_| ConfigError {
            name,
            value,
            reason: format!("expected {expected}"),
        }),
    }
}

fn positive(name: &'static str, n: u32) -> Result<u32, ConfigError> {
    if n == 0 {
        return Err(ConfigError {
            name,
            value: n.to_string(),
            reason: "expected a positive whole number".into(),
        });
    }
    Ok(n)
}
