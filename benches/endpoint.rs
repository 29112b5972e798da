//! Overhead of the SPARQL endpoint: each query run on the store directly (query + JSON or
//! Turtle serialisation) and through the real HTTP server on 127.0.0.1, medians compared.
//!
//! `cargo bench --bench endpoint` (release). Input: the vocabularies and `data/corpus`,
//! ingested into a temporary store by the same code as `cbdkg ingest`. Environment:
//! `CBDKG_BENCH_RUNS` (default 200) timed runs per query and side, interleaved, after 5 warm-up
//! runs;
//! `CBDKG_BENCH_CORPUS` (default `data/corpus`).

use cbdkg::http::search::SearchService;
use cbdkg::http::{AppState, router};
use cbdkg::settings::Settings;
use cbdkg_graph::model::Term;
use cbdkg_graph::{GraphStore, QueryAnswer, QueryOptions, QueryResultsFormat, RdfFormat};
use cbdkg_ingest::BaseIri;
use indicatif::ProgressBar;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "common/http.rs"]
mod http;
use http::HttpClient;

const WARM_UP_RUNS: usize = 5;

/// Name, query, and the `Accept` header sent over HTTP.
const QUERIES: &[(&str, &str, &str)] = &[
    ("count all triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json"),
    (
        "count per class",
        "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)",
        "application/sparql-results+json",
    ),
    (
        "paragraphs with text",
        "PREFIX cbdkg: <https://cbdkg.example/ontology#>
         SELECT ?p ?label ?text WHERE { ?p cbdkg:text ?text . OPTIONAL { ?p cbdkg:label ?label } } LIMIT 500",
        "application/sparql-results+json",
    ),
    ("page of 1000 triples", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 1000", "application/sparql-results+json"),
    (
        "construct labels",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         CONSTRUCT { ?c skos:prefLabel ?l } WHERE { { ?c skos:prefLabel ?l } UNION { ?c rdfs:label ?l } }",
        "text/turtle",
    ),
];

fn main() {
    // `cargo bench` passes `--bench`; there are no other options.
    let runs: usize = std::env::var("CBDKG_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let corpus = PathBuf::from(std::env::var("CBDKG_BENCH_CORPUS").unwrap_or_else(|_| "data/corpus".to_owned()));
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = GraphStore::open(dir.path()).expect("open store");
    let paths = if corpus.exists() { vec![corpus.clone()] } else { Vec::new() };
    let report = cbdkg::ingest::ingest(&store, &BaseIri::default(), &paths, &ProgressBar::hidden());
    for failure in &report.failures {
        eprintln!("ingest failure (benchmark continues): {}", failure.error);
    }
    let quads = match store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", &QueryOptions::default()) {
        Ok(QueryAnswer::Solutions { rows, .. }) => match rows.first().and_then(|row| row.first()) {
            Some(Some(Term::Literal(count))) => count.value().to_owned(),
            _ => "?".to_owned(),
        },
        _ => "?".to_owned(),
    };

    let settings = Arc::new(Settings::default());
    let options = QueryOptions::new(settings.query_timeout(), settings.sparql.row_cap);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("bound address");
    let search = SearchService::Unavailable("not built for this benchmark".into());
    let app = router(AppState::new(store.clone(), settings, search));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(async move {
        axum::serve(cbdkg::serve::tuned(listener), app)
            .with_graceful_shutdown(async {
                stopped.await.ok();
            })
            .await
    });
    let mut client = HttpClient::connect(addr);

    println!(
        "endpoint overhead: {} sources, {quads} quads, {runs} runs per query and side (median), {} profile",
        report.sources.len(),
        if cfg!(debug_assertions) { "debug" } else { "release" },
    );
    println!(
        "{:<22} {:>7} {:>9} {:>12} {:>12} {:>8} {:>12}",
        "query", "rows", "bytes", "direct ms", "http ms", "http/dir", "overhead ms"
    );
    let (mut total_direct, mut total_http) = (Duration::ZERO, Duration::ZERO);
    for (name, query, accept) in QUERIES {
        let direct = || {
            let answer = store.query(query, &options).expect("query");
            let bytes = serialise(&answer);
            (answer_len(&answer), bytes.len())
        };
        let target = format!("/sparql?query={}", form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>());
        let http = |client: &mut HttpClient| client.get(&target, accept);
        let (rows, bytes) = direct();
        for _ in 0..WARM_UP_RUNS {
            direct();
            http(&mut client);
        }
        // Interleaved (direct, HTTP, direct, HTTP, …) so that drift in the machine's load
        // falls on both sides alike.
        let mut direct_times = Vec::with_capacity(runs);
        let mut http_times = Vec::with_capacity(runs);
        for _ in 0..runs.max(1) {
            direct_times.push(time(|| {
                direct();
            }));
            http_times.push(time(|| {
                let body = http(&mut client);
                assert!(body.len() >= bytes.saturating_sub(64), "{name}: HTTP body shorter than direct output");
            }));
        }
        let (a, b) = (median(direct_times), median(http_times));
        total_direct += a;
        total_http += b;
        println!(
            "{name:<22} {rows:>7} {bytes:>9} {:>12.3} {:>12.3} {:>8.2} {:>12.3}",
            ms(a),
            ms(b),
            b.as_secs_f64() / a.as_secs_f64().max(1e-9),
            ms(b) - ms(a),
        );
    }
    println!(
        "{:<22} {:>7} {:>9} {:>12.3} {:>12.3} {:>8.2} {:>12.3}",
        "all five (sum)",
        "",
        "",
        ms(total_direct),
        ms(total_http),
        total_http.as_secs_f64() / total_direct.as_secs_f64().max(1e-9),
        ms(total_http) - ms(total_direct),
    );
    drop(client);
    stop.send(()).ok();
    runtime.block_on(server).expect("server task").expect("server");
}

fn serialise(answer: &QueryAnswer) -> Vec<u8> {
    if answer.is_graph() {
        answer.write_graph(RdfFormat::Turtle, Vec::new()).expect("turtle")
    } else {
        answer.write_results(QueryResultsFormat::Json, Vec::new()).expect("json")
    }
}

fn answer_len(answer: &QueryAnswer) -> usize {
    match answer {
        QueryAnswer::Solutions { rows, .. } => rows.len(),
        QueryAnswer::Graph { triples, .. } => triples.len(),
        QueryAnswer::Boolean(_) => 1,
    }
}

fn time(run: impl FnOnce()) -> Duration {
    let started = Instant::now();
    run();
    started.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
