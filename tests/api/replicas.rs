//! Limits that hold across replicas. On PostgreSQL, servers on one database
//! share the rate-limit buckets and the automatically persisted documents;
//! on SQLite, whose file one server serves, each process keeps its own (as
//! the README says), and these tests check that too.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

fn ten_a_minute(config: &mut parkgraph::config::Config) {
    config.rate_per_minute = 10;
    config.rate_burst = 10;
}

fn on_postgres(app: &TestApp) -> bool {
    app.db.backend() == sea_orm::DbBackend::Postgres
}

/// A key limited to 10 a minute gets 10 in all from two replicas on
/// PostgreSQL, not 20; on SQLite each process grants its own 10.
#[tokio::test]
async fn a_keys_rate_limit_holds_across_two_replicas() {
    let first = TestApp::shared_configured(ten_a_minute).await;
    let second = first.replica_configured(ten_a_minute).await;
    let key = first.key("read", None).await;

    let mut answered = 0;
    for n in 0..30 {
        let app = if n % 2 == 0 { &first } else { &second };
        let body = app.gql_as(&key, "{ __typename }", json!({})).await;
        if body.get("data").is_some() {
            answered += 1;
        }
    }

    let expected = if on_postgres(&first) { 10 } else { 20 };
    assert_eq!(answered, expected);
}

/// A document registered by hash on one replica runs by hash on the other
/// (PostgreSQL); on SQLite the other asks for it again, as APQ clients expect.
#[tokio::test]
async fn an_apq_hash_registered_on_one_replica_runs_on_the_other() {
    let first = TestApp::shared().await;
    let second = first.replica().await;
    let query = "{ parks(first: 1) { totalCount } }";
    let hash = {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(query.as_bytes()))
    };
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });

    let registered = post(&first, json!({ "query": query, "extensions": extensions })).await;
    let by_hash = post(&second, json!({ "extensions": extensions })).await;

    assert!(
        registered["data"]["parks"]["totalCount"].is_number(),
        "{registered:#}"
    );
    if on_postgres(&first) {
        assert_eq!(by_hash["data"], registered["data"], "{by_hash:#}");
    } else {
        assert_eq!(
            first_code(&by_hash),
            "PERSISTED_QUERY_NOT_FOUND",
            "{by_hash:#}"
        );
    }
}

/// POSTs `body` as JSON; the answer.
async fn post(app: &TestApp, body: Value) -> Value {
    let headers = [("content-type", "application/json")];
    let (_, _, text) = app.post_with(body.to_string().into_bytes(), &headers).await;
    serde_json::from_str(&text).unwrap()
}

/// Shared limits cost one statement per request on PostgreSQL (the bucket),
/// none on SQLite: an anonymous `{ __typename }` runs no other SQL.
#[tokio::test]
async fn the_shared_rate_limit_costs_one_statement_per_request() {
    let app = TestApp::configured(ten_a_minute).await;

    let before = app.statements();
    let body = app.gql("{ __typename }", json!({})).await;
    let spent = app.statements() - before;

    assert_eq!(body["data"]["__typename"], "Query");
    assert_eq!(spent, u64::from(on_postgres(&app)));
}
