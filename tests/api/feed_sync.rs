//! A partner's first sync: an export, then the change feed from the cursor
//! the export was taken at, with nothing missed and nothing repeated; and
//! each change carries the record's version, to match acknowledged writes.

use serde_json::json;

use crate::helpers::TestApp;

const HEAD: &str = "{ changes(first: 0) { headCursor pageInfo { endCursor } } }";

const AFTER: &str = r#"query($after: String) {
  changes(after: $after, first: 100) { nodes { type slug operation version } } }"#;

const RENAME: &str = r#"mutation($v: Int!, $name: String!) {
  updatePark(slug: "fazal-stp-islamabad", version: $v, input: { name: $name }) { version } }"#;

async fn fazal_version(app: &TestApp) -> i64 {
    let data = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { version } }"#,
            json!({}),
        )
        .await;
    data["park"]["version"].as_i64().unwrap()
}

#[tokio::test]
async fn the_head_cursor_follows_only_later_writes_and_each_change_has_its_version() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let v = fazal_version(&app).await;
    app.data_as(&admin, RENAME, json!({ "v": v, "name": "Fazal one" }))
        .await;

    let head = app.data(HEAD, json!({})).await["changes"]["headCursor"].clone();
    app.data_as(&admin, RENAME, json!({ "v": v + 1, "name": "Fazal two" }))
        .await;
    let later = app.data(AFTER, json!({ "after": head })).await;

    assert!(head.is_string(), "a write was logged: {head}");
    let nodes = later["changes"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 1, "only the write after the head: {nodes:#?}");
    assert_eq!(nodes[0]["operation"], "UPDATE");
    assert_eq!(
        nodes[0]["version"],
        v + 2,
        "the version the mutation answered"
    );
}

/// Whatever the interleaving, the rename is in the export exactly when its
/// change is at or before the export's cursor, and after it otherwise.
#[tokio::test]
async fn an_export_taken_during_writes_and_the_feed_after_its_cursor_meet_exactly() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    for round in 0..4 {
        let v = fazal_version(&app).await;
        let name = format!("Fazal during export {round}");
        let db = app.db.clone();
        let export = tokio::spawn(async move {
            parkgraph::dataset::transfer::snapshot_at_head(&db)
                .await
                .unwrap()
        });
        app.data_as(&admin, RENAME, json!({ "v": v, "name": name }))
            .await;
        let (tables, head) = export.await.unwrap();

        let parks = &tables
            .iter()
            .find(|(kind, _)| kind.file() == "parks.csv")
            .unwrap()
            .1;
        let fazal = parks
            .iter()
            .find(|row| row.key == "fazal-stp-islamabad")
            .unwrap();
        let in_export = fazal.fields["name"] == name.as_str();
        let after = head.map(parkgraph::changes::cursor);
        let feed = app.data(AFTER, json!({ "after": after })).await;
        let in_feed = (feed["changes"]["nodes"].as_array().unwrap().iter())
            .any(|c| c["slug"] == "fazal-stp-islamabad" && c["version"] == v + 1);
        assert!(
            in_export != in_feed,
            "round {round}: export {in_export}, feed {in_feed}"
        );
    }
}

const EXPORT: &str = "{ exportDataset { feedCursor files { name content } } }";

#[tokio::test]
async fn a_keyed_partner_exports_every_file_with_the_cursor_to_follow_from() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let reader = app.key("read", None).await;
    let v = fazal_version(&app).await;
    app.data_as(&admin, RENAME, json!({ "v": v, "name": "Fazal exported" }))
        .await;

    let anonymous = app.gql(EXPORT, json!({})).await;
    let export = app.data_as(&reader, EXPORT, json!({})).await["exportDataset"].clone();
    let after = app
        .data(AFTER, json!({ "after": export["feedCursor"] }))
        .await;

    assert_eq!(crate::helpers::first_code(&anonymous), "UNAUTHENTICATED");
    let files = export["files"].as_array().unwrap();
    assert_eq!(files.len(), parkgraph::records::Kind::ALL.len());
    let parks = files.iter().find(|f| f["name"] == "parks.csv").unwrap();
    assert!(
        parks["content"]
            .as_str()
            .unwrap()
            .contains("Fazal exported")
    );
    let shipped = parkgraph::dataset::transfer::export(&app.db.conn)
        .await
        .unwrap();
    assert_eq!(parks["content"], shipped["parks.csv"].as_str());
    assert_eq!(
        after["changes"]["nodes"],
        json!([]),
        "nothing after the export yet"
    );
}
