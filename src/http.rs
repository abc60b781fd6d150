//! The HTTP edge: routes, the GraphQL handler, GraphiQL, health and readiness.
//! It knows nothing of tables; the schema does the work.

use async_graphql::http::GraphiQLSource;
use async_graphql::{ErrorExtensionValues, ParseRequestError, Response as GqlResponse, Value};
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Request, State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower_http::trace::TraceLayer;
use tracing::Instrument;

use crate::auth::Credentials;
use crate::db::Db;
use crate::graphql::{AppSchema, Executor, execute};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The schema, with the database attached.
    pub schema: AppSchema,
    /// The database, for per-request loaders and readiness.
    pub db: Db,
}

/// All routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(graphiql))
        .route("/graphql", get(graphql_get).post(graphql))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn graphiql() -> Html<String> {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .title("parkgraph: Pakistan's technology parks")
            .finish(),
    )
}

/// GET: a WebSocket upgrade (subscriptions, over graphql-transport-ws or the
/// legacy graphql-ws protocol), or a query in the URL.
async fn graphql_get(State(state): State<AppState>, request: Request) -> Response {
    let upgrade = request
        .headers()
        .get(header::UPGRADE)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"websocket"));
    if upgrade {
        return websocket(state, request).await;
    }
    let headers = request.headers().clone();
    match GraphQLRequest::<RequestError>::from_request(request, &state).await {
        Ok(parsed) => graphql(State(state), headers, parsed).await,
        Err(rejection) => rejection.into_response(),
    }
}

async fn websocket(state: AppState, request: Request) -> Response {
    let (mut parts, _) = request.into_parts();
    let protocol = match GraphQLProtocol::from_request_parts(&mut parts, &()).await {
        Ok(protocol) => protocol,
        Err(status) => return status.into_response(),
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let executor = Executor {
        schema: state.schema,
        db: state.db,
    };
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |stream| GraphQLWebSocket::new(stream, executor, protocol).serve())
}

/// The bearer token of `Authorization: Bearer KEY`. Any other Authorization
/// value counts as a wrong key rather than as none.
fn credentials(headers: &HeaderMap) -> Credentials {
    let value = headers
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or(""));
    Credentials(value.map(|v| match v.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim().to_owned(),
        _ => String::new(),
    }))
}

/// Runs one GraphQL request (POST JSON, or GET with `query`/`variables` in the URL).
async fn graphql(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: GraphQLRequest<RequestError>,
) -> Response {
    let request = request.into_inner().data(credentials(&headers));
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let span = tracing::info_span!(
        "graphql",
        request_id = %request_id,
        operation = request.operation_name.as_deref().unwrap_or("-"),
    );
    let mut response = execute(&state.schema, &state.db, request)
        .instrument(span)
        .await;
    give_every_error_a_code(&mut response, &request_id);
    let mut http = GraphQLResponse::from(response).into_response();
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        http.headers_mut().insert("x-request-id", value);
    }
    http
}

/// Parse and validation errors (no path) and argument errors (async-graphql's
/// "Failed to parse", "Invalid value" and "Expected input type" messages, the
/// last for a null variable given to a non-null argument) come without a code; they
/// are the client's to fix. Any other field error without a code escaped
/// `AppError`, so it is ours: logged, and shown only as `INTERNAL`. Errors on
/// our side carry the request id, which is also in the logs.
fn give_every_error_a_code(response: &mut GqlResponse, request_id: &str) {
    for error in &mut response.errors {
        let message = error.message.clone();
        let no_path = error.path.is_empty();
        let extensions = error
            .extensions
            .get_or_insert_with(ErrorExtensionValues::default);
        if extensions.get("code").is_none() {
            let argument_error = message.starts_with("Failed to parse")
                || message.starts_with("Invalid value for argument")
                || message.starts_with("Expected input type");
            if no_path || argument_error {
                extensions.set("code", Value::from("BAD_USER_INPUT"));
            } else {
                tracing::error!(error = %message, path = ?error.path, "uncoded resolver error");
                extensions.set("code", Value::from("INTERNAL"));
                error.message = "internal error".to_owned();
            }
        }
        let ours = matches!(
            error.extensions.as_ref().and_then(|e| e.get("code")),
            Some(Value::String(code)) if code == "INTERNAL" || code == "SERVICE_UNAVAILABLE"
        );
        if ours {
            let extensions = error
                .extensions
                .get_or_insert_with(ErrorExtensionValues::default);
            extensions.set("requestId", Value::from(request_id));
        }
    }
}

/// A request that is not a GraphQL request at all: 400 (413 when too large),
/// with a GraphQL-shaped error body rather than async-graphql-axum's plain text.
pub struct RequestError(ParseRequestError);

impl From<ParseRequestError> for RequestError {
    fn from(err: ParseRequestError) -> Self {
        Self(err)
    }
}

impl IntoResponse for RequestError {
    fn into_response(self) -> Response {
        request_error(self.0)
    }
}

fn request_error(err: ParseRequestError) -> Response {
    let (status, message) = match &err {
        ParseRequestError::PayloadTooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "the request body is too large".to_owned(),
        ),
        ParseRequestError::InvalidRequest(inner) => (
            StatusCode::BAD_REQUEST,
            format!("the body is not a GraphQL request: {inner}"),
        ),
        ParseRequestError::UnsupportedBatch => (
            StatusCode::BAD_REQUEST,
            "batched requests are not supported; send one operation per request".to_owned(),
        ),
        other => (
            StatusCode::BAD_REQUEST,
            format!("the request could not be read: {other}"),
        ),
    };
    let body = serde_json::json!({
        "errors": [{ "message": message, "extensions": { "code": "BAD_USER_INPUT" } }]
    });
    (status, axum::Json(body)).into_response()
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
