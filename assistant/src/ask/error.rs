//! Why a question could not be answered at all (an abstention is an answer, not an error).

use cbdkg_graph::{GraphError, GraphErrorKind};
use cbdkg_search::{SearchError, SearchErrorKind};

/// Asking failed: the question was refused, or the indexes or the graph failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AskError {
    /// The question is empty or blank.
    #[error("the question is empty")]
    EmptyQuestion,
    /// The question is longer than [`super::MAX_QUESTION_CHARS`].
    #[error("the question has {chars} characters; the limit is {limit}")]
    QuestionTooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// The search failed or refused the question (no words, no model, no index).
    #[error(transparent)]
    Search(#[from] SearchError),
    /// A query on the graph failed.
    #[error("reading the graph for the answer failed: {0}")]
    Graph(#[from] GraphError),
}

/// The class of an [`AskError`], for callers that map errors to statuses (exhaustive on
/// purpose, like the search's and the graph's: a new class must be mapped by every caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskErrorKind {
    /// [`AskError::EmptyQuestion`].
    EmptyQuestion,
    /// [`AskError::QuestionTooLong`].
    QuestionTooLong,
    /// [`AskError::Search`], with the search's class.
    Search(SearchErrorKind),
    /// [`AskError::Graph`], with the store's class.
    Graph(GraphErrorKind),
}

impl AskError {
    /// What kind of failure this is.
    pub fn kind(&self) -> AskErrorKind {
        match self {
            Self::EmptyQuestion => AskErrorKind::EmptyQuestion,
            Self::QuestionTooLong { .. } => AskErrorKind::QuestionTooLong,
            Self::Search(e) => AskErrorKind::Search(e.kind()),
            Self::Graph(e) => AskErrorKind::Graph(e.kind()),
        }
    }
}
