//! What the page endpoints (`/api/units`, `/api/targets`) share: reading an IRI from the
//! request, running a small SELECT off the async workers, reading terms out of rows, and the
//! summary of a GBF or Aichi target that several pages show.
//!
//! An IRI enters a query only as `<…>` after [`Iri::parse`] has checked it with oxrdf's IRI
//! parser and refused every character that could end the reference.

use super::error::ApiError;
use cbdkg_graph::model::{NamedNode, Term};
use cbdkg_graph::{GraphStore, QueryOptions, Row, cell_iri, cell_value};
use cbdkg_ontologies::standard::{dcterms, skos};
use cbdkg_ontologies::{gbf, schemes};
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// Page lookups are small: a few seconds and a row cap that a whole decision fits under.
pub fn options() -> QueryOptions {
    QueryOptions::new(Duration::from_secs(10), 50_000)
}

/// An IRI checked for use in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iri(String);

impl Iri {
    /// The `iri` parameter of a query string, checked: present once, an absolute IRI, no
    /// character that could end an IRI reference.
    pub fn from_query(raw: Option<&str>) -> Result<Self, ApiError> {
        let mut found = None;
        for (name, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            match &*name {
                "iri" if found.is_some() => return Err(ApiError::RepeatedParameter { name: "iri" }),
                "iri" => found = Some(value.into_owned()),
                other => {
                    return Err(ApiError::InvalidRequest {
                        message: format!("unknown parameter `{other}`: expected `iri`"),
                    });
                }
            }
        }
        let iri =
            found.ok_or_else(|| ApiError::InvalidRequest { message: "the parameter `iri` is required".into() })?;
        Self::parse(iri.trim())
    }

    /// Checks one IRI.
    pub fn parse(iri: &str) -> Result<Self, ApiError> {
        let invalid = |message: String| ApiError::InvalidIri { iri: iri.to_owned(), message };
        if iri.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|^`\\".contains(c)) {
            return Err(invalid("it contains a space, a control character or one of <>\"{}|^`\\".into()));
        }
        if !(iri.starts_with("https://") || iri.starts_with("http://")) {
            return Err(invalid("expected an absolute http(s) IRI".into()));
        }
        NamedNode::new(iri).map_err(|e| invalid(e.to_string()))?;
        Ok(Self(iri.to_owned()))
    }

    /// The IRI.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `<iri>`, for a query.
    pub fn sparql(&self) -> String {
        format!("<{}>", self.0)
    }
}

/// Runs a SELECT through [`super::blocking`].
pub async fn select(graph: &GraphStore, query: String) -> Result<Vec<Row>, ApiError> {
    let graph = graph.clone();
    let answer = super::blocking("graph lookup", move || graph.query(&query, &options())).await??;
    answer
        .into_rows()
        .ok_or_else(|| ApiError::Internal { message: "a page lookup is a SELECT and answered something else".into() })
}

/// A literal with its language (`""` when it has none).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Text {
    /// BCP 47 tag, lower case, or empty.
    pub lang: String,
    /// The text.
    pub value: String,
}

/// The literal in a cell with its language.
pub fn text(cell: &Option<Term>) -> Option<Text> {
    match cell {
        Some(Term::Literal(literal)) => {
            Some(Text { lang: literal.language().unwrap_or("").to_owned(), value: literal.value().to_owned() })
        }
        _ => None,
    }
}

/// Adds `text` to `texts` unless it is there.
pub fn push_text(texts: &mut Vec<Text>, text: Option<Text>) {
    if let Some(text) = text
        && !texts.contains(&text)
    {
        texts.push(text);
    }
}

/// A GBF or Aichi target as a chip shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSummary {
    /// The concept's IRI.
    pub iri: String,
    /// `gbf`, `gbf-goal`, `aichi` or `aichi-goal`.
    pub scheme: &'static str,
    /// "7", "A".
    pub code: String,
    /// Short names per language (the GBF titles, the Aichi labels; the unofficial Arabic GBF
    /// labels when nothing else is in Arabic).
    pub names: Vec<Text>,
}

