//! Errors of the crate: one enum for reading gold sets and running evals, one for CI floors.

use crate::report::Metric;

/// Reading or validating a gold set, or running an evaluation, failed.
///
/// Every message names the file and line, or the question id and search mode, it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The gold-set file could not be read.
    #[error("{file}: cannot read the gold set: {source}")]
    Read {
        /// Path of the file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML, or does not have the gold-set layout.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// Path of the file.
        file: String,
        /// Line of the error, from 1.
        line: usize,
        /// What the TOML parser said.
        message: String,
    },
    /// The base IRI is not an absolute `http(s)` IRI ending with `/`.
    #[error("{origin}: base IRI `{base}` must start with http:// or https:// and end with `/`")]
    BadBase {
        /// `file:line` of the `base` key, or `with_base` when it was given in code.
        origin: String,
        /// The offending base.
        base: String,
    },
    /// The gold set has no question at all.
    #[error("{file}: the gold set has no questions")]
    NoQuestions {
        /// Path of the file.
        file: String,
    },
    /// One question breaks a rule of the schema.
    #[error("{file}:{line}: question `{id}`: {problem}")]
    Question {
        /// Path of the file.
        file: String,
        /// Line of the question's `id`, from 1.
        line: usize,
        /// The question's id.
        id: String,
        /// Which rule it breaks.
        problem: QuestionProblem,
    },
    /// `evaluate_retrieval` was given no search mode.
    #[error("no search mode to evaluate")]
    NoModes,
    /// `evaluate_retrieval` was given the same search mode twice.
    #[error("search mode `{mode}` is listed twice")]
    DuplicateMode {
        /// The repeated mode.
        mode: String,
    },
    /// One draft of the coach gold set breaks a rule of its schema.
    #[error("{file}:{line}: draft `{id}`: {problem}")]
    Draft {
        /// Path of the file.
        file: String,
        /// Line of the draft's `id`, from 1.
        line: usize,
        /// The draft's id.
        id: String,
        /// Which rule it breaks.
        problem: String,
    },
    /// The coach failed on one draft.
    #[error("the coach failed on draft `{draft}`: {source}")]
    Check {
        /// Id of the draft.
        draft: String,
        /// What the coach returned.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The search function failed for one question in one mode.
    #[error("search failed for question `{question}` in mode `{mode}`: {source}")]
    Search {
        /// Id of the question.
        question: String,
        /// The search mode.
        mode: String,
        /// What the search function returned.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The answering function failed for one question.
    #[error("answering question `{question}` failed: {source}")]
    Ask {
        /// Id of the question.
        question: String,
        /// What the answering function returned.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// A rule of the gold-set schema that a question breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuestionProblem {
    /// Ids are used on command lines and in reports: `[a-z0-9-]+`.
    #[error("the id must be lower-case ASCII letters, digits and `-`")]
    BadId,
    /// Another question has the same id.
    #[error("the id is already used at line {first_line}")]
    DuplicateId {
        /// Line of the first question with this id.
        first_line: usize,
    },
    /// The question text is empty or blank.
    #[error("the question text is empty")]
    EmptyText,
    /// The language is not one of the six UN languages.
    #[error("unknown language `{0}` (expected one of ar, en, es, fr, ru, zh)")]
    UnknownLanguage(String),
    /// No IRI with grade 2: nothing answers the question.
    #[error("no answer: list at least one IRI under `answers` (grade 2)")]
    NoAnswer,
    /// An IRI does not start with the gold set's base IRI, or has a blank in it.
    #[error("IRI `{0}` is not a unit IRI under the gold set's base IRI")]
    IriOutsideBase(String),
    /// An answerable question of the answer gold set lists no supporting paragraph.
    #[error("no support: list at least one IRI under `supports`")]
    NoSupport,
    /// A question the corpus cannot answer lists supporting paragraphs.
    #[error("a question the corpus cannot answer lists no `supports`")]
    SupportsOnAbstention,
    /// An injection question without the payload to look for.
    #[error("an injection question needs its `payloads`")]
    NoPayload,
    /// An expected kind the assistant does not have.
    #[error("unknown kind `{0}` (expected guidance, fact, lookup or list)")]
    UnknownKind(String),
    /// An IRI is listed twice (in `answers`, `related` or both).
    #[error("IRI `{0}` is listed more than once")]
    RepeatedIri(String),
}

/// A CI floor was not met, or could not be checked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FloorError {
    /// The measured value is below the floor.
    #[error("{metric} of mode `{mode}` over all questions is {measured:.4}, below the floor {floor:.4}")]
    Below {
        /// The search mode.
        mode: String,
        /// The metric.
        metric: Metric,
        /// Its mean over all questions.
        measured: f64,
        /// The floor it had to reach.
        floor: f64,
    },
    /// An accuracy is below its floor.
    #[error("{what} is {measured:.4}, below the floor {floor:.4}")]
    AccuracyBelow {
        /// What was measured.
        what: String,
        /// The accuracy.
        measured: f64,
        /// The floor it had to reach.
        floor: f64,
    },
    /// The report has no results for this mode.
    #[error("mode `{mode}` is not in the report (it has: {known})")]
    UnknownMode {
        /// The mode asked for.
        mode: String,
        /// The modes the report has, comma-separated.
        known: String,
    },
    /// The floor is not a number in [0, 1].
    #[error("floor {floor} is not a number between 0 and 1")]
    InvalidFloor {
        /// The floor given.
        floor: f64,
    },
    /// A metric name that [`Metric`]'s `FromStr` does not know.
    #[error("unknown metric `{name}` (expected ndcg@10, recall@10 or mrr@10)")]
    UnknownMetric {
        /// The name given.
        name: String,
    },
}
