//! Errors of the graph crate. Each names what failed and where: the store directory, the graph.

use oxigraph::store::StorageError;
use std::path::PathBuf;
use std::time::Duration;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// There is no store in the directory (opening read-only never creates one).
    #[error("no graph store at {}: run `cbdkg ingest` first", dir.display())]
    Missing {
        /// The store directory.
        dir: PathBuf,
    },
    /// Another process holds the store open for writing.
    #[error(
        "the graph store at {} is locked by another process (is `cbdkg serve` or `cbdkg ingest` running?): {source}",
        dir.display()
    )]
    Locked {
        /// The store directory.
        dir: PathBuf,
        /// The RocksDB error.
        #[source]
        source: StorageError,
    },
    /// The storage layer (RocksDB) failed.
    #[error("graph store at {}: {action}: {source}", dir.display())]
    Storage {
        /// The store directory.
        dir: PathBuf,
        /// What was being done, e.g. "replacing graph <…>".
        action: String,
        /// The cause.
        #[source]
        source: StorageError,
    },
    /// The store was opened read-only and cannot be written.
    #[error("graph store at {} is open read-only: cannot {action}", dir.display())]
    ReadOnly {
        /// The store directory.
        dir: PathBuf,
        /// What was refused.
        action: &'static str,
    },
    /// A SPARQL query or update does not parse.
    #[error("SPARQL syntax error: {message}")]
    QuerySyntax {
        /// The parser's message, with the position.
        message: String,
    },
    /// A graph IRI given for the query dataset is not a valid IRI.
    #[error("invalid graph IRI {iri:?} in the query dataset: {message}")]
    InvalidGraphIri {
        /// The IRI as given.
        iri: String,
        /// What is wrong.
        message: String,
    },
    /// The query ran longer than its time limit and was cancelled.
    #[error("the query ran longer than the limit of {} ms and was cancelled", limit.as_millis())]
    Timeout {
        /// The limit.
        limit: Duration,
    },
    /// Query evaluation failed (other than by timeout).
    #[error("SPARQL query evaluation failed: {message}")]
    Evaluation {
        /// The evaluator's message.
        message: String,
    },
    /// Update evaluation failed.
    #[error("SPARQL update failed: {message}")]
    Update {
        /// The evaluator's message.
        message: String,
    },
    /// A payload holds a quad outside the named graph it is loaded into.
    #[error("payload for graph {graph} holds a quad in another graph: {quad}")]
    ForeignQuad {
        /// The payload's graph.
        graph: String,
        /// The offending quad, in N-Quads syntax.
        quad: String,
    },
    /// An answer was asked to be written in a format of the other kind of answer.
    #[error("{answer} cannot be written as {format}")]
    WrongFormat {
        /// The kind of answer: "solutions", "a boolean", "a graph".
        answer: &'static str,
        /// The format asked for.
        format: String,
    },
    /// A file-system or output operation failed: creating the store directory, writing results,
    /// starting the query watchdog.
    #[error("{action}: {source}")]
    Io {
        /// What was being done, naming the path where there is one.
        action: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The kind of a [`GraphError`], one per variant. Unlike the error it is exhaustive, so that
/// code mapping errors to HTTP statuses or exit codes handles every kind explicitly and a new
/// kind is a compile error there rather than a silent default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GraphErrorKind {
    /// [`GraphError::Missing`].
    Missing,
    /// [`GraphError::Locked`].
    Locked,
    /// [`GraphError::Storage`].
    Storage,
    /// [`GraphError::ReadOnly`].
    ReadOnly,
    /// [`GraphError::QuerySyntax`].
    QuerySyntax,
    /// [`GraphError::InvalidGraphIri`].
    InvalidGraphIri,
    /// [`GraphError::Timeout`].
    Timeout,
    /// [`GraphError::Evaluation`].
    Evaluation,
    /// [`GraphError::Update`].
    Update,
    /// [`GraphError::ForeignQuad`].
    ForeignQuad,
    /// [`GraphError::WrongFormat`].
    WrongFormat,
    /// [`GraphError::Io`].
    Io,
}

impl GraphError {
    /// The kind of this error.
    pub fn kind(&self) -> GraphErrorKind {
        match self {
            Self::Missing { .. } => GraphErrorKind::Missing,
            Self::Locked { .. } => GraphErrorKind::Locked,
            Self::Storage { .. } => GraphErrorKind::Storage,
            Self::ReadOnly { .. } => GraphErrorKind::ReadOnly,
            Self::QuerySyntax { .. } => GraphErrorKind::QuerySyntax,
            Self::InvalidGraphIri { .. } => GraphErrorKind::InvalidGraphIri,
            Self::Timeout { .. } => GraphErrorKind::Timeout,
            Self::Evaluation { .. } => GraphErrorKind::Evaluation,
            Self::Update { .. } => GraphErrorKind::Update,
            Self::ForeignQuad { .. } => GraphErrorKind::ForeignQuad,
            Self::WrongFormat { .. } => GraphErrorKind::WrongFormat,
            Self::Io { .. } => GraphErrorKind::Io,
        }
    }
}
