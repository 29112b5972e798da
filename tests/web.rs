//! The web page's server side through `router(state)` with `tower::ServiceExt::oneshot`: the
//! embedded files (types, caching, 304, 404) and the pages' data, `/api/units` and
//! `/api/targets`, over the bundled corpus and examples loaded into a graph (no indexes: these
//! endpoints read the graph only). The page itself runs in a browser in tests/browser.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use cbdkg::http::search::SearchService;
use cbdkg::http::{AppState, router};
use cbdkg::ingest::ingest;
use cbdkg::settings::Settings;
use cbdkg_graph::GraphStore;
use cbdkg_ingest::BaseIri;
use http_body_util::BodyExt;
use indicatif::ProgressBar;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// The corpus and examples in a graph, loaded once for the whole file.
fn app() -> Router {
    static STORE: OnceLock<(tempfile::TempDir, GraphStore)> = OnceLock::new();
    let (_, graph) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = GraphStore::open(dir.path()).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sources = [root.join("data/corpus"), root.join("data/examples")];
        let report = ingest(&store, &BaseIri::default(), &sources, &ProgressBar::hidden());
        assert!(report.failures.is_empty(), "{}", report.summary());
        (dir, store)
    });
    router(AppState::new(graph.clone(), Arc::new(Settings::default()), SearchService::Unavailable("no indexes".into())))
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn get(uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Reply { status, headers, body }
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[tokio::test]
async fn the_page_and_its_files_are_served_from_the_binary_with_revalidation() {
    // (path, status, content type prefix, a fragment of the body)
    let cases = [
        ("/", StatusCode::OK, "text/html; charset=utf-8", "<main id=\"main\""),
        ("/assets/app.js", StatusCode::OK, "text/javascript", "export const ui"),
        ("/assets/pages/unit.js", StatusCode::OK, "text/javascript", "/api/units"),
        ("/assets/style.css", StatusCode::OK, "text/css", "margin-inline"),
        ("/assets/favicon.svg", StatusCode::OK, "image/svg+xml", "<svg"),
        ("/assets/missing.js", StatusCode::NOT_FOUND, "application/json", "\"not_found\""),
        ("/assets/../Cargo.toml", StatusCode::NOT_FOUND, "application/json", "\"not_found\""),
        ("/assets/index.html", StatusCode::NOT_FOUND, "application/json", "\"not_found\""),
    ];
    for (path, status, content_type, fragment) in cases {
        let reply = get(path, &[]).await;
        let body = String::from_utf8_lossy(&reply.body);
        assert_eq!(reply.status, status, "{path}: {body}");
        assert!(reply.header("content-type").starts_with(content_type), "{path}: {:?}", reply.headers);
        assert!(body.contains(fragment), "{path}: lacks {fragment:?}");
        if status == StatusCode::OK {
            assert_eq!(reply.header("cache-control"), "no-cache", "{path}");
            let etag = reply.header("etag").to_owned();
            assert!(etag.starts_with('"') && etag.len() == 34, "{path}: {etag}");
            let again = get(path, &[("if-none-match", &etag)]).await;
            assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
            assert!(again.body.is_empty(), "{path}");
        }
    }
    let page = get("/", &[]).await;
    let csp = page.header("content-security-policy");
    assert!(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), "{csp}");
}

