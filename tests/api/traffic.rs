//! Traffic: rate limits per client, CORS, compression, the connection pool.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

/// Past its burst a client gets 429 with Retry-After and RATE_LIMITED; a valid
/// API key has a bucket of its own, an invented one does not.
#[tokio::test]
async fn a_client_over_its_rate_gets_429_with_retry_after() {
    let app = TestApp::configured(|c| {
        c.rate_per_minute = 6;
        c.rate_burst = 2;
    })
    .await;
    let key = app.key("read", None).await;
    let query = json!({ "query": "{ parks { totalCount } }" }).to_string();
    let send = |auth: Option<String>| {
        let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
        if let Some(token) = auth {
            headers.push(("authorization".to_owned(), format!("Bearer {token}")));
        }
        let body = query.clone().into_bytes();
        let app = &app;
        async move {
            let headers: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            app.post_with(body, &headers).await
        }
    };

    let first = send(None).await.0;
    let second = send(None).await.0;
    let (third, headers, body) = send(None).await;
    let with_key = send(Some(key)).await.0;
    let invented = send(Some("pgk_made_up".to_owned())).await.0;

    assert_eq!((first, second), (200, 200));
    assert_eq!(third, 429);
    let retry: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=11).contains(&retry), "{retry}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(first_code(&body), "RATE_LIMITED");
    assert_eq!(with_key, 200, "a key has its own bucket");
    assert_eq!(invented, 429, "an unknown key shares its address's bucket");
}

/// CORS is closed unless configured; a configured origin gets the headers.
/// Responses are compressed when the client accepts it.
#[tokio::test]
async fn cors_follows_the_configured_origins_and_responses_are_compressed() {
    let closed = TestApp::seeded().await;
    let open =
        TestApp::configured(|c| c.cors_origins = vec!["https://app.example.org".into()]).await;
    let client = reqwest::Client::new();
    let preflight = |app: &TestApp| {
        client
            .request(reqwest::Method::OPTIONS, app.url("/graphql"))
            .header("origin", "https://app.example.org")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };

    let denied = preflight(&closed).await.unwrap();
    let allowed = preflight(&open).await.unwrap();
    let (_, headers, _) = closed
        .post_with(
            json!({ "query": "{ parks(first: 100) { nodes { name notes } } }" })
                .to_string()
                .into_bytes(),
            &[
                ("content-type", "application/json"),
                ("accept-encoding", "gzip"),
            ],
        )
        .await;

    assert!(
        denied
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.example.org"
    );
    assert_eq!(headers["content-encoding"], "gzip");
}

/// The change listener has a connection of its own: with a pool of one, reads
/// and writes still get the pool's connection (on PostgreSQL every request
/// used to time out, the listener holding the only one).
#[tokio::test]
async fn a_pool_of_one_connection_still_serves_reads_and_writes() {
    let app = TestApp::configured(|c| c.db_max_connections = Some(1)).await;
    let key = app.key("write", None).await;

    let park = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { version } }"#,
            json!({}),
        )
        .await;
    let version = park["park"]["version"].as_i64().unwrap();
    let written = app
        .data_as(
            &key,
            r#"mutation($version: Int!) {
              updatePark(slug: "fazal-stp-islamabad", version: $version, input: { name: "Fazal STP" }) { name version }
            }"#,
            json!({ "version": version }),
        )
        .await;

    assert_eq!(written["updatePark"]["name"], "Fazal STP");
    assert_eq!(written["updatePark"]["version"], version + 1);
}

/// With rate limiting off the middleware does not identify the caller: a
/// keyed request looks its key up once (for its scope), not twice.
#[tokio::test]
async fn with_rate_limiting_off_a_keyed_request_looks_its_key_up_once() {
    let app = TestApp::configured(|c| c.rate_per_minute = 0).await;
    let key = app.key("read", None).await;

    let before = app.statements();
    let body = app.gql_as(&key, "{ __typename }", json!({})).await;
    let spent = app.statements() - before;

    assert_eq!(body["data"]["__typename"], "Query", "{body}");
    assert_eq!(spent, 1);
}

/// With rate limiting on, the middleware's lookup of a key serves the request
/// too: one lookup per keyed request, beside the shared bucket's statement on
/// PostgreSQL.
#[tokio::test]
async fn with_rate_limiting_on_a_keyed_request_looks_its_key_up_once() {
    let app = TestApp::configured(|c| c.rate_per_minute = 600).await;
    let key = app.key("read", None).await;
    let bucket = u64::from(app.db.backend() == sea_orm::DbBackend::Postgres);

    let before = app.statements();
    let body = app.gql_as(&key, "{ __typename }", json!({})).await;
    let spent = app.statements() - before;

    assert_eq!(body["data"]["__typename"], "Query", "{body}");
    assert_eq!(spent, 1 + bucket);
}
