//! `cbdkg eval retrieval`: the gold questions through every search mode, scored;
//! `cbdkg eval answers`: the answer gold set through the assistant, scored;
//! `cbdkg eval coach`: the pledge coach on its gold drafts.

use crate::indexes;
use crate::settings::Settings;
use anyhow::Context;
use cbdkg_assistant::ask::{Explained, Signals};
use cbdkg_assistant::coach::{CoachError, Draft, PledgeCoach};
use cbdkg_assistant::{AskError, Assistant};
use cbdkg_evals::coach::DraftInput;
use cbdkg_evals::{
    AnswerGold, AnswerQuestion, AnswersReport, CoachEvalReport, CoachGold, CoachPrediction, Expect, FloorError,
    GoldSet, Metric, Observed, ObservedCitation, RetrievalReport, check_floor,
};
use cbdkg_graph::GraphStore;
use cbdkg_search::SearchFilter;
use cbdkg_search::hybrid::{Mode, SearchIndex, SearchRequest};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Hits asked for per question: more than the cutoff of 10, so the report can say where the
/// first answer is when it is not in the top 10.
const DEPTH: usize = 50;

/// Runs the gold set against the indexes of the data directory and prints the table (or JSON).
pub fn run_retrieval(
    settings: &Settings,
    gold: Option<&Path>,
    json: bool,
    floor: Option<f64>,
) -> anyhow::Result<ExitCode> {
    let gold = match gold {
        Some(path) => GoldSet::from_path(path)?,
        None => GoldSet::bundled()?,
    };
    let gold = gold.with_base(&settings.base_iri)?;
    let (index, model_problem) = indexes::open(settings)?;
    if let Some(problem) = model_problem {
        return Err(problem.context("the retrieval eval needs the embedding model"));
    }
    let report = evaluate(&index, &gold)?;
    print_report(&report, json, || report.to_table())?;
    Ok(floor_exit(floor.map(|floor| check_floor(&report, Mode::Hybrid.as_str(), Metric::Recall, floor))))
}

/// Prints `report` on stdout: as JSON with `json`, else as its `table`.
fn print_report<R: serde::Serialize>(report: &R, json: bool, table: impl FnOnce() -> String) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", table())?;
    }
    out.flush()?;
    Ok(())
}

