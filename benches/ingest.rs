//! Time to parse and load the corpus, against the store's own loader as baseline.
//!
//! `cargo bench --bench ingest` (release). Each timed run starts from an empty store:
//! - `cbdkg ingest`: read, check and hash the files, parse, map to RDF, load with provenance
//!   (vocabularies included): what `cbdkg ingest data/corpus` does;
//! - `parse only`: read, parse and map the five documents, no store;
//! - baseline `oxigraph load`: the very same quads, serialised beforehand as N-Quads, loaded by
//!   oxigraph's own parser (`Store::load_from_reader`) in one transaction.
//!
//! Then the records:
//! - `cbdkg ingest data/examples` into an empty store: the vocabularies (always loaded) and the
//!   example clearing-house records and pledges, read, validated, mapped and loaded; baseline:
//!   oxigraph loading the same quads as N-Quads;
//! - a SPARQL query over all three kinds of record (paragraphs of decisions, clearing-house
//!   records, pledges) citing each target, on the corpus and examples; baseline: counting every
//!   quad of the same store.
//!
//! Environment: `CBDKG_BENCH_RUNS` (default 20) timed runs after 3 warm-up runs;
//! `CBDKG_BENCH_CORPUS` (default `data/corpus`).

use cbdkg_graph::GraphStore;
use cbdkg_ingest::{BaseIri, parse, read_source, to_graph, vocabulary_payloads};
use indicatif::ProgressBar;
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const WARM_UP_RUNS: usize = 3;

