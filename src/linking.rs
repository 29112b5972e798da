//! Inferred links to targets (docs/linking.md): every GBF target's text (title and
//! definition) is embedded as a query and compared with every passage (paragraph, record,
//! pledge). A passage is linked to the targets that stand out among its 23 similarities (at
//! least [`MIN_Z`] standard deviations above its mean, at most [`MAX_PER_SOURCE`]): cosine
//! similarities of multilingual-e5-small crowd into 0.75–0.81 whatever the pair, so an
//! absolute threshold separates nothing, while the standout rule agrees with the targets the
//! example pledges and records declare (EVALS.md). Aichi targets are not inferred: against the
//! Aichi groups of decision XIII/23 the same rule did no better than chance.
//!
//! The links are `cbdkg:InferredLink` nodes with their cosine score and the activity that made
//! them, in one named graph of their own, replaced whole on every run; a passage that already
//! cites the target (an asserted link) gets no inferred one.

use crate::passages::{batch_options, select};
use anyhow::Context;
use cbdkg_graph::model::NamedNode;
use cbdkg_graph::{GraphStore, QueryAnswer, cell_iri, cell_value};
use cbdkg_ingest::{BaseIri, QuadWriter};
use cbdkg_ontologies::standard::{prov, rdf, rdfs, xsd};
use cbdkg_ontologies::{cbdkg, gbf};
use cbdkg_search::{SearchFilter, SearchIndex};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// Name of the method, part of the graph and activity IRIs: a change of model, rule or
/// target text is a new method version.
pub const METHOD: &str = "e5-standout-v1";
/// How far above the mean of a passage's similarities to all targets (in standard deviations
/// of them) a target's similarity must be to make a link. Chosen on the example pledges and
/// records, whose declared targets are known (EVALS.md).
pub const MIN_Z: f32 = 2.0;
/// At most this many inferred links per passage: its most similar targets.
pub const MAX_PER_SOURCE: usize = 2;
/// The model the similarity comes from, as the activity's `prov:used`.
const MODEL_IRI: &str = "https://huggingface.co/intfloat/multilingual-e5-small";

/// What a linking run did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkReport {
    /// Targets whose text was embedded.
    pub targets: usize,
    /// Inferred links written.
    pub links: usize,
    /// Candidates dropped because the passage already cites the target.
    pub already_asserted: usize,
    /// Of the candidates of passages that cite some GBF target, the share that are targets
    /// they cite: the method's precision where the truth is known (`None`: no such passage).
    pub agreement: Option<f64>,
    /// The graph already held this method's links and no passage changed: nothing was done.
    pub unchanged: bool,
    /// Seconds spent.
    pub seconds: f64,
}

/// The named graph of this method's links.
pub fn graph_iri(base: &BaseIri) -> NamedNode {
    base.node(&format!("graph/inferred/target-links/{METHOD}"))
}

