//! Programmes that run centres (e-Rozgaar), served as records of their own:
//! who runs them, their centres where pages place them, their figures.

use serde_json::{Value, json};

use crate::helpers::TestApp;

const PROGRAMME: &str = r#"query($slug: String!) { programme(slug: $slug) {
    name launchedOn notes operator { slug }
    centres { name city { slug province } host runBy openedOn workstations womenOnly
      sources { url quote document { publishedOn } } }
    figures { key periodKind periodEnd value rank approximation province }
    sources { url quote } } }"#;

async fn programme(app: &TestApp, slug: &str) -> Value {
    app.data(PROGRAMME, json!({ "slug": slug })).await["programme"].clone()
}

#[tokio::test]
async fn the_federal_e_rozgaar_centres_are_run_by_pseb_with_their_targets_and_first_centre() {
    let app = TestApp::seeded().await;

    let federal = programme(&app, "e-rozgaar-pakistan").await;

    assert_eq!(federal["operator"]["slug"], "pseb");
    let figures = federal["figures"].as_array().unwrap();
    let by_2027 = figures
        .iter()
        .find(|f| f["key"] == "e_rozgaar_centres_target" && f["periodKind"] == "TARGET_BY")
        .expect("the 250 centres by 2027");
    assert_eq!(
        (&by_2027["value"], &by_2027["periodEnd"]),
        (&json!(250.0), &json!("2027"))
    );
    let provinces: Vec<&Value> = (figures.iter())
        .filter(|f| {
            f["key"]
                .as_str()
                .unwrap()
                .starts_with("e_rozgaar_centres_planned")
        })
        .map(|f| &f["province"])
        .collect();
    assert_eq!(provinces.len(), 7, "{figures:#?}");
    assert!(provinces.iter().all(|p| p.is_string()));
    let inaugurated = figures
        .iter()
        .find(|f| f["key"] == "e_rozgaar_centres_inaugurated")
        .unwrap();
    assert_eq!(inaugurated["value"], 39.0);
    let centres = federal["centres"].as_array().unwrap();
    assert_eq!(centres.len(), 1, "{centres:#?}");
    let first = &centres[0];
    assert_eq!(first["city"]["slug"], "islamabad");
    assert_eq!(first["workstations"], 100);
    assert_eq!(first["runBy"], "Excel Consulting Services");
    assert_eq!(first["openedOn"], "2024-02-06");
    assert!(federal["notes"].as_str().unwrap().contains("39 centres"));
}

#[tokio::test]
async fn pitbs_e_rozgaar_is_its_own_programme_with_its_centres_in_punjab() {
    let app = TestApp::seeded().await;

    let punjab = programme(&app, "pitb-e-rozgaar").await;

    assert_eq!(punjab["operator"]["slug"], "pitb");
    assert_eq!(punjab["launchedOn"], "2017-03-28");
    let centres = punjab["centres"].as_array().unwrap();
    assert!(centres.len() >= 10, "{centres:#?}");
    for centre in centres {
        assert_eq!(centre["city"]["province"], "PUNJAB", "{centre}");
        let sources = centre["sources"].as_array().unwrap();
        assert!(sources.iter().any(|s| s["quote"].is_string()), "{centre}");
    }
    let first = centres
        .iter()
        .find(|c| c["openedOn"] == "2017-05-19")
        .unwrap();
    assert_eq!(first["city"]["slug"], "gujrat");
    let counts: Vec<f64> = (punjab["figures"].as_array().unwrap().iter())
        .filter(|f| f["key"] == "pitb_e_rozgaar_centres_operating")
        .map(|f| f["value"].as_f64().unwrap())
        .collect();
    assert_eq!(counts, [7.0, 23.0, 25.0, 26.0, 33.0, 45.0]);
}

#[tokio::test]
async fn programmes_are_listed_and_a_centres_city_knows_its_point() {
    let app = TestApp::seeded().await;
    let query = "{ programmes(first: 10, orderBy: [{ field: LAUNCHED_ON }]) { totalCount
        nodes { slug launchedOn centres { city { slug location { latitude } } } } } }";

    let list = app.data(query, json!({})).await;

    assert_eq!(list["programmes"]["totalCount"], 3);
    let nodes = list["programmes"]["nodes"].as_array().unwrap();
    assert_eq!(nodes[0]["slug"], "pitb-e-rozgaar", "launched first");
    assert!(
        nodes[1]["launchedOn"].is_null(),
        "an unknown launch sorts last"
    );
    for node in nodes {
        for centre in node["centres"].as_array().unwrap() {
            assert!(
                centre["city"]["location"]["latitude"].is_number(),
                "{centre}"
            );
        }
    }
}
