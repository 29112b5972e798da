#![doc = include_str!("../README.md")]

mod answers;
pub mod coach;
mod error;
mod gold;
pub mod metrics;
mod report;
mod runner;

pub use answers::{
    ANSWER_KINDS, AnswerGold, AnswerLanguageRow, AnswerQuestion, AnswerResult, AnswerSummary, AnswersReport,
    AskSection, BUNDLED_ANSWERS, Expect, Observed, ObservedCitation, evaluate_answers,
};
pub use coach::{CoachEvalReport, CoachGold, CoachPrediction, GoldDraft, evaluate_coach};
pub use error::{EvalError, FloorError, QuestionProblem};
pub use gold::{BUNDLED_RETRIEVAL, GoldSet, LANGUAGES, Question, QuestionKind};
pub use metrics::{CUTOFF, Judgements};
pub use report::{ALL_LANGUAGES, Metric, ModeResult, QuestionResult, RetrievalReport, SummaryRow, check_floor};
pub use runner::evaluate_retrieval;
