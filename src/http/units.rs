//! `GET /api/units?iri=…`: what the page of a document, a paragraph, a footnote, a record or a
//! pledge shows, read from the graph: its text in every language, its document, footnotes,
//! what it cites and what cites it (`dcterms:references` and its sub-properties), the targets it
//! cites (asserted) and those a method inferred (with their score, kept apart), its
//! sub-paragraphs (a document: all its units, in order), and its other facts.
//!
//! A decision the corpus lacks but other documents cite is still a page (`kind: "cited"`):
//! who cites it. An IRI nothing in the graph mentions is 404 (`not_found`); a malformed one 400
//! (`invalid_iri`).

use super::AppState;
use super::error::ApiError;
use super::lookup::{self, Iri, TargetSummary, Text, push_text, select, text};
use axum::Json;
use axum::extract::{RawQuery, State};
use cbdkg_graph::GraphStore;
use cbdkg_graph::{Row, cell_iri, cell_value};
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{dcterms, rdf, rdfs, skos};
use serde::Serialize;
use std::collections::BTreeMap;

/// The page of one resource.
#[derive(Debug, Serialize)]
pub struct UnitPage {
    /// The IRI asked for.
    pub iri: String,
    /// `document`, `unit`, `footnote`, `record` or `cited` (only cited, not in the documents).
    pub kind: &'static str,
    /// Its classes (local names of the cbdkg ontology: `OperativeParagraph`, `Decision`).
    pub types: Vec<String>,
    /// The label as printed ("15(g)"), for units.
    pub label: Option<String>,
    /// The short symbol ("XIII/23") or identifier, for documents and cited decisions.
    pub symbol: Option<String>,
    /// Titles per language (documents, sections, records).
    pub titles: Vec<Text>,
    /// The text per language; the same IRI carries one per language version.
    pub texts: Vec<Text>,
    /// The languages it is available in.
    pub languages: Vec<String>,
    /// The document the unit is in (for a unit or footnote).
    pub document: Option<Summary>,
    /// The unit it is part of, when that is not the document.
    pub parent: Option<Summary>,
    /// Where it was read from.
    pub source: Option<Source>,
    /// Its footnotes (a document: all of them).
    pub footnotes: Vec<Footnote>,
    /// What it cites (a document: what its units cite, outside itself), with how many units cite it.
    pub cites: Vec<Link>,
    /// What cites it.
    pub cited_by: Vec<Link>,
    /// Targets its source cites (a document: its units).
    pub targets: Vec<TargetSummary>,
    /// Targets a method inferred, with the score; never mixed with `targets`.
    pub inferred_targets: Vec<InferredTarget>,
    /// Its parts in document order (a document: every unit; a paragraph: its sub-paragraphs).
    pub children: Vec<Child>,
    /// Its other facts (records and pledges mostly), by property.
    pub details: Vec<Detail>,
}

/// A document or unit named on a page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Its IRI.
    pub iri: String,
    /// Label of a unit ("15(g)").
    pub label: Option<String>,
    /// Short symbol or identifier of a document.
    pub symbol: Option<String>,
    /// Titles per language.
    pub titles: Vec<Text>,
    /// Document type code (`decision`, `note`, `pledge`).
    pub doc_type: Option<String>,
    /// Date issued.
    pub issued: Option<String>,
}

/// The source span.
#[derive(Debug, Serialize)]
pub struct Source {
    /// File name.
    pub file: String,
    /// First line, from 1.
    pub start_line: Option<u32>,
    /// Last line.
    pub end_line: Option<u32>,
}

/// A footnote.
#[derive(Debug, Serialize)]
pub struct Footnote {
    /// Its IRI.
    pub iri: String,
    /// Its marker ("3", "*").
    pub marker: Option<String>,
    /// Its text per language.
    pub texts: Vec<Text>,
}

/// A citation in one direction.
#[derive(Debug, Serialize)]
pub struct Link {
    /// The other end.
    pub iri: String,
    /// The citation property's local name (`citesDecision`, `references`).
    pub property: String,
    /// The other end's label, when it is a unit.
    pub label: Option<String>,
    /// The other end's symbol (a decision) or its document's symbol (a unit).
    pub symbol: Option<String>,
    /// The other end's document, when it is a unit.
    pub document: Option<String>,
    /// Whether the other end's text is in the graph (its page has text).
    pub has_text: bool,
    /// How many units make this citation (documents' pages aggregate).
    pub count: usize,
}

