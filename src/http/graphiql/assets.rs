//! The files GraphiQL's page loads, compiled into the binary: GraphiQL 4 and
//! React 18 as npm publishes them (`vendor/`, refreshed by
//! `vendor/refresh.sh`), and our icon. The page works with no Internet
//! access and with a content security policy that names no other host.
//!
//! Each file is served at `/graphiql/assets/{hash}/{name}`, the hash taken
//! from its bytes, so a changed file gets a new URL and every URL can be
//! cached for good. Compressed copies (brotli, gzip) are made on the first
//! request for them and kept.

use std::sync::LazyLock;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::Digest as _;
use tokio::sync::OnceCell;

/// Where the files are served, before `{hash}/{name}`.
const PREFIX: &str = "/graphiql/assets/";

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// One file the page loads.
pub struct Asset {
    /// Its name in the URL, after the hash.
    pub name: &'static str,
    media_type: &'static str,
    body: &'static [u8],
    /// The first 16 hex digits of the SHA-256 of `body`.
    hash: String,
    brotli: OnceCell<Bytes>,
    gzip: OnceCell<Bytes>,
}

impl Asset {
    fn new(name: &'static str, media_type: &'static str, body: &'static [u8]) -> Self {
        let digest = format!("{:x}", sha2::Sha256::digest(body));
        Self {
            name,
            media_type,
            body,
            hash: digest[..16].to_owned(),
            brotli: OnceCell::new(),
            gzip: OnceCell::new(),
        }
    }

    /// The path the page links it at.
    pub fn url(&self) -> String {
        format!("{PREFIX}{}/{}", self.hash, self.name)
    }
}

/// Every file, hashed once per process (a few milliseconds for 1.6 MB).
pub static ASSETS: LazyLock<Assets> = LazyLock::new(|| {
    Assets([
        Asset::new(
            "react.production.min.js",
            JS,
            include_bytes!("vendor/react/umd/react.production.min.js"),
        ),
        Asset::new(
            "react-dom.production.min.js",
            JS,
            include_bytes!("vendor/react-dom/umd/react-dom.production.min.js"),
        ),
        Asset::new(
            "graphiql.min.css",
            CSS,
            include_bytes!("vendor/graphiql/graphiql.min.css"),
        ),
        Asset::new(
            "graphiql.min.js",
            JS,
            include_bytes!("vendor/graphiql/graphiql.min.js"),
        ),
        Asset::new(
            "favicon.svg",
            "image/svg+xml",
            include_bytes!("favicon.svg"),
        ),
    ])
});

/// The page's files, in the order the page loads them.
pub struct Assets([Asset; 5]);

impl Assets {
    /// The file called `name` (as in [`Asset::name`]).
    pub fn named(&self, name: &str) -> &Asset {
        self.0
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no asset called {name}"))
    }

    /// The file at `{hash}/{name}`, when both match.
    fn at(&self, path: &str) -> Option<&Asset> {
        let (hash, name) = path.split_once('/')?;
        self.0.iter().find(|a| a.hash == hash && a.name == name)
    }
}

/// An encoding the client accepts, best first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best encoding `Accept-Encoding` allows (`q=0` refuses one).
fn encoding(headers: &HeaderMap) -> Encoding {
    let accepted = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| {
            let mut params = part.split(';');
            let name = params.next()?.trim().to_ascii_lowercase();
            let refused = params.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (!refused).then_some(name)
        })
        .collect::<Vec<_>>();
    if accepted.iter().any(|n| n == "br") {
        Encoding::Brotli
    } else if accepted.iter().any(|n| n == "gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    // Writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    Bytes::from(out)
}

fn gzip(body: &[u8]) -> Bytes {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(body);
    Bytes::from(encoder.finish().unwrap_or_default())
}

/// The body of `asset` in `encoding`, compressing it on first use.
async fn encoded(asset: &'static Asset, encoding: Encoding) -> (Bytes, Option<&'static str>) {
    let (cell, compress, name): (_, fn(&[u8]) -> Bytes, _) = match encoding {
        Encoding::Identity => return (Bytes::from_static(asset.body), None),
        Encoding::Brotli => (&asset.brotli, brotli, "br"),
        Encoding::Gzip => (&asset.gzip, gzip, "gzip"),
    };
    let body = cell
        .get_or_init(|| async move {
            tokio::task::spawn_blocking(move || compress(asset.body))
                .await
                .unwrap_or_else(|_| Bytes::new())
        })
        .await;
    if body.is_empty() {
        return (Bytes::from_static(asset.body), None);
    }
    (body.clone(), Some(name))
}

/// The file at `path` (`{hash}/{name}`) in the best encoding the client
/// accepts, cacheable for a year; 404 for any other path.
pub async fn serve(path: &str, headers: &HeaderMap) -> Response {
    let Some(asset) = ASSETS.at(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = format!("\"{}\"", asset.hash);
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (body, content_encoding) = encoded(asset, encoding(headers)).await;
        let mut response = body.into_response();
        if let Some(name) = content_encoding {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.media_type),
        );
        response
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        assert_eq!(encoding(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(encoding(&accepting("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(encoding(&accepting("gzip, br;q=0")), Encoding::Gzip);
        assert_eq!(encoding(&accepting("identity")), Encoding::Identity);
        assert_eq!(encoding(&accepting("BR;q=0.5")), Encoding::Brotli);
    }

    #[test]
    fn a_file_is_found_only_by_its_hash_and_name() {
        let react = ASSETS.named("react.production.min.js");
        let path = react.url();
        let path = path.strip_prefix(PREFIX).unwrap();
        assert!(ASSETS.at(path).is_some());
        assert!(
            ASSETS
                .at(&format!("0000000000000000/{}", react.name))
                .is_none()
        );
        assert!(
            ASSETS
                .at(&format!("{}/graphiql.min.js", react.hash))
                .is_none()
        );
        assert!(ASSETS.at(react.name).is_none());
    }
}
