use parkgraph::config::Config;
use parkgraph::dataset::seed::{self, Files, SeedError};
use serde_json::json;

use crate::helpers::{TestApp, shipped_parks};

/// Replaces the first occurrence of `from` in one file of the shipped dataset.
fn edit(files: &mut Files, file: &str, from: &str, to: &str) {
    let text = files.get_mut(file).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    *text = text.replacen(from, to, 1);
}

fn line_of(files: &Files, file: &str, needle: &str) -> u64 {
    files[file]
        .lines()
        .position(|l| l.contains(needle))
        .unwrap() as u64
        + 1
}

/// Three bad rows in three files: all three are reported with file, line and
/// column, and nothing at all is written.
#[tokio::test]
async fn a_bad_dataset_reports_every_problem_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let mut files = seed::embedded();
    edit(
        &mut files,
        "parks.csv",
        "karachi-it-park,",
        "atlantis-park,",
    );
    edit(
        &mut files,
        "parks.csv",
        ",karachi,moitt,",
        ",atlantis,moitt,",
    );
    edit(
        &mut files,
        "firms.csv",
        "arkotech-corporation,",
        "digital-processing-systems,",
    );
    edit(&mut files, "projects.csv", ",186658000,", ",lots,");
    let park_line = line_of(&files, "parks.csv", "atlantis-park,");
    let project_line = line_of(&files, "projects.csv", ",lots,");

    let err = seed::seed(&app.db, &files).await.unwrap_err();

    let SeedError::Invalid(problems) = err else {
        panic!("{err}")
    };
    let found: Vec<(String, u64, Option<String>)> = problems
        .iter()
        .map(|p| (p.file.clone(), p.line, p.column.clone()))
        .collect();
    assert!(
        found.contains(&("parks.csv".into(), park_line, Some("city_slug".into()))),
        "{problems:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, _, c)| f == "firms.csv" && c.as_deref() == Some("slug")),
        "{problems:#?}"
    );
    assert!(
        found.contains(&("projects.csv".into(), project_line, Some("cost_usd".into()))),
        "{problems:#?}"
    );
    let message = SeedError::Invalid(problems).to_string();
    assert!(message.contains("unknown city \"atlantis\""), "{message}");
    assert!(message.contains("\"lots\" is not a number"), "{message}");
    let data = app
        .data("{ cities { totalCount } parks { totalCount } }", json!({}))
        .await;
    assert_eq!(data["cities"]["totalCount"], 0);
    assert_eq!(data["parks"]["totalCount"], 0);
}

/// A file with the wrong header is named, and nothing is written.
#[tokio::test]
async fn a_wrong_header_is_reported_for_its_file() {
    let app = TestApp::spawn().await;
    let mut files = seed::embedded();
    edit(
        &mut files,
        "cities.csv",
        "slug,name,province",
        "slug,name,region",
    );

    let err = seed::seed(&app.db, &files).await.unwrap_err();

    let message = err.to_string();
    assert!(message.contains("cities.csv line 1"), "{message}");
    let data = app
        .data("{ organizations { totalCount } }", json!({}))
        .await;
    assert_eq!(data["organizations"]["totalCount"], 0);
}

/// The shipped dataset loads whole into an empty database.
#[tokio::test]
async fn the_shipped_dataset_loads_into_an_empty_database() {
    let app = TestApp::spawn().await;

    let outcome = seed::seed(&app.db, &seed::embedded()).await.unwrap();

    let seed::Outcome::Loaded(rows) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(rows > 900, "{rows}");
    let data = app
        .data(
            "{ parks { totalCount } firms { totalCount } projects { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data,
        json!({ "parks": { "totalCount": shipped_parks() }, "firms": { "totalCount": 25 }, "projects": { "totalCount": 3 } })
    );
}

