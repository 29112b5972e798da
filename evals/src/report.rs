//! The report of a retrieval eval: means per mode × language, per-question results, a
//! Markdown table for EVALS.md and the terminal, and the floors CI checks.

use crate::error::FloorError;
use crate::gold::{LANGUAGES, QuestionKind};
use crate::metrics::{self, CUTOFF, Judgements};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The `lang` of summary rows over every question.
pub const ALL_LANGUAGES: &str = "all";

/// A metric of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// nDCG@10 with the grade as gain.
    #[serde(rename = "ndcg@10")]
    Ndcg,
    /// Recall@10 over the answers (grade 2).
    #[serde(rename = "recall@10")]
    Recall,
    /// Mean reciprocal rank of the first answer, 0 beyond rank 10.
    #[serde(rename = "mrr@10")]
    Mrr,
}

impl Metric {
    /// The metrics in table order.
    pub const ALL: [Metric; 3] = [Metric::Ndcg, Metric::Recall, Metric::Mrr];

    /// The name in tables and messages: `nDCG@10`, `Recall@10`, `MRR@10`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Ndcg => "nDCG@10",
            Metric::Recall => "Recall@10",
            Metric::Mrr => "MRR@10",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Metric {
    type Err = FloorError;

    /// `ndcg`, `recall`, `mrr`, each optionally with `@10`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase();
        match name.strip_suffix("@10").unwrap_or(&name) {
            "ndcg" => Ok(Metric::Ndcg),
            "recall" => Ok(Metric::Recall),
            "mrr" => Ok(Metric::Mrr),
            _ => Err(FloorError::UnknownMetric { name: s.to_owned() }),
        }
    }
}

/// Means of the metrics for one search mode over one language (or [`ALL_LANGUAGES`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// The search mode (`hybrid`, `bm25`, `vector`).
    pub mode: String,
    /// Language of the questions, or `all`.
    pub lang: String,
    /// Number of questions averaged.
    pub questions: usize,
    /// Mean nDCG@10.
    pub ndcg: f64,
    /// Mean Recall@10 over answers.
    pub recall: f64,
    /// Mean reciprocal rank of the first answer within 10 (MRR@10).
    pub mrr: f64,
}

impl SummaryRow {
    /// The value of one metric.
    pub fn get(&self, metric: Metric) -> f64 {
        match metric {
            Metric::Ndcg => self.ndcg,
            Metric::Recall => self.recall,
            Metric::Mrr => self.mrr,
        }
    }
}

/// How one search mode did on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModeResult {
    /// The search mode.
    pub mode: String,
    /// Rank (from 1) of the first answer anywhere in what the search returned.
    pub first_answer_rank: Option<usize>,
    /// nDCG@10.
    pub ndcg: f64,
    /// Recall@10 over answers.
    pub recall: f64,
    /// 1 / rank of the first answer within 10, else 0.
    pub reciprocal_rank: f64,
    /// The first 10 IRIs returned, for snapshot diffs of rankings.
    pub hits: Vec<String>,
}

impl ModeResult {
    /// Scores one ranking.
    pub fn score(mode: &str, ranking: &[String], judgements: &Judgements<'_>) -> Self {
        Self {
            mode: mode.to_owned(),
            first_answer_rank: metrics::first_answer_rank(ranking, judgements),
            ndcg: metrics::ndcg_at(ranking, judgements, CUTOFF),
            recall: metrics::recall_at(ranking, judgements, CUTOFF),
            reciprocal_rank: metrics::reciprocal_rank_at(ranking, judgements, CUTOFF),
            hits: ranking.iter().take(CUTOFF).cloned().collect(),
        }
    }
}

/// How every search mode did on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// Id of the question.
    pub id: String,
    /// Its language.
    pub lang: String,
    /// Semantic question or exact lookup.
    pub kind: QuestionKind,
    /// One result per mode, in the order the modes were given.
    pub results: Vec<ModeResult>,
}

/// The result of a retrieval eval; serialises to the `--json` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetrievalReport {
    /// Rank cutoff of the metrics (10).
    pub cutoff: usize,
    /// The search modes, in the order given.
    pub modes: Vec<String>,
    /// Per mode: `all`, then each language that has questions (ar, en, es, fr, ru, zh).
    pub summary: Vec<SummaryRow>,
    /// Per question, in gold-set order.
    pub questions: Vec<QuestionResult>,
}

