//! SPARQL queries with a real time limit and a row cap, answered as materialised results so
//! that callers (the HTTP layer) know the outcome before writing a byte.

use crate::{GraphError, GraphStore};
use cbdkg_ontologies::standard::{dcterms, prov, rdfs, skos, xsd};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryDataset, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::StorageError;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

/// How to run one query: limits and the SPARQL protocol's dataset parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryOptions {
    /// Evaluation is cancelled after this long ([`GraphError::Timeout`]).
    pub timeout: Duration,
    /// At most this many solutions or triples are returned; more sets `truncated`.
    pub row_cap: usize,
    /// `default-graph-uri`: these graphs merged form the default graph.
    pub default_graph_uris: Vec<String>,
    /// `named-graph-uri`: only these graphs are visible to `GRAPH`.
    pub named_graph_uris: Vec<String>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self::new(Duration::from_secs(10), 10_000)
    }
}

impl QueryOptions {
    /// Options with a time limit and a row cap, and the default dataset.
    pub fn new(timeout: Duration, row_cap: usize) -> Self {
        Self { timeout, row_cap, default_graph_uris: Vec::new(), named_graph_uris: Vec::new() }
    }

    /// Adds a graph to the default graph (`default-graph-uri`).
    pub fn with_default_graph(mut self, iri: impl Into<String>) -> Self {
        self.default_graph_uris.push(iri.into());
        self
    }

    /// Adds a graph to the named graphs (`named-graph-uri`).
    pub fn with_named_graph(mut self, iri: impl Into<String>) -> Self {
        self.named_graph_uris.push(iri.into());
        self
    }
}

/// The materialised answer to a query.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryAnswer {
    /// Answer to `SELECT`.
    Solutions {
        /// The projected variables, in order.
        variables: Vec<Variable>,
        /// One value (or none, if unbound) per variable, per solution.
        rows: Vec<Row>,
        /// Whether solutions beyond the row cap were dropped.
        truncated: bool,
    },
    /// Answer to `ASK`.
    Boolean(bool),
    /// Answer to `CONSTRUCT` or `DESCRIBE`.
    Graph {
        /// The triples.
        triples: Vec<Triple>,
        /// Whether triples beyond the row cap were dropped.
        truncated: bool,
    },
}

/// A row of a `SELECT` answer: one cell per projected variable, `None` where it is unbound.
pub type Row = Vec<Option<Term>>;

/// The IRI in a cell, if it holds one.
pub fn cell_iri(cell: &Option<Term>) -> Option<String> {
    match cell {
        Some(Term::NamedNode(node)) => Some(node.as_str().to_owned()),
        _ => None,
    }
}

/// The lexical value of the literal in a cell, if it holds one.
pub fn cell_value(cell: &Option<Term>) -> Option<String> {
    match cell {
        Some(Term::Literal(literal)) => Some(literal.value().to_owned()),
        _ => None,
    }
}

impl QueryAnswer {
    /// The rows of a `SELECT` answer; `None` for `ASK`, `CONSTRUCT` and `DESCRIBE`.
    pub fn into_rows(self) -> Option<Vec<Row>> {
        match self {
            Self::Solutions { rows, .. } => Some(rows),
            Self::Boolean(_) | Self::Graph { .. } => None,
        }
    }

    /// Whether the row cap cut the answer.
    pub fn truncated(&self) -> bool {
        match self {
            Self::Solutions { truncated, .. } | Self::Graph { truncated, .. } => *truncated,
            Self::Boolean(_) => false,
        }
    }

    /// Whether this is a graph (`CONSTRUCT`/`DESCRIBE`) rather than results (`SELECT`/`ASK`).
    pub fn is_graph(&self) -> bool {
        matches!(self, Self::Graph { .. })
    }

    /// Writes solutions or a boolean as SPARQL results (JSON, XML, CSV, TSV).
    pub fn write_results<W: Write>(&self, format: QueryResultsFormat, writer: W) -> Result<W, GraphError> {
        let serializer = QueryResultsSerializer::from_format(format);
        let io = |source| GraphError::Io { action: format!("writing {} results", format.name()), source };
        match self {
            Self::Boolean(value) => serializer.serialize_boolean_to_writer(writer, *value).map_err(io),
            Self::Solutions { variables, rows, .. } => {
                let mut out = serializer.serialize_solutions_to_writer(writer, variables.clone()).map_err(io)?;
                for row in rows {
                    let bound = variables.iter().zip(row).filter_map(|(v, t)| Some((v.as_ref(), t.as_ref()?.as_ref())));
                    out.serialize(bound).map_err(io)?;
                }
                out.finish().map_err(io)
            }
            Self::Graph { .. } => Err(GraphError::WrongFormat { answer: "a graph", format: format.name().into() }),
        }
    }

    /// Writes a graph as RDF (Turtle, N-Triples, JSON-LD, RDF/XML…); Turtle uses prefixes.
    pub fn write_graph<W: Write>(&self, format: RdfFormat, writer: W) -> Result<W, GraphError> {
        let Self::Graph { triples, .. } = self else {
            let answer = if matches!(self, Self::Boolean(_)) { "a boolean" } else { "solutions" };
            return Err(GraphError::WrongFormat { answer, format: format.name().into() });
        };
        let io = |source| GraphError::Io { action: format!("writing {}", format.name()), source };
        let mut serializer = RdfSerializer::from_format(format);
        if format == RdfFormat::Turtle {
            for (prefix, iri) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| GraphError::Io {
                    action: format!("declaring prefix {prefix}"),
                    source: std::io::Error::other(e),
                })?;
            }
        }
        let mut out = serializer.for_writer(writer);
        for triple in triples {
            out.serialize_triple(triple).map_err(io)?;
        }
        out.finish().map_err(io)
    }
}

