//! The same answers on SQLite and PostgreSQL: sorting by name ignores case,
//! and `contains`/`startsWith` ignore case in every script, whatever the
//! database's collation or locale. The suite runs this file on both.

use base64::Engine as _;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

/// Firm names with mixed case, accents, digits and punctuation; the first
/// half is created by mutations, the second imported in bulk, so both write
/// paths keep the folded names.
const CREATED: [&str; 8] = [
    "IT Park Alpha",
    "NED University Incubator",
    "Ölpark Labs",
    "10Pearls",
    "_Underscore Co",
    "Zafar & Sons",
    "ölpark north",
    "e-Solutions",
];
const IMPORTED: [&str; 7] = [
    "it park beta",
    "Information Systems",
    "National Incubation Center",
    "Çay Park Software",
    "3i Infotech",
    "Élan Vital",
    "ÖLPARK North",
];

/// Every name in ascending order: lower-cased, by code point; "ölpark
/// north" and "ÖLPARK North" tie and keep id order.
const ASCENDING: [&str; 15] = [
    "10Pearls",
    "3i Infotech",
    "_Underscore Co",
    "e-Solutions",
    "Information Systems",
    "IT Park Alpha",
    "it park beta",
    "National Incubation Center",
    "NED University Incubator",
    "Zafar & Sons",
    "Çay Park Software",
    "Élan Vital",
    "Ölpark Labs",
    "ölpark north",
    "ÖLPARK North",
];

