//! Every query of `docs/sparql-examples.md` runs against the bundled data (`data/corpus` and
//! `data/examples`, with the vocabularies) and answers exactly the CSV results printed under it:
//! the examples partner sites copy cannot drift from the graph.

use cbdkg::ingest::ingest;
use cbdkg_graph::{GraphStore, QueryOptions, QueryResultsFormat};
use cbdkg_ingest::BaseIri;
use indicatif::ProgressBar;
use std::path::{Path, PathBuf};

/// One example: its heading, query and expected answer.
struct Example {
    heading: String,
    query: String,
    expected: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The fenced blocks of a markdown text: (info string, content), with the last `## ` heading
/// before each.
fn blocks(markdown: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.to_owned();
        } else if let Some(info) = line.strip_prefix("```") {
            let mut content = String::new();
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
                content.push_str(inner);
                content.push('\n');
            }
            out.push((heading.clone(), info.trim().to_owned(), content));
        }
    }
    out
}

/// The shared prefixes (the `text` block of `PREFIX` lines) and every `sparql` block with the
/// `csv` block that follows it.
fn examples(markdown: &str) -> (String, Vec<Example>) {
    let blocks = blocks(markdown);
    let prefixes = blocks
        .iter()
        .find(|(_, info, content)| info == "text" && content.starts_with("PREFIX"))
        .map(|(_, _, content)| content.clone())
        .expect("a text block of PREFIX lines");
    let mut examples = Vec::new();
    for pair in blocks.windows(2) {
        let [(heading, info, query), (_, next, expected)] = pair else { continue };
        if info == "sparql" {
            assert_eq!(next, "csv", "{heading}: the query must be followed by a csv block of its answer");
            examples.push(Example { heading: heading.clone(), query: query.clone(), expected: expected.clone() });
        }
    }
    (prefixes, examples)
}

fn csv(store: &GraphStore, query: &str) -> String {
    let answer = store.query(query, &QueryOptions::default()).unwrap_or_else(|e| panic!("{e}\n{query}"));
    let bytes = answer.write_results(QueryResultsFormat::Csv, Vec::new()).unwrap();
    String::from_utf8(bytes).unwrap().replace("\r\n", "\n")
}

#[test]
fn every_example_answers_as_documented() {
    let markdown = std::fs::read_to_string(root().join("docs/sparql-examples.md")).unwrap();
    let (prefixes, examples) = examples(&markdown);
    assert!(examples.len() >= 10, "{} examples", examples.len());

    let dir = tempfile::tempdir().unwrap();
    let store = GraphStore::open(dir.path()).unwrap();
    let sources = [root().join("data/corpus"), root().join("data/examples")];
    let report = ingest(&store, &BaseIri::default(), &sources, &ProgressBar::hidden());
    assert!(report.failures.is_empty(), "{}: {:?}", report.summary(), report.failures);

    let mut wrong = Vec::new();
    for example in &examples {
        let got = csv(&store, &format!("{prefixes}{}", example.query));
        if got != example.expected {
            wrong.push(format!("## {}\nexpected:\n{}got:\n{got}", example.heading, example.expected));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} examples answer otherwise:\n\n{}",
        wrong.len(),
        examples.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_markdown_reader() {
    let markdown =
        "# T\n```text\nPREFIX a: <x:>\n```\n## One\n```sparql\nASK {}\n```\n\n```csv\ntrue\n```\n## Two\nno query\n";
    let (prefixes, examples) = examples(markdown);
    assert_eq!(prefixes, "PREFIX a: <x:>\n");
    assert_eq!(examples.len(), 1);
    assert_eq!(
        (examples[0].heading.as_str(), examples[0].query.as_str(), examples[0].expected.as_str()),
        ("One", "ASK {}\n", "true\n")
    );
}
