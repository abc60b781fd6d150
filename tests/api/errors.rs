use serde_json::json;

use crate::helpers::{TestApp, first_code};

/// A body that is not JSON gets HTTP 400 with a GraphQL-shaped error.
#[tokio::test]
async fn a_malformed_json_body_is_a_400_with_a_graphql_error() {
    let app = TestApp::seeded().await;

    let (status, body) = app.post_raw("{\"query\": ", "application/json").await;

    assert_eq!(status, 400);
    let body: serde_json::Value = serde_json::from_str(&body).expect("a JSON body");
    assert_eq!(first_code(&body), "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not a GraphQL request")
    );
}

/// Syntax and validation errors carry a code like every other error.
#[tokio::test]
async fn parse_and_validation_errors_have_codes() {
    let app = TestApp::seeded().await;

    let syntax = app.gql("{ parks { ", json!({})).await;
    let unknown_field = app.gql("{ parks { nodes { colour } } }", json!({})).await;

    assert_eq!(first_code(&syntax), "BAD_USER_INPUT");
    assert_eq!(first_code(&unknown_field), "BAD_USER_INPUT");
}

/// A database failure is INTERNAL with no SQL or table text, and the next
/// request is served.
#[tokio::test]
async fn a_database_failure_is_internal_and_leaks_nothing() {
    let app = TestApp::seeded().await;
    app.execute("DROP TABLE indicator").await;

    let body = app.gql("{ indicators { key } }", json!({})).await;

    assert_eq!(first_code(&body), "INTERNAL");
    assert_eq!(body["errors"][0]["message"], "internal error");
    let text = body.to_string().to_lowercase();
    for leak in [
        "select",
        "no such table",
        "relation",
        "does not exist",
        "sqlx",
        "from \"",
    ] {
        assert!(!text.contains(leak), "leaked {leak:?}: {text}");
    }
    let next = app.data("{ parks { totalCount } }", json!({})).await;
    assert_eq!(next["parks"]["totalCount"], 40);
}

/// Search needs some text, and bounded `first`.
#[tokio::test]
async fn search_rejects_empty_text_and_oversized_pages() {
    let app = TestApp::seeded().await;

    let empty = app
        .gql("{ search(text: \"  \") { __typename } }", json!({}))
        .await;
    let huge = app
        .gql(
            "{ search(text: \"park\", first: 500) { __typename } }",
            json!({}),
        )
        .await;

    assert_eq!(first_code(&empty), "BAD_USER_INPUT");
    assert_eq!(first_code(&huge), "BAD_USER_INPUT");
}
