//! Indicators as observations: structured periods (Pakistan's fiscal year
//! runs July to June), units, approximation, rank and geography.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const FIELDS: &str = "key period value periodKind periodStart periodEnd fiscalYear unitKind
    currency approximation rank rankReason province city { slug } project { slug }";

async fn indicators(app: &TestApp, filter: Value) -> Vec<Value> {
    let query = format!("query($f: IndicatorFilter) {{ indicators(filter: $f) {{ {FIELDS} }} }}");
    let data = app.data(&query, json!({ "f": filter })).await;
    data["indicators"].as_array().unwrap().clone()
}

#[tokio::test]
async fn exports_per_fiscal_year_in_usd_are_one_preferred_number_a_year() {
    let app = TestApp::seeded().await;
    let filter = json!({ "key": { "eq": "ict_export_remittances" }, "periodKind": ["FISCAL_YEAR"],
        "currency": ["USD"], "rank": ["PREFERRED"] });

    let rows = indicators(&app, filter).await;

    let years: Vec<i64> = rows
        .iter()
        .map(|r| r["fiscalYear"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2020, 2021, 2022, 2023, 2024, 2025], "{rows:#?}");
    for row in &rows {
        let year = row["fiscalYear"].as_i64().unwrap();
        assert_eq!(row["periodStart"], format!("{}-07-01", year - 1));
        assert_eq!(row["periodEnd"], format!("{year}-06-30"));
        assert_eq!(row["unitKind"], "CURRENCY");
    }
    let fy24 = rows.iter().find(|r| r["fiscalYear"] == 2024).unwrap();
    assert_eq!(fy24["value"], 3_223_000_000.0);
    let fy25 = rows.iter().find(|r| r["fiscalYear"] == 2025).unwrap();
    assert_eq!(fy25["approximation"], "APPROX");
}

#[tokio::test]
async fn nine_months_of_a_fiscal_year_run_from_july_to_march() {
    let app = TestApp::seeded().await;
    let filter = json!({ "key": { "eq": "it_export_receipts" } });

    let rows = indicators(&app, filter).await;

    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["periodKind"], "FISCAL_YEAR_TO_DATE");
    assert_eq!(
        (&row["periodStart"], &row["periodEnd"], &row["fiscalYear"]),
        (&json!("2024-07-01"), &json!("2025-03-31"), &json!(2025))
    );
    let quarter = indicators(&app, json!({ "periodKind": ["FISCAL_QUARTER"] })).await;
    assert!(!quarter.is_empty());
    for row in &quarter {
        let start = row["periodStart"].as_str().unwrap();
        assert!(start.ends_with("-07-01"), "{row}");
        assert!(
            row["periodEnd"].as_str().unwrap().ends_with("-09-30"),
            "{row}"
        );
    }
}

#[tokio::test]
async fn over_and_about_become_the_approximation_and_targets_have_a_deadline() {
    let app = TestApp::seeded().await;

    let firms = indicators(&app, json!({ "key": { "eq": "stp_hosted_firms_min" } })).await;
    let centres = indicators(&app, json!({ "key": { "eq": "e_rozgaar_centres_target" } })).await;

    assert!(
        firms.iter().all(|r| r["approximation"] == "AT_LEAST"),
        "{firms:#?}"
    );
    assert!(
        firms.iter().all(|r| r["periodKind"] == "POINT_IN_TIME"),
        "{firms:#?}"
    );
    assert_eq!(centres[0]["periodKind"], "TARGET_BY");
    assert_eq!(centres[0]["periodEnd"], "2027");
    assert_eq!(centres[0]["value"], 250.0);
}

