//! `cbdkg ingest`: finds source files, parses each into its own named graph, loads the graphs.
//!
//! A document (`*.txt`, `*.md`) that fails (unreadable, unknown layout, parser bug) writes
//! nothing of itself and does not stop the others; the report lists it with the parser's
//! message, which names the file and line. A record file (`*.json`, `*.csv`: clearing-house
//! records, pledges) loads the records that pass their shapes; each failing record is listed
//! with one error per field, and counts as a failure for the exit code.

use cbdkg_graph::{GraphStore, LoadOutcome};
use cbdkg_ingest::{BaseIri, GraphPayload, IngestError, is_record_file};
use indicatif::ProgressBar;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Suffix of sidecar metadata files: `X.txt.meta.toml` describes `X.txt`.
pub const SIDECAR_SUFFIX: &str = ".meta.toml";

/// A directory holding a file of this name is not walked: its files are not sources (e.g.
/// `data/vocabularies/`, whose JSON files are compiled into the vocabularies).
pub const IGNORE_MARKER: &str = ".cbdkgignore";

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
    /// For a record file: the records loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<usize>,
    /// For a record file: the records left out because they failed their shapes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records_failed: Option<usize>,
}

/// A source that could not be ingested, or one record of a record file that was left out.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFailure {
    /// The file or argument.
    pub path: String,
    /// For a record of a record file: which one (`3 (EX-AA-0003)`); the file's other records
    /// were loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Why, naming file and line where known (and record and field).
    pub error: String,
}

impl SourceFailure {
    fn of_file(path: impl Into<String>, error: String) -> Self {
        Self { path: path.into(), record: None, error }
    }
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

    /// Sources that failed as a whole (not counting records left out of a record file).
    pub fn sources_failed(&self) -> usize {
        self.failures.iter().filter(|f| f.record.is_none()).count()
    }

    /// Records loaded from record files.
    pub fn records_loaded(&self) -> usize {
        self.sources.iter().filter_map(|s| s.records).sum()
    }

    /// Records left out of record files because they failed their shapes.
    pub fn records_skipped(&self) -> usize {
        let mut records: Vec<(&str, &str)> = self
            .failures
            .iter()
            .filter_map(|f| Some((f.path.as_str(), f.record.as_deref()?)))
            .filter(|(_, r)| *r != "(file)")
            .collect();
        records.dedup();
        records.len()
    }

    /// The one-line summary for people.
    pub fn summary(&self) -> String {
        let records = if self.sources.iter().any(|s| s.records.is_some()) || self.records_skipped() > 0 {
            format!("; {} records loaded, {} records skipped", self.records_loaded(), self.records_skipped())
        } else {
            String::new()
        };
        format!(
            "ingested {} sources in {:.2} s: {} inserted, {} replaced, {} unchanged, {} failed; {} quads written{records}",
            self.sources.len() + self.sources_failed(),
            self.elapsed.as_secs_f64(),
            self.count(LoadOutcome::Inserted),
            self.count(LoadOutcome::Replaced),
            self.count(LoadOutcome::Unchanged),
            self.sources_failed(),
            self.quads_written(),
        )
    }

