//! What can go wrong building, opening or searching the keyword index.

use std::path::PathBuf;

/// An error of the keyword index; each names the directory or the query it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeywordError {
    /// The index directory does not exist or holds no finished index.
    #[error("no keyword index at {}: build it first", path.display())]
    MissingIndex {
        /// The directory.
        path: PathBuf,
    },
    /// The index was built by another schema or analysis version.
    #[error(
        "the keyword index at {} has schema version {found}, this program reads version {expected}: rebuild it",
        path.display()
    )]
    IncompatibleSchema {
        /// The directory.
        path: PathBuf,
        /// What the index says (a version number, or what differs).
        found: String,
        /// [`super::SCHEMA_VERSION`].
        expected: u32,
    },
    /// The index directory cannot be given that name (`/`, `..`).
    #[error("{} cannot hold a keyword index: it has no directory name", path.display())]
    InvalidPath {
        /// The path given.
        path: PathBuf,
    },
    /// A file-system operation failed.
    #[error("keyword index at {}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Tantivy failed reading or writing the index.
    #[error("keyword index at {}: {source}", path.display())]
    Index {
        /// The directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A passage is in a language without an analyser.
    #[error("passage {iri}: no analyser for language {lang:?} (one of ar, en, fr, es, ru, zh)")]
    UnsupportedLanguage {
        /// IRI of the passage.
        iri: String,
        /// Its language tag.
        lang: String,
    },
    /// The query has no words to search for: empty, blank, punctuation or stop words only.
    #[error("the query {query:?} has no words to search for")]
    EmptyQuery {
        /// The query as given.
        query: String,
    },
    /// The query is longer than [`super::MAX_QUERY_CHARS`].
    #[error("the query is {chars} characters long; the limit is {limit}")]
    QueryTooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// Tantivy failed evaluating a query.
    #[error("keyword search for {query:?} failed: {source}")]
    Search {
        /// The query as given.
        query: String,
        /// The cause.
        #[source]
        source: tantivy::TantivyError,
    },
}

impl KeywordError {
    /// A stable code per case, for HTTP responses and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingIndex { .. } => "keyword_index_missing",
            Self::IncompatibleSchema { .. } => "keyword_index_incompatible",
            Self::InvalidPath { .. } => "keyword_index_invalid_path",
            Self::Io { .. } => "keyword_index_io",
            Self::Index { .. } => "keyword_index_internal",
            Self::UnsupportedLanguage { .. } => "unsupported_language",
            Self::EmptyQuery { .. } => "empty_query",
            Self::QueryTooLong { .. } => "query_too_long",
            Self::Search { .. } => "keyword_search_internal",
        }
    }

    /// Whether the error is the user's (a bad query) rather than the index's.
    pub fn is_user_error(&self) -> bool {
        matches!(self, Self::EmptyQuery { .. } | Self::QueryTooLong { .. })
    }
}
