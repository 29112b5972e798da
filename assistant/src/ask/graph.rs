//! What the graph adds to the search hits: the sub-paragraphs of a paragraph, the paragraphs a
//! hit cites or is cited by (`dcterms:references` and its sub-properties), the targets it
//! cites, the outline of a named document, and who cites a decision the corpus lacks.
//!
//! IRIs are interpolated into queries only after [`iri_ref`] has checked them.

use cbdkg_graph::{GraphError, GraphStore, QueryAnswer, QueryOptions, Row, cell_iri, cell_value};
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{dcterms, rdfs};
use std::collections::HashMap;
use std::time::Duration;

/// The assistant's queries are small lookups: a short limit keeps a slow store from holding
/// an answer hostage.
fn options() -> QueryOptions {
    QueryOptions::new(Duration::from_secs(5), 2_000)
}

/// `<iri>` if the IRI can stand in a query as is; `None` if it has characters that could end
/// the IRI reference (it then takes no part in the query).
pub(crate) fn iri_ref(iri: &str) -> Option<String> {
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>\"{}|^`\\".contains(c);
    (!iri.is_empty() && !iri.chars().any(bad)).then(|| format!("<{iri}>"))
}

fn values(iris: &[&str]) -> Option<String> {
    let refs: Vec<String> = iris.iter().filter_map(|iri| iri_ref(iri)).collect();
    (!refs.is_empty()).then(|| refs.join(" "))
}

fn select(graph: &GraphStore, query: &str) -> Result<Vec<Row>, GraphError> {
    Ok(graph.query(query, &options())?.into_rows().unwrap_or_default())
}

/// The sub-paragraphs of each of `parents`, in document order.
pub(crate) fn children(graph: &GraphStore, parents: &[&str]) -> Result<HashMap<String, Vec<String>>, GraphError> {
    let Some(values) = values(parents) else { return Ok(HashMap::new()) };
    let query = format!(
        "SELECT ?parent ?child ?position WHERE {{
           VALUES ?parent {{ {values} }}
           ?child <{part_of}> ?parent ; a <{sub}> .
           OPTIONAL {{ ?child <{position}> ?position }}
         }}",
        part_of = dcterms::IS_PART_OF,
        sub = cbdkg::SUB_PARAGRAPH,
        position = cbdkg::POSITION,
    );
    let mut found: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for row in select(graph, &query)? {
        let (Some(parent), Some(child)) = (cell_iri(&row[0]), cell_iri(&row[1])) else { continue };
        let position = cell_value(&row[2]).and_then(|p| p.parse().ok()).unwrap_or(u32::MAX);
        let kids = found.entry(parent).or_default();
        if !kids.iter().any(|(_, k)| *k == child) {
            kids.push((position, child));
        }
    }
    Ok(found
        .into_iter()
        .map(|(parent, mut kids)| {
            kids.sort();
            (parent, kids.into_iter().map(|(_, k)| k).collect())
        })
        .collect())
}

/// How a neighbour is linked to a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Link {
    /// The hit cites it.
    Cites,
    /// It cites the hit.
    CitedBy,
    /// A target the hit (or the table group it sits in) cites.
    Target,
}

