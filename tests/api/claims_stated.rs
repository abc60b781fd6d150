//! Who stated a claim, and the claims as they stood on a past day.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const DEADLINES: &str = r#"query($asOf: String) {
  project(slug: "islamabad-it-park") {
    claims(properties: [COMPLETION_DUE], asOf: $asOf) { valueDate asOf rank }
  }
}"#;

fn dates(project: &Value) -> Vec<&str> {
    (project["claims"].as_array().unwrap().iter())
        .map(|c| c["valueDate"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn claims_as_of_a_day_are_only_those_stated_by_then_latest_first() {
    let app = TestApp::seeded().await;

    let start_of_2025 = app.data(DEADLINES, json!({ "asOf": "2025-01-01" })).await;
    let end_of_august = app.data(DEADLINES, json!({ "asOf": "2025-08" })).await;
    let bad = app.gql(DEADLINES, json!({ "asOf": "last year" })).await;

    // On New Year's Day 2025 the only deadline stated was the PM's June 2025
    // date (ARY, 2024-07-20); by the end of August 2025 the revised
    // deadline of 31 October had been reported, so it comes first.
    assert_eq!(dates(&start_of_2025["project"]), ["2025-06"]);
    assert_eq!(
        dates(&end_of_august["project"]),
        ["2025-10-31", "2025-03-23", "2025", "2025-06"]
    );
    assert_eq!(first_code(&bad), "BAD_USER_INPUT", "{bad:#}");
}

const SPEAKERS: &str = r#"{ project(slug: "islamabad-it-park") {
  claims(properties: [PHYSICAL_PROGRESS, COMPLETION_DUE]) {
    property valueNumber valueDate asOf statedBy statedByOrganization { slug }
  } } }"#;

#[tokio::test]
async fn a_claim_says_who_stated_it_and_their_organization_when_the_data_holds_it() {
    let app = TestApp::seeded().await;

    let claims = app.data(SPEAKERS, json!({})).await["project"]["claims"].clone();
    let find = |as_of: &str, property: &str| {
        (claims.as_array().unwrap().iter())
            .find(|c| c["asOf"] == as_of && c["property"] == property)
            .unwrap_or_else(|| panic!("no {property} claim of {as_of}: {claims:#}"))
            .clone()
    };

    let pseb = find("2026-02-13", "PHYSICAL_PROGRESS");
    let pm = find("2025-12-07", "COMPLETION_DUE");
    let unattributed = find("2025-02-14", "COMPLETION_DUE");
    assert_eq!(pseb["statedByOrganization"]["slug"], "pseb");
    assert_eq!(pm["statedBy"], "Prime Minister Shehbaz Sharif");
    assert_eq!(pm["statedByOrganization"], Value::Null);
    assert_eq!(unattributed["statedBy"], Value::Null);
}

const RECORD: &str = r#"mutation($input: ProjectClaimInput!) {
    recordProjectClaim(input: $input) { statedBy statedByOrganization { slug } } }"#;

fn stated(organization: &str) -> Value {
    json!({ "input": { "projectSlug": "islamabad-it-park", "property": "JOBS_TARGET",
        "valueNumber": 12000, "unit": "PERSON", "asOf": "2026-11-30",
        "sourceUrl": "https://example.org/briefing", "statedBy": "the project director",
        "statedByOrganization": organization } })
}

#[tokio::test]
async fn recording_a_claim_names_its_speaker_and_refuses_an_unknown_organization() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let before = app.count("project_claim").await;

    let unknown = app.gql_as(&admin, RECORD, stated("nowhere")).await;
    let recorded = app.data_as(&admin, RECORD, stated("moitt")).await;

    assert_eq!(first_code(&unknown), "BAD_USER_INPUT", "{unknown:#}");
    assert_eq!(
        unknown["errors"][0]["extensions"]["field"],
        "input.statedByOrganization"
    );
    let claim = &recorded["recordProjectClaim"];
    assert_eq!(claim["statedBy"], "the project director");
    assert_eq!(claim["statedByOrganization"]["slug"], "moitt");
    assert_eq!(app.count("project_claim").await, before + 1);
}

#[tokio::test]
async fn an_organization_that_stated_a_claim_is_not_deleted_from_under_it() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let create = r#"mutation { createOrganization(input: {
        slug: "audit-office", name: "Audit Office", kind: GOVERNMENT }) { version } }"#;
    let delete = r#"mutation { deleteOrganization(slug: "audit-office", version: 1) }"#;
    app.data_as(&admin, create, json!({})).await;
    app.data_as(&admin, RECORD, stated("audit-office")).await;

    let refused = app.gql_as(&admin, delete, json!({})).await;

    assert_eq!(first_code(&refused), "CONFLICT", "{refused:#}");
    let message = refused["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("stated claims of projects: 1"),
        "{message}"
    );
    assert_eq!(app.count("organization").await, 43);
}