/// The scheme and code of a target IRI, from the IRI alone: `kmgbf:target_7` is GBF 7.
pub fn target_code(iri: &str) -> Option<(&'static str, String)> {
    let code =
        |rest: &str| (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric())).then(|| rest.to_owned());
    if let Some(rest) = iri.strip_prefix(gbf::NS) {
        if let Some(n) = rest.strip_prefix("target_") {
            return code(n).map(|c| ("gbf", c));
        }
        return rest.strip_prefix("goal_").and_then(code).map(|c| ("gbf-goal", c));
    }
    if let Some(n) = iri.strip_prefix(schemes::AICHI_TARGET_NS) {
        return code(n).map(|c| ("aichi", c));
    }
    iri.strip_prefix(schemes::aichi_goal::SCHEME)
        .and_then(|rest| rest.strip_prefix('/'))
        .and_then(code)
        .map(|c| ("aichi-goal", c))
}

/// The names of `targets`, in one query.
pub async fn target_summaries(graph: &GraphStore, targets: &[String]) -> Result<Vec<TargetSummary>, ApiError> {
    let mut summaries: BTreeMap<String, TargetSummary> = BTreeMap::new();
    for iri in targets {
        if let Some((scheme, code)) = target_code(iri) {
            summaries.entry(iri.clone()).or_insert_with(|| TargetSummary {
                iri: iri.clone(),
                scheme,
                code,
                names: Vec::new(),
            });
        }
    }
    if summaries.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = summaries.keys().filter_map(|iri| Iri::parse(iri).ok()).map(|i| i.sparql()).collect();
    let query = format!(
        "SELECT ?t ?name ?kind WHERE {{
           VALUES ?t {{ {values} }}
           {{ ?t <{title}> ?name . BIND(1 AS ?kind) }}
           UNION {{ ?t <{pref}> ?name . BIND(2 AS ?kind) }}
           UNION {{ ?t <{alt}> ?name . FILTER(lang(?name) = \"ar\") BIND(3 AS ?kind) }}
         }} ORDER BY ?t ?kind ?name",
        values = values.join(" "),
        title = dcterms::TITLE,
        pref = skos::PREF_LABEL,
        alt = skos::ALT_LABEL,
    );
    for row in select(graph, query).await? {
        let (Some(t), Some(name)) = (cell_iri(&row[0]), text(&row[1])) else { continue };
        let Some(summary) = summaries.get_mut(&t) else { continue };
        // One name per language: the first by kind (title, then preferred label, then the
        // Arabic alternative label). A GBF preferred label is only "Target 7": the title says more.
        let generic = summary.scheme == "gbf" && cell_value(&row[2]).as_deref() == Some("2");
        if !generic && !summary.names.iter().any(|n| n.lang == name.lang) {
            summary.names.push(name);
        }
    }
    let mut out: Vec<TargetSummary> = summaries.into_values().collect();
    out.sort_by(|a, b| (a.scheme, code_order(&a.code)).cmp(&(b.scheme, code_order(&b.code))));
    Ok(out)
}

/// Numbers in numeric order, letters after them.
pub fn code_order(code: &str) -> (u32, String) {
    (code.parse().unwrap_or(u32::MAX), code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_codes_come_from_the_iri() {
        let check = |iri: &str, expected: Option<(&str, &str)>| {
            assert_eq!(target_code(iri).as_ref().map(|(s, c)| (*s, c.as_str())), expected, "{iri}");
        };
        check("http://metadata.cbd.int/kmgbf/target_17", Some(("gbf", "17")));
        check("http://metadata.cbd.int/kmgbf/goal_A", Some(("gbf-goal", "A")));
        check("https://cbdkg.example/vocab/aichi-target/3", Some(("aichi", "3")));
        check("https://cbdkg.example/vocab/aichi-goal/E", Some(("aichi-goal", "E")));
        check("http://metadata.cbd.int/kmgbf/indicator_7.1", None);
        check("http://metadata.cbd.int/kmgbf/target_", None);
        check("https://cbdkg.example/id/decision/COP-13-23", None);
    }

    #[test]
    fn iris_that_could_escape_a_query_are_refused() {
        let ok = |iri: &str| assert!(Iri::parse(iri).is_ok(), "{iri}");
        let bad = |iri: &str| assert!(Iri::parse(iri).is_err(), "{iri}");
        ok("https://cbdkg.example/id/decision/COP-13-23/p15-g");
        ok("http://metadata.cbd.int/kmgbf/target_7");
        bad("https://cbdkg.example/id/x> } DROP ALL { <y");
        bad("https://cbdkg.example/id/a b");
        bad("relative/path");
        bad("urn:x:y");
        bad("");
        bad("https://cbdkg.example/id/\u{0}");
    }
}
