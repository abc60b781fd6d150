//! GraphQL over HTTP: which media type a client accepts and sends, and the
//! status code each outcome gets. With `application/graphql-response+json` a
//! request that fails before execution (unparsable, invalid, too complex) is
//! a 4xx without a `data` entry; with `application/json` every well-formed
//! request is a 200, as the specification asks for that legacy type.

use async_graphql::Response as GqlResponse;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::errors::{code_of, refusal};

/// The response media type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    /// `application/json` (also for `*/*` and no `Accept` at all).
    Json,
    /// `application/graphql-response+json`.
    GraphqlResponse,
}

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

impl Media {
    fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json; charset=utf-8",
            Self::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
        }
    }
}

/// The media type to answer in, from `Accept` (the first acceptable one in
/// the client's order of preference); None when none is (see [`not_acceptable`]).
pub fn accept(headers: &HeaderMap) -> Option<Media> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Some(Media::Json);
    };
    let mut ranges: Vec<(f32, Media)> = Vec::new();
    for part in accept.split(',') {
        let mut params = part.split(';');
        let range = params.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = params
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let media = match range.as_str() {
            GRAPHQL_RESPONSE => Media::GraphqlResponse,
            "application/json" | "application/*" | "*/*" => Media::Json,
            _ => continue,
        };
        if quality > 0.0 {
            ranges.push((quality, media));
        }
    }
    // Stable sort: equal qualities keep the client's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.first().map(|(_, media)| *media)
}

/// 406, for a client that accepts neither media type.
pub fn not_acceptable() -> Response {
    let message = format!("accept application/json or {GRAPHQL_RESPONSE}");
    respond(
        Media::Json,
        refusal(message, "BAD_USER_INPUT"),
        Some(StatusCode::NOT_ACCEPTABLE),
    )
}

/// True when the body is declared as JSON (`application/json` or
/// `application/graphql-response+json`, any charset parameter).
pub fn is_json_body(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|t| t == "application/json" || t == GRAPHQL_RESPONSE)
}

/// A response that failed before execution, without `data`.
#[derive(serde::Serialize)]
struct Early<'a> {
    errors: &'a [async_graphql::ServerError],
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    extensions: &'a std::collections::BTreeMap<String, async_graphql::Value>,
}

/// A successful answer already in JSON (the response cache's): 200 with the
/// media type the client accepts.
pub fn respond_body(media: Media, body: bytes::Bytes) -> Response {
    let mut http = (StatusCode::OK, body).into_response();
    http.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    http
}

/// The HTTP response for `response` in `media`; `status` overrides the one
/// the outcome would get.
pub fn respond(media: Media, response: GqlResponse, status: Option<StatusCode>) -> Response {
    let failed_early = response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty());
    let codes: Vec<&str> = response.errors.iter().filter_map(code_of).collect();
    let status = status.unwrap_or_else(|| {
        if codes.contains(&"RATE_LIMITED") {
            StatusCode::TOO_MANY_REQUESTS
        } else if media == Media::Json {
            StatusCode::OK
        } else if failed_early && codes.iter().all(|c| *c == "SERVICE_UNAVAILABLE") {
            StatusCode::SERVICE_UNAVAILABLE
        } else if failed_early {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        }
    });
    // Serialized straight from the response: its objects keep the order the
    // query asked for (a serde_json::Value would sort their keys).
    let body = if failed_early && media == Media::GraphqlResponse {
        serde_json::to_vec(&Early {
            errors: &response.errors,
            extensions: &response.extensions,
        })
    } else {
        serde_json::to_vec(&response)
    };
    let mut http = (status, body.unwrap_or_default()).into_response();
    http.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    http
}