fn main() {
    let runs: usize = std::env::var("CBDKG_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let corpus = PathBuf::from(std::env::var("CBDKG_BENCH_CORPUS").unwrap_or_else(|_| "data/corpus".to_owned()));
    let files = sources(&corpus);
    let base = BaseIri::default();

    // The quads cbdkg writes, as N-Quads, for the baseline.
    let mut nquads = String::new();
    let mut quads = 0usize;
    for payload in
        vocabulary_payloads(&base).expect("vocabularies").into_iter().chain(files.iter().map(|f| parse_file(f, &base)))
    {
        for quad in &payload.quads {
            nquads.push_str(&quad.to_string());
            nquads.push_str(" .\n");
        }
        quads += payload.quads.len();
    }

    let ingest = measure(runs, || {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = GraphStore::open(dir.path()).expect("open store");
        let start = Instant::now();
        let report = cbdkg::ingest::ingest(&store, &base, std::slice::from_ref(&corpus), &ProgressBar::hidden());
        let elapsed = start.elapsed();
        assert!(report.failures.is_empty(), "{}", report.summary());
        elapsed
    });
    let parse_only = measure(runs, || {
        let start = Instant::now();
        let n: usize = files.iter().map(|f| parse_file(f, &base).quads.len()).sum();
        assert!(n > 0);
        start.elapsed()
    });
    let baseline = measure(runs, || {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = Store::open(dir.path()).expect("open store");
        let start = Instant::now();
        store.load_from_reader(RdfFormat::NQuads, nquads.as_bytes()).expect("load N-Quads");
        let elapsed = start.elapsed();
        assert_eq!(store.len().expect("len"), quads);
        elapsed
    });

    println!(
        "corpus: {} ({} documents, {quads} quads with the vocabularies), {runs} runs each",
        corpus.display(),
        files.len()
    );
    println!("{:<40} {:>10} {:>10} {:>12}", "", "median ms", "p95 ms", "vs baseline");
    for (name, times) in [
        ("cbdkg ingest (parse + load, end to end)", &ingest),
        ("parse + map only (no store)", &parse_only),
        ("baseline: oxigraph load of same N-Quads", &baseline),
    ] {
        println!(
            "{name:<40} {:>10.1} {:>10.1} {:>11.2}x",
            ms(percentile(times, 50)),
            ms(percentile(times, 95)),
            ms(percentile(times, 50)) / ms(percentile(&baseline, 50))
        );
    }
    records(runs, &base, &corpus);
}

/// The records part: loading vocabularies and examples, and a query spanning every kind.
fn records(runs: usize, base: &BaseIri, corpus: &Path) {
    let examples = PathBuf::from("data/examples");
    let load = |dir: &Path, paths: &[PathBuf]| {
        let store = GraphStore::open(dir).expect("open store");
        let start = Instant::now();
        let report = cbdkg::ingest::ingest(&store, base, paths, &ProgressBar::hidden());
        let elapsed = start.elapsed();
        assert!(report.failures.is_empty(), "{}", report.summary());
        elapsed
    };
    // The same quads as N-Quads, read back from a loaded store.
    let dump = tempfile::tempdir().expect("temporary directory");
    load(dump.path(), std::slice::from_ref(&examples));
    let mut nquads = Vec::new();
    Store::open(dump.path().join(GraphStore::SUBDIR))
        .expect("reopen the store")
        .dump_to_writer(RdfFormat::NQuads, &mut nquads)
        .expect("dump");
    let quads = nquads.iter().filter(|&&b| b == b'\n').count();

    let ingest = measure(runs, || {
        let dir = tempfile::tempdir().expect("temporary directory");
        load(dir.path(), std::slice::from_ref(&examples))
    });
    let baseline = measure(runs, || {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = Store::open(dir.path()).expect("open store");
        let start = Instant::now();
        store.load_from_reader(RdfFormat::NQuads, nquads.as_slice()).expect("load N-Quads");
        start.elapsed()
    });

    let all = tempfile::tempdir().expect("temporary directory");
    load(all.path(), &[corpus.to_owned(), examples.clone()]);
    let store = GraphStore::open_read_only(all.path()).expect("open store");
    let options = cbdkg_graph::QueryOptions::new(Duration::from_secs(60), 100_000);
    let run_query = |query: &str| {
        let start = Instant::now();
        let answer = store.query(query, &options).expect("query");
        let elapsed = start.elapsed();
        assert!(matches!(answer, cbdkg_graph::QueryAnswer::Solutions { ref rows, .. } if !rows.is_empty()));
        elapsed
    };
    let across = format!(
        "SELECT ?target ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {{
           ?x <{cites}> ?target ; a ?kind .
           VALUES ?kind {{ <{paragraph}> <{row}> <{bch}> <{pledge}> }}
         }} GROUP BY ?target ?kind ORDER BY ?target ?kind",
        cites = cbdkg_ontologies::cbdkg::CITES_TARGET,
        paragraph = cbdkg_ontologies::cbdkg::PARAGRAPH,
        row = cbdkg_ontologies::cbdkg::TABLE_ROW,
        bch = cbdkg_ontologies::cbdkg::CLEARING_HOUSE_RECORD,
        pledge = cbdkg_ontologies::cbdkg::PLEDGE,
    );
    let query = measure(runs, || run_query(&across));
    let count = measure(runs, || run_query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"));

    println!();
    println!("records: {} ({quads} quads with the vocabularies), {runs} runs each", examples.display());
    println!("{:<40} {:>10} {:>10} {:>12}", "", "median ms", "p95 ms", "vs baseline");
    for (name, times, base) in [
        ("cbdkg ingest data/examples (+ vocab)", &ingest, &baseline),
        ("baseline: oxigraph load of same N-Quads", &baseline, &baseline),
        ("query: targets × kinds, all records", &query, &count),
        ("baseline: count every quad", &count, &count),
    ] {
        println!(
            "{name:<40} {:>10.1} {:>10.1} {:>11.2}x",
            ms(percentile(times, 50)),
            ms(percentile(times, 95)),
            ms(percentile(times, 50)) / ms(percentile(base, 50))
        );
    }
}

fn sources(corpus: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("ar"))
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn parse_file(path: &Path, base: &BaseIri) -> cbdkg_ingest::GraphPayload {
    let (source, text) = read_source(path).expect("read");
    to_graph(&parse(source, &text, None).expect("parse"), base)
}

fn measure(runs: usize, mut once: impl FnMut() -> Duration) -> Vec<Duration> {
    for _ in 0..WARM_UP_RUNS {
        once();
    }
    let mut times: Vec<Duration> = (0..runs).map(|_| once()).collect();
    times.sort();
    times
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
