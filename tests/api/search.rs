//! Search after writes: the substring indexes behind `search` (a trigram
//! GIN index on PostgreSQL, FTS5 tables kept by triggers on SQLite) must
//! follow every mutation and match user text literally.

use migration::{Migrator, MigratorTrait};
use serde_json::json;

use crate::helpers::TestApp;
use crate::writes::{UPDATE_PARK, rename};

/// Slugs of the firms and parks `search` finds for `text`.
async fn found(app: &TestApp, text: &str) -> Vec<String> {
    let data = app
        .data(
            "query($t: String!) { search(text: $t, first: 50) {
                 ... on Firm { slug } ... on Park { slug } } }",
            json!({ "t": text }),
        )
        .await;
    data["search"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["slug"].as_str().map(str::to_owned))
        .collect()
}

/// Search reads an index kept by the database; renames, creates and deletes
/// by mutation show up in it at once.
#[tokio::test]
async fn search_finds_renamed_created_and_deleted_rows_by_their_current_names() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let update_firm = "mutation($slug: String!, $version: Int!, $input: UpdateFirmInput!) {
        updateFirm(slug: $slug, version: $version, input: $input) { version } }";
    let create_firm = "mutation($input: CreateFirmInput!) { createFirm(input: $input) { slug } }";
    let delete_firm =
        "mutation { deleteFirm(slug: \"cogilent-solutions\", version: 1, cascade: true) }";

    app.data_as(
        &key,
        UPDATE_PARK,
        rename("fazal-stp-islamabad", 1, "Quokka Valley Enclave"),
    )
    .await;
    app.data_as(
        &key,
        update_firm,
        rename("avenir-technologies", 1, "Wombat Analytics"),
    )
    .await;
    app.data_as(
        &key,
        create_firm,
        json!({ "input": { "slug": "numbat-labs", "name": "Numbat Labs" } }),
    )
    .await;
    app.data_as(&key, delete_firm, json!({})).await;

    assert_eq!(found(&app, "quokka valley").await, ["fazal-stp-islamabad"]);
    assert!(
        !found(&app, "Fazal Software")
            .await
            .contains(&"fazal-stp-islamabad".to_owned())
    );
    assert_eq!(found(&app, "WOMBAT").await, ["avenir-technologies"]);
    assert!(found(&app, "Avenir Tech").await.is_empty());
    assert_eq!(found(&app, "umbat la").await, ["numbat-labs"]);
    assert!(found(&app, "Cogilent").await.is_empty());
}

/// `%`, `_`, quotes and backslashes in the text match only themselves,
/// however long the text; the pattern is written into the SQL, so text that
/// reads as SQL must stay text.
#[tokio::test]
async fn search_matches_wildcards_and_quotes_as_plain_characters() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let create_firm = "mutation($input: CreateFirmInput!) { createFirm(input: $input) { slug } }";
    let name = "The \"Wild_card\" 100% Firm of O'Hara\\Sons";
    app.data_as(
        &key,
        create_firm,
        json!({ "input": { "slug": "wild-card", "name": name } }),
    )
    .await;

    for text in [
        "d_c",
        "100% f",
        "\"wild_card\"",
        "_",
        "o'hara\\s",
        "'hara\\",
    ] {
        assert_eq!(found(&app, text).await, ["wild-card"], "{text}");
    }
    let sql_like = ["d%c", "w_ld", "1_0%", "%%", "Fazal%Park", "Fazal_Software"];
    let sql_like = sql_like.into_iter().chain([
        "o\\'hara",
        "'; DELETE FROM firm; --",
        "\\'; DELETE FROM firm; --",
        "' OR '1'='1",
    ]);
    for text in sql_like {
        assert!(found(&app, text).await.is_empty(), "{text}");
    }
    let filtered = app
        .data(
            "query($s: String) { firms(filter: { name: { contains: $s } }) { nodes { slug } } }",
            json!({ "s": "O'HARA\\sons" }),
        )
        .await;
    assert_eq!(filtered["firms"]["nodes"], json!([{ "slug": "wild-card" }]));
    assert_eq!(found(&app, "Fazal Software").await, ["fazal-stp-islamabad"]);
}

/// The search index migration rolls back cleanly, and applied again it
/// indexes the rows already there.
#[tokio::test]
async fn the_search_indexes_roll_back_and_rebuild_over_existing_rows() {
    let app = TestApp::seeded().await;

    let back = crate::helpers::migrations_since("m20261128_000005_search_indexes");
    Migrator::down(&app.db.conn, Some(back)).await.unwrap();
    Migrator::up(&app.db.conn, None).await.unwrap();

    assert_eq!(found(&app, "fazal software").await, ["fazal-stp-islamabad"]);
}