/// The units and targets each of `hits` cites or is cited by, through `dcterms:references` or
/// any of its sub-properties, and the targets of the table group a row sits in.
pub(crate) fn neighbours(graph: &GraphStore, hits: &[&str]) -> Result<Vec<(String, String, Link)>, GraphError> {
    let Some(values) = values(hits) else { return Ok(Vec::new()) };
    let query = format!(
        "SELECT DISTINCT ?hit ?other ?link WHERE {{
           VALUES ?hit {{ {values} }}
           {{ ?hit ?p ?other . ?p <{sub_property}>* <{references}> . BIND(\"cites\" AS ?link) }}
           UNION
           {{ ?other ?p ?hit . ?p <{sub_property}>* <{references}> . BIND(\"cited\" AS ?link) }}
           UNION
           {{ ?hit <{in_section}> ?group . ?group <{cites_target}> ?other . BIND(\"group\" AS ?link) }}
           FILTER(isIRI(?other))
         }}",
        sub_property = rdfs::SUB_PROPERTY_OF,
        references = dcterms::REFERENCES,
        in_section = cbdkg::IN_SECTION,
        cites_target = cbdkg::CITES_TARGET,
    );
    let mut out = Vec::new();
    for row in select(graph, &query)? {
        let (Some(hit), Some(other)) = (cell_iri(&row[0]), cell_iri(&row[1])) else { continue };
        let link = match (cell_value(&row[2]).as_deref(), crate::ask::words::TargetName::of(&other)) {
            (_, Some(_)) => Link::Target,
            (Some("cited"), None) => Link::CitedBy,
            (Some("cites"), None) => Link::Cites,
            _ => continue,
        };
        out.push((hit, other, link));
    }
    out.sort();
    Ok(out)
}

/// A document's outline: how many paragraphs it has, and its first operative or numbered
/// paragraphs (at most `first`), in order.
pub(crate) fn outline(graph: &GraphStore, doc: &str, first: usize) -> Result<(usize, Vec<String>), GraphError> {
    let Some(doc) = iri_ref(doc) else { return Ok((0, Vec::new())) };
    let count = format!(
        "SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE {{ ?u <{in_document}> {doc} ; a <{paragraph}> }}",
        in_document = cbdkg::IN_DOCUMENT,
        paragraph = cbdkg::PARAGRAPH,
    );
    let n =
        select(graph, &count)?.first().and_then(|row| cell_value(&row[0])).and_then(|n| n.parse().ok()).unwrap_or(0);
    let paragraphs = format!(
        "SELECT DISTINCT ?u ?position WHERE {{
           ?u <{in_document}> {doc} ; a ?kind ; <{position}> ?position .
           VALUES ?kind {{ <{operative}> <{numbered}> }}
           FILTER NOT EXISTS {{ ?u a <{sub}> }}
         }} ORDER BY ?position LIMIT {first}",
        in_document = cbdkg::IN_DOCUMENT,
        position = cbdkg::POSITION,
        operative = cbdkg::OPERATIVE_PARAGRAPH,
        numbered = cbdkg::NUMBERED_PARAGRAPH,
        sub = cbdkg::SUB_PARAGRAPH,
    );
    let firsts = select(graph, &paragraphs)?.iter().filter_map(|row| cell_iri(&row[0])).collect();
    Ok((n, firsts))
}

/// The units that cite the decision whose IRI ends with `/decision/{key}` (the corpus may
/// lack the decision itself), at most `limit`, with the total.
pub(crate) fn citing_decision(graph: &GraphStore, key: &str, limit: usize) -> Result<(usize, Vec<String>), GraphError> {
    // The key is built from parsed numbers (`COP-12-2`); check it anyway before quoting it.
    if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Ok((0, Vec::new()));
    }
    let query = format!(
        "SELECT DISTINCT ?u WHERE {{
           ?u ?p ?target . VALUES ?p {{ <{decision}> <{paragraph}> }}
           FILTER(STRENDS(STR(?target), \"/decision/{key}\") || CONTAINS(STR(?target), \"/decision/{key}/\"))
         }} ORDER BY ?u",
        decision = cbdkg::CITES_DECISION,
        paragraph = cbdkg::CITES_PARAGRAPH,
    );
    let all: Vec<String> = select(graph, &query)?.iter().filter_map(|row| cell_iri(&row[0])).collect();
    let total = all.len();
    Ok((total, all.into_iter().take(limit).collect()))
}

/// Whether the documents include the decision whose IRI ends with `/decision/{key}`.
pub(crate) fn has_decision(graph: &GraphStore, key: &str) -> Result<bool, GraphError> {
    if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Ok(false);
    }
    let query = format!(
        "ASK {{ ?u <{in_document}> ?d . FILTER(STRENDS(STR(?d), \"/decision/{key}\")) }}",
        in_document = cbdkg::IN_DOCUMENT,
    );
    Ok(matches!(graph.query(&query, &options())?, QueryAnswer::Boolean(true)))
}

/// Whether the documents include a document of the meeting whose IRI ends with
/// `/meeting/{code}` (`COP-15`).
pub(crate) fn has_meeting(graph: &GraphStore, code: &str) -> Result<bool, GraphError> {
    if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Ok(false);
    }
    let query = format!(
        "ASK {{ ?d <{meeting}> ?m . ?u <{in_document}> ?d . FILTER(STRENDS(STR(?m), \"/meeting/{code}\")) }}",
        meeting = cbdkg::MEETING_PROP,
        in_document = cbdkg::IN_DOCUMENT,
    );
    Ok(matches!(graph.query(&query, &options())?, QueryAnswer::Boolean(true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_iris_enter_a_query() {
        let cases = [
            ("https://cbdkg.example/id/decision/COP-13-23/p15-g", true),
            ("https://x/a> } DROP ALL { <b", false),
            ("https://x/a b", false),
            ("https://x/{answer}", false),
            ("", false),
        ];
        for (iri, ok) in cases {
            assert_eq!(iri_ref(iri).is_some(), ok, "{iri}");
        }
    }
}
