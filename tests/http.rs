//! The HTTP interface through `router(state)` with `tower::ServiceExt::oneshot`, no socket:
//! every status, format and negotiation case of the SPARQL protocol endpoint.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use cbdkg::http::search::SearchService;
use cbdkg::http::{AppState, router};
use cbdkg::settings::Settings;
use cbdkg_graph::GraphStore;
use cbdkg_graph::model::{Literal, NamedNode, Quad};
use cbdkg_ingest::{BaseIri, GraphPayload, PARSER_VERSION, SourceFile};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const EX: &str = "https://example.org/";
const TOKEN: &str = "admin-token-0123456789";

const SELECT: &str = "SELECT ?t WHERE { ?d <https://example.org/title> ?t } ORDER BY ?t";
const ASK: &str = "ASK { ?d <https://example.org/title> \"one\" }";
const CONSTRUCT: &str = "CONSTRUCT WHERE { ?d <https://example.org/title> ?t }";
/// 300 × 300 × every triple, in little memory: it runs until cancelled (see graph/tests).
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE {
    { SELECT ?a WHERE { ?a ?p ?x } LIMIT 300 }
    ?b ?q ?y .
    { SELECT ?c WHERE { ?c ?r ?z } LIMIT 300 }
}";

/// A graph per title, in graphs `ex:g1`, `ex:g2`…, besides the vocabularies.
fn payload(index: usize, title: &str) -> GraphPayload {
    let graph = NamedNode::new(format!("{EX}g{index}")).unwrap();
    let quad = Quad::new(
        NamedNode::new(format!("{EX}doc{index}")).unwrap(),
        NamedNode::new(format!("{EX}title")).unwrap(),
        Literal::from(title),
        graph.clone(),
    );
    GraphPayload {
        subject: graph.clone(),
        label: title.to_owned(),
        source: SourceFile {
            file_name: format!("{title}.txt"),
            path: format!("{title}.txt"),
            sha256: format!("{index:064}"),
            byte_size: 1,
        },
        source_iri: NamedNode::new(format!("{EX}source/{index}")).unwrap(),
        graph,
        parser_version: PARSER_VERSION,
        quads: vec![quad],
    }
}

struct App {
    _dir: tempfile::TempDir,
    router: Router,
}

