//! Who may write: no key, unknown and revoked keys, read-only keys, and keys
//! bound to an organization. Every refusal is checked to have changed nothing.

use serde_json::json;

use crate::helpers::{TestApp, first_code};
use crate::writes::{UPDATE_PARK, park, rename};

/// No key, an unknown key and a revoked key are UNAUTHENTICATED; nothing changes.
#[tokio::test]
async fn a_mutation_without_a_valid_key_is_unauthenticated_and_writes_nothing() {
    let app = TestApp::seeded().await;
    let before = park(&app, "fazal-stp-islamabad").await;
    let revoked = app.key("write", None).await;
    let name = parkgraph::auth::list(&app.db)
        .await
        .unwrap()
        .pop()
        .unwrap()
        .name;
    parkgraph::auth::revoke(&app.db, &name).await.unwrap();

    let without = app
        .gql(UPDATE_PARK, rename("fazal-stp-islamabad", 1, "X"))
        .await;
    let unknown = app
        .gql_as(
            "pgk_nope",
            UPDATE_PARK,
            rename("fazal-stp-islamabad", 1, "X"),
        )
        .await;
    let after_revoke = app
        .gql_as(&revoked, UPDATE_PARK, rename("fazal-stp-islamabad", 1, "X"))
        .await;

    for body in [&without, &unknown, &after_revoke] {
        assert_eq!(first_code(body), "UNAUTHENTICATED", "{body:#}");
        assert!(body["data"].is_null(), "{body:#}");
    }
    assert!(
        after_revoke["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("revoked")
    );
    assert_eq!(park(&app, "fazal-stp-islamabad").await, before);
    assert_eq!(app.count("change").await, 0);
}

/// A `read` key may not write: FORBIDDEN, nothing changes.
#[tokio::test]
async fn a_read_only_key_is_forbidden_to_write() {
    let app = TestApp::seeded().await;
    let key = app.key("read", None).await;

    let body = app
        .gql_as(&key, UPDATE_PARK, rename("fazal-stp-islamabad", 1, "X"))
        .await;

    assert_eq!(first_code(&body), "FORBIDDEN", "{body:#}");
    assert_ne!(park(&app, "fazal-stp-islamabad").await["name"], "X");
}

/// A key bound to PSEB may change PSEB's parks, but not NUST's, and may not
/// hand its park to another operator.
#[tokio::test]
async fn an_org_key_may_change_only_what_its_organization_operates() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let nust_park = park(&app, "nstp-nust-islamabad").await;

    let own = app
        .data_as(
            &pseb,
            UPDATE_PARK,
            rename("fazal-stp-islamabad", 1, "Fazal STP"),
        )
        .await;
    let other = app
        .gql_as(
            &pseb,
            UPDATE_PARK,
            rename("nstp-nust-islamabad", 1, "Mine now"),
        )
        .await;
    let hand_over = app
        .gql_as(
            &pseb,
            UPDATE_PARK,
            json!({ "slug": "fazal-stp-islamabad", "version": 2, "input": { "operatorSlug": "nust" } }),
        )
        .await;
    let tenancy = app
        .gql_as(
            &pseb,
            "mutation { addTenancy(parkSlug: \"nstp-nust-islamabad\", firmSlug: \"arkotech-corporation\") { since } }",
            json!({}),
        )
        .await;

    assert_eq!(own["updatePark"]["name"], "Fazal STP");
    for body in [&other, &hand_over, &tenancy] {
        assert_eq!(first_code(body), "FORBIDDEN", "{body:#}");
    }
    assert_eq!(park(&app, "nstp-nust-islamabad").await, nust_park);
    assert_eq!(
        park(&app, "fazal-stp-islamabad").await["operator"]["slug"],
        "pseb"
    );
}

/// Org keys may add firms (to rent space) but not change existing ones, nor
/// create projects.
#[tokio::test]
async fn an_org_key_may_add_firms_but_not_change_existing_ones() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;

    let created = app
        .gql_as(&pseb, "mutation { createFirm(input: { slug: \"new-co\", name: \"New Co\", employees: 12 }) { slug employees } }", json!({}))
        .await;
    let update = app
        .gql_as(&pseb, "mutation { updateFirm(slug: \"arkotech-corporation\", version: 1, input: { employees: 1 }) { slug } }", json!({}))
        .await;
    let project = app
        .gql_as(&pseb, "mutation { createProject(input: { slug: \"p\", name: \"P\", status: PLANNED, citySlug: \"lahore\" }) { slug } }", json!({}))
        .await;

    assert_eq!(
        created["data"]["createFirm"]["employees"], 12,
        "{created:#}"
    );
    assert_eq!(first_code(&update), "FORBIDDEN");
    assert_eq!(first_code(&project), "FORBIDDEN");
}
