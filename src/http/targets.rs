//! `GET /api/targets`: the GBF and Aichi targets with how much cites each; with `?iri=…` the
//! page of one target: its names, definition and notes per language, its counterparts in the
//! other framework (`skos:closeMatch`/`exactMatch`), the GBF indicators that measure it, and
//! what cites it, split into paragraphs of documents, clearing-house records and pledges;
//! links a method inferred come separately with their score.
//!
//! An IRI that is not a GBF or Aichi target or goal is 404 (`not_found`).

use super::AppState;
use super::error::ApiError;
use super::lookup::{self, Iri, TargetSummary, Text, push_text, select, text};
use axum::Json;
use axum::extract::{RawQuery, State};
use cbdkg_graph::GraphStore;
use cbdkg_graph::{cell_iri, cell_value};
use cbdkg_ontologies::standard::{dcterms, skos};
use cbdkg_ontologies::{cbdkg, gbf, schemes};
use serde::Serialize;
use std::collections::BTreeMap;

/// Every target, for the targets' index page.
#[derive(Debug, Serialize)]
pub struct TargetList {
    /// GBF targets then Aichi targets, in numeric order.
    pub targets: Vec<ListedTarget>,
}

/// A target in the index.
#[derive(Debug, Serialize)]
pub struct ListedTarget {
    /// The target.
    #[serde(flatten)]
    pub target: TargetSummary,
    /// How many paragraphs, records and pledges cite it (asserted links).
    pub cited_by: usize,
}

/// The page of one target.
#[derive(Debug, Serialize)]
pub struct TargetPage {
    /// The target.
    #[serde(flatten)]
    pub target: TargetSummary,
    /// Full definitions per language (the GBF text, the Aichi wording).
    pub definitions: Vec<Text>,
    /// Other labels per language.
    pub alt_labels: Vec<Text>,
    /// Notes on poor translations.
    pub translation_notes: Vec<Text>,
    /// Its counterparts in the other framework.
    pub matches: Vec<TargetSummary>,
    /// GBF indicators that measure it.
    pub indicators: Vec<Indicator>,
    /// Paragraphs (and other units) of documents that cite it.
    pub units: Vec<Item>,
    /// Clearing-house records that cite it.
    pub records: Vec<Item>,
    /// Pledges that cite it.
    pub pledges: Vec<Item>,
    /// Passages a method linked to it, with the score (not stated by their source).
    pub inferred: Vec<Item>,
}

/// A GBF indicator.
#[derive(Debug, Serialize)]
pub struct Indicator {
    /// Its IRI.
    pub iri: String,
    /// Its code ("7.1").
    pub code: Option<String>,
    /// `headline`, `component`, `complementary` or `binary`.
    pub role: String,
    /// Its names per language.
    pub names: Vec<Text>,
}

/// Something that cites a target.
#[derive(Debug, Serialize)]
pub struct Item {
    /// Its IRI.
    pub iri: String,
    /// Its label (a unit's "15(g)").
    pub label: Option<String>,
    /// Its document.
    pub document: Option<String>,
    /// The document's symbol or the record's identifier.
    pub symbol: Option<String>,
    /// Its text per language (records and pledges: their title).
    pub texts: Vec<Text>,
    /// The inferring method's score, for inferred links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// The answer of `GET /api/targets`: the list, or one target's page.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TargetsAnswer {
    /// Without `iri`.
    List(TargetList),
    /// With `iri`.
    Page(Box<TargetPage>),
}

/// `GET /api/targets[?iri=…]`.
pub async fn get(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<TargetsAnswer>, ApiError> {
    if raw.as_deref().is_none_or(str::is_empty) {
        return Ok(Json(TargetsAnswer::List(list(&state.graph).await?)));
    }
    let iri = Iri::from_query(raw.as_deref())?;
    Ok(Json(TargetsAnswer::Page(Box::new(page(&state.graph, &iri).await?))))
}

/// Every GBF and Aichi target with its count of citing items.
pub async fn list(graph: &GraphStore) -> Result<TargetList, ApiError> {
    let query = format!(
        "SELECT ?t (COUNT(DISTINCT ?item) AS ?n) WHERE {{
           {{ ?t a <{gbf_target}> }} UNION {{ ?t <{in_scheme}> <{aichi}> }}
           OPTIONAL {{ ?item <{cites}> ?t }}
         }} GROUP BY ?t",
        gbf_target = gbf::TARGET_CLASS,
        in_scheme = skos::IN_SCHEME,
        aichi = schemes::AICHI_TARGET_NS.trim_end_matches('/'),
        cites = cbdkg::CITES_TARGET,
    );
    let rows = select(graph, query).await?;
    let counts: BTreeMap<String, usize> =
        rows.iter().filter_map(|row| Some((cell_iri(&row[0])?, cell_value(&row[1])?.parse().unwrap_or(0)))).collect();
    let iris: Vec<String> = counts.keys().cloned().collect();
    let targets = lookup::target_summaries(graph, &iris)
        .await?
        .into_iter()
        .map(|target| ListedTarget { cited_by: counts.get(&target.iri).copied().unwrap_or(0), target })
        .collect();
    Ok(TargetList { targets })
}

