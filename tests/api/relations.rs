//! To-one relations (a park's city and operator, a project's city and park, a
//! partner's organization) are read in the statement that reads their rows.

use std::collections::HashMap;

use entity::{park, project};
use sea_orm::{ActiveValue::Set, DbBackend, EntityTrait};
use serde_json::{Value, json};

use crate::helpers::{TestApp, shipped_parks};

/// `{ child slug: parent slug }` from a parent list with nested child pages,
/// which never joins the parent into the child's statement.
fn owners(data: &Value, list: &str, children: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for parent in data[list]["nodes"].as_array().unwrap() {
        for child in parent[children]["nodes"].as_array().unwrap() {
            let child = child["slug"].as_str().unwrap().to_owned();
            out.insert(child, parent["slug"].as_str().unwrap().to_owned());
        }
    }
    out
}

/// One statement reads a page of parks with their cities and operators, and
/// each park gets its own city and operator (or null), as the reverse
/// relations (`city.parks`, `organization.parksOperated`) say.
#[tokio::test]
async fn a_page_of_parks_reads_their_cities_and_operators_in_one_statement() {
    let app = TestApp::seeded().await;
    park::Entity::insert(park::ActiveModel {
        slug: Set("no-operator-park".to_owned()),
        name: Set("A park with no operator recorded".to_owned()),
        kind: Set("TECHNOLOGY_PARK".to_owned()),
        status: Set("PLANNED".to_owned()),
        city_id: Set(1),
        version: Set(1),
        updated_at: Set("2026-01-01T00:00:00Z".to_owned()),
        ..Default::default()
    })
    .exec(&app.db.conn)
    .await
    .unwrap();
    let truth = app
        .data(
            "{ cities(first: 100) { nodes { slug parks(first: 100) { nodes { slug } } } }
               organizations(first: 100) { nodes { slug parksOperated(first: 100) { nodes { slug } } } } }",
            json!({}),
        )
        .await;
    let cities = owners(&truth, "cities", "parks");
    let operators = owners(&truth, "organizations", "parksOperated");

    let before = app.statements();
    let data = app
        .data(
            "{ parks(first: 100) { nodes { slug city { slug } ...Run }
                                   edges { node { slug operator { slug } } } } }
             fragment Run on Park { operator { slug name } }",
            json!({}),
        )
        .await;
    let statements = app.statements() - before;

    let nodes = data["parks"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len() as i64, shipped_parks() + 1);
    assert_eq!(
        statements, 1,
        "parks, cities and operators in one statement"
    );
    for node in nodes {
        let slug = node["slug"].as_str().unwrap();
        assert_eq!(node["city"]["slug"].as_str(), Some(cities[slug].as_str()));
        assert_eq!(
            node["operator"]["slug"].as_str(),
            operators.get(slug).map(String::as_str),
            "{slug}"
        );
    }
    let orphan = nodes.iter().find(|n| n["slug"] == "no-operator-park");
    assert_eq!(orphan.unwrap()["operator"], Value::Null);
    for edge in data["parks"]["edges"].as_array().unwrap() {
        let slug = edge["node"]["slug"].as_str().unwrap();
        let operator = edge["node"]["operator"]["slug"].as_str();
        assert_eq!(operator, operators.get(slug).map(String::as_str));
    }
}

/// A project with its city, park, partners with their organizations, and
/// milestones costs three statements on SQLite, one per level of nesting,
/// and one on PostgreSQL, where the lists ride in the project's row.
#[tokio::test]
async fn a_project_with_its_relations_costs_one_statement_per_level() {
    let app = TestApp::seeded().await;
    let truth = app
        .data(
            "{ organizations(first: 100) { nodes { slug projects { role project { slug } } } } }",
            json!({}),
        )
        .await;
    let mut roles = Vec::new();
    for org in truth["organizations"]["nodes"].as_array().unwrap() {
        for partner in org["projects"].as_array().unwrap() {
            if partner["project"]["slug"] == "karachi-it-park" {
                roles.push((partner["role"].clone(), org["slug"].clone()));
            }
        }
    }
    roles.sort_by_key(|(role, org)| (org.to_string(), role.to_string()));

    let before = app.statements();
    let data = app
        .data(
            "{ project(slug: \"karachi-it-park\") {
                 city { slug } park { slug city { slug } }
                 partners { role organization { slug } }
                 milestones { title } } }",
            json!({}),
        )
        .await;
    let statements = app.statements() - before;

    let project = &data["project"];
    assert_eq!(project["city"]["slug"], "karachi");
    assert_eq!(project["park"]["slug"], "karachi-it-park");
    assert_eq!(project["park"]["city"]["slug"], "karachi");
    let mut partners: Vec<(Value, Value)> = project["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["role"].clone(), p["organization"]["slug"].clone()))
        .collect();
    partners.sort_by_key(|(role, org)| (org.to_string(), role.to_string()));
    assert!(partners.len() >= 4, "{partners:?}");
    assert_eq!(partners, roles);
    assert!(!project["milestones"].as_array().unwrap().is_empty());
    // project + city + park; partners + organizations; milestones. The park's
    // city is the project's city, already in the request's cache.
    let expected = match app.db.backend() {
        DbBackend::Postgres => 1,
        _ => 3,
    };
    assert_eq!(statements, expected);
}