/// Prefixes used in Turtle output, for people reading it.
const PREFIXES: &[(&str, &str)] = &[
    ("cbdkg", cbdkg_ontologies::ONTOLOGY_NS),
    ("dcterms", namespace(dcterms::TITLE)),
    ("prov", namespace(prov::ENTITY)),
    ("rdfs", namespace(rdfs::LABEL)),
    ("skos", namespace(skos::CONCEPT)),
    ("xsd", namespace(xsd::INTEGER)),
];

/// The namespace of a term IRI: everything up to the last `#` or `/`.
const fn namespace(term: &'static str) -> &'static str {
    let bytes = term.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1] != b'#' && bytes[end - 1] != b'/' {
        end -= 1;
    }
    let (head, _) = bytes.split_at(end);
    match std::str::from_utf8(head) {
        Ok(head) => head,
        Err(_) => term,
    }
}

impl GraphStore {
    /// Runs a SPARQL 1.1 query.
    ///
    /// Without dataset options or `FROM` clauses the default graph is the union of all named
    /// graphs. Evaluation really stops at the time limit: a watchdog thread cancels it.
    pub fn query(&self, query: &str, options: &QueryOptions) -> Result<QueryAnswer, GraphError> {
        let token = CancellationToken::new();
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .parse_query(query)
            .map_err(|e| GraphError::QuerySyntax { message: e.to_string() })?;
        configure_dataset(prepared.dataset_mut(), options)?;
        let _watchdog = Watchdog::start(options.timeout, token.clone())?;
        let fail = |error| self.evaluation_error(error, options.timeout);
        let results = prepared.on_store(&self.store).execute().map_err(fail)?;
        let timed_out = || token.is_cancelled();
        match results {
            QueryResults::Boolean(value) => Ok(QueryAnswer::Boolean(value)),
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let (rows, truncated) =
                    collect_capped(solutions, options.row_cap, timed_out, fail, |s| s.values().to_vec())?;
                Ok(QueryAnswer::Solutions { variables, rows, truncated })
            }
            QueryResults::Graph(triples) => {
                let (triples, truncated) = collect_capped(triples, options.row_cap, timed_out, fail, |t| t)?;
                Ok(QueryAnswer::Graph { triples, truncated })
            }
        }
    }
}

/// Collects at most `cap` items; reads one more to know whether the cap cut anything.
fn collect_capped<T, U>(
    items: impl Iterator<Item = Result<T, QueryEvaluationError>>,
    cap: usize,
    timed_out: impl Fn() -> bool,
    fail: impl Fn(QueryEvaluationError) -> GraphError,
    convert: impl Fn(T) -> U,
) -> Result<(Vec<U>, bool), GraphError> {
    let mut out = Vec::new();
    for item in items {
        // Evaluation checks the token only when it reads the store; check it per row too.
        if timed_out() {
            return Err(fail(QueryEvaluationError::Cancelled));
        }
        let item = item.map_err(&fail)?;
        if out.len() == cap {
            return Ok((out, true));
        }
        out.push(convert(item));
    }
    Ok((out, false))
}

/// Applies the SPARQL protocol's dataset: `default-graph-uri` and `named-graph-uri` replace
/// the query's own `FROM`/`FROM NAMED`; with neither, the default graph is the union.
fn configure_dataset(dataset: &mut QueryDataset, options: &QueryOptions) -> Result<(), GraphError> {
    if options.default_graph_uris.is_empty() && options.named_graph_uris.is_empty() {
        if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        return Ok(());
    }
    let default =
        options.default_graph_uris.iter().map(|iri| graph_iri(iri).map(GraphName::from)).collect::<Result<_, _>>()?;
    let named = options
        .named_graph_uris
        .iter()
        .map(|iri| graph_iri(iri).map(NamedOrBlankNode::from))
        .collect::<Result<_, _>>()?;
    dataset.set_default_graph(default);
    dataset.set_available_named_graphs(named);
    Ok(())
}

fn graph_iri(iri: &str) -> Result<NamedNode, GraphError> {
    NamedNode::new(iri).map_err(|e| GraphError::InvalidGraphIri { iri: iri.to_owned(), message: e.to_string() })
}

impl GraphStore {
    fn evaluation_error(&self, error: QueryEvaluationError, limit: Duration) -> GraphError {
        match error {
            QueryEvaluationError::Cancelled => GraphError::Timeout { limit },
            QueryEvaluationError::Dataset(error) => match error.downcast::<StorageError>() {
                Ok(source) => self.storage_error("evaluating a query", *source),
                Err(other) => GraphError::Evaluation { message: other.to_string() },
            },
            other => GraphError::Evaluation { message: other.to_string() },
        }
    }
}

/// Cancels a query's token when its time is up, unless dropped first. The thread waits on a
/// channel: dropping the watchdog disconnects it and the thread ends at once.
struct Watchdog {
    _disarm: mpsc::Sender<()>,
}

impl Watchdog {
    fn start(limit: Duration, token: CancellationToken) -> Result<Self, GraphError> {
        let (disarm, armed) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("sparql-watchdog".into())
            .spawn(move || {
                if armed.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
                    token.cancel();
                }
            })
            .map_err(|source| GraphError::Io { action: "starting the query watchdog thread".into(), source })?;
        Ok(Self { _disarm: disarm })
    }
}
