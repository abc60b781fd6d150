use serde_json::json;

use crate::helpers::TestApp;

/// Queries also work over GET, with the document in the URL.
#[tokio::test]
async fn queries_work_over_get() {
    let app = TestApp::seeded().await;

    let (status, body) = app
        .get("/graphql?query=%7B%20park(slug%3A%20%22karachi-it-park%22)%20%7B%20areaSqft%20%7D%20%7D")
        .await;

    assert_eq!(status, 200);
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["data"]["park"]["areaSqft"], 1_120_000);
}

/// The answer's fields come in the order the query asked for them, as the
/// GraphQL spec says, whichever field finished first (async-graphql inserts
/// fields as they complete) and through fragments and aliases.
#[tokio::test]
async fn response_fields_follow_the_order_of_the_query() {
    let app = TestApp::seeded().await;
    let query = json!({ "query": "{ park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
        sources { asOf url } ...F name tenants(first: 2) { totalCount nodes { name slug } } where: city { province name } } }
        fragment F on Park { operator { name } status }" });

    for _ in 0..5 {
        let (status, _, body) = app
            .post_with(
                serde_json::to_vec(&query).unwrap(),
                &[("content-type", "application/json")],
            )
            .await;

        assert_eq!(status, 200, "{body}");
        let order: Vec<usize> = [
            "\"sources\"",
            "\"asOf\"",
            "\"url\"",
            "\"operator\"",
            "\"status\"",
            "\"totalCount\"",
            "\"slug\"",
            "\"where\"",
            "\"province\"",
        ]
        .iter()
        .map(|key| body.find(key).unwrap_or_else(|| panic!("{key} in {body}")))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{body}");
    }
}

/// GraphiQL is served at the root.
#[tokio::test]
async fn graphiql_is_served_at_the_root() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get("/").await;

    assert_eq!(status, 200);
    assert!(body.to_lowercase().contains("graphiql"), "{body}");
    // The endpoint beside the page: /graphql when the page is at /.
    assert!(body.contains("new URL('graphql', window.location.href)"));
}

/// Liveness always answers; readiness answers when the database does.
#[tokio::test]
async fn health_and_readiness_report_ok() {
    let app = TestApp::spawn().await;

    assert_eq!(app.get("/healthz").await, (200, "ok".to_owned()));
    assert_eq!(app.get("/readyz").await, (200, "ready".to_owned()));
}

/// An empty database serves empty lists, not errors.
#[tokio::test]
async fn an_empty_database_serves_empty_connections() {
    let app = TestApp::spawn().await;

    let data = app
        .data(
            "{ parks { totalCount edges { cursor } pageInfo { hasNextPage startCursor } aggregate { count sum { areaSqft } } }
               parkStats { count totalAreaSqft tenantCount groups(by: CITY) { key } } }",
            json!({}),
        )
        .await;

    assert_eq!(data["parks"]["totalCount"], 0);
    assert_eq!(data["parks"]["edges"], json!([]));
    assert_eq!(data["parks"]["pageInfo"]["hasNextPage"], false);
    assert!(data["parks"]["pageInfo"]["startCursor"].is_null());
    assert_eq!(data["parks"]["aggregate"]["count"], 0);
    assert!(data["parks"]["aggregate"]["sum"]["areaSqft"].is_null());
    assert_eq!(data["parkStats"]["groups"], json!([]));
    assert_eq!(data["parkStats"]["tenantCount"], 0);
}

/// GraphQL over HTTP: a mutation over GET is 405, a body that is not JSON is
/// 415 (a cross-site form or `text/plain` post cannot run anything), and the
/// answer follows `Accept`.
#[tokio::test]
async fn get_is_for_queries_and_post_is_for_json() {
    let app = TestApp::seeded().await;
    let client = reqwest::Client::new();
    let mutation = "mutation { deletePark(slug: \"fazal-stp-islamabad\", version: 1) }";

    let over_get = client
        .get(app.url("/graphql"))
        .query(&[("query", mutation)])
        .send()
        .await
        .unwrap();
    let (plain, _, _) = app
        .post_with(
            json!({ "query": mutation }).to_string().into_bytes(),
            &[("content-type", "text/plain")],
        )
        .await;
    let (html_only, _, _) = app
        .post_with(
            json!({ "query": "{ parks { totalCount } }" })
                .to_string()
                .into_bytes(),
            &[
                ("content-type", "application/json"),
                ("accept", "text/html"),
            ],
        )
        .await;

    assert_eq!(over_get.status().as_u16(), 405);
    assert_eq!(over_get.headers()["allow"], "POST");
    assert_eq!(plain, 415);
    assert_eq!(html_only, 406);
    let park = app
        .data(
            "{ park(slug: \"fazal-stp-islamabad\") { slug } }",
            json!({}),
        )
        .await;
    assert_eq!(
        park["park"]["slug"], "fazal-stp-islamabad",
        "nothing was deleted"
    );
}

/// With `application/graphql-response+json` a request that fails before
/// execution is a 400 without `data`; with `application/json` it is a 200.
#[tokio::test]
async fn status_codes_follow_the_accepted_media_type() {
    let app = TestApp::seeded().await;
    let bad = json!({ "query": "{ parks { nope } }" })
        .to_string()
        .into_bytes();
    let good = json!({ "query": "{ parks { totalCount } }" })
        .to_string()
        .into_bytes();
    let modern = "application/graphql-response+json";

    let (status, headers, body) = app
        .post_with(
            bad.clone(),
            &[("content-type", "application/json"), ("accept", modern)],
        )
        .await;
    let (legacy_status, legacy_headers, legacy_body) = app
        .post_with(
            bad,
            &[
                ("content-type", "application/json"),
                ("accept", "application/json"),
            ],
        )
        .await;
    let (ok_status, ok_headers, _) = app
        .post_with(
            good,
            &[("content-type", "application/json"), ("accept", modern)],
        )
        .await;

    assert_eq!(status, 400);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with(modern)
    );
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(body.get("data").is_none(), "{body:#}");
    assert_eq!(legacy_status, 200);
    assert!(
        legacy_headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(legacy_body.contains("\"errors\""));
    assert_eq!(ok_status, 200);
    assert!(
        ok_headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with(modern)
    );
}

/// `/metrics` counts requests by operation and outcome, errors by code, and
/// the SQL statements each request ran (its DataLoader batches included).
#[tokio::test]
async fn metrics_count_requests_errors_and_statements() {
    let app = TestApp::seeded().await;
    let client = reqwest::Client::new();
    let named = json!({ "query": "query ParkList { parks(first: 5) { nodes { city { name } } } }", "operationName": "ParkList" });

    client
        .post(app.url("/graphql"))
        .json(&named)
        .send()
        .await
        .unwrap();
    app.gql("{ parks(first: 1000) { totalCount } }", json!({}))
        .await;
    let (status, text) = app.get("/metrics").await;

    assert_eq!(status, 200);
    for line in [
        "parkgraph_requests_total{operation=\"ParkList\",outcome=\"ok\"} 1",
        "parkgraph_requests_total{operation=\"anonymous\",outcome=\"BAD_USER_INPUT\"} 1",
        "parkgraph_errors_total{code=\"BAD_USER_INPUT\"} 1",
        "parkgraph_request_duration_seconds_count 2",
        // The parks and their cities in one statement; the refused request none.
        "parkgraph_sql_statements_per_request_sum 1",
        "parkgraph_db_connections{state=\"idle\"}",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}