#[tokio::test]
async fn two_values_for_one_period_keep_one_preferred_and_a_second_is_a_conflict() {
    let app = TestApp::seeded().await;
    let filter = json!({ "key": { "eq": "ict_trade_surplus" }, "fiscalYear": { "eq": 2025 },
        "periodKind": ["FISCAL_YEAR_TO_DATE"] });

    let rows = indicators(&app, filter).await;

    let ranks: Vec<(&Value, &Value, &Value)> = rows
        .iter()
        .map(|r| (&r["value"], &r["rank"], &r["rankReason"]))
        .collect();
    assert_eq!(ranks.len(), 2, "{rows:#?}");
    assert!(ranks.contains(&(
        &json!(2_429_000_000.0),
        &json!("PREFERRED"),
        &json!("PRIMARY_SOURCE")
    )));
    assert!(ranks.contains(&(&json!(2_420_000_000.0), &json!("NORMAL"), &json!("ROUNDED"))));

    let admin = app.key("admin", None).await;
    let before = app.count("indicator").await;
    let header = "key,period,value,unit,notes,period_kind,period_start,period_end,fiscal_year,\
                  unit_kind,currency,approximation,rank,rank_reason,province,city_slug,project_slug,\
                  programme_slug";
    let row = "ict_trade_surplus,FY2024-25 Jul-Mar (another),2430000000,USD,,FISCAL_YEAR_TO_DATE,\
               2024-07-01,2025-03-31,2025,CURRENCY,USD,EXACT,PREFERRED,,,,,";
    let import = r#"mutation($files: [ImportFile!]!) { importDataset(files: $files) { created } }"#;
    let files = json!([{ "name": "indicators.csv", "format": "CSV",
        "content": format!("{header}\n{row}\n") }]);
    let body = app.gql_as(&admin, import, json!({ "files": files })).await;
    assert_eq!(first_code(&body), "CONFLICT", "{body:#}");
    assert_eq!(app.count("indicator").await, before);
}

#[tokio::test]
async fn an_import_refuses_a_money_figure_without_its_currency_and_a_period_ending_first() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let header = "key,period,value,unit,notes,period_kind,period_start,period_end,fiscal_year,\
                  unit_kind,currency,approximation,rank,rank_reason,province,city_slug,project_slug,\
                  programme_slug";
    let rows = "x_exports,FY2030-31,1,USD,,FISCAL_YEAR,2031-07-01,2030-06-30,2031,CURRENCY,,EXACT,\
                PREFERRED,,,,,\ny_count,2030,1,count,,YEARLY,,2030,,COUNT,,EXACT,PREFERRED,,,,,";
    let import = r#"mutation($files: [ImportFile!]!) {
        importDataset(files: $files) { created problems { line column reason } } }"#;
    let files = json!([{ "name": "indicators.csv", "format": "CSV",
        "content": format!("{header}\n{rows}\n") }]);

    let report = app.data_as(&admin, import, json!({ "files": files })).await;

    let problems = report["importDataset"]["problems"]
        .as_array()
        .unwrap()
        .clone();
    let columns: Vec<(&Value, &Value)> = problems
        .iter()
        .map(|p| (&p["line"], &p["column"]))
        .collect();
    assert!(
        columns.contains(&(&json!(2), &json!("currency"))),
        "{problems:#?}"
    );
    assert!(
        columns.contains(&(&json!(2), &json!("period_end"))),
        "{problems:#?}"
    );
    assert!(
        columns.contains(&(&json!(3), &json!("period_kind"))),
        "{problems:#?}"
    );
    assert_eq!(report["importDataset"]["created"], 0);
}

