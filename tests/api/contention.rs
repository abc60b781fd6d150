//! Writers sharing one database: two servers (or two replicas), a CLI import
//! beside a serving server. A write waits its turn for the write lock (at
//! most `PARKGRAPH_DB_BUSY_TIMEOUT_MS`); it never fails as INTERNAL because
//! another writer holds it.

use std::process::Command;

use futures::future::join_all;
use serde_json::{Value, json};

use crate::helpers::{PG_ENV, TestApp};

const UPDATE: &str = r#"mutation($version: Int!, $notes: String) {
  updatePark(slug: "fazal-stp-islamabad", version: $version, input: { notes: $notes }) { version }
}"#;

async fn park_version(app: &TestApp) -> i64 {
    let data = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { version notes } }"#,
            json!({}),
        )
        .await;
    data["park"]["version"].as_i64().unwrap()
}

/// The error code of a mutation's answer, or "ok".
fn outcome(body: &Value) -> String {
    match body["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => code.to_owned(),
        None => "ok".to_owned(),
    }
}

/// Forty updates of one park at one version, split over two servers on one
/// database: exactly one wins and every other is a CONFLICT, none INTERNAL.
/// Five rounds, as the race between the two servers' first writers is won
/// differently each time.
#[tokio::test]
async fn concurrent_updates_through_two_servers_give_one_winner_and_conflicts() {
    let first = TestApp::shared().await;
    let second = first.replica().await;
    let key = first.key("write", None).await;

    for round in 0..5 {
        let version = park_version(&first).await;
        let answers = join_all((0..40).map(|i| {
            let (app, key) = (if i % 2 == 0 { &first } else { &second }, &key);
            let variables = json!({ "version": version, "notes": format!("writer {round}.{i}") });
            async move { app.gql_as(key, UPDATE, variables).await }
        }))
        .await;

        let outcomes: Vec<String> = answers.iter().map(outcome).collect();
        let won = outcomes.iter().filter(|o| *o == "ok").count();
        let conflicts = outcomes.iter().filter(|o| *o == "CONFLICT").count();
        assert_eq!((won, conflicts), (1, 39), "round {round}: {outcomes:?}");
        assert_eq!(park_version(&second).await, version + 1);
    }
}

/// A write that waits longer than the busy timeout for another writer's
/// lock fails with SERVICE_UNAVAILABLE and `Retry-After`, writes nothing,
/// and the same write goes through once the lock is free.
#[tokio::test]
async fn a_write_kept_waiting_past_the_busy_timeout_is_unavailable_with_retry_after() {
    let app = TestApp::shared_configured(|c| {
        c.db_busy_timeout = std::time::Duration::from_millis(300);
    })
    .await;
    let key = app.key("write", None).await;
    let version = park_version(&app).await;
    // Another process's writer, holding the write lock.
    let other = parkgraph::store::Db::connect(&app.database_url, 1)
        .await
        .unwrap();
    let holder = other.begin_write().await.unwrap();

    let (status, headers, body) = app
        .post_with(
            json!({ "query": UPDATE, "variables": { "version": version, "notes": "late" } })
                .to_string()
                .into_bytes(),
            &[
                ("content-type", "application/json"),
                ("authorization", &format!("Bearer {key}")),
            ],
        )
        .await;

    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200);
    assert_eq!(outcome(&body), "SERVICE_UNAVAILABLE", "{body:#}");
    assert_eq!(headers["retry-after"], "1");
    holder.rollback().await.unwrap();
    assert_eq!(park_version(&app).await, version, "nothing was written");
    let retried = app
        .gql_as(
            &key,
            UPDATE,
            json!({ "version": version, "notes": "in time" }),
        )
        .await;
    assert_eq!(outcome(&retried), "ok", "{retried:#}");
}

/// `parkgraph import` runs while the server takes writes on the same
/// database: the import lands whole, and every write the server
/// acknowledged is there afterwards.
#[tokio::test]
async fn a_cli_import_beside_a_serving_server_loses_no_write() {
    let app = TestApp::shared().await;
    let key = app.key("write", None).await;
    let dir = std::env::temp_dir().join(format!(
        "parkgraph-contention-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut csv = "slug,name,sector,employees\n".to_owned();
    for i in 0..300 {
        csv.push_str(&format!(
            "imported-firm-{i},Imported Firm {i},software,{i}\n"
        ));
    }
    let file = dir.join("firms.csv");
    std::fs::write(&file, csv).unwrap();

    let url = app.database_url.clone();
    let import = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_parkgraph"))
            .arg("import")
            .arg(&file)
            .env("DATABASE_URL", url)
            .env_remove(PG_ENV)
            .env("RUST_LOG", "error")
            .output()
            .expect("the binary runs")
    });
    let mut acknowledged = Vec::new();
    for i in 0..30 {
        let slug = format!("served-firm-{i}");
        let body = app
            .gql_as(
                &key,
                "mutation($slug: String!) { createFirm(input: { slug: $slug, name: $slug }) { slug } }",
                json!({ "slug": slug }),
            )
            .await;
        assert_eq!(outcome(&body), "ok", "{body:#}");
        acknowledged.push(slug);
    }
    let import = import.await.unwrap();

    assert!(import.status.success(), "{import:?}");
    let count = |prefix: &str| {
        let prefix = prefix.to_owned();
        let app = &app;
        async move {
            let data = app
                .data(
                    "query($p: String!) { firms(filter: { slug: { startsWith: $p } }) { totalCount } }",
                    json!({ "p": prefix }),
                )
                .await;
            data["firms"]["totalCount"].as_i64().unwrap()
        }
    };
    assert_eq!(count("imported-firm-").await, 300);
    assert_eq!(count("served-firm-").await, acknowledged.len() as i64);
    std::fs::remove_dir_all(&dir).ok();
}
