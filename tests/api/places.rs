//! Places: every city has a point from GeoNames (with the attribution it
//! asks for), a park takes its city's, and parks are found near a point and
//! sorted by distance, keyset pages included, on both backends.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const NEAR: &str = r#"query($near: NearInput, $after: String, $first: Int, $order: [ParkOrder!]) {
  parks(near: $near, first: $first, after: $after, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { slug city { slug } distanceKm(latitude: 33.6844, longitude: 73.0479) }
  }
}"#;

/// Zero Point, Islamabad.
const ISLAMABAD: (f64, f64) = (33.6844, 73.0479);

fn near(within_km: Option<f64>) -> Value {
    json!({ "latitude": ISLAMABAD.0, "longitude": ISLAMABAD.1, "withinKm": within_km })
}

fn by_distance() -> Value {
    json!([{ "field": "DISTANCE" }])
}

async fn parks(app: &TestApp, vars: Value) -> Value {
    app.data(NEAR, vars).await["parks"].clone()
}

#[tokio::test]
async fn every_city_has_a_point_and_the_geonames_credit_is_served() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ cities(first: 100) { totalCount nodes { slug province location { latitude longitude basis geonamesId } } }
               dataLicenses { name license attribution appliesTo } }",
            json!({}),
        )
        .await;

    let cities = data["cities"]["nodes"].as_array().unwrap();
    assert_eq!(
        cities.len() as i64,
        data["cities"]["totalCount"].as_i64().unwrap()
    );
    for city in cities {
        let point = &city["location"];
        let (lat, lng) = (
            point["latitude"].as_f64().unwrap(),
            point["longitude"].as_f64().unwrap(),
        );
        assert!(
            (23.0..=37.5).contains(&lat) && (60.5..=77.5).contains(&lng),
            "{city}"
        );
        assert!(point["geonamesId"].is_i64(), "{city}");
    }
    let hunza = cities
        .iter()
        .find(|c| c["slug"] == "nasirabad-hunza")
        .unwrap();
    assert_eq!(hunza["location"]["basis"], "DISTRICT_SEAT");
    assert!(
        hunza["location"]["latitude"].as_f64().unwrap() > 36.0,
        "in Hunza, not Sindh"
    );
    let geonames = &data["dataLicenses"][0];
    assert_eq!(geonames["name"], "GeoNames");
    assert_eq!(geonames["license"], "CC BY 4.0");
}