/// Writes the inferred links of the passages of `index`, replacing the previous run's. With
/// `passages_changed` false and links of this method already in the store, does nothing.
pub fn infer_target_links(
    store: &GraphStore,
    index: &SearchIndex,
    base: &BaseIri,
    passages_changed: bool,
) -> anyhow::Result<LinkReport> {
    let started = Instant::now();
    let graph = graph_iri(base);
    if !passages_changed && has_links(store, &graph)? {
        return Ok(LinkReport {
            targets: 0,
            links: 0,
            already_asserted: 0,
            agreement: None,
            unchanged: true,
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    let targets = targets(store)?;
    let asserted = asserted_links(store)?;
    let activity = base.node(&format!("activity/target-links/{METHOD}"));
    let mut w = QuadWriter::new(graph.clone(), "en");
    w.iri(&activity, rdf::TYPE, cbdkg::LINKING_ACTIVITY);
    w.iri(&activity, rdf::TYPE, prov::ACTIVITY);
    w.iri(&activity, prov::USED, MODEL_IRI);
    w.typed(&activity, prov::STARTED_AT_TIME, &now(), xsd::DATE_TIME);
    w.text(
        &activity,
        rdfs::LABEL,
        &format!(
            "semantic similarity, multilingual-e5-small: targets at least {MIN_Z} standard deviations above \
             the passage's mean similarity to all GBF targets, at most {MAX_PER_SOURCE} per passage"
        ),
    );
    w.iri(&graph, rdf::TYPE, prov::ENTITY);
    w.node(&graph, prov::WAS_GENERATED_BY, &activity);

    // Every passage's similarity to every target: one dense search per target over all
    // passages (exact enough here; linear in the passages either way).
    let mut similarities: HashMap<&str, Vec<(f32, usize)>> = HashMap::new();
    for (t, target) in targets.iter().enumerate() {
        let nearest = index
            .nearest(&target.text, index.len(), &SearchFilter::default())
            .with_context(|| format!("cannot compare the passages with target <{}>", target.iri))?;
        for (passage, score) in nearest {
            similarities.entry(passage.iri.as_str()).or_default().push((score, t));
        }
    }
    let cites_some_target: HashSet<&str> = asserted
        .iter()
        .filter(|(_, t)| targets.iter().any(|target| target.iri == *t))
        .map(|(x, _)| x.as_str())
        .collect();

    let mut sources: Vec<&str> = similarities.keys().copied().collect();
    sources.sort_unstable();
    let (mut links, mut already_asserted, mut disagreeing) = (0, 0, 0);
    for source in sources {
        for (score, t) in standouts(&similarities[source]) {
            let target = &targets[t];
            if asserted.contains(&(source.to_owned(), target.iri.clone())) {
                already_asserted += 1;
                continue;
            }
            if cites_some_target.contains(source) {
                disagreeing += 1;
            }
            let link = base.node(&format!("inferred/{METHOD}/{}", link_id(source, &target.iri)));
            w.iri(&link, rdf::TYPE, cbdkg::INFERRED_LINK);
            w.iri(&link, rdf::TYPE, prov::ENTITY);
            w.iri(&link, cbdkg::LINK_SOURCE, source);
            w.iri(&link, cbdkg::LINK_TARGET, &target.iri);
            w.iri(&link, cbdkg::LINK_PROPERTY, cbdkg::CITES_TARGET);
            let score = format!("{:.4}", f64::from(score));
            w.typed(&link, cbdkg::SCORE, &score, xsd::DOUBLE);
            w.node(&link, prov::WAS_GENERATED_BY, &activity);
            links += 1;
        }
    }
    let judged = already_asserted + disagreeing;
    store
        .replace_graph(graph.as_ref(), &w.into_quads())
        .with_context(|| format!("cannot write the inferred links into <{}>", graph.as_str()))?;
    // Links of earlier method versions would read as current ones: drop them.
    let family = base.node("graph/inferred/target-links/");
    for old in store.graphs()? {
        if old.graph.as_str().starts_with(family.as_str()) && old.graph != graph {
            store.replace_graph(old.graph.as_ref(), &[]).with_context(|| format!("cannot drop <{}>", old.graph))?;
        }
    }
    Ok(LinkReport {
        targets: targets.len(),
        links,
        already_asserted,
        agreement: (judged > 0).then(|| already_asserted as f64 / judged as f64),
        unchanged: false,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The targets that stand out among a passage's similarities to all of them, most similar
/// first: at least [`MIN_Z`] standard deviations above their mean, at most
/// [`MAX_PER_SOURCE`].
fn standouts(scores: &[(f32, usize)]) -> Vec<(f32, usize)> {
    if scores.len() < 3 {
        return Vec::new();
    }
    let n = scores.len() as f32;
    let mean = scores.iter().map(|(s, _)| s).sum::<f32>() / n;
    let sd = (scores.iter().map(|(s, _)| (s - mean).powi(2)).sum::<f32>() / n).sqrt();
    if sd <= f32::EPSILON {
        return Vec::new();
    }
    let mut out: Vec<(f32, usize)> = scores.iter().copied().filter(|(s, _)| (s - mean) / sd >= MIN_Z).collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    out.truncate(MAX_PER_SOURCE);
    out
}

/// A target and the text its links are found by.
struct Target {
    iri: String,
    text: String,
}

/// The GBF targets with their title and definition in English, the language the KMGBF
/// ontology states every one of them in.
fn targets(store: &GraphStore) -> anyhow::Result<Vec<Target>> {
    let query = format!(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
         PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?t (SAMPLE(?name) AS ?n) (SAMPLE(?definition) AS ?d) WHERE {{
           ?t a <{gbf_target}> .
           OPTIONAL {{ ?t dcterms:title ?name FILTER(lang(?name) = 'en') }}
           ?t skos:definition ?definition FILTER(lang(?definition) = 'en')
         }} GROUP BY ?t ORDER BY ?t",
        gbf_target = gbf::TARGET_CLASS,
    );
    let mut out = Vec::new();
    for row in select(store, &query)? {
        let (Some(iri), Some(definition)) = (cell_iri(&row[0]), cell_value(&row[2])) else { continue };
        let text = match cell_value(&row[1]) {
            Some(name) => format!("{name}. {definition}"),
            None => definition,
        };
        out.push(Target { iri, text });
    }
    Ok(out)
}

/// Every (source, target) pair an asserted `cbdkg:citesTarget` states.
fn asserted_links(store: &GraphStore) -> anyhow::Result<HashSet<(String, String)>> {
    let query = format!("SELECT ?x ?t WHERE {{ ?x <{}> ?t }}", cbdkg::CITES_TARGET);
    let mut out = HashSet::new();
    for row in select(store, &query)? {
        if let (Some(x), Some(t)) = (cell_iri(&row[0]), cell_iri(&row[1])) {
            out.insert((x, t));
        }
    }
    Ok(out)
}

fn has_links(store: &GraphStore, graph: &NamedNode) -> anyhow::Result<bool> {
    let query = format!("ASK {{ GRAPH <{}> {{ ?a a <{}> }} }}", graph.as_str(), cbdkg::LINKING_ACTIVITY);
    Ok(matches!(store.query(&query, &batch_options())?, QueryAnswer::Boolean(true)))
}

/// A stable id of the link of `source` to `target`: re-running the method names it the same.
fn link_id(source: &str, target: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(source.as_bytes());
    hasher.update([0]);
    hasher.update(target.as_bytes());
    hex::encode(&hasher.finalize()[..12])
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}
