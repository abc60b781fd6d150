//! The change feed: every write logged, paged by cursor without gaps or
//! repeats, and pushed live over WebSocket, across replicas too.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};
use crate::sockets::Subscriber;

const RENAME: &str = r#"mutation($name: String!) {
  updatePark(slug: "fazal-stp-islamabad", version: 0, input: { name: $name }) { version }
}"#;

/// Renames the Fazal park to `name` at whatever version it is.
pub async fn rename(app: &TestApp, key: &str, name: &str) {
    let version = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { version } }"#,
            json!({}),
        )
        .await["park"]["version"]
        .as_i64()
        .unwrap();
    let query = RENAME.replace("version: 0", &format!("version: {version}"));
    app.data_as(key, &query, json!({ "name": name })).await;
}

const FEED: &str = r#"query($after: String, $first: Int, $filter: ChangeFilter) {
  changes(after: $after, first: $first, filter: $filter) {
    nodes { cursor type slug operation before after actor at }
    pageInfo { hasNextPage endCursor }
  }
}"#;

async fn feed(app: &TestApp, after: Option<&str>, first: i64, filter: Value) -> Value {
    app.data(
        FEED,
        json!({ "after": after, "first": first, "filter": filter }),
    )
    .await["changes"]
        .clone()
}

/// An update logs only the changed fields, before and after, with the key's
/// name, which only admin keys are shown.
#[tokio::test]
async fn every_write_is_logged_with_its_fields_before_and_after() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let name = parkgraph::auth::list(&app.db).await.unwrap()[0]
        .name
        .clone();

    rename(&app, &key, "Fazal STP").await;
    app.data_as(
        &key,
        r#"mutation { createFirm(input: { slug: "acme", name: "Acme" }) { slug } }"#,
        json!({}),
    )
    .await;
    let changes = feed(&app, None, 10, Value::Null).await["nodes"].clone();
    let admin = app.key("admin", None).await;
    let variables = json!({ "first": 10 });
    let seen_by_admin = app.data_as(&admin, FEED, variables.clone()).await;
    let seen_by_writer = app.data_as(&key, FEED, variables).await;

    assert_eq!(changes.as_array().unwrap().len(), 2);
    let update = &changes[0];
    assert_eq!(update["type"], "park");
    assert_eq!(update["slug"], "fazal-stp-islamabad");
    assert_eq!(update["operation"], "UPDATE");
    assert!(
        update["actor"].is_null(),
        "who wrote it is for admin keys only"
    );
    assert!(seen_by_writer["changes"]["nodes"][0]["actor"].is_null());
    assert_eq!(seen_by_admin["changes"]["nodes"][0]["actor"], name.as_str());
    let before: Value = serde_json::from_str(update["before"].as_str().unwrap()).unwrap();
    let after: Value = serde_json::from_str(update["after"].as_str().unwrap()).unwrap();
    assert_eq!(after, json!({ "name": "Fazal STP" }), "only what changed");
    assert_eq!(before, json!({ "name": "Fazal Software Technology Park" }));
    assert_eq!(changes[1]["operation"], "CREATE");
    assert!(changes[1]["before"].is_null());
    let created: Value = serde_json::from_str(changes[1]["after"].as_str().unwrap()).unwrap();
    assert_eq!(created["slug"], "acme");
}

