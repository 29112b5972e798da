//! Reads the passages to index out of the graph (the system of record): every paragraph,
//! table row, guiding question and footnote with text, with its document's context, and every
//! record (clearing-house record, pledge). A paragraph's passage carries the text of its
//! sub-paragraphs; sub-paragraphs are passages too, so a lookup of `15(g)` lands on the
//! sub-paragraph itself. A record is one passage whatever its languages: its text in the
//! first language (by tag) and the others as translations.

use cbdkg_graph::model::Term;
use cbdkg_graph::{GraphError, GraphStore, QueryOptions, Row, cell_iri, cell_value};
use cbdkg_ontologies::cbdkg;
use cbdkg_search::{Passage, Translation};
use std::collections::HashMap;
use std::time::Duration;

/// Generous limits: reading every passage is a batch job, not a user query.
pub(crate) fn batch_options() -> QueryOptions {
    QueryOptions::new(Duration::from_secs(600), usize::MAX)
}

/// Every searchable unit of the store, in document order.
pub fn passages_from_graph(store: &GraphStore) -> Result<Vec<Passage>, GraphError> {
    let documents = documents(store)?;
    let sections = sections(store)?;
    let units = units(store)?;

    let mut children: HashMap<&str, Vec<&Unit>> = HashMap::new();
    for unit in &units {
        if unit.sub_paragraph
            && let Some(parent) = &unit.parent
        {
            children.entry(parent.as_str()).or_default().push(unit);
        }
    }
    let mut passages = Vec::with_capacity(units.len());
    for unit in &units {
        let Some(doc) = documents.get(&unit.doc) else { continue };
        let mut text = unit.text.clone();
        if let Some(kids) = children.get_mut(unit.iri.as_str()) {
            kids.sort_by_key(|k| k.position);
            for kid in kids.iter() {
                text.push('\n');
                text.push_str(&kid.text);
            }
        }
        passages.push(Passage {
            iri: unit.iri.clone(),
            doc: unit.doc.clone(),
            symbol: doc.symbol.clone(),
            short_symbol: doc.short_symbol.clone(),
            title: doc.title.clone(),
            paragraph: unit.label.clone().unwrap_or_default(),
            section: section_path(unit.parent.as_deref(), &sections),
            body: doc.body.clone(),
            meeting: doc.meeting.clone(),
            year: doc.year,
            doc_type: doc.doc_type.clone(),
            lang: unit.lang.clone(),
            record_type: None,
            text,
            translations: Vec::new(),
            position: unit.position,
        });
    }
    for record in records(store)? {
        let Some(doc) = documents.get(&record.iri) else { continue };
        let mut texts = record.texts.into_iter();
        let Some((lang, text)) = texts.next() else { continue };
        passages.push(Passage {
            iri: record.iri.clone(),
            doc: record.iri,
            symbol: doc.symbol.clone(),
            short_symbol: None,
            title: doc.title.clone(),
            paragraph: String::new(),
            section: Vec::new(),
            body: doc.body.clone(),
            meeting: doc.meeting.clone(),
            year: doc.year,
            doc_type: doc.doc_type.clone(),
            record_type: record.record_type,
            lang,
            text,
            translations: texts.map(|(lang, text)| Translation { lang, text }).collect(),
            position: 0,
        });
    }
    passages.sort_by(|a, b| (&a.doc, a.position, &a.iri).cmp(&(&b.doc, b.position, &b.iri)));
    Ok(passages)
}

/// Headings of the sections enclosing a unit, outermost first (sections without a title, such
/// as table groups, are skipped).
fn section_path<'a>(mut parent: Option<&'a str>, sections: &'a HashMap<String, Section>) -> Vec<String> {
    let mut path = Vec::new();
    // Bounded: a malformed graph with a cycle must not hang indexing.
    for _ in 0..16 {
        let Some(section) = parent.and_then(|p| sections.get(p)) else { break };
        if let Some(title) = &section.title {
            path.push(title.clone());
        }
        parent = section.parent.as_deref();
    }
    path.reverse();
    path
}

struct DocumentContext {
    symbol: Option<String>,
    short_symbol: Option<String>,
    title: Option<String>,
    body: Option<String>,
    meeting: Option<String>,
    year: Option<i32>,
    doc_type: Option<String>,
}

struct Section {
    title: Option<String>,
    parent: Option<String>,
}

struct Unit {
    iri: String,
    doc: String,
    parent: Option<String>,
    label: Option<String>,
    text: String,
    lang: String,
    position: u32,
    sub_paragraph: bool,
}

fn documents(store: &GraphStore) -> Result<HashMap<String, DocumentContext>, GraphError> {
    let query = format!(
        "PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?d ?symbol ?short ?title ?body ?meeting ?issued ?type WHERE {{
           ?d a <{document}> .
           OPTIONAL {{ ?d dcterms:identifier ?symbol }}
           OPTIONAL {{ ?d <{short}> ?short }}
           OPTIONAL {{ ?d dcterms:title ?title }}
           OPTIONAL {{ ?d <{body}> ?body }}
           OPTIONAL {{ ?d <{meeting}> ?meeting }}
           OPTIONAL {{ ?d dcterms:issued ?issued }}
           OPTIONAL {{ ?d <{doc_type}> ?type }}
         }}",
        document = cbdkg::DOCUMENT,
        short = cbdkg::SHORT_SYMBOL,
        body = cbdkg::BODY,
        meeting = cbdkg::MEETING_PROP,
        doc_type = cbdkg::DOCUMENT_TYPE,
    );
    let mut out = HashMap::new();
    for row in select(store, &query)? {
        let Some(doc) = cell_iri(&row[0]) else { continue };
        out.entry(doc).or_insert_with(|| DocumentContext {
            symbol: cell_value(&row[1]),
            short_symbol: cell_value(&row[2]),
            title: cell_value(&row[3]),
            body: cell_iri(&row[4]).map(|b| last_segment(&b)),
            meeting: cell_iri(&row[5]).map(|m| last_segment(&m)),
            year: cell_value(&row[6]).and_then(|d| d.get(..4)?.parse().ok()),
            doc_type: cell_iri(&row[7]).map(|t| last_segment(&t)),
        });
    }
    Ok(out)
}