#[tokio::test]
async fn parks_near_a_point_come_nearest_first_across_pages() {
    let app = TestApp::seeded().await;
    let all = parks(
        &app,
        json!({ "near": near(Some(30.0)), "first": 100, "order": by_distance() }),
    )
    .await;
    let nodes = all["nodes"].as_array().unwrap();
    let km: Vec<f64> = nodes
        .iter()
        .map(|n| n["distanceKm"].as_f64().unwrap())
        .collect();

    assert!(nodes.len() >= 5, "Islamabad and Rawalpindi parks: {all:#}");
    assert!(km.iter().all(|d| *d <= 30.0), "{km:?}");
    assert!(km.windows(2).all(|w| w[0] <= w[1]), "nearest first: {km:?}");
    let cities: Vec<&str> = nodes
        .iter()
        .map(|n| n["city"]["slug"].as_str().unwrap())
        .collect();
    assert!(
        cities.contains(&"rawalpindi") && cities.contains(&"islamabad"),
        "{cities:?}"
    );
    assert!(!cities.contains(&"lahore"), "{cities:?}");

    let mut paged = Vec::new();
    let mut after = Value::Null;
    loop {
        let vars =
            json!({ "near": near(Some(30.0)), "first": 2, "after": after, "order": by_distance() });
        let page = parks(&app, vars).await;
        paged.extend(
            page["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["slug"].clone()),
        );
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let slugs: Vec<Value> = nodes.iter().map(|n| n["slug"].clone()).collect();
    assert_eq!(paged, slugs);
}

/// A page of parks with their points and cities: the page, the cities
/// (joined), and one statement for all their points.
#[tokio::test]
async fn a_page_of_parks_near_a_point_reads_their_points_in_one_statement() {
    let app = TestApp::seeded().await;
    let before = app.statements();
    let page = parks(
        &app,
        json!({ "near": near(None), "first": 40, "order": by_distance() }),
    )
    .await;
    let statements = app.statements() - before;

    assert_eq!(page["nodes"].as_array().unwrap().len(), 40);
    assert!(
        statements <= 3,
        "{statements} statements for 40 parks and their points"
    );
}

#[tokio::test]
async fn every_park_is_sorted_by_distance_without_a_radius() {
    let app = TestApp::seeded().await;
    let vars = json!({ "near": near(None), "first": 100, "order": [{ "field": "DISTANCE", "direction": "DESC" }] });
    let all = parks(&app, vars).await;
    let km: Vec<f64> = (all["nodes"].as_array().unwrap().iter())
        .map(|n| n["distanceKm"].as_f64().unwrap())
        .collect();

    assert_eq!(km.len() as i64, all["totalCount"].as_i64().unwrap());
    assert!(
        km.windows(2).all(|w| w[0] >= w[1] - 0.5),
        "farthest first: {km:?}"
    );
    assert!(km[0] > 1000.0, "Karachi or Gwadar first: {km:?}");
}

#[tokio::test]
async fn a_bad_point_or_distance_without_one_is_bad_user_input() {
    let app = TestApp::seeded().await;
    let cases = [
        json!({ "near": { "latitude": 95.0, "longitude": 73.0 } }),
        json!({ "near": { "latitude": 33.0, "longitude": 190.0 } }),
        json!({ "near": near(Some(-1.0)) }),
        json!({ "order": by_distance() }),
    ];
    for vars in cases {
        let body = app.gql(NEAR, vars.clone()).await;
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{vars}: {body:#}");
    }
}

#[tokio::test]
async fn mingora_lies_in_the_swat_district_and_says_so_with_its_page() {
    let app = TestApp::seeded().await;
    let query = r#"{ mingora: city(slug: "mingora") { district { slug name }
        sources { url quote } parks { nodes { slug } } }
      swat: city(slug: "swat") { district { slug } } }"#;

    let data = app.data(query, json!({})).await;

    assert_eq!(data["mingora"]["district"]["slug"], "swat");
    assert!(data["swat"]["district"].is_null());
    let sources = data["mingora"]["sources"].as_array().unwrap();
    assert!(
        sources.iter().any(|s| s["quote"]
            .as_str()
            .is_some_and(|q| q.contains("Mingora, Swat"))),
        "{sources:#?}"
    );
    assert_eq!(
        data["mingora"]["parks"]["nodes"][0]["slug"],
        "pseb-stp-mingora-swat"
    );
}

#[tokio::test]
async fn a_city_shows_what_pages_say_about_its_stps_present_or_planned() {
    let app = TestApp::seeded().await;
    let query = r#"{ lahore: city(slug: "lahore") { ...E } bajaur: city(slug: "bajaur") { ...E } }
        fragment E on City { stpEvidence { kind status stpCount asOf quote
          source { publisher publishedOn } } }"#;

    let data = app.data(query, json!({})).await;

    let lahore = data["lahore"]["stpEvidence"].as_array().unwrap();
    let existing = lahore
        .iter()
        .find(|e| e["kind"] == "AMONG_15_EXISTING_PARKS")
        .expect("Lahore among the 15 parks of 2021");
    assert_eq!(existing["stpCount"], 8);
    assert_eq!(existing["status"], "PRESENT");
    assert!(
        existing["quote"]
            .as_str()
            .unwrap()
            .contains("eight in Lahore")
    );
    assert_eq!(existing["source"]["publishedOn"], "2021-07-07");
    let bajaur = data["bajaur"]["stpEvidence"].as_array().unwrap();
    assert!(!bajaur.is_empty());
    assert!(
        bajaur.iter().all(|e| e["status"] == "PLANNED"),
        "{bajaur:#?}"
    );
    assert!(
        bajaur
            .iter()
            .all(|e| e["source"]["publisher"] == "UrduPoint"),
        "{bajaur:#?}"
    );
}
