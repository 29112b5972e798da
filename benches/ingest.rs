//! Time to parse and load the corpus, against the store's own loader as baseline.
//!
//! `cargo bench --bench ingest` (release). Each timed run starts from an empty store:
//! - `cbdkg ingest`: read, check and hash the files, parse, map to RDF, load with provenance
//!   (vocabularies included): what `cbdkg ingest data/corpus` does;
//! - `parse only`: read, parse and map the five documents, no store;
//! - baseline `oxigraph load`: the very same quads, serialised beforehand as N-Quads, loaded by
//!   oxigraph's own parser (`Store::load_from_reader`) in one transaction.
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
