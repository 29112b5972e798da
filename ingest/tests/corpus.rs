//! The parser on the real corpus (`data/corpus/ar`) and on the English and French fixtures.
//!
//! Besides the figures the foundation issue names, every document's units are compared with a
//! reviewed snapshot in `tests/snapshots/` (key, kind, label, lines, footnotes, references):
//! a parse that loses, merges or invents a paragraph shows up as a diff. After an intended
//! change, regenerate with `CBDKG_UPDATE_SNAPSHOTS=1 cargo test -p cbdkg-ingest --test corpus`
//! and review the diff like code.

use cbdkg_ingest::{
    DecisionBody, DecisionId, Document, DocumentId, DocumentKind, IdentifierSource, Language, Reference, Treaty,
    UnitKind, parse, read_source,
};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(relative: &str) -> Document {
    let path = root().join(relative);
    let (source, text) = read_source(&path).unwrap_or_else(|e| panic!("{e}"));
    parse(source, &text, None).unwrap_or_else(|e| panic!("{e}"))
}

const CORPUS: [&str; 5] = [
    "data/corpus/ar/000_10ec64ccf00d85d6.txt",
    "data/corpus/ar/001_209b8956f71489ae.txt",
    "data/corpus/ar/002_1a6d24d7095f4eb2.txt",
    "data/corpus/ar/003_6e66b12d2f2a0670.txt",
    "data/corpus/ar/004_5dab306bbde45158.txt",
];
const FIXTURES: [&str; 5] = [
    "ingest/tests/fixtures/en/decision.txt",
    "ingest/tests/fixtures/en/note.txt",
    "ingest/tests/fixtures/en/guide.txt",
    "ingest/tests/fixtures/fr/decision.txt",
    "ingest/tests/fixtures/fr/note.txt",
];

fn cop(session: u32, number: u32) -> DecisionId {
    DecisionId { body: DecisionBody::Cop, session, number }
}

fn keys(doc: &Document, kind: UnitKind) -> Vec<&str> {
    doc.units.iter().filter(|u| u.kind == kind).map(|u| u.key.as_str()).collect()
}

fn children<'a>(doc: &'a Document, key: &str) -> Vec<&'a str> {
    let parent = doc.units.iter().position(|u| u.key == key).unwrap_or_else(|| panic!("no unit {key}"));
    doc.units.iter().filter(|u| u.parent == Some(parent)).map(|u| u.number.as_deref().unwrap_or("")).collect()
}

fn unit<'a>(doc: &'a Document, key: &str) -> &'a cbdkg_ingest::Unit {
    doc.units.iter().find(|u| u.key == key).unwrap_or_else(|| panic!("no unit {key}"))
}

fn footnote_markers<'a>(doc: &'a Document, key: &str) -> Vec<&'a str> {
    unit(doc, key).footnotes.iter().map(|&f| doc.footnotes[f].marker.as_str()).collect()
}

