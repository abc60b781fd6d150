//! GraphiQL at `/`, opening with the example catalogue (`examples/`) as tabs.
//! The page loads GraphiQL and React from unpkg, or, with
//! `PARKGRAPH_GRAPHIQL_ASSETS`, from this server (see [`assets`]).

mod assets;

use std::path::Path;

use async_graphql::http::GraphiQLSource;
use axum::body::Bytes;
use axum::extract::{self, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use assets::Assets;

/// The catalogue, built into the binary: one tab per example.
const EXAMPLES: [&str; 9] = [
    include_str!("../../../examples/explore-park-with-tenants-and-sources.graphql"),
    include_str!("../../../examples/explore-export-figures-by-year.graphql"),
    include_str!("../../../examples/explore-parks-by-province.graphql"),
    include_str!("../../../examples/mobile-park-list-page.graphql"),
    include_str!("../../../examples/mobile-park-detail.graphql"),
    include_str!("../../../examples/mobile-project-progress.graphql"),
    include_str!("../../../examples/partner-resume-change-feed.graphql"),
    include_str!("../../../examples/partner-update-park-with-version.graphql"),
    include_str!("../../../examples/partner-import-dry-run.graphql"),
];

// async-graphql's page takes no initial tabs; this is the props line its
// template writes, which the tabs are added after.
const PROPS: &str = "defaultEditorToolsVisibility: true,";

/// The page, and the files it loads when they are served from here; built
/// once at startup.
pub struct GraphiQL {
    page: Bytes,
    assets: Option<Assets>,
}

impl GraphiQL {
    /// The page linking unpkg, or, with `assets_dir` (a `node_modules`
    /// folder holding `graphiql`, `react` and `react-dom`), linking this
    /// server's copies of the files read from there. Fails when a file is
    /// missing, so a bad folder stops startup rather than showing a blank page.
    pub fn new(assets_dir: Option<&Path>) -> anyhow::Result<Self> {
        let html = GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .title("parkgraph: Pakistan's technology parks")
            .finish();
        let assets = assets_dir.map(Assets::load).transpose()?;
        let html = match &assets {
            Some(assets) => assets.relink(&html)?,
            None => html,
        };
        let page = html.replacen(PROPS, &format!("{PROPS} defaultTabs: {},", tabs()), 1);
        Ok(Self {
            page: Bytes::from(page),
            assets,
        })
    }
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
pub async fn page(State(state): State<AppState>) -> Html<Bytes> {
    Html(state.graphiql.page.clone())
}

/// One of the files the page loads, when they are served from here; 404 for
/// anything else (only the listed files are served, whatever the folder holds).
pub async fn asset(
    State(state): State<AppState>,
    extract::Path(file): extract::Path<String>,
) -> Response {
    match state.graphiql.assets.as_ref().and_then(|a| a.get(&file)) {
        Some((media_type, body)) => (
            [
                (header::CONTENT_TYPE, media_type),
                (header::CACHE_CONTROL, "public, max-age=3600"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
