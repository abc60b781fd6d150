//! Every operation in `examples/` runs against the seeded server without
//! errors, so the catalogue cannot rot; GraphiQL opens with them as tabs.
//! What the page loads is checked in `graphiql.rs`.

use serde_json::{Value, json};

use crate::helpers::TestApp;

/// Each example: its file name, text and the variables from its
/// `# variables:` line.
fn examples() -> Vec<(String, String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "graphql"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let variables = text
                .lines()
                .find_map(|l| l.strip_prefix("# variables:"))
                .map(|v| serde_json::from_str(v.trim()).expect("the variables line is JSON"))
                .unwrap_or(json!({}));
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, text, variables)
        })
        .collect()
}

/// There is an example for each kind of user, each opening with a comment
/// that says what it answers, and each runs without errors.
#[tokio::test]
async fn every_example_runs_without_errors() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let examples = examples();

    for prefix in ["explore-", "mobile-", "partner-"] {
        let count = examples
            .iter()
            .filter(|(name, _, _)| name.starts_with(prefix))
            .count();
        assert!(count >= 3, "fewer than 3 {prefix} examples");
    }
    for (name, text, variables) in &examples {
        assert!(
            text.starts_with("# "),
            "{name} must open with a comment saying what it answers"
        );
        let body = app.gql_as(&admin, text, variables.clone()).await;
        assert!(body.get("errors").is_none(), "{name}: {body:#}");
        let data = body["data"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}: no data"));
        for (field, value) in data {
            assert!(!value.is_null(), "{name}: {field} is null");
        }
    }
}

/// GraphiQL opens with every example as a tab.
#[tokio::test]
async fn graphiql_opens_with_every_example_as_a_tab() {
    let app = TestApp::spawn().await;

    let (status, page) = app.get("/").await;

    assert_eq!(status, 200);
    assert!(page.contains("defaultTabs: ["), "no tabs in the page");
    for (name, text, _) in examples() {
        let operation = text
            .lines()
            .find(|l| l.starts_with("query ") || l.starts_with("mutation "))
            .unwrap()
            .split(['(', ' ', '{'])
            .nth(1)
            .unwrap()
            .to_owned();
        assert!(
            page.contains(&operation),
            "{name} ({operation}) is not a tab"
        );
    }
}