/// Checks `/api/units?iri=…` answers `status`, and that the JSON pointer `pointer` holds a
/// value containing `expected`.
async fn check_unit(iri: &str, status: StatusCode, checks: &[(&str, &str)]) {
    let reply = get(&format!("/api/units?iri={}", encode(iri)), &[]).await;
    assert_eq!(reply.status, status, "{iri}: {}", String::from_utf8_lossy(&reply.body));
    let json = reply.json();
    for (pointer, expected) in checks {
        let found = json.pointer(pointer).unwrap_or_else(|| panic!("{iri}: no {pointer} in {json:#}"));
        let text = match found {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert!(text.contains(expected), "{iri}: {pointer} = {text:?}, expected {expected:?}");
    }
}

const BASE: &str = "https://cbdkg.example/id/";

#[tokio::test]
async fn units_give_text_place_citations_targets_and_parts() {
    let ok = StatusCode::OK;
    // A sub-paragraph: its Arabic text, its decision and parent.
    check_unit(
        &format!("{BASE}decision/COP-13-23/p15-g"),
        ok,
        &[
            ("/kind", "unit"),
            ("/label", "15(g)"),
            ("/texts/0/lang", "ar"),
            ("/texts/0/value", "تقييم مستقل"),
            ("/document/symbol", "XIII/23"),
            ("/document/doc_type", "decision"),
            ("/parent/label", "15"),
            ("/source/start_line", "104"),
        ],
    )
    .await;
    // The decision: its title, every unit in order, its footnotes, what it cites (XII/2 by
    // 22 units, as docs/sparql-examples.md §5 says) and the Aichi targets its annex cites.
    check_unit(
        &format!("{BASE}decision/COP-13-23"),
        ok,
        &[
            ("/kind", "document"),
            ("/symbol", "XIII/23"),
            ("/titles/0/value", "بناء القدرات"),
            ("/children/0/label", "pre1"),
            ("/children/0/class", "PreambularParagraph"),
            ("/footnotes/0/iri", "COP-13-23/fn"),
            ("/cites/0/iri", "decision/COP-12-2"),
            ("/cites/0/count", "22"),
            ("/cites/0/has_text", "false"),
            ("/targets/0/scheme", "aichi"),
        ],
    )
    .await;
    // A paragraph with sub-paragraphs lists them, each pointing to its parent.
    check_unit(
        &format!("{BASE}decision/COP-13-23/p15"),
        ok,
        &[("/children/0/label", "15(a)"), ("/children/0/parent", "COP-13-23/p15")],
    )
    .await;
    // A decision the corpus only cites: who cites it.
    check_unit(
        &format!("{BASE}decision/COP-12-2"),
        ok,
        &[("/kind", "cited"), ("/symbol", "XII/2"), ("/cited_by/0/property", "citesDecision")],
    )
    .await;
    // A pledge: a record with its declared target, its other facts labelled by the ontology.
    check_unit(
        &format!("{BASE}pledge/EX-AA-0007"),
        ok,
        &[
            ("/kind", "record"),
            ("/symbol", "EX-AA-0007"),
            ("/targets/0/iri", "kmgbf/target_17"),
            ("/targets/0/code", "17"),
            ("/cites/0/property", "citesArticle"),
        ],
    )
    .await;
}

#[tokio::test]
async fn units_refuse_bad_and_unknown_iris_with_codes() {
    let cases = [
        ("/api/units", StatusCode::BAD_REQUEST, "invalid_request"),
        ("/api/units?iri=", StatusCode::BAD_REQUEST, "invalid_iri"),
        ("/api/units?iri=not%20an%20iri", StatusCode::BAD_REQUEST, "invalid_iri"),
        ("/api/units?iri=urn:x", StatusCode::BAD_REQUEST, "invalid_iri"),
        (
            "/api/units?iri=https%3A%2F%2Fcbdkg.example%2Fid%2Fx%3E%20%7D%20%3Fs%20%3Fp%20%3Fo%20%7B%20%3Cy",
            StatusCode::BAD_REQUEST,
            "invalid_iri",
        ),
        ("/api/units?iri=https://a.example/x&iri=https://a.example/y", StatusCode::BAD_REQUEST, "repeated_parameter"),
        ("/api/units?id=https://a.example/x", StatusCode::BAD_REQUEST, "invalid_request"),
        ("/api/units?iri=https%3A%2F%2Fcbdkg.example%2Fid%2Fdecision%2FCOP-99-1", StatusCode::NOT_FOUND, "not_found"),
        (
            "/api/targets?iri=https%3A%2F%2Fcbdkg.example%2Fid%2Fdecision%2FCOP-13-23",
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        ("/api/targets?iri=http%3A%2F%2Fmetadata.cbd.int%2Fkmgbf%2Ftarget_99", StatusCode::NOT_FOUND, "not_found"),
        ("/api/targets?iri=nope", StatusCode::BAD_REQUEST, "invalid_iri"),
    ];
    for (uri, status, code) in cases {
        let reply = get(uri, &[]).await;
        assert_eq!(reply.status, status, "{uri}: {}", String::from_utf8_lossy(&reply.body));
        let json = reply.json();
        assert_eq!(json["error"]["code"], code, "{uri}: {json}");
        assert!(!json["error"]["message"].as_str().unwrap_or("").is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn targets_list_every_target_and_a_target_page_splits_what_cites_it() {
    let list = get("/api/targets", &[]).await;
    assert_eq!(list.status, StatusCode::OK);
    let targets = list.json()["targets"].as_array().unwrap().clone();
    let count = |scheme: &str| targets.iter().filter(|t| t["scheme"] == scheme).count();
    assert_eq!((count("gbf"), count("aichi")), (23, 20));
    // Pledges for target 7, as docs/sparql-examples.md §4 counts them (4 + 3 + 2 + 1).
    let seven = get(&format!("/api/targets?iri={}", encode("http://metadata.cbd.int/kmgbf/target_7")), &[]).await;
    assert_eq!(seven.status, StatusCode::OK);
    let page = seven.json();
    assert_eq!(page["code"], "7");
    assert_eq!(page["pledges"].as_array().unwrap().len(), 10, "{page:#}");
    assert!(page["definitions"].as_array().unwrap().iter().any(|d| d["lang"] == "fr"));
    assert!(
        page["names"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["lang"] == "en" && n["value"].as_str().unwrap().contains("Pollution"))
    );
    assert!(
        page["matches"].as_array().unwrap().iter().any(|m| m["iri"] == "https://cbdkg.example/vocab/aichi-target/8")
    );
    assert!(page["indicators"].as_array().unwrap().iter().any(|i| i["code"] == "7.1" && i["role"] == "headline"));
    // Target 17: clearing-house records and pledges apart (docs/sparql-examples.md §8).
    let seventeen = get(&format!("/api/targets?iri={}", encode("http://metadata.cbd.int/kmgbf/target_17")), &[]).await;
    let page = seventeen.json();
    assert_eq!((page["records"].as_array().unwrap().len(), page["pledges"].as_array().unwrap().len()), (2, 3));
    assert!(!page["translation_notes"].as_array().unwrap().is_empty());
    // An Aichi target cited by the annex of XIII/23.
    let aichi = get(&format!("/api/targets?iri={}", encode("https://cbdkg.example/vocab/aichi-target/9")), &[]).await;
    let page = aichi.json();
    assert_eq!(page["scheme"], "aichi");
    assert!(page["units"].as_array().unwrap().iter().any(|u| u["document"] == format!("{BASE}decision/COP-13-23")));
}
