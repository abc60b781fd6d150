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

    // Each as its page stated it, newest statement first (the 31 December
    // date was first stated in September 2025).
    let expected = [
        "2025-12-31",
        "2025-08",
        "2025-12-31",
        "2025-02",
        "2025-10-31",
        "2025-03-23",
        "2025",
        "2025-06",
    ];
    assert_eq!(dates, expected);
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
        if claim["rank"] == "NORMAL" && claim["valueDate"] != "2025-12-31" {
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
    // Beside it: the PM's Rs 25 billion, the founding article's $88.4
    // million, 2022's $88.8 million and Rs 13.72 billion, and PSEB's Rs 23.3
    // billion of 2026.
    assert_eq!(costs.as_array().unwrap().len(), 6, "{costs:#}");
    assert_eq!(project["hasConflicts"], true);
    let only_preferred = claims(&app, Value::Null, json!(["PREFERRED"])).await;
    let properties: Vec<&Value> = (preferred(&only_preferred["claims"]).into_iter())
        .map(|c| &c["property"])
        .collect();
    assert_eq!(properties.len(), 7, "one per property: {properties:?}");
}

/// Imports one row of `project_claims.csv` with an admin key.
async fn import_claim(app: &TestApp, row: &str) -> Value {
    let admin = app.key("admin", None).await;
    let header = "project_slug,property,value_number,value_date,unit,approximation,basis,\
                  as_of,rank,rank_reason,source_url,quote,stated_by,stated_by_organization";
    let import = r#"mutation($files: [ImportFile!]!) {
      importDataset(files: $files) { created problems { column reason } } }"#;
    let content = format!("{header}\n{row},,\n");
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

const RECORD: &str = r#"mutation($input: ProjectClaimInput!) {
    recordProjectClaim(input: $input) { property valueNumber rank } }"#;
const RANK: &str = r#"mutation($claim: ProjectClaimKey!, $rank: ClaimRank!, $reason: ClaimRankReason) {
    rankProjectClaim(claim: $claim, rank: $rank, rankReason: $reason) { rank rankReason } }"#;
const FIGURES: &str = r#"{ project(slug: "islamabad-it-park") { costUsd jobsTarget version
    claims(properties: [COST, JOBS_TARGET]) { property valueNumber unit rank rankReason } } }"#;

fn cost(value: f64, rank: &str) -> Value {
    json!({ "input": { "projectSlug": "islamabad-it-park", "property": "COST",
        "valueNumber": value, "unit": "USD", "asOf": "2026-11-30", "rank": rank,
        "rankReason": "LATEST_OFFICIAL", "sourceUrl": "https://example.org/briefing",
        "quote": "the project now costs" } })
}

#[tokio::test]
async fn preferring_a_new_cost_outdates_the_old_one_and_moves_cost_usd() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let before = app.data(FIGURES, json!({})).await["project"].clone();

    let recorded = app.data_as(&admin, RECORD, cost(91e6, "PREFERRED")).await;

    assert_eq!(recorded["recordProjectClaim"]["rank"], "PREFERRED");
    let after = app.data(FIGURES, json!({})).await["project"].clone();
    assert_eq!(after["costUsd"], 91e6);
    assert!(after["version"].as_i64() > before["version"].as_i64());
    let claims = after["claims"].as_array().unwrap();
    let preferred: Vec<&Value> = claims.iter().filter(|c| c["rank"] == "PREFERRED").collect();
    assert_eq!(
        preferred.iter().filter(|c| c["property"] == "COST").count(),
        1
    );
    let old = claims
        .iter()
        .find(|c| c["valueNumber"] == 88_384_000.0)
        .unwrap();
    assert_eq!(
        (&old["rank"], &old["rankReason"]),
        (&json!("NORMAL"), &json!("OUTDATED"))
    );
    let feed = app
        .data(
            r#"{ changes(first: 10, filter: { types: ["project"] }) { nodes { operation after } } }"#,
            json!({}),
        )
        .await;
    let nodes = feed["changes"]["nodes"].as_array().unwrap();
    assert!(
        nodes
            .iter()
            .any(|n| n["after"].as_str().unwrap().contains("91000000")),
        "{feed:#}"
    );
}