/// The exit code of an eval with a floor: failure, with the reason on stderr, when the floor
/// check failed.
fn floor_exit(check: Option<Result<(), FloorError>>) -> ExitCode {
    match check {
        Some(Err(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
        Some(Ok(())) | None => ExitCode::SUCCESS,
    }
}

/// Scores every mode on the gold set.
pub fn evaluate(index: &SearchIndex, gold: &GoldSet) -> anyhow::Result<RetrievalReport> {
    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
    cbdkg_evals::evaluate_retrieval(gold, &modes, |question, mode| {
        let request = SearchRequest {
            query: question.text.clone(),
            k: DEPTH,
            mode: Mode::parse(mode).unwrap_or(Mode::Hybrid),
            filter: SearchFilter::default(),
        };
        index.search(&request).map(|response| response.hits.into_iter().map(|hit| hit.iri).collect())
    })
    .context("the retrieval eval failed")
}

/// The assistant over the indexes and graph of the data directory (the graph read-only).
pub fn open_assistant(settings: &Settings) -> anyhow::Result<Assistant> {
    let (index, graph) = open_for_answers(settings)?;
    Ok(Assistant::new(index, graph))
}

/// The search indexes (with their model, which answers need) and the graph, read-only.
fn open_for_answers(settings: &Settings) -> anyhow::Result<(Arc<SearchIndex>, GraphStore)> {
    let (index, model_problem) = indexes::open(settings)?;
    if let Some(problem) = model_problem {
        return Err(problem.context("answers need the embedding model"));
    }
    Ok((Arc::new(index), GraphStore::open_read_only(&settings.data_dir)?))
}

/// Runs the answer gold set through the assistant of the data directory and prints the report.
pub fn run_answers(settings: &Settings, gold: Option<&Path>, json: bool, questions: bool) -> anyhow::Result<ExitCode> {
    let gold = match gold {
        Some(path) => AnswerGold::from_path(path)?,
        None => AnswerGold::bundled()?,
    };
    let gold = gold.with_base(&settings.base_iri)?;
    let (index, graph) = open_for_answers(settings)?;
    let coach = crate::coach::build(settings, Some(index.clone()), Some(&graph));
    let assistant = Assistant::new(index, graph);
    let report = evaluate_answers(&assistant, &gold, &coach)?;
    print_report(&report, json, || {
        let mut table = report.to_table();
        if questions {
            table = format!("{table}\n{}", report.ask.questions_table());
        }
        table
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Scores the assistant on an answer gold set, and `coach` on the bundled gold drafts.
/// Injection questions run only when the injected fixtures (the paragraphs they name) are in
/// the index.
pub fn evaluate_answers(
    assistant: &Assistant,
    gold: &AnswerGold,
    coach: &PledgeCoach,
) -> anyhow::Result<AnswersReport> {
    let index = assistant.index();
    let injected = gold
        .questions()
        .iter()
        .filter(|q| q.expect == Expect::Injection)
        .flat_map(|q| &q.supports)
        .any(|iri| index.passage(iri).is_some());
    let ask =
        |question: &AnswerQuestion| -> Result<Observed, AskError> { Ok(observed(assistant.explain(&question.text)?)) };
    let texts = |iri: &str| {
        index
            .passage(iri)
            .map(|p| std::iter::once(&p.text).chain(p.translations.iter().map(|t| &t.text)).cloned().collect())
    };
    let ask = cbdkg_evals::evaluate_answers(gold, injected, ask, texts).context("the answer eval failed")?;
    let coach = evaluate_coach(coach, &CoachGold::bundled()?)?;
    Ok(AnswersReport { ask, coach })
}

fn observed(explained: Explained) -> Observed {
    let answer = explained.answer;
    let mut signals = BTreeMap::new();
    if let Some(Signals {
        top_similarity,
        same_language,
        coverage,
        exact_lookup,
        sentence_similarity,
        named_document,
        domain_margin,
    }) = explained.signals
    {
        signals.insert("domain_margin".to_owned(), f64::from(domain_margin));
        signals.insert("sentence_similarity".to_owned(), f64::from(sentence_similarity));
        signals.insert("named_document".to_owned(), f64::from(u8::from(named_document)));
        signals.insert("top_similarity".to_owned(), f64::from(top_similarity));
        signals.insert("same_language".to_owned(), f64::from(u8::from(same_language)));
        signals.insert("coverage".to_owned(), f64::from(coverage));
        signals.insert("exact_lookup".to_owned(), f64::from(u8::from(exact_lookup)));
    }
    Observed {
        answer: answer.answer,
        language: answer.language,
        kind: answer.kind.as_str().to_owned(),
        abstained: answer.abstained,
        citations: answer.citations.into_iter().map(|c| ObservedCitation { iri: c.iri, quote: c.quote }).collect(),
        signals,
    }
}
/// Runs the coach's gold drafts through the coach of the data directory (its lexicons; and the
/// GBF target fit when the indexes and the model open) and prints the accuracy table (or JSON).
pub fn run_coach(settings: &Settings, gold: Option<&Path>, json: bool, floor: Option<f64>) -> anyhow::Result<ExitCode> {
    let gold = match gold {
        Some(path) => CoachGold::from_path(path)?,
        None => CoachGold::bundled()?,
    };
    let coach = crate::coach::for_command(settings);
    let report = evaluate_coach(&coach, &gold)?;
    print_report(&report, json, || report.to_table())?;
    Ok(floor_exit(floor.map(|floor| report.check_floor(floor))))
}

/// Scores `coach` on the gold drafts: the elements it finds present, and the targets it fits.
pub fn evaluate_coach(coach: &PledgeCoach, gold: &CoachGold) -> anyhow::Result<CoachEvalReport> {
    cbdkg_evals::evaluate_coach(gold, |draft| {
        let input = match &draft.input {
            DraftInput::Text(text) => Draft::Text(text.clone()),
            DraftInput::Pledge(json) => Draft::parse(json)?,
        };
        let report = coach.check(input)?;
        let present = report.elements.iter().filter(|e| e.present).map(|e| e.element.to_string()).collect();
        let targets = report.targets.iter().map(|t| t.number).collect();
        Ok::<_, CoachError>(CoachPrediction { present, targets })
    })
    .context("the coach eval failed")
}