/// A target inferred by a method.
#[derive(Debug, Serialize)]
pub struct InferredTarget {
    /// The target.
    #[serde(flatten)]
    pub target: TargetSummary,
    /// The method's score, from 0 to 1.
    pub score: f64,
}

/// A part of the page's resource.
#[derive(Debug, Serialize)]
pub struct Child {
    /// Its IRI.
    pub iri: String,
    /// The unit it is part of (for indentation).
    pub parent: Option<String>,
    /// Label as printed.
    pub label: Option<String>,
    /// Local name of its most specific class (`SubParagraph`, `Section`, `TableRow`).
    pub class: Option<String>,
    /// Its text per language (sections: their title).
    pub texts: Vec<Text>,
}

/// Values of one property.
#[derive(Debug, Serialize)]
pub struct Detail {
    /// The property IRI.
    pub property: String,
    /// Its label (the ontology's `rdfs:label`, else its local name).
    pub name: String,
    /// Its values.
    pub values: Vec<DetailValue>,
}

/// One value: a literal, or an IRI with the concept's labels.
#[derive(Debug, Clone, Serialize)]
pub struct DetailValue {
    /// The IRI, for a resource.
    pub iri: Option<String>,
    /// The literal, for a literal.
    pub text: Option<Text>,
    /// Preferred labels of the resource.
    pub labels: Vec<Text>,
}

