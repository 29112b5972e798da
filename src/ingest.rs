//! `cbdkg ingest`: finds source files, parses each into its own named graph, loads the graphs.
//!
//! A file that fails (unreadable, unknown layout, parser bug) writes nothing of itself and does
//! not stop the others; the report lists it with the parser's message, which names the file
//! and line.

use cbdkg_graph::{GraphStore, LoadOutcome};
use cbdkg_ingest::{BaseIri, GraphPayload, IngestError};
use indicatif::ProgressBar;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Suffix of sidecar metadata files: `X.txt.meta.toml` describes `X.txt`.
pub const SIDECAR_SUFFIX: &str = ".meta.toml";

/// What happened to one source that was loaded (or found unchanged).
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// The file as found, or `vocabulary NAME`.
    pub path: String,
    /// Its named graph.
    pub graph: String,
    /// A short label: "decision XIII/23".
    pub label: String,
    /// Inserted, replaced or unchanged.
    #[serde(serialize_with = "outcome_name")]
    pub outcome: LoadOutcome,
    /// Quads of the payload (written unless unchanged), provenance excluded.
    pub quads: usize,
}

/// A source that could not be ingested.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFailure {
    /// The file or argument.
    pub path: String,
    /// Why, naming file and line where known.
    pub error: String,
}

/// The result of one `cbdkg ingest` run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Sources loaded or unchanged, vocabularies first.
    pub sources: Vec<SourceReport>,
    /// Sources that failed.
    pub failures: Vec<SourceFailure>,
    /// Wall-clock time of the run.
    #[serde(rename = "seconds", serialize_with = "seconds")]
    pub elapsed: Duration,
}

impl IngestReport {
    /// Number of sources with this outcome.
    pub fn count(&self, outcome: LoadOutcome) -> usize {
        self.sources.iter().filter(|s| s.outcome == outcome).count()
    }

    /// Quads written (inserted or replaced graphs).
    pub fn quads_written(&self) -> usize {
        self.sources.iter().filter(|s| s.outcome != LoadOutcome::Unchanged).map(|s| s.quads).sum()
    }

    /// The one-line summary for people.
    pub fn summary(&self) -> String {
        format!(
            "ingested {} sources in {:.2} s: {} inserted, {} replaced, {} unchanged, {} failed; {} quads written",
            self.sources.len() + self.failures.len(),
            self.elapsed.as_secs_f64(),
            self.count(LoadOutcome::Inserted),
            self.count(LoadOutcome::Replaced),
            self.count(LoadOutcome::Unchanged),
            self.failures.len(),
            self.quads_written(),
        )
    }

    /// The `--json` summary: counts, then every source and failure.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "inserted": self.count(LoadOutcome::Inserted),
            "replaced": self.count(LoadOutcome::Replaced),
            "unchanged": self.count(LoadOutcome::Unchanged),
            "failed": self.failures.len(),
            "quads_written": self.quads_written(),
            "seconds": self.elapsed.as_secs_f64(),
            "sources": self.sources,
            "failures": self.failures,
        })
    }
}

fn outcome_name<S: serde::Serializer>(outcome: &LoadOutcome, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(match outcome {
        LoadOutcome::Inserted => "inserted",
        LoadOutcome::Replaced => "replaced",
        LoadOutcome::Unchanged => "unchanged",
    })
}

fn seconds<S: serde::Serializer>(elapsed: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(elapsed.as_secs_f64())
}

