//! A document's mutations are all-or-nothing: they run in one transaction,
//! in document order; one failure and none is written, `data` is null, the
//! errors name the failing field, and the change feed shows nothing.

use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::writes::park;

/// Runs `document` with `key` and checks it was refused whole: `data` is
/// null and the errors are exactly `expected` (response key, code), in order.
async fn refused(app: &TestApp, key: &str, document: &str, expected: &[(&str, &str)]) {
    let body = app.gql_as(key, document, json!({})).await;
    assert_eq!(body["data"], Value::Null, "{body:#}");
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    let failures: Vec<(String, String)> = errors
        .iter()
        .map(|e| {
            let path = e["path"][0].as_str().unwrap_or("").to_owned();
            (
                path,
                e["extensions"]["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect();
    assert_eq!(failures, expected, "{body:#}");
}

/// Two updates of one park, the second with a stale version: neither is
/// written, the feed is unchanged, and a third field is not run.
#[tokio::test]
async fn a_stale_version_in_the_second_update_leaves_the_first_unwritten() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let before = park(&app, "fazal-stp-islamabad").await;
    let changes = app.count("change").await;

    let document = r#"mutation {
      first: updatePark(slug: "fazal-stp-islamabad", version: 1, input: { name: "Renamed" }) { name version }
      second: updatePark(slug: "fazal-stp-islamabad", version: 1, input: { notes: "stale" }) { name }
      third: createFirm(input: { slug: "never-made", name: "Never Made" }) { slug }
    }"#;

    let expected = [("second", "CONFLICT"), ("third", "NOT_RUN")];
    refused(&app, &key, document, &expected).await;
    assert_eq!(park(&app, "fazal-stp-islamabad").await, before);
    assert_eq!(app.count("change").await, changes);
    assert_eq!(app.count_where("firm", "slug = 'never-made'").await, 0);
}

/// A firm created, then a tenancy in a park that does not exist: the firm
/// is not created either.
#[tokio::test]
async fn a_tenancy_in_an_unknown_park_undoes_the_firm_created_before_it() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let firms = app.count("firm").await;
    let changes = app.count("change").await;

    let document = r#"mutation {
      createFirm(input: { slug: "acme-soft", name: "Acme Soft" }) { slug }
      addTenancy(parkSlug: "no-such-park", firmSlug: "acme-soft") { since }
    }"#;

    refused(&app, &key, document, &[("addTenancy", "NOT_FOUND")]).await;
    assert_eq!(app.count("firm").await, firms);
    assert_eq!(app.count("change").await, changes);
}

/// An organization's key that touches a park it does not own, after a write
/// it may do: nothing is written.
#[tokio::test]
async fn a_forbidden_field_undoes_the_allowed_ones_before_it() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let own = park(&app, "fazal-stp-islamabad").await;
    let other = park(&app, "nstp-nust-islamabad").await;
    let changes = app.count("change").await;

    let document = r#"mutation {
      mine: updatePark(slug: "fazal-stp-islamabad", version: 1, input: { name: "Fazal STP" }) { name }
      firm: createFirm(input: { slug: "pseb-new-co", name: "New Co" }) { slug }
      theirs: updatePark(slug: "nstp-nust-islamabad", version: 1, input: { name: "Taken" }) { name }
    }"#;

    refused(&app, &pseb, document, &[("theirs", "FORBIDDEN")]).await;
    assert_eq!(park(&app, "fazal-stp-islamabad").await, own);
    assert_eq!(park(&app, "nstp-nust-islamabad").await, other);
    assert_eq!(app.count_where("firm", "slug = 'pseb-new-co'").await, 0);
    assert_eq!(app.count("change").await, changes);
}

/// When every field succeeds all are written, and each field's answer
/// already shows what the fields before it wrote.
#[tokio::test]
async fn a_document_that_succeeds_is_written_whole_and_its_answers_see_its_own_writes() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let changes = app.count("change").await;

    let body = app
        .gql_as(
            &key,
            r#"mutation {
              createFirm(input: { slug: "acme-soft", name: "Acme Soft" }) { slug }
              addTenancy(parkSlug: "fazal-stp-islamabad", firmSlug: "acme-soft") {
                firm { name }
                park { tenants(first: 100) { nodes { slug } } }
              }
              renamed: updateFirm(slug: "acme-soft", version: 1, input: { name: "Acme Software" }) { name version }
            }"#,
            json!({}),
        )
        .await;

    assert!(body.get("errors").is_none(), "{body:#}");
    let data = &body["data"];
    assert_eq!(data["addTenancy"]["firm"]["name"], "Acme Soft");
    let tenants = data["addTenancy"]["park"]["tenants"]["nodes"].to_string();
    assert!(tenants.contains("acme-soft"), "{tenants}");
    assert_eq!(
        data["renamed"],
        json!({ "name": "Acme Software", "version": 2 })
    );
    assert_eq!(app.count_where("firm", "slug = 'acme-soft'").await, 1);
    assert_eq!(app.count("change").await, changes + 3);
}
