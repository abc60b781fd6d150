//! The response cache: public queries answered from memory, and never an
//! answer older than a write that was acknowledged, on any replica.

use serde_json::{Value, json};

use crate::helpers::TestApp;

const PARK: &str = r#"query Park($slug: String!) {
  parks(filter: { slug: { eq: $slug } }) { nodes { name version city { name } } }
}"#;
const RENAME: &str = r#"mutation Rename($slug: String!, $version: Int!, $name: String!) {
  updatePark(slug: $slug, version: $version, input: { name: $name }) { version }
}"#;
const FAZAL: &str = "fazal-stp-islamabad";

fn cache_on(config: &mut parkgraph::config::Config) {
    config.response_cache_bytes = 32 * 1024 * 1024;
}

/// The value of the sample `name` (with its labels) in `/metrics`.
async fn metric(app: &TestApp, name: &str) -> u64 {
    let (_, text) = app.get("/metrics").await;
    let line = text
        .lines()
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '));
    let value = line.and_then(|l| l.rsplit(' ').next());
    value.and_then(|v| v.parse().ok()).unwrap_or(0)
}

async fn hits(app: &TestApp) -> u64 {
    metric(
        app,
        r#"parkgraph_response_cache_lookups_total{result="hit"}"#,
    )
    .await
}

async fn park(app: &TestApp) -> Value {
    app.data(PARK, json!({ "slug": FAZAL })).await["parks"]["nodes"][0].clone()
}

/// A second identical public query is a hit: the same bytes, and one small
/// statement (the change log's head) instead of the query's own.
#[tokio::test]
async fn a_repeated_public_query_is_answered_from_the_cache_with_one_statement() {
    let app = TestApp::configured(cache_on).await;
    let body = json!({ "query": PARK, "variables": { "slug": FAZAL } }).to_string();

    let first = app.post_raw(&body, "application/json").await;
    let before = app.statements();
    let second = app.post_raw(&body, "application/json").await;
    let spent = app.statements() - before;

    assert_eq!(first.0, 200);
    assert!(
        first.1.contains("fazal") || first.1.contains("Fazal"),
        "{}",
        first.1
    );
    assert_eq!(first, second);
    assert_eq!(hits(&app).await, 1);
    assert_eq!(spent, 1);
    assert_eq!(metric(&app, "parkgraph_response_cache_kept_total").await, 1);
    assert!(metric(&app, "parkgraph_response_cache_bytes").await > 0);
}

/// After a write's answer, the next read of what it changed sees it.
#[tokio::test]
async fn a_write_retires_every_kept_answer_that_read_its_kind() {
    let app = TestApp::configured(cache_on).await;
    let admin = app.key("admin", None).await;
    let before = park(&app).await;
    assert_eq!(park(&app).await, before);

    let renamed = json!({ "slug": FAZAL, "version": before["version"], "name": "Renamed STP" });
    app.data_as(&admin, RENAME, renamed).await;

    assert_eq!(park(&app).await["name"], "Renamed STP");
}

/// A write to a kind an answer did not read leaves it kept; the change log's
/// head moved, so the hit reads which kinds changed, once.
#[tokio::test]
async fn a_write_to_another_kind_leaves_an_answer_kept() {
    let app = TestApp::configured(cache_on).await;
    let admin = app.key("admin", None).await;
    let cities = "{ cities(first: 3) { nodes { name } } }";
    let first = app.data(cities, json!({})).await;
    let before = park(&app).await;
    let renamed = json!({ "slug": FAZAL, "version": before["version"], "name": "Renamed STP" });
    app.data_as(&admin, RENAME, renamed).await;

    let hits_before = hits(&app).await;
    assert_eq!(app.data(cities, json!({})).await, first);
    assert_eq!(hits(&app).await, hits_before + 1);
}

/// A tenancy added changes the parks' tenant count (a trigger, with no
/// change of a park's own in the log): a kept count is retired all the same.
#[tokio::test]
async fn a_new_tenancy_retires_a_kept_tenant_count() {
    let app = TestApp::configured(cache_on).await;
    let admin = app.key("admin", None).await;
    let count = "{ parkStats { tenantCount } }";
    let before = app.data(count, json!({})).await["parkStats"]["tenantCount"].as_i64();
    assert_eq!(
        app.data(count, json!({})).await["parkStats"]["tenantCount"].as_i64(),
        before
    );
    assert_eq!(hits(&app).await, 1);

    let add = r#"mutation { addTenancy(parkSlug: "fazal-stp-islamabad", firmSlug: "arkotech-corporation", since: "2024-03") { version } }"#;
    let added = app.gql_as(&admin, add, json!({})).await;
    assert!(added.get("errors").is_none(), "{added:#}");

    let after = app.data(count, json!({})).await["parkStats"]["tenantCount"].as_i64();
    assert_eq!(after, before.map(|n| n + 1));
}