fn cited_decisions(doc: &Document) -> Vec<DecisionId> {
    let mut ids: Vec<DecisionId> = doc
        .units
        .iter()
        .flat_map(|u| &u.references)
        .chain(doc.footnotes.iter().flat_map(|f| &f.references))
        .filter_map(|r| match r {
            Reference::Decision { id, .. } | Reference::DecisionParagraph { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn letters(n: usize) -> Vec<String> {
    (0..n).map(|i| char::from(b'a' + i as u8).to_string()).collect()
}

#[test]
fn decision_xiii_23() {
    let doc = load(CORPUS[1]);
    assert_eq!(doc.id, DocumentId::Decision(cop(13, 23)));
    assert_eq!(doc.kind, DocumentKind::Decision);
    assert_eq!(doc.language, Language::Ar);
    let h = &doc.header;
    assert_eq!(h.symbol.as_deref(), Some("CBD/COP/DEC/XIII/23"));
    assert_eq!(h.meeting, Some(13));
    assert_eq!(h.agenda_item.as_deref(), Some("12"));
    assert_eq!(h.place.as_deref(), Some("كانكون، المكسيك"));
    assert_eq!(h.issued.map(|d| d.to_string()).as_deref(), Some("2016-12-16"));
    assert_eq!(h.start_date.map(|d| d.to_string()).as_deref(), Some("2016-12-04"));
    assert_eq!(h.end_date.map(|d| d.to_string()).as_deref(), Some("2016-12-17"));
    assert_eq!(h.original_language, Some(Language::En));
    assert!(
        h.title.as_deref().is_some_and(|t| t.starts_with("بناء القدرات") && t.ends_with("وآلية غرفة تبادل المعلومات"))
    );

    // The 16 operative paragraphs, separate and in order.
    let operative = keys(&doc, UnitKind::Operative);
    assert_eq!(operative, (1..=16).map(|n| format!("p{n}")).collect::<Vec<_>>());
    let positions: Vec<usize> = operative.iter().map(|k| doc.units.iter().position(|u| u.key == *k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(keys(&doc, UnitKind::Preambular).len(), 9);
    // Paragraph 5: (a)–(k), across a page break with footnotes in between; 15: (a)–(n).
    assert_eq!(children(&doc, "p5"), letters(11));
    assert_eq!(children(&doc, "p15"), letters(14));
    assert_eq!(unit(&doc, "p15-g").label, "15(g)");

    // Footnotes attached to the paragraph that calls them; the `*` of the date to the document.
    assert_eq!(footnote_markers(&doc, "pre4"), ["1"]);
    assert_eq!(footnote_markers(&doc, "pre8"), ["3"]);
    assert_eq!(footnote_markers(&doc, "p5-i"), ["5"]);
    assert_eq!(footnote_markers(&doc, "p11"), ["6"]);
    assert_eq!(footnote_markers(&doc, "annex"), ["7"]);
    let star = doc.footnotes.iter().position(|f| f.marker == "*").expect("the * footnote");
    assert!(doc.unattached_footnotes.contains(&star));
    // A footnote continued after a page break keeps its second line.
    assert!(doc.footnotes.iter().find(|f| f.marker == "3").unwrap().text.ends_with("UNEP/CBD/COP/13/INF/15."));

    // The annex table: 110 activities in sections A–D, each row with its six columns.
    let rows = keys(&doc, UnitKind::TableRow);
    assert_eq!(rows.len(), 110);
    let numbers: Vec<u32> = doc
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::TableRow)
        .map(|u| u.number.as_ref().unwrap().parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=110).collect::<Vec<_>>());
    let first = unit(&doc, "annex/A/act1");
    let headers: Vec<&str> = first.cells.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers[0], "النشاط");
    assert_eq!(headers[5], "الشركاء المحتملون");
    assert_eq!(first.cells[2].text, "2020-2017");
    assert!(first.cells[5].text.starts_with("BBI, IPBES"));
    assert!(
        unit(&doc, "annex/A/act4").span.end > unit(&doc, "annex/A/act4").span.start,
        "row split across pages is merged"
    );
    // "والمقرر 2/12 جيم، الفقرة 3" in the decisions column of a row continued on the next page.
    assert!(unit(&doc, "annex/B/act11").references.contains(&Reference::DecisionParagraph {
        id: cop(12, 2),
        part: Some('C'),
        paragraph: "p3".into()
    }));
    // Group headings of section B name the Aichi targets the rows serve.
    assert_eq!(unit(&doc, "annex/B/g1").references, [Reference::AichiTarget(1)]);
    assert_eq!(unit(&doc, "annex/B/act10").section, doc.units.iter().position(|u| u.key == "annex/B/g1"));

    // References resolved, in every Arabic form.
    let cited = cited_decisions(&doc);
    for expected in [
        cop(12, 2),
        cop(13, 22),
        cop(7, 29),
        cop(9, 30),
        DecisionId { body: DecisionBody::Cp, session: 8, number: 7 },
        DecisionId { body: DecisionBody::Np, session: 2, number: 13 },
    ] {
        assert!(cited.contains(&expected), "{expected} not cited; got {cited:?}");
    }
    assert!(unit(&doc, "pre1").references.contains(&Reference::Article {
        treaty: Treaty::Convention,
        number: 13,
        letter: None
    }));
    assert!(unit(&doc, "pre8").references.contains(&Reference::DecisionParagraph {
        id: cop(12, 2),
        part: Some('B'),
        paragraph: "p18".into()
    }));
    assert!(unit(&doc, "p15-n").references.contains(&Reference::OwnParagraph { paragraph: "p15-m".into() }));
    let note_1 = doc.footnotes.iter().find(|f| f.marker == "1").unwrap();
    assert_eq!(
        note_1.references,
        [Reference::Document("UNEP/CBD/SBI/1/6".into()), Reference::Document("UNEP/CBD/SBI/INF/29".into())]
    );
}

#[test]
fn decision_cp_11_4() {
    let doc = load(CORPUS[4]);
    assert_eq!(doc.id, DocumentId::Decision(DecisionId { body: DecisionBody::Cp, session: 11, number: 4 }));
    assert_eq!(doc.header.meeting, Some(11));
    assert_eq!(doc.header.body, Some(cbdkg_ingest::Body::CpMop));
    assert_eq!(doc.header.issued.map(|d| d.to_string()).as_deref(), Some("2024-11-01"));
    assert_eq!(keys(&doc, UnitKind::Operative), (1..=7).map(|n| format!("p{n}")).collect::<Vec<_>>());
    assert_eq!(children(&doc, "p7"), ["1", "2", "3", "4"]);
    assert_eq!(unit(&doc, "p7-4").label, "7(4)");
    assert_eq!(footnote_markers(&doc, "pre1"), ["1"]);
    assert_eq!(footnote_markers(&doc, "p2"), ["2"]);
    assert_eq!(footnote_markers(&doc, "p3"), ["3"]);
    assert!(!unit(&doc, "pre1").text.contains("[footnoteRef") && !unit(&doc, "pre1").text.contains("bookmark"));
    assert!(unit(&doc, "p1").references.contains(&Reference::OwnParagraph { paragraph: "p2".into() }));
}

#[test]
fn notes_and_guide() {
    // SBI 1 note: sections I–VI, 24 paragraphs, a vertically flattened annex table.
    let sbi1 = load(CORPUS[2]);
    assert_eq!(sbi1.kind, DocumentKind::Note);
    assert_eq!(sbi1.id, DocumentId::Slug("002_1a6d24d7095f4eb2".into()));
    assert_eq!(sbi1.id_source, IdentifierSource::FileName);
    assert_eq!(sbi1.header.body, Some(cbdkg_ingest::Body::Sbi));
    assert_eq!(sbi1.header.meeting, Some(1));
    assert_eq!(keys(&sbi1, UnitKind::Numbered).len(), 24);
    assert_eq!(children(&sbi1, "p15"), letters(10));
    let rows: Vec<_> = sbi1.units.iter().filter(|u| u.kind == UnitKind::TableRow).collect();
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r.cells.len() == 7), "every row has the 7 columns");
    assert_eq!(rows[0].cells[6].header, "الموارد المطلوبة");
    // This translation writes X/2 as 10/2: session/number, inferred for the document.
    assert!(cited_decisions(&sbi1).contains(&cop(10, 2)));
    assert!(cited_decisions(&sbi1).contains(&cop(12, 2)));
    assert!(!cited_decisions(&sbi1).contains(&cop(2, 10)));

    // SBI 4 note: the draft programme is an annex whose heading lost the word "annex".
    let sbi4 = load(CORPUS[3]);
    assert_eq!(sbi4.header.agenda_item.as_deref(), Some("5 (a)"));
    assert_eq!(sbi4.header.issued.map(|d| d.to_string()).as_deref(), Some("2024-04-08"));
    assert_eq!(
        keys(&sbi4, UnitKind::Numbered),
        ["p1", "p2", "p3", "p4", "p5", "annex/p1", "annex/p2", "annex/p3", "annex/p4"]
    );
    assert_eq!(children(&sbi4, "annex/p2"), letters(4));
    assert!(unit(&sbi4, "p4").text.ends_with("والتوعية العامة."), "paragraph continued after the page's footnotes");
    assert!(unit(&sbi4, "annex-2/act2-2-B").cells[2].text.starts_with("2-2-باء-"));
    assert!(cited_decisions(&sbi4).contains(&cop(1, 3)));
    assert!(cited_decisions(&sbi4).contains(&cop(15, 4)));

    // The discussion guide: 2 weeks, 3 groups, 6 topics, 26 questions (5+4+4+4+4+5).
    let guide = load(CORPUS[0]);
    assert_eq!(guide.kind, DocumentKind::DiscussionGuide);
    let questions = keys(&guide, UnitKind::Question);
    assert_eq!(questions.len(), 26);
    assert_eq!(questions[..2], ["topic-1/q1", "topic-1/q2"]);
    assert_eq!(questions.last(), Some(&"topic-6/q5"));
}

#[test]
fn fixtures_in_english_and_french() {
    let en = load(FIXTURES[0]);
    assert_eq!(en.id, DocumentId::Decision(cop(14, 35)));
    assert_eq!(en.language, Language::En);
    assert_eq!(children(&en, "p2"), letters(10), "(i) after (h) is a letter");
    assert_eq!(children(&en, "p2-j"), ["i", "ii"], "(i) after (j) opens a level below");
    assert_eq!(footnote_markers(&en, "p2-i"), ["2"]);
    assert_eq!(unit(&en, "annex/A/act2").cells[2].text, "SCBD and FAO");
    let p3 = &unit(&en, "p3").references;
    assert!(p3.contains(&Reference::DecisionParagraph { id: cop(13, 23), part: None, paragraph: "p15-g".into() }));
    assert!(p3.contains(&Reference::AichiTarget(19)));
    assert!(p3.contains(&Reference::OwnParagraph { paragraph: "p2".into() }));
    assert!(unit(&en, "pre1").references.contains(&Reference::Decision { id: cop(12, 2), part: Some('B') }));

    let note = load(FIXTURES[1]);
    assert_eq!(note.id, DocumentId::Symbol("CBD/SBI/4/99".into()));
    assert_eq!(keys(&note, UnitKind::Section), ["sec-I", "sec-II", "sec-II-A"]);
    assert_eq!(footnote_markers(&note, "p1"), ["1"]);
    assert_eq!(unit(&note, "p4").span.end, 34);

    let guide = load(FIXTURES[2]);
    assert_eq!(keys(&guide, UnitKind::Question), ["topic-1/q1", "topic-1/q2", "topic-2/q1", "topic-2/q2"]);

    let fr = load(FIXTURES[3]);
    assert_eq!(fr.id, DocumentId::Decision(DecisionId { body: DecisionBody::Cp, session: 10, number: 12 }));
    assert_eq!(fr.language, Language::Fr);
    assert_eq!(fr.header.meeting, Some(10));
    assert_eq!(fr.header.original_language, Some(Language::En));
    assert_eq!(children(&fr, "p2"), letters(2));
    assert!(unit(&fr, "p3").references.contains(&Reference::DecisionParagraph {
        id: cop(12, 2),
        part: Some('B'),
        paragraph: "p8-d".into()
    }));
    assert!(unit(&fr, "pre1").references.contains(&Reference::Article {
        treaty: Treaty::Cartagena,
        number: 22,
        letter: None
    }));

    let fr_note = load(FIXTURES[4]);
    assert_eq!(keys(&fr_note, UnitKind::Numbered), ["p1", "p2", "p3"]);
    assert!(unit(&fr_note, "p2").references.contains(&Reference::Decision { id: cop(8, 11), part: None }));
    assert!(unit(&fr_note, "p2").references.contains(&Reference::Article {
        treaty: Treaty::Convention,
        number: 18,
        letter: None
    }));
}

#[test]
fn every_unit_keeps_its_source_span_and_a_unique_key() {
    for file in CORPUS.iter().chain(&FIXTURES) {
        let doc = load(file);
        let lines = std::fs::read_to_string(root().join(file)).unwrap().lines().count() as u32;
        let mut seen = std::collections::HashSet::new();
        for unit in &doc.units {
            assert!(
                1 <= unit.span.start && unit.span.start <= unit.span.end && unit.span.end <= lines,
                "{file}: {}",
                unit.key
            );
            assert!(seen.insert(unit.key.as_str()), "{file}: duplicate key {}", unit.key);
            assert!(
                unit.key.chars().all(|c| c.is_ascii_alphanumeric() || "-/".contains(c)),
                "{file}: key {}",
                unit.key
            );
        }
        let starts: Vec<u32> = doc.units.iter().map(|u| u.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{file}: units out of document order");
    }
}

/// One line per unit and footnote: what a reviewer checks when the parser changes.
fn snapshot(doc: &Document) -> String {
    let mut out = format!("{:?} {} {:?}\n", doc.kind, doc.id.path(), doc.header);
    for unit in &doc.units {
        let notes: Vec<&str> = unit.footnotes.iter().map(|&f| doc.footnotes[f].marker.as_str()).collect();
        let refs: Vec<String> = unit.references.iter().map(short_reference).collect();
        out.push_str(&format!(
            "{}-{} {:?} {} [{}] fn{:?} cells={} refs={}\n",
            unit.span.start,
            unit.span.end,
            unit.kind,
            unit.key,
            unit.label,
            notes,
            unit.cells.len(),
            refs.join(",")
        ));
    }
    for note in &doc.footnotes {
        let refs: Vec<String> = note.references.iter().map(short_reference).collect();
        out.push_str(&format!("{}-{} footnote {} refs={}\n", note.span.start, note.span.end, note.key, refs.join(",")));
    }
    out
}

fn short_reference(r: &Reference) -> String {
    match r {
        Reference::Decision { id, part } => format!("{id}{}", part.map(|p| format!("/{p}")).unwrap_or_default()),
        Reference::DecisionParagraph { id, part, paragraph } => {
            format!("{id}{}/{paragraph}", part.map(|p| format!("/{p}")).unwrap_or_default())
        }
        Reference::OwnParagraph { paragraph } => format!("self/{paragraph}"),
        Reference::Document(symbol) => format!("doc:{symbol}"),
        Reference::Article { treaty, number, letter } => {
            format!("{}-art{number}{}", treaty.code(), letter.map(|l| format!("-{l}")).unwrap_or_default())
        }
        Reference::AichiTarget(n) => format!("aichi-{n}"),
    }
}

#[test]
fn snapshots() {
    let dir = root().join("ingest/tests/snapshots");
    let update = std::env::var_os("CBDKG_UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for file in CORPUS.iter().chain(&FIXTURES) {
        let name = file.rsplit('/').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("-");
        let path = dir.join(format!("{name}.snap"));
        let got = snapshot(&load(file));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != got {
            let first = expected
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(got.lines().count()));
            failures.push(format!(
                "{name}: first difference at snapshot line {}\n  expected: {}\n  got:      {}",
                first + 1,
                expected.lines().nth(first).unwrap_or("<end>"),
                got.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "parse output changed (CBDKG_UPDATE_SNAPSHOTS=1 to accept, then review the diff):\n{}",
        failures.join("\n")
    );
}
