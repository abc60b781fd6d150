//! Mutations: creating, updating with versions, validation, idempotent
//! retries, cascading deletes. Every rejected write is checked to have
//! changed nothing.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code, shipped_parks};

pub const UPDATE_PARK: &str = r#"mutation($slug: String!, $version: Int!, $input: UpdateParkInput!, $key: String) {
  updatePark(slug: $slug, version: $version, input: $input, idempotencyKey: $key) {
    slug name areaSqft notes version operator { slug }
  }
}"#;

const CREATE_PARK: &str = r#"mutation($input: CreateParkInput!, $key: String) {
  createPark(input: $input, idempotencyKey: $key) {
    id slug name kind status areaSqft version city { slug } operator { slug } sources { url title }
  }
}"#;

pub async fn park(app: &TestApp, slug: &str) -> Value {
    app.data(
        "query($slug: String!) { park(slug: $slug) { name areaSqft notes version operator { slug } } }",
        json!({ "slug": slug }),
    )
    .await["park"]
        .clone()
}

pub fn rename(slug: &str, version: i64, name: &str) -> Value {
    json!({ "slug": slug, "version": version, "input": { "name": name } })
}

/// createPark stores every field and its sources, and starts at version 1.
#[tokio::test]
async fn a_created_park_can_be_read_back_with_its_sources() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let input = json!({
        "slug": "lahore-tech-hub", "name": "Lahore Tech Hub", "kind": "TECHNOLOGY_PARK",
        "status": "PLANNED", "citySlug": "lahore", "operatorSlug": "pseb", "areaSqft": 50000,
        "sources": [{ "url": "https://example.org/hub", "title": "Announcement", "asOf": "2026-11" }]
    });

    let created = app
        .data_as(&key, CREATE_PARK, json!({ "input": input }))
        .await["createPark"]
        .clone();
    let again = app
        .gql_as(&key, CREATE_PARK, json!({ "input": input }))
        .await;

    assert_eq!(created["version"], 1);
    assert_eq!(created["city"]["slug"], "lahore");
    assert_eq!(created["sources"][0]["title"], "Announcement");
    assert_eq!(park(&app, "lahore-tech-hub").await["areaSqft"], 50000);
    assert_eq!(
        first_code(&again),
        "CONFLICT",
        "a second park with the same slug: {again:#}"
    );
}

/// Left out: unchanged. Null: cleared. Required fields cannot be null.
#[tokio::test]
async fn an_update_tells_left_out_fields_from_fields_set_to_null() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let before = park(&app, "fazal-stp-islamabad").await;

    let updated = app
        .data_as(
            &key,
            UPDATE_PARK,
            json!({ "slug": "fazal-stp-islamabad", "version": 1, "input": { "areaSqft": null, "operatorSlug": null } }),
        )
        .await["updatePark"]
        .clone();
    let null_name = app
        .gql_as(
            &key,
            UPDATE_PARK,
            json!({ "slug": "fazal-stp-islamabad", "version": 2, "input": { "name": null } }),
        )
        .await;

    assert!(updated["areaSqft"].is_null());
    assert!(updated["operator"].is_null());
    assert_eq!(updated["notes"], before["notes"], "left out, so unchanged");
    assert_eq!(updated["name"], before["name"]);
    assert_eq!(updated["version"], 2);
    assert_eq!(first_code(&null_name), "BAD_USER_INPUT");
    assert_eq!(null_name["errors"][0]["extensions"]["field"], "input.name");
}

/// Two partners read version 1; the second to write gets CONFLICT and its
/// change is not applied.
#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;

    app.data_as(&key, UPDATE_PARK, rename("fazal-stp-islamabad", 1, "First"))
        .await;
    let second = app
        .gql_as(
            &key,
            UPDATE_PARK,
            rename("fazal-stp-islamabad", 1, "Second"),
        )
        .await;

    assert_eq!(first_code(&second), "CONFLICT", "{second:#}");
    assert!(
        second["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("version 2")
    );
    let now = park(&app, "fazal-stp-islamabad").await;
    assert_eq!(now["name"], "First");
    assert_eq!(now["version"], 2);
}