fn sections(store: &GraphStore) -> Result<HashMap<String, Section>, GraphError> {
    let query = format!(
        "PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?s ?title ?parent WHERE {{
           ?s a ?kind . VALUES ?kind {{ <{section}> <{annex}> }}
           OPTIONAL {{ ?s dcterms:title ?title }}
           OPTIONAL {{ ?s dcterms:isPartOf ?parent }}
         }}",
        section = cbdkg::SECTION,
        annex = cbdkg::ANNEX,
    );
    let mut out = HashMap::new();
    for row in select(store, &query)? {
        let Some(section) = cell_iri(&row[0]) else { continue };
        out.entry(section).or_insert_with(|| Section { title: cell_value(&row[1]), parent: cell_iri(&row[2]) });
    }
    Ok(out)
}

fn units(store: &GraphStore) -> Result<Vec<Unit>, GraphError> {
    let query = format!(
        "PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?u ?doc ?parent ?label ?text ?position ?sub WHERE {{
           ?u a ?kind . VALUES ?kind {{ <{paragraph}> <{row}> <{footnote}> }}
           ?u <{text}> ?text ; <{in_document}> ?doc .
           OPTIONAL {{ ?u dcterms:isPartOf ?parent }}
           OPTIONAL {{ ?u <{label}> ?label }}
           OPTIONAL {{ ?u <{position}> ?position }}
           BIND(EXISTS {{ ?u a <{sub}> }} AS ?sub)
         }}",
        paragraph = cbdkg::PARAGRAPH,
        row = cbdkg::TABLE_ROW,
        footnote = cbdkg::FOOTNOTE,
        text = cbdkg::TEXT,
        in_document = cbdkg::IN_DOCUMENT,
        label = cbdkg::LABEL,
        position = cbdkg::POSITION,
        sub = cbdkg::SUB_PARAGRAPH,
    );
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for row in select(store, &query)? {
        let (Some(unit), Some(doc)) = (cell_iri(&row[0]), cell_iri(&row[1])) else { continue };
        // A unit typed both Paragraph and a subclass comes once per type; keep the first.
        if !seen.insert(unit.clone()) {
            continue;
        }
        let (text, lang) = match &row[4] {
            Some(Term::Literal(l)) => (l.value().to_owned(), l.language().unwrap_or("und").to_owned()),
            _ => continue,
        };
        out.push(Unit {
            iri: unit,
            doc,
            parent: cell_iri(&row[2]),
            label: cell_value(&row[3]),
            text,
            lang,
            position: cell_value(&row[5]).and_then(|p| p.parse().ok()).unwrap_or(u32::MAX),
            sub_paragraph: cell_value(&row[6]).as_deref() == Some("true"),
        });
    }
    Ok(out)
}

struct RecordText {
    iri: String,
    record_type: Option<String>,
    /// (language tag, text), by tag.
    texts: Vec<(String, String)>,
}

fn records(store: &GraphStore) -> Result<Vec<RecordText>, GraphError> {
    let query = format!(
        "SELECT ?r ?text ?kind WHERE {{
           ?r a <{record}> ; <{text}> ?text .
           OPTIONAL {{ ?r <{record_type}>|<{pledge_form}> ?kind }}
         }}",
        record = cbdkg::RECORD,
        text = cbdkg::TEXT,
        record_type = cbdkg::RECORD_TYPE,
        pledge_form = cbdkg::PLEDGE_FORM,
    );
    let mut by_iri: std::collections::BTreeMap<String, RecordText> = std::collections::BTreeMap::new();
    for row in select(store, &query)? {
        let Some(record) = cell_iri(&row[0]) else { continue };
        let Some(Term::Literal(text)) = &row[1] else { continue };
        let entry = by_iri.entry(record.clone()).or_insert_with(|| RecordText {
            iri: record,
            record_type: cell_iri(&row[2]).map(|k| last_segment(&k)),
            texts: Vec::new(),
        });
        let lang = text.language().unwrap_or("und").to_owned();
        if !entry.texts.iter().any(|(l, _)| *l == lang) {
            entry.texts.push((lang, text.value().to_owned()));
        }
    }
    let mut out: Vec<RecordText> = by_iri.into_values().collect();
    for record in &mut out {
        record.texts.sort();
    }
    Ok(out)
}

/// The rows of a SELECT query run as a batch job (no rows for ASK or CONSTRUCT).
pub(crate) fn select(store: &GraphStore, query: &str) -> Result<Vec<Row>, GraphError> {
    Ok(store.query(query, &batch_options())?.into_rows().unwrap_or_default())
}

fn last_segment(iri: &str) -> String {
    iri.rsplit('/').next().unwrap_or(iri).to_owned()
}
