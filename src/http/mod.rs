//! The HTTP edge: routes, the GraphQL handlers (GraphQL over HTTP, WebSocket),
//! GraphiQL, health and readiness. It knows nothing of tables; the schema
//! does the work.

mod errors;
mod graphiql;
mod graphql;
pub mod metrics;
mod negotiate;
mod params;
mod rate;
mod socket;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

pub use rate::RateLimiter;

use crate::graphql::AppSchema;
use crate::store::Db;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The schema, with the database attached.
    pub schema: AppSchema,
    /// What every operation passes before the schema runs it.
    pub front: Arc<crate::graphql::request::Front>,
    /// The database, for per-request loaders and readiness.
    pub db: Db,
    /// The largest request body accepted (HTTP 413 above).
    pub max_body_bytes: u64,
    /// How long one request may run before it is cancelled.
    pub request_timeout: Duration,
    /// Requests per client.
    pub rate: Arc<RateLimiter>,
    /// Origins whose pages may call the API from a browser (besides our own).
    pub cors_origins: Vec<String>,
    /// Seconds a successful GET query may be cached.
    pub get_max_age: u32,
    /// Counters for `/metrics`.
    pub metrics: Arc<crate::http::metrics::Metrics>,
    /// Public queries' answers, when the cache is on.
    pub cache: Option<Arc<crate::graphql::cache::ResponseCache>>,
}

/// All routes.
pub fn router(state: AppState) -> Router {
    let graphql = Router::new()
        .route("/graphql", get(graphql::get).post(graphql::post))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate::limit,
        ));
    let mut router = Router::new()
        .route("/", get(graphiql::page))
        .route("/graphiql/assets/{*path}", get(graphiql::asset))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .merge(graphql)
        .layer(CompressionLayer::new());
    if let Some(cors) = cors(&state.cors_origins) {
        router = router.layer(cors);
    }
    router.layer(TraceLayer::new_for_http()).with_state(state)
}

/// Cross-origin access for the configured origins (`*` for any). With none,
/// browsers allow only same-origin pages, GraphiQL at `/` among them.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::ACCEPT,
                header::HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([
                header::HeaderName::from_static("x-request-id"),
                header::RETRY_AFTER,
            ])
            .max_age(Duration::from_secs(600)),
    )
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// Prometheus metrics.
async fn metrics(State(state): State<AppState>) -> impl axum::response::IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(&state.db, state.cache.as_deref()),
    )
}

/// The database answers; 503 while it does not.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