/// Bad values come back as BAD_USER_INPUT naming the input field.
#[tokio::test]
async fn validation_errors_name_the_input_field() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let cases = [
        (json!({ "areaSqft": -5 }), "input.areaSqft"),
        (json!({ "openedYear": 1066 }), "input.openedYear"),
        (json!({ "citySlug": "atlantis" }), "input.citySlug"),
        (json!({ "name": "  " }), "input.name"),
        (
            json!({ "sources": [{ "url": "ftp://x" }] }),
            "input.sources[0].url",
        ),
    ];

    for (input, field) in cases {
        let body = app
            .gql_as(
                &key,
                UPDATE_PARK,
                json!({ "slug": "fazal-stp-islamabad", "version": 1, "input": input }),
            )
            .await;
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body:#}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body:#}");
    }
    assert_eq!(park(&app, "fazal-stp-islamabad").await["version"], 1);
    assert_eq!(app.count("change").await, 0);
}

/// The same idempotency key and input returns the first result without a
/// second write; the same key with another input is CONFLICT.
#[tokio::test]
async fn a_retried_mutation_with_an_idempotency_key_writes_once() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let input = json!({ "slug": "retry-park", "name": "Retry", "kind": "IT_PARK", "status": "PLANNED", "citySlug": "karachi" });

    let first = app
        .data_as(&key, CREATE_PARK, json!({ "input": input, "key": "abc-1" }))
        .await;
    let changes = app.count("change").await;
    let retry = app
        .data_as(&key, CREATE_PARK, json!({ "input": input, "key": "abc-1" }))
        .await;
    let mut other = input.clone();
    other["name"] = json!("Different");
    let reused = app
        .gql_as(&key, CREATE_PARK, json!({ "input": other, "key": "abc-1" }))
        .await;

    assert_eq!(retry, first);
    assert_eq!(
        app.count("change").await,
        changes,
        "the retry wrote nothing"
    );
    assert_eq!(app.count("park").await, shipped_parks() + 1);
    assert_eq!(first_code(&reused), "CONFLICT", "{reused:#}");
}

/// Deleting a park with tenancies is CONFLICT; with cascade its tenancies go too.
#[tokio::test]
async fn deleting_a_park_with_tenancies_needs_cascade() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let delete = "mutation($c: Boolean) { deletePark(slug: \"pseb-stp1-awami-markaz-islamabad\", version: 1, cascade: $c) }";
    let tenancies = app.count("tenancy").await;

    let refused = app.gql_as(&key, delete, json!({ "c": false })).await;
    let still = app.count("tenancy").await;
    let deleted = app.data_as(&key, delete, json!({ "c": true })).await;

    assert_eq!(first_code(&refused), "CONFLICT", "{refused:#}");
    assert_eq!(still, tenancies);
    assert_eq!(deleted["deletePark"], true);
    assert_eq!(app.count("tenancy").await, tenancies - 18);
    assert!(
        park(&app, "pseb-stp1-awami-markaz-islamabad")
            .await
            .is_null()
    );
}

/// addTenancy opens one tenancy per firm and park; endTenancy closes it.
#[tokio::test]
async fn a_tenancy_is_opened_once_and_ended_not_before_it_began() {
    // Judged on a fixed day: the tenancy is fresh then, and its end has come.
    let app = TestApp::configured(|config| {
        config.as_of = Some(time::Date::from_calendar_date(2025, time::Month::June, 1).unwrap());
    })
    .await;
    let key = app.key("write", None).await;
    let add = "mutation { addTenancy(parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\", since: \"2024-03\") { since current version park { slug } firm { slug } } }";
    let end = "mutation($until: String!) { endTenancy(parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\", until: $until) { until current version } }";

    let added = app.data_as(&key, add, json!({})).await;
    let twice = app.gql_as(&key, add, json!({})).await;
    let too_early = app.gql_as(&key, end, json!({ "until": "2023" })).await;
    let ended = app
        .data_as(&key, end, json!({ "until": "2025-01-31" }))
        .await;
    let again = app.gql_as(&key, end, json!({ "until": "2025-02" })).await;

    assert_eq!(added["addTenancy"]["current"], true);
    assert_eq!(first_code(&twice), "CONFLICT");
    assert_eq!(first_code(&too_early), "BAD_USER_INPUT");
    assert_eq!(
        ended["endTenancy"],
        json!({ "until": "2025-01-31", "current": false, "version": 2 })
    );
    assert_eq!(first_code(&again), "NOT_FOUND");
}

