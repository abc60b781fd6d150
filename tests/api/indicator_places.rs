//! An indicator's place (province, city or project) is a relation and part
//! of its identity, not a suffix of its key.

use serde_json::{Value, json};

use crate::helpers::TestApp;

const FIELDS: &str = "key period value currency province city { slug } project { slug }";

async fn indicators(app: &TestApp, filter: Value) -> Vec<Value> {
    let query = format!("query($f: IndicatorFilter) {{ indicators(filter: $f) {{ {FIELDS} }} }}");
    let data = app.data(&query, json!({ "f": filter })).await;
    data["indicators"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_figure_about_a_province_or_a_project_names_it_and_not_in_its_key() {
    let app = TestApp::seeded().await;
    let registered = json!({ "key": { "eq": "pseb_registered_it_companies" } });
    let punjab = json!({ "key": { "eq": "pseb_registered_it_companies" }, "province": ["PUNJAB"] });

    let by_province = indicators(&app, registered).await;
    let punjab = indicators(&app, punjab).await;
    let psdp = indicators(&app, json!({ "key": { "eq": "psdp_proposed" } })).await;

    // One key, one row per province; the place is a relation.
    let in_may_2025: Vec<&Value> = (by_province.iter())
        .filter(|r| r["period"] == "2025-05" && r["province"].is_string())
        .collect();
    let national = (by_province.iter())
        .find(|r| r["period"] == "2025-05" && r["province"].is_null())
        .expect("the national count of May 2025");
    let mut provinces: Vec<&str> = (in_may_2025.iter())
        .map(|r| r["province"].as_str().unwrap())
        .collect();
    provinces.sort();
    provinces.dedup();
    assert_eq!(provinces.len(), 7, "{by_province:#?}");
    assert_eq!(in_may_2025.len(), 7);
    // The provinces' counts add up to the national count under the same key.
    let sum: f64 = in_may_2025
        .iter()
        .map(|r| r["value"].as_f64().unwrap())
        .sum();
    assert_eq!(national["value"].as_f64(), Some(sum));
    assert_eq!(punjab.len(), 1, "{punjab:#?}");
    assert_eq!(punjab[0]["value"], 10745.0);
    let projects: Vec<&Value> = psdp.iter().map(|r| &r["project"]["slug"]).collect();
    assert_eq!(
        projects,
        [&json!("islamabad-it-park"), &json!("karachi-it-park")]
    );
    assert!(psdp.iter().all(|r| r["currency"] == "PKR"));
}

#[tokio::test]
async fn an_imported_figure_with_the_same_key_period_and_place_updates_that_figure() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let header = "key,period,value,unit,notes,period_kind,period_start,period_end,fiscal_year,\
                  unit_kind,currency,approximation,rank,rank_reason,province,city_slug,\
                  project_slug,programme_slug";
    let row = "pseb_registered_it_companies,2025-05,10746,companies,,POINT_IN_TIME,,2025-05,,\
               COUNT,,EXACT,NORMAL,,PUNJAB,,,";
    let other_place = row.replace("PUNJAB", "SINDH").replace("10746", "6353");
    let import = r#"mutation($files: [ImportFile!]!) {
      importDataset(files: $files) { created updated problems { column reason } } }"#;
    let file = |rows: &str| {
        json!({ "files": [{ "name": "indicators.csv", "format": "CSV",
            "content": format!("{header}\n{rows}\n") }] })
    };
    let before = app.count("indicator").await;

    let same_place = app.gql_as(&admin, import, file(row)).await;

    // The same key, period and place is the same figure: an update, not a
    // second row; the place keeps two provinces' figures apart.
    assert_eq!(
        same_place["data"]["importDataset"]["updated"], 1,
        "{same_place:#}"
    );
    assert_eq!(app.count("indicator").await, before);
    let both = app
        .gql_as(&admin, import, file(&format!("{row}\n{other_place}")))
        .await;
    assert_eq!(both["data"]["importDataset"]["updated"], 1, "{both:#}");
    assert_eq!(app.count("indicator").await, before);
}

/// Rolled back, the migration writes each place into the key again (so
/// key and period are unique as before); reapplied, it takes it out.
#[tokio::test]
async fn the_place_migration_rolls_back_to_suffixed_keys_and_forward_again() {
    use migration::MigratorTrait;
    let app = TestApp::seeded().await;
    let placed = "key = 'pseb_registered_it_companies' AND province IS NOT NULL";
    let before = app.count_where("indicator", placed).await;

    let back = crate::helpers::migrations_since("m20261207_000019_indicator_places_in_key");
    migration::Migrator::down(&app.db.conn, Some(back))
        .await
        .unwrap();
    let suffixed = app
        .count_where("indicator", "key = 'pseb_registered_it_companies:PUNJAB'")
        .await;
    migration::Migrator::up(&app.db.conn, None).await.unwrap();

    assert_eq!(before, 7);
    assert_eq!(suffixed, 1);
    assert_eq!(app.count_where("indicator", placed).await, before);
    assert_eq!(app.count_where("indicator", "key LIKE '%:PUNJAB'").await, 0);
}
