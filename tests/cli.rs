//! The `cbdkg` binary end to end: ingest (with a failing file), sparql, settings from the
//! environment, and serve (its `listening on` line and shutdown on SIGTERM).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const CORPUS_FILE: &str = "data/corpus/ar/004_5dab306bbde45158.txt";
const BIN: &str = env!("CARGO_BIN_EXE_cbdkg");

/// Runs `cbdkg ARGS` in `dir` with a clean settings environment plus `env`.
fn cbdkg(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CBDKG__")) {
        command.env_remove(key);
    }
    command.envs(env.iter().copied());
    let mut child = command.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A work directory with a good source, a binary one and a sidecar-only file.
fn sources() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    std::fs::copy(root.join(CORPUS_FILE), dir.path().join("in/cp-11-4.txt")).unwrap();
    std::fs::write(dir.path().join("in/broken.txt"), b"line one\nline \x00two\n").unwrap();
    dir
}

#[test]
fn ingest_reports_failures_and_loads_the_rest() {
    let dir = sources();
    let first = cbdkg(dir.path(), &["ingest", "in", "--data-dir", "var"], &[], "");
    let (stdout, stderr) = (text(&first.stdout), text(&first.stderr));
    assert_eq!(first.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("in/broken.txt:2: binary content"), "{stderr}");
    assert!(stdout.contains("1 failed") && stdout.contains("inserted"), "{stdout}");

    let second = cbdkg(dir.path(), &["ingest", "in/cp-11-4.txt", "--data-dir", "var", "--json"], &[], "");
    assert_eq!(second.status.code(), Some(0), "{}", text(&second.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!((summary["failed"].as_u64(), summary["inserted"].as_u64()), (Some(0), Some(0)), "{summary}");
    assert!(summary["unchanged"].as_u64().unwrap() >= 2, "{summary}");

    // Only the vocabularies and the good file have graphs.
    let query = "SELECT ?file WHERE { GRAPH ?g { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?s . \
                 ?s <https://cbdkg.example/ontology#fileName> ?file } } ORDER BY ?file";
    let files = cbdkg(dir.path(), &["sparql", query, "--data-dir", "var", "--format", "csv"], &[], "");
    let files = text(&files.stdout);
    assert!(files.contains("cp-11-4.txt") && !files.contains("broken"), "{files}");
}

#[test]
fn sparql_reads_queries_from_arguments_files_and_stdin() {
    let dir = sources();
    let ingest = cbdkg(dir.path(), &["ingest", "--data-dir", "var"], &[], "");
    assert_eq!(ingest.status.code(), Some(0), "{}", text(&ingest.stderr));
    let select =
        "SELECT ?scheme WHERE { ?scheme a <http://www.w3.org/2004/02/skos/core#ConceptScheme> } ORDER BY ?scheme";
    std::fs::write(dir.path().join("q.rq"), select).unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["sparql", select], "", "?scheme\n"),
        (&["sparql", "@q.rq", "--json"], "", "\"vars\":[\"scheme\"]"),
        // The KMGBF schemes (http://metadata.cbd.int/kmgbf/…) sort before ours.
        (&["sparql", "-", "--format", "tsv"], select, "\n<https://cbdkg.example/vocab/aichi-target>\n"),
        (&["sparql", "ASK { ?s ?p ?o }"], "", "true\n"),
        (&["sparql", "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1"], "", "@prefix"),
    ];
    for (args, stdin, fragment) in cases {
        let mut args = args.to_vec();
        args.extend(["--data-dir", "var"]);
        let output = cbdkg(dir.path(), &args, &[], stdin);
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(stdout.contains(fragment), "{args:?}: {stdout:?} lacks {fragment:?}");
    }
    // Settings from the environment apply, and bad ones are named.
    let capped = cbdkg(dir.path(), &["sparql", select, "--data-dir", "var"], &[("CBDKG__SPARQL__ROW_CAP", "1")], "");
    assert!(text(&capped.stdout).contains("(1 row, cut at the row cap)"), "{}", text(&capped.stdout));
    assert!(text(&capped.stderr).contains("row cap of 1"), "{}", text(&capped.stderr));
    let bad = cbdkg(dir.path(), &["sparql", select, "--data-dir", "var"], &[("CBDKG__SPARQL__ROWCAP", "1")], "");
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("environment variable CBDKG__SPARQL__ROWCAP"), "{}", text(&bad.stderr));
    let syntax = cbdkg(dir.path(), &["sparql", "SELECT nothing", "--data-dir", "var"], &[], "");
    assert_eq!(syntax.status.code(), Some(1));
    assert!(text(&syntax.stderr).contains("SPARQL syntax error"), "{}", text(&syntax.stderr));
    let missing = cbdkg(dir.path(), &["sparql", select, "--data-dir", "nowhere"], &[], "");
    assert!(text(&missing.stderr).contains("no graph store at nowhere/graph"), "{}", text(&missing.stderr));
}

#[test]
fn serve_prints_its_address_and_stops_on_sigterm() {
    let dir = sources();
    let mut server = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir", "var"])
        .current_dir(dir.path())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = server.id().to_string();
    // Whatever happens below, the server does not outlive the test by more than a minute.
    let (disarm, armed) = std::sync::mpsc::channel::<()>();
    let guard = std::thread::spawn({
        let pid = pid.clone();
        move || {
            if armed.recv_timeout(Duration::from_secs(60)) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                Command::new("kill").args(["-KILL", &pid]).status().ok();
            }
        }
    });
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("listening on http://").unwrap_or_else(|| panic!("{line:?}")).to_owned();

    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"status\":\"ok\""), "{response}");

    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let status = server.wait().unwrap();
    drop(disarm);
    guard.join().unwrap();
    assert!(status.success(), "{status}");
}