/// Projects and milestones: create, add, update by version, cascade delete.
#[tokio::test]
async fn a_project_with_milestones_is_written_and_deleted_with_cascade() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let shipped = app.count("milestone").await;
    app.data_as(
        &key,
        "mutation { createProject(input: { slug: \"lahore-hub\", name: \"Lahore Hub\", status: PLANNED, citySlug: \"lahore\", costUsd: 1500000.5, jobsTarget: 900 }) { slug } }",
        json!({}),
    )
    .await;
    app.data_as(
        &key,
        "mutation { addMilestone(input: { projectSlug: \"lahore-hub\", title: \"PC-1 approved\", due: \"2027\" }) { title version } }",
        json!({}),
    )
    .await;
    let updated = app
        .data_as(
            &key,
            "mutation { updateMilestone(projectSlug: \"lahore-hub\", title: \"PC-1 approved\", version: 1, input: { reached: \"2026-11-20\" }) { reached version } }",
            json!({}),
        )
        .await;
    let delete =
        "mutation($c: Boolean) { deleteProject(slug: \"lahore-hub\", version: 1, cascade: $c) }";
    let refused = app.gql_as(&key, delete, json!({ "c": false })).await;
    let deleted = app.data_as(&key, delete, json!({ "c": true })).await;

    assert_eq!(
        updated["updateMilestone"],
        json!({ "reached": "2026-11-20", "version": 2 })
    );
    assert_eq!(first_code(&refused), "CONFLICT");
    assert_eq!(deleted["deleteProject"], true);
    assert_eq!(app.count("milestone").await, shipped);
}

/// Organizations need an admin key; one still operating parks cannot be
/// deleted, a new unused one can.
#[tokio::test]
async fn organizations_are_managed_by_admin_keys() {
    let app = TestApp::seeded().await;
    let writer = app.key("write", None).await;
    let admin = app.key("admin", None).await;
    let create = r#"mutation { createOrganization(input: { slug: "new-board", name: "New Board", kind: GOVERNMENT }) { slug kind version } }"#;

    let by_writer = app.gql_as(&writer, create, json!({})).await;
    let created = app.data_as(&admin, create, json!({})).await;
    let in_use = app
        .gql_as(
            &admin,
            r#"mutation { deleteOrganization(slug: "pseb", version: 1) }"#,
            json!({}),
        )
        .await;
    let renamed = app
        .data_as(
            &admin,
            r#"mutation { updateOrganization(slug: "new-board", version: 1, input: { name: "Newer Board" }) { name version } }"#,
            json!({}),
        )
        .await;
    let deleted = app
        .data_as(
            &admin,
            r#"mutation { deleteOrganization(slug: "new-board", version: 2) }"#,
            json!({}),
        )
        .await;

    assert_eq!(first_code(&by_writer), "FORBIDDEN");
    assert_eq!(
        created["createOrganization"],
        json!({ "slug": "new-board", "kind": "GOVERNMENT", "version": 1 })
    );
    assert_eq!(first_code(&in_use), "CONFLICT", "{in_use:#}");
    assert_eq!(
        renamed["updateOrganization"],
        json!({ "name": "Newer Board", "version": 2 })
    );
    assert_eq!(deleted["deleteOrganization"], true);
    assert_eq!(app.count("organization").await, 42);
}
