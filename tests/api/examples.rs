//! Every operation in `examples/` runs against the seeded server without
//! errors, so the catalogue cannot rot; GraphiQL opens with them as tabs and,
//! with `PARKGRAPH_GRAPHIQL_ASSETS`, loads its files from this server alone.

use std::io::{Read, Write};
use std::path::PathBuf;

use parkgraph::config::Config;
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

/// The files GraphiQL's page loads, as laid out in `node_modules`.
const ASSET_FILES: [&str; 4] = [
    "react/umd/react.production.min.js",
    "react-dom/umd/react-dom.production.min.js",
    "graphiql/graphiql.min.css",
    "graphiql/graphiql.min.js",
];

/// A fresh stand-in `node_modules` in which each file holds its own path; a
/// package file no page loads sits inside, and `outside.txt` beside it.
fn stub_assets() -> PathBuf {
    let root = std::env::temp_dir().join(format!("parkgraph-assets-{}", uuid::Uuid::new_v4()));
    let dir = root.join("node_modules");
    for file in ASSET_FILES.iter().chain(&["react/package.json"]) {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("/* {file} */")).unwrap();
    }
    std::fs::write(root.join("outside.txt"), "not for the web").unwrap();
    dir
}

/// Without an assets folder the page loads GraphiQL from unpkg, as
/// async-graphql writes it, and nothing is served under /graphiql/assets/.
#[tokio::test]
async fn without_an_assets_folder_graphiql_loads_from_unpkg() {
    let app = TestApp::spawn().await;

    let (_, page) = app.get("/").await;
    let (status, _) = app.get("/graphiql/assets/graphiql/graphiql.min.js").await;

    assert!(page.contains("https://unpkg.com/graphiql@4/graphiql.min.js"));
    assert_eq!(status, 404);
}

/// With an assets folder every script, stylesheet and icon link points at
/// this server, each file is served with its media type, and subscriptions
/// still go to this server's WebSocket endpoint.
#[tokio::test]
async fn with_an_assets_folder_graphiql_loads_only_from_this_server() {
    let app = TestApp::configured(|c| c.graphiql_assets = Some(stub_assets())).await;

    let (status, page) = app.get("/").await;

    assert_eq!(status, 200);
    for elsewhere in ["unpkg.com", "graphql.org", "https://"] {
        assert!(!page.contains(elsewhere), "the page links {elsewhere}");
    }
    assert!(page.contains("subscriptionUrl: createUrl('/graphql', true)"));
    let links: Vec<&str> = page
        .split("\"/graphiql/assets/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(links, ASSET_FILES, "{page}");
    for file in ASSET_FILES {
        let response = reqwest::get(app.url(&format!("/graphiql/assets/{file}")))
            .await
            .unwrap();
        let expected = if file.ends_with(".css") {
            "text/css; charset=utf-8"
        } else {
            "text/javascript; charset=utf-8"
        };
        assert_eq!(response.status(), 200, "{file}");
        assert_eq!(response.headers()["content-type"], expected, "{file}");
        assert_eq!(response.text().await.unwrap(), format!("/* {file} */"));
    }
}

/// Only the listed files are served: not another file of the folder, and no
/// path climbing out of it, written plainly or percent-encoded.
#[tokio::test]
async fn no_other_file_is_served_under_the_assets_path() {
    let app = TestApp::configured(|c| c.graphiql_assets = Some(stub_assets())).await;

    for path in [
        "/graphiql/assets/react/package.json",
        "/graphiql/assets/../outside.txt",
        "/graphiql/assets/%2e%2e/outside.txt",
        "/graphiql/assets/..%2foutside.txt",
        "/graphiql/assets/graphiql/../../outside.txt",
        "/graphiql/assets/../../../../Cargo.toml",
        "/graphiql/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/Cargo.toml",
    ] {
        let (status, body) = raw_get(app.addr, path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains("not for the web"), "{path}");
    }
    let (status, _) = raw_get(app.addr, "/graphiql/assets/graphiql/graphiql.min.css").await;
    assert_eq!(status, 200, "a listed file, asked for the same way");
}

/// A folder that lacks one of the files stops startup, naming the variable.
#[tokio::test]
async fn an_assets_folder_without_graphiql_stops_startup() {
    let dir = stub_assets();
    std::fs::remove_file(dir.join("graphiql/graphiql.min.js")).unwrap();
    let config = Config {
        database_url: "sqlite::memory:".to_owned(),
        addr: "127.0.0.1:0".parse().unwrap(),
        seed_on_start: false,
        graphiql_assets: Some(dir.clone()),
        ..Config::default()
    };

    let Err(err) = parkgraph::app::App::build(&config).await else {
        panic!("the server started without graphiql.min.js");
    };

    std::fs::remove_dir_all(dir.parent().unwrap()).ok();
    let message = format!("{err:#}");
    assert!(
        message.starts_with("PARKGRAPH_GRAPHIQL_ASSETS="),
        "{message}"
    );
    assert!(message.contains("graphiql.min.js"), "{message}");
}

/// GETs `path` exactly as written (an HTTP client would resolve `..` before
/// sending); returns the status and the whole response.
async fn raw_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    // Blocking I/O on a thread of its own: the test's runtime serves the app.
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        (status, response)
    })
    .await
    .unwrap()
}