/// The page of one target.
pub async fn page(graph: &GraphStore, iri: &Iri) -> Result<TargetPage, ApiError> {
    let not_found = || ApiError::NotFound { what: "target", name: iri.as_str().to_owned() };
    if lookup::target_code(iri.as_str()).is_none() {
        return Err(not_found());
    }
    let target = lookup::target_summaries(graph, &[iri.as_str().to_owned()]).await?.pop().ok_or_else(not_found)?;
    let texts = texts(graph, iri).await?;
    if texts.is_empty() {
        return Err(not_found());
    }
    let pick = |property: &str| {
        let mut out = Vec::new();
        for (p, t) in &texts {
            if p == property {
                push_text(&mut out, Some(t.clone()));
            }
        }
        out
    };
    let (units, records, pledges) = citing(graph, iri).await?;
    Ok(TargetPage {
        definitions: pick(skos::DEFINITION),
        alt_labels: pick(skos::ALT_LABEL),
        translation_notes: pick(cbdkg::TRANSLATION_NOTE),
        matches: matches(graph, iri).await?,
        indicators: indicators(graph, iri).await?,
        inferred: inferred(graph, iri).await?,
        units,
        records,
        pledges,
        target,
    })
}

async fn texts(graph: &GraphStore, iri: &Iri) -> Result<Vec<(String, Text)>, ApiError> {
    let query = format!(
        "SELECT ?p ?o WHERE {{ {s} ?p ?o . VALUES ?p {{ <{definition}> <{alt}> <{note}> <{pref}> }} }}",
        s = iri.sparql(),
        definition = skos::DEFINITION,
        alt = skos::ALT_LABEL,
        note = cbdkg::TRANSLATION_NOTE,
        pref = skos::PREF_LABEL,
    );
    Ok(select(graph, query).await?.iter().filter_map(|row| Some((cell_iri(&row[0])?, text(&row[1])?))).collect())
}

async fn matches(graph: &GraphStore, iri: &Iri) -> Result<Vec<TargetSummary>, ApiError> {
    let query = format!(
        "SELECT DISTINCT ?m WHERE {{ {{ {s} ?p ?m }} UNION {{ ?m ?p {s} }} VALUES ?p {{ <{close}> <{exact}> }} }}",
        s = iri.sparql(),
        close = skos::CLOSE_MATCH,
        exact = skos::EXACT_MATCH,
    );
    let iris: Vec<String> = select(graph, query).await?.iter().filter_map(|row| cell_iri(&row[0])).collect();
    lookup::target_summaries(graph, &iris).await
}

async fn indicators(graph: &GraphStore, iri: &Iri) -> Result<Vec<Indicator>, ApiError> {
    let query = format!(
        "SELECT ?i ?role ?code ?name WHERE {{
           ?i a <{class}> ; ?role {s} .
           OPTIONAL {{ ?i <{ns}indicatorCode> ?code }}
           OPTIONAL {{ ?i <{pref}> ?name }}
         }}",
        class = gbf::INDICATOR_CLASS,
        ns = gbf::ONTOLOGY_NS,
        s = iri.sparql(),
        pref = skos::PREF_LABEL,
    );
    let mut out: Vec<Indicator> = Vec::new();
    for row in select(graph, query).await? {
        let (Some(i), Some(role)) = (cell_iri(&row[0]), cell_iri(&row[1])) else { continue };
        // isHeadlineFor → headline.
        let Some(role) = role.strip_prefix(gbf::ONTOLOGY_NS).and_then(|r| r.strip_prefix("is")?.strip_suffix("For"))
        else {
            continue;
        };
        let role = role.to_lowercase();
        let index = match out.iter().position(|x| x.iri == i && x.role == role) {
            Some(index) => index,
            None => {
                out.push(Indicator { iri: i, code: cell_value(&row[2]), role, names: Vec::new() });
                out.len() - 1
            }
        };
        push_text(&mut out[index].names, text(&row[3]));
    }
    let order = |r: &str| ["headline", "binary", "component", "complementary"].iter().position(|x| *x == r);
    out.sort_by(|a, b| {
        (order(&a.role), a.code.as_deref().map(lookup::code_order))
            .cmp(&(order(&b.role), b.code.as_deref().map(lookup::code_order)))
    });
    Ok(out)
}

