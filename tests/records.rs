//! `cbdkg ingest` of record files end to end: the bundled examples load with the vocabularies;
//! a malformed pledge file reports one error per failing record and field, exits 1, and still
//! loads its valid records, which SPARQL then sees; fixing the file replaces its graph.

use std::path::Path;
use std::process::{Command, Output};

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_cbdkg");

fn cbdkg(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir);
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CBDKG__")) {
        command.env_remove(key);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundled_examples_load() {
    let dir = tempfile::tempdir().unwrap();
    let examples = root().join("data/examples");
    let output = cbdkg(dir.path(), &["ingest", examples.to_str().unwrap(), "--data-dir", "var", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (summary["records_loaded"].as_u64(), summary["records_skipped"].as_u64()),
        (Some(54), Some(0)),
        "{summary}"
    );
    assert_eq!(summary["failed"].as_u64(), Some(0), "{summary}");
    let files: Vec<&str> = summary["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["records"].as_u64().map(|_| s["path"].as_str().unwrap()))
        .collect();
    assert_eq!(files.len(), 7, "{files:?}");
    // The vocabularies' source extracts are not record files.
    let whole = common::with_kept_embeddings(&dir.path().join("var2"), || {
        cbdkg(dir.path(), &["ingest", root().join("data").to_str().unwrap(), "--data-dir", "var2"])
    });
    assert_eq!(whole.status.code(), Some(0), "{}", text(&whole.stderr));
}

const PLEDGES: &str = r#"[
  {"@type": "Action", "identifier": "GOOD-1", "form": "business", "actorType": "business",
   "agent": {"name": "Good Ltd"}, "country": "GB", "name": {"en": "A valid pledge"},
   "description": {"en": "It loads."}, "gbfTargets": [7], "startTime": "2025-01-01"},
  {"@type": "Action", "identifier": "BAD-1", "form": "business", "actorType": "business",
   "agent": {"name": "Bad Ltd"}, "country": "GB", "name": {"en": "Ends before it starts"},
   "description": {"en": "It does not load."}, "gbfTargets": [7, 31],
   "startTime": "2025-01-01", "endTime": "2024-01-01"}
]
"#;

#[test]
fn malformed_pledges_are_reported_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in/pledges.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, PLEDGES).unwrap();

    let first = cbdkg(dir.path(), &["ingest", "in", "--data-dir", "var"]);
    let (stdout, stderr) = (text(&first.stdout), text(&first.stderr));
    assert_eq!(first.status.code(), Some(1), "{stdout}\n{stderr}");
    for expected in [
        "error: in/pledges.json:5: record 2 (BAD-1): field gbfTargets[1]: unknown target 31 (the GBF has targets 1 to 23)",
        "error: in/pledges.json:5: record 2 (BAD-1): field endTime: 2024-01-01 is before the start date 2025-01-01",
    ] {
        assert!(stderr.contains(expected), "{stderr:?} lacks {expected:?}");
    }
    assert!(stdout.contains("0 failed") && stdout.contains("1 records loaded, 1 records skipped"), "{stdout}");

    let query = "SELECT ?p WHERE { ?p a <https://cbdkg.example/ontology#Pledge> } ORDER BY ?p";
    let pledges = text(&cbdkg(dir.path(), &["sparql", query, "--data-dir", "var", "--format", "csv"]).stdout);
    assert_eq!(pledges.replace("\r\n", "\n"), "p\nhttps://cbdkg.example/id/pledge/GOOD-1\n");

    // The JSON summary names the record and its file.
    let again = cbdkg(dir.path(), &["ingest", "in", "--data-dir", "var", "--json"]);
    let summary: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(summary["unchanged"].as_u64(), Some(1 + cbdkg_ontologies::TURTLE_FILES.len() as u64), "{summary}");
    let failures = summary["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 2, "{summary}");
    assert_eq!(
        (failures[0]["path"].as_str(), failures[0]["record"].as_str()),
        (Some("in/pledges.json"), Some("2 (BAD-1)"))
    );

    // Fixed, the file replaces its graph and both pledges are there.
    std::fs::write(
        &file,
        PLEDGES.replace(", 31]", "]").replace("\"endTime\": \"2024-01-01\"", "\"endTime\": \"2026-01-01\""),
    )
    .unwrap();
    let fixed = cbdkg(dir.path(), &["ingest", "in", "--data-dir", "var"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed.stderr));
    assert!(text(&fixed.stdout).contains("1 replaced"), "{}", text(&fixed.stdout));
    let pledges = text(&cbdkg(dir.path(), &["sparql", query, "--data-dir", "var", "--format", "csv"]).stdout);
    assert_eq!(pledges.lines().count(), 3, "{pledges}");
}

#[test]
fn unreadable_record_files_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/latin1.csv"), b"identifier,title\nx,caf\xe9\n").unwrap();
    std::fs::write(dir.path().join("in/ok.json"), PLEDGES.split("},\n  {").next().unwrap().to_owned() + "}]").unwrap();
    let output = cbdkg(dir.path(), &["ingest", "in", "--data-dir", "var"]);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("in/latin1.csv:2: not valid UTF-8"), "{stderr}");
    assert!(stdout.contains("1 failed") && stdout.contains("1 records loaded, 0 records skipped"), "{stdout}");
}
