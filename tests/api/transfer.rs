//! Bulk import and export: all-or-nothing, every problem reported, dry runs,
//! scopes, and an export that survives a round trip unchanged.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code, shipped_parks};

const IMPORT: &str = r#"mutation($files: [ImportFile!]!, $dryRun: Boolean) {
  importDataset(files: $files, dryRun: $dryRun) {
    dryRun created updated unchanged problems { file line column reason }
  }
}"#;

fn csv(name: &str, content: &str) -> Value {
    json!({ "name": name, "format": "CSV", "content": content })
}

async fn import(app: &TestApp, key: &str, files: Vec<Value>, dry_run: bool) -> Value {
    app.data_as(key, IMPORT, json!({ "files": files, "dryRun": dry_run }))
        .await["importDataset"]
        .clone()
}

const PARKS_HEADER: &str = "slug,name,kind,status,city_slug,operator_slug,area_sqft,opened_year,notes,latitude,longitude,location_url\n";

/// export, import into an empty database, export again: identical files.
#[tokio::test]
async fn export_then_import_into_an_empty_database_then_export_gives_identical_files() {
    let source = TestApp::seeded().await;
    let target = TestApp::spawn().await;
    let key = target.key("admin", None).await;

    let first = parkgraph::dataset::transfer::export(&source.db.conn)
        .await
        .unwrap();
    let files = first.iter().map(|(name, text)| csv(name, text)).collect();
    let report = import(&target, &key, files, false).await;
    let second = parkgraph::dataset::transfer::export(&target.db.conn)
        .await
        .unwrap();

    assert_eq!(report["problems"], json!([]));
    assert_eq!(
        report["created"],
        crate::helpers::shipped_rows(),
        "{report:#}"
    );
    assert_eq!(first, second);
    assert_eq!(
        first["parks.csv"].lines().count() as i64,
        shipped_parks() + 1
    );
}

/// Three bad rows in two files: all three are reported with file, line and
/// column, and nothing at all is written, not even the good rows.
#[tokio::test]
async fn an_import_with_three_bad_rows_reports_all_three_and_writes_nothing() {
    let app = TestApp::seeded().await;
    let key = app.key("admin", None).await;
    let parks = format!(
        "{PARKS_HEADER}good-park,Good,IT_PARK,PLANNED,lahore,,,,,,,\nbad-city,Bad,IT_PARK,PLANNED,atlantis,,,,,,,\nbad-area,Bad,IT_PARK,PLANNED,lahore,,-3,,,,,\n"
    );
    let firms = "slug,name,sector,employees\nfine-firm,Fine,,10\nBad Slug,Bad,,\n";
    let before = parkgraph::dataset::transfer::export(&app.db.conn)
        .await
        .unwrap();

    let report = import(
        &app,
        &key,
        vec![csv("parks.csv", &parks), csv("firms.csv", firms)],
        false,
    )
    .await;

    let mut problems: Vec<(String, i64, String)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_i64().unwrap(),
                p["column"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            ("firms.csv".to_owned(), 3, "slug".to_owned()),
            ("parks.csv".to_owned(), 3, "city_slug".to_owned()),
            ("parks.csv".to_owned(), 4, "area_sqft".to_owned()),
        ],
        "{report:#}"
    );
    assert_eq!(
        parkgraph::dataset::transfer::export(&app.db.conn)
            .await
            .unwrap(),
        before
    );
    assert_eq!(app.count("change").await, 0);
}

/// A dry run counts what would be created, updated and left unchanged, and
/// writes nothing; the real run then does exactly that, logs it, and bumps
/// the updated park's version.
#[tokio::test]
async fn a_dry_run_reports_the_changes_and_the_real_run_makes_them() {
    let app = TestApp::seeded().await;
    let key = app.key("admin", None).await;
    let export = parkgraph::dataset::transfer::export(&app.db.conn)
        .await
        .unwrap();
    let fazal = export["parks.csv"]
        .lines()
        .find(|l| l.starts_with("fazal-stp-islamabad,"))
        .unwrap();
    let changed = fazal.replacen(",40000,", ",45000,", 1);
    let parks =
        format!("{PARKS_HEADER}{changed}\nnew-park,New Park,IT_PARK,PLANNED,lahore,pseb,,,,,,\n");
    let unchanged = export["cities.csv"].clone();
    let files = vec![csv("parks.csv", &parks), csv("cities.csv", &unchanged)];

    let cities = app.count("city").await;
    let dry = import(&app, &key, files.clone(), true).await;
    let parks_after_dry_run = app.count("park").await;
    let real = import(&app, &key, files, false).await;

    assert_eq!(
        (
            dry["dryRun"].clone(),
            dry["created"].clone(),
            dry["updated"].clone(),
            dry["unchanged"].clone()
        ),
        (json!(true), json!(1), json!(1), json!(cities))
    );
    assert_eq!(parks_after_dry_run, shipped_parks());
    assert_eq!(
        (
            real["created"].clone(),
            real["updated"].clone(),
            real["dryRun"].clone()
        ),
        (json!(1), json!(1), json!(false))
    );
    let park = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { areaSqft version } }"#,
            json!({}),
        )
        .await;
    assert_eq!(park["park"], json!({ "areaSqft": 45000, "version": 2 }));
    assert_eq!(app.count("change").await, 2);
}

