//! GraphiQL as `cargo run` serves it: every file the page loads comes from
//! this server, out of the binary, compressed and cached for good, and the
//! page's security policy allows nothing else. (The e2e check in `.ci/run`
//! opens it in Chromium with no other host reachable.)

use std::io::{Read, Write};

use base64::Engine as _;
use sha2::Digest as _;

use crate::helpers::TestApp;

/// The vendored files as npm published them, by the name they are served under.
fn vendored(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/http/graphiql");
    let path = match name {
        "react.production.min.js" => "vendor/react/umd/react.production.min.js",
        "react-dom.production.min.js" => "vendor/react-dom/umd/react-dom.production.min.js",
        "graphiql.min.js" => "vendor/graphiql/graphiql.min.js",
        "graphiql.min.css" => "vendor/graphiql/graphiql.min.css",
        "favicon.svg" => "favicon.svg",
        other => panic!("the page links an unknown file {other}"),
    };
    std::fs::read(format!("{dir}/{path}")).unwrap()
}

/// Every `src="…"` and `href="…"` of the page.
fn links(page: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        for rest in page.split(attribute).skip(1) {
            links.push(rest.split('"').next().unwrap().to_owned());
        }
    }
    links
}

/// The text between `open` and `</tag>` (an inline script or style).
fn inline(page: &str, open: &str, tag: &str) -> String {
    let start = page.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + page[start..].find(&format!("</{tag}>")).unwrap();
    page[start..end].to_owned()
}

fn sha256_source(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page links five files, all on this server under a hashed path, and
/// each one is exactly the file the repository holds, with its media type
/// and headers that let a browser keep it for a year.
#[tokio::test]
async fn graphiql_loads_every_file_from_this_server() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::new();

    let (status, page) = app.get("/").await;

    assert_eq!(status, 200);
    let links = links(&page);
    assert_eq!(links.len(), 5, "{links:?}");
    for link in &links {
        let rest = link
            .strip_prefix("/graphiql/assets/")
            .unwrap_or_else(|| panic!("{link} is not served from here"));
        let (hash, name) = rest.split_once('/').unwrap();
        let bytes = vendored(name);
        let digest = format!("{:x}", sha2::Sha256::digest(&bytes));
        assert_eq!(hash, &digest[..16], "{link} is not named by its hash");

        let response = client.get(app.url(link)).send().await.unwrap();

        assert_eq!(response.status(), 200, "{link}");
        let headers = response.headers().clone();
        let expected = match name.rsplit('.').next().unwrap() {
            "js" => "text/javascript; charset=utf-8",
            "css" => "text/css; charset=utf-8",
            _ => "image/svg+xml",
        };
        assert_eq!(headers["content-type"], expected, "{link}");
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{link}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{link}");
        assert!(headers.get("content-encoding").is_none(), "{link}");
        assert!(response.bytes().await.unwrap() == bytes, "{link} differs");
    }
    for elsewhere in ["unpkg.com", "graphql.org", "https://", "http://"] {
        assert!(!page.contains(elsewhere), "the page names {elsewhere}");
    }
}

/// A browser that accepts brotli or gzip gets the file compressed to a
/// fraction of its size, and the same bytes once decompressed; asked again
/// with its ETag, nothing is sent.
#[tokio::test]
async fn graphiql_files_are_sent_compressed_and_revalidated_by_etag() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::new();
    let (_, page) = app.get("/").await;
    let link = links(&page)
        .into_iter()
        .find(|l| l.ends_with("/graphiql.min.js"))
        .unwrap();
    let original = vendored("graphiql.min.js");

    for accept in ["gzip, deflate, br", "gzip"] {
        let response = client
            .get(app.url(&link))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();

        assert_eq!(response.status(), 200);
        let encoding = response.headers()["content-encoding"].clone();
        assert_eq!(response.headers()["vary"], "Accept-Encoding");
        let body = response.bytes().await.unwrap();
        assert!(
            body.len() * 3 < original.len(),
            "{accept}: {} of {} bytes",
            body.len(),
            original.len()
        );
        let mut plain = Vec::new();
        if encoding == "br" {
            brotli::BrotliDecompress(&mut &body[..], &mut plain).unwrap();
        } else {
            assert_eq!(encoding, "gzip", "{accept}");
            flate2::read::GzDecoder::new(&body[..])
                .read_to_end(&mut plain)
                .unwrap();
        }
        assert!(plain == original, "{accept}: not the same file");
    }
    let first = client.get(app.url(&link)).send().await.unwrap();
    let etag = first.headers()["etag"].clone();
    let again = client
        .get(app.url(&link))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}

