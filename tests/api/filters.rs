use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::TestApp;

const ALL_PARKS: &str = "{ parks(first: 100) { nodes {
  slug kind status areaSqft openedYear name
  city { province name } operator { kind slug }
  tenants(first: 100) { nodes { name } } } } }";

const FILTERED: &str = "query ($filter: ParkFilter) {
  parks(first: 100, filter: $filter) { totalCount nodes { slug } } }";

/// Every park with the fields the tests compute answers from.
async fn all_parks(app: &TestApp) -> Vec<Value> {
    let data = app.data(ALL_PARKS, json!({})).await;
    data["parks"]["nodes"].as_array().unwrap().clone()
}

/// The slugs the server returns for `filter`, checking totalCount agrees.
async fn filtered(app: &TestApp, filter: Value) -> BTreeSet<String> {
    let data = app.data(FILTERED, json!({ "filter": filter })).await;
    let nodes = data["parks"]["nodes"].as_array().unwrap();
    assert_eq!(
        nodes.len() as i64,
        data["parks"]["totalCount"].as_i64().unwrap()
    );
    nodes
        .iter()
        .map(|n| n["slug"].as_str().unwrap().to_owned())
        .collect()
}

fn slugs_where(parks: &[Value], keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    parks
        .iter()
        .filter(|p| keep(p))
        .map(|p| p["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// `or`, `and` and `not` combine like the boolean expression they spell.
#[tokio::test]
async fn and_or_not_match_a_hand_computed_answer() {
    let app = TestApp::seeded().await;
    let parks = all_parks(&app).await;

    let got = filtered(
        &app,
        json!({
            "or": [
                { "kind": ["IT_PARK"] },
                { "and": [ { "status": ["OPERATIONAL"] }, { "areaSqft": { "gte": 20000 } } ] }
            ],
            "not": { "city": { "province": ["SINDH"] } }
        }),
    )
    .await;

    let expected = slugs_where(&parks, |p| {
        let it_park = p["kind"] == "IT_PARK";
        let big_and_open =
            p["status"] == "OPERATIONAL" && p["areaSqft"].as_i64().is_some_and(|a| a >= 20000);
        (it_park || big_and_open) && p["city"]["province"] != "SINDH"
    });
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(got, expected);
}

/// Scalar operators: case-insensitive `contains`/`startsWith`, `in`, `notIn`,
/// ranges and `isNull`.
#[tokio::test]
async fn scalar_operators_match_a_hand_computed_answer() {
    let app = TestApp::seeded().await;
    let parks = all_parks(&app).await;
    let name = |p: &Value| p["name"].as_str().unwrap().to_lowercase();
    let year = |p: &Value| p["openedYear"].as_i64();

    let cases: Vec<(Value, BTreeSet<String>)> = vec![
        (
            json!({ "name": { "contains": "SOFTWARE technology" } }),
            slugs_where(&parks, |p| name(p).contains("software technology")),
        ),
        (
            json!({ "name": { "startsWith": "it park" } }),
            slugs_where(&parks, |p| name(p).starts_with("it park")),
        ),
        (
            json!({ "slug": { "in": ["karachi-it-park", "islamabad-it-park", "nope"] } }),
            slugs_where(&parks, |p| {
                p["slug"] == "karachi-it-park" || p["slug"] == "islamabad-it-park"
            }),
        ),
        (
            json!({ "openedYear": { "gte": 2019, "lt": 2022 } }),
            slugs_where(&parks, |p| {
                year(p).is_some_and(|y| (2019..2022).contains(&y))
            }),
        ),
        (
            json!({ "openedYear": { "notIn": [2021] } }),
            slugs_where(&parks, |p| year(p).is_some_and(|y| y != 2021)),
        ),
        (
            json!({ "areaSqft": { "isNull": true } }),
            slugs_where(&parks, |p| p["areaSqft"].is_null()),
        ),
        // Values are written into the SQL: the extremes of the range and
        // quotes must still mean what they say.
        (
            json!({ "areaSqft": { "gt": i64::MIN, "lte": i64::MAX } }),
            slugs_where(&parks, |p| !p["areaSqft"].is_null()),
        ),
        (
            json!({ "openedYear": { "in": [i64::MIN, 2021] } }),
            slugs_where(&parks, |p| year(p) == Some(2021)),
        ),
        (
            json!({ "name": { "notIn": ["x' OR '1'='1", "it's"] } }),
            slugs_where(&parks, |_| true),
        ),
    ];
    for (filter, expected) in cases {
        assert!(!expected.is_empty(), "vacuous case {filter}");
        assert_eq!(filtered(&app, filter.clone()).await, expected, "{filter}");
    }
}

/// Relation filters reach through cities, operators and tenants.
#[tokio::test]
async fn relation_filters_match_a_hand_computed_answer() {
    let app = TestApp::seeded().await;
    let parks = all_parks(&app).await;

    let by_operator = filtered(&app, json!({ "operator": { "kind": ["UNIVERSITY"] } })).await;
    assert_eq!(
        by_operator,
        slugs_where(&parks, |p| p["operator"]["kind"] == "UNIVERSITY")
    );
    assert!(!by_operator.is_empty());

    let by_city = filtered(&app, json!({ "city": { "name": { "eq": "Quetta" } } })).await;
    assert_eq!(
        by_city,
        slugs_where(&parks, |p| p["city"]["name"] == "Quetta")
    );
    assert!(by_city.len() >= 2);

    let with_tenant = filtered(
        &app,
        json!({ "hasTenant": { "name": { "contains": "TECH" } } }),
    )
    .await;
    let expected = slugs_where(&parks, |p| {
        p["tenants"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"].as_str().unwrap().to_lowercase().contains("tech"))
    });
    assert!(!expected.is_empty());
    assert_eq!(with_tenant, expected);
}

/// Firms filter by the park they are in; projects by partner and city.
#[tokio::test]
async fn firm_and_project_relation_filters_work() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ inStp1: firms(filter: { inPark: { slug: { eq: \"pseb-stp1-awami-markaz-islamabad\" } } }) { totalCount }
               inKarachi: firms(filter: { inPark: { city: { name: { eq: \"Karachi\" } } } }) { totalCount }
               withNust: projects(filter: { hasPartner: { slug: { eq: \"nust\" } } }) { nodes { slug } }
               inKarachiProjects: projects(filter: { city: { slug: { eq: \"karachi\" } } }) { nodes { slug } }
               notNust: projects(filter: { not: { hasPartner: { slug: { eq: \"nust\" } } } }) { totalCount } }",
            json!({}),
        )
        .await;

    assert_eq!(data["inStp1"]["totalCount"], 18);
    assert_eq!(data["inKarachi"]["totalCount"], 0);
    assert_eq!(
        data["withNust"]["nodes"],
        json!([{ "slug": "dik-new-city-technology-park" }])
    );
    assert_eq!(
        data["inKarachiProjects"]["nodes"],
        json!([{ "slug": "karachi-it-park" }])
    );
    assert_eq!(data["notNust"]["totalCount"], 2);
}

/// The same filter works on a nested list as at the root.
#[tokio::test]
async fn nested_lists_take_the_same_filters() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ city(slug: \"islamabad\") {
                 all: parks { totalCount }
                 open: parks(filter: { status: [OPERATIONAL] }) { totalCount nodes { status } } }
               root: parks(filter: { status: [OPERATIONAL], city: { slug: { eq: \"islamabad\" } } }) { totalCount } }",
            json!({}),
        )
        .await;

    let open = &data["city"]["open"];
    assert_eq!(open["totalCount"], data["root"]["totalCount"]);
    assert!(
        open["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["status"] == "OPERATIONAL")
    );
    assert!(data["city"]["all"]["totalCount"].as_i64() > open["totalCount"].as_i64());
}

/// `not` is the complement of its filter: rows where the filter's field is
/// unknown (no operator, no area) are part of it, and `notIn: []` keeps every
/// known value.
#[tokio::test]
async fn not_returns_exactly_the_rows_its_filter_does_not() {
    let app = TestApp::seeded().await;
    let parks = all_parks(&app).await;

    let cases = vec![
        (
            json!({ "not": { "areaSqft": { "gt": 20000 } } }),
            slugs_where(&parks, |p| {
                p["areaSqft"].as_i64().is_none_or(|a| a <= 20000)
            }),
        ),
        (
            json!({ "not": { "operator": { "kind": ["GOVERNMENT"] } } }),
            slugs_where(&parks, |p| p["operator"]["kind"] != "GOVERNMENT"),
        ),
        (
            json!({ "openedYear": { "notIn": [] } }),
            slugs_where(&parks, |p| !p["openedYear"].is_null()),
        ),
    ];
    for (filter, expected) in cases {
        assert!(
            !expected.is_empty() && expected.len() < 40,
            "vacuous case {filter}"
        );
        assert_eq!(filtered(&app, filter.clone()).await, expected, "{filter}");
    }
    assert!(filtered(&app, json!({ "not": {} })).await.is_empty());
}
