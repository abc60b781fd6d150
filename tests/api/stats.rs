use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::helpers::{TestApp, shipped_parks};

/// Aggregates cover every matching park, not just the page.
#[tokio::test]
async fn park_aggregates_match_a_hand_computed_answer() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ all: parks(first: 100) { nodes { areaSqft openedYear } }
               page: parks(first: 2) { aggregate { count sum { areaSqft } avg { areaSqft }
                                                   min { openedYear } max { areaSqft } } } }",
            json!({}),
        )
        .await;
    let nodes = data["all"]["nodes"].as_array().unwrap();
    let areas: Vec<f64> = nodes
        .iter()
        .filter_map(|n| n["areaSqft"].as_f64())
        .collect();
    let years: Vec<f64> = nodes
        .iter()
        .filter_map(|n| n["openedYear"].as_f64())
        .collect();

    let agg = &data["page"]["aggregate"];

    assert_eq!(agg["count"], shipped_parks());
    let sum: f64 = areas.iter().sum();
    assert_eq!(agg["sum"]["areaSqft"].as_f64().unwrap(), sum);
    assert!((agg["avg"]["areaSqft"].as_f64().unwrap() - sum / areas.len() as f64).abs() < 1e-6);
    assert_eq!(agg["max"]["areaSqft"].as_f64().unwrap(), 1_120_000.0);
    assert_eq!(
        agg["min"]["openedYear"].as_f64().unwrap(),
        years.iter().cloned().fold(f64::INFINITY, f64::min)
    );
}

/// Groups by province add up to the whole, with the right counts and areas.
#[tokio::test]
async fn park_groups_by_province_match_a_hand_computed_answer() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ parks(first: 100) { nodes { areaSqft city { province } tenants(first: 100) { totalCount } } }
               parkStats { count tenantCount groups(by: PROVINCE) { key count areaSqft tenantCount } } }",
            json!({}),
        )
        .await;
    let mut expected: BTreeMap<String, (i64, f64, i64)> = BTreeMap::new();
    for park in data["parks"]["nodes"].as_array().unwrap() {
        let entry = expected
            .entry(park["city"]["province"].as_str().unwrap().to_owned())
            .or_default();
        entry.0 += 1;
        entry.1 += park["areaSqft"].as_f64().unwrap_or(0.0);
        entry.2 += park["tenants"]["totalCount"].as_i64().unwrap();
    }

    let groups = data["parkStats"]["groups"].as_array().unwrap();

    let got: BTreeMap<String, (i64, f64, i64)> = groups
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_owned(),
                (
                    g["count"].as_i64().unwrap(),
                    g["areaSqft"].as_f64().unwrap_or(0.0),
                    g["tenantCount"].as_i64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(data["parkStats"]["count"], shipped_parks());
    assert_eq!(data["parkStats"]["tenantCount"], 25);
}

/// `parkStats`' count, area and tenancies come from one statement, and agree
/// with the parks the same filter lists.
#[tokio::test]
async fn park_stats_figures_are_read_in_one_statement() {
    let app = TestApp::seeded().await;
    let filter = json!({ "areaSqft": { "lte": 100000 } });
    let listed = app
        .data(
            "query($f: ParkFilter) { parks(first: 100, filter: $f) {
               totalCount nodes { areaSqft tenants(first: 100) { totalCount } } } }",
            json!({ "f": filter }),
        )
        .await;
    let nodes = listed["parks"]["nodes"].as_array().unwrap();
    let area: f64 = nodes.iter().filter_map(|n| n["areaSqft"].as_f64()).sum();
    let tenants: i64 = nodes
        .iter()
        .map(|n| n["tenants"]["totalCount"].as_i64().unwrap())
        .sum();
    assert!(
        nodes.len() > 1 && tenants > 0,
        "the filter keeps parks with tenants"
    );

    let before = app.statements();
    let data = app
        .data(
            "query($f: ParkFilter) { parkStats(filter: $f) { count totalAreaSqft tenantCount } }",
            json!({ "f": filter }),
        )
        .await;
    assert_eq!(app.statements() - before, 1);
    let stats = &data["parkStats"];
    assert_eq!(stats["count"], listed["parks"]["totalCount"]);
    assert_eq!(stats["count"].as_u64().unwrap() as usize, nodes.len());
    assert_eq!(stats["totalAreaSqft"].as_f64().unwrap(), area);
    assert_eq!(stats["tenantCount"].as_i64().unwrap(), tenants);

    // Each figure asked alone, aliased or through a fragment, is the same.
    let alone = app
        .data(
            "query($f: ParkFilter) {
               c: parkStats(filter: $f) { n: count }
               a: parkStats(filter: $f) { ...Area }
               t: parkStats(filter: $f) { ... on ParkStats { tenants: tenantCount } } }
             fragment Area on ParkStats { totalAreaSqft }",
            json!({ "f": filter }),
        )
        .await;
    assert_eq!(alone["c"]["n"], stats["count"]);
    assert_eq!(alone["a"]["totalAreaSqft"], stats["totalAreaSqft"]);
    assert_eq!(alone["t"]["tenants"], stats["tenantCount"]);
}

/// Nested aggregates and groups (per city) agree with the root, filtered.
#[tokio::test]
async fn nested_aggregates_match_the_root_filtered_by_parent() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ cities(first: 100) { nodes { slug
                 parks { aggregate { count sum { areaSqft } } groups(by: STATUS) { key count } } } } }",
            json!({}),
        )
        .await;

    for city in data["cities"]["nodes"].as_array().unwrap() {
        let slug = city["slug"].as_str().unwrap();
        let root = app
            .data(
                "query ($slug: String!) { parks(filter: { city: { slug: { eq: $slug } } }) {
                   aggregate { count sum { areaSqft } } groups(by: STATUS) { key count } } }",
                json!({ "slug": slug }),
            )
            .await;
        assert_eq!(
            city["parks"]["aggregate"], root["parks"]["aggregate"],
            "{slug}"
        );
        assert_eq!(city["parks"]["groups"], root["parks"]["groups"], "{slug}");
    }
}

/// Organizations list the parks they operate, with a count.
#[tokio::test]
async fn organizations_list_the_parks_they_operate() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ organization(slug: \"sco\") { kind parksOperated(first: 100) { totalCount nodes { operator { slug } } } } }",
            json!({}),
        )
        .await;

    let parks = &data["organization"]["parksOperated"];
    let nodes: &Vec<Value> = parks["nodes"].as_array().unwrap();
    assert!(nodes.len() >= 7);
    assert_eq!(nodes.len() as i64, parks["totalCount"].as_i64().unwrap());
    assert!(nodes.iter().all(|n| n["operator"]["slug"] == "sco"));
}
