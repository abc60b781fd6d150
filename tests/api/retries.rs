//! Every mutation can be retried safely: the same idempotency key and input
//! answer with the first response, byte for byte, and write nothing, however
//! many retries arrive and whenever they arrive; a whole document may carry
//! one key in the `Idempotency-Key` header; keys are forgotten after the
//! configured hours.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const CREATE_FIRM: &str = r#"mutation($key: String) {
  createFirm(input: { slug: "retry-soft", name: "Retry Soft" }, idempotencyKey: $key) {
    slug name version updatedAt
  }
}"#;

/// POSTs `query` with `token` and any extra headers; returns status and the body as sent.
async fn post(
    app: &TestApp,
    token: &str,
    query: &str,
    variables: Value,
    extra: &[(&str, &str)],
) -> (u16, String) {
    let body = json!({ "query": query, "variables": variables }).to_string();
    let bearer = format!("Bearer {token}");
    let mut headers = vec![
        ("content-type", "application/json"),
        ("authorization", bearer.as_str()),
    ];
    headers.extend_from_slice(extra);
    let (status, _, text) = app.post_with(body.into_bytes(), &headers).await;
    (status, text)
}

/// Ten identical createFirms sent at once under one key: one firm, one
/// change, ten byte-identical answers.
#[tokio::test]
async fn ten_concurrent_identical_creates_with_one_key_make_one_firm_and_ten_equal_answers() {
    let app = TestApp::seeded().await;
    let token = app.key("write", None).await;
    let changes = app.count("change").await;

    let sent = (0..10).map(|_| post(&app, &token, CREATE_FIRM, json!({ "key": "k-10" }), &[]));
    let answers = futures::future::join_all(sent).await;

    let (status, first) = &answers[0];
    assert_eq!(*status, 200);
    let parsed: Value = serde_json::from_str(first).unwrap();
    assert_eq!(
        parsed["data"]["createFirm"]["slug"], "retry-soft",
        "{first}"
    );
    for (_, answer) in &answers {
        assert_eq!(answer, first);
    }
    assert_eq!(app.count_where("firm", "slug = 'retry-soft'").await, 1);
    assert_eq!(app.count("change").await, changes + 1);
}

