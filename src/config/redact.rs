//! Printing settings without their secrets: PostgreSQL URLs carry passwords.

use super::Config;

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database", &redact(&self.database_url))
            .field("addr", &self.addr)
            .field("db_max_connections", &self.db_max_connections)
            .field("log_format", &self.log_format)
            .field("seed_on_start", &self.seed_on_start)
            .field("limits", &self.limits)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("request_timeout", &self.request_timeout)
            .field("introspection", &self.introspection)
            .field("production", &self.production)
            .field("rate_per_minute", &self.rate_per_minute)
            .field("rate_burst", &self.rate_burst)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field("cors_origins", &self.cors_origins)
            .field("db_acquire_timeout", &self.db_acquire_timeout)
            .field("db_busy_timeout", &self.db_busy_timeout)
            .field("shutdown_grace", &self.shutdown_grace)
            .field("persisted_queries", &self.persisted_queries)
            .field("persisted_only", &self.persisted_only)
            .field("get_max_age", &self.get_max_age)
            .field("response_cache_bytes", &self.response_cache_bytes)
            .field("tenancy_fresh_months", &self.tenancy_fresh_months)
            .field("as_of", &self.as_of)
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