/// Items that cite the target, split by their document's type.
async fn citing(graph: &GraphStore, iri: &Iri) -> Result<(Vec<Item>, Vec<Item>, Vec<Item>), ApiError> {
    let query = format!(
        "SELECT ?item ?type ?label ?doc ?symbol ?id ?text ?title ?position WHERE {{
           ?item <{cites}> {s} ; <{in_document}> ?doc .
           OPTIONAL {{ ?doc <{doc_type}> ?type }}
           OPTIONAL {{ ?item <{label}> ?label }}
           OPTIONAL {{ ?doc <{short}> ?symbol }}
           OPTIONAL {{ ?doc <{identifier}> ?id }}
           OPTIONAL {{ ?item <{text}> ?text . FILTER NOT EXISTS {{ ?item a <{record}> }} }}
           OPTIONAL {{ ?item <{title}> ?title }}
           OPTIONAL {{ ?item <{position}> ?position }}
         }} ORDER BY ?doc ?position ?item",
        cites = cbdkg::CITES_TARGET,
        s = iri.sparql(),
        in_document = cbdkg::IN_DOCUMENT,
        doc_type = cbdkg::DOCUMENT_TYPE,
        label = cbdkg::LABEL,
        short = cbdkg::SHORT_SYMBOL,
        identifier = dcterms::IDENTIFIER,
        text = cbdkg::TEXT,
        record = cbdkg::RECORD,
        title = dcterms::TITLE,
        position = cbdkg::POSITION,
    );
    let (mut units, mut records, mut pledges) = (Vec::new(), Vec::new(), Vec::new());
    let mut kinds: Vec<(String, String)> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for row in select(graph, query).await? {
        let Some(item) = cell_iri(&row[0]) else { continue };
        let index = match items.iter().position(|i| i.iri == item) {
            Some(index) => index,
            None => {
                let kind = cell_iri(&row[1]).and_then(|t| t.rsplit('/').next().map(str::to_owned)).unwrap_or_default();
                kinds.push((item.clone(), kind));
                items.push(Item {
                    iri: item,
                    label: cell_value(&row[2]),
                    document: cell_iri(&row[3]),
                    symbol: cell_value(&row[4]).or_else(|| cell_value(&row[5])),
                    texts: Vec::new(),
                    score: None,
                });
                items.len() - 1
            }
        };
        push_text(&mut items[index].texts, text(&row[6]));
        push_text(&mut items[index].texts, text(&row[7]));
    }
    for (item, (_, kind)) in items.into_iter().zip(kinds) {
        match kind.as_str() {
            "clearing-house-record" => records.push(item),
            "pledge" => pledges.push(item),
            _ => units.push(item),
        }
    }
    Ok((units, records, pledges))
}

async fn inferred(graph: &GraphStore, iri: &Iri) -> Result<Vec<Item>, ApiError> {
    let query = format!(
        "SELECT ?item (MAX(?score) AS ?best) (SAMPLE(?label) AS ?l) (SAMPLE(?doc) AS ?d) (SAMPLE(?symbol) AS ?sym) WHERE {{
           ?link a <{link}> ; <{target}> {s} ; <{source}> ?item ; <{score}> ?score .
           OPTIONAL {{ ?item <{label}> ?label }}
           OPTIONAL {{ ?item <{in_document}> ?doc . OPTIONAL {{ ?doc <{short}> ?symbol }} }}
         }} GROUP BY ?item ORDER BY DESC(?best) LIMIT 50",
        link = cbdkg::INFERRED_LINK,
        target = cbdkg::LINK_TARGET,
        source = cbdkg::LINK_SOURCE,
        score = cbdkg::SCORE,
        s = iri.sparql(),
        label = cbdkg::LABEL,
        in_document = cbdkg::IN_DOCUMENT,
        short = cbdkg::SHORT_SYMBOL,
    );
    Ok(select(graph, query)
        .await?
        .iter()
        .filter_map(|row| {
            Some(Item {
                iri: cell_iri(&row[0])?,
                score: cell_value(&row[1]).and_then(|s| s.parse().ok()),
                label: cell_value(&row[2]),
                document: cell_iri(&row[3]),
                symbol: cell_value(&row[4]),
                texts: Vec::new(),
            })
        })
        .collect())
}