impl RetrievalReport {
    /// Builds the summary from per-question results.
    pub fn new(modes: Vec<String>, questions: Vec<QuestionResult>) -> Self {
        let mut summary = Vec::new();
        for (m, mode) in modes.iter().enumerate() {
            let languages = LANGUAGES.iter().filter(|&&lang| questions.iter().any(|q| q.lang == lang));
            for lang in std::iter::once(&ALL_LANGUAGES).chain(languages) {
                let scores: Vec<&ModeResult> = questions
                    .iter()
                    .filter(|q| *lang == ALL_LANGUAGES || q.lang == *lang)
                    .filter_map(|q| q.results.get(m))
                    .collect();
                summary.push(SummaryRow {
                    mode: mode.clone(),
                    lang: (*lang).to_owned(),
                    questions: scores.len(),
                    ndcg: mean(scores.iter().map(|s| s.ndcg)),
                    recall: mean(scores.iter().map(|s| s.recall)),
                    mrr: mean(scores.iter().map(|s| s.reciprocal_rank)),
                });
            }
        }
        Self { cutoff: CUTOFF, modes, summary, questions }
    }

    /// The summary row of a mode and language (`all` for every question).
    pub fn row(&self, mode: &str, lang: &str) -> Option<&SummaryRow> {
        self.summary.iter().find(|r| r.mode == mode && r.lang == lang)
    }

    /// The summary as a Markdown table, padded to read well in a terminal too.
    pub fn to_table(&self) -> String {
        let mut rows = vec![vec!["mode".to_owned(), "lang".to_owned(), "questions".to_owned()]];
        rows[0].extend(Metric::ALL.iter().map(|m| m.name().to_owned()));
        for row in &self.summary {
            let mut cells = vec![row.mode.clone(), row.lang.clone(), row.questions.to_string()];
            cells.extend(Metric::ALL.iter().map(|&m| format!("{:.3}", row.get(m))));
            rows.push(cells);
        }
        markdown_table(&rows, 2)
    }

    /// Per question, the rank of the first answer in each mode (`-` when none was returned):
    /// the table to read when a mean moves.
    pub fn questions_table(&self) -> String {
        let mut rows = vec![vec!["question".to_owned(), "lang".to_owned(), "kind".to_owned()]];
        rows[0].extend(self.modes.iter().cloned());
        for question in &self.questions {
            let kind = match question.kind {
                QuestionKind::Semantic => "semantic",
                QuestionKind::Exact => "exact",
            };
            let mut cells = vec![question.id.clone(), question.lang.clone(), kind.to_owned()];
            cells.extend(
                question
                    .results
                    .iter()
                    .map(|r| r.first_answer_rank.map_or_else(|| "-".to_owned(), |rank| rank.to_string())),
            );
            rows.push(cells);
        }
        markdown_table(&rows, 3)
    }
}

impl fmt::Display for RetrievalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_table())
    }
}

/// Checks that a mode's mean of `metric` over all questions reaches `floor`, for CI.
pub fn check_floor(report: &RetrievalReport, mode: &str, metric: Metric, floor: f64) -> Result<(), FloorError> {
    if !(0.0..=1.0).contains(&floor) {
        return Err(FloorError::InvalidFloor { floor });
    }
    let row = report
        .row(mode, ALL_LANGUAGES)
        .ok_or_else(|| FloorError::UnknownMode { mode: mode.to_owned(), known: report.modes.join(", ") })?;
    let measured = row.get(metric);
    if measured < floor {
        return Err(FloorError::Below { mode: mode.to_owned(), metric, measured, floor });
    }
    Ok(())
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(sum, n), v| (sum + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// A Markdown table whose first `left` columns are left-aligned and the rest right-aligned.
pub(crate) fn markdown_table(rows: &[Vec<String>], left: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0).max(3))
        .collect();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let pad = |c: usize, s: &str| {
        let fill = " ".repeat(widths[c] - s.chars().count());
        if c < left { format!("{s}{fill}") } else { format!("{fill}{s}") }
    };
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&line(row.iter().enumerate().map(|(c, s)| pad(c, s)).collect()));
        if i == 0 {
            let rule =
                |c: usize| if c < left { "-".repeat(widths[c]) } else { format!("{}:", "-".repeat(widths[c] - 1)) };
            out.push_str(&line((0..columns).map(rule).collect()));
        }
    }
    out
}
