use serde_json::json;

use crate::helpers::{TestApp, first_code, shipped_parks};

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

/// Parameters that make no GraphQL request (no `query`, or a parameter of
/// the wrong type) are a 400 under `application/json` too, over POST and
/// GET; a `query` that fails to parse is still answered 200 there, as a
/// GraphQL error.
#[tokio::test]
async fn invalid_request_parameters_are_a_400_under_either_media_type() {
    let app = TestApp::seeded().await;
    let client = reqwest::Client::new();
    let bodies = [
        json!({ "qeury": "{ __typename }" }),
        json!({ "query": 7 }),
        json!({ "query": "{ __typename }", "variables": "x" }),
        json!({ "query": "{ __typename }", "operationName": ["A"] }),
        json!({ "query": "{ __typename }", "extensions": 1 }),
    ];

    for body in &bodies {
        for accept in ["application/json", "application/graphql-response+json"] {
            let (status, _, text) = app
                .post_with(
                    body.to_string().into_bytes(),
                    &[("content-type", "application/json"), ("accept", accept)],
                )
                .await;
            assert_eq!(status, 400, "{body} ({accept}): {text}");
            let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(first_code(&answer), "BAD_USER_INPUT", "{body}");
        }
    }
    for params in [
        vec![("operationName", "A")],
        vec![("query", "{ __typename }"), ("variables", "[1]")],
    ] {
        let response = client
            .get(app.url("/graphql"))
            .query(&params)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{params:?}");
    }
    let (status, _, text) = app
        .post_with(
            json!({ "query": "{" }).to_string().into_bytes(),
            &[
                ("content-type", "application/json"),
                ("accept", "application/json"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("\"errors\""), "{text}");
}

/// A GET request names its operation with `operationName`, as a POST does.
#[tokio::test]
async fn a_get_request_runs_the_operation_it_names() {
    let app = TestApp::seeded().await;
    let query = "query A { parks { totalCount } } query B { firms { totalCount } }";

    let response = reqwest::Client::new()
        .get(app.url("/graphql"))
        .query(&[("query", query), ("operationName", "B")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body:#}");
    assert!(body["data"]["firms"]["totalCount"].as_i64().unwrap() > 0);
    assert!(body["data"].get("parks").is_none(), "{body:#}");
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
    assert_eq!(next["parks"]["totalCount"], shipped_parks());
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

/// Inputs the database would choke on, or that would make SQL blow up, are
/// refused up front as BAD_USER_INPUT on every backend.
#[tokio::test]
async fn oversized_or_unstorable_inputs_are_bad_user_input() {
    let app = TestApp::seeded().await;
    let many: Vec<i64> = (0..1001).collect();
    let six_keys = json!(vec![json!({ "field": "NAME" }); 6]);

    for (query, variables) in [
        (
            "query ($v: [Int!]) { parks(filter: { areaSqft: { in: $v } }) { totalCount } }",
            json!({ "v": many }),
        ),
        (
            "query ($o: [ParkOrder!]) { parks(orderBy: $o) { totalCount } }",
            json!({ "o": six_keys }),
        ),
        (
            "query ($f: Int) { parks(first: $f) { totalCount } }",
            json!({ "f": 99_999_999_999_i64 }),
        ),
        (
            "query ($s: String!) { park(slug: $s) { name } }",
            json!({ "s": "karachi\u{0}" }),
        ),
        (
            "query ($s: String) { parks(filter: { name: { contains: $s } }) { totalCount } }",
            json!({ "s": "a\u{0}" }),
        ),
        (
            "query ($s: String!) { search(text: $s) { __typename } }",
            json!({ "s": "\u{0}" }),
        ),
    ] {
        let body = app.gql(query, variables).await;
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{query}: {body}");
    }
}

/// Every GraphQL response names its request id in a header, and errors on our
/// side carry the same id so a report can be matched to the logs.
#[tokio::test]
async fn internal_errors_carry_the_request_id_from_the_header() {
    let app = TestApp::seeded().await;
    app.execute("DROP TABLE indicator").await;

    let response = reqwest::Client::new()
        .post(app.url("/graphql"))
        .json(&json!({ "query": "{ indicators { key } }" }))
        .send()
        .await
        .unwrap();
    let header = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: serde_json::Value = response.json().await.unwrap();

    assert_eq!(first_code(&body), "INTERNAL");
    assert_eq!(
        body["errors"][0]["extensions"]["requestId"],
        header.as_str()
    );
    assert_eq!(header.len(), 32);
}

/// A cursor from one list is refused by another with the same order.
#[tokio::test]
async fn a_cursor_from_another_list_is_refused() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
                 tenants(first: 1, orderBy: [{ field: NAME }]) { pageInfo { endCursor } } } }",
            json!({}),
        )
        .await;
    let cursor = data["park"]["tenants"]["pageInfo"]["endCursor"].clone();

    let body = app
        .gql(
            "query ($c: String) { parks(after: $c, orderBy: [{ field: NAME }]) { totalCount } }",
            json!({ "c": cursor }),
        )
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT");
}

/// A required variable left out (or sent as null) is the client's error,
/// refused before anything runs, not an INTERNAL field error.
#[tokio::test]
async fn a_missing_required_variable_is_a_request_error_with_a_code() {
    let app = TestApp::seeded().await;
    let query = r#"query One($slug: String!, $first: Int = 5) {
      park(slug: $slug) { name tenants(first: $first) { totalCount } }
    }"#;

    let missing = app.gql(query, json!({})).await;
    let null = app.gql(query, json!({ "slug": null })).await;
    let given = app
        .gql(query, json!({ "slug": "fazal-stp-islamabad" }))
        .await;

    for body in [&missing, &null] {
        assert_eq!(first_code(body), "BAD_USER_INPUT", "{body:#}");
        assert!(body.get("data").is_none_or(|d| d.is_null()), "{body:#}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains("$slug") && message.contains("String!"),
            "{message}"
        );
    }
    assert!(given.get("errors").is_none(), "{given:#}");
    assert!(given["data"]["park"]["name"].is_string(), "{given:#}");
}
