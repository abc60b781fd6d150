//! Persisted queries for mobile clients: the APQ handshake, cacheable GETs
//! with ETags, and the allow-list mode.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const QUERY: &str = "{ parks(first: 2) { nodes { slug } } }";

fn sha256(text: &str) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(text.as_bytes()))
}

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

/// The APQ handshake: unknown hash, then hash and document, then the hash
/// alone over GET, cacheable, with an ETag that If-None-Match turns into 304.
#[tokio::test]
async fn automatic_persisted_queries_make_gets_cacheable() {
    let app = TestApp::seeded().await;
    let client = reqwest::Client::new();
    let hash = sha256(QUERY);
    let post = |body: Value| client.post(app.url("/graphql")).json(&body).send();
    let get_url = format!(
        "{}?extensions={}",
        app.url("/graphql"),
        urlencode(&persisted(&hash).to_string())
    );

    let unknown: Value = post(json!({ "extensions": persisted(&hash) }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let registered: Value = post(json!({ "query": QUERY, "extensions": persisted(&hash) }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = client.get(&get_url).send().await.unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let cache_control = first.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: Value = first.json().await.unwrap();
    let again = client
        .get(&get_url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    let wrong =
        post(json!({ "query": "{ cities { totalCount } }", "extensions": persisted(&hash) }))
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap();

    assert_eq!(unknown["errors"][0]["message"], "PersistedQueryNotFound");
    assert_eq!(first_code(&unknown), "PERSISTED_QUERY_NOT_FOUND");
    assert_eq!(
        registered["data"]["parks"]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(body["data"], registered["data"]);
    assert_eq!(cache_control, "public, max-age=60");
    assert!(etag.starts_with("W/\""), "{etag}");
    assert_eq!(again.status().as_u16(), 304);
    assert_eq!(
        first_code(&wrong),
        "BAD_USER_INPUT",
        "a hash that does not match its document"
    );
}

/// Answers with errors are not cacheable.
#[tokio::test]
async fn failed_gets_are_not_cached() {
    let app = TestApp::seeded().await;
    let response = reqwest::Client::new()
        .get(app.url("/graphql"))
        .query(&[("query", "{ parks(first: 1000) { totalCount } }")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers().get("etag").is_none());
}

/// With PARKGRAPH_PERSISTED_ONLY only the registered documents run: by hash,
/// or as the exact text; anything else is FORBIDDEN.
#[tokio::test]
async fn the_allow_list_mode_runs_only_registered_documents() {
    let app = TestApp::configured(|c| {
        let dir = std::env::temp_dir().join(format!("parkgraph-pq-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("parks.graphql"), QUERY).unwrap();
        c.persisted_queries = Some(dir);
        c.persisted_only = true;
    })
    .await;

    let by_hash = reqwest::Client::new()
        .post(app.url("/graphql"))
        .json(&json!({ "extensions": persisted(&sha256(QUERY)) }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let by_text = app.gql(QUERY, json!({})).await;
    let other = app.gql("{ cities { totalCount } }", json!({})).await;

    assert_eq!(
        by_hash["data"]["parks"]["nodes"].as_array().unwrap().len(),
        2,
        "{by_hash:#}"
    );
    assert!(by_text.get("errors").is_none(), "{by_text:#}");
    assert_eq!(first_code(&other), "FORBIDDEN", "{other:#}");
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
