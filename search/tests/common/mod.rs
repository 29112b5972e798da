//! Passages straight from the ingest crate's parse of the bundled corpus (`data/corpus/ar`),
//! mapped the way the binary maps the graph's units: every paragraph, sub-paragraph, table row,
//! question, unnumbered text and footnote is a passage; a paragraph's text is followed by its
//! sub-units' texts.

#![allow(dead_code, reason = "each test binary uses its own part of the helpers")]

use cbdkg_ingest::{Document, DocumentKind, UnitKind, parse, read_source};
use cbdkg_search::Passage;
use cbdkg_search::keyword::KeywordIndex;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The default base IRI.
pub const BASE: &str = "https://cbdkg.example/id/";

/// The bundled corpus files, in file order.
pub const CORPUS: [&str; 5] = [
    "data/corpus/ar/000_10ec64ccf00d85d6.txt",
    "data/corpus/ar/001_209b8956f71489ae.txt",
    "data/corpus/ar/002_1a6d24d7095f4eb2.txt",
    "data/corpus/ar/003_6e66b12d2f2a0670.txt",
    "data/corpus/ar/004_5dab306bbde45158.txt",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A parsed corpus file.
pub fn load(relative: &str) -> Document {
    let (source, text) = read_source(&root().join(relative)).unwrap_or_else(|e| panic!("{e}"));
    parse(source, &text, None).unwrap_or_else(|e| panic!("{e}"))
}

/// The passages of every corpus file.
pub fn corpus_passages() -> Vec<Passage> {
    CORPUS.iter().flat_map(|file| passages(&load(file))).collect()
}

/// The passages of one document.
pub fn passages(doc: &Document) -> Vec<Passage> {
    let doc_iri = format!("{BASE}{}", doc.id.path());
    let h = &doc.header;
    let symbol = h.symbol.clone();
    let short_symbol = match &doc.id {
        cbdkg_ingest::DocumentId::Decision(id) => Some(id.short_symbol()),
        _ => None,
    };
    let doc_type = match doc.kind {
        DocumentKind::Decision => "decision",
        DocumentKind::Note => "note",
        DocumentKind::DiscussionGuide => "discussion-guide",
    };
    let body = h.body.map(|b| b.code().to_owned());
    let meeting = h.body.zip(h.meeting).map(|(b, m)| format!("{}-{m}", b.code()));
    let year = h.issued.or(h.start_date).map(|d| d.year);
    let template = Passage {
        iri: String::new(),
        doc: doc_iri.clone(),
        symbol,
        short_symbol,
        title: h.title.clone(),
        paragraph: String::new(),
        section: Vec::new(),
        body,
        meeting,
        year,
        doc_type: Some(doc_type.to_owned()),
        record_type: None,
        lang: doc.language.code().to_owned(),
        text: String::new(),
        translations: Vec::new(),
        position: 0,
    };
    let mut out = Vec::new();
    for (i, unit) in doc.units.iter().enumerate() {
        if matches!(unit.kind, UnitKind::Section | UnitKind::Annex) {
            continue;
        }
        let mut text = unit_text(unit);
        for (j, sub) in doc.units.iter().enumerate().skip(i + 1) {
            if descends_from(doc, j, i) && !sub.text.is_empty() {
                text.push('\n');
                text.push_str(&unit_text(sub));
            }
        }
        out.push(Passage {
            iri: format!("{doc_iri}/{}", unit.key),
            paragraph: unit.label.clone(),
            section: section_path(doc, unit.section),
            text,
            position: i as u32,
            ..template.clone()
        });
    }
    for (i, note) in doc.footnotes.iter().enumerate() {
        out.push(Passage {
            iri: format!("{doc_iri}/{}", note.key),
            paragraph: format!("footnote {}", note.marker),
            text: note.text.clone(),
            position: (doc.units.len() + i) as u32,
            ..template.clone()
        });
    }
    out
}

fn unit_text(unit: &cbdkg_ingest::Unit) -> String {
    if unit.text.trim().is_empty() && !unit.cells.is_empty() {
        unit.cells.iter().map(|c| format!("{}: {}", c.header, c.text)).collect::<Vec<_>>().join("\n")
    } else {
        unit.text.clone()
    }
}

fn descends_from(doc: &Document, mut unit: usize, ancestor: usize) -> bool {
    while let Some(parent) = doc.units[unit].parent {
        if parent == ancestor {
            return true;
        }
        unit = parent;
    }
    false
}

fn section_path(doc: &Document, mut section: Option<usize>) -> Vec<String> {
    let mut path = Vec::new();
    while let Some(s) = section {
        path.push(doc.units[s].text.clone());
        section = doc.units[s].section;
    }
    path.reverse();
    path
}

/// A fresh directory under cargo's per-target temporary directory (no leftovers in /tmp).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("keyword-tests").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The index of the whole corpus, built once per test binary under `name`.
pub fn corpus_index(name: &str) -> &'static KeywordIndex {
    static INDEX: OnceLock<KeywordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = scratch_dir(name).join("index");
        KeywordIndex::build(&dir, &corpus_passages()).unwrap_or_else(|e| panic!("{e}"))
    })
}
