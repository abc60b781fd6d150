//! The GraphQL handlers: POST with a JSON body, GET with the request in the
//! URL (queries only), and the WebSocket upgrade for subscriptions.

use std::sync::Arc;

use async_graphql::Request as GqlRequest;
use async_graphql::parser::types::OperationType;
use axum::body::Body;
use axum::extract::{Extension, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

use super::AppState;
use super::errors::{code_of, give_every_error_a_code, refusal};
use super::negotiate::{Media, accept, is_json_body, not_acceptable, respond, respond_body};
use super::params;
use crate::auth::{Caller, Credentials};
use crate::graphql::cache::{Entry, etag_of};
use crate::graphql::mutations::DocumentKey;
use crate::graphql::{Answer, execute_counted, operation_type};
use crate::http::metrics::Observation;

/// POST /graphql: one request as JSON (`application/json` or
/// `application/graphql-response+json`), at most `max_body_bytes`.
pub async fn post(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(media) = accept(&headers) else {
        return not_acceptable();
    };
    if !is_json_body(&headers) {
        let message = "send the request as JSON with Content-Type: application/json";
        return refuse(media, StatusCode::UNSUPPORTED_MEDIA_TYPE, message);
    }
    let limit = state.max_body_bytes;
    let too_large = || {
        let message =
            format!("the request body is larger than {limit} bytes (PARKGRAPH_MAX_BODY_BYTES)");
        refuse(media, StatusCode::PAYLOAD_TOO_LARGE, &message)
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return too_large();
    }
    let Ok(bytes) = axum::body::to_bytes(body, usize::try_from(limit).unwrap_or(usize::MAX)).await
    else {
        return too_large();
    };
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        let message = "batched requests are not supported; send one operation per request";
        return refuse(media, StatusCode::BAD_REQUEST, message);
    }
    match params::from_json(&bytes) {
        Ok(request) => {
            let caller = caller.map(|Extension(caller)| caller);
            run(&state, &headers, caller, request, media).await.0
        }
        Err(why) => refuse(media, StatusCode::BAD_REQUEST, &why),
    }
}

/// GET /graphql: a WebSocket upgrade (subscriptions, over graphql-transport-ws
/// or the legacy graphql-ws protocol), or a query in the URL. Mutations are
/// refused with 405: a GET must never change anything.
pub async fn get(State(state): State<AppState>, request: Request) -> Response {
    let upgrade = request
        .headers()
        .get(header::UPGRADE)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"websocket"));
    if upgrade {
        return super::socket::upgrade(state, request).await;
    }
    let Some(media) = accept(request.headers()) else {
        return not_acceptable();
    };
    let gql = match params::from_url(request.uri().query().unwrap_or("")) {
        Ok(gql) => gql,
        Err(why) => return refuse(media, StatusCode::BAD_REQUEST, &why),
    };
    if operation_type(&gql) == Some(OperationType::Mutation) {
        let mut refused = refuse(
            media,
            StatusCode::METHOD_NOT_ALLOWED,
            "mutations must be sent with POST",
        );
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return refused;
    }
    let caller = request.extensions().get::<Caller>().cloned();
    let (http, ok) = run(&state, request.headers(), caller, gql, media).await;
    cache(http, ok, request.headers(), state.get_max_age).await
}

