//! The bundled gold set against the bundled corpus: every judged IRI is a searchable unit of
//! the parsed corpus, sub-paragraph answers come with their parent, the set covers the five
//! documents and the languages it promises, and semantic questions paraphrase rather than copy.

use cbdkg_evals::{GoldSet, QuestionKind};
use cbdkg_ingest::{BaseIri, parse, read_source, to_graph};
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{dcterms, rdf};
use oxrdf::{NamedOrBlankNode, Term};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The units of the corpus as the graph has them.
#[derive(Default)]
struct Corpus {
    /// IRIs of searchable units: paragraphs of every kind, table rows, guiding questions,
    /// footnotes.
    units: HashSet<String>,
    /// IRIs of sub-paragraphs.
    sub_paragraphs: HashSet<String>,
    /// `dcterms:isPartOf` of each unit.
    parent: HashMap<String, String>,
    /// `cbdkg:inDocument` of each unit.
    document: HashMap<String, String>,
    /// `cbdkg:text` of each unit.
    text: HashMap<String, String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/corpus/ar")
}

/// The corpus, parsed once for all tests.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(load_corpus)
}

fn load_corpus() -> Corpus {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("data/corpus/ar")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the bundled corpus has five documents: {files:?}");
    let mut corpus = Corpus::default();
    for file in files {
        let (source, text) = read_source(&file).unwrap_or_else(|e| panic!("{e}"));
        let sidecar = std::fs::read_to_string(format!("{}.meta.toml", file.display())).ok();
        let document = parse(source, &text, sidecar.as_deref()).unwrap_or_else(|e| panic!("{e}"));
        for quad in to_graph(&document, &BaseIri::default()).quads {
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else { continue };
            let subject = subject.as_str().to_owned();
            let object = match &quad.object {
                Term::NamedNode(node) => node.as_str().to_owned(),
                Term::Literal(literal) => literal.value().to_owned(),
                _ => continue,
            };
            match quad.predicate.as_str() {
                rdf::TYPE if [cbdkg::PARAGRAPH, cbdkg::TABLE_ROW, cbdkg::FOOTNOTE].contains(&object.as_str()) => {
                    corpus.units.insert(subject);
                }
                rdf::TYPE if object == cbdkg::SUB_PARAGRAPH => {
                    corpus.sub_paragraphs.insert(subject);
                }
                dcterms::IS_PART_OF => {
                    corpus.parent.insert(subject, object);
                }
                cbdkg::IN_DOCUMENT => {
                    corpus.document.insert(subject, object);
                }
                cbdkg::TEXT => {
                    corpus.text.insert(subject, object);
                }
                _ => {}
            }
        }
    }
    corpus
}

fn gold() -> GoldSet {
    GoldSet::bundled().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_judged_iri_is_a_searchable_unit() {
    let corpus = corpus();
    let missing: Vec<String> = gold()
        .questions()
        .iter()
        .flat_map(|q| q.judged().map(move |(iri, grade)| (q, iri, grade)))
        .filter(|(_, iri, _)| !corpus.units.contains(*iri))
        .map(|(q, iri, grade)| {
            format!("{}:{}: question `{}`: {iri} (grade {grade}) is not a unit", gold().file(), q.line, q.id)
        })
        .collect();
    assert!(missing.is_empty(), "{} unknown IRIs:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn sub_paragraph_answers_come_with_their_parent() {
    let corpus = corpus();
    let mut failures = Vec::new();
    for question in gold().questions() {
        for answer in question.answers.iter().filter(|iri| corpus.sub_paragraphs.contains(*iri)) {
            let parent = &corpus.parent[answer];
            if question.grade(parent) == 0 {
                failures.push(format!("question `{}`: answer {answer} without its parent {parent}", question.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_set_covers_languages_documents_and_kinds() {
    let corpus = corpus();
    let gold = gold();
    let questions = gold.questions();
    assert!(questions.len() >= 48, "{} questions", questions.len());

    let mut per_language: BTreeMap<&str, usize> = BTreeMap::new();
    for question in questions {
        *per_language.entry(question.lang.as_str()).or_default() += 1;
    }
    for (lang, floor) in [("ar", 20), ("en", 16), ("fr", 6), ("es", 6)] {
        let count = per_language.get(lang).copied().unwrap_or(0);
        assert!(count >= floor, "{count} questions in {lang}, want at least {floor}: {per_language:?}");
    }

    // A question counts for every document one of its answers is in.
    let mut per_document: BTreeMap<&str, usize> = BTreeMap::new();
    for question in questions {
        let documents: HashSet<&str> = question.answers.iter().map(|iri| corpus.document[iri].as_str()).collect();
        for document in documents {
            *per_document.entry(document).or_default() += 1;
        }
    }
    assert_eq!(per_document.len(), 5, "every document has questions: {per_document:?}");
    assert!(per_document.values().all(|&n| n >= 6), "at least 6 questions per document: {per_document:?}");

    let exact = questions.iter().filter(|q| q.kind == QuestionKind::Exact).count();
    assert!(
        (4..=questions.len() / 8).contains(&exact),
        "a few exact lookups, mostly semantic questions: {exact} exact"
    );
    eprintln!("questions per language: {per_language:?}\nquestions per document: {per_document:?}\nexact: {exact}");
}

/// Arabic folded the way a reader compares words: no diacritics or tatweel, one alef, ي for ى,
/// ه for ة; then split into lower-case words.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect();
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Runs of this many words shared with the text would be copying, not paraphrasing; names of
/// bodies and mechanisms ("غرفة تبادل معلومات السلامة الأحيائية") are up to five words long.
const COPIED_RUN: usize = 6;

#[test]
fn semantic_questions_paraphrase_the_text() {
    let corpus = corpus();
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    for text in corpus.text.values() {
        runs.extend(words(text).windows(COPIED_RUN).map(<[String]>::to_vec));
    }
    let mut copied = Vec::new();
    for question in gold().questions().iter().filter(|q| q.kind == QuestionKind::Semantic) {
        if let Some(run) = words(&question.text).windows(COPIED_RUN).find(|run| runs.contains(*run)) {
            copied.push(format!("question `{}` copies \"{}\"", question.id, run.join(" ")));
        }
    }
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}
