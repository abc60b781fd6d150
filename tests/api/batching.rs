use entity::{firm, organization, park, project, project_partner, tenancy};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;

use crate::helpers::TestApp;

const PARKS: i32 = 60;
const TENANTS_PER_PARK: i32 = 10;

/// 60 parks in Lahore run by one organization, each with ten tenants and one
/// project with two partners that are not the operator (so per-request caching
/// cannot make a larger page cheaper than a smaller one).
async fn fixtures(app: &TestApp) {
    let conn = &app.db.conn;
    let now = || Set("2026-01-01T00:00:00Z".to_owned());
    let city = app
        .data("{ city(slug: \"lahore\") { id } }", json!({}))
        .await;
    let (_, city_id) =
        parkgraph::graphql::node::parse_global_id(city["city"]["id"].as_str().unwrap()).unwrap();
    let orgs: Vec<organization::ActiveModel> = ["operator", "partner-a", "partner-b"]
        .iter()
        .map(|slug| organization::ActiveModel {
            slug: Set(format!("fixture-{slug}")),
            name: Set(format!("Fixture {slug}")),
            kind: Set("OTHER".to_owned()),
            version: Set(1),
            updated_at: now(),
            ..Default::default()
        })
        .collect();
    organization::Entity::insert_many(orgs)
        .exec_without_returning(conn)
        .await
        .unwrap();
    let org_id = |slug: &str| {
        let slug = format!("fixture-{slug}");
        async move {
            use sea_orm::{ColumnTrait, QueryFilter};
            organization::Entity::find()
                .filter(organization::Column::Slug.eq(slug))
                .one(&app.db.conn)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    let (operator, partner_a, partner_b) = (
        org_id("operator").await,
        org_id("partner-a").await,
        org_id("partner-b").await,
    );

    let firms: Vec<firm::ActiveModel> = (0..TENANTS_PER_PARK * 3)
        .map(|i| firm::ActiveModel {
            slug: Set(format!("fixture-firm-{i}")),
            name: Set(format!("Fixture Firm {i:03}")),
            employees: Set(Some(i)),
            version: Set(1),
            updated_at: now(),
            ..Default::default()
        })
        .collect();
    firm::Entity::insert_many(firms)
        .exec_without_returning(conn)
        .await
        .unwrap();
    let firm_ids: Vec<i32> = {
        use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
        firm::Entity::find()
            .filter(firm::Column::Slug.starts_with("fixture-firm-"))
            .order_by_asc(firm::Column::Id)
            .all(conn)
            .await
            .unwrap()
            .into_iter()
            .map(|f| f.id)
            .collect()
    };

    for n in 0..PARKS {
        let park_id = park::Entity::insert(park::ActiveModel {
            slug: Set(format!("fixture-park-{n:02}")),
            name: Set(format!("Fixture Park {n:02}")),
            kind: Set("SOFTWARE_TECHNOLOGY_PARK".to_owned()),
            status: Set("OPERATIONAL".to_owned()),
            city_id: Set(city_id),
            operator_id: Set(Some(operator)),
            area_sqft: Set(Some(1000 * n as i64)),
            version: Set(1),
            updated_at: now(),
            ..Default::default()
        })
        .exec(conn)
        .await
        .unwrap()
        .last_insert_id;
        let tenancies: Vec<tenancy::ActiveModel> = (0..TENANTS_PER_PARK)
            .map(|t| tenancy::ActiveModel {
                park_id: Set(park_id),
                firm_id: Set(firm_ids[((n + t) % (TENANTS_PER_PARK * 3)) as usize]),
                since: Set(Some(format!("{}", 2000 + t))),
                version: Set(1),
                updated_at: now(),
                ..Default::default()
            })
            .collect();
        tenancy::Entity::insert_many(tenancies)
            .exec_without_returning(conn)
            .await
            .unwrap();
        let project_id = project::Entity::insert(project::ActiveModel {
            slug: Set(format!("fixture-project-{n:02}")),
            name: Set(format!("Fixture Project {n:02}")),
            status: Set("PLANNED".to_owned()),
            city_id: Set(city_id),
            park_id: Set(Some(park_id)),
            version: Set(1),
            updated_at: now(),
            ..Default::default()
        })
        .exec(conn)
        .await
        .unwrap()
        .last_insert_id;
        let partners = [(partner_a, "financier"), (partner_b, "developer")].map(|(org, role)| {
            project_partner::ActiveModel {
                project_id: Set(project_id),
                organization_id: Set(org),
                role: Set(role.to_owned()),
                version: Set(1),
                updated_at: now(),
                ..Default::default()
            }
        });
        project_partner::Entity::insert_many(partners)
            .exec_without_returning(conn)
            .await
            .unwrap();
    }
}

const DEEP: &str = "query ($n: Int!) {
  parks(first: $n, filter: { slug: { startsWith: \"fixture-\" } }) {
    nodes {
      city { name }
      operator { name }
      tenants(first: 20) { edges { tenancy { since } node { name } } }
      projects { partners { organization { name } } }
    }
  }
}";

/// Statements for a request depend on the query's shape, not on how many rows
/// come back: 5 parks and 50 parks cost the same, one statement per level.
#[tokio::test]
async fn nested_queries_run_the_same_statements_for_5_and_50_parks() {
    let app = TestApp::seeded().await;
    fixtures(&app).await;

    let before = app.statements();
    let small = app.data(DEEP, json!({ "n": 5 })).await;
    let for_5 = app.statements() - before;
    let before = app.statements();
    let large = app.data(DEEP, json!({ "n": 50 })).await;
    let for_50 = app.statements() - before;

    assert_eq!(small["parks"]["nodes"].as_array().unwrap().len(), 5);
    let nodes = large["parks"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 50);
    for node in nodes {
        assert_eq!(
            node["tenants"]["edges"].as_array().unwrap().len(),
            TENANTS_PER_PARK as usize
        );
        assert_eq!(node["projects"][0]["partners"].as_array().unwrap().len(), 2);
        assert_eq!(node["operator"]["name"], "Fixture operator");
    }
    // Parks with their cities and operators; tenants; projects; partners
    // with their organizations.
    assert_eq!(for_5, for_50, "statement count grew with the page");
    assert_eq!(for_50, 4, "one statement per level of nesting");
    println!("statements per request (5 or 50 parks): {for_50}");
}

/// A nested `tenants(first: 2)` reads at most 3 tenancy rows per park (the page
/// plus one to learn whether more exist), never every tenancy of the parks.
#[tokio::test]
async fn nested_pages_read_rows_bounded_by_the_page() {
    let app = TestApp::seeded().await;
    fixtures(&app).await;

    let before = app.db.stats.page_rows();
    let data = app
        .data(
            "{ parks(first: 50, filter: { slug: { startsWith: \"fixture-\" } }) {
                 nodes { tenants(first: 2) { edges { node { name } } pageInfo { hasNextPage } } } } }",
            json!({}),
        )
        .await;
    let rows = app.db.stats.page_rows() - before;

    let nodes = data["parks"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 50);
    assert!(
        nodes
            .iter()
            .all(|n| n["tenants"]["pageInfo"]["hasNextPage"] == true)
    );
    let parks_page = 51;
    assert!(rows <= parks_page + 50 * 3, "read {rows} rows");
    assert!(rows < (50 * TENANTS_PER_PARK) as u64, "read {rows} rows");
}

/// Sibling connections with different arguments are batched separately and
/// each gets its own answer.
#[tokio::test]
async fn sibling_connections_with_different_arguments_get_their_own_pages() {
    let app = TestApp::seeded().await;
    fixtures(&app).await;

    let data = app
        .data(
            "{ parks(first: 3, filter: { slug: { startsWith: \"fixture-\" } }) { nodes {
                 two: tenants(first: 2) { edges { node { slug } } }
                 four: tenants(first: 4, orderBy: [{ field: EMPLOYEES, direction: DESC }]) { edges { node { employees } } }
               } } }",
            json!({}),
        )
        .await;

    for node in data["parks"]["nodes"].as_array().unwrap() {
        assert_eq!(node["two"]["edges"].as_array().unwrap().len(), 2);
        let employees: Vec<i64> = node["four"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["employees"].as_i64().unwrap())
            .collect();
        assert_eq!(employees.len(), 4);
        assert!(employees.windows(2).all(|w| w[0] >= w[1]), "{employees:?}");
    }
}

/// On the multi-threaded runtime the server runs on in production, a wide
/// nested query (100 parks, each with a tenants page) completes promptly with
/// one statement per level, every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wide_nested_queries_batch_per_level_on_a_multi_threaded_runtime() {
    // Each of the five runs must read: the same query again would be a hit.
    let app = TestApp::configured(crate::helpers::no_response_cache).await;
    fixtures(&app).await;
    const WIDE: &str = "{ parks(first: 100) { nodes {
        tenants { edges { node { name } } pageInfo { hasNextPage } } } } }";

    for _ in 0..5 {
        let before = app.statements();
        let data = tokio::time::timeout(
            std::time::Duration::from_secs(30),
            app.data(WIDE, json!({})),
        )
        .await
        .expect("the request completes");
        let statements = app.statements() - before;

        assert_eq!(data["parks"]["nodes"].as_array().unwrap().len(), 100);
        assert_eq!(statements, 2, "parks, then every park's tenants page");
    }
}
