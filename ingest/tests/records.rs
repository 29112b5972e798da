//! Record files: the bundled examples pass their shapes and cover what the issue asks (types,
//! forms, languages, measurable and vague pledges); malformed files get one clear error per
//! record and field, and their valid records still load; records map to the IRIs and links of
//! `docs/records.md`.

use cbdkg_ingest::records::{FieldValue, Record};
use cbdkg_ingest::{BaseIri, RecordFile, read_record_file, record_file_graph};
use cbdkg_ontologies::standard::{dcterms, rdf};
use cbdkg_ontologies::{cbdkg, gbf};
use oxrdf::{Literal, NamedNode, Term};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn examples(kind: &str) -> Vec<RecordFile> {
    let dir = root().join("../data/examples").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| cbdkg_ingest::is_record_file(p));
    files.sort();
    files.iter().map(|p| read_record_file(p).unwrap_or_else(|e| panic!("{e}"))).collect()
}

fn failures(file: &RecordFile) -> Vec<String> {
    file.failures.iter().flat_map(|f| f.messages(&file.source.file_name)).collect()
}

#[test]
fn bundled_clearing_house_records() {
    let files = examples("bch");
    let mut schemas = BTreeSet::new();
    let mut languages = BTreeSet::new();
    let mut count = 0;
    for file in &files {
        assert_eq!(failures(file), Vec::<String>::new());
        for record in &file.records {
            let Record::Bch(r) = record else { panic!("{} is not a BCH record", record.identifier()) };
            assert!(r.example, "{}: not labelled as an example", r.identifier);
            assert!(r.identifier.starts_with("EX-"), "{}", r.identifier);
            schemas.insert(r.schema);
            languages.extend(r.languages.iter().map(|l| l.code()));
            count += 1;
        }
    }
    assert!(count >= 20, "{count} records");
    assert_eq!(schemas.len(), 5, "{schemas:?}");
    assert!(languages.len() >= 3, "{languages:?}");
}

#[test]
fn bundled_pledges() {
    let files = examples("pledges");
    assert_eq!(files.len(), 2, "a JSON and a CSV file");
    let mut forms = BTreeSet::new();
    let mut languages = BTreeSet::new();
    let (mut measurable, mut vague, mut count) = (0, 0, 0);
    for file in &files {
        assert_eq!(failures(file), Vec::<String>::new());
        for record in &file.records {
            let Record::Pledge(p) = record else { panic!("{} is not a pledge", record.identifier()) };
            assert!(p.example, "{}: not labelled as an example", p.identifier);
            forms.insert(p.form);
            languages.extend(p.languages().iter().map(|l| l.code()));
            if p.indicators.is_empty() && p.end.is_none() {
                vague += 1;
            }
            if p.indicators.iter().any(|i| i.baseline.is_some()) {
                measurable += 1;
            }
            count += 1;
        }
    }
    assert!(count >= 30, "{count} pledges");
    assert_eq!(forms, BTreeSet::from(["business", "individual", "organization", "public"]));
    assert!(languages.len() >= 4 && languages.contains("ar"), "{languages:?}");
    assert!(measurable >= 10 && vague >= 5, "{measurable} measurable, {vague} vague");
}

/// A malformed file: each bad record gets its errors, the good ones load.
fn check(name: &str, loaded: &[&str], expected: &[&str]) {
    let file = read_record_file(&root().join("tests/fixtures/records").join(name)).unwrap();
    let ids: Vec<&str> = file.records.iter().map(Record::identifier).collect();
    assert_eq!(ids, loaded, "{name}");
    assert_eq!(failures(&file), expected, "{name}");
}

#[test]
fn malformed_pledge_files() {
    check(
        "bad-pledges.json",
        &["OK-1", "OK-2"],
        &[
            "bad-pledges.json:15: record 2 (MISSING-1): field name: required, missing",
            "bad-pledges.json:26: record 3 (TARGET-1): field gbfTargets[0]: unknown target 24 (the GBF has targets 1 to 23)",
            "bad-pledges.json:38: record 4 (DATES-1): field endTime: 2025-06-30 is before the start date 2026-01-01",
            "bad-pledges.json:51: record 5: field (record): invalid JSON at line 54: expected `,` or `}`",
            "bad-pledges.json:56: record 6 (LANG-1): field country: \"Germany\" is not an ISO 3166-1 alpha-2 country code (e.g. \"MX\")",
            "bad-pledges.json:56: record 6 (LANG-1): field name.de: \"de\" is not a language code of the six UN languages (ar, en, es, fr, ru, zh)",
            "bad-pledges.json:56: record 6 (LANG-1): field startTime: \"2025-13-01\" is not a date (expected YYYY-MM-DD)",
        ],
    );
    check(
        "bad-pledges.csv",
        &["CSV-OK"],
        &[
            "bad-pledges.csv:3: record 2 (CSV-TARGET): field gbf_targets: unknown target 30 (the GBF has targets 1 to 23)",
            "bad-pledges.csv:4: record 3 (CSV-DATES): field end_date: 2024-01-01 is before the start date 2025-01-01",
            "bad-pledges.csv:5: record 4 (CSV-MISSING): field actor: required, missing",
            "bad-pledges.csv:5: record 4 (CSV-MISSING): field unit: required, missing",
            "bad-pledges.csv:6: record 5: field (row): a quoted field is not closed before the end of the file",
        ],
    );
}

