//! A park's own point: its operator gives it with the page it comes from,
//! `location` shows it (basis `SITE`), `parks(near:)` measures from it, and
//! cleared, the park takes its city's point again.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const SKARDU: &str = "sco-stp-skardu";
/// A point about 1.3 km west of Skardu's GeoNames point (35.29787, 75.63372).
const SITE: (f64, f64) = (35.2979, 75.6195);
const PAGE: &str = "https://example.org/skardu-stp-site";

const UPDATE: &str = r#"mutation($slug: String!, $version: Int!, $input: UpdateParkInput!) {
  updatePark(slug: $slug, version: $version, input: $input) {
    version locationSourceUrl location { latitude longitude basis geonamesId } } }"#;

const NEAR: &str = r#"query($near: NearInput!) {
  parks(near: $near, first: 50) { nodes { slug } } }"#;

async fn version(app: &TestApp, slug: &str) -> i64 {
    let data = app
        .data(
            "query($s: String!) { park(slug: $s) { version } }",
            json!({ "s": slug }),
        )
        .await;
    data["park"]["version"].as_i64().unwrap()
}

fn at((latitude, longitude): (f64, f64)) -> Value {
    json!({ "location": { "latitude": latitude, "longitude": longitude, "sourceUrl": PAGE } })
}

async fn near(app: &TestApp, (latitude, longitude): (f64, f64), km: f64) -> Vec<String> {
    let near = json!({ "near": { "latitude": latitude, "longitude": longitude, "withinKm": km } });
    let data = app.data(NEAR, near).await;
    (data["parks"]["nodes"].as_array().unwrap().iter())
        .map(|n| n["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_operator_gives_its_park_its_own_point_and_near_measures_from_it() {
    let app = TestApp::seeded().await;
    let sco = app.key("write", Some("sco")).await;
    let pseb = app.key("write", Some("pseb")).await;
    let v = version(&app, SKARDU).await;
    let vars = |input: Value, v: i64| json!({ "slug": SKARDU, "version": v, "input": input });

    let foreign = app.gql_as(&pseb, UPDATE, vars(at(SITE), v)).await;
    let set = app.data_as(&sco, UPDATE, vars(at(SITE), v)).await;
    let from_site = near(&app, SITE, 0.5).await;
    let from_city = near(&app, (35.29787, 75.63372), 0.5).await;
    let page = app
        .data(
            "query($u: String!) { sourceDocument(url: $u) { kind } }",
            json!({ "u": PAGE }),
        )
        .await;

    assert_eq!(first_code(&foreign), "FORBIDDEN", "{foreign:#}");
    let park = &set["updatePark"];
    assert_eq!(park["location"]["basis"], "SITE");
    assert_eq!(park["location"]["latitude"], SITE.0);
    assert_eq!(park["location"]["geonamesId"], Value::Null);
    assert_eq!(park["locationSourceUrl"], PAGE);
    assert!(from_site.contains(&SKARDU.to_owned()), "{from_site:?}");
    assert!(!from_city.contains(&SKARDU.to_owned()), "{from_city:?}");
    assert!(
        page["sourceDocument"].is_object(),
        "the page is known: {page:#}"
    );

    let cleared = app
        .data_as(&sco, UPDATE, vars(json!({ "location": null }), v + 1))
        .await;
    let park = &cleared["updatePark"];
    assert_eq!(park["location"]["basis"], "TOWN");
    assert_eq!(park["locationSourceUrl"], Value::Null);
}

#[tokio::test]
async fn an_imported_point_without_its_page_is_refused_and_writes_nothing() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let header = "slug,name,kind,status,city_slug,operator_slug,area_sqft,opened_year,notes,\
                  latitude,longitude,location_url";
    let content = format!("{header}\nnew-park,New Park,IT_PARK,PLANNED,lahore,,,,,31.5,74.3,\n");
    let import = r#"mutation($files: [ImportFile!]!) {
      importDataset(files: $files) { created problems { column reason } } }"#;
    let file = json!({ "name": "parks.csv", "format": "CSV", "content": content });
    let before = app.count("park").await;

    let report = app
        .data_as(&admin, import, json!({ "files": [file] }))
        .await;

    let problems = &report["importDataset"]["problems"];
    assert_eq!(problems[0]["column"], "latitude", "{problems:#}");
    let reason = problems[0]["reason"].as_str().unwrap();
    assert!(reason.contains("location_url"), "{reason}");
    assert_eq!(app.count("park").await, before);
}
