//! `cargo bench -p cbdkg-embed --bench query`: latency of embedding one query, the way search
//! embeds it (`Embedder::embed` with one text, `Kind::Query`), over the 88 questions of
//! `evals/gold/retrieval.toml`.
//!
//! Baseline, measured in the same run and interleaved question by question so that both see
//! the same machine load: the single-sequence path (`Embedder::embed_single_sequence`:
//! plain buffers, 16-bit integer layers) on the same text, which is what `embed` takes for
//! a query on CPUs without AVX-512 BF16; with it, `embed` takes the batch path in bfloat16.
//! Prints p50/p95 of each, their ratio, the tokenizer's share and the cosine between the two
//! paths' vectors. `BENCH_ROUNDS` (default 5) rounds after one warm-up.

use std::time::{Duration, Instant};

use cbdkg_embed::{Embedder, Kind, default_model_path};

/// The gold questions' texts.
fn questions() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../evals/gold/retrieval.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let gold: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    gold["question"]
        .as_array()
        .expect("[[question]]")
        .iter()
        .map(|q| q["text"].as_str().expect("question text").to_owned())
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, samples: &mut [Duration], baseline: Option<&[Duration]>) {
    samples.sort();
    let (p50, p95) = (percentile(samples, 0.5), percentile(samples, 0.95));
    let mut line = format!("{name:<34} p50 {:>7.2} ms   p95 {:>7.2} ms", ms(p50), ms(p95));
    if let Some(base) = baseline {
        let ratio = |p| ms(percentile(samples, p)) / ms(percentile(base, p));
        line.push_str(&format!("   p50 {:.2}×, p95 {:.2}× the baseline", ratio(0.5), ratio(0.95)));
    }
    println!("{line}");
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
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

/// Mean wall and CPU milliseconds per call of `f` over every question, `rounds` times.
fn cpu_per_call(questions: &[String], rounds: usize, f: impl Fn(&str)) -> (f64, f64) {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        questions.iter().for_each(|q| f(q));
    }
    let calls = (questions.len() * rounds) as f64;
    (start.elapsed().as_secs_f64() * 1000.0 / calls, (cpu_seconds() - cpu) * 1000.0 / calls)
}

fn load_average() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let questions = questions();
    let embedder = Embedder::load(default_model_path()).unwrap_or_else(|e| panic!("{e}"));
    let tokens: Vec<usize> = questions.iter().map(|q| embedder.token_count(q, Kind::Query)).collect();
    let mut sorted_tokens = tokens.clone();
    sorted_tokens.sort_unstable();
    println!(
        "query embedding: {} gold questions ({}–{} tokens, median {}), {rounds} rounds; load average {}",
        questions.len(),
        sorted_tokens[0],
        sorted_tokens[sorted_tokens.len() - 1],
        sorted_tokens[sorted_tokens.len() / 2],
        load_average()
    );
    for q in &questions {
        embedder.embed(&[q], Kind::Query).expect("warm-up");
        embedder.embed_single_sequence(q, Kind::Query).expect("warm-up");
    }
    let (mut fast, mut baseline, mut tokenize) = (Vec::new(), Vec::new(), Vec::new());
    let mut worst_cosine = f32::INFINITY;
    for round in 0..rounds {
        for q in &questions {
            // alternate which path goes first, so neither always runs on a warmer cache
            let run_baseline = || {
                let (v, t) = timed(|| embedder.embed_single_sequence(q, Kind::Query).expect("embed"));
                (vec![v.expect("a gold question fits the single-sequence path")], t)
            };
            let run_fast = || timed(|| embedder.embed(&[q], Kind::Query).expect("embed"));
            let ((b, tb), (f, tf)) = if round % 2 == 0 {
                let b = run_baseline();
                (b, run_fast())
            } else {
                let f = run_fast();
                (run_baseline(), f)
            };
            baseline.push(tb);
            fast.push(tf);
            tokenize.push(timed(|| embedder.token_ids(q, Kind::Query).expect("tokenize")).1);
            let cosine: f32 = f[0].iter().zip(&b[0]).map(|(x, y)| x * y).sum();
            worst_cosine = worst_cosine.min(cosine);
        }
    }
    report("single-sequence path (baseline)", &mut baseline, None);
    report("query path (Embedder::embed)", &mut fast, Some(&baseline));
    report("  of which tokenizer", &mut tokenize, None);
    for (name, sequence) in [("single-sequence path", true), ("query path", false)] {
        let (wall, cpu) = cpu_per_call(&questions, rounds.min(2), |q| {
            let texts = [q];
            let out = if sequence {
                embedder.embed_single_sequence(q, Kind::Query).map(|_| ())
            } else {
                embedder.embed(&texts, Kind::Query).map(|_| ())
            };
            out.expect("embed");
        });
        println!("{name}: mean {wall:.2} ms wall, {cpu:.2} ms CPU per query (all threads)");
    }
    println!("min cosine between the two paths' vectors: {worst_cosine:.6}; load average {}", load_average());
}
