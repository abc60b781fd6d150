//! A park's claims: every status, opening, area or count stated, each with
//! its page; one preferred per property, which the typed field shows; the
//! operator records and ranks them.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const BAGH: &str = "pseb-women-stp-bagh";

const CLAIMS: &str = r#"query($slug: String!) { park(slug: $slug) {
  status areaSqft hasConflicts version
  claims(ranks: [PREFERRED, NORMAL, DEPRECATED]) {
    property valueText valueNumber rank rankReason asOf statedByOrganization { slug } sourceUrl
  } } }"#;

async fn park(app: &TestApp, slug: &str) -> Value {
    app.data(CLAIMS, json!({ "slug": slug })).await["park"].clone()
}

#[tokio::test]
async fn the_bagh_parks_status_is_disputed_and_shows_the_preferred_claim() {
    let app = TestApp::seeded().await;

    let bagh = park(&app, BAGH).await;

    let statuses: Vec<(&Value, &Value)> = (bagh["claims"].as_array().unwrap().iter())
        .filter(|c| c["property"] == "STATUS")
        .map(|c| (&c["valueText"], &c["rank"]))
        .collect();
    // Newest first: the Economic Survey's "launched", then PSEB's plan.
    assert_eq!(
        statuses,
        [
            (&json!("OPERATIONAL"), &json!("NORMAL")),
            (&json!("PLANNED"), &json!("PREFERRED"))
        ]
    );
    assert_eq!(bagh["status"], "PLANNED");
    assert_eq!(bagh["hasConflicts"], true);
}

const RECORD: &str = r#"mutation($input: ParkClaimInput!) {
  recordParkClaim(input: $input) { property valueText rank } }"#;

fn opened(status: &str, rank: &str) -> Value {
    json!({ "input": { "parkSlug": BAGH, "property": "STATUS", "valueStatus": status,
        "asOf": "2026-11-30", "rank": rank, "rankReason": "LATEST_OFFICIAL",
        "sourceUrl": "https://example.org/bagh-inaugurated", "statedBy": "PSEB",
        "statedByOrganization": "pseb" } })
}

#[tokio::test]
async fn the_operator_prefers_a_new_status_and_the_parks_status_follows() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let sco = app.key("write", Some("sco")).await;
    let before = park(&app, BAGH).await;

    let foreign = app
        .gql_as(&sco, RECORD, opened("OPERATIONAL", "PREFERRED"))
        .await;
    let recorded = app
        .data_as(&pseb, RECORD, opened("OPERATIONAL", "PREFERRED"))
        .await;
    let repeat = app
        .gql_as(&pseb, RECORD, opened("OPERATIONAL", "PREFERRED"))
        .await;

    assert_eq!(first_code(&foreign), "FORBIDDEN", "{foreign:#}");
    assert_eq!(recorded["recordParkClaim"]["rank"], "PREFERRED");
    assert_eq!(first_code(&repeat), "CONFLICT", "{repeat:#}");
    let after = park(&app, BAGH).await;
    assert_eq!(after["status"], "OPERATIONAL");
    assert_eq!(after["version"], before["version"].as_i64().unwrap() + 1);
    let preferred: Vec<&Value> = (after["claims"].as_array().unwrap().iter())
        .filter(|c| c["property"] == "STATUS" && c["rank"] == "PREFERRED")
        .collect();
    assert_eq!(preferred.len(), 1, "{after:#}");
    let outdated = (after["claims"].as_array().unwrap().iter())
        .find(|c| c["property"] == "STATUS" && c["asOf"] == "2024-04-24")
        .unwrap();
    assert_eq!(outdated["rankReason"], "OUTDATED");
}

#[tokio::test]
async fn a_park_claim_of_the_wrong_kind_is_bad_input_and_writes_nothing() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let before = app.count("park_claim").await;
    let mut number_status = opened("OPERATIONAL", "NORMAL");
    number_status["input"]["valueNumber"] = json!(1);
    let mut project_property = opened("OPERATIONAL", "NORMAL");
    project_property["input"]["property"] = json!("JOBS_TARGET");

    let both = app.gql_as(&admin, RECORD, number_status).await;
    let not_a_park_property = app.gql_as(&admin, RECORD, project_property).await;

    assert_eq!(first_code(&both), "BAD_USER_INPUT", "{both:#}");
    assert_eq!(both["errors"][0]["extensions"]["field"], "input.valueText");
    assert_eq!(first_code(&not_a_park_property), "BAD_USER_INPUT");
    assert_eq!(
        not_a_park_property["errors"][0]["extensions"]["field"],
        "input.property"
    );
    assert_eq!(app.count("park_claim").await, before);
}

#[tokio::test]
async fn an_imported_status_that_is_no_park_status_names_its_column() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let header = "park_slug,property,value_number,value_date,value_text,unit,approximation,basis,\
                  as_of,rank,rank_reason,source_url,quote,stated_by,stated_by_organization";
    let row = "pseb-women-stp-bagh,STATUS,,,OPENISH,,EXACT,,2026-01,NORMAL,,\
               https://propakistani.pk/2024/04/24/pseb-to-pioneer-womens-software-technology-park-in-azad-kashmir/,,,";
    let import = r#"mutation($files: [ImportFile!]!) {
      importDataset(files: $files) { created problems { column reason } } }"#;
    let file = json!({ "name": "park_claims.csv", "format": "CSV",
        "content": format!("{header}\n{row}\n") });

    let report = app
        .data_as(&admin, import, json!({ "files": [file] }))
        .await;

    let problems = &report["importDataset"]["problems"];
    assert_eq!(problems[0]["column"], "value_text", "{problems:#}");
    assert_eq!(report["importDataset"]["created"], 0);
}

#[tokio::test]
async fn a_park_with_claims_is_deleted_only_with_cascade_which_takes_them() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let version = park(&app, BAGH).await["version"].clone();
    let delete = |cascade: bool| json!({ "slug": BAGH, "version": version, "cascade": cascade });
    let mutation = r#"mutation($slug: String!, $version: Int!, $cascade: Boolean) {
      deletePark(slug: $slug, version: $version, cascade: $cascade) }"#;
    let claims = app.count("park_claim").await;

    let refused = app.gql_as(&pseb, mutation, delete(false)).await;
    let deleted = app.data_as(&pseb, mutation, delete(true)).await;

    assert_eq!(first_code(&refused), "CONFLICT", "{refused:#}");
    let message = refused["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("3 claims"), "{message}");
    assert_eq!(deleted["deletePark"], true);
    assert_eq!(app.count("park_claim").await, claims - 3);
}