/// Reads of the change log, and keyed callers with more than `read` scope,
/// are never answered from the cache.
#[tokio::test]
async fn the_change_feed_and_writers_reads_are_never_kept() {
    let app = TestApp::configured(cache_on).await;
    let writer = app.key("write", None).await;
    let feed = "{ changes(first: 5) { edges { cursor } } }";
    app.data(feed, json!({})).await;
    app.data(feed, json!({})).await;
    app.data_as(
        &writer,
        "{ cities(first: 2) { nodes { name } } }",
        json!({}),
    )
    .await;
    app.data_as(
        &writer,
        "{ cities(first: 2) { nodes { name } } }",
        json!({}),
    )
    .await;

    assert_eq!(hits(&app).await, 0);
    assert_eq!(metric(&app, "parkgraph_response_cache_kept_total").await, 0);
}

/// Answers beyond the configured bytes push older ones out; the cache never
/// weighs more than its bound.
#[tokio::test]
async fn the_cache_holds_no_more_than_its_configured_bytes() {
    let app = TestApp::configured(|c| c.response_cache_bytes = 16 * 1024).await;
    for n in 1..=60 {
        app.data(
            "query($n: Int) { parks(first: $n) { nodes { name slug } } }",
            json!({ "n": n }),
        )
        .await;
    }
    let bytes = metric(&app, "parkgraph_response_cache_bytes").await;
    assert!(bytes > 0 && bytes <= 16 * 1024, "{bytes}");
    assert!(metric(&app, "parkgraph_response_cache_kept_total").await >= 60);
    assert!(metric(&app, "parkgraph_response_cache_entries").await < 60);
}

/// With `PARKGRAPH_RESPONSE_CACHE_BYTES=0` nothing is kept or looked up.
#[tokio::test]
async fn a_cache_of_zero_bytes_is_off() {
    let app = TestApp::configured(|c| c.response_cache_bytes = 0).await;
    app.data("{ cities(first: 2) { nodes { name } } }", json!({}))
        .await;
    app.data("{ cities(first: 2) { nodes { name } } }", json!({}))
        .await;
    let (_, text) = app.get("/metrics").await;
    assert!(!text.contains("parkgraph_response_cache"), "{text}");
}

/// Two replicas on one database, each with its cache: a client that writes
/// on one and then reads on the other sees its write, every time.
#[tokio::test]
async fn a_read_on_another_replica_never_answers_older_than_an_acknowledged_write() {
    let first = TestApp::shared_configured(cache_on).await;
    let second = first.replica_configured(cache_on).await;
    let admin = first.key("admin", None).await;
    let mut version = park(&second).await["version"].as_i64().unwrap();
    for n in 0..25 {
        let (writer, reader) = if n % 2 == 0 {
            (&first, &second)
        } else {
            (&second, &first)
        };
        // The reader keeps the answer before the write (the second read is
        // answered from its cache).
        assert_eq!(park(reader).await["version"], version);
        assert_eq!(park(reader).await["version"], version);
        let name = format!("Loop {n}");
        let renamed = json!({ "slug": FAZAL, "version": version, "name": name });
        let answer = writer.data_as(&admin, RENAME, renamed).await;
        version = answer["updatePark"]["version"].as_i64().unwrap();

        let seen = park(reader).await;
        assert_eq!(
            (seen["name"].as_str(), seen["version"].as_i64()),
            (Some(name.as_str()), Some(version))
        );
    }
    assert!(hits(&first).await + hits(&second).await >= 25);
}

/// A GET answered from the cache carries the `ETag` it had when it ran (kept
/// with the answer, not hashed again), and `If-None-Match` with it is 304.
#[tokio::test]
async fn a_get_answered_from_the_cache_keeps_its_etag() {
    let app = TestApp::configured(cache_on).await;
    let client = reqwest::Client::new();
    let url = app.url("/graphql");
    let query = [("query", "{ cities(first: 3) { nodes { slug } } }")];
    let get = || client.get(&url).query(&query);
    let etag = |r: &reqwest::Response| r.headers()["etag"].to_str().unwrap().to_owned();

    let ran = get().send().await.unwrap();
    let hits_before = hits(&app).await;
    let kept = get().send().await.unwrap();
    let hits_after = hits(&app).await;
    let revalidated = (get().header("if-none-match", etag(&kept)).send().await).unwrap();

    assert_eq!(hits_after, hits_before + 1, "the second GET is a hit");
    assert_eq!(etag(&kept), etag(&ran));
    assert_eq!(revalidated.status().as_u16(), 304);
    let (ran_tag, ran_body) = (etag(&ran), ran.bytes().await.unwrap());
    assert_eq!(ran_tag, parkgraph::graphql::cache::etag_of(&ran_body));
    assert_eq!(kept.bytes().await.unwrap(), ran_body);
}