/// `GET /api/units?iri=…`.
pub async fn get(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<UnitPage>, ApiError> {
    let iri = Iri::from_query(raw.as_deref())?;
    describe(&state.graph, &iri).await.map(Json)
}

/// Properties shown in their own place on the page rather than among the details.
const SHOWN: &[&str] = &[
    rdf::TYPE,
    cbdkg::LABEL,
    cbdkg::NUMBER,
    cbdkg::TEXT,
    dcterms::TITLE,
    cbdkg::IN_DOCUMENT,
    cbdkg::IN_SECTION,
    dcterms::IS_PART_OF,
    cbdkg::SOURCE_FILE,
    cbdkg::START_LINE,
    cbdkg::END_LINE,
    cbdkg::FOOTNOTE_PROP,
    cbdkg::POSITION,
    cbdkg::SHORT_SYMBOL,
    dcterms::LANGUAGE,
    cbdkg::CELL,
    cbdkg::CITES_TARGET,
    cbdkg::CITES_DECISION,
    cbdkg::CITES_PARAGRAPH,
    cbdkg::CITES_DOCUMENT,
    cbdkg::CITES_ARTICLE,
    dcterms::REFERENCES,
];

/// Reads the page of `iri`.
pub async fn describe(graph: &GraphStore, iri: &Iri) -> Result<UnitPage, ApiError> {
    let facts = facts(graph, iri).await?;
    if facts.is_empty() && !is_mentioned(graph, iri).await? {
        return Err(ApiError::NotFound { what: "resource", name: iri.as_str().to_owned() });
    }
    let one = |property: &str| facts.iter().find(|f| f.property == property).and_then(|f| f.object.clone());
    let literal = |property: &str| one(property).and_then(|o| o.text).map(|t| t.value);
    let all_texts = |property: &str| {
        let mut texts = Vec::new();
        for fact in facts.iter().filter(|f| f.property == property) {
            push_text(&mut texts, fact.object.as_ref().and_then(|o| o.text.clone()));
        }
        texts
    };
    let types: Vec<String> = facts
        .iter()
        .filter(|f| f.property == rdf::TYPE)
        .filter_map(|f| f.object.as_ref()?.iri.clone())
        .filter_map(|t| t.strip_prefix(cbdkg_ontologies::ONTOLOGY_NS).map(str::to_owned))
        .collect();
    let texts = all_texts(cbdkg::TEXT);
    let has = |class: &str| types.iter().any(|t| t == class);
    // A record is its own document: "record" first.
    let kind = if has("Record") {
        "record"
    } else if has("Document") {
        "document"
    } else if has("Footnote") {
        "footnote"
    } else if !texts.is_empty() || has("Section") || has("TableRow") {
        "unit"
    } else {
        "cited"
    };
    let whole = matches!(kind, "document" | "record");
    let document_iri = one(cbdkg::IN_DOCUMENT).and_then(|o| o.iri).filter(|d| d != iri.as_str());
    let document = match &document_iri {
        Some(doc) => Some(summary(graph, &Iri::parse(doc)?).await?),
        None => None,
    };
    let parent = match one(dcterms::IS_PART_OF).and_then(|o| o.iri) {
        Some(p) if Some(&p) != document_iri.as_ref() && p != iri.as_str() => {
            Some(summary(graph, &Iri::parse(&p)?).await?)
        }
        _ => None,
    };
    let mut languages: Vec<String> = texts.iter().map(|t| t.lang.clone()).collect();
    for fact in facts.iter().filter(|f| f.property == dcterms::LANGUAGE) {
        languages.extend(fact.object.as_ref().and_then(|o| o.text.as_ref()).map(|t| t.value.clone()));
    }
    languages.retain(|l| !l.is_empty());
    languages.sort();
    languages.dedup();
    let source = literal(cbdkg::SOURCE_FILE).map(|file| Source {
        file,
        start_line: literal(cbdkg::START_LINE).and_then(|l| l.parse().ok()),
        end_line: literal(cbdkg::END_LINE).and_then(|l| l.parse().ok()),
    });
    let target_iris = targets(graph, iri, kind == "document").await?;
    Ok(UnitPage {
        iri: iri.as_str().to_owned(),
        kind,
        label: literal(cbdkg::LABEL),
        symbol: literal(cbdkg::SHORT_SYMBOL).or_else(|| literal(dcterms::IDENTIFIER)),
        titles: all_texts(dcterms::TITLE),
        texts,
        languages,
        document,
        parent,
        source,
        footnotes: footnotes(graph, iri, kind == "document").await?,
        cites: cites(graph, iri, kind == "document").await?,
        cited_by: cited_by(graph, iri, kind == "document").await?,
        targets: lookup::target_summaries(graph, &target_iris).await?,
        inferred_targets: inferred_targets(graph, iri).await?,
        children: if kind == "cited" { Vec::new() } else { children(graph, iri, whole).await? },
        details: details(&facts),
        types,
    })
}

/// One triple of the resource, with the labels that make it readable.
struct Fact {
    property: String,
    property_label: Option<String>,
    object: Option<DetailValue>,
}

async fn facts(graph: &GraphStore, iri: &Iri) -> Result<Vec<Fact>, ApiError> {
    let query = format!(
        "SELECT ?p ?o ?plabel ?olabel WHERE {{
           {s} ?p ?o .
           OPTIONAL {{ ?p <{label}> ?plabel . FILTER(lang(?plabel) = \"en\" || lang(?plabel) = \"\") }}
           OPTIONAL {{ ?o <{pref}> ?olabel }}
         }}",
        s = iri.sparql(),
        label = rdfs::LABEL,
        pref = skos::PREF_LABEL,
    );
    let mut facts: Vec<Fact> = Vec::new();
    for row in select(graph, query).await? {
        let Some(property) = cell_iri(&row[0]) else { continue };
        let object = match (&row[1], cell_iri(&row[1])) {
            (_, Some(o)) => Some(DetailValue { iri: Some(o), text: None, labels: Vec::new() }),
            (Some(_), None) => text(&row[1]).map(|t| DetailValue { iri: None, text: Some(t), labels: Vec::new() }),
            (None, None) => None,
        };
        let Some(object) = object else { continue };
        let same = |f: &Fact| {
            f.property == property && f.object.as_ref().map(|o| (&o.iri, &o.text)) == Some((&object.iri, &object.text))
        };
        let index = match facts.iter().position(same) {
            Some(index) => index,
            None => {
                facts.push(Fact { property, property_label: cell_value(&row[2]), object: Some(object) });
                facts.len() - 1
            }
        };
        if let Some(o) = facts[index].object.as_mut() {
            push_text(&mut o.labels, text(&row[3]));
        }
    }
    Ok(facts)
}

async fn is_mentioned(graph: &GraphStore, iri: &Iri) -> Result<bool, ApiError> {
    let query = format!("SELECT ?s WHERE {{ ?s ?p {} }} LIMIT 1", iri.sparql());
    Ok(!select(graph, query).await?.is_empty())
}

/// A document or unit by its label, symbol, titles, type and date.
async fn summary(graph: &GraphStore, iri: &Iri) -> Result<Summary, ApiError> {
    let query = format!(
        "SELECT ?p ?o WHERE {{
           {s} ?p ?o .
           VALUES ?p {{ <{label}> <{symbol}> <{identifier}> <{title}> <{doc_type}> <{issued}> }}
         }}",
        s = iri.sparql(),
        label = cbdkg::LABEL,
        symbol = cbdkg::SHORT_SYMBOL,
        identifier = dcterms::IDENTIFIER,
        title = dcterms::TITLE,
        doc_type = cbdkg::DOCUMENT_TYPE,
        issued = dcterms::ISSUED,
    );
    let mut out = Summary { iri: iri.as_str().to_owned(), ..Summary::default() };
    let mut identifier = None;
    for row in select(graph, query).await? {
        let Some(property) = cell_iri(&row[0]) else { continue };
        match property.as_str() {
            p if p == cbdkg::LABEL => out.label = cell_value(&row[1]),
            p if p == cbdkg::SHORT_SYMBOL => out.symbol = cell_value(&row[1]),
            p if p == dcterms::IDENTIFIER => identifier = cell_value(&row[1]),
            p if p == dcterms::TITLE => push_text(&mut out.titles, text(&row[1])),
            p if p == cbdkg::DOCUMENT_TYPE => {
                out.doc_type = cell_iri(&row[1]).and_then(|t| t.rsplit('/').next().map(str::to_owned));
            }
            p if p == dcterms::ISSUED => out.issued = cell_value(&row[1]),
            _ => {}
        }
    }
    out.symbol = out.symbol.or(identifier);
    Ok(out)
}

