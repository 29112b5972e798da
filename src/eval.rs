//! `cbdkg eval retrieval`: the gold questions through every search mode, scored;
//! `cbdkg eval coach`: the pledge coach on its gold drafts.

use crate::indexes;
use crate::settings::Settings;
use anyhow::Context;
use cbdkg_assistant::coach::{CoachError, Draft, PledgeCoach};
use cbdkg_evals::coach::DraftInput;
use cbdkg_evals::{CoachEvalReport, CoachGold, CoachPrediction, GoldSet, Metric, RetrievalReport, check_floor};
use cbdkg_search::SearchFilter;
use cbdkg_search::hybrid::{Mode, SearchIndex, SearchRequest};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

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
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.to_table())?;
    }
    out.flush()?;
    if let Some(floor) = floor
        && let Err(e) = check_floor(&report, Mode::Hybrid.as_str(), Metric::Recall, floor)
    {
        eprintln!("error: {e}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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

/// Runs the coach's gold drafts through the coach of the data directory (its lexicons; and the
/// GBF target fit when the indexes and the model open) and prints the accuracy table (or JSON).
pub fn run_coach(settings: &Settings, gold: Option<&Path>, json: bool, floor: Option<f64>) -> anyhow::Result<ExitCode> {
    let gold = match gold {
        Some(path) => CoachGold::from_path(path)?,
        None => CoachGold::bundled()?,
    };
    let coach = crate::coach::for_command(settings);
    let report = evaluate_coach(&coach, &gold)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.to_table())?;
    }
    out.flush()?;
    if let Some(floor) = floor
        && let Err(e) = report.check_floor(floor)
    {
        eprintln!("error: {e}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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
