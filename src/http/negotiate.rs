//! Content negotiation for SPARQL answers: the `Accept` header with q-values, or an explicit
//! `format` parameter (as sent by SPARQLWrapper and common endpoints).

use cbdkg_graph::{QueryResultsFormat, RdfFormat};

/// A syntax for graphs (`CONSTRUCT`, `DESCRIBE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphSyntax {
    /// Turtle, the default.
    Turtle,
    /// N-Triples.
    NTriples,
    /// JSON-LD.
    JsonLd,
    /// RDF/XML.
    RdfXml,
}

impl GraphSyntax {
    /// The serialiser's format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::JsonLd => RdfFormat::from_media_type("application/ld+json").unwrap_or(RdfFormat::NTriples),
            Self::RdfXml => RdfFormat::RdfXml,
        }
    }
}

/// A format chosen for a response, with the media type it is served as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<T> {
    /// The format.
    pub format: T,
    /// The offered media type that matched, e.g. `application/json` for JSON results.
    pub media_type: &'static str,
}

impl<T> Choice<T> {
    /// The `Content-Type` header value: the media type, with a charset for `text/*`.
    pub fn content_type(&self) -> String {
        if self.media_type.starts_with("text/") {
            format!("{}; charset=utf-8", self.media_type)
        } else {
            self.media_type.to_owned()
        }
    }
}

/// Media types offered for `SELECT`/`ASK`, in order of preference.
pub const RESULTS_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

/// Media types offered for `CONSTRUCT`/`DESCRIBE`, in order of preference.
pub const GRAPH_OFFERS: &[(&str, GraphSyntax)] = &[
    ("text/turtle", GraphSyntax::Turtle),
    ("application/turtle", GraphSyntax::Turtle),
    ("application/x-turtle", GraphSyntax::Turtle),
    ("application/n-triples", GraphSyntax::NTriples),
    ("application/ld+json", GraphSyntax::JsonLd),
    ("application/rdf+xml", GraphSyntax::RdfXml),
];

/// `format` parameter values understood for results, besides the media types above.
const RESULTS_NAMES: &[(&str, QueryResultsFormat)] = &[
    ("json", QueryResultsFormat::Json),
    ("srj", QueryResultsFormat::Json),
    ("xml", QueryResultsFormat::Xml),
    ("srx", QueryResultsFormat::Xml),
    ("csv", QueryResultsFormat::Csv),
    ("tsv", QueryResultsFormat::Tsv),
];

/// `format` parameter values understood for graphs, besides the media types above.
const GRAPH_NAMES: &[(&str, GraphSyntax)] = &[
    ("turtle", GraphSyntax::Turtle),
    ("ttl", GraphSyntax::Turtle),
    ("n3", GraphSyntax::Turtle),
    ("ntriples", GraphSyntax::NTriples),
    ("n-triples", GraphSyntax::NTriples),
    ("nt", GraphSyntax::NTriples),
    ("json-ld", GraphSyntax::JsonLd),
    ("jsonld", GraphSyntax::JsonLd),
    ("json", GraphSyntax::JsonLd),
    ("xml", GraphSyntax::RdfXml),
    ("rdf+xml", GraphSyntax::RdfXml),
    ("rdfxml", GraphSyntax::RdfXml),
];

/// The formats chosen for each kind of answer, before the query runs; `None` means nothing
/// acceptable (406 if the answer is of that kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated {
    /// For `SELECT`/`ASK`.
    pub results: Option<Choice<QueryResultsFormat>>,
    /// For `CONSTRUCT`/`DESCRIBE`.
    pub graph: Option<Choice<GraphSyntax>>,
}

impl Negotiated {
    /// A recognised `format` parameter wins; otherwise the `Accept` header decides.
    /// Unrecognised `format` values are ignored: clients send values meant for other servers.
    pub fn new(accept: Option<&str>, format_params: &[&str]) -> Self {
        let results = by_name(format_params, RESULTS_NAMES, RESULTS_OFFERS);
        let graph = by_name(format_params, GRAPH_NAMES, GRAPH_OFFERS);
        if results.is_some() || graph.is_some() {
            return Self { results, graph };
        }
        Self { results: negotiate(accept, RESULTS_OFFERS), graph: negotiate(accept, GRAPH_OFFERS) }
    }
}

