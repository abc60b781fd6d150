//! GraphiQL at `/`, opening with the example catalogue (`examples/`) as tabs.

use async_graphql::http::GraphiQLSource;
use axum::response::Html;

/// The catalogue, built into the binary: one tab per example.
const EXAMPLES: [&str; 9] = [
    include_str!("../../examples/explore-park-with-tenants-and-sources.graphql"),
    include_str!("../../examples/explore-export-figures-by-year.graphql"),
    include_str!("../../examples/explore-parks-by-province.graphql"),
    include_str!("../../examples/mobile-park-list-page.graphql"),
    include_str!("../../examples/mobile-park-detail.graphql"),
    include_str!("../../examples/mobile-project-progress.graphql"),
    include_str!("../../examples/partner-resume-change-feed.graphql"),
    include_str!("../../examples/partner-update-park-with-version.graphql"),
    include_str!("../../examples/partner-import-dry-run.graphql"),
];

// async-graphql's page takes no initial tabs; this is the props line its
// template writes, which the tabs are added after.
const PROPS: &str = "defaultEditorToolsVisibility: true,";

/// The GraphiQL page.
pub async fn page() -> Html<String> {
    let html = GraphiQLSource::build()
        .endpoint("/graphql")
        .subscription_endpoint("/graphql")
        .title("parkgraph: Pakistan's technology parks")
        .finish();
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
    // Escaped for a <script> block: no `</` can end it early.
    let tabs = serde_json::to_string(&tabs)
        .unwrap_or_else(|_| "[]".to_owned())
        .replace("</", "<\\/");
    Html(html.replacen(PROPS, &format!("{PROPS} defaultTabs: {tabs},"), 1))
}
