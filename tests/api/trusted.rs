//! Trusted documents per partner: a key bound to a manifest runs only its
//! documents, by id over POST or GET; in rollout mode it runs others too.
//! Callers without a key, or with an unbound one, are not affected.

use parkgraph::auth::documents::{Trust, bind, parse_manifest};
use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const TRUSTED: &str = "query Parks { parks(first: 2) { totalCount } }";
const OTHER: &str = "{ cities(first: 1) { totalCount } }";

fn sha256(text: &str) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(text.as_bytes()))
}

/// A key named `name`, bound to a manifest holding [`TRUSTED`]; its token.
async fn bound_key(app: &TestApp, name: &str, trust: Trust) -> String {
    let key = parkgraph::auth::create(&app.db, name, "read", None)
        .await
        .unwrap();
    let manifest = json!({ format!("sha256:{}", sha256(TRUSTED)): TRUSTED }).to_string();
    bind(&app.db, name, &parse_manifest(&manifest).unwrap(), trust)
        .await
        .unwrap();
    key.token
}

async fn post(app: &TestApp, token: &str, body: Value) -> Value {
    let bearer = format!("Bearer {token}");
    let headers = [
        ("content-type", "application/json"),
        ("authorization", bearer.as_str()),
    ];
    let (_, _, text) = app.post_with(body.to_string().into_bytes(), &headers).await;
    serde_json::from_str(&text).unwrap()
}

fn by_id() -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": sha256(TRUSTED) } })
}

/// The manifest's document runs by id over POST and GET; another document
/// is FORBIDDEN for that key and still runs for anyone without one.
#[tokio::test]
async fn a_key_bound_to_a_manifest_runs_only_its_documents() {
    let app = TestApp::seeded().await;
    let token = bound_key(&app, "partner-app", Trust::Enforce).await;

    let posted = post(&app, &token, json!({ "extensions": by_id() })).await;
    let path = format!("/graphql?extensions={}", urlencoding(&by_id().to_string()));
    let bearer = format!("Bearer {token}");
    let (status, got) = app
        .get_with(&path, &[("authorization", bearer.as_str())])
        .await;
    let other = post(&app, &token, json!({ "query": OTHER })).await;
    let anonymous = app.gql(OTHER, json!({})).await;

    assert!(
        posted["data"]["parks"]["totalCount"].is_number(),
        "{posted:#}"
    );
    assert_eq!(status, 200, "{got}");
    assert!(got.contains("totalCount"), "{got}");
    assert_eq!(first_code(&other), "FORBIDDEN", "{other:#}");
    assert!(
        anonymous["data"]["cities"]["totalCount"].is_number(),
        "{anonymous:#}"
    );
}

/// In rollout mode a document outside the manifest runs (and is logged).
#[tokio::test]
async fn a_key_in_rollout_mode_runs_other_documents_too() {
    let app = TestApp::seeded().await;
    let token = bound_key(&app, "partner-rollout", Trust::Rollout).await;

    let other = post(&app, &token, json!({ "query": OTHER })).await;
    let trusted = post(&app, &token, json!({ "extensions": by_id() })).await;

    assert!(
        other["data"]["cities"]["totalCount"].is_number(),
        "{other:#}"
    );
    assert!(
        trusted["data"]["parks"]["totalCount"].is_number(),
        "{trusted:#}"
    );
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