fn app(configure: impl FnOnce(&mut Settings)) -> App {
    let dir = tempfile::tempdir().unwrap();
    let graph = GraphStore::open(dir.path()).unwrap();
    for vocabulary in cbdkg_ingest::vocabulary_payloads(&BaseIri::default()).unwrap() {
        graph.load(&vocabulary).unwrap();
    }
    graph.load(&payload(1, "one")).unwrap();
    graph.load(&payload(2, "two")).unwrap();
    let mut settings = Settings::default();
    configure(&mut settings);
    App {
        _dir: dir,
        router: router(AppState::new(
            graph,
            Arc::new(settings),
            SearchService::Unavailable("not built in these tests".into()),
        )),
    }
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

async fn send(app: &App, request: Request<Body>) -> Reply {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Reply { status, headers, body: String::from_utf8_lossy(&body).into_owned() }
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn get(params: &str, accept: Option<&str>) -> Request<Body> {
    let mut request = Request::get(format!("/sparql{params}"));
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    request.body(Body::empty()).unwrap()
}

fn post(content_type: &str, body: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/sparql").header(header::CONTENT_TYPE, content_type);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

/// Checks status, `Content-Type` (prefix) and a fragment of the body.
async fn check(app: &App, request: Request<Body>, status: StatusCode, content_type: &str, fragment: &str) -> Reply {
    let label = format!("{} {}", request.method(), request.uri());
    let reply = send(app, request).await;
    assert_eq!(reply.status, status, "{label}: {}", reply.body);
    assert!(reply.header("content-type").starts_with(content_type), "{label}: {:?}", reply.headers);
    assert!(reply.body.contains(fragment), "{label}: {:?} lacks {fragment:?}", reply.body);
    reply
}

#[tokio::test]
async fn queries_are_negotiated_by_accept_and_format() {
    let app = app(|_| {});
    let select = format!("?query={}", encode(SELECT));
    let ask = format!("?query={}", encode(ASK));
    let construct = format!("?query={}", encode(CONSTRUCT));
    let ok = StatusCode::OK;
    let cases: &[(&str, Option<&str>, StatusCode, &str, &str)] = &[
        (&select, None, ok, "application/sparql-results+json", r#""value":"one""#),
        (&select, Some("*/*"), ok, "application/sparql-results+json", r#""value":"two""#),
        (&select, Some("application/json"), ok, "application/json", r#""vars":["t"]"#),
        (
            &select,
            Some("application/sparql-results+xml"),
            ok,
            "application/sparql-results+xml",
            "<literal>one</literal>",
        ),
        (&select, Some("text/csv"), ok, "text/csv; charset=utf-8", "t\r\none\r\ntwo\r\n"),
        (&select, Some("text/tab-separated-values"), ok, "text/tab-separated-values", "?t\n\"one\"\n\"two\"\n"),
        (
            &select,
            Some("text/csv;q=0.5, application/sparql-results+xml;q=0.9"),
            ok,
            "application/sparql-results+xml",
            "<sparql",
        ),
        (&select, Some("text/turtle"), StatusCode::NOT_ACCEPTABLE, "application/json", "not_acceptable"),
        (&select, Some("text/html"), StatusCode::NOT_ACCEPTABLE, "application/json", "available"),
        (&format!("{select}&format=csv"), Some("application/sparql-results+xml"), ok, "text/csv", "one"),
        (&format!("{select}&format=json&output=json"), None, ok, "application/sparql-results+json", "one"),
        (
            &format!("{select}&format=tsv&format=text/tab-separated-values"),
            None,
            ok,
            "text/tab-separated-values",
            "\"one\"",
        ),
        (&ask, None, ok, "application/sparql-results+json", r#""boolean":true"#),
        (&ask, Some("application/sparql-results+xml"), ok, "application/sparql-results+xml", "<boolean>true</boolean>"),
        (&ask, Some("text/csv"), ok, "text/csv", "true"),
        (&construct, None, ok, "text/turtle", "\"one\""),
        (&construct, Some("application/turtle,text/turtle"), ok, "text/turtle", "\"two\""),
        (&construct, Some("application/turtle"), ok, "application/turtle", "\"two\""),
        (
            &construct,
            Some("application/n-triples"),
            ok,
            "application/n-triples",
            "<https://example.org/doc1> <https://example.org/title> \"one\" .",
        ),
        (&construct, Some("application/ld+json"), ok, "application/ld+json", "\"one\""),
        (&construct, Some("application/rdf+xml"), ok, "application/rdf+xml", "rdf:RDF"),
        (&format!("{construct}&format=json-ld"), None, ok, "application/ld+json", "@id"),
        (&format!("{construct}&format=xml"), None, ok, "application/rdf+xml", "rdf:RDF"),
        (
            &construct,
            Some("application/sparql-results+json"),
            StatusCode::NOT_ACCEPTABLE,
            "application/json",
            "a graph",
        ),
    ];
    for (params, accept, status, content_type, fragment) in cases {
        let reply = check(&app, get(params, *accept), *status, content_type, fragment).await;
        assert_eq!(reply.header("cbdkg-row-cap"), "10000", "{params} {accept:?}");
        assert_eq!(reply.header("cbdkg-truncated"), "", "{params} {accept:?}");
    }
}

#[tokio::test]
async fn every_protocol_operation_and_its_errors() {
    let app = app(|_| {});
    let form = "application/x-www-form-urlencoded";
    let bad_request = StatusCode::BAD_REQUEST;
    let json = "application/json";
    let query_form = format!("query={}", encode(SELECT));
    let update_form = format!("update={}", encode("INSERT DATA { <a:b> <a:b> <a:b> }"));
    let both = format!("{query_form}&{update_form}");
    let twice = format!("{query_form}&{query_form}");
    let cases: Vec<(Request<Body>, StatusCode, &str, &str)> = vec![
        (post(form, &query_form, &[]), StatusCode::OK, "application/sparql-results+json", "two"),
        (post("application/sparql-query", SELECT, &[]), StatusCode::OK, "application/sparql-results+json", "one"),
        (
            post("application/sparql-query; charset=utf-8", ASK, &[]),
            StatusCode::OK,
            "application/sparql-results+json",
            "true",
        ),
        (post(form, &both, &[]), bad_request, json, "query_and_update"),
        (post(form, &twice, &[]), bad_request, json, "may be given only once"),
        (post(form, "nothing=1", &[]), bad_request, json, "missing_operation"),
        (post("text/plain", SELECT, &[]), StatusCode::UNSUPPORTED_MEDIA_TYPE, json, "text/plain"),
        (post("application/sparql-query", "SELECT * WHERE { ?s ?p }", &[]), bad_request, json, "SPARQL syntax error"),
        (post("application/sparql-query", "SELEKT *", &[]), bad_request, json, "query_syntax"),
        (
            post(
                "application/sparql-query",
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                &[],
            ),
            bad_request,
            json,
            "query_evaluation",
        ),
        (post(form, &update_form, &[]), StatusCode::FORBIDDEN, json, "updates_disabled"),
        (post("application/sparql-update", "CLEAR ALL", &[]), StatusCode::FORBIDDEN, json, "read-only"),
        (
            post("application/sparql-update", "CLEAR ALL", &[("authorization", "Bearer anything-at-all-here")]),
            StatusCode::FORBIDDEN,
            json,
            "updates_disabled",
        ),
        (get(&format!("?{update_form}"), None), bad_request, json, "must be sent with POST"),
        (get(&format!("?{twice}"), None), bad_request, json, "repeated_parameter"),
        (
            get(&format!("?query={}&default-graph-uri=not%20an%20iri", encode(SELECT)), None),
            bad_request,
            json,
            "invalid_graph_iri",
        ),
        (get("", None), StatusCode::OK, "text/turtle", "sd:Service"),
        (Request::get("/healthz").body(Body::empty()).unwrap(), StatusCode::OK, json, r#""status":"ok""#),
        (Request::put("/sparql").body(Body::empty()).unwrap(), StatusCode::METHOD_NOT_ALLOWED, "", ""),
        (Request::get("/nowhere").body(Body::empty()).unwrap(), StatusCode::NOT_FOUND, "", ""),
    ];
    for (request, status, content_type, fragment) in cases {
        check(&app, request, status, content_type, fragment).await;
    }
    // Nothing was changed by the refused updates.
    check(
        &app,
        get(&format!("?query={}", encode(ASK)), None),
        StatusCode::OK,
        "application/sparql-results+json",
        "true",
    )
    .await;
}

#[tokio::test]
async fn the_dataset_follows_the_protocol_parameters() {
    let app = app(|_| {});
    let graphs = "SELECT ?g ?t WHERE { GRAPH ?g { ?d <https://example.org/title> ?t } }";
    let cases: &[(String, &[&str], &[&str])] = &[
        (format!("?query={}", encode(SELECT)), &["one", "two"], &[]),
        (format!("?query={}&default-graph-uri={}", encode(SELECT), encode(&format!("{EX}g2"))), &["two"], &["one"]),
        (format!("?query={}&named-graph-uri={}", encode(graphs), encode(&format!("{EX}g1"))), &["one", "g1"], &["two"]),
    ];
    for (params, present, absent) in cases {
        let reply = check(&app, get(params, Some("text/csv")), StatusCode::OK, "text/csv", "").await;
        for fragment in *present {
            assert!(reply.body.contains(fragment), "{params}: {:?} lacks {fragment}", reply.body);
        }
        for fragment in *absent {
            assert!(!reply.body.contains(fragment), "{params}: {:?} has {fragment}", reply.body);
        }
    }
    // A form POST carries the dataset in its body.
    let body = format!("query={}&default-graph-uri={}", encode(SELECT), encode(&format!("{EX}g1")));
    let reply = check(
        &app,
        post("application/x-www-form-urlencoded", &body, &[("accept", "text/csv")]),
        StatusCode::OK,
        "text/csv",
        "one",
    )
    .await;
    assert!(!reply.body.contains("two"), "{}", reply.body);
}

#[tokio::test]
async fn updates_need_the_admin_token() {
    let app = app(|s| s.sparql.admin_token = Some(TOKEN.to_owned()));
    let update = "INSERT DATA { GRAPH <https://example.org/g3> { <https://example.org/doc3> <https://example.org/title> \"three\" } }";
    let bearer = format!("Bearer {TOKEN}");
    let json = "application/json";
    let cases: Vec<(Request<Body>, StatusCode, &str, &str)> = vec![
        (post("application/sparql-update", update, &[]), StatusCode::FORBIDDEN, json, "invalid_token"),
        (
            post("application/sparql-update", update, &[("authorization", "Bearer wrong-token-0123456789")]),
            StatusCode::FORBIDDEN,
            json,
            "invalid_token",
        ),
        (
            post("application/sparql-update", update, &[("authorization", &format!("Basic {TOKEN}"))]),
            StatusCode::FORBIDDEN,
            json,
            "invalid_token",
        ),
        (
            post("application/sparql-update", "INSERT NOTHING", &[("authorization", &bearer)]),
            StatusCode::BAD_REQUEST,
            json,
            "query_syntax",
        ),
        (
            post("application/sparql-update", "DROP GRAPH <https://example.org/none>", &[("authorization", &bearer)]),
            StatusCode::BAD_REQUEST,
            json,
            "update_failed",
        ),
        (post("application/sparql-update", update, &[("authorization", &bearer)]), StatusCode::NO_CONTENT, "", ""),
        (get(&format!("?query={}", encode(SELECT)), Some("text/csv")), StatusCode::OK, "text/csv", "three"),
        (get("", None), StatusCode::OK, "text/turtle", "sd:SPARQL11Update"),
    ];
    for (request, status, content_type, fragment) in cases {
        check(&app, request, status, content_type, fragment).await;
    }
}

#[tokio::test]
async fn limits_time_rows_and_body_size() {
    let app = app(|s| {
        s.sparql.timeout_ms = 300;
        s.sparql.row_cap = 1;
        s.server.max_request_bytes = 1024;
    });
    let started = Instant::now();
    let reply = check(
        &app,
        post("application/sparql-query", RUNAWAY, &[]),
        StatusCode::SERVICE_UNAVAILABLE,
        "application/json",
        "query_timeout",
    )
    .await;
    let elapsed = started.elapsed();
    // The runaway query would run for minutes; the bound leaves room for a loaded CI machine.
    assert!(elapsed < Duration::from_millis(3000), "answered after {elapsed:?}");
    assert!(reply.body.contains(r#""limit_ms":300"#) && reply.body.contains("300 ms"), "{}", reply.body);
    assert_eq!(reply.header("cbdkg-row-cap"), "1");

    let reply = check(
        &app,
        get(&format!("?query={}", encode(SELECT)), Some("text/csv")),
        StatusCode::OK,
        "text/csv",
        "t\r\none\r\n",
    )
    .await;
    assert!(!reply.body.contains("two"), "{}", reply.body);
    assert_eq!((reply.header("cbdkg-row-cap"), reply.header("cbdkg-truncated")), ("1", "true"));

    let big = format!("{SELECT} # {}", "x".repeat(1024));
    check(
        &app,
        post("application/sparql-query", &big, &[]),
        StatusCode::PAYLOAD_TOO_LARGE,
        "application/json",
        "1024 bytes",
    )
    .await;
}

#[tokio::test]
async fn cors_and_health() {
    let app = app(|s| s.server.cors_allowed_origins = vec!["https://partner.example".into()]);
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/sparql")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let reply = send(&app, preflight("https://partner.example")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("access-control-allow-origin"), "https://partner.example");
    let reply = send(&app, preflight("https://elsewhere.example")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "");

    let request = Request::get(format!("/sparql?query={}", encode(ASK)))
        .header("origin", "https://partner.example")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.header("access-control-allow-origin"), "https://partner.example");
    assert!(reply.header("access-control-expose-headers").contains("cbdkg-row-cap"), "{:?}", reply.headers);

    let any = self::app(|_| {});
    let reply = send(&any, preflight("https://anyone.example")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "*");

    let reply =
        check(&any, Request::get("/healthz").body(Body::empty()).unwrap(), StatusCode::OK, "application/json", "")
            .await;
    let health: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let graphs = cbdkg_ingest::vocabulary_payloads(&BaseIri::default()).unwrap().len() + 2;
    assert_eq!(health["store"]["graphs"], graphs, "{health}");
    assert_eq!(health["store"]["read_only"], false, "{health}");
}

#[tokio::test]
async fn the_service_description_parses_as_turtle() {
    let app = app(|_| {});
    let request = Request::get("/sparql").header("host", "kg.example:8080").body(Body::empty()).unwrap();
    let reply = check(&app, request, StatusCode::OK, "text/turtle", "<http://kg.example:8080/sparql>").await;
    let triples = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(reply.body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert!(triples.len() > 10, "{} triples", triples.len());
    // A Host header that could break the Turtle is not used.
    let request = Request::get("/sparql").header("host", "x> <y").body(Body::empty()).unwrap();
    check(&app, request, StatusCode::OK, "text/turtle", "<http://127.0.0.1:7878/sparql>").await;
}
