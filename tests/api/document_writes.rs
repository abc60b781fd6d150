//! Correcting what is known of a cited page: admin keys only, at the
//! version read, the date's precision following its form.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const UPDATE: &str = r#"mutation($url: String!, $version: Int!, $input: UpdateSourceDocumentInput!) {
  updateSourceDocument(url: $url, version: $version, input: $input) {
    url publisher kind publishedOn publishedPrecision version } }"#;

/// A page the data cites with no date (IBEX Times' feature on SCO).
const UNDATED: &str =
    "https://ibextimes.com/role-of-sco-in-revolutionizing-it-sector-in-gilgit-baltistan";

fn change(version: i32, input: Value) -> Value {
    json!({ "url": UNDATED, "version": version, "input": input })
}

#[tokio::test]
async fn an_admin_dates_a_page_and_its_precision_follows_the_date() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let sco = app.key("write", Some("sco")).await;
    let dated = json!({ "publishedOn": "2023-01", "publisher": "IBEX Times (Raja Noor-ul-Amin)" });

    let by_partner = app.gql_as(&sco, UPDATE, change(1, dated.clone())).await;
    let bad_date = app
        .gql_as(
            &admin,
            UPDATE,
            change(1, json!({ "publishedOn": "Jan 2023" })),
        )
        .await;
    let done = app.data_as(&admin, UPDATE, change(1, dated.clone())).await;
    let stale = app.gql_as(&admin, UPDATE, change(1, dated)).await;
    let undated = app
        .data_as(&admin, UPDATE, change(2, json!({ "publishedOn": null })))
        .await;

    assert_eq!(first_code(&by_partner), "FORBIDDEN", "{by_partner:#}");
    assert_eq!(first_code(&bad_date), "BAD_USER_INPUT", "{bad_date:#}");
    assert_eq!(
        bad_date["errors"][0]["extensions"]["field"],
        "input.publishedOn"
    );
    let page = &done["updateSourceDocument"];
    assert_eq!(
        (
            &page["publishedOn"],
            &page["publishedPrecision"],
            &page["version"]
        ),
        (&json!("2023-01"), &json!("MONTH"), &json!(2))
    );
    assert_eq!(page["kind"], "NEWS", "left out, the kind stays");
    assert_eq!(first_code(&stale), "CONFLICT", "{stale:#}");
    let page = &undated["updateSourceDocument"];
    assert_eq!(page["publishedPrecision"], "UNKNOWN");
    assert_eq!(page["publishedOn"], Value::Null);
}

#[tokio::test]
async fn correcting_a_page_is_in_the_change_feed_and_an_unknown_url_is_not_found() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let changes = app.count("change").await;

    let missing = json!({ "url": "https://example.org/never-cited", "version": 1,
        "input": { "publisher": "Nobody" } });
    let not_found = app.gql_as(&admin, UPDATE, missing).await;
    app.data_as(
        &admin,
        UPDATE,
        change(1, json!({ "notes": "A feature, not a news report." })),
    )
    .await;

    assert_eq!(first_code(&not_found), "NOT_FOUND", "{not_found:#}");
    assert_eq!(app.count("change").await, changes + 1);
}
