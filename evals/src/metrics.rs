//! Ranking metrics over graded relevance judgements.
//!
//! A ranking is the list of unit IRIs a search returned, best first. Judgements give each
//! judged IRI a grade: [`ANSWER`] (2) answers the question, [`RELATED`] (1) answers part of it
//! or is closely related; an unjudged IRI has grade 0. Definitions (see the README):
//!
//! - **nDCG@k**: DCG = Σ gain(i) / log2(i + 1) over ranks i = 1..k, with the grade as gain
//!   (linear, as trec_eval and BEIR); divided by the DCG of the ideal ranking, which is every
//!   judged IRI sorted by grade and cut at k.
//! - **Recall@k**: the share of the answers (grade 2) among the first k results. Grade-1 IRIs
//!   do not count: they are optional, so a recall over them would depend on how many a writer
//!   happened to list.
//! - **Reciprocal rank@k**: 1 / rank of the first answer (grade 2) if it is within the first k
//!   results, else 0. Its mean over questions is MRR@k.
//!
//! A result that repeats an IRI already ranked keeps its slot but gains nothing: a searcher
//! cannot score twice with one paragraph, and a wasted slot costs what it costs a reader.

use std::collections::{HashMap, HashSet};

/// Rank cutoff of every metric in reports: one page of results.
pub const CUTOFF: usize = 10;

/// Grade of an IRI that answers the question.
pub const ANSWER: u8 = 2;

/// Grade of an IRI that answers part of the question or is closely related to it.
pub const RELATED: u8 = 1;

/// The graded judgements of one question: IRI → grade.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judgements<'a> {
    grades: HashMap<&'a str, u8>,
}

impl<'a> Judgements<'a> {
    /// Judgements from `(iri, grade)` pairs; an IRI given twice keeps its higher grade.
    pub fn new(pairs: impl IntoIterator<Item = (&'a str, u8)>) -> Self {
        let mut grades = HashMap::new();
        for (iri, grade) in pairs {
            let entry = grades.entry(iri).or_insert(grade);
            *entry = (*entry).max(grade);
        }
        Self { grades }
    }

    /// Grade of an IRI: 0 when it is not judged.
    pub fn grade(&self, iri: &str) -> u8 {
        self.grades.get(iri).copied().unwrap_or(0)
    }

    /// Number of IRIs that answer the question (grade 2).
    pub fn answers(&self) -> usize {
        self.grades.values().filter(|&&g| g >= ANSWER).count()
    }

    /// Grades of the ideal ranking: every judged IRI, best grade first.
    fn ideal_gains(&self) -> Vec<u8> {
        let mut gains: Vec<u8> = self.grades.values().copied().filter(|&g| g > 0).collect();
        gains.sort_unstable_by(|a, b| b.cmp(a));
        gains
    }
}

/// Grades of the first `k` results, 0 for a repeat of an IRI ranked above it.
fn gains<S: AsRef<str>>(ranking: &[S], judgements: &Judgements<'_>, k: usize) -> Vec<u8> {
    let mut seen = HashSet::new();
    ranking
        .iter()
        .take(k)
        .map(|iri| {
            let iri = iri.as_ref();
            if seen.insert(iri) { judgements.grade(iri) } else { 0 }
        })
        .collect()
}

fn dcg(gains: &[u8]) -> f64 {
    gains.iter().enumerate().map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2()).sum()
}

/// nDCG@k of a ranking: 0 when nothing is judged relevant.
pub fn ndcg_at<S: AsRef<str>>(ranking: &[S], judgements: &Judgements<'_>, k: usize) -> f64 {
    let mut ideal = judgements.ideal_gains();
    ideal.truncate(k);
    let ideal = dcg(&ideal);
    if ideal == 0.0 { 0.0 } else { dcg(&gains(ranking, judgements, k)) / ideal }
}

/// Recall@k over the answers (grade 2): 0 when there is no answer to find.
pub fn recall_at<S: AsRef<str>>(ranking: &[S], judgements: &Judgements<'_>, k: usize) -> f64 {
    let answers = judgements.answers();
    if answers == 0 {
        return 0.0;
    }
    let found = gains(ranking, judgements, k).into_iter().filter(|&g| g >= ANSWER).count();
    found as f64 / answers as f64
}

/// 1 / rank of the first answer (grade 2) within the first `k` results, else 0.
pub fn reciprocal_rank_at<S: AsRef<str>>(ranking: &[S], judgements: &Judgements<'_>, k: usize) -> f64 {
    match first_answer_rank(ranking, judgements) {
        Some(rank) if rank <= k => 1.0 / rank as f64,
        _ => 0.0,
    }
}

