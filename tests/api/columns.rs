//! Pages of parks and a park's tenants are read with only the columns behind
//! the fields a query selects (`src/parks/columns.rs`,
//! `src/tenancies/row.rs`); the fields must not notice.

use serde_json::{Value, json};

use crate::helpers::TestApp;

const FIRM_FIELDS: &[&str] = &[
    "id",
    "slug",
    "name",
    "sector",
    "employees",
    "version",
    "updatedAt",
    "tenancies { since }",
    "sources { url }",
];
const TENANCY_FIELDS: &[&str] = &[
    "areaSqft",
    "since",
    "until",
    "current",
    "version",
    "updatedAt",
    "park { slug }",
    "firm { slug }",
];

fn query(node: &str, tenancy: &str) -> String {
    format!(
        "{{ parks(first: 100) {{
             nodes {{ tenants(first: 100) {{ nodes {{ {node} }} edges {{ node {{ {node} }} tenancy {{ {tenancy} }} }} }} }} }} }}"
    )
}

/// Every value of `field` (its response key) on the tenants' firms or tenancies.
fn values(data: &Value, field: &str, tenancy: bool) -> Vec<Value> {
    let key = field.split_whitespace().next().unwrap();
    let mut out = Vec::new();
    for park in data["parks"]["nodes"].as_array().unwrap() {
        let tenants = &park["tenants"];
        if !tenancy {
            for node in tenants["nodes"].as_array().unwrap() {
                out.push(node[key].clone());
            }
        }
        for edge in tenants["edges"].as_array().unwrap() {
            let part = if tenancy { "tenancy" } else { "node" };
            out.push(edge[part][key].clone());
        }
    }
    out
}

/// Each firm and tenancy field of `park.tenants`, asked for on its own (so
/// that the statement reads the fewest columns), has the values it has when
/// every field is asked for.
#[tokio::test]
async fn each_tenant_field_read_alone_has_the_value_it_has_beside_all_others() {
    // Every tenant of every park, with each firm's tenancies and sources.
    let app = TestApp::configured(|c| c.limits.max_cost = u64::MAX).await;
    // Every field set on one tenancy and its firm, so that a column left out
    // (read as empty, zero or null) shows.
    app.execute(
        "UPDATE tenancy SET area_sqft = 1234, since = '2020-01', until = '2025-06-30'
         WHERE id = (SELECT MIN(id) FROM tenancy)",
    )
    .await;
    app.execute(
        "UPDATE firm SET sector = 'Fintech', employees = 77
         WHERE id = (SELECT firm_id FROM tenancy WHERE id = (SELECT MIN(id) FROM tenancy))",
    )
    .await;
    let all = app
        .data(
            &query(&FIRM_FIELDS.join(" "), &TENANCY_FIELDS.join(" ")),
            json!({}),
        )
        .await;
    // The reference: `tenancies`, `sources` and `park` are fields the column
    // choice does not know, so this query reads every column.
    let areas = values(&all, "areaSqft", true);
    assert!(
        areas.contains(&json!(1234)),
        "the fixture tenancy is listed"
    );
    assert!(values(&all, "current", true).contains(&json!(false)));
    assert!(values(&all, "since", true).contains(&json!("2020-01")));
    assert!(values(&all, "sector", false).contains(&json!("Fintech")));
    assert!(values(&all, "employees", false).contains(&json!(77)));

    for field in FIRM_FIELDS {
        let alone = app.data(&query(field, "__typename"), json!({})).await;
        assert_eq!(
            values(&alone, field, false),
            values(&all, field, false),
            "{field}"
        );
    }
    for field in TENANCY_FIELDS {
        let alone = app.data(&query("__typename", field), json!({})).await;
        assert_eq!(
            values(&alone, field, true),
            values(&all, field, true),
            "{field}"
        );
    }
}

const PARK_FIELDS: &[&str] = &[
    "id",
    "slug",
    "name",
    "kind",
    "status",
    "city { slug }",
    "operator { slug }",
    "areaSqft",
    "openedYear",
    "notes",
    "version",
    "updatedAt",
    "tenants(first: 2) { totalCount nodes { slug } }",
    "projects { slug }",
    "sources { url }",
];

/// Every value of `field` on the parks' nodes and edges, at the root and
/// under each city.
fn park_values(data: &Value, field: &str) -> Vec<Value> {
    let key = field.split(['(', ' ']).next().unwrap();
    let mut out = Vec::new();
    let mut lists = vec![&data["parks"]];
    for city in data["cities"]["nodes"].as_array().unwrap() {
        lists.push(&city["parks"]);
    }
    for list in lists {
        for node in list["nodes"].as_array().unwrap() {
            out.push(node[key].clone());
        }
        for edge in list["edges"].as_array().unwrap() {
            out.push(edge["node"][key].clone());
        }
    }
    out
}

fn park_query(fields: &str) -> String {
    format!(
        "{{ parks(first: 100) {{ nodes {{ {fields} }} edges {{ node {{ {fields} }} }} }}
           cities(first: 100) {{ nodes {{ parks(first: 100) {{ nodes {{ {fields} }} edges {{ node {{ {fields} }} }} }} }} }} }}"
    )
}

/// Each field of a park, asked for on its own in a page of parks (at the root
/// and under a city), has the values it has when every field is asked for.
#[tokio::test]
async fn each_park_field_read_alone_has_the_value_it_has_beside_all_others() {
    let app = TestApp::configured(|c| c.limits.max_cost = u64::MAX).await;
    // Every column set on one park, so that a column left out shows.
    app.execute(
        "UPDATE park SET notes = 'A note', opened_year = 2011, area_sqft = 4321,
           operator_id = (SELECT MIN(id) FROM organization)
         WHERE id = (SELECT MIN(id) FROM park)",
    )
    .await;
    let all = app
        .data(&park_query(&PARK_FIELDS.join(" ")), json!({}))
        .await;
    // The reference reads every column: `projects` and `sources` are fields
    // the column choice does not know.
    assert!(park_values(&all, "notes").contains(&json!("A note")));
    assert!(park_values(&all, "openedYear").contains(&json!(2011)));
    assert!(park_values(&all, "areaSqft").contains(&json!(4321)));
    assert!(park_values(&all, "operator").iter().any(|o| !o.is_null()));

    for field in PARK_FIELDS {
        let alone = app.data(&park_query(field), json!({})).await;
        assert_eq!(
            park_values(&alone, field),
            park_values(&all, field),
            "{field}"
        );
    }
}