/// The founding article's national figures (`../shared/seed`) and its two
/// IT parks' figures, each still served.
#[tokio::test]
async fn the_founding_articles_figures_are_all_still_served() {
    let app = TestApp::seeded().await;
    let figures = [
        ("it_export_receipts_increase_yoy", 541e6),
        ("it_export_receipts", 2.82e9),
        ("ict_trade_surplus", 2.42e9),
        ("freelancer_export_remittances", 400e6),
        ("it_professionals_trained", 6400.0),
        ("it_certifications_in_progress", 3400.0),
        ("it_interns_placed", 2700.0),
        ("it_interns_retained_share", 70.0),
        ("industry_academia_graduates_trained", 1600.0),
        ("students_skill_assessed", 9300.0),
        ("pseb_stp_and_erozgaar_sites", 50.0),
        ("new_technology_parks_planned", 25.0),
        ("stp_count", 43.0),
        ("stp_hosted_firms_min", 350.0),
        ("stp_professionals", 18000.0),
        ("stp_covered_area", 1.9e6),
        ("stp_women_share", 20.0),
        ("stp_forex_earnings_annual", 100e6),
        ("stp_domestic_revenue_annual", 15e6),
        ("e_rozgaar_centres_target", 250.0),
    ];
    for (key, value) in figures {
        let rows = indicators(&app, json!({ "key": { "eq": key } })).await;
        assert!(
            rows.iter().any(|r| r["value"].as_f64() == Some(value)),
            "{key} = {value}: {rows:#?}"
        );
    }
    let query = r#"{ karachi: project(slug: "karachi-it-park") { ...F }
        islamabad: project(slug: "islamabad-it-park") { ...F } }
        fragment F on Project { costUsd areaSqft targetYear jobsTarget exportsTargetUsd
          claims(properties: [JOBS_TARGET], ranks: [PREFERRED, NORMAL]) { valueNumber } }"#;
    let data = app.data(query, json!({})).await;
    let served = |p: &str, f: &str| data[p][f].as_f64().unwrap();
    // The article rounds the costs: $186 million and $88.4 million.
    assert!((served("karachi", "costUsd") - 186e6).abs() < 1e6);
    assert!((served("islamabad", "costUsd") - 88.4e6).abs() < 0.1e6);
    // Islamabad's 7,500 jobs stand as a claim beside the 10,000 stated since.
    for (project, area, year, jobs, exports) in [
        ("karachi", 1.12e6, 2027.0, 13400.0, 90e6),
        ("islamabad", 720_000.0, 2025.0, 7500.0, 70e6),
    ] {
        assert_eq!(served(project, "areaSqft"), area);
        assert_eq!(served(project, "targetYear"), year);
        assert_eq!(served(project, "exportsTargetUsd"), exports);
        let claimed = data[project]["claims"].as_array().unwrap();
        assert!(
            claimed.iter().any(|c| c["valueNumber"] == jobs),
            "{claimed:?}"
        );
    }
}

#[tokio::test]
async fn a_project_that_figures_are_about_is_not_deleted_and_claims_go_with_a_cascade() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let delete =
        r#"mutation { deleteProject(slug: "islamabad-it-park", version: 1, cascade: true) }"#;
    let claims = app.count("project_claim").await;

    let refused = app.gql_as(&admin, delete, json!({})).await;

    assert_eq!(first_code(&refused), "CONFLICT", "{refused:#}");
    let message = refused["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("national figures"), "{message}");
    assert_eq!(app.count("project_claim").await, claims);

    app.execute(
        "DELETE FROM indicator \
         WHERE project_id = (SELECT id FROM project WHERE slug = 'islamabad-it-park')",
    )
    .await;
    let deleted = app.gql_as(&admin, delete, json!({})).await;
    assert_eq!(deleted["data"]["deleteProject"], true, "{deleted:#}");
    let left = "project_id NOT IN (SELECT id FROM project)";
    assert_eq!(app.count_where("project_claim", left).await, 0);
    assert!(app.count("project_claim").await < claims);
}

#[tokio::test]
async fn scos_counts_in_azad_kashmir_and_gilgit_baltistan_stand_side_by_side() {
    let app = TestApp::seeded().await;

    let all = indicators(&app, json!({ "key": { "startsWith": "sco_" } })).await;

    let value = |key: &str| {
        (all.iter())
            .filter(|r| r["key"] == key)
            .map(|r| r["value"].as_f64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(value("sco_stps_ajk_gb"), [39.0]);
    assert_eq!(value("sco_stps_ajk_gb_last_20_months"), [17.0]);
    assert_eq!(value("sco_it_setups_ajk_gb"), [61.0, 100.0]);
}
