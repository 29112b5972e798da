//! Search end to end: ingest with indexing, cold and warm, and query latency per mode.
//!
//! `cargo bench --bench search` (release). Steps, all on the bundled corpus:
//! - ingest cold: `cbdkg ingest data/corpus` (the release binary) into an empty data directory:
//!   parse, load, read the passages back, embed every passage, build both indexes;
//! - ingest warm: the same command again on that directory (nothing changed);
//! - reindex with a warm embedding cache: the indexes deleted, `cbdkg reindex`;
//! - query latency: every question of the bundled gold set, in each mode, through
//!   `SearchIndex::search` as the server calls it (query embedding included), after one warm-up
//!   pass; p50 and p95 over `CBDKG_BENCH_ROUNDS` (default 5) rounds. Baselines measured in
//!   the same run: the query embedding alone, and BM25 alone.

use cbdkg::settings::{Settings, SettingsSources};
use cbdkg_evals::GoldSet;
use cbdkg_search::SearchFilter;
use cbdkg_search::hybrid::{Mode, SearchRequest};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let rounds: usize = std::env::var("CBDKG_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("var");

    let cold = ingest(&data);
    let warm = ingest(&data);
    std::fs::remove_dir_all(data.join("index")).expect("remove the indexes");
    let reindex = timed(|| run(&["reindex", "--data-dir", data.to_str().expect("utf-8 path")]));
    println!("ingest cold (empty data dir, no embedding cache): {:>8.2} s", cold.as_secs_f64());
    println!("ingest warm (nothing changed):                    {:>8.2} s", warm.as_secs_f64());
    println!("reindex, embedding cache warm:                    {:>8.2} s", reindex.as_secs_f64());

    let sources = SettingsSources {
        cli: cbdkg::settings::CliOverrides { data_dir: Some(data.clone()), addr: None },
        ..SettingsSources::default()
    };
    let settings = Settings::load(&sources).expect("settings");
    let (index, problem) = cbdkg::indexes::open(&settings).expect("open the indexes");
    assert!(problem.is_none(), "{problem:?}");
    let embedder = cbdkg::indexes::load_embedder(&settings).expect("model");
    let gold = GoldSet::bundled().expect("gold set");
    let queries: Vec<&str> = gold.questions().iter().map(|q| q.text.as_str()).collect();

    let embed_only = latencies(&queries, rounds, |q| {
        embedder.embed(&[q], cbdkg_embed::Kind::Query).expect("embed");
    });
    report("query embedding alone (baseline)", &embed_only, None);
    let mut per_mode = Vec::new();
    for mode in [Mode::Bm25, Mode::Vector, Mode::Hybrid] {
        let samples = latencies(&queries, rounds, |q| {
            let request = SearchRequest { query: q.to_owned(), k: 10, mode, filter: SearchFilter::default() };
            index.search(&request).expect("search");
        });
        per_mode.push((mode, samples));
    }
    let bm25 = per_mode[0].1.clone();
    for (mode, samples) in &per_mode {
        let baseline = if *mode == Mode::Bm25 { None } else { Some(("query embedding", &embed_only)) };
        report(&format!("{} search, k=10", mode.as_str()), samples, baseline);
    }
    let hybrid = &per_mode[2].1;
    println!(
        "hybrid / bm25 p50: {:.2}×   ({} queries × {rounds} rounds, {} passages)",
        percentile(hybrid, 0.5).as_secs_f64() / percentile(&bm25, 0.5).as_secs_f64(),
        queries.len(),
        index.len()
    );
}

fn ingest(data: &Path) -> Duration {
    timed(|| run(&["ingest", "data/corpus", "--data-dir", data.to_str().expect("utf-8 path")]))
}

fn run(args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_cbdkg")).args(args).output().expect("run cbdkg");
    assert!(output.status.success(), "cbdkg {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn latencies(queries: &[&str], rounds: usize, mut f: impl FnMut(&str)) -> Vec<Duration> {
    for q in queries {
        f(q);
    }
    let mut samples = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds {
        for q in queries {
            let start = Instant::now();
            f(q);
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    samples
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn report(name: &str, samples: &[Duration], baseline: Option<(&str, &Vec<Duration>)>) {
    let (p50, p95) = (percentile(samples, 0.5), percentile(samples, 0.95));
    let mut line = format!("{name:<36} p50 {:>7.2} ms   p95 {:>7.2} ms", ms(p50), ms(p95));
    if let Some((what, base)) = baseline {
        line.push_str(&format!("   p50 = {:.2}× {what}", ms(p50) / ms(percentile(base, 0.5))));
    }
    println!("{line}");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
