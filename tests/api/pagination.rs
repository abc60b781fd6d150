use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code, shipped_parks};

const PAGE: &str =
    "query ($first: Int, $after: String, $last: Int, $before: String, $order: [ParkOrder!]) {
  parks(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { slug areaSqft } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}";

/// Pages forward through every park, checking pageInfo on each page.
async fn forward(app: &TestApp, order: &Value) -> Vec<Value> {
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let data = app
            .data(PAGE, json!({ "first": 7, "after": after, "order": order }))
            .await;
        let conn = &data["parks"];
        let edges = conn["edges"].as_array().unwrap();
        let info = &conn["pageInfo"];
        assert_eq!(info["hasPreviousPage"], after.is_some(), "{info}");
        assert_eq!(info["startCursor"], edges[0]["cursor"]);
        assert_eq!(info["endCursor"], edges[edges.len() - 1]["cursor"]);
        seen.extend(edges.iter().map(|e| e["node"].clone()));
        if info["hasNextPage"] == false {
            assert_eq!(seen.len() as i64, conn["totalCount"].as_i64().unwrap());
            return seen;
        }
        assert_eq!(edges.len(), 7);
        after = info["endCursor"].as_str().map(str::to_owned);
    }
}

/// Pages backward from the end through every park.
async fn backward(app: &TestApp, order: &Value) -> Vec<Value> {
    let mut seen: Vec<Value> = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let data = app
            .data(PAGE, json!({ "last": 7, "before": before, "order": order }))
            .await;
        let conn = &data["parks"];
        let edges = conn["edges"].as_array().unwrap();
        let info = &conn["pageInfo"];
        assert_eq!(info["hasNextPage"], before.is_some(), "{info}");
        let mut page: Vec<Value> = edges.iter().map(|e| e["node"].clone()).collect();
        page.extend(seen);
        seen = page;
        if info["hasPreviousPage"] == false {
            return seen;
        }
        assert_eq!(edges.len(), 7);
        before = info["startCursor"].as_str().map(str::to_owned);
    }
}

async fn walk_both_ways(order: Value) -> Vec<Value> {
    let app = TestApp::seeded().await;
    let ahead = forward(&app, &order).await;
    let back = backward(&app, &order).await;
    assert_eq!(ahead, back, "forward and backward disagree for {order}");
    let mut slugs: Vec<&str> = ahead.iter().map(|p| p["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs.len() as i64, shipped_parks());
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len() as i64, shipped_parks(), "a park was repeated");
    ahead
}

/// Default order (by id): every park exactly once both ways.
#[tokio::test]
async fn paging_forward_and_backward_visits_every_park_once_in_order() {
    walk_both_ways(json!(null)).await;
}

/// Ordering on a nullable field descending: values largest first, unknown last,
/// and cursors still visit every park once.
#[tokio::test]
async fn paging_by_area_descending_keeps_unknown_areas_last() {
    let parks = walk_both_ways(json!([{ "field": "AREA_SQFT", "direction": "DESC" }])).await;

    let areas: Vec<Option<i64>> = parks.iter().map(|p| p["areaSqft"].as_i64()).collect();
    let known: Vec<i64> = areas.iter().map_while(|a| *a).collect();
    assert!(known.len() >= 10, "{areas:?}");
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{areas:?}");
    assert!(
        areas[known.len()..].iter().all(Option::is_none),
        "{areas:?}"
    );
    assert_eq!(known[0], 1_120_000);
}

/// Several keys (name, then tenant count) page consistently too.
#[tokio::test]
async fn paging_with_several_order_keys_visits_every_park_once() {
    walk_both_ways(json!([
        { "field": "TENANT_COUNT", "direction": "DESC" },
        { "field": "NAME" }
    ]))
    .await;
}

/// `first` above the cap, negative `first`, both `first` and `last`, and a
/// forged cursor are each refused with BAD_USER_INPUT.
#[tokio::test]
async fn bad_page_arguments_are_bad_user_input() {
    let app = TestApp::seeded().await;
    for (variables, field) in [
        (json!({ "first": 1000 }), "first"),
        (json!({ "first": -1 }), "first"),
        (json!({ "last": 101 }), "last"),
        (json!({ "first": 2, "last": 2 }), "last"),
        (json!({ "first": 2, "after": "garbage" }), "after"),
        (
            json!({ "last": 2, "before": "eyJvIjoiaWQiLCJ2IjpbIngiXX0" }),
            "before",
        ),
    ] {
        let body = app.gql(PAGE, variables.clone()).await;
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{variables}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
}

/// A cursor made under one order is refused under another instead of skipping rows.
#[tokio::test]
async fn a_cursor_from_another_order_is_refused() {
    let app = TestApp::seeded().await;
    let data = app.data(PAGE, json!({ "first": 2 })).await;
    let cursor = data["parks"]["pageInfo"]["endCursor"].clone();

    let body = app
        .gql(
            PAGE,
            json!({ "first": 2, "after": cursor, "order": [{ "field": "NAME" }] }),
        )
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT");
}

/// Nested lists page the same way: a park's tenants, two at a time, all once.
#[tokio::test]
async fn nested_tenants_page_with_cursors() {
    let app = TestApp::seeded().await;
    const TENANTS: &str = "query ($after: String) {
      park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
        tenants(first: 5, after: $after, orderBy: [{ field: NAME }]) {
          totalCount edges { node { slug name } } pageInfo { hasNextPage endCursor } } } }";
    let mut names = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app.data(TENANTS, json!({ "after": after })).await;
        let conn = &data["park"]["tenants"];
        for edge in conn["edges"].as_array().unwrap() {
            names.push(edge["node"]["name"].as_str().unwrap().to_owned());
        }
        if conn["pageInfo"]["hasNextPage"] == false {
            assert_eq!(names.len() as i64, conn["totalCount"].as_i64().unwrap());
            break;
        }
        after = conn["pageInfo"]["endCursor"].clone();
    }
    assert!(names.len() >= 15, "{names:?}");
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{names:?}");
}