/// Rank (from 1) of the first answer (grade 2) anywhere in the ranking: for debugging, so a
/// question whose answer sits at rank 14 is told apart from one whose answer is not found.
pub fn first_answer_rank<S: AsRef<str>>(ranking: &[S], judgements: &Judgements<'_>) -> Option<usize> {
    ranking.iter().position(|iri| judgements.grade(iri.as_ref()) >= ANSWER).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(nDCG@10, Recall@10, RR@10, first answer rank)` of `ranking` against `judged`.
    fn check(ranking: &[&str], judged: &[(&str, u8)], expected: (f64, f64, f64, Option<usize>)) {
        let judgements = Judgements::new(judged.iter().copied());
        let got = (
            ndcg_at(ranking, &judgements, CUTOFF),
            recall_at(ranking, &judgements, CUTOFF),
            reciprocal_rank_at(ranking, &judgements, CUTOFF),
            first_answer_rank(ranking, &judgements),
        );
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(
            close(got.0, expected.0) && close(got.1, expected.1) && close(got.2, expected.2) && got.3 == expected.3,
            "ranking {ranking:?} judged {judged:?}: got {got:?}, expected {expected:?}"
        );
    }

    // log2(3) = 1.584962500721156, log2(5) = 2.321928094887362.
    const LOG2_3: f64 = 1.584_962_500_721_156;

    #[test]
    fn no_hits() {
        check(&[], &[("a", 2)], (0.0, 0.0, 0.0, None));
        check(&["x", "y"], &[("a", 2), ("r", 1)], (0.0, 0.0, 0.0, None));
    }

    #[test]
    fn answer_first_or_second() {
        check(&["a"], &[("a", 2)], (1.0, 1.0, 1.0, Some(1)));
        // DCG 2/log2(3), ideal 2.
        check(&["x", "a"], &[("a", 2)], (1.0 / LOG2_3, 1.0, 0.5, Some(2)));
    }

    #[test]
    fn graded_gains() {
        // A related unit above the answer: DCG 1 + 2/log2(3), ideal 2 + 1/log2(3).
        check(&["r", "a"], &[("a", 2), ("r", 1)], ((1.0 + 2.0 / LOG2_3) / (2.0 + 1.0 / LOG2_3), 1.0, 0.5, Some(2)));
        // Only the related unit: DCG 1, recall and RR count answers only.
        check(&["r"], &[("a", 2), ("r", 1)], (1.0 / (2.0 + 1.0 / LOG2_3), 0.0, 0.0, None));
        // The ideal order scores 1.
        check(&["a", "r"], &[("a", 2), ("r", 1)], (1.0, 1.0, 1.0, Some(1)));
    }

    #[test]
    fn one_answer_of_two() {
        // DCG 2, ideal 2 + 2/log2(3).
        check(&["b"], &[("a", 2), ("b", 2)], (2.0 / (2.0 + 2.0 / LOG2_3), 0.5, 1.0, Some(1)));
    }

    #[test]
    fn duplicates_keep_their_slot_and_gain_nothing() {
        // Gains 2, 0, 2: DCG 2 + 2/log2(4) = 3, ideal 2 + 2/log2(3).
        check(&["a", "a", "b"], &[("a", 2), ("b", 2)], (3.0 / (2.0 + 2.0 / LOG2_3), 1.0, 1.0, Some(1)));
        // A duplicate does not count twice for recall.
        check(&["a", "a"], &[("a", 2), ("b", 2)], (2.0 / (2.0 + 2.0 / LOG2_3), 0.5, 1.0, Some(1)));
    }

    #[test]
    fn all_relevant() {
        check(&["a", "b", "c"], &[("a", 2), ("b", 2), ("c", 2)], (1.0, 1.0, 1.0, Some(1)));
    }

    #[test]
    fn cutoff_at_ten() {
        let mut ranking = vec!["x"; 10];
        ranking.push("a");
        // The answer at rank 11 is reported for debugging but scores nothing.
        check(&ranking, &[("a", 2)], (0.0, 0.0, 0.0, Some(11)));
        // More answers than the cutoff: the ideal ranking is cut at 10 too.
        let many: Vec<String> = (0..12).map(|i| format!("a{i}")).collect();
        let ranking: Vec<&str> = many.iter().map(String::as_str).collect();
        let judged: Vec<(&str, u8)> = ranking.iter().map(|&iri| (iri, 2)).collect();
        check(&ranking, &judged, (1.0, 10.0 / 12.0, 1.0, Some(1)));
    }

    #[test]
    fn a_repeated_judgement_keeps_the_higher_grade() {
        let judgements = Judgements::new([("a", 1), ("a", 2), ("b", 1)]);
        assert_eq!((judgements.grade("a"), judgements.grade("b"), judgements.grade("c")), (2, 1, 0));
        assert_eq!(judgements.answers(), 1);
    }

    #[test]
    fn nothing_judged_scores_zero() {
        check(&["a"], &[], (0.0, 0.0, 0.0, None));
        let judgements = Judgements::new([("a", 2)]);
        assert_eq!(ndcg_at(&["a"], &judgements, 0), 0.0);
    }
}
