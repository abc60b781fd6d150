//! Claims: every value stated for a disputed property of a project, with
//! its page and rank; one preferred per property, which the typed field
//! shows; outdated deadlines stay as normal claims.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const CLAIMS: &str = r#"query($properties: [ClaimProperty!], $ranks: [ClaimRank!]) {
  project(slug: "islamabad-it-park") {
    costUsd hasConflicts
    claims(properties: $properties, ranks: $ranks) {
      property valueNumber unit valueDate approximation asOf rank rankReason sourceUrl quote
    }
  }
}"#;

async fn claims(app: &TestApp, properties: Value, ranks: Value) -> Value {
    let vars = json!({ "properties": properties, "ranks": ranks });
    app.data(CLAIMS, vars).await["project"].clone()
}

fn preferred(claims: &Value) -> Vec<&Value> {
    (claims.as_array().unwrap().iter())
        .filter(|c| c["rank"] == "PREFERRED")
        .collect()
}

#[tokio::test]
async fn every_islamabad_deadline_is_served_newest_first_with_one_preferred() {
    let app = TestApp::seeded().await;
    let project = claims(&app, json!(["COMPLETION_DUE"]), Value::Null).await;
    let deadlines = &project["claims"];
    let dates: Vec<&str> = (deadlines.as_array().unwrap().iter())
        .map(|c| c["valueDate"].as_str().unwrap())
        .collect();
    let stated: Vec<&str> = (deadlines.as_array().unwrap().iter())
        .map(|c| c["asOf"].as_str().unwrap())
        .collect();

    assert_eq!(dates, ["2025-12-31", "2025-10-31", "2025-03-23", "2025-06"]);
    assert!(
        stated.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {stated:?}"
    );
    let best = preferred(deadlines);
    assert_eq!(best.len(), 1);
    assert_eq!(best[0]["valueDate"], "2025-12-31");
    assert_eq!(best[0]["rankReason"], "LATEST_OFFICIAL");
    for claim in deadlines.as_array().unwrap() {
        assert!(
            claim["sourceUrl"].as_str().unwrap().starts_with("https://"),
            "{claim}"
        );
        assert!(claim["quote"].is_string(), "{claim}");
        if claim["rank"] == "NORMAL" {
            assert_eq!(
                claim["rankReason"], "OUTDATED",
                "old deadlines held when said"
            );
        }
    }
}

#[tokio::test]
async fn cost_usd_is_the_preferred_cost_and_the_others_stand_beside_it() {
    let app = TestApp::seeded().await;
    let project = claims(&app, json!(["COST"]), Value::Null).await;
    let costs = &project["claims"];
    let best = preferred(costs);

    assert_eq!(best.len(), 1);
    assert_eq!(best[0]["unit"], "USD");
    assert_eq!(project["costUsd"], best[0]["valueNumber"]);
    assert_eq!(
        costs.as_array().unwrap().len(),
        2,
        "and the PM's Rs 25 billion: {costs:#}"
    );
    assert_eq!(project["hasConflicts"], true);
    let only_preferred = claims(&app, Value::Null, json!(["PREFERRED"])).await;
    assert_eq!(
        preferred(&only_preferred["claims"]).len(),
        2,
        "cost and deadline"
    );
}

/// Imports one row of `project_claims.csv` with an admin key.
async fn import_claim(app: &TestApp, row: &str) -> Value {
    let admin = app.key("admin", None).await;
    let header = "project_slug,property,value_number,value_date,unit,approximation,basis,\
                  as_of,rank,rank_reason,source_url,quote";
    let import = r#"mutation($files: [ImportFile!]!) {
      importDataset(files: $files) { created problems { column reason } } }"#;
    let content = format!("{header}\n{row}\n");
    let file = json!({ "name": "project_claims.csv", "format": "CSV", "content": content });
    let page = "url,title,publisher,kind,published_on,published_precision,notes\n\
                https://example.org/briefing,A briefing,,OTHER,2025-09-18,DAY,\n";
    let document = json!({ "name": "source_documents.csv", "format": "CSV", "content": page });
    app.gql_as(&admin, import, json!({ "files": [file, document] }))
        .await
}

#[tokio::test]
async fn a_second_preferred_value_is_a_conflict_and_writes_nothing() {
    let app = TestApp::seeded().await;
    let before = app.count("project_claim").await;
    let row = "islamabad-it-park,COST,78000000,,USD,EXACT,,2025-09-18,PREFERRED,,\
               https://example.org/briefing,";

    let body = import_claim(&app, row).await;

    assert_eq!(first_code(&body), "CONFLICT", "{body:#}");
    assert_eq!(app.count("project_claim").await, before);
}

#[tokio::test]
async fn a_deadline_without_a_date_or_a_known_reason_is_refused_by_import() {
    let app = TestApp::seeded().await;
    let row = "islamabad-it-park,COMPLETION_DUE,2026,,,EXACT,,2026-01,NORMAL,SOMETIME,\
               https://example.org/x,";

    let body = import_claim(&app, row).await;
    let text = body.to_string();

    assert!(text.contains("value_date"), "{body:#}");
    assert!(text.contains("rank_reason"), "{body:#}");
}

/// For every project, the typed cost is its preferred cost claim's amount.
#[tokio::test]
async fn every_projects_cost_usd_is_its_preferred_cost_claim() {
    let app = TestApp::seeded().await;
    let query = r#"{ projects(first: 100) { nodes { slug costUsd
        claims(properties: [COST], ranks: [PREFERRED]) { valueNumber unit } } } }"#;
    let data = app.data(query, json!({})).await;
    let mut checked = 0;
    for project in data["projects"]["nodes"].as_array().unwrap() {
        if let Some(claim) = project["claims"].as_array().unwrap().first() {
            assert_eq!(claim["unit"], "USD", "{project}");
            assert_eq!(project["costUsd"], claim["valueNumber"], "{project}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "Islamabad and Karachi");
}