    /// The `--json` summary: counts, then every source and failure.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "inserted": self.count(LoadOutcome::Inserted),
            "replaced": self.count(LoadOutcome::Replaced),
            "unchanged": self.count(LoadOutcome::Unchanged),
            "failed": self.sources_failed(),
            "records_loaded": self.records_loaded(),
            "records_skipped": self.records_skipped(),
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
/// A directory is walked recursively for documents (`*.txt`, `*.md`) and record files
/// (`*.json`, `*.csv`), skipping sidecars (`*.meta.toml`), hidden entries, `README*` files
/// (which document the folder) and directories holding an [`IGNORE_MARKER`] file. A file
/// named explicitly is taken if it has one of those extensions.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceFailure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        let fail = |error: String| SourceFailure::of_file(path.display().to_string(), error);
        match std::fs::metadata(path) {
            Err(e) => failures.push(fail(format!("{}: cannot read: {e}", path.display()))),
            Ok(meta) if meta.is_dir() && path.join(IGNORE_MARKER).exists() => failures.push(fail(format!(
                "{}: holds {IGNORE_MARKER}: its files are not sources (see its README)",
                path.display()
            ))),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut failures),
            Ok(_) if is_source(path) => files.push(path.clone()),
            Ok(_) if name_of(path).ends_with(SIDECAR_SUFFIX) => failures.push(fail(format!(
                "{}: a sidecar metadata file, read with its source; give the source instead",
                path.display()
            ))),
            Ok(_) => failures.push(fail(format!(
                "{}: not a source: expected a document (.txt, .md) or a record file (.json, .csv)",
                path.display()
            ))),
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
            failures.push(SourceFailure::of_file(path.clone(), format!("{path}: cannot list: {e}")));
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
            if !path.join(IGNORE_MARKER).exists() {
                walk(&path, files, failures);
            }
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
    !name.ends_with(SIDECAR_SUFFIX) && (name.ends_with(".txt") || name.ends_with(".md") || is_record_file(path))
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
        Err(e) => report.failures.push(SourceFailure::of_file("vocabularies", e.to_string())),
    }
    progress.inc(1);
    let mut graphs_seen: HashMap<String, String> = HashMap::new();
    for file in &files {
        let path = file.display().to_string();
        progress.set_message(path.clone());
        let prepared = if is_record_file(file) {
            prepare_records(file, base)
        } else {
            prepare(file, base).map(Prepared::document)
        };
        match prepared {
            Ok(prepared) => match graphs_seen.get(prepared.payload.graph.as_str()) {
                Some(first) => report.failures.push(SourceFailure::of_file(
                    path.clone(),
                    format!(
                        "{path}: maps to graph {}, already produced by {first} in this run",
                        prepared.payload.graph
                    ),
                )),
                None => {
                    graphs_seen.insert(prepared.payload.graph.as_str().to_owned(), path.clone());
                    record(&mut report, store, path, &prepared.payload);
                    if let Some(loaded) = prepared.records
                        && let Some(source) =
                            report.sources.last_mut().filter(|s| s.graph == prepared.payload.graph.as_str())
                    {
                        source.records = Some(loaded);
                        source.records_failed = Some(prepared.records_failed);
                    }
                    report.failures.extend(prepared.failures);
                }
            },
            Err(error) => report.failures.push(SourceFailure::of_file(path, error)),
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
            records: None,
            records_failed: None,
        }),
        Err(e) => report.failures.push(SourceFailure::of_file(path.clone(), format!("{path}: {e}"))),
    }
}

/// A payload ready to load, with what a record file left out.
struct Prepared {
    payload: GraphPayload,
    /// For a record file: the records in the payload.
    records: Option<usize>,
    /// For a record file: the records left out.
    records_failed: usize,
    /// One failure per failing field of the records left out.
    failures: Vec<SourceFailure>,
}

impl Prepared {
    fn document(payload: GraphPayload) -> Self {
        Self { payload, records: None, records_failed: 0, failures: Vec::new() }
    }
}

/// Reads a record file: the records that pass their shapes make the payload; each that fails
/// becomes one failure per failing field.
fn prepare_records(file: &Path, base: &BaseIri) -> Result<Prepared, String> {
    let path = file.display().to_string();
    let parsed = std::panic::catch_unwind(|| {
        let records = cbdkg_ingest::read_record_file(file)?;
        let payload = cbdkg_ingest::record_file_graph(&records, base);
        Ok::<_, cbdkg_ingest::RecordFileError>((records, payload))
    });
    let (records, payload) = match parsed {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(e)) => return Err(e.to_string()),
        Err(panic) => {
            return Err(format!("{path}: internal error: the record reader panicked: {}", panic_message(&*panic)));
        }
    };
    let mut failures = Vec::new();
    for failure in &records.failures {
        let record = match (failure.record, &failure.identifier) {
            (Some(n), Some(id)) => format!("{n} ({id})"),
            (Some(n), None) => n.to_string(),
            (None, _) => "(file)".to_owned(),
        };
        for message in failure.messages(&path) {
            failures.push(SourceFailure { path: path.clone(), record: Some(record.clone()), error: message });
        }
    }
    let records_failed = records.failures.iter().filter(|f| f.record.is_some()).count();
    Ok(Prepared { payload, records: Some(records.records.len()), records_failed, failures })
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
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
            Err(format!("{}: internal error: the parser panicked: {}", file.display(), panic_message(&*panic)))
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
            "records/pledges.json",
            "records/pledges.csv",
            "records/pledges.json.meta.toml",
            "vocabularies/.cbdkgignore",
            "vocabularies/labels.json",
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
        check(
            &[""],
            &["a.txt", "notes.md", "records/pledges.csv", "records/pledges.json", "sub/b.txt", "sub/deeper/c.md"],
            &[],
        );
        check(&["sub", "sub/b.txt", "a.txt"], &["a.txt", "sub/b.txt", "sub/deeper/c.md"], &[]);
        check(&["README.md", "records/pledges.csv"], &["README.md", "records/pledges.csv"], &[]);
        check(
            &["a.txt.meta.toml", "image.png", "missing.txt", "vocabularies"],
            &[],
            &["a.txt.meta.toml", "image.png", "missing.txt", "vocabularies"],
        );
        check(&["vocabularies/labels.json"], &["vocabularies/labels.json"], &[]);
    }
}
