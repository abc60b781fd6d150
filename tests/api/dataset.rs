use serde_json::json;

use crate::helpers::{TestApp, shipped_parks};

const PARK: &str = "query ($slug: String!) {
  park(slug: $slug) { name kind status areaSqft city { slug province }
    sources { url asOf quote }
    projects { slug targetYear jobsTarget costUsd } }
}";

/// The Karachi IT Park figures come back exactly as the dataset has them.
#[tokio::test]
async fn karachi_it_park_is_served_with_its_figures_and_sources() {
    let app = TestApp::seeded().await;

    let data = app.data(PARK, json!({ "slug": "karachi-it-park" })).await;

    let park = &data["park"];
    assert_eq!(park["areaSqft"], 1_120_000);
    assert_eq!(park["kind"], "IT_PARK");
    assert_eq!(park["city"]["province"], "SINDH");
    let project = &park["projects"][0];
    assert_eq!(project["slug"], "karachi-it-park");
    assert_eq!(project["targetYear"], 2027);
    assert_eq!(project["jobsTarget"], 13_400);
    let sources = park["sources"].as_array().unwrap();
    assert!(!sources.is_empty());
    for source in sources {
        assert!(
            source["url"].as_str().unwrap().starts_with("http"),
            "{source}"
        );
        assert!(
            source["asOf"].as_str().unwrap().starts_with("20"),
            "{source}"
        );
    }
}

/// Islamabad IT Park's area and jobs target match the dataset (the jobs
/// target is its preferred claim: 10,000, Profit 2025-09-20).
#[tokio::test]
async fn islamabad_it_park_is_served_with_its_area_and_jobs() {
    let app = TestApp::seeded().await;

    let data = app.data(PARK, json!({ "slug": "islamabad-it-park" })).await;

    assert_eq!(data["park"]["areaSqft"], 720_000);
    assert_eq!(data["park"]["status"], "UNDER_CONSTRUCTION");
    assert_eq!(data["park"]["projects"][0]["jobsTarget"], 10_000);
}

/// The D. I. Khan project names NUST (and NUTECH) among its partners.
#[tokio::test]
async fn dik_project_partners_include_nust() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ project(slug: \"dik-new-city-technology-park\") {
                 city { name } park { slug }
                 partners { role organization { slug kind } } } }",
            json!({}),
        )
        .await;

    let partners = data["project"]["partners"].as_array().unwrap();
    let slugs: Vec<&str> = partners
        .iter()
        .map(|p| p["organization"]["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"nust"), "{slugs:?}");
    assert!(slugs.contains(&"nutech"), "{slugs:?}");
    let nust = partners
        .iter()
        .find(|p| p["organization"]["slug"] == "nust")
        .unwrap();
    assert_eq!(nust["organization"]["kind"], "UNIVERSITY");
    assert_eq!(
        data["project"]["park"]["slug"],
        "dik-new-city-technology-park"
    );
}

/// Indicators keep their sources, and a period filter narrows them.
#[tokio::test]
async fn indicators_come_with_sources_and_filter_by_key() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ indicators(filter: { key: { eq: \"stp_count\" } }) { key period value unit sources { url asOf } } }",
            json!({}),
        )
        .await;

    let rows = data["indicators"].as_array().unwrap();
    assert!(rows.len() >= 3, "{rows:?}");
    assert!(rows.iter().all(|r| r["key"] == "stp_count"));
    assert!(rows.iter().any(|r| r["value"] == 43.0));
    assert!(
        rows.iter()
            .all(|r| !r["sources"].as_array().unwrap().is_empty())
    );
}

/// A second start on the same database adds no rows.
#[tokio::test]
async fn seeding_a_seeded_database_writes_nothing() {
    let app = TestApp::seeded().await;
    let before = app
        .data("{ parks { totalCount } firms { totalCount } }", json!({}))
        .await;

    let outcome = parkgraph::dataset::seed::seed(&app.db, &parkgraph::dataset::seed::embedded())
        .await
        .unwrap();

    assert_eq!(outcome, parkgraph::dataset::seed::Outcome::AlreadySeeded);
    let after = app
        .data("{ parks { totalCount } firms { totalCount } }", json!({}))
        .await;
    assert_eq!(before, after);
    assert_eq!(after["parks"]["totalCount"], shipped_parks());
}

/// Milestones give a project its progress: reached over recorded.
#[tokio::test]
async fn project_progress_is_the_share_of_milestones_reached() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ project(slug: \"karachi-it-park\") { progress milestones { reached } } }",
            json!({}),
        )
        .await;

    let milestones = data["project"]["milestones"].as_array().unwrap();
    let reached = milestones
        .iter()
        .filter(|m| !m["reached"].is_null())
        .count();
    let expected = reached as f64 / milestones.len() as f64;
    assert!((data["project"]["progress"].as_f64().unwrap() - expected).abs() < 1e-9);
    assert!(expected > 0.0 && expected < 1.0);
}

/// data/README.md documents each shipped file under a heading with its
/// exact header and row count, kept true as rows are added.
#[test]
fn the_data_readme_gives_every_files_header_and_row_count() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let readme = std::fs::read_to_string(data.join("README.md")).unwrap();
    let mut files: Vec<_> = (std::fs::read_dir(&data).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 17, "{files:?}");
    for path in files {
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader.records().count();
        let name = path.file_name().unwrap().to_str().unwrap();
        let heading = format!("### {name} — `{}` ({rows} rows)", header.join(","));
        assert!(
            readme.contains(&heading),
            "data/README.md lacks {heading:?}"
        );
    }
}

const FOUND: &str = r#"query($slug: String!) { park(slug: $slug) {
  status openedYear operator { slug }
  city { slug province location { geonamesId } }
  sources { url asOf quote document { publishedOn publishedPrecision } } } }"#;

/// The parks public reporting adds (FACTS-FOUND B.1) are served with the
/// pages that state them and the pages' words, dated by each page.
#[tokio::test]
async fn the_skardu_and_sialkot_parks_are_served_with_their_pages_words() {
    let app = TestApp::seeded().await;

    let skardu = app.data(FOUND, json!({ "slug": "sco-stp-skardu" })).await["park"].clone();
    let sialkot = app.data(FOUND, json!({ "slug": "sialkot-it-park" })).await["park"].clone();

    assert_eq!(skardu["status"], "OPERATIONAL");
    assert_eq!(skardu["openedYear"], 2022);
    assert_eq!(skardu["operator"]["slug"], "sco");
    assert_eq!(skardu["city"]["province"], "GILGIT_BALTISTAN");
    assert_eq!(skardu["city"]["location"]["geonamesId"], 1164709);
    let pages = skardu["sources"].as_array().unwrap();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages.iter().all(|p| p["quote"].is_string()), "{pages:?}");
    let undated = (pages.iter())
        .filter(|p| p["document"]["publishedPrecision"] == "UNKNOWN")
        .count();
    assert_eq!(undated, 1, "IBEX Times shows no date: {pages:?}");
    assert_eq!(sialkot["status"], "PLANNED");
    assert_eq!(sialkot["operator"], serde_json::Value::Null);
    let announced = &sialkot["sources"][0];
    assert_eq!(announced["document"]["publishedOn"], "2024-11-23");
    assert!(announced["quote"].as_str().unwrap().contains("Sialkot"));
}
