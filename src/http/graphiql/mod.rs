//! GraphiQL at `/`, opening with the example catalogue (`examples/`) as tabs.
//!
//! Everything the page loads comes from this server, out of the binary (see
//! [`assets`]): it works offline, and its `Content-Security-Policy` allows
//! this server's scripts and styles and the page's own inline script and
//! style, by hash, and nothing else.

mod assets;

use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use sha2::Digest as _;

use assets::ASSETS;

/// The catalogue, built into the binary: one tab per example.
const EXAMPLES: [&str; 13] = [
    include_str!("../../../examples/explore-park-with-tenants-and-sources.graphql"),
    include_str!("../../../examples/explore-export-figures-by-year.graphql"),
    include_str!("../../../examples/explore-parks-by-province.graphql"),
    include_str!("../../../examples/explore-contested-figures.graphql"),
    include_str!("../../../examples/explore-source-documents.graphql"),
    include_str!("../../../examples/explore-e-rozgaar-centres.graphql"),
    include_str!("../../../examples/mobile-park-list-page.graphql"),
    include_str!("../../../examples/mobile-park-detail.graphql"),
    include_str!("../../../examples/mobile-project-progress.graphql"),
    include_str!("../../../examples/mobile-parks-near.graphql"),
    include_str!("../../../examples/partner-resume-change-feed.graphql"),
    include_str!("../../../examples/partner-update-park-with-version.graphql"),
    include_str!("../../../examples/partner-import-dry-run.graphql"),
];

const TEMPLATE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = "body { height: 100%; margin: 0; width: 100%; overflow: hidden; } \
                     #graphiql { height: 100vh; }";

// The `<style>` GraphiQL's dialogs (Radix, through react-remove-scroll)
// insert while open. Its figures are scrollbar and body margins, all 0 on
// this page, which never scrolls, so its text and hash are fixed;
// e2e/graphiql.mjs opens a dialog and fails on the console error a wrong
// hash would give.
const DIALOG_STYLE: &str = "'sha256-nzTgYzXYDNe6BAHiiI7NNlfK8n/auuOAhh2t92YvuXo='";

/// The page and the policy it is served with, made once per process.
struct Page {
    html: Bytes,
    policy: HeaderValue,
}

static PAGE: LazyLock<Page> = LazyLock::new(|| {
    let script = SCRIPT.replace("TABS", &tabs());
    let html = TEMPLATE
        .replace("{favicon}", &ASSETS.named("favicon.svg").url())
        .replace("{graphiql.css}", &ASSETS.named("graphiql.min.css").url())
        .replace("{react}", &ASSETS.named("react.production.min.js").url())
        .replace(
            "{react-dom}",
            &ASSETS.named("react-dom.production.min.js").url(),
        )
        .replace("{graphiql.js}", &ASSETS.named("graphiql.min.js").url())
        .replace("{style}", STYLE)
        .replace("{script}", &script);
    // GraphiQL's stylesheet carries its fonts and icons as data: URLs; the
    // API is this server's, over HTTP and WebSocket ('self' covers both).
    let policy = format!(
        "default-src 'none'; script-src 'self' '{}'; style-src 'self' '{}' {DIALOG_STYLE}; \
         img-src 'self' data:; font-src 'self' data:; connect-src 'self'; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        sha256(&script),
        sha256(STYLE),
    );
    Page {
        html: Bytes::from(html),
        policy: HeaderValue::from_str(&policy)
            .unwrap_or(HeaderValue::from_static("default-src 'none'")),
    }
});

/// `sha256-…`: how a policy names an inline script or style.
fn sha256(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The examples as GraphiQL tab objects, escaped for a `<script>` block.
fn tabs() -> String {
    let tabs: Vec<serde_json::Value> = EXAMPLES
        .iter()
        .map(|text| {
            let variables = text
                .lines()
                .find_map(|l| l.strip_prefix("# variables:"))
                .map(|v| v.trim().to_owned());
            serde_json::json!({ "query": text, "variables": variables })
        })
        .collect();
    // No `</` may end the script block early.
    serde_json::to_string(&tabs)
        .unwrap_or_else(|_| "[]".to_owned())
        .replace("</", "<\\/")
}

/// The GraphiQL page.
pub async fn page() -> Response {
    let page = &*PAGE;
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, page.policy.clone()),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            // Small, and it names the current files: always asked again.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        page.html.clone(),
    )
        .into_response()
}

/// One of the files the page loads, at `/graphiql/assets/{hash}/{name}`; 404
/// for anything else.
pub async fn asset(extract::Path(path): extract::Path<String>, headers: HeaderMap) -> Response {
    assets::serve(&path, &headers).await
}
