//! Imports read against the database by key: the rows they cite, and the
//! limit on files per call.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const IMPORT: &str = r#"mutation($files: [ImportFile!]!, $dryRun: Boolean) {
  importDataset(files: $files, dryRun: $dryRun) {
    dryRun created updated unchanged problems { file line column reason }
  }
}"#;

fn csv(name: &str, content: &str) -> Value {
    json!({ "name": name, "format": "CSV", "content": content })
}

async fn import(app: &TestApp, key: &str, files: Vec<Value>) -> Value {
    app.data_as(key, IMPORT, json!({ "files": files, "dryRun": false }))
        .await["importDataset"]
        .clone()
}

/// An import reads only the database rows it names: a source may cite a
/// milestone that only the database holds (found by its project and title),
/// an existing citation is matched by its key and left unchanged, and an
/// organization's key may cite only milestones of projects it partners in.
#[tokio::test]
async fn an_import_finds_the_database_rows_it_cites_by_their_keys() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let header = "record_type,record_key,url,as_of,quote\n";
    // A citation the data holds, exactly as shipped (with its quote).
    let existing =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sources.csv"))
            .unwrap()
            .lines()
            .find(|l| {
                l.starts_with("milestone,karachi-it-park|ECNEC approval,https://propakistani.pk/")
            })
            .map(|l| format!("{l}\n"))
            .unwrap();
    let own = format!(
        "{header}{existing}milestone,karachi-it-park|ECNEC approval,https://example.org/ecnec,2026,\n"
    );
    // The new pages, which any key may add.
    let pages = csv(
        "source_documents.csv",
        "url,title,publisher,kind,published_on,published_precision,notes\n\
         https://example.org/ecnec,,,OTHER,,UNKNOWN,\n\
         https://example.org/dik,,,OTHER,,UNKNOWN,\n",
    );
    let dik = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/milestones.csv"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("dik-new-city-technology-park,"))
        .map(|l| l.split(',').nth(1).unwrap().to_owned())
        .unwrap();
    let foreign = format!(
        "{header}milestone,dik-new-city-technology-park|{dik},https://example.org/dik,2026,\n"
    );

    let report = import(&app, &pseb, vec![csv("sources.csv", &own), pages.clone()]).await;
    let refused = app
        .gql_as(
            &pseb,
            IMPORT,
            json!({ "files": [csv("sources.csv", &foreign), pages] }),
        )
        .await;

    assert_eq!(report["problems"], json!([]), "{report:#}");
    assert_eq!(
        (report["created"].clone(), report["unchanged"].clone()),
        (json!(3), json!(1))
    );
    assert_eq!(first_code(&refused), "FORBIDDEN", "{refused:#}");
}

/// One import takes at most one file per table: as many files as the
/// registry has tables, and no more.
#[tokio::test]
async fn an_import_takes_at_most_one_file_per_table() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let tables = parkgraph::records::Kind::ALL.len();
    let one = csv("firms.csv", "slug,name,sector,employees\n");

    let too_many = app
        .gql_as(
            &admin,
            IMPORT,
            json!({ "files": vec![one.clone(); tables + 1] }),
        )
        .await;
    let every = app
        .gql_as(&admin, IMPORT, json!({ "files": vec![one; tables] }))
        .await;

    assert_eq!(first_code(&too_many), "BAD_USER_INPUT", "{too_many:#}");
    let message = too_many["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("at most {tables} files")),
        "{message}"
    );
    let problems = &every["data"]["importDataset"]["problems"];
    assert_eq!(
        problems[0]["reason"], "the same table is imported twice",
        "{every:#}"
    );
}
