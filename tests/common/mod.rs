//! What the integration tests that run the `cbdkg` binary over the bundled data share: running
//! it, and one ingested, indexed data directory per test binary.
//!
//! Ingesting the corpus embeds every passage, the slowest step of the test suite. The
//! embedding cache an ingest leaves in its data directory is therefore kept in cargo's
//! target tmp dir and handed to the next ingest, in this test binary or another, this run or
//! a later one. A cached vector is keyed by the model and the exact text, so a kept cache
//! only ever saves time; the embedding itself is tested in `search/embed`.

#![allow(dead_code, reason = "each test binary uses its own part of this module")]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `cbdkg ARGS --data-dir DATA_DIR`, run from the repository root.
pub fn cbdkg(data_dir: &Path, args: &[&str]) -> Output {
    cbdkg_with_stdin(data_dir, args, "")
}

/// [`cbdkg`] with `stdin` as its standard input.
pub fn cbdkg_with_stdin(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cbdkg"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cbdkg runs");
    child.stdin.take().expect("stdin is piped").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("cbdkg finishes")
}

/// The data directory of this test binary with `sources` (paths from the repository root)
/// ingested and indexed, and the turn to use it: the embedded vector store admits one user
/// at a time, so a test holds the turn while it runs commands on the directory. Every call in
/// one test binary must name the same sources.
pub fn shared_data_dir(sources: &[&str]) -> (MutexGuard<'static, ()>, &'static Path) {
    static DIR: OnceLock<(tempfile::TempDir, Vec<String>)> = OnceLock::new();
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let (dir, ingested) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let var = dir.path().join("var");
        let mut args = vec!["ingest"];
        args.extend(sources);
        args.push("--json");
        let out = with_kept_embeddings(&var, || cbdkg(&var, &args));
        assert!(out.status.success(), "ingest failed:\n{}\n{}", text(&out.stdout), text(&out.stderr));
        (dir, sources.iter().map(|s| (*s).to_owned()).collect())
    });
    assert_eq!(ingested, sources, "one test binary, one set of sources");
    (turn, Box::leak(dir.path().join("var").into_boxed_path()))
}

/// Runs `ingest` into the data directory `data_dir` with the embedding cache kept from earlier
/// ingests, then keeps the cache this one leaves (only when it succeeded).
pub fn with_kept_embeddings(data_dir: &Path, ingest: impl FnOnce() -> Output) -> Output {
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cbdkg-embeddings");
    let cache = data_dir.join("cache").join("embeddings");
    copy_files(&kept, &cache);
    let out = ingest();
    if out.status.success() {
        copy_files(&cache, &kept);
    }
    out
}

/// Copies the files of `from` (if it exists) into `to`, each through a temporary name and a
/// rename, so a reader never sees half a file.
fn copy_files(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else { return };
    std::fs::create_dir_all(to).expect("create the cache directory");
    for entry in entries {
        let entry = entry.expect("read the cache directory");
        if !entry.file_type().expect("file type").is_file() {
            continue;
        }
        let target = to.join(entry.file_name());
        let partial = to.join(format!("{}.partial-{}", entry.file_name().to_string_lossy(), std::process::id()));
        std::fs::copy(entry.path(), &partial).expect("copy a cache file");
        std::fs::rename(&partial, &target).expect("rename a cache file");
    }
}
