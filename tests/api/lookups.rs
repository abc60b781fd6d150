use serde_json::json;

use crate::helpers::{TestApp, first_code};

/// An unknown slug is null, not an error.
#[tokio::test]
async fn unknown_slugs_are_null_without_errors() {
    let app = TestApp::seeded().await;

    let body = app
        .gql(
            "{ park(slug: \"nope\") { name } firm(slug: \"nope\") { name }
               project(slug: \"nope\") { name } city(slug: \"nope\") { name }
               organization(slug: \"nope\") { name } }",
            json!({}),
        )
        .await;

    assert!(body.get("errors").is_none(), "{body}");
    for field in ["park", "firm", "project", "city", "organization"] {
        assert!(body["data"][field].is_null(), "{field}: {body}");
    }
}

/// A global ID fetched through `node` returns the same record, and `nodes`
/// keeps order and gives null for ids that do not exist.
#[tokio::test]
async fn node_and_nodes_resolve_global_ids() {
    let app = TestApp::seeded().await;
    let data = app
        .data(
            "{ park(slug: \"islamabad-it-park\") { id } city(slug: \"karachi\") { id } }",
            json!({}),
        )
        .await;
    let park_id = data["park"]["id"].as_str().unwrap().to_owned();
    let city_id = data["city"]["id"].as_str().unwrap().to_owned();
    let missing = parkgraph::graphql::node::global_id("Park", 999_999).0;

    let data = app
        .data(
            "query ($ids: [ID!]!, $one: ID!) {
               node(id: $one) { id ... on Park { slug } }
               nodes(ids: $ids) { __typename ... on Park { slug } ... on City { slug } } }",
            json!({ "one": park_id, "ids": [city_id, missing, park_id] }),
        )
        .await;

    assert_eq!(data["node"]["slug"], "islamabad-it-park");
    assert_eq!(data["node"]["id"], park_id.as_str());
    assert_eq!(data["nodes"][0]["slug"], "karachi");
    assert!(data["nodes"][1].is_null());
    assert_eq!(data["nodes"][2]["slug"], "islamabad-it-park");
}

/// Every record type that says it has global IDs (`Served::NODE`) is found
/// by `node`, as its own type: none is left out of `node::load_typed`.
#[tokio::test]
async fn every_record_type_with_global_ids_is_found_by_node() {
    let app = TestApp::seeded().await;
    let named: Vec<&str> = parkgraph::records::Kind::ALL
        .iter()
        .filter_map(|kind| parkgraph::graphql::loaders::node_name(*kind))
        .collect();

    for name in &named {
        let id = parkgraph::graphql::node::global_id(name, 1).0;
        let data = app
            .data(
                "query ($id: ID!) { node(id: $id) { __typename id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(data["node"]["__typename"], *name, "{data}");
        assert_eq!(data["node"]["id"], id.as_str());
    }
    assert_eq!(
        named,
        [
            "City",
            "Organization",
            "Park",
            "Firm",
            "Project",
            "Indicator"
        ]
    );
}

/// A string that is not a global ID is the client's error.
#[tokio::test]
async fn a_malformed_global_id_is_bad_user_input() {
    let app = TestApp::seeded().await;

    let body = app
        .gql("{ node(id: \"not-an-id\") { id } }", json!({}))
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT");
}

/// Search ranks an exact name first, then prefixes, then other matches.
#[tokio::test]
async fn search_ranks_exact_then_prefix_then_contains() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{ search(text: \"KARACHI\", first: 20) {
                 __typename ... on City { name } ... on Park { name } ... on Project { name } } }",
            json!({}),
        )
        .await;

    let hits = data["search"].as_array().unwrap();
    assert_eq!(hits[0]["__typename"], "City");
    assert_eq!(hits[0]["name"], "Karachi");
    let names: Vec<String> = hits
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.iter().all(|n| n.contains("karachi")), "{names:?}");
    let rank = |n: &str| {
        if n == "karachi" {
            0
        } else if n.starts_with("karachi") {
            1
        } else {
            2
        }
    };
    let ranks: Vec<i32> = names.iter().map(|n| rank(n)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(hits.iter().any(|h| h["__typename"] == "Project"));
}

/// Search text is matched literally: LIKE wildcards in it match nothing extra.
#[tokio::test]
async fn search_treats_wildcards_literally() {
    let app = TestApp::seeded().await;

    let data = app
        .data("{ search(text: \"%\") { __typename } }", json!({}))
        .await;

    assert_eq!(data["search"].as_array().unwrap().len(), 0);
}

/// Every relation in the schema resolves on the shipped data, in both directions.
#[tokio::test]
async fn every_relation_resolves_on_the_shipped_data() {
    let app = TestApp::seeded().await;

    let data = app
        .data(
            "{
              firm(slug: \"techlogix-ltd\") { id name sector employees version updatedAt
                tenancies { status current since until areaSqft park { slug } firm { slug } }
                sources { url asOf quote } }
              organization(slug: \"nust\") { id kind sources { url }
                parksOperated { nodes { slug operator { slug } } }
                projects { role project { slug } organization { slug } } }
              city(slug: \"karachi\") { id province sources { url }
                projects { totalCount nodes { slug city { slug } } aggregate { count sum { costUsd } } } }
              project(slug: \"karachi-it-park\") { park { slug projects { slug } }
                milestones { title due reached sources { url } } }
              indicators(filter: { key: { startsWith: \"stp\" } }) { id key sources { asOf } }
              organizations(first: 3, orderBy: [{ field: NAME, direction: DESC }]) {
                totalCount pageInfo { hasNextPage } edges { cursor node { name } } }
              firms(first: 2, orderBy: [{ field: NAME }]) { aggregate { count } edges { node { slug } } }
            }",
            json!({}),
        )
        .await;

    let tenancy = &data["firm"]["tenancies"][0];
    assert_eq!(tenancy["firm"]["slug"], "techlogix-ltd");
    assert_eq!(tenancy["park"]["slug"], "pseb-stp1-awami-markaz-islamabad");
    assert_eq!(tenancy["status"], "ENDED", "STP-1 burned in 2017");
    assert_eq!(tenancy["current"], false);
    assert!(!data["firm"]["sources"].as_array().unwrap().is_empty());
    let nust = &data["organization"];
    assert_eq!(
        nust["parksOperated"]["nodes"][0]["slug"],
        "nstp-nust-islamabad"
    );
    assert_eq!(
        nust["projects"][0]["project"]["slug"],
        "dik-new-city-technology-park"
    );
    assert_eq!(nust["projects"][0]["organization"]["slug"], "nust");
    assert_eq!(
        data["city"]["projects"]["nodes"][0]["city"]["slug"],
        "karachi"
    );
    assert_eq!(
        data["city"]["projects"]["aggregate"]["sum"]["costUsd"],
        186_658_000.0
    );
    assert_eq!(
        data["project"]["park"]["projects"][0]["slug"],
        "karachi-it-park"
    );
    let milestones = data["project"]["milestones"].as_array().unwrap();
    assert!(
        milestones
            .iter()
            .all(|m| !m["sources"].as_array().unwrap().is_empty())
    );
    assert!(data["indicators"].as_array().unwrap().len() > 3);
    let names: Vec<&str> = data["organizations"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap())
        .collect();
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");
    assert_eq!(data["firms"]["aggregate"]["count"], 25);
}
