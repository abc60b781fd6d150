//! The synthetic dataset: the same at the same scale, never mixed into real
//! data, and loaded in bulk without leaving the schema changed.

use parkgraph::dataset::seed;
use serde_json::json;

use crate::helpers::{TestApp, shipped_parks};

const FINGERPRINT: &str = "{ parks(first: 5, orderBy: [{ field: AREA_SQFT, direction: DESC }]) {
    totalCount nodes { slug areaSqft city { slug } operator { slug } tenants(first: 2) { totalCount } }
    aggregate { sum { areaSqft } } }
  firms { totalCount aggregate { sum { employees } } }
  projects { totalCount aggregate { sum { costUsd } } }
  parkStats { tenantCount } }";

/// The synthetic dataset is the same for the same scale, scales its counts,
/// and is never mixed into a database that already holds data.
#[tokio::test]
async fn the_synthetic_dataset_is_deterministic_and_never_mixed() {
    let first = TestApp::spawn().await;
    let second = TestApp::spawn().await;

    seed::seed_synthetic(&first.db, 0.01).await.unwrap();
    seed::seed_synthetic(&second.db, 0.01).await.unwrap();

    let a = first.data(FINGERPRINT, json!({})).await;
    let b = second.data(FINGERPRINT, json!({})).await;
    assert_eq!(a, b);
    assert_eq!(a["parks"]["totalCount"], 20);
    assert_eq!(a["firms"]["totalCount"], 1000);
    assert_eq!(a["projects"]["totalCount"], 5);
    assert_eq!(a["parkStats"]["tenantCount"], 3000);
    let real = TestApp::seeded().await;
    let outcome = seed::seed_synthetic(&real.db, 0.01).await.unwrap();
    assert_eq!(outcome, seed::Outcome::AlreadySeeded);
    let data = real.data("{ parks { totalCount } }", json!({})).await;
    assert_eq!(data["parks"]["totalCount"], shipped_parks());
}

/// A bulk seed on PostgreSQL drops the records' secondary indexes and
/// foreign keys for the load and makes them again in the same transaction:
/// afterwards the schema is the one the migrations made, and a key still
/// refuses a tenancy of a firm that does not exist.
#[tokio::test]
async fn a_bulk_seed_leaves_every_index_and_key_as_the_migrations_made_them() {
    let app = TestApp::spawn().await;
    let before = schema_of(&app).await;
    assert!(
        before
            .iter()
            .any(|d| d.contains("ix_tenancy_park_id_firm_id")),
        "{before:?}"
    );

    let outcome = seed::seed_synthetic(&app.db, 0.03).await.unwrap();

    assert!(
        matches!(outcome, seed::Outcome::Loaded(n) if n >= 10_000),
        "{outcome:?}"
    );
    let after = schema_of(&app).await;
    let gone: Vec<_> = before.iter().filter(|d| !after.contains(d)).collect();
    let new: Vec<_> = after.iter().filter(|d| !before.contains(d)).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "gone: {gone:?}\nnew: {new:?}"
    );
    let dangling = "INSERT INTO tenancy (park_id, firm_id, version, updated_at) \
                    VALUES (1, 999999999, 1, '2026-01-01')";
    let refused = sea_orm::ConnectionTrait::execute_unprepared(&app.db.conn, dangling).await;
    assert!(refused.is_err(), "a tenancy of no firm was stored");
}

/// Every index and constraint of the database (on SQLite every table, index
/// and trigger but the planner's statistics), as the database prints them.
async fn schema_of(app: &TestApp) -> Vec<String> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let sql = match app.db.backend() {
        DbBackend::Postgres => {
            "SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i \
               JOIN pg_class t ON t.oid = i.indrelid \
               WHERE t.relnamespace = current_schema()::regnamespace \
             UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || \
               pg_get_constraintdef(oid) FROM pg_constraint \
               WHERE connamespace = current_schema()::regnamespace \
             ORDER BY 1"
        }
        _ => {
            "SELECT sql AS def FROM sqlite_master \
             WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY name"
        }
    };
    let rows = app
        .db
        .conn
        .query_all_raw(Statement::from_string(app.db.backend(), sql))
        .await
        .unwrap();
    rows.iter().map(|r| r.try_get("", "def").unwrap()).collect()
}
