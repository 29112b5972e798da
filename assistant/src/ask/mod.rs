//! Grounded answers: a question in Arabic, English, French or Spanish is answered from
//! retrieved paragraphs only, in one to four short sentences written from fixed phrases, each
//! pointing to citations whose quotes are verbatim stretches of the cited paragraphs. When the
//! evidence is weak, the answer says the documents do not answer and suggests searches.
//!
//! Steps ([`Assistant::ask`]): detect the language and the [`Kind`] of question; search
//! (hybrid, 20 hits; a named decision's or meeting's documents only) and add what the graph
//! links to the hits (sub-paragraphs of a named paragraph; paragraphs that cite or are cited by
//! the best hits; their targets); pick the sentence of each hit most similar to the question;
//! decide from how on-topic the question is and how close the best sentence comes whether to
//! answer ([`Thresholds`]); cite the best hits; compose.
//!
//! Retrieved text is data: it is only ever quoted (a slice of the paragraph, never a format
//! string, never part of the answer's own sentences), so an instruction inside a document
//! cannot change what the assistant says, in which language, or in what shape.

mod abstain;
mod compose;
mod error;
mod graph;
mod kind;
mod pipeline;
mod quote;
mod sentences;
mod words;

pub use abstain::{Signals, Thresholds};
pub use error::{AskError, AskErrorKind};
pub use kind::{Kind, classify};
pub use words::AnswerLang;

use cbdkg_graph::GraphStore;
use cbdkg_search::SearchIndex;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Longest question accepted, in characters (the search's own limit).
pub const MAX_QUESTION_CHARS: usize = cbdkg_search::keyword::MAX_QUERY_CHARS;

/// A cited paragraph and the words of it that back the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// IRI of the paragraph (or sub-paragraph, row, footnote, record).
    pub iri: String,
    /// Symbol of its document (`CBD/COP/DEC/XIII/23`), when it has one.
    pub symbol: Option<String>,
    /// Label of the paragraph as printed (`15(g)`), empty for a whole record.
    pub paragraph: String,
    /// A verbatim stretch of the paragraph's text, in the language the text has in the graph.
    pub quote: String,
}

/// The answer to a question; serialises to
/// `{"answer","language","kind","citations":[{"iri","symbol","paragraph","quote"}],"abstained"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// One to four sentences in the question's language, pointing to citations as `[n]`.
    pub answer: String,
    /// Language of the answer text (`ar`, `en`, `fr`, `es`).
    pub language: String,
    /// What kind of question it was.
    pub kind: Kind,
    /// The cited paragraphs, numbered from 1 in the order the answer points to them.
    pub citations: Vec<Citation>,
    /// The documents do not answer the question: `answer` says so and suggests searches.
    pub abstained: bool,
}

/// An answer with the signals that decided whether to answer (for evaluations).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    /// The answer.
    pub answer: Answer,
    /// The signals of the best hits; `None` when the question named a decision or paragraph
    /// and no search by meaning was needed to decide.
    pub signals: Option<Signals>,
}

/// Answers questions from the search indexes and the graph.
#[derive(Clone)]
pub struct Assistant {
    index: Arc<SearchIndex>,
    graph: GraphStore,
    thresholds: Thresholds,
    sentences: Arc<sentences::SentenceCache>,
}

impl std::fmt::Debug for Assistant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assistant")
            .field("passages", &self.index.len())
            .field("thresholds", &self.thresholds)
            .finish_non_exhaustive()
    }
}

impl Assistant {
    /// An assistant over these indexes (which need the embedding model) and this graph.
    pub fn new(index: Arc<SearchIndex>, graph: GraphStore) -> Self {
        Self { index, graph, thresholds: Thresholds::default(), sentences: Arc::default() }
    }

    /// The same assistant with other abstention thresholds.
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// The abstention thresholds in use.
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    /// The search indexes the answers come from.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Answers a question.
    ///
    /// Errors: [`AskError::EmptyQuestion`], [`AskError::QuestionTooLong`], and the search's
    /// or the graph's failures (a question without words is the search's `EmptyQuery`).
    pub fn ask(&self, question: &str) -> Result<Answer, AskError> {
        Ok(self.explain(question)?.answer)
    }

    /// Answers a question and says why it answered or abstained.
    pub fn explain(&self, question: &str) -> Result<Explained, AskError> {
        pipeline::run(self, question)
    }
}