/// Dates must be ISO-8601, possibly reduced to a year or a month.
#[test]
fn partial_dates_are_recognised() {
    for ok in ["2025", "2025-02", "2025-02-14"] {
        assert!(parkgraph::records::is_partial_date(ok), "{ok}");
    }
    for bad in ["25", "2025-13", "2025-02-32", "Feb 2025", "2025/02/14", ""] {
        assert!(!parkgraph::records::is_partial_date(bad), "{bad}");
    }
}

/// A bad setting stops startup with a message that names the variable.
#[test]
fn bad_configuration_names_the_variable() {
    let with = |name: &'static str, value: &'static str| {
        Config::from_lookup(move |n| (n == name).then(|| value.to_owned()))
    };

    let defaults = Config::from_lookup(|_| None).unwrap();
    assert_eq!(defaults.addr.to_string(), "127.0.0.1:8000");
    assert_eq!(defaults.database_url, "sqlite://parkgraph.db?mode=rwc");
    for (name, value) in [
        ("PARKGRAPH_ADDR", "localhost"),
        ("DATABASE_URL", "mysql://x"),
        ("PARKGRAPH_DB_MAX_CONNECTIONS", "0"),
        ("PARKGRAPH_LOG_FORMAT", "xml"),
        ("PARKGRAPH_SEED_ON_START", "maybe"),
        ("PARKGRAPH_AS_OF", "2026-02-30"),
        ("PARKGRAPH_AS_OF", "06/12/2026"),
        ("PARKGRAPH_TENANCY_FRESH_MONTHS", "0"),
    ] {
        let err = with(name, value).unwrap_err().to_string();
        assert!(err.starts_with(name), "{err}");
    }
    let pinned = with("PARKGRAPH_AS_OF", "2026-12-06").unwrap().as_of;
    assert_eq!(pinned.map(|d| d.to_string()), Some("2026-12-06".to_owned()));
    assert_eq!((defaults.as_of, defaults.tenancy_fresh_months), (None, 24));
    let secret = with("DATABASE_URL", "postgres://u:hunter2@db/x").unwrap();
    assert!(!format!("{secret:?}").contains("hunter2"));
    let cores = std::thread::available_parallelism().unwrap().get() as u32;
    assert_eq!(
        defaults.pool_size(),
        cores.clamp(2, 8),
        "SQLite: a connection per core"
    );
    assert_eq!(secret.pool_size(), 10);
    assert_eq!(
        with("PARKGRAPH_DB_MAX_CONNECTIONS", "3")
            .unwrap()
            .pool_size(),
        3
    );
}

/// Values that parse but make no sense are refused too: negative areas, a
/// tenancy ending before it starts, `|` in a title (it joins composite source
/// keys), NUL characters, and the reserved organization slug `none`.
#[tokio::test]
async fn implausible_values_are_reported() {
    let app = TestApp::spawn().await;
    let mut files = seed::embedded();
    edit(&mut files, "parks.csv", ",1120000,", ",-5,");
    edit(
        &mut files,
        "tenancies.csv",
        "digital-processing-systems,,,",
        "digital-processing-systems,,2020,2017-09",
    );
    edit(
        &mut files,
        "milestones.csv",
        "ECNEC approval",
        "ECNEC | approval",
    );
    edit(
        &mut files,
        "firms.csv",
        "Arkotech Corporation",
        "Arko\u{0}tech",
    );
    edit(
        &mut files,
        "organizations.csv",
        "pseb,Pakistan Software",
        "none,Pakistan Software",
    );

    let err = seed::seed(&app.db, &files).await.unwrap_err();

    let message = err.to_string();
    for expected in [
        "parks.csv line 2, column area_sqft: -5 is not a count",
        "tenancies.csv line 2, column until: 2017-09 is before since 2020",
        "milestones.csv line 2, column title: must not contain `|`",
        "firms.csv line 3, column name: contains a NUL character",
        "organizations.csv line 2, column slug: `none` is reserved",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in:\n{message}"
        );
    }
    let data = app.data("{ cities { totalCount } }", json!({})).await;
    assert_eq!(data["cities"]["totalCount"], 0);
}