fn slug(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| match c {
            'Ö' | 'ö' => 'o',
            'Ç' => 'c',
            'É' => 'e',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let words: Vec<&str> = ascii.split('-').filter(|w| !w.is_empty()).collect();
    // Two names differ only in case; their slugs may not.
    format!(
        "{}-{}",
        words.join("-"),
        name.len() + name.chars().filter(|c| c.is_uppercase()).count()
    )
}

async fn fixture() -> TestApp {
    let app = TestApp::spawn().await;
    let admin = app.key("admin", None).await;
    for name in CREATED {
        app.data_as(
            &admin,
            "mutation($slug: String!, $name: String!) { createFirm(input: { slug: $slug, name: $name }) { slug } }",
            json!({ "slug": slug(name), "name": name }),
        )
        .await;
    }
    let mut csv = "slug,name,sector,employees\n".to_owned();
    for name in IMPORTED {
        csv.push_str(&format!("{},\"{name}\",,\n", slug(name)));
    }
    let imported = app
        .data_as(
            &admin,
            "mutation($files: [ImportFile!]!) { importDataset(files: $files) { created problems { reason } } }",
            json!({ "files": [{ "name": "firms.csv", "format": "CSV", "content": csv }] }),
        )
        .await;
    assert_eq!(imported["importDataset"]["created"], 7, "{imported:#}");
    app
}

/// Every firm name in `orderBy` order, read page by page with cursors.
async fn names_in_order(app: &TestApp, direction: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app
            .data(
                &format!(
                    "query($after: String) {{ firms(first: 4, after: $after, orderBy: [{{ field: NAME, direction: {direction} }}]) {{
                        nodes {{ name }} pageInfo {{ hasNextPage endCursor }} }} }}"
                ),
                json!({ "after": after }),
            )
            .await;
        let page = &data["firms"];
        for node in page["nodes"].as_array().unwrap() {
            names.push(node["name"].as_str().unwrap().to_owned());
        }
        if page["pageInfo"]["hasNextPage"] != true {
            return names;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

async fn matching(app: &TestApp, filter: Value) -> Vec<String> {
    let data = app
        .data(
            "query($f: FirmFilter) { firms(first: 100, filter: $f, orderBy: [{ field: NAME }]) { nodes { name } } }",
            json!({ "f": filter }),
        )
        .await;
    data["firms"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Sorting by name ignores case and gives one order on both backends, ties
/// broken by id, in pages read with cursors, either way round.
#[tokio::test]
async fn names_sort_the_same_way_on_every_backend() {
    let app = fixture().await;

    let ascending = names_in_order(&app, "ASC").await;
    let descending = names_in_order(&app, "DESC").await;

    assert_eq!(ascending, ASCENDING);
    let mut reversed: Vec<&str> = ASCENDING.to_vec();
    reversed.reverse();
    assert_eq!(descending, reversed);
}

/// `contains` and `startsWith` ignore case in every script and match LIKE's
/// wildcards literally; `eq` stays exact.
#[tokio::test]
async fn text_filters_ignore_case_in_every_script() {
    let app = fixture().await;

    let cases = [
        (
            json!({ "name": { "contains": "ö" } }),
            vec!["Ölpark Labs", "ölpark north", "ÖLPARK North"],
        ),
        (
            json!({ "name": { "contains": "PARK" } }),
            vec![
                "IT Park Alpha",
                "it park beta",
                "Çay Park Software",
                "Ölpark Labs",
                "ölpark north",
                "ÖLPARK North",
            ],
        ),
        (
            json!({ "name": { "startsWith": "çAY" } }),
            vec!["Çay Park Software"],
        ),
        (
            json!({ "name": { "startsWith": "it p" } }),
            vec!["IT Park Alpha", "it park beta"],
        ),
        (
            json!({ "name": { "startsWith": "N" } }),
            vec!["National Incubation Center", "NED University Incubator"],
        ),
        (json!({ "name": { "startsWith": "É" } }), vec!["Élan Vital"]),
        (
            json!({ "name": { "contains": "_" } }),
            vec!["_Underscore Co"],
        ),
        (json!({ "name": { "contains": "%" } }), vec![]),
        (
            json!({ "name": { "contains": " & " } }),
            vec!["Zafar & Sons"],
        ),
        (json!({ "name": { "startsWith": "1" } }), vec!["10Pearls"]),
        (
            json!({ "name": { "eq": "it park beta" } }),
            vec!["it park beta"],
        ),
        (
            json!({ "not": { "name": { "contains": "a" } } }),
            vec!["3i Infotech", "_Underscore Co", "e-Solutions"],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(matching(&app, filter.clone()).await, expected, "{filter}");
    }
    let found = app
        .data(
            r#"{ search(text: "ÖLPARK") { ... on Firm { name } } }"#,
            json!({}),
        )
        .await;
    let found: Vec<&str> = found["search"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    // All three start with the text; ties by folded name, then id.
    assert_eq!(found, ["Ölpark Labs", "ölpark north", "ÖLPARK North"]);
}

/// A renamed record sorts and matches by its new name.
#[tokio::test]
async fn a_renamed_record_sorts_by_its_new_name() {
    let app = fixture().await;
    let key = app.key("write", None).await;

    app.data_as(
        &key,
        "mutation($slug: String!) { updateFirm(slug: $slug, version: 1, input: { name: \"Ágora Labs\" }) { name } }",
        json!({ "slug": slug("10Pearls") }),
    )
    .await;

    let ascending = names_in_order(&app, "ASC").await;
    assert_eq!(ascending.first().map(String::as_str), Some("3i Infotech"));
    assert_eq!(
        ascending.iter().position(|n| n == "Ágora Labs"),
        Some(9),
        "{ascending:?}"
    );
    assert_eq!(
        matching(&app, json!({ "name": { "startsWith": "á" } })).await,
        ["Ágora Labs"]
    );
}

/// A cursor made before names sorted folded (it holds the name itself) is
/// refused with a clear BAD_USER_INPUT, never answered with a wrong page.
#[tokio::test]
async fn a_cursor_from_before_folded_sorting_is_refused() {
    let app = fixture().await;
    let old = json!({ "o": "firm:name,id", "v": ["NED University Incubator", 2] }).to_string();
    let cursor = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(old);

    let body = app
        .gql(
            "query($after: String) { firms(after: $after, orderBy: [{ field: NAME }]) { nodes { name } } }",
            json!({ "after": cursor }),
        )
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body:#}");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("another list or orderBy"), "{message}");
}

/// Upgrading a database that already holds rows folds every one of them,
/// ASCII or not; the migration also rolls back and applies again.
#[tokio::test]
async fn upgrading_folds_the_rows_already_there() {
    use migration::MigratorTrait;
    let app = TestApp::seeded().await;
    let back = crate::helpers::migrations_since("m20261206_000009_folded_text");
    migration::Migrator::down(&app.db.conn, Some(back))
        .await
        .unwrap();
    app.execute(
        "INSERT INTO firm (slug, name, sector, version, updated_at) \
         VALUES ('olpark-labs', 'ÖLPARK Labs', 'Çay & IT', 1, '2026-01-01')",
    )
    .await;
    app.execute("UPDATE city SET name = 'ISLAMABAD' WHERE slug = 'islamabad'")
        .await;

    migration::Migrator::up(&app.db.conn, None).await.unwrap();

    for (table, text, folded) in [
        ("city", "name", "name_folded"),
        ("organization", "name", "name_folded"),
        ("park", "name", "name_folded"),
        ("firm", "name", "name_folded"),
        ("firm", "sector", "sector_folded"),
        ("project", "name", "name_folded"),
        ("indicator", "key", "key_folded"),
        ("indicator", "period", "period_folded"),
    ] {
        let rows = app
            .db
            .conn
            .query_all_raw(sea_orm::Statement::from_string(
                app.db.backend(),
                format!("SELECT {text} AS text, {folded} AS folded FROM {table}"),
            ))
            .await
            .unwrap();
        assert!(!rows.is_empty(), "{table}");
        for row in rows {
            let text: Option<String> = row.try_get("", "text").unwrap();
            let folded: Option<String> = row.try_get("", "folded").unwrap();
            assert_eq!(
                folded,
                text.as_deref().map(entity::fold),
                "{table}.{text:?}"
            );
        }
    }
    assert_eq!(
        matching(&app, json!({ "name": { "startsWith": "ölp" } })).await,
        ["ÖLPARK Labs"]
    );
    assert_eq!(
        matching(&app, json!({ "sector": { "contains": "çay" } })).await,
        ["ÖLPARK Labs"]
    );
    let found = app
        .data(
            r#"{ search(text: "islamabad") { ... on City { name } } }"#,
            json!({}),
        )
        .await;
    assert!(
        found["search"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "ISLAMABAD"),
        "{found:#}"
    );
}
