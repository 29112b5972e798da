//! Latency of `POST /api/ask` through the real server on 127.0.0.1, warm, sequential and with
//! concurrent askers; baseline: `GET /api/search` (hybrid, k=10) for the same questions on the
//! same server and socket, measured in the same run.
//!
//! `cargo bench --bench ask` (release). Input: `data/corpus`, `data/examples` and
//! `evals/fixtures/injected` ingested by the release binary into a temporary data directory
//! (or into `CBDKG_BENCH_DATA`, kept between runs: a second ingest there is a no-op); the
//! questions of `evals/gold/answers.toml`. Steps: one pass over every question (the assistant
//! embeds the sentences of the paragraphs it reads once, and keeps them: this is the cold
//! pass); then `CBDKG_BENCH_ROUNDS` (default 3) rounds, each question asked and searched in
//! turn on one keep-alive connection; then `CBDKG_BENCH_ASKERS` (default 20) askers on their
//! own connections at once, each going through every question from its own starting point.

use cbdkg::http::{AppState, router};
use cbdkg::settings::{CliOverrides, Settings, SettingsSources};
use cbdkg_evals::AnswerGold;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "common/http.rs"]
mod http;
use http::HttpClient;

const SOURCES: [&str; 3] = ["data/corpus", "data/examples", "evals/fixtures/injected"];

fn main() {
    let env = |name: &str, default: usize| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (rounds, askers) = (env("CBDKG_BENCH_ROUNDS", 3), env("CBDKG_BENCH_ASKERS", 20));
    let temporary = tempfile::tempdir().expect("temporary directory");
    let data = std::env::var_os("CBDKG_BENCH_DATA").map_or_else(|| temporary.path().join("var"), PathBuf::from);
    let output = Command::new(env!("CARGO_BIN_EXE_cbdkg"))
        .args(["ingest", "--data-dir", data.to_str().expect("utf-8 path")])
        .args(SOURCES)
        .output()
        .expect("run cbdkg ingest");
    assert!(output.status.success(), "cbdkg ingest: {}", String::from_utf8_lossy(&output.stderr));

    let sources = SettingsSources {
        cli: CliOverrides { data_dir: Some(data.clone()), addr: None },
        ..SettingsSources::default()
    };
    let settings = Settings::load(&sources).expect("settings");
    let graph = cbdkg_graph::GraphStore::open(&settings.data_dir).expect("open the graph");
    let search = cbdkg::serve::open_search(&settings);
    let state = AppState::new(graph, Arc::new(settings), search);
    // The runtime `cbdkg serve` uses: multi-threaded, one worker per core.
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("bound address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(async move {
        axum::serve(cbdkg::serve::tuned(listener), router(state))
            .with_graceful_shutdown(async {
                stopped.await.ok();
            })
            .await
    });

    let gold = AnswerGold::bundled().expect("the answer gold set");
    let questions: Vec<String> = gold.questions().iter().map(|q| q.text.clone()).collect();
    let asks: Vec<String> = questions.iter().map(|q| serde_json::json!({ "question": q }).to_string()).collect();
    let searches: Vec<String> = questions
        .iter()
        .map(|q| format!("/api/search?k=10&q={}", form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()))
        .collect();
    println!(
        "POST /api/ask on 127.0.0.1, release profile, {} questions, {} cores",
        questions.len(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    let mut client = HttpClient::connect(addr);
    let mut cold = Vec::new();
    for (ask, search) in asks.iter().zip(&searches) {
        cold.push(timed(|| drop(client.post_json("/api/ask", ask))));
        client.get(search, "application/json");
    }
    report("ask, first pass (sentences embedded)", cold, None);

    let (mut ask_times, mut search_times) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for (ask, search) in asks.iter().zip(&searches) {
            ask_times.push(timed(|| drop(client.post_json("/api/ask", ask))));
            search_times.push(timed(|| drop(client.get(search, "application/json"))));
        }
    }
    let search_p50 = percentile(&sorted(search_times.clone()), 0.5);
    report("search, hybrid k=10 (baseline)", search_times, None);
    report("ask, warm, one asker", ask_times, Some(search_p50));
    drop(client);

    let asks_ref = &asks;
    let started = Instant::now();
    let concurrent: Vec<Duration> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            (0..askers).map(|i| scope.spawn(move || asker(addr, asks_ref, i * asks_ref.len() / askers))).collect();
        workers.into_iter().flat_map(|w| w.join().expect("asker panicked")).collect()
    });
    let elapsed = started.elapsed();
    let answered = concurrent.len();
    report(&format!("ask, warm, {askers} askers at once"), concurrent, Some(search_p50));
    println!(
        "{answered} answers (every one 200) in {:.1} s: {:.1} answers/s",
        elapsed.as_secs_f64(),
        answered as f64 / elapsed.as_secs_f64()
    );

    stop.send(()).ok();
    runtime.block_on(server).expect("server task").expect("server");
}

/// One asker on its own connection: every question once, from `start` on, wrapping around.
fn asker(addr: SocketAddr, asks: &[String], start: usize) -> Vec<Duration> {
    let mut client = HttpClient::connect(addr);
    (0..asks.len()).map(|i| timed(|| drop(client.post_json("/api/ask", &asks[(start + i) % asks.len()])))).collect()
}

fn timed(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

fn sorted(mut times: Vec<Duration>) -> Vec<Duration> {
    times.sort();
    times
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn report(name: &str, times: Vec<Duration>, baseline_p50: Option<Duration>) {
    let times = sorted(times);
    let (p50, p95) = (percentile(&times, 0.5), percentile(&times, 0.95));
    let mut line = format!("{name:<40} p50 {:>8.2} ms   p95 {:>8.2} ms", ms(p50), ms(p95));
    if let Some(base) = baseline_p50 {
        line.push_str(&format!("   p50 = {:.2}× search", ms(p50) / ms(base)));
    }
    println!("{line}");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
