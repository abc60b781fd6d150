use serde_json::json;

use crate::helpers::{TestApp, first_code};

/// An unknown slug is null, not an error.
#[tokio::test]
async fn unknown_slugs_are_null_without_errors() {
    let app = TestApp::seeded().await;

    let body = app
        .gql(
            "{ park(slug: \"nope\") { name } firm(slug: \"nope\") { name }
               project(slug: \"nope\") { name } city(slug: \"nope\") { name }
               organization(slug: \"nope\") { name } }",
            json!({}),
        )
        .await;

    assert!(body.get("errors").is_none(), "{body}");
    for field in ["park", "firm", "project", "city", "organization"] {
        assert!(body["data"][field].is_null(), "{field}: {body}");
    }
}

/// A global ID fetched through `node` returns the same record, and `nodes`
/// keeps order and gives null for ids that do not exist.
#[tokio::test]
async fn node_and_nodes_resolve_global_ids() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ park(slug: \"islamabad-it-park\") { id } city(slug: \"karachi\") { id } }",
            json!({}),
        )
        .await;
    let park_id = data["park"]["id"].as_str().unwrap().to_owned();
    let city_id = data["city"]["id"].as_str().unwrap().to_owned();
    let missing = parkgraph::node::global_id("Park", 999_999).0;

    let data = app
        .data(
            "query ($ids: [ID!]!, $one: ID!) {
               node(id: $one) { id ... on Park { slug } }
               nodes(ids: $ids) { __typename ... on Park { slug } ... on City { slug } } }",
            json!({ "one": park_id, "ids": [city_id, missing, park_id] }),
        )
        .await;

    assert_eq!(data["node"]["slug"], "islamabad-it-park");
    assert_eq!(data["node"]["id"], park_id.as_str());
    assert_eq!(data["nodes"][0]["slug"], "karachi");
    assert!(data["nodes"][1].is_null());
    assert_eq!(data["nodes"][2]["slug"], "islamabad-it-park");
}

/// A string that is not a global ID is the client's error.
#[tokio::test]
async fn a_malformed_global_id_is_bad_user_input() {
    let app = TestApp::seeded().await;

    let body = app
        .gql("{ node(id: \"not-an-id\") { id } }", json!({}))
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT");
}

/// Search ranks an exact name first, then prefixes, then other matches.
#[tokio::test]
async fn search_ranks_exact_then_prefix_then_contains() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ search(text: \"KARACHI\", first: 20) {
                 __typename ... on City { name } ... on Park { name } ... on Project { name } } }",
            json!({}),
        )
        .await;

    let hits = data["search"].as_array().unwrap();
    assert_eq!(hits[0]["__typename"], "City");
    assert_eq!(hits[0]["name"], "Karachi");
    let names: Vec<String> = hits
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.iter().all(|n| n.contains("karachi")), "{names:?}");
    let rank = |n: &str| {
        if n == "karachi" {
            0
        } else if n.starts_with("karachi") {
            1
        } else {
            2
        }
    };
    let ranks: Vec<i32> = names.iter().map(|n| rank(n)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(hits.iter().any(|h| h["__typename"] == "Project"));
}

/// Search text is matched literally: LIKE wildcards in it match nothing extra.
#[tokio::test]
async fn search_treats_wildcards_literally() {
    let app = TestApp::seeded().await;

    let data = app
        .data("{ search(text: \"%\") { __typename } }", json!({}))
        .await;

    assert_eq!(data["search"].as_array().unwrap().len(), 0);
}
