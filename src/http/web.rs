//! The web page: the static files of `web/`, compiled into the binary so `cbdkg serve` needs
//! no build step and no files beside it.
//!
//! `GET /` is the page (`web/index.html`); its scripts, styles and icons are under `/assets/`.
//! The page routes itself with the URL fragment (`/#/search?q=…`, `/#/unit?iri=…`), so every
//! page has an address without the server knowing the pages. Answers carry a strong `ETag`
//! and `Cache-Control: no-cache`: browsers keep the files and revalidate them with a 304, so a
//! new binary is never mixed with old scripts. A Content-Security-Policy allows this origin
//! only: the page loads nothing from anywhere else.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// A file of `web/` as served.
#[derive(Debug)]
pub struct Asset {
    /// Its path under `web/` (and under `/assets/`).
    pub path: &'static str,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its bytes.
    pub body: &'static [u8],
}

macro_rules! assets {
    ($($path:literal => $content_type:literal,)*) => {
        /// Every file of `web/` (a test checks the folder and this table agree).
        pub const ASSETS: &[Asset] = &[
            $(Asset { path: $path, content_type: $content_type, body: include_bytes!(concat!("../../web/", $path)) },)*
        ];
    };
}

assets! {
    "index.html" => "text/html; charset=utf-8",
    "style.css" => "text/css; charset=utf-8",
    "favicon.svg" => "image/svg+xml",
    "app.js" => "text/javascript; charset=utf-8",
    "api.js" => "text/javascript; charset=utf-8",
    "dom.js" => "text/javascript; charset=utf-8",
    "i18n.js" => "text/javascript; charset=utf-8",
    "pages/search.js" => "text/javascript; charset=utf-8",
    "pages/ask.js" => "text/javascript; charset=utf-8",
    "pages/coach.js" => "text/javascript; charset=utf-8",
    "pages/unit.js" => "text/javascript; charset=utf-8",
    "pages/target.js" => "text/javascript; charset=utf-8",
    "pages/targets.js" => "text/javascript; charset=utf-8",
    "pages/sparql.js" => "text/javascript; charset=utf-8",
}

/// Only this origin, for everything; no inline script or style.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The asset at `path` (under `web/`), if there is one.
pub fn asset(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

/// `GET /`: the page.
pub async fn index(headers: HeaderMap) -> Response {
    serve(asset("index.html").expect("web/index.html is in the table"), &headers)
}

/// `GET /assets/{*path}`.
pub async fn file(Path(path): Path<String>, headers: HeaderMap) -> Response {
    match asset(&path) {
        Some(asset) if asset.path != "index.html" => serve(asset, &headers),
        _ => super::error::ApiError::NotFound { what: "asset", name: format!("/assets/{path}") }.into_response(),
    }
}

fn serve(asset: &'static Asset, request: &HeaderMap) -> Response {
    let etag = etag(asset);
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag || tag.trim() == "*"));
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, HeaderValue::from_static(etag));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if fresh {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    if asset.content_type.starts_with("text/html") {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
        headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }
    (StatusCode::OK, headers, asset.body).into_response()
}

/// `"sha256 prefix"` of the asset, computed once per asset for the life of the process.
fn etag(asset: &'static Asset) -> &'static str {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    let tags = TAGS
        .get_or_init(|| ASSETS.iter().map(|a| format!("\"{}\"", &hex::encode(Sha256::digest(a.body))[..32])).collect());
    let index = ASSETS.iter().position(|a| std::ptr::eq(a, asset)).expect("assets come from the table");
    &tags[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_web_folder_is_served_and_every_served_file_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web");
        let mut on_disk = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    on_disk.push(path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let mut served: Vec<String> = ASSETS.iter().map(|a| a.path.to_owned()).collect();
        served.sort();
        assert_eq!(on_disk, served, "web/ and the table in src/http/web.rs differ");
    }

    #[test]
    fn content_types_follow_the_extension() {
        for asset in ASSETS {
            let expected = match asset.path.rsplit('.').next() {
                Some("js") => "text/javascript; charset=utf-8",
                Some("html") => "text/html; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                Some("svg") => "image/svg+xml",
                other => panic!("{}: no content type for {other:?}", asset.path),
            };
            assert_eq!(asset.content_type, expected, "{}", asset.path);
        }
    }
}
