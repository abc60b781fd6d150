//! GraphiQL's files served by parkgraph itself, so the page works with no
//! Internet access, from versions the operator pinned, and with no CDN to
//! allow in a content security policy.
//!
//! The folder (`PARKGRAPH_GRAPHIQL_ASSETS`) is laid out as npm's
//! `node_modules`: `npm install graphiql@4 react@18 react-dom@18` makes one.
//! Only the files in [`FILES`] are read and served; a request path is looked
//! up among them and never joined to the folder, so no other file can be
//! reached, with `..` or otherwise.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use axum::body::Bytes;

/// Where the page finds the files (the route in `http/mod.rs`), each at its
/// path in [`FILES`].
const PREFIX: &str = "/graphiql/assets/";

/// A file the page loads.
struct File {
    /// The link in async-graphql's page.
    cdn: &'static str,
    /// Its path in the folder, and after [`PREFIX`] in the URL.
    path: &'static str,
    /// The `Content-Type` it is served with.
    media_type: &'static str,
}

const JS: &str = "text/javascript; charset=utf-8";

// The links of async-graphql 7.2's template with its default GraphiQL major
// version (4). GraphiQL 4 is the last major with a UMD build (5 ships ES
// modules only), and it needs React 18, whose UMD builds React 19 dropped.
// The template links React's development builds; the production ones are a
// tenth of the size and only lose warnings meant for React developers.
const FILES: [File; 4] = [
    File {
        cdn: "https://unpkg.com/react@18/umd/react.development.js",
        path: "react/umd/react.production.min.js",
        media_type: JS,
    },
    File {
        cdn: "https://unpkg.com/react-dom@18/umd/react-dom.development.js",
        path: "react-dom/umd/react-dom.production.min.js",
        media_type: JS,
    },
    File {
        cdn: "https://unpkg.com/graphiql@4/graphiql.min.css",
        path: "graphiql/graphiql.min.css",
        media_type: "text/css; charset=utf-8",
    },
    File {
        cdn: "https://unpkg.com/graphiql@4/graphiql.min.js",
        path: "graphiql/graphiql.min.js",
        media_type: JS,
    },
];

// The favicon comes from graphql.org and no npm package ships it; an empty
// data URL keeps the browser from asking anyone for one.
const FAVICON: (&str, &str) = ("https://graphql.org/favicon.ico", "data:,");

/// The files, read once at startup.
pub struct Assets {
    files: HashMap<&'static str, (&'static str, Bytes)>,
}

impl Assets {
    /// Reads every file in [`FILES`] from `dir`; fails naming the first one
    /// missing.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut files = HashMap::new();
        for file in &FILES {
            let path = dir.join(file.path);
            let body = std::fs::read(&path).with_context(|| {
                format!(
                    "PARKGRAPH_GRAPHIQL_ASSETS={}: cannot read {} (expected a node_modules \
                     folder with graphiql@4, react@18 and react-dom@18)",
                    dir.display(),
                    path.display()
                )
            })?;
            files.insert(file.path, (file.media_type, Bytes::from(body)));
        }
        Ok(Self { files })
    }

    /// `page` with every CDN link replaced by its local copy. Fails when the
    /// template no longer links a file as expected, or links one not listed
    /// here: the page must not quietly reach out to a CDN.
    pub fn relink(&self, page: &str) -> anyhow::Result<String> {
        let mut page = page.to_owned();
        let links = FILES
            .iter()
            .map(|f| (f.cdn, format!("{PREFIX}{}", f.path)))
            .chain([(FAVICON.0, FAVICON.1.to_owned())]);
        for (cdn, local) in links {
            anyhow::ensure!(
                page.contains(cdn),
                "async-graphql's GraphiQL page no longer links {cdn}; update {}",
                file!()
            );
            page = page.replace(cdn, &local);
        }
        anyhow::ensure!(
            !page.contains("https://"),
            "async-graphql's GraphiQL page links a file not served locally; update {}",
            file!()
        );
        Ok(page)
    }

    /// The media type and contents of the file at `path` (after [`PREFIX`]).
    pub fn get(&self, path: &str) -> Option<(&'static str, Bytes)> {
        self.files
            .get(path)
            .map(|(media_type, body)| (*media_type, body.clone()))
    }
}