fn local_name(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_owned()
}

async fn footnotes(graph: &GraphStore, iri: &Iri, whole: bool) -> Result<Vec<Footnote>, ApiError> {
    let pattern = if whole {
        format!("?f a <{}> ; <{}> {} .", cbdkg::FOOTNOTE, cbdkg::IN_DOCUMENT, iri.sparql())
    } else {
        format!("{} <{}> ?f .", iri.sparql(), cbdkg::FOOTNOTE_PROP)
    };
    let query = format!(
        "SELECT ?f ?marker ?text ?line WHERE {{
           {pattern}
           OPTIONAL {{ ?f <{marker}> ?marker }}
           OPTIONAL {{ ?f <{text}> ?text }}
           OPTIONAL {{ ?f <{line}> ?line }}
         }} ORDER BY ?line ?f",
        marker = cbdkg::MARKER,
        text = cbdkg::TEXT,
        line = cbdkg::START_LINE,
    );
    let mut notes: Vec<Footnote> = Vec::new();
    for row in select(graph, query).await? {
        let Some(f) = cell_iri(&row[0]) else { continue };
        let index = match notes.iter().position(|n| n.iri == f) {
            Some(index) => index,
            None => {
                notes.push(Footnote { iri: f, marker: cell_value(&row[1]), texts: Vec::new() });
                notes.len() - 1
            }
        };
        push_text(&mut notes[index].texts, text(&row[2]));
    }
    Ok(notes)
}

