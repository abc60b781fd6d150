//! Rate limiting: a token bucket per API key, or per client address for
//! requests without one. On PostgreSQL the buckets are rows every replica
//! shares (one statement per request, see `store::shared`), so N replicas
//! still give a key its limit once; on SQLite, one process, they are kept
//! in memory.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use crate::auth::{Actor, Caller};
use crate::store::Db;

// Buckets idle this long are full again and can be forgotten.
const IDLE: Duration = Duration::from_secs(600);
const PRUNE_ABOVE: usize = 10_000;

/// How fast each client may send requests.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    trust_forwarded: bool,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
    shared: Option<Db>,
}

impl RateLimiter {
    /// `per_minute` requests a minute on average, `burst` at once; 0 turns it off.
    pub fn new(per_minute: u32, burst: u32, trust_forwarded: bool) -> Self {
        Self {
            per_second: f64::from(per_minute) / 60.0,
            burst: f64::from(burst.max(1)),
            trust_forwarded,
            buckets: Mutex::default(),
            shared: None,
        }
    }

    /// The same limits, with buckets kept in `db` for every replica.
    pub fn shared_in(self, db: Db) -> Self {
        Self {
            shared: Some(db),
            ..self
        }
    }

    /// Whether requests are limited at all (`PARKGRAPH_RATE_LIMIT_PER_MINUTE` > 0).
    pub fn is_on(&self) -> bool {
        self.per_second > 0.0
    }

    /// Takes a token for `client`; how long to wait when there is none.
    pub async fn take(&self, client: &str) -> Result<(), Duration> {
        if self.per_second <= 0.0 {
            return Ok(());
        }
        if let Some(db) = &self.shared {
            match crate::store::shared::take_token(db, client, self.per_second, self.burst).await {
                Ok(taken) => {
                    return taken.map_err(|tokens| self.wait_for(tokens));
                }
                // The database is the API's own dependency: while it is
                // unreachable requests fail anyway, and each replica's own
                // buckets still hold each client back meanwhile.
                Err(err) => tracing::warn!(error = %err, "shared rate limit unavailable"),
            }
        }
        self.take_here(client)
    }

    /// How long until a bucket holding `tokens` has one.
    fn wait_for(&self, tokens: f64) -> Duration {
        Duration::from_secs_f64(((1.0 - tokens) / self.per_second).max(0.0))
    }

    /// [`RateLimiter::take`] from this process's own buckets.
    fn take_here(&self, client: &str) -> Result<(), Duration> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, (_, at)| now.duration_since(*at) < IDLE);
        }
        let (tokens, at) = buckets
            .entry(client.to_owned())
            .or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(self.wait_for(*tokens))
        }
    }

    /// Who is asking: a valid API key, or else the client address (the first
    /// `X-Forwarded-For` hop when the proxy in front is trusted). Only keys
    /// that exist get a bucket of their own: a client inventing a new key per
    /// request would otherwise never run out.
    /// The bucket's name for a request, and its key's owner when it has a valid key.
    async fn client(
        &self,
        db: &Db,
        headers: &HeaderMap,
        peer: Option<SocketAddr>,
    ) -> (String, Option<Actor>) {
        let token = super::graphql::credentials(headers).0;
        if let Some(token) = token.filter(|t| !t.is_empty())
            && let Ok(actor) = crate::auth::authenticate(db, &token).await
        {
            return (format!("key:{}", actor.key_id), Some(actor));
        }
        let forwarded = self
            .trust_forwarded
            .then(|| {
                headers
                    .get("x-forwarded-for")?
                    .to_str()
                    .ok()?
                    .split(',')
                    .next()?
                    .trim()
                    .parse::<IpAddr>()
                    .ok()
            })
            .flatten();
        let client = match forwarded.or(peer.map(|p| p.ip())) {
            Some(ip) => format!("ip:{ip}"),
            None => "ip:unknown".to_owned(),
        };
        (client, None)
    }
}

/// Middleware: 429 with `Retry-After` and a RATE_LIMITED error once a client's
/// bucket is empty.
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // Off, who the caller is does not matter here: no key lookup, no string.
    if !state.rate.is_on() {
        return next.run(request).await;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let (client, caller) = state.rate.client(&state.db, request.headers(), peer).await;
    let mut request = request;
    if let Some(actor) = caller {
        // The request takes its caller from here rather than look it up again.
        request.extensions_mut().insert(Caller(actor));
    }
    match state.rate.take(&client).await {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            state.metrics.record(crate::http::metrics::Observation {
                operation: None,
                outcome: "RATE_LIMITED",
                seconds: 0.0,
                statements: 0,
                error_codes: vec!["RATE_LIMITED"],
            });
            let seconds = wait.as_secs() + 1;
            let body = serde_json::json!({ "errors": [{
                "message": format!("too many requests; retry in {seconds} s"),
                "extensions": { "code": "RATE_LIMITED", "retryAfter": seconds }
            }]});
            let mut response =
                (axum::http::StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
    }
}