/// A retry after the record changed, or was deleted, answers as the first
/// time did, not with the record as it is now.
#[tokio::test]
async fn a_replay_after_an_update_still_returns_the_first_response() {
    let app = TestApp::seeded().await;
    let token = app.key("write", None).await;
    let (_, first) = post(&app, &token, CREATE_FIRM, json!({ "key": "k-1" }), &[]).await;

    app.data_as(&token, r#"mutation { updateFirm(slug: "retry-soft", version: 1, input: { name: "Renamed Soft" }) { version } }"#, json!({})).await;
    let (_, replay) = post(&app, &token, CREATE_FIRM, json!({ "key": "k-1" }), &[]).await;
    app.data_as(
        &token,
        r#"mutation { deleteFirm(slug: "retry-soft", version: 2) }"#,
        json!({}),
    )
    .await;
    let (_, after_delete) = post(&app, &token, CREATE_FIRM, json!({ "key": "k-1" }), &[]).await;

    assert_eq!(replay, first);
    assert!(replay.contains(r#""name":"Retry Soft""#), "{replay}");
    assert_eq!(after_delete, first);
}

/// Deletions, tenancies, milestones and imports take keys too: a retry
/// answers as the first did, where running again would have failed.
#[tokio::test]
async fn deletes_tenancies_milestones_and_imports_can_be_retried() {
    let app = TestApp::seeded().await;
    let token = app.key("admin", None).await;
    let csv = "slug,name,sector,employees\r\nimported-soft,Imported Soft,,\r\n";
    let sent = [
        (
            r#"mutation($k: String) { addTenancy(parkSlug: "fazal-stp-islamabad", firmSlug: "arkotech-corporation", since: "2026", idempotencyKey: $k) { since firm { slug } } }"#,
            json!({ "k": "t-1" }),
        ),
        (
            r#"mutation($k: String) { addMilestone(input: { projectSlug: "karachi-it-park", title: "Handover", due: "2026-12" }, idempotencyKey: $k) { title version } }"#,
            json!({ "k": "m-1" }),
        ),
        (
            r#"mutation($k: String) { deleteMilestone(projectSlug: "karachi-it-park", title: "Handover", version: 1, idempotencyKey: $k) }"#,
            json!({ "k": "d-1" }),
        ),
        (
            r#"mutation($k: String, $f: [ImportFile!]!) { importDataset(files: $f, idempotencyKey: $k) { created updated problems { file line reason } } }"#,
            json!({ "k": "i-1", "f": [{ "name": "firms.csv", "format": "CSV", "content": csv }] }),
        ),
    ];

    for (query, variables) in sent {
        let (_, first) = post(&app, &token, query, variables.clone(), &[]).await;
        let changes = app.count("change").await;
        let (_, again) = post(&app, &token, query, variables, &[]).await;

        assert!(!first.contains("errors"), "{first}");
        assert!(
            !first.contains("importDataset") || first.contains(r#""created":1"#),
            "{first}"
        );
        assert_eq!(again, first, "{query}");
        assert_eq!(app.count("change").await, changes, "{query} ran twice");
    }
}

/// A document sent with `Idempotency-Key` runs once: a retry gets the same
/// body and writes nothing; the key with another document is CONFLICT.
#[tokio::test]
async fn a_document_sent_with_an_idempotency_key_runs_once() {
    let app = TestApp::seeded().await;
    let token = app.key("write", None).await;
    let document = r#"mutation($name: String!) {
      createFirm(input: { slug: "doc-soft", name: $name }) { slug name }
      addTenancy(parkSlug: "fazal-stp-islamabad", firmSlug: "doc-soft") { firm { name } }
    }"#;
    let header = [("idempotency-key", "sync-2026-12-07-001")];
    let name = json!({ "name": "Doc Soft" });

    let (_, first) = post(&app, &token, document, name.clone(), &header).await;
    let changes = app.count("change").await;
    let (_, again) = post(&app, &token, document, name, &header).await;
    let (_, other) = post(&app, &token, document, json!({ "name": "Other" }), &header).await;

    assert!(!first.contains("errors"), "{first}");
    assert_eq!(again, first);
    assert_eq!(app.count("change").await, changes);
    let other: Value = serde_json::from_str(&other).unwrap();
    assert_eq!(first_code(&other), "CONFLICT", "{other:#}");
}

/// A failed document keeps no key: sent again once the cause is gone, it runs.
#[tokio::test]
async fn a_failed_document_can_be_retried_with_the_same_key() {
    let app = TestApp::seeded().await;
    let token = app.key("write", None).await;
    let tenancy = r#"mutation($k: String) { addTenancy(parkSlug: "fazal-stp-islamabad", firmSlug: "late-soft", idempotencyKey: $k) { firm { slug } } }"#;

    let (_, failed) = post(&app, &token, tenancy, json!({ "k": "late-1" }), &[]).await;
    app.data_as(
        &token,
        r#"mutation { createFirm(input: { slug: "late-soft", name: "Late Soft" }) { slug } }"#,
        json!({}),
    )
    .await;
    let (_, retried) = post(&app, &token, tenancy, json!({ "k": "late-1" }), &[]).await;

    let failed: Value = serde_json::from_str(&failed).unwrap();
    assert_eq!(first_code(&failed), "NOT_FOUND", "{failed:#}");
    assert!(retried.contains(r#""slug":"late-soft""#), "{retried}");
}

/// Keys older than the configured hours are swept; a request with such a
/// key then runs again (here: CONFLICT, the firm exists).
#[tokio::test]
async fn keys_older_than_the_configured_hours_are_forgotten() {
    let app = TestApp::seeded().await;
    let token = app.key("write", None).await;
    post(&app, &token, CREATE_FIRM, json!({ "key": "old-1" }), &[]).await;
    app.execute("UPDATE idempotency_key SET created_at = '2026-01-01T00:00:00Z'")
        .await;

    let day = std::time::Duration::from_secs(24 * 3600);
    let cutoff = parkgraph::clock::ago(day);
    let swept = parkgraph::writes::sweep_idempotency_keys(&app.db, &cutoff).await;
    let (_, again) = post(&app, &token, CREATE_FIRM, json!({ "key": "old-1" }), &[]).await;

    assert_eq!(swept.unwrap(), 1);
    let again: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(first_code(&again), "CONFLICT", "{again:#}");
}
