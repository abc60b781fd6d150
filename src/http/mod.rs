//! The HTTP edge: routes, the GraphQL handlers (GraphQL over HTTP, WebSocket),
//! GraphiQL, health and readiness. It knows nothing of tables; the schema
//! does the work.

mod errors;
mod graphql;
mod negotiate;

use std::time::Duration;

use async_graphql::http::GraphiQLSource;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::get;
use tower_http::trace::TraceLayer;

use crate::db::Db;
use crate::graphql::AppSchema;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The schema, with the database attached.
    pub schema: AppSchema,
    /// The database, for per-request loaders and readiness.
    pub db: Db,
    /// The largest request body accepted (HTTP 413 above).
    pub max_body_bytes: u64,
    /// How long one request may run before it is cancelled.
    pub request_timeout: Duration,
}

/// All routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(graphiql))
        .route("/graphql", get(graphql::get).post(graphql::post))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn graphiql() -> Html<String> {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .title("parkgraph: Pakistan's technology parks")
            .finish(),
    )
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers; 503 while it does not.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