/// The first `format` value naming a format (by short name or media type), served as that
/// format's preferred media type.
fn by_name<T: Copy + PartialEq>(
    values: &[&str],
    names: &[(&str, T)],
    offers: &[(&'static str, T)],
) -> Option<Choice<T>> {
    values.iter().find_map(|value| {
        let value = value.trim().to_ascii_lowercase();
        let value = value.split(';').next().unwrap_or_default().trim();
        let format = names.iter().chain(offers).find(|(name, _)| *name == value).map(|(_, format)| *format)?;
        let media_type = offers.iter().find(|(_, f)| *f == format).map(|(m, _)| *m)?;
        Some(Choice { format, media_type })
    })
}

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
struct MediaRange {
    kind: String,
    subtype: String,
    q: f32,
}

fn parse_accept(header: &str) -> Vec<MediaRange> {
    header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let (kind, subtype) = parts.next()?.trim().split_once('/')?;
            let q = parts
                .filter_map(|p| p.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
                .and_then(|(_, v)| v.trim().parse::<f32>().ok())
                .map_or(1.0, |q| q.clamp(0.0, 1.0));
            Some(MediaRange { kind: kind.trim().to_ascii_lowercase(), subtype: subtype.trim().to_ascii_lowercase(), q })
        })
        .collect()
}

/// The offer with the highest q-value (that of the most specific range matching it), the
/// earlier offer on ties; the first offer if there is no `Accept` header.
pub fn negotiate<T: Copy>(accept: Option<&str>, offers: &[(&'static str, T)]) -> Option<Choice<T>> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().map(|(media_type, format)| Choice { format: *format, media_type });
    };
    let ranges = parse_accept(accept);
    let mut best: Option<(f32, Choice<T>)> = None;
    for (media_type, format) in offers {
        let (kind, subtype) = media_type.split_once('/').unwrap_or((media_type, ""));
        let q = ranges
            .iter()
            .filter_map(|r| {
                let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
                    ("*", "*") => 0,
                    (k, "*") if k == kind => 1,
                    (k, s) if k == kind && s == subtype => 2,
                    _ => return None,
                };
                Some((specificity, r.q))
            })
            .max_by_key(|(specificity, _)| *specificity)
            .map_or(0.0, |(_, q)| q);
        if q > 0.0 && best.is_none_or(|(best_q, _)| q > best_q) {
            best = Some((q, Choice { format: *format, media_type }));
        }
    }
    best.map(|(_, choice)| choice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use QueryResultsFormat::{Csv, Json, Tsv, Xml};

    /// Checks the formats chosen for each kind of answer.
    fn check(accept: Option<&str>, format: &[&str], results: Option<QueryResultsFormat>, graph: Option<GraphSyntax>) {
        let got = Negotiated::new(accept, format);
        assert_eq!(
            (got.results.map(|c| c.format), got.graph.map(|c| c.format)),
            (results, graph),
            "Accept {accept:?}, format {format:?}"
        );
    }

    /// Checks the `Content-Type` served for each kind of answer.
    fn check_media_type(accept: &str, results: Option<&str>, graph: Option<&str>) {
        let got = Negotiated::new(Some(accept), &[]);
        assert_eq!(
            (got.results.map(|c| c.content_type()), got.graph.map(|c| c.content_type())),
            (results.map(str::to_owned), graph.map(str::to_owned)),
            "Accept {accept:?}"
        );
    }

    #[test]
    fn media_types_served() {
        check_media_type("*/*", Some("application/sparql-results+json"), Some("text/turtle; charset=utf-8"));
        check_media_type("application/json", Some("application/json"), None);
        check_media_type(
            "application/sparql-results+json;q=0, */*",
            Some("application/json"),
            Some("text/turtle; charset=utf-8"),
        );
        check_media_type("text/csv", Some("text/csv; charset=utf-8"), None);
        check_media_type("application/turtle", None, Some("application/turtle"));
        check_media_type("application/ld+json", None, Some("application/ld+json"));
    }

    #[test]
    fn accept_header() {
        use GraphSyntax::{JsonLd, NTriples, RdfXml, Turtle};
        check(None, &[], Some(Json), Some(Turtle));
        check(Some(""), &[], Some(Json), Some(Turtle));
        check(Some("*/*"), &[], Some(Json), Some(Turtle));
        check(Some("application/sparql-results+xml"), &[], Some(Xml), None);
        check(Some("text/csv"), &[], Some(Csv), None);
        check(Some("text/tab-separated-values"), &[], Some(Tsv), None);
        check(Some("application/json"), &[], Some(Json), None);
        check(Some("text/*"), &[], Some(Csv), Some(Turtle));
        check(Some("application/n-triples"), &[], None, Some(NTriples));
        check(Some("application/ld+json"), &[], None, Some(JsonLd));
        check(Some("application/rdf+xml"), &[], None, Some(RdfXml));
        check(Some("text/html"), &[], None, None);
        check(Some("text/csv;q=0.5, application/sparql-results+xml;q=0.9"), &[], Some(Xml), None);
        check(Some("text/csv;q=0.5, */*;q=0.1"), &[], Some(Csv), Some(Turtle));
        check(Some("application/sparql-results+json;q=0, application/json;q=0, */*"), &[], Some(Xml), Some(Turtle));
        check(Some("text/csv; charset=utf-8; q=0.3, text/turtle ; q=0.4"), &[], Some(Csv), Some(Turtle));
        check(Some("APPLICATION/SPARQL-RESULTS+XML"), &[], Some(Xml), None);
        check(Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), &[], Some(Json), Some(Turtle));
        // SPARQLWrapper's headers.
        check(
            Some("application/sparql-results+json,application/json,text/javascript,application/javascript"),
            &[],
            Some(Json),
            None,
        );
        check(Some("application/turtle,text/turtle"), &[], None, Some(Turtle));
        check(Some("garbage"), &[], None, None);
    }

    #[test]
    fn format_parameter() {
        use GraphSyntax::{JsonLd, NTriples, RdfXml, Turtle};
        check(Some("text/csv"), &["json"], Some(Json), Some(JsonLd));
        check(None, &["xml"], Some(Xml), Some(RdfXml));
        check(None, &["csv"], Some(Csv), None);
        check(None, &["tsv", "text/tab-separated-values"], Some(Tsv), None);
        check(None, &["turtle"], None, Some(Turtle));
        check(None, &["json-ld", "application/ld+json"], None, Some(JsonLd));
        check(None, &["application/n-triples"], None, Some(NTriples));
        check(Some("text/csv"), &["unknown"], Some(Csv), None);
    }
}