/// At the root, a page that selects `totalCount` reads it in the page's own
/// statement, for every root list; a page with no rows (past the end) still
/// counts every match, and a count alone reads no page.
#[tokio::test]
async fn a_root_page_reads_its_total_count_in_its_own_statement() {
    let app = TestApp::seeded().await;
    for list in ["parks", "firms", "projects", "organizations", "cities"] {
        let whole = format!(
            "{{ {list}(first: 100) {{ totalCount nodes {{ slug }} pageInfo {{ endCursor }} }} }}"
        );
        let data = app.data(&whole, json!({})).await;
        let all = data[list]["nodes"].as_array().unwrap().len() as i64;
        assert!(all > 1, "{list}: {data}");
        assert!(all < 100, "{list} fits one page");
        assert_eq!(data[list]["totalCount"], all, "{list}");

        let before = app.statements();
        let query = format!("{{ {list}(first: 1) {{ totalCount nodes {{ slug }} }} }}");
        let data = app.data(&query, json!({})).await;
        assert_eq!(app.statements() - before, 1, "{list}: page and count");
        assert_eq!(data[list]["totalCount"], all, "{list}");
        assert_eq!(data[list]["nodes"].as_array().unwrap().len(), 1);

        let end = data_end(&app, list).await;
        let before = app.statements();
        let past =
            format!("{{ {list}(first: 5, after: \"{end}\") {{ totalCount edges {{ cursor }} }} }}");
        let data = app.data(&past, json!({})).await;
        assert_eq!(data[list]["edges"], json!([]), "{list}");
        assert_eq!(
            data[list]["totalCount"], all,
            "{list}: counted past the end"
        );
        assert_eq!(
            app.statements() - before,
            2,
            "{list}: empty page, then count"
        );

        let before = app.statements();
        let alone = format!("{{ {list} {{ totalCount }} }}");
        assert_eq!(app.data(&alone, json!({})).await[list]["totalCount"], all);
        assert_eq!(app.statements() - before, 1, "{list}: the count alone");
    }
}

/// The cursor of the last row of `list`.
async fn data_end(app: &TestApp, list: &str) -> String {
    let query = format!("{{ {list}(last: 1) {{ pageInfo {{ endCursor }} }} }}");
    let data = app.data(&query, json!({})).await;
    data[list]["pageInfo"]["endCursor"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Cursors are read only for `edges` and `pageInfo`; asked for through
/// fragments, at the root and nested, they still page on from where a
/// nodes-only page of the same list ends.
#[tokio::test]
async fn cursors_selected_through_fragments_continue_a_nodes_only_page() {
    let app = TestApp::seeded().await;
    let plain = app
        .data(
            "{ parks(first: 6) { nodes { slug } } park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
                 tenants(first: 6) { nodes { slug } } } }",
            json!({}),
        )
        .await;
    let via_fragments = app
        .data(
            "query { parks(first: 3) { nodes { slug } ...Ends }
                     park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
                       tenants(first: 3) { nodes { slug } ... on TenancyConnection { ...TenantEnds } } } }
             fragment Ends on ParkConnection { pageInfo { endCursor } }
             fragment TenantEnds on TenancyConnection { edges { cursor } }",
            json!({}),
        )
        .await;
    let parks_end = via_fragments["parks"]["pageInfo"]["endCursor"].clone();
    let tenant_edges = via_fragments["park"]["tenants"]["edges"]
        .as_array()
        .unwrap();
    let tenants_end = tenant_edges[2]["cursor"].clone();
    assert!(
        parks_end.is_string() && tenants_end.is_string(),
        "{via_fragments}"
    );
    let next = app
        .data(
            "query ($parks: String, $tenants: String) { parks(first: 3, after: $parks) { nodes { slug } }
               park(slug: \"pseb-stp1-awami-markaz-islamabad\") {
                 tenants(first: 3, after: $tenants) { nodes { slug } } } }",
            json!({ "parks": parks_end, "tenants": tenants_end }),
        )
        .await;
    let slugs = |value: &Value| -> Vec<Value> {
        value["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["slug"].clone())
            .collect()
    };
    let mut parks = slugs(&via_fragments["parks"]);
    parks.extend(slugs(&next["parks"]));
    assert_eq!(parks, slugs(&plain["parks"]));
    let mut tenants = slugs(&via_fragments["park"]["tenants"]);
    tenants.extend(slugs(&next["park"]["tenants"]));
    assert_eq!(tenants, slugs(&plain["park"]["tenants"]));
}