/// Files that cannot be read at all are one error naming the file; nothing of them loads.
#[test]
fn unreadable_record_files() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "utf16.json",
            [0xff, 0xfe].into_iter().chain("[{}]".encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            "the file is UTF-16 text; save it as UTF-8",
        ),
        ("latin1.csv", b"identifier,title\nx,caf\xe9\n".to_vec(), ":2: not valid UTF-8"),
        ("empty.json", b"  \n".to_vec(), "the file is empty"),
        ("object.json", b"\"just text\"".to_vec(), ":1: expected a JSON array of records or one record object"),
        ("header.csv", b"id,name\n1,x\n".to_vec(), ":1: header row: unknown column \"id\" (column 1)"),
    ];
    for (name, bytes, fragment) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let message = read_record_file(&path).expect_err(name).to_string();
        assert!(message.starts_with(&path.display().to_string()), "{message}");
        assert!(message.contains(fragment), "{name}: {message:?} lacks {fragment:?}");
    }
    // A byte-order mark (as in the absch.cbd.int files) is not an error.
    let bom = dir.path().join("bom.json");
    let text = std::fs::read_to_string(root().join("../data/examples/bch/national-focal-points.json")).unwrap();
    std::fs::write(&bom, format!("\u{feff}{text}")).unwrap();
    assert_eq!(read_record_file(&bom).unwrap().records.len(), 4);
}

fn iri(s: &str) -> Term {
    NamedNode::new(s).unwrap().into()
}

fn objects(quads: &[oxrdf::Quad], subject: &str, predicate: &str) -> Vec<Term> {
    quads
        .iter()
        .filter(|q| q.subject.to_string() == format!("<{subject}>") && q.predicate.as_str() == predicate)
        .map(|q| q.object.clone())
        .collect()
}

#[test]
fn records_in_rdf() {
    let base = BaseIri::default();
    let id = "https://cbdkg.example/id/";
    let file = read_record_file(&root().join("../data/examples/bch/living-modified-organisms.json")).unwrap();
    let payload = record_file_graph(&file, &base);
    assert_eq!(payload.graph.as_str(), format!("{id}graph/records/bch/living-modified-organisms.json"));
    let q = &payload.quads;
    let lmo = format!("{id}bch/EX-BCH-LMO-0001");
    let types = objects(q, &lmo, rdf::TYPE);
    for class in [cbdkg::DOCUMENT, cbdkg::RECORD, cbdkg::CLEARING_HOUSE_RECORD] {
        assert!(types.contains(&iri(class)), "{class}");
    }
    assert_eq!(objects(q, &lmo, cbdkg::IN_DOCUMENT), [iri(&lmo)]);
    assert_eq!(
        objects(q, &lmo, cbdkg::RECORD_TYPE),
        [iri("https://cbdkg.example/vocab/bch-record-type/modifiedOrganism")]
    );
    assert_eq!(objects(q, &lmo, cbdkg::UNIQUE_IDENTIFIER), [Term::from(Literal::from("MON-ØØ81Ø-6"))]);
    let texts = objects(q, &lmo, cbdkg::TEXT);
    let languages: BTreeSet<&str> = texts
        .iter()
        .filter_map(|t| match t {
            Term::Literal(l) => l.language(),
            _ => None,
        })
        .collect();
    assert_eq!(languages, BTreeSet::from(["en", "es", "fr"]));
    assert!(
        texts
            .iter()
            .any(|t| matches!(t, Term::Literal(l) if l.value().contains("Événement de transformation: MON810")))
    );
    // "Article 18 of the Cartagena Protocol" in its description.
    assert!(objects(q, &lmo, cbdkg::CITES_ARTICLE).contains(&iri(&format!("{id}treaty/CP/art18"))));

    let decisions = read_record_file(&root().join("../data/examples/bch/country-decisions.json")).unwrap();
    let q = record_file_graph(&decisions, &base).quads;
    let jordan = format!("{id}bch/EX-BCH-DEC-0002");
    assert!(objects(&q, &jordan, cbdkg::CITES_DECISION).contains(&iri(&format!("{id}decision/CP-3-10"))));
    assert!(objects(&q, &jordan, cbdkg::CONCERNS_LMO).contains(&iri(&format!("{id}bch/EX-BCH-LMO-0002"))));
    let philippines = format!("{id}bch/EX-BCH-DEC-0005");
    assert_eq!(objects(&q, &philippines, cbdkg::CITES_TARGET), [iri(gbf::TARGET_17)]);
    assert_eq!(
        objects(&q, &philippines, dcterms::DATE),
        [Term::from(Literal::new_typed_literal(
            "2024-05-08",
            NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#date")
        ))]
    );
}

#[test]
fn pledges_in_rdf() {
    let base = BaseIri::default();
    let file = read_record_file(&root().join("../data/examples/pledges/pledges.json")).unwrap();
    let q = record_file_graph(&file, &base).quads;
    let pledge = "https://cbdkg.example/id/pledge/EX-AA-0017";
    let targets = objects(&q, pledge, cbdkg::CITES_TARGET);
    assert_eq!(targets, [iri(gbf::TARGET_17)], "declared and mentioned, stated once");
    assert_eq!(objects(&q, pledge, cbdkg::ACTOR_TYPE), [iri("https://cbdkg.example/vocab/actor-type/public-body")]);
    let indicator = format!("{pledge}/indicator/1");
    assert_eq!(objects(&q, &indicator, cbdkg::TARGET_VALUE).len(), 1);
    let text = objects(&q, pledge, cbdkg::TEXT);
    assert!(text.iter().any(|t| matches!(t, Term::Literal(l) if l.language() == Some("ar") && l.value().contains("عدد المختبرات المعتمدة: 1"))), "{text:?}");

    let record = file.records.iter().find(|r| r.identifier() == "EX-AA-0001").unwrap();
    let Record::Pledge(p) = record else { unreachable!() };
    assert_eq!(p.progress[0].value.as_deref(), Some("180"));
    let _ = FieldValue::Plains(Vec::new());
}
