//! Running a gold set against search functions supplied by the caller.

use crate::error::EvalError;
use crate::gold::{GoldSet, Question};
use crate::report::{ModeResult, QuestionResult, RetrievalReport};
use std::collections::HashSet;

/// Runs every question of `gold` through `search` in every mode and scores the rankings.
///
/// `search(question, mode)` returns unit IRIs, best first; it should return at least
/// [`CUTOFF`](crate::CUTOFF) of them when it can (the first answer's rank is reported beyond
/// the cutoff too, for debugging). The caller decides what a mode is (`hybrid`, `bm25`,
/// `vector`), so this crate needs no search engine. The first failing search stops the run
/// with an error naming the question and mode.
pub fn evaluate_retrieval<E>(
    gold: &GoldSet,
    modes: &[&str],
    mut search: impl FnMut(&Question, &str) -> Result<Vec<String>, E>,
) -> Result<RetrievalReport, EvalError>
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if modes.is_empty() {
        return Err(EvalError::NoModes);
    }
    let mut seen = HashSet::new();
    if let Some(mode) = modes.iter().find(|&&mode| !seen.insert(mode)) {
        return Err(EvalError::DuplicateMode { mode: (*mode).to_owned() });
    }
    let mut questions = Vec::with_capacity(gold.questions().len());
    for question in gold.questions() {
        let judgements = question.judgements();
        let mut results = Vec::with_capacity(modes.len());
        for &mode in modes {
            let ranking = search(question, mode).map_err(|e| EvalError::Search {
                question: question.id.clone(),
                mode: mode.to_owned(),
                source: e.into(),
            })?;
            results.push(ModeResult::score(mode, &ranking, &judgements));
        }
        questions.push(QuestionResult {
            id: question.id.clone(),
            lang: question.lang.clone(),
            kind: question.kind,
            results,
        });
    }
    Ok(RetrievalReport::new(modes.iter().map(|&m| m.to_owned()).collect(), questions))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Metric, check_floor};
    use std::convert::Infallible;

    const B: &str = "https://cbdkg.example/id/";

    /// Three questions: two Arabic, one English; answers `a1`, `a2`, `a3`, a related `r1`.
    fn gold() -> GoldSet {
        let toml = format!(
            r#"base = "{B}"
[[question]]
id = "ar-one"
lang = "ar"
text = "س١"
answers = ["{B}a1"]
related = ["{B}r1"]
[[question]]
id = "ar-two"
lang = "ar"
text = "س٢"
kind = "exact"
answers = ["{B}a2"]
[[question]]
id = "en-three"
lang = "en"
text = "q3"
answers = ["{B}a3"]
"#
        );
        GoldSet::from_toml(&toml, "test.toml").unwrap()
    }

    fn iris(paths: &[&str]) -> Vec<String> {
        paths.iter().map(|p| format!("{B}{p}")).collect()
    }

    /// `good` ranks every answer first; `bad` finds only the Arabic exact lookup, at rank 2.
    fn run() -> RetrievalReport {
        evaluate_retrieval(&gold(), &["good", "bad"], |q, mode| {
            let answer = q.answers[0].trim_start_matches(B);
            Ok::<_, Infallible>(match (mode, q.id.as_str()) {
                ("good", _) => iris(&[answer, "x"]),
                (_, "ar-two") => iris(&["x", answer]),
                _ => iris(&["x", "y"]),
            })
        })
        .unwrap()
    }

    fn check_row(report: &RetrievalReport, mode: &str, lang: &str, expected: (usize, f64, f64, f64)) {
        let row = report.row(mode, lang).unwrap_or_else(|| panic!("no row {mode}/{lang}"));
        let got = (row.questions, row.ndcg, row.recall, row.mrr);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(
            got.0 == expected.0 && close(got.1, expected.1) && close(got.2, expected.2) && close(got.3, expected.3),
            "{mode}/{lang}: got {got:?}, expected {expected:?}"
        );
    }

    #[test]
    fn means_per_mode_and_language() {
        let report = run();
        let order: Vec<(&str, &str)> = report.summary.iter().map(|r| (r.mode.as_str(), r.lang.as_str())).collect();
        assert_eq!(
            order,
            [("good", "all"), ("good", "ar"), ("good", "en"), ("bad", "all"), ("bad", "ar"), ("bad", "en")]
        );
        // ar-one: the answer first, the related unit not returned: 2 / (2 + 1/log2(3)).
        let ar_one = 2.0 / (2.0 + 1.0 / 3f64.log2());
        check_row(&report, "good", "all", (3, (ar_one + 2.0) / 3.0, 1.0, 1.0));
        check_row(&report, "good", "ar", (2, (ar_one + 1.0) / 2.0, 1.0, 1.0));
        check_row(&report, "good", "en", (1, 1.0, 1.0, 1.0));
        // ar-two at rank 2: nDCG 1/log2(3), RR 0.5.
        check_row(&report, "bad", "all", (3, 1.0 / 3f64.log2() / 3.0, 1.0 / 3.0, 0.5 / 3.0));
        check_row(&report, "bad", "ar", (2, 1.0 / 3f64.log2() / 2.0, 0.5, 0.25));
        check_row(&report, "bad", "en", (1, 0.0, 0.0, 0.0));
    }

    #[test]
    fn per_question_results_keep_ranks_and_hits() {
        let report = run();
        let ar_two = report.questions.iter().find(|q| q.id == "ar-two").unwrap();
        let ranks: Vec<(&str, Option<usize>)> =
            ar_two.results.iter().map(|r| (r.mode.as_str(), r.first_answer_rank)).collect();
        assert_eq!(ranks, [("good", Some(1)), ("bad", Some(2))]);
        assert_eq!(ar_two.results[1].hits, iris(&["x", "a2"]));
        assert_eq!(
            report.questions_table(),
            "\
| question | lang | kind     | good | bad |
| -------- | ---- | -------- | ---: | --: |
| ar-one   | ar   | semantic |    1 |   - |
| ar-two   | ar   | exact    |    1 |   2 |
| en-three | en   | semantic |    1 |   - |
"
        );
    }

    #[test]
    fn the_summary_table_is_markdown() {
        assert_eq!(
            run().to_table(),
            "\
| mode | lang | questions | nDCG@10 | Recall@10 | MRR@10 |
| ---- | ---- | --------: | ------: | --------: | -----: |
| good | all  |         3 |   0.920 |     1.000 |  1.000 |
| good | ar   |         2 |   0.880 |     1.000 |  1.000 |
| good | en   |         1 |   1.000 |     1.000 |  1.000 |
| bad  | all  |         3 |   0.210 |     0.333 |  0.167 |
| bad  | ar   |         2 |   0.315 |     0.500 |  0.250 |
| bad  | en   |         1 |   0.000 |     0.000 |  0.000 |
"
        );
    }

    #[test]
    fn the_report_round_trips_through_json() {
        let report = run();
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains(r#""kind":"exact""#) && json.contains(r#""first_answer_rank":null"#), "{json}");
        assert_eq!(serde_json::from_str::<RetrievalReport>(&json).unwrap(), report);
    }

    #[test]
    fn floors() {
        let report = run();
        let check = |mode: &str, metric: &str, floor: f64| -> String {
            let metric: Metric = match metric.parse() {
                Ok(m) => m,
                Err(e) => return format!("{e}"),
            };
            match check_floor(&report, mode, metric, floor) {
                Ok(()) => "ok".to_owned(),
                Err(e) => e.to_string(),
            }
        };
        assert_eq!(check("good", "ndcg@10", 0.9), "ok");
        assert_eq!(check("good", "MRR", 1.0), "ok");
        assert_eq!(
            check("bad", "recall", 0.5),
            "Recall@10 of mode `bad` over all questions is 0.3333, below the floor 0.5000"
        );
        assert_eq!(check("hybrid", "mrr", 0.5), "mode `hybrid` is not in the report (it has: good, bad)");
        assert_eq!(check("good", "mrr", 1.5), "floor 1.5 is not a number between 0 and 1");
        assert_eq!(check("good", "mrr", f64::NAN), "floor NaN is not a number between 0 and 1");
        assert_eq!(check("good", "map", 0.5), "unknown metric `map` (expected ndcg@10, recall@10 or mrr@10)");
    }

    #[test]
    fn errors_name_the_question_and_mode() {
        let failing = evaluate_retrieval(&gold(), &["hybrid"], |q, _| {
            if q.id == "ar-two" { Err("index not built") } else { Ok(Vec::new()) }
        });
        assert_eq!(
            failing.unwrap_err().to_string(),
            "search failed for question `ar-two` in mode `hybrid`: index not built"
        );
        let none = evaluate_retrieval(&gold(), &[], |_, _| Ok::<_, Infallible>(Vec::new()));
        assert_eq!(none.unwrap_err().to_string(), "no search mode to evaluate");
        let twice = evaluate_retrieval(&gold(), &["bm25", "vector", "bm25"], |_, _| Ok::<_, Infallible>(Vec::new()));
        assert_eq!(twice.unwrap_err().to_string(), "search mode `bm25` is listed twice");
    }
}
