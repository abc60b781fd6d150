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

/// GraphiQL is served at the root.
#[tokio::test]
async fn graphiql_is_served_at_the_root() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get("/").await;

    assert_eq!(status, 200);
    assert!(body.to_lowercase().contains("graphiql"), "{body}");
    assert!(body.contains("/graphql"));
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