/// The source files under the given paths, sorted, with the paths that are not sources.
///
/// A directory is walked recursively for `*.txt` and `*.md`, skipping sidecars
/// (`*.meta.toml`), hidden entries and `README*` files (which document the folder). A file
/// named explicitly is taken if it is `.txt` or `.md`.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceFailure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        let fail = |error: String| SourceFailure { path: path.display().to_string(), error };
        match std::fs::metadata(path) {
            Err(e) => failures.push(fail(format!("{}: cannot read: {e}", path.display()))),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut failures),
            Ok(_) if is_source(path) => files.push(path.clone()),
            Ok(_) if name_of(path).ends_with(SIDECAR_SUFFIX) => failures.push(fail(format!(
                "{}: a sidecar metadata file, read with its source; give the source instead",
                path.display()
            ))),
            Ok(_) => failures.push(fail(format!("{}: not a source: expected a .txt or .md file", path.display()))),
        }
    }
    files.sort();
    files.dedup();
    (files, failures)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<SourceFailure>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let path = dir.display().to_string();
            failures.push(SourceFailure { error: format!("{path}: cannot list: {e}"), path });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = name_of(&path);
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, failures);
        } else if is_source(&path) && !name.to_ascii_lowercase().starts_with("readme") {
            files.push(path);
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn is_source(path: &Path) -> bool {
    let name = name_of(path);
    !name.ends_with(SIDECAR_SUFFIX) && (name.ends_with(".txt") || name.ends_with(".md"))
}

/// Loads the vocabularies, then every source under `paths`, into the store.
pub fn ingest(store: &GraphStore, base: &BaseIri, paths: &[PathBuf], progress: &ProgressBar) -> IngestReport {
    let started = Instant::now();
    let mut report = IngestReport::default();
    let (files, failures) = discover(paths);
    report.failures = failures;
    progress.set_length(files.len() as u64 + 1);
    progress.set_message("vocabularies");
    match cbdkg_ingest::vocabulary_payloads(base) {
        Ok(payloads) => {
            for payload in payloads {
                let path = format!("vocabulary {}", payload.source.file_name);
                record(&mut report, store, path, &payload);
            }
        }
        Err(e) => report.failures.push(SourceFailure { path: "vocabularies".into(), error: e.to_string() }),
    }
    progress.inc(1);
    let mut graphs_seen: HashMap<String, String> = HashMap::new();
    for file in &files {
        let path = file.display().to_string();
        progress.set_message(path.clone());
        match prepare(file, base) {
            Ok(payload) => match graphs_seen.get(payload.graph.as_str()) {
                Some(first) => report.failures.push(SourceFailure {
                    error: format!("{path}: maps to graph {}, already produced by {first} in this run", payload.graph),
                    path,
                }),
                None => {
                    graphs_seen.insert(payload.graph.as_str().to_owned(), path.clone());
                    record(&mut report, store, path, &payload);
                }
            },
            Err(error) => report.failures.push(SourceFailure { path, error }),
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    report.elapsed = started.elapsed();
    report
}

fn record(report: &mut IngestReport, store: &GraphStore, path: String, payload: &GraphPayload) {
    match store.load(payload) {
        Ok(outcome) => report.sources.push(SourceReport {
            path,
            graph: payload.graph.as_str().to_owned(),
            label: payload.label.clone(),
            outcome,
            quads: payload.quads.len(),
        }),
        Err(e) => report.failures.push(SourceFailure { error: format!("{path}: {e}"), path }),
    }
}

/// Reads, parses and maps one source (with its sidecar, if any) to its payload.
fn prepare(file: &Path, base: &BaseIri) -> Result<GraphPayload, String> {
    let (source, text) = cbdkg_ingest::read_source(file).map_err(|e| e.to_string())?;
    let sidecar_path = PathBuf::from(format!("{}{SIDECAR_SUFFIX}", file.display()));
    let sidecar = match std::fs::read_to_string(&sidecar_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(IngestError::Io { path: sidecar_path.display().to_string(), source }.to_string());
        }
    };
    // A parser panic is a bug, but it must not take the other files down with it.
    let parsed = std::panic::catch_unwind(|| {
        let document = cbdkg_ingest::parse(source, &text, sidecar.as_deref())?;
        Ok::<_, IngestError>(cbdkg_ingest::to_graph(&document, base))
    });
    match parsed {
        Ok(Ok(payload)) => Ok(payload),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(format!("{}: internal error: the parser panicked: {message}", file.display()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_walks_directories_and_skips_sidecars_and_readmes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = [
            "a.txt",
            "a.txt.meta.toml",
            "README.md",
            "notes.md",
            "image.png",
            ".hidden.txt",
            "sub/b.txt",
            "sub/deeper/c.md",
            ".git/x.txt",
        ];
        for file in files {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let relative = |paths: Vec<PathBuf>| -> Vec<String> {
            paths.iter().map(|p| p.strip_prefix(root).unwrap().display().to_string()).collect()
        };
        let check = |args: &[&str], found: &[&str], failed: &[&str]| {
            let args: Vec<PathBuf> = args.iter().map(|a| root.join(a)).collect();
            let (sources, failures) = discover(&args);
            assert_eq!(relative(sources), found, "{args:?}");
            let failed_paths: Vec<PathBuf> = failures.iter().map(|f| PathBuf::from(&f.path)).collect();
            assert_eq!(relative(failed_paths), failed, "{args:?}");
        };
        check(&[""], &["a.txt", "notes.md", "sub/b.txt", "sub/deeper/c.md"], &[]);
        check(&["sub", "sub/b.txt", "a.txt"], &["a.txt", "sub/b.txt", "sub/deeper/c.md"], &[]);
        check(&["README.md"], &["README.md"], &[]);
        check(&["a.txt.meta.toml", "image.png", "missing.txt"], &[], &["a.txt.meta.toml", "image.png", "missing.txt"]);
    }
}