/// Reading the feed in pages, then resuming from the last cursor after more
/// writes, yields every change exactly once, in order.
#[tokio::test]
async fn the_feed_resumes_from_a_cursor_without_missing_or_repeating() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    for n in 0..5 {
        rename(&app, &key, &format!("Name {n}")).await;
    }

    let first = feed(&app, None, 2, Value::Null).await;
    let cursor = first["pageInfo"]["endCursor"].as_str().unwrap().to_owned();
    let rest = feed(&app, Some(&cursor), 100, Value::Null).await;
    let end = rest["pageInfo"]["endCursor"].as_str().unwrap().to_owned();
    rename(&app, &key, "Name 5").await;
    let empty_then_new = feed(&app, Some(&end), 100, Value::Null).await;
    let nothing_more = feed(
        &app,
        empty_then_new["pageInfo"]["endCursor"].as_str(),
        100,
        Value::Null,
    )
    .await;

    let names: Vec<String> = [&first, &rest, &empty_then_new]
        .iter()
        .flat_map(|page| page["nodes"].as_array().unwrap().clone())
        .map(|c| {
            serde_json::from_str::<Value>(c["after"].as_str().unwrap()).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        names,
        ["Name 0", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5"]
    );
    assert_eq!(first["pageInfo"]["hasNextPage"], true);
    assert_eq!(rest["pageInfo"]["hasNextPage"], false);
    assert_eq!(nothing_more["nodes"], json!([]));
    assert_eq!(
        nothing_more["pageInfo"]["endCursor"], empty_then_new["pageInfo"]["endCursor"],
        "an empty page keeps the position"
    );
}

/// The filter picks record types and keys; a bad cursor is BAD_USER_INPUT.
#[tokio::test]
async fn the_feed_filters_by_type_and_key() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    rename(&app, &key, "Renamed").await;
    app.data_as(
        &key,
        r#"mutation { createFirm(input: { slug: "acme", name: "Acme" }) { slug } }"#,
        json!({}),
    )
    .await;

    let firms = feed(&app, None, 10, json!({ "types": ["firm"] })).await;
    let by_key = feed(&app, None, 10, json!({ "slugs": ["fazal-stp-islamabad"] })).await;
    let bad = app.gql(FEED, json!({ "after": "not-a-cursor" })).await;

    assert_eq!(firms["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(firms["nodes"][0]["slug"], "acme");
    assert_eq!(by_key["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(by_key["nodes"][0]["type"], "park");
    assert_eq!(first_code(&bad), "BAD_USER_INPUT", "{bad:#}");
}

pub const SUBSCRIBE: &str =
    r#"subscription { changes(filter: { types: ["park"] }) { type slug operation after cursor } }"#;

/// Writes through `writer` until `subscriber` reports one (the subscription is
/// live a moment after it is sent); returns the event and the names written.
pub async fn write_until_heard(
    writer: &TestApp,
    subscriber: &mut Subscriber,
    wait: Duration,
) -> (Value, Vec<String>) {
    let key = writer.key("write", None).await;
    let mut names = Vec::new();
    for n in 0..20 {
        let name = format!("Live {n}");
        rename(writer, &key, &name).await;
        names.push(name);
        if let Some(event) = subscriber.event(wait).await {
            return (event, names);
        }
    }
    panic!("no event after {} writes", names.len());
}

fn assert_rename_event(event: &Value, names: &[String]) {
    let change = &event["changes"];
    assert_eq!(change["type"], "park");
    assert_eq!(change["slug"], "fazal-stp-islamabad");
    assert_eq!(change["operation"], "UPDATE");
    let after: Value = serde_json::from_str(change["after"].as_str().unwrap()).unwrap();
    assert!(
        names.iter().any(|n| after["name"] == n.as_str()),
        "{after} not in {names:?}"
    );
}

/// graphql-transport-ws: a subscriber hears every write as it commits.
#[tokio::test]
async fn a_websocket_subscriber_hears_each_write() {
    let app = TestApp::seeded().await;
    let mut subscriber = Subscriber::connect(&app, false, SUBSCRIBE).await;

    let (event, names) = write_until_heard(&app, &mut subscriber, Duration::from_millis(500)).await;

    assert_rename_event(&event, &names);
}

/// The legacy graphql-ws protocol (subscriptions-transport-ws) works too.
#[tokio::test]
async fn the_legacy_graphql_ws_protocol_works_too() {
    let app = TestApp::seeded().await;
    let mut subscriber = Subscriber::connect(&app, true, SUBSCRIBE).await;

    let (event, names) = write_until_heard(&app, &mut subscriber, Duration::from_millis(500)).await;

    assert_rename_event(&event, &names);
}

/// Two servers on one database: a write through one reaches a subscriber of
/// the other (PostgreSQL NOTIFY; on a shared SQLite file, the subscriber's
/// server reads the log every two seconds while anyone is subscribed).
#[tokio::test]
async fn a_write_through_one_replica_reaches_subscribers_of_the_other() {
    let first = TestApp::shared().await;
    let second = first.replica().await;
    let mut subscriber = Subscriber::connect(&second, false, SUBSCRIBE).await;

    let (event, names) = write_until_heard(&first, &mut subscriber, Duration::from_secs(3)).await;

    assert_rename_event(&event, &names);
}

/// With the log kept for a limited time, old changes are removed: a cursor
/// from before them (or none, from the start) answers CURSOR_EXPIRED rather
/// than skipping them; one after them reads on, and the head still answers.
#[tokio::test]
async fn a_cursor_from_before_the_kept_log_answers_cursor_expired() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    for n in 0..3 {
        rename(&app, &key, &format!("Kept {n}")).await;
    }
    let all = feed(&app, None, 10, Value::Null).await["nodes"].clone();
    let cursor = |n: usize| all[n]["cursor"].as_str().unwrap().to_owned();
    app.execute(
        "UPDATE change SET at = '2020-01-01T00:00:00Z' \
         WHERE id IN (SELECT id FROM change ORDER BY id LIMIT 2)",
    )
    .await;

    let day = std::time::Duration::from_secs(24 * 3600);
    let removed = parkgraph::changes::trim(&app.db, &parkgraph::clock::ago(day)).await;
    let from_start = app.gql(FEED, json!({ "first": 10 })).await;
    let from_first = app.gql(FEED, json!({ "after": cursor(0) })).await;
    let from_second = feed(&app, Some(&cursor(1)), 10, Value::Null).await;
    let head = app
        .data("{ changes(first: 0) { headCursor } }", json!({}))
        .await;

    assert_eq!(removed.unwrap(), 2);
    assert_eq!(first_code(&from_start), "CURSOR_EXPIRED", "{from_start:#}");
    assert_eq!(first_code(&from_first), "CURSOR_EXPIRED", "{from_first:#}");
    assert_eq!(from_second["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(from_second["nodes"][0]["cursor"], cursor(2).as_str());
    assert_eq!(head["changes"]["headCursor"], cursor(2).as_str());
}
