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

const GROUP_BYS: [&str; 5] = ["CITY", "PROVINCE", "STATUS", "KIND", "OPERATOR"];

/// Every figure of `parkStats` without a filter (read from the totals the
/// database keeps on write) beside the same counted over the parks (`parks
/// { aggregate groups }` with a filter every park matches: a scan), as
/// `(kept, counted)`.
async fn kept_and_counted(app: &TestApp) -> (Value, Value) {
    let groups: Vec<String> = GROUP_BYS
        .iter()
        .map(|by| format!("{by}: groups(by: {by}) {{ key label count areaSqft tenantCount }}"))
        .collect();
    let groups = groups.join(" ");
    let query = format!(
        "{{ parkStats {{ count totalAreaSqft tenantCount {groups} }}
            parks(filter: {{ slug: {{ ne: \"\" }} }}) {{ aggregate {{ count sum {{ areaSqft }} }} {groups} }}
            unfiltered: parks {{ {groups} }} }}"
    );
    let data = app.data(&query, json!({})).await;
    let (kept, parks) = (&data["parkStats"], &data["parks"]);
    let tenants: i64 = (parks["CITY"].as_array().unwrap().iter())
        .map(|g| g["tenantCount"].as_i64().unwrap())
        .sum();
    let mut counted = json!({
        "count": parks["aggregate"]["count"],
        "totalAreaSqft": parks["aggregate"]["sum"]["areaSqft"],
        "tenantCount": tenants,
    });
    for by in GROUP_BYS {
        counted[by] = parks[by].clone();
        // `parks { groups }` without a filter reads the totals too.
        assert_eq!(data["unfiltered"][by], kept[by], "{by}");
    }
    (kept.clone(), counted)
}

/// `parkStats` without a filter is summed from totals kept by triggers, one
/// row per city, operator or status and kind (Q6 stays flat as parks grow);
/// after parks are created, moved, resized, closed, given tenancies and
/// deleted, every figure and group still equals counting the parks.
#[tokio::test]
async fn park_stats_kept_on_write_equal_counting_the_parks_after_every_write() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let create = "mutation($input: CreateParkInput!) { createPark(input: $input) { version } }";
    let update = "mutation($slug: String!, $input: UpdateParkInput!) {
        updatePark(slug: $slug, version: 1, input: $input) { version } }";
    let park = |slug: &str, operator: Option<&str>, area: Option<i64>| {
        json!({ "input": { "slug": slug, "name": slug, "kind": "TECHNOLOGY_PARK",
            "status": "PLANNED", "citySlug": "lahore", "operatorSlug": operator, "areaSqft": area } })
    };
    let moved = json!({ "slug": "hub-one", "input": {
        "citySlug": "karachi", "status": "OPERATIONAL", "areaSqft": null, "operatorSlug": null } });
    let writes = [
        (create, park("hub-one", Some("pseb"), Some(50_000))),
        (create, park("hub-two", None, None)),
        (update, moved),
        (
            "mutation { addTenancy(parkSlug: \"hub-one\", firmSlug: \"arkotech-corporation\") { version } }",
            json!({}),
        ),
        (
            "mutation { deletePark(slug: \"pseb-stp1-awami-markaz-islamabad\", version: 1, cascade: true) }",
            json!({}),
        ),
        (
            "mutation { deletePark(slug: \"hub-two\", version: 1) }",
            json!({}),
        ),
    ];
    let (kept, counted) = kept_and_counted(&app).await;
    assert_eq!(kept, counted, "as seeded");
    let seeded = kept["count"].as_i64().unwrap();

    for (n, (document, variables)) in writes.into_iter().enumerate() {
        app.data_as(&key, document, variables).await;
        let (kept, counted) = kept_and_counted(&app).await;
        assert_eq!(kept, counted, "after write {n}");
    }
    let (kept, _) = kept_and_counted(&app).await;
    assert_eq!(kept["count"], seeded, "two created, two deleted");
}

/// Without a filter the figures come from the kept totals, not a scan, in
/// `parkStats` and in `parks { groups }`: a total changed in SQL shows in
/// both (the response cache is off: it cannot see SQL written behind the
/// server's back).
#[tokio::test]
async fn park_figures_without_a_filter_read_the_kept_totals() {
    let app = TestApp::configured(crate::helpers::no_response_cache).await;
    let stats = "{ parkStats { count groups(by: KIND) { count } }
                   parks { groups(by: KIND) { count } } }";
    let before = app.data(stats, json!({})).await;

    app.execute("UPDATE park_status_totals SET parks = parks + 1000")
        .await;
    let after = app.data(stats, json!({})).await;

    let rows = app.count("park_status_totals").await;
    let count = |v: &Value| v["count"].as_i64().unwrap();
    let total = count(&after["parkStats"]);
    assert_eq!(total, count(&before["parkStats"]) + 1000 * rows);
    let summed = |groups: &Value| groups.as_array().unwrap().iter().map(count).sum::<i64>();
    assert_eq!(summed(&after["parkStats"]["groups"]), total);
    assert_eq!(summed(&after["parks"]["groups"]), total);
}

/// A city moved to another province takes its parks' figures along in the
/// province totals (written in SQL: no mutation moves a city; the response
/// cache is off, as it cannot see SQL behind the server's back).
#[tokio::test]
async fn a_city_moved_to_another_province_moves_its_parks_totals() {
    let app = TestApp::configured(crate::helpers::no_response_cache).await;
    let (kept, counted) = kept_and_counted(&app).await;
    assert_eq!(kept, counted, "as seeded");

    app.execute("UPDATE city SET province = 'SINDH' WHERE slug = 'islamabad'")
        .await;
    let (kept, counted) = kept_and_counted(&app).await;

    assert_eq!(kept, counted);
    let provinces = kept["PROVINCE"].as_array().unwrap();
    let islamabad = (provinces.iter()).find(|g| g["key"] == "ISLAMABAD_CAPITAL_TERRITORY");
    assert!(islamabad.is_none(), "{provinces:?}");
}