/// The page's policy allows scripts and styles from this server and the
/// page's own inline script and styles (by their hashes), and nothing from
/// anywhere else; it cannot be framed or sniffed.
#[tokio::test]
async fn the_graphiql_page_allows_only_this_servers_scripts_and_styles() {
    let app = TestApp::spawn().await;

    let response = reqwest::get(app.url("/")).await.unwrap();
    let headers = response.headers().clone();
    let page = response.text().await.unwrap();

    assert_eq!(headers["x-content-type-options"], "nosniff");
    let policy = headers["content-security-policy"].to_str().unwrap();
    let directive = |name: &str| -> Vec<String> {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    let script = inline(&page, "<script>", "script");
    let style = inline(&page, "<style>", "style");
    assert_eq!(directive("default-src"), ["'none'"]);
    assert_eq!(
        directive("script-src"),
        ["'self'".to_owned(), sha256_source(&script)]
    );
    // Beyond the page's own style, only fixed ones by hash (a dialog's).
    let styles = directive("style-src");
    assert_eq!(styles[..2], ["'self'".to_owned(), sha256_source(&style)]);
    assert!(
        styles[2..].iter().all(|s| s.starts_with("'sha256-")),
        "{styles:?}"
    );
    assert_eq!(directive("connect-src"), ["'self'"]);
    assert_eq!(directive("frame-ancestors"), ["'none'"]);
    for loose in ["unsafe-inline", "unsafe-eval", "*", "http", "https:"] {
        assert!(
            !policy.split_whitespace().any(|s| s.contains(loose)),
            "{loose} in {policy}"
        );
    }
    assert!(script.contains("subscriptionUrl"), "{script}");
}

/// Only the listed files are served, and only at their current hash: not a
/// path with another hash, nor one climbing out of the folder, written
/// plainly or percent-encoded.
#[tokio::test]
async fn no_other_file_is_served_under_the_assets_path() {
    let app = TestApp::spawn().await;
    let (_, page) = app.get("/").await;
    let css = links(&page)
        .into_iter()
        .find(|l| l.ends_with(".css"))
        .unwrap();
    let hash = css.split('/').nth(3).unwrap();

    for path in [
        "/graphiql/assets/graphiql.min.css".to_owned(),
        "/graphiql/assets/0000000000000000/graphiql.min.css".to_owned(),
        format!("/graphiql/assets/{hash}/../../Cargo.toml"),
        "/graphiql/assets/../Cargo.toml".to_owned(),
        "/graphiql/assets/%2e%2e/%2e%2e/Cargo.toml".to_owned(),
        "/graphiql/assets/vendor/graphiql/package.json".to_owned(),
        "/graphiql/assets/..%2f..%2fCargo.toml".to_owned(),
    ] {
        let (status, body) = raw_get(app.addr, &path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains("[package]"), "{path}");
    }
    let (status, _) = raw_get(app.addr, &css).await;
    assert_eq!(status, 200, "the stylesheet, asked for the same way");
}

/// GETs `path` exactly as written (an HTTP client would resolve `..` before
/// sending); returns the status and the whole response.
async fn raw_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    // Blocking I/O on a thread of its own: the test's runtime serves the app.
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response[9..12].parse().unwrap();
        (status, response)
    })
    .await
    .unwrap()
}