/// A project looked up by slug answers its lists exactly as the same
/// project reached through a list does, where the lists are read by the
/// loaders: empty lists, nulls, order and the partners' organizations.
#[tokio::test]
async fn a_looked_up_project_lists_what_the_loaders_list() {
    let app = TestApp::seeded().await;
    let fields = "slug progress
        partners { role version organization { slug name kind } }
        milestones { title due reached version updatedAt }
        sources { url asOf quote }";
    // The project; on SQLite its partners, milestones and sources after it.
    let nodes = lookups_answer_as_the_list(&app, "project", "projects", fields, 4).await;
    assert!(nodes.len() >= 3, "{nodes:?}");
    // No partners and no milestones: empty lists, not an error or a null.
    project::Entity::insert(project::ActiveModel {
        slug: Set("bare-project".to_owned()),
        name: Set("A project with nothing recorded yet".to_owned()),
        status: Set("PLANNED".to_owned()),
        city_id: Set(1),
        version: Set(1),
        updated_at: Set("2026-01-01T00:00:00Z".to_owned()),
        ..Default::default()
    })
    .exec(&app.db.conn)
    .await
    .unwrap();
    let bare = app
        .data(
            &format!("{{ project(slug: \"bare-project\") {{ {fields} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(bare["project"]["partners"], json!([]));
    assert_eq!(bare["project"]["milestones"], json!([]));
    assert_eq!(bare["project"]["sources"], json!([]));
    assert_eq!(bare["project"]["progress"], Value::Null);
}

/// Likewise for a park looked up by slug: its projects and sources.
#[tokio::test]
async fn a_looked_up_park_lists_what_the_loaders_list() {
    let app = TestApp::seeded().await;
    let fields =
        "slug city { slug } projects { slug status park { slug } } sources { url asOf quote }";
    // The park with its city; its projects (their parks are cached); its
    // sources.
    let nodes = lookups_answer_as_the_list(&app, "park", "parks", fields, 3).await;
    let with_projects = listing(&nodes, "projects");
    let with_sources = nodes
        .iter()
        .filter(|n| n["sources"].as_array().unwrap().len() > 1)
        .count();
    assert!(with_projects >= 2 && with_sources >= 2, "{nodes:?}");
}

/// Likewise for an organization looked up by slug: its project roles, each
/// with its project, and its sources.
#[tokio::test]
async fn a_looked_up_organization_lists_what_the_loaders_list() {
    let app = TestApp::seeded().await;
    let fields = "slug kind projects { role version project { slug name } organization { slug } }
        sources { url asOf quote }";
    // The organization; its roles with their projects; its sources.
    let nodes = lookups_answer_as_the_list(&app, "organization", "organizations", fields, 3).await;
    let with_projects = listing(&nodes, "projects");
    assert!(with_projects >= 3, "{nodes:?}");
}

/// Likewise for a firm looked up by slug: its tenancies, each with its park,
/// and its sources.
#[tokio::test]
async fn a_looked_up_firm_lists_what_the_loaders_list() {
    let app = TestApp::seeded().await;
    let fields =
        "slug tenancies { park { slug name } firm { slug } areaSqft since until current version }
        sources { url asOf quote }";
    // The firm; its tenancies with their parks; its sources.
    let nodes = lookups_answer_as_the_list(&app, "firm", "firms", fields, 3).await;
    let with_tenancies = listing(&nodes, "tenancies");
    assert!(with_tenancies >= 3, "{nodes:?}");
}

/// How many of `nodes` list something under `field`.
fn listing(nodes: &[Value], field: &str) -> usize {
    let listed = |n: &&Value| !n[field].as_array().unwrap().is_empty();
    nodes.iter().filter(listed).count()
}

/// Looks up every node of `list(first: 100)` through `lookup(slug:)` and
/// asserts that each answers `fields` exactly as the list does (where the
/// loaders read the relations), in one statement on PostgreSQL, where a
/// lookup carries its lists, and in `on_sqlite` statements on SQLite.
/// Returns the nodes.
async fn lookups_answer_as_the_list(
    app: &TestApp,
    lookup: &str,
    list: &str,
    fields: &str,
    on_sqlite: u64,
) -> Vec<Value> {
    let listed = app
        .data(
            &format!("{{ {list}(first: 100) {{ nodes {{ {fields} }} }} }}"),
            json!({}),
        )
        .await;
    let nodes = listed[list]["nodes"].as_array().unwrap().clone();
    let expected = match app.db.backend() {
        DbBackend::Postgres => 1,
        _ => on_sqlite,
    };
    for node in &nodes {
        let slug = node["slug"].as_str().unwrap();
        let before = app.statements();
        let looked_up = app
            .data(
                &format!("query($slug: String!) {{ {lookup}(slug: $slug) {{ {fields} }} }}"),
                json!({ "slug": slug }),
            )
            .await;
        let statements = app.statements() - before;
        assert_eq!(&looked_up[lookup], node, "{slug}");
        assert_eq!(statements, expected, "{slug}");
    }
    nodes
}