#[tokio::test]
async fn ranking_another_jobs_figure_preferred_moves_jobs_target() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let claim = json!({ "projectSlug": "islamabad-it-park", "property": "JOBS_TARGET",
        "unit": "PERSON", "asOf": "2025-02-14",
        "sourceUrl": "https://profit.pakistantoday.com.pk/2025/02/14/pakistan-software-export-board-expands-it-infrastructure-with-43-technology-parks/" });

    let ranked = app
        .data_as(
            &admin,
            RANK,
            json!({ "claim": claim, "rank": "PREFERRED", "reason": "PRIMARY_SOURCE" }),
        )
        .await;

    assert_eq!(ranked["rankProjectClaim"]["rank"], "PREFERRED");
    let after = app.data(FIGURES, json!({})).await["project"].clone();
    assert_eq!(after["jobsTarget"], 7500);
    let jobs: Vec<&Value> = (after["claims"].as_array().unwrap().iter())
        .filter(|c| c["property"] == "JOBS_TARGET" && c["rank"] == "PREFERRED")
        .collect();
    assert_eq!(jobs.len(), 1, "{after:#}");
}

#[tokio::test]
async fn claim_writes_refuse_a_foreign_key_a_repeat_and_a_deadline_given_as_a_number() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let nust = app.key("write", Some("nust")).await;
    let before = app.count("project_claim").await;

    let foreign = app.gql_as(&nust, RECORD, cost(91e6, "NORMAL")).await;
    let first = app.data_as(&admin, RECORD, cost(91e6, "NORMAL")).await;
    let repeat = app.gql_as(&admin, RECORD, cost(91e6, "NORMAL")).await;
    let mut deadline = cost(91e6, "NORMAL");
    deadline["input"]["property"] = json!("COMPLETION_DUE");
    let misfit = app.gql_as(&admin, RECORD, deadline).await;

    assert_eq!(first_code(&foreign), "FORBIDDEN", "{foreign:#}");
    assert_eq!(first["recordProjectClaim"]["rank"], "NORMAL");
    assert_eq!(first_code(&repeat), "CONFLICT", "{repeat:#}");
    assert_eq!(first_code(&misfit), "BAD_USER_INPUT", "{misfit:#}");
    assert_eq!(
        misfit["errors"][0]["extensions"]["field"],
        "input.valueDate"
    );
    assert_eq!(app.count("project_claim").await, before + 1);
}

#[tokio::test]
async fn an_imported_preferred_claim_sets_the_figure_it_is_about() {
    let app = TestApp::seeded().await;
    let row = "dik-new-city-technology-park,JOBS_TARGET,3000,,PERSON,EXACT,,2025-09-18,PREFERRED,,\
               https://example.org/briefing,";

    let body = import_claim(&app, row).await;

    assert_eq!(
        body["data"]["importDataset"]["problems"],
        json!([]),
        "{body:#}"
    );
    let query = r#"{ project(slug: "dik-new-city-technology-park") { jobsTarget } }"#;
    let project = app.data(query, json!({})).await;
    assert_eq!(project["project"]["jobsTarget"], 3000);
}

#[tokio::test]
async fn a_figure_a_preferred_claim_holds_is_not_changed_by_updating_the_project() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let update = r#"mutation($input: UpdateProjectInput!) {
        updateProject(slug: "islamabad-it-park", version: 1, input: $input) { costUsd notes } }"#;

    let refused = app
        .gql_as(&admin, update, json!({ "input": { "costUsd": 1.0 } }))
        .await;
    let same = app
        .gql_as(
            &admin,
            update,
            json!({ "input": { "costUsd": 88_384_000.0, "notes": "checked" } }),
        )
        .await;

    assert_eq!(first_code(&refused), "BAD_USER_INPUT", "{refused:#}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "input.costUsd");
    assert_eq!(
        same["data"]["updateProject"]["notes"], "checked",
        "{same:#}"
    );
}
