//! Tenancies from sightings: a tenancy is current only when its firm was
//! seen present within the freshness window and nothing ended it; the
//! shipped STP-1 firms (premises destroyed in the 2017 fire) are never
//! current; partners record sightings under the ownership rule.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const STP1: &str = "pseb-stp1-awami-markaz-islamabad";

const TENANTS: &str = r#"query($slug: String!, $status: [TenancyStatus!]) {
  park(slug: $slug) {
    tenants(first: 100, status: $status) {
      totalCount
      edges {
        node { slug }
        tenancy { status current firstSeen lastSeen endedOn observations { kind observedOn sourceUrl } }
      }
    }
  }
}"#;

const RECORD: &str = r#"mutation($input: TenancyObservationInput!) {
  recordTenancyObservation(input: $input) { kind observedOn park { slug } firm { slug } }
}"#;

/// Statuses judged on a fixed day, so the tests do not age.
async fn app() -> TestApp {
    TestApp::configured(|config| {
        config.as_of =
            Some(time::Date::from_calendar_date(2026, time::Month::December, 6).unwrap());
    })
    .await
}

async fn tenants(app: &TestApp, park: &str, status: Value) -> Vec<Value> {
    let vars = json!({ "slug": park, "status": status });
    let data = app.data(TENANTS, vars).await;
    data["park"]["tenants"]["edges"].as_array().unwrap().clone()
}

