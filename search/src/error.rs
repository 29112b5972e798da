//! Errors of the search crate: the keyword index's, the embedder's and the vector store's,
//! plus those of the index as a whole. [`SearchError::kind`] sorts them into what the caller
//! did wrong (a bad query), what an operator must fix (no index, no model) and failures.

use crate::keyword::KeywordError;
use std::path::{Path, PathBuf};

/// Why a search, a rebuild or an open failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The keyword index failed or refused the query.
    #[error(transparent)]
    Keyword(#[from] KeywordError),
    /// The embedding model failed.
    #[error(transparent)]
    Embedding(#[from] cbdkg_embed::EmbedError),
    /// The vector store failed.
    #[error(transparent)]
    Vectors(#[from] cbdkg_vectors::Error),
    /// No finished index in the data directory.
    #[error("no search index at {}: build it with `cbdkg reindex`", path.display())]
    NoIndex {
        /// The manifest that is missing.
        path: PathBuf,
    },
    /// The index was built by another version of the layout.
    #[error("the search index at {} was built by another version: rebuild it with `cbdkg reindex`", path.display())]
    IndexOutdated {
        /// The manifest.
        path: PathBuf,
    },
    /// The index holds fewer vectors than passages: a rebuild was interrupted.
    #[error(
        "the search index is incomplete ({vectors} vectors for {passages} passages): rebuild it with `cbdkg reindex`"
    )]
    IndexIncomplete {
        /// Vectors in the store.
        vectors: u64,
        /// Passages in the manifest.
        passages: usize,
    },
    /// The vectors were made by another model than the one loaded.
    #[error("the index holds vectors of model {indexed}, but model {loaded} is loaded: rebuild with `cbdkg reindex`")]
    ModelChanged {
        /// Model of the index.
        indexed: String,
        /// Model loaded now.
        loaded: String,
    },
    /// Vector search was asked for without an embedding model.
    #[error("vector search needs the embedding model, which is not loaded")]
    NoModel,
    /// The manifest cannot be read or written.
    #[error("search index manifest {}: {message}", path.display())]
    Manifest {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A file-system operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The class of a [`SearchError`], for callers that map errors to statuses (exhaustive on
/// purpose: a new class must be mapped by every caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchErrorKind {
    /// Nothing to search for in the query.
    EmptyQuery,
    /// The query is over the length limit.
    QueryTooLong,
    /// Another problem with the query.
    InvalidQuery,
    /// No index was built.
    NoIndex,
    /// The index is from another version, model, or an interrupted build.
    IndexOutdated,
    /// No embedding model for vector search.
    NoModel,
    /// The keyword index failed.
    Index,
    /// The embedder failed.
    Embedding,
    /// The vector store failed.
    Vectors,
    /// The file system failed.
    Io,
}

impl SearchError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io { path: path.to_owned(), source }
    }

    /// The class of the error.
    pub fn kind(&self) -> SearchErrorKind {
        match self {
            Self::Keyword(KeywordError::EmptyQuery { .. }) => SearchErrorKind::EmptyQuery,
            Self::Keyword(KeywordError::QueryTooLong { .. }) => SearchErrorKind::QueryTooLong,
            Self::Keyword(KeywordError::MissingIndex { .. }) => SearchErrorKind::NoIndex,
            Self::Keyword(KeywordError::IncompatibleSchema { .. }) => SearchErrorKind::IndexOutdated,
            Self::Keyword(e) if e.is_user_error() => SearchErrorKind::InvalidQuery,
            Self::Keyword(_) => SearchErrorKind::Index,
            Self::Embedding(_) => SearchErrorKind::Embedding,
            Self::Vectors(_) => SearchErrorKind::Vectors,
            Self::NoIndex { .. } => SearchErrorKind::NoIndex,
            Self::IndexOutdated { .. } | Self::IndexIncomplete { .. } | Self::ModelChanged { .. } => {
                SearchErrorKind::IndexOutdated
            }
            Self::NoModel => SearchErrorKind::NoModel,
            Self::Manifest { .. } => SearchErrorKind::IndexOutdated,
            Self::Io { .. } => SearchErrorKind::Io,
        }
    }
}