/// The citing side of a row: `?u` is the citing unit, `?p` the property, `?o` the cited IRI.
const CITATION_LABELS: &str = "OPTIONAL { ?o <https://cbdkg.example/ontology#label> ?label }
    OPTIONAL { ?o <https://cbdkg.example/ontology#shortSymbol> ?symbol }
    OPTIONAL { ?o <https://cbdkg.example/ontology#inDocument> ?doc .
               OPTIONAL { ?doc <https://cbdkg.example/ontology#shortSymbol> ?docsymbol }
               OPTIONAL { ?doc <http://purl.org/dc/terms/identifier> ?docid } }
    OPTIONAL { ?o <http://purl.org/dc/terms/identifier> ?id }
    BIND(EXISTS { ?o <https://cbdkg.example/ontology#text> ?anytext } AS ?hastext)";

async fn cites(graph: &GraphStore, iri: &Iri, whole: bool) -> Result<Vec<Link>, ApiError> {
    let subject = if whole {
        format!(
            "?u <{in_document}> {s} . FILTER NOT EXISTS {{ ?o <{in_document}> {s} }} FILTER(?o != {s})",
            in_document = cbdkg::IN_DOCUMENT,
            s = iri.sparql()
        )
    } else {
        format!("BIND({} AS ?u)", iri.sparql())
    };
    let query = format!(
        "SELECT ?u ?p ?o ?label ?symbol ?doc ?docsymbol ?docid ?id ?hastext WHERE {{
           {subject}
           ?u ?p ?o . ?p <{sub_property}>* <{references}> .
           FILTER(isIRI(?o) && ?p != <{cites_target}>)
           {CITATION_LABELS}
         }}",
        sub_property = rdfs::SUB_PROPERTY_OF,
        references = dcterms::REFERENCES,
        cites_target = cbdkg::CITES_TARGET,
    );
    Ok(links(select(graph, query).await?))
}

/// What cites the resource; a document's own units citing it are left out.
async fn cited_by(graph: &GraphStore, iri: &Iri, whole: bool) -> Result<Vec<Link>, ApiError> {
    let own = if whole { format!("FILTER NOT EXISTS {{ ?o <{}> ?u }}", cbdkg::IN_DOCUMENT) } else { String::new() };
    // Here `?o` is the citing unit (named so to share the labels), `?u` the IRI itself.
    let query = format!(
        "SELECT ?u ?p ?o ?label ?symbol ?doc ?docsymbol ?docid ?id ?hastext WHERE {{
           BIND({s} AS ?u)
           ?o ?p ?u . ?p <{sub_property}>* <{references}> .
           {own}
           {CITATION_LABELS}
         }} LIMIT 2000",
        s = iri.sparql(),
        sub_property = rdfs::SUB_PROPERTY_OF,
        references = dcterms::REFERENCES,
    );
    Ok(links(select(graph, query).await?))
}

/// Rows of `?u ?p ?o ?label ?symbol ?doc ?docsymbol ?docid ?id ?hastext` as links to `?o`,
/// one per other end and property, counting the distinct `?u`.
fn links(rows: Vec<Row>) -> Vec<Link> {
    let mut by_end: BTreeMap<(String, String), (Link, Vec<String>)> = BTreeMap::new();
    for row in rows {
        let (Some(unit), Some(property), Some(other)) = (cell_iri(&row[0]), cell_iri(&row[1]), cell_iri(&row[2]))
        else {
            continue;
        };
        let property = local_name(&property);
        let (link, units) = by_end.entry((other.clone(), property.clone())).or_insert_with(|| {
            let link =
                Link { iri: other, property, label: None, symbol: None, document: None, has_text: false, count: 0 };
            (link, Vec::new())
        });
        link.label = link.label.take().or_else(|| cell_value(&row[3]));
        link.symbol = link
            .symbol
            .take()
            .or_else(|| cell_value(&row[4]))
            .or_else(|| cell_value(&row[6]))
            .or_else(|| cell_value(&row[7]));
        link.symbol = link.symbol.take().or_else(|| cell_value(&row[8]));
        link.document = link.document.take().or_else(|| cell_iri(&row[5]));
        link.has_text |= cell_value(&row[9]).as_deref() == Some("true");
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    let mut out: Vec<Link> = by_end
        .into_values()
        .map(|(mut link, units)| {
            link.count = units.len();
            link
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.iri.cmp(&b.iri)));
    // A citation of a paragraph also cites its decision: keep both, the paragraph first.
    out
}

async fn targets(graph: &GraphStore, iri: &Iri, whole: bool) -> Result<Vec<String>, ApiError> {
    let pattern = if whole {
        format!("?u <{}> {} . ?u <{}> ?t .", cbdkg::IN_DOCUMENT, iri.sparql(), cbdkg::CITES_TARGET)
    } else {
        format!("{} <{}> ?t .", iri.sparql(), cbdkg::CITES_TARGET)
    };
    let query = format!("SELECT DISTINCT ?t WHERE {{ {pattern} }}");
    Ok(select(graph, query).await?.iter().filter_map(|row| cell_iri(&row[0])).collect())
}

async fn inferred_targets(graph: &GraphStore, iri: &Iri) -> Result<Vec<InferredTarget>, ApiError> {
    let query = format!(
        "SELECT ?t (MAX(?score) AS ?best) WHERE {{
           ?link a <{link}> ; <{source}> {s} ; <{target}> ?t ; <{score}> ?score .
         }} GROUP BY ?t ORDER BY DESC(?best)",
        link = cbdkg::INFERRED_LINK,
        source = cbdkg::LINK_SOURCE,
        target = cbdkg::LINK_TARGET,
        score = cbdkg::SCORE,
        s = iri.sparql(),
    );
    let rows = select(graph, query).await?;
    let scores: Vec<(String, f64)> =
        rows.iter().filter_map(|row| Some((cell_iri(&row[0])?, cell_value(&row[1])?.parse().ok()?))).collect();
    let iris: Vec<String> = scores.iter().map(|(t, _)| t.clone()).collect();
    let summaries = lookup::target_summaries(graph, &iris).await?;
    Ok(scores
        .into_iter()
        .filter_map(|(t, score)| {
            let target = summaries.iter().find(|s| s.iri == t)?.clone();
            Some(InferredTarget { target, score })
        })
        .collect())
}

/// Classes from the most specific: the first a unit has names it.
const CLASS_ORDER: &[&str] = &[
    cbdkg::ANNEX,
    cbdkg::SECTION,
    cbdkg::TABLE_ROW,
    cbdkg::SUB_PARAGRAPH,
    cbdkg::GUIDING_QUESTION,
    cbdkg::PREAMBULAR_PARAGRAPH,
    cbdkg::OPERATIVE_PARAGRAPH,
    cbdkg::NUMBERED_PARAGRAPH,
    cbdkg::PARAGRAPH,
];

async fn children(graph: &GraphStore, iri: &Iri, whole: bool) -> Result<Vec<Child>, ApiError> {
    let pattern = if whole {
        format!("?c <{}> {} .", cbdkg::IN_DOCUMENT, iri.sparql())
    } else {
        format!("?c <{}>+ {} .", dcterms::IS_PART_OF, iri.sparql())
    };
    let query = format!(
        "SELECT ?c ?position ?parent ?label ?class ?text ?title WHERE {{
           {pattern}
           ?c <{position}> ?position .
           OPTIONAL {{ ?c <{part_of}> ?parent }}
           OPTIONAL {{ ?c <{label}> ?label }}
           OPTIONAL {{ ?c a ?class }}
           OPTIONAL {{ ?c <{text}> ?text }}
           OPTIONAL {{ ?c <{title}> ?title }}
         }} ORDER BY ?position",
        position = cbdkg::POSITION,
        part_of = dcterms::IS_PART_OF,
        label = cbdkg::LABEL,
        text = cbdkg::TEXT,
        title = dcterms::TITLE,
    );
    let mut out: Vec<(Child, usize)> = Vec::new();
    for row in select(graph, query).await? {
        let Some(c) = cell_iri(&row[0]) else { continue };
        if out.last().is_none_or(|(last, _)| last.iri != c) {
            let child =
                Child { iri: c, parent: cell_iri(&row[2]), label: cell_value(&row[3]), class: None, texts: Vec::new() };
            out.push((child, CLASS_ORDER.len()));
        }
        let (child, rank) = out.last_mut().expect("pushed above");
        if let Some(class) = cell_iri(&row[4])
            && let Some(r) = CLASS_ORDER.iter().position(|k| *k == class)
            && r < *rank
        {
            *rank = r;
            child.class = Some(local_name(&class));
        }
        push_text(&mut child.texts, text(&row[5]));
        push_text(&mut child.texts, text(&row[6]));
    }
    Ok(out.into_iter().map(|(child, _)| child).collect())
}

fn details(facts: &[Fact]) -> Vec<Detail> {
    let mut out: Vec<Detail> = Vec::new();
    for fact in facts.iter().filter(|f| !SHOWN.contains(&f.property.as_str())) {
        let Some(object) = &fact.object else { continue };
        let value = DetailValue { iri: object.iri.clone(), text: object.text.clone(), labels: object.labels.clone() };
        match out.iter_mut().find(|d| d.property == fact.property) {
            Some(detail) => detail.values.push(value),
            None => out.push(Detail {
                property: fact.property.clone(),
                name: fact.property_label.clone().unwrap_or_else(|| local_name(&fact.property)),
                values: vec![value],
            }),
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