fn statuses(edges: &[Value]) -> Vec<&str> {
    edges
        .iter()
        .map(|e| e["tenancy"]["status"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn stp1s_firms_ended_with_the_2017_fire_and_none_is_current() {
    let app = app().await;
    let edges = tenants(&app, STP1, Value::Null).await;

    assert_eq!(edges.len(), 18);
    assert!(statuses(&edges).iter().all(|s| *s == "ENDED"), "{edges:#?}");
    for edge in &edges {
        let tenancy = &edge["tenancy"];
        assert_eq!(tenancy["current"], false);
        assert_eq!(tenancy["endedOn"], "2017-09-10");
        let kinds: Vec<&str> = (tenancy["observations"].as_array().unwrap().iter())
            .map(|o| o["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"PREMISES_DESTROYED"), "{edge:#}");
        assert!(kinds.len() >= 2, "seen present, then the fire: {edge:#}");
    }
}

#[tokio::test]
async fn every_shipped_tenancy_has_a_dated_sighting_and_none_is_current() {
    let app = app().await;
    let query = "{ parks(first: 100, filter: { hasTenant: {} }) { nodes { slug } } }";
    let parks = app.data(query, json!({})).await;
    let mut seen = 0;
    for park in parks["parks"]["nodes"].as_array().unwrap() {
        for edge in tenants(&app, park["slug"].as_str().unwrap(), Value::Null).await {
            let tenancy = &edge["tenancy"];
            assert!(
                !tenancy["observations"].as_array().unwrap().is_empty(),
                "{edge:#}"
            );
            assert!(tenancy["lastSeen"].is_string(), "{edge:#}");
            assert_ne!(tenancy["status"], "CURRENT", "{edge:#}");
            seen += 1;
        }
    }
    assert_eq!(seen, 25);
}

/// A park's tenants with every tenancy's sightings: the park, the page of
/// tenants, and one statement for all their sightings, however many.
#[tokio::test]
async fn the_sightings_of_a_page_of_tenants_are_read_in_one_statement() {
    let app = app().await;
    let before = app.statements();
    let edges = tenants(&app, STP1, Value::Null).await;
    let statements = app.statements() - before;

    let sightings: usize = (edges.iter())
        .map(|e| e["tenancy"]["observations"].as_array().unwrap().len())
        .sum();
    assert_eq!(sightings, 54);
    assert!(statements <= 4, "{statements} statements for 18 tenancies");
}

#[tokio::test]
async fn tenants_are_filtered_by_status_in_sql() {
    let app = app().await;
    let etc = "evacuee-trust-complex-stp-islamabad";

    assert_eq!(tenants(&app, STP1, json!(["CURRENT"])).await.len(), 0);
    assert_eq!(tenants(&app, STP1, json!(["ENDED"])).await.len(), 18);
    assert_eq!(tenants(&app, etc, json!(["UNKNOWN"])).await.len(), 3);
    assert_eq!(
        tenants(&app, etc, json!(["CURRENT", "ENDED"])).await.len(),
        0
    );
    assert_eq!(tenants(&app, etc, json!([])).await.len(), 0);
}

#[tokio::test]
async fn a_recorded_sighting_makes_a_tenancy_current_and_a_move_out_ends_it() {
    let app = app().await;
    let key = app.key("write", None).await;
    let park = "ultrasoft-stp-quetta";
    let sighting = |kind: &str, on: &str| {
        json!({ "input": {
            "parkSlug": park, "firmSlug": "ultrasoft-system", "kind": kind, "observedOn": on,
            "sourceUrl": "https://example.org/quetta-visit", "quote": "UltraSoft's call centre at work"
        }})
    };
    assert_eq!(
        statuses(&tenants(&app, park, Value::Null).await),
        ["UNKNOWN"]
    );

    let recorded = app
        .data_as(&key, RECORD, sighting("LISTED_AS_TENANT", "2026-10"))
        .await;
    assert_eq!(
        recorded["recordTenancyObservation"]["firm"]["slug"],
        "ultrasoft-system"
    );
    let edges = tenants(&app, park, json!(["CURRENT"])).await;
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["tenancy"]["lastSeen"], "2026-10");
    assert_eq!(edges[0]["tenancy"]["current"], true);

    app.data_as(&key, RECORD, sighting("MOVED_OUT", "2026-11-30"))
        .await;
    assert_eq!(statuses(&tenants(&app, park, Value::Null).await), ["ENDED"]);

    let delete = r#"mutation { deleteTenancyObservation(parkSlug: "ultrasoft-stp-quetta",
        firmSlug: "ultrasoft-system", kind: MOVED_OUT, observedOn: "2026-11-30",
        sourceUrl: "https://example.org/quetta-visit") }"#;
    app.data_as(&key, delete, json!({})).await;
    assert_eq!(
        statuses(&tenants(&app, park, Value::Null).await),
        ["CURRENT"]
    );
}

#[tokio::test]
async fn a_bad_or_foreign_sighting_is_refused_and_writes_nothing() {
    let app = app().await;
    let admin = app.key("write", None).await;
    let other_org = app.key("write", Some("nust")).await;
    let input = |park: &str, firm: &str, on: &str, url: &str| {
        json!({ "input": {
            "parkSlug": park, "firmSlug": firm, "kind": "MOVED_IN", "observedOn": on, "sourceUrl": url
        }})
    };
    let stp1_firm = "techlogix-ltd";
    let url = "https://example.org/a";
    let before = app.count("tenancy_observation").await;

    let cases = [
        (
            &admin,
            input(STP1, stp1_firm, "2017-13", url),
            "BAD_USER_INPUT",
        ),
        (
            &admin,
            input(STP1, stp1_firm, "2020", "ftp://example.org"),
            "BAD_USER_INPUT",
        ),
        (&admin, input(STP1, "lmkr", "2020", url), "NOT_FOUND"),
        (&other_org, input(STP1, stp1_firm, "2020", url), "FORBIDDEN"),
    ];
    for (key, vars, code) in cases {
        let body = app.gql_as(key, RECORD, vars.clone()).await;
        assert_eq!(first_code(&body), code, "{vars}: {body:#}");
    }
    let again = input(
        STP1,
        stp1_firm,
        "2017-09-10",
        "http://www.app.com.pk/fire-at-islamabad-awami-markaz-extinguished/",
    );
    let mut again = again;
    again["input"]["kind"] = json!("PREMISES_DESTROYED");
    assert_eq!(
        first_code(&app.gql_as(&admin, RECORD, again).await),
        "CONFLICT"
    );
    assert_eq!(app.count("tenancy_observation").await, before);
}

/// Arfa Tower's occupants, seen on 2024-02-14: current within 24 months of
/// that, unknown after.
#[tokio::test]
async fn arfa_towers_occupants_were_current_in_2024_and_are_unknown_now() {
    let then = TestApp::configured(|config| {
        config.as_of = Some(time::Date::from_calendar_date(2024, time::Month::June, 1).unwrap());
    })
    .await;
    let now = app().await;
    let arfa = "arfa-stp-lahore";

    assert_eq!(
        statuses(&tenants(&then, arfa, Value::Null).await),
        ["CURRENT"; 3]
    );
    assert_eq!(
        statuses(&tenants(&now, arfa, Value::Null).await),
        ["UNKNOWN"; 3]
    );
}

/// A partner mirroring the dataset hears of each sighting in the change
/// feed, with its fields by public key.
#[tokio::test]
async fn the_change_feed_carries_each_sighting_for_partners_to_sync() {
    let app = app().await;
    let key = app.key("write", None).await;
    let input = json!({ "input": {
        "parkSlug": "ultrasoft-stp-quetta", "firmSlug": "ultrasoft-system", "kind": "MOVED_IN",
        "observedOn": "2026-10-01", "sourceUrl": "https://example.org/moved-in"
    }});
    app.data_as(&key, RECORD, input).await;

    let query = r#"{ changes(first: 10, filter: { types: ["tenancy_observation"] }) {
        nodes { type operation after } } }"#;
    let feed = app.data(query, json!({})).await;
    let nodes = feed["changes"]["nodes"].as_array().unwrap();

    assert_eq!(nodes.len(), 1, "{feed:#}");
    assert_eq!(nodes[0]["operation"], "CREATE");
    let after: Value = serde_json::from_str(nodes[0]["after"].as_str().unwrap()).unwrap();
    assert_eq!(after["kind"], "MOVED_IN");
    assert_eq!(after["park_slug"], "ultrasoft-stp-quetta");
    assert_eq!(after["firm_slug"], "ultrasoft-system");
}
