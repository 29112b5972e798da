//! Provenance of a loaded graph, written into the graph itself (PROV-O):
//!
//! ```turtle
//! <graph> a prov:Entity ; prov:wasDerivedFrom <source> ;
//!     prov:generatedAtTime "…"^^xsd:dateTime ; cbdkg:parserVersion "…" ;
//!     prov:wasGeneratedBy [ a prov:Activity ; prov:used <source> ;
//!         prov:wasAssociatedWith [ a prov:SoftwareAgent ; rdfs:label "cbdkg …" ] ] .
//! <source> a prov:Entity ; cbdkg:fileName "…" ; cbdkg:sha256 "…" ; cbdkg:byteSize 123 .
//! ```

use crate::{GraphError, GraphStore};
use cbdkg_ingest::GraphPayload;
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{prov, rdf, rdfs, xsd};
use oxigraph::model::{
    BlankNode, GraphNameRef, Literal, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};

/// What a named graph records about where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphInfo {
    /// The named graph.
    pub graph: NamedNode,
    /// File name of the source, if the graph has provenance.
    pub file_name: Option<String>,
    /// SHA-256 of the source, if the graph has provenance.
    pub sha256: Option<String>,
    /// Version of the parser that produced the graph.
    pub parser_version: Option<String>,
    /// When the graph was written (`xsd:dateTime` lexical form).
    pub generated_at: Option<String>,
}

/// The provenance quads of a payload, all in its graph, timestamped now.
pub(crate) fn quads(payload: &GraphPayload) -> Vec<Quad> {
    let graph = &payload.graph;
    let source = &payload.source_iri;
    let activity = BlankNode::default();
    let agent = BlankNode::default();
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned());
    let byte_size = Literal::new_typed_literal(payload.source.byte_size.to_string(), iri(xsd::INTEGER));
    let triples: [(NamedOrBlankNode, &str, Term); 14] = [
        (graph.clone().into(), rdf::TYPE, iri(prov::ENTITY).into()),
        (graph.clone().into(), prov::WAS_DERIVED_FROM, source.clone().into()),
        (graph.clone().into(), prov::GENERATED_AT_TIME, Literal::new_typed_literal(now, iri(xsd::DATE_TIME)).into()),
        (graph.clone().into(), cbdkg::PARSER_VERSION, Literal::from(payload.parser_version).into()),
        (graph.clone().into(), prov::WAS_GENERATED_BY, activity.clone().into()),
        (activity.clone().into(), rdf::TYPE, iri(prov::ACTIVITY).into()),
        (activity.clone().into(), prov::USED, source.clone().into()),
        (activity.into(), prov::WAS_ASSOCIATED_WITH, agent.clone().into()),
        (agent.clone().into(), rdf::TYPE, iri(prov::SOFTWARE_AGENT).into()),
        (agent.into(), rdfs::LABEL, Literal::from(concat!("cbdkg ", env!("CARGO_PKG_VERSION"))).into()),
        (source.clone().into(), rdf::TYPE, iri(prov::ENTITY).into()),
        (source.clone().into(), cbdkg::FILE_NAME, Literal::from(payload.source.file_name.as_str()).into()),
        (source.clone().into(), cbdkg::SHA256, Literal::from(payload.source.sha256.as_str()).into()),
        (source.clone().into(), cbdkg::BYTE_SIZE, byte_size.into()),
    ];
    triples
        .into_iter()
        .map(|(subject, predicate, object)| Quad::new(subject, iri(predicate), object, graph.clone()))
        .collect()
}

/// Whether the payload's graph already records its source hash and parser version.
pub(crate) fn is_current(store: &GraphStore, payload: &GraphPayload) -> Result<bool, GraphError> {
    let graph = payload.graph.as_ref();
    let version = object(store, graph.into(), cbdkg::PARSER_VERSION, graph)?;
    if version != Some(LiteralRef::new_simple_literal(payload.parser_version).into()) {
        return Ok(false);
    }
    let Some(Term::NamedNode(source)) = object(store, graph.into(), prov::WAS_DERIVED_FROM, graph)? else {
        return Ok(false);
    };
    let sha256 = object(store, source.as_ref().into(), cbdkg::SHA256, graph)?;
    Ok(sha256 == Some(LiteralRef::new_simple_literal(&payload.source.sha256).into()))
}

/// Reads the provenance of one graph.
pub(crate) fn info(store: &GraphStore, graph: NamedNode) -> Result<GraphInfo, GraphError> {
    let g = graph.as_ref();
    let text = |term: Option<Term>| match term {
        Some(Term::Literal(literal)) => Some(literal.value().to_owned()),
        _ => None,
    };
    let source = object(store, g.into(), prov::WAS_DERIVED_FROM, g)?;
    let (file_name, sha256) = match &source {
        Some(Term::NamedNode(source)) => (
            text(object(store, source.as_ref().into(), cbdkg::FILE_NAME, g)?),
            text(object(store, source.as_ref().into(), cbdkg::SHA256, g)?),
        ),
        _ => (None, None),
    };
    Ok(GraphInfo {
        parser_version: text(object(store, g.into(), cbdkg::PARSER_VERSION, g)?),
        generated_at: text(object(store, g.into(), prov::GENERATED_AT_TIME, g)?),
        file_name,
        sha256,
        graph,
    })
}

/// The first object of `subject predicate ?o` in `graph`.
fn object(
    store: &GraphStore,
    subject: NamedOrBlankNodeRef<'_>,
    predicate: &str,
    graph: NamedNodeRef<'_>,
) -> Result<Option<Term>, GraphError> {
    let predicate = NamedNodeRef::new_unchecked(predicate);
    let mut quads =
        store.store.quads_for_pattern(Some(subject), Some(predicate), None, Some(GraphNameRef::NamedNode(graph)));
    match quads.next() {
        None => Ok(None),
        Some(Ok(quad)) => Ok(Some(quad.object)),
        Some(Err(source)) => {
            Err(store.storage_error(&format!("reading the provenance of graph <{}>", graph.as_str()), source))
        }
    }
}

fn iri(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}