/// A successful GET answer may be cached (`Cache-Control`, and an `ETag` so
/// `If-None-Match` gets 304); answers with errors may not. Answers to
/// requests with an API key are cached privately only.
async fn cache(http: Response, ok: bool, request: &HeaderMap, max_age: u32) -> Response {
    let (mut parts, body) = http.into_parts();
    parts.headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept, Authorization"),
    );
    if !ok || parts.status != StatusCode::OK {
        parts
            .headers
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let etag = match parts.extensions.remove::<Kept>() {
        Some(Kept(entry)) => entry.etag().to_owned(),
        None => etag_of(&bytes),
    };
    let scope = if request.contains_key(header::AUTHORIZATION) {
        "private"
    } else {
        "public"
    };
    if let Ok(value) = HeaderValue::from_str(&format!("{scope}, max-age={max_age}")) {
        parts.headers.insert(header::CACHE_CONTROL, value);
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    let matched = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matched {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The kept answer a response sends, for its `ETag`: hashed once, not on
/// every GET it answers.
#[derive(Clone)]
struct Kept(Arc<Entry>);

fn refuse(media: Media, status: StatusCode, message: &str) -> Response {
    respond(media, refusal(message, "BAD_USER_INPUT"), Some(status))
}

/// The bearer token of `Authorization: Bearer KEY`. Any other Authorization
/// value counts as a wrong key rather than as none.
pub(super) fn credentials(headers: &HeaderMap) -> Credentials {
    let value = headers
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or(""));
    Credentials(value.map(|v| match v.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim().to_owned(),
        _ => String::new(),
    }))
}

/// Runs one request within the time limit; every error leaves with a code
/// and the response with an `x-request-id`. True when there was no error.
async fn run(
    state: &AppState,
    headers: &HeaderMap,
    caller: Option<Caller>,
    request: GqlRequest,
    media: Media,
) -> (Response, bool) {
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let span = tracing::info_span!(
        "graphql",
        request_id = %request_id,
        operation = request.operation_name.as_deref().unwrap_or("-"),
    );
    crate::telemetry::continue_trace(&span, headers);
    let operation = request.operation_name.clone();
    let mut request = request.data(credentials(headers));
    if let Some(caller) = caller {
        request = request.data(caller);
    }
    if let Some(key) = headers.get("idempotency-key") {
        let key = String::from_utf8_lossy(key.as_bytes()).into_owned();
        request = request.data(DocumentKey(key));
    }
    let limit = state.request_timeout;
    let started = std::time::Instant::now();
    let cache = state.cache.as_deref();
    let work = execute_counted(&state.schema, &state.front, &state.db, cache, request)
        .instrument(span.clone());
    let (answer, statements) = match tokio::time::timeout(limit, work).await {
        Ok(done) => done,
        Err(_) => {
            let message = format!(
                "the request ran longer than {} ms and was cancelled (PARKGRAPH_REQUEST_TIMEOUT_MS); ask for less",
                limit.as_millis()
            );
            (Answer::Ran(refusal(message, "QUERY_TOO_COMPLEX")), 0)
        }
    };
    let record = |outcome: &str, cost: Option<&str>, error_codes: Vec<&str>| {
        let seconds = started.elapsed().as_secs_f64();
        // The operation and its cost are logged; variables never are.
        span.in_scope(|| {
            let (elapsed_ms, cost) = ((seconds * 1000.0) as u64, cost.unwrap_or("-"));
            tracing::info!(outcome, cost, statements, elapsed_ms, "graphql request")
        });
        let operation = operation.as_deref();
        let seen = Observation {
            operation,
            outcome,
            seconds,
            statements,
            error_codes,
        };
        state.metrics.record(seen);
    };
    let (mut http, ok) = match answer {
        Answer::Kept(entry) => {
            record("ok", entry.cost.as_deref(), Vec::new());
            let mut http = respond_body(media, entry.body.clone());
            http.extensions_mut().insert(Kept(entry));
            (http, true)
        }
        Answer::Ran(mut response) => {
            give_every_error_a_code(&mut response, &request_id);
            let codes: Vec<&str> = response.errors.iter().filter_map(code_of).collect();
            let cost = response.extensions.get("cost").map(|c| c.to_string());
            record(
                codes.first().copied().unwrap_or("ok"),
                cost.as_deref(),
                codes.clone(),
            );
            let unavailable = codes.contains(&"SERVICE_UNAVAILABLE");
            let ok = response.errors.is_empty();
            let mut http = respond(media, response, None);
            // A busy or unreachable database is usually back within the second.
            if unavailable {
                http.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            (http, ok)
        }
    };
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        http.headers_mut().insert("x-request-id", value);
    }
    (http, ok)
}