/// JSON files use the same column names; problems name the object's position.
#[tokio::test]
async fn json_imports_use_the_same_columns_and_report_object_positions() {
    let app = TestApp::seeded().await;
    let key = app.key("admin", None).await;
    let good = json!([{ "slug": "json-firm", "name": "From JSON", "employees": 7 }]).to_string();
    let bad = json!([{ "slug": "ok-firm", "name": "Ok" }, { "slug": "x", "name": "" }]).to_string();
    let file =
        |content: &str| json!({ "name": "firms.json", "format": "JSON", "content": content });

    let created = import(&app, &key, vec![file(&good)], false).await;
    let refused = import(&app, &key, vec![file(&bad)], false).await;

    assert_eq!(created["created"], 1, "{created:#}");
    let firm = app
        .data(r#"{ firm(slug: "json-firm") { employees } }"#, json!({}))
        .await;
    assert_eq!(firm["firm"]["employees"], 7);
    assert_eq!(refused["problems"][0]["file"], "firms.json");
    assert_eq!(refused["problems"][0]["line"], 2, "{refused:#}");
    assert_eq!(refused["problems"][0]["column"], "name");
}

/// Imports need an admin key or an organization's key, which may only touch
/// what that organization owns; a refused import writes nothing.
#[tokio::test]
async fn imports_are_scoped_by_key() {
    let app = TestApp::seeded().await;
    let writer = app.key("write", None).await;
    let pseb = app.key("write", Some("pseb")).await;
    let own = "park_slug,firm_slug,area_sqft,since,until\nfazal-stp-islamabad,arkotech-corporation,900,2025,\n";
    let foreign = "park_slug,firm_slug,area_sqft,since,until\nnstp-nust-islamabad,arkotech-corporation,900,2025,\n";
    let cities = "slug,name,province,district_slug\nhyderabad-2,Hyderabad II,SINDH,\n";

    let anonymous = app
        .gql(IMPORT, json!({ "files": [csv("tenancies.csv", own)] }))
        .await;
    let unbound = app
        .gql_as(
            &writer,
            IMPORT,
            json!({ "files": [csv("tenancies.csv", own)] }),
        )
        .await;
    let outside = app
        .gql_as(
            &pseb,
            IMPORT,
            json!({ "files": [csv("tenancies.csv", foreign)] }),
        )
        .await;
    let city = app
        .gql_as(
            &pseb,
            IMPORT,
            json!({ "files": [csv("cities.csv", cities)] }),
        )
        .await;
    let tenancies = app.count("tenancy").await;
    let inside = import(&app, &pseb, vec![csv("tenancies.csv", own)], false).await;

    assert_eq!(first_code(&anonymous), "UNAUTHENTICATED");
    assert_eq!(first_code(&unbound), "FORBIDDEN");
    assert_eq!(first_code(&outside), "FORBIDDEN", "{outside:#}");
    assert_eq!(first_code(&city), "FORBIDDEN");
    assert_eq!(tenancies, 25, "refused imports wrote nothing");
    assert_eq!(inside["created"], 1, "{inside:#}");
    assert_eq!(app.count("tenancy").await, 26);
}

/// A file named after no table, or with the wrong header, is one problem for
/// the whole file.
#[tokio::test]
async fn unknown_files_and_wrong_headers_are_reported() {
    let app = TestApp::seeded().await;
    let key = app.key("admin", None).await;

    let report = import(
        &app,
        &key,
        vec![
            csv("people.csv", "a,b\n"),
            csv("firms.csv", "slug,name\nx,X\n"),
        ],
        false,
    )
    .await;

    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{report:#}");
    assert!(
        problems
            .iter()
            .any(|p| p["file"] == "people.csv" && p["line"] == 0)
    );
    assert!(
        problems
            .iter()
            .any(|p| p["file"] == "firms.csv" && p["line"] == 1)
    );
}

/// 100,000 rows import in one transaction, and every row is logged.
#[tokio::test]
async fn an_import_of_100000_rows_completes() {
    let app = TestApp::spawn().await;
    let mut firms = String::from("slug,name,sector,employees\n");
    for n in 0..100_000 {
        firms.push_str(&format!("firm-{n},Firm {n},software,{}\n", n % 500));
    }
    let files = vec![parkgraph::dataset::transfer::ImportFile::new(
        "firms.csv".into(),
        parkgraph::dataset::transfer::Format::Csv,
        firms,
    )];

    let report = parkgraph::dataset::transfer::import(
        &app.db,
        None,
        &parkgraph::auth::Actor::cli(),
        files,
        false,
    )
    .await
    .unwrap();

    assert!(report.problems.is_empty(), "{report}");
    assert_eq!(report.created, 100_000);
    assert_eq!(app.count("firm").await, 100_000);
    assert_eq!(app.count("change").await, 100_000);
}
