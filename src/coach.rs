//! The pledge coach as the settings configure it (`cbdkg pledge check`, `POST
//! /api/pledges/check`, `cbdkg eval coach`): its lexicons always; with the search indexes,
//! guidance citations and similar pledges; with the model and the graph's GBF targets, the
//! targets a draft fits. What is missing is logged, and the coach says it in each report.

use crate::indexes;
use crate::settings::Settings;
use anyhow::Context;
use cbdkg_assistant::coach::{Draft, GbfTarget, PledgeCoach, TargetMatcher};
use cbdkg_graph::GraphStore;
use cbdkg_search::SearchIndex;
use cbdkg_search::hybrid::IndexPaths;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::Arc;

/// The coach with whatever of `index` and `graph` is there.
pub fn build(settings: &Settings, index: Option<Arc<SearchIndex>>, graph: Option<&GraphStore>) -> PledgeCoach {
    let mut coach = PledgeCoach::new();
    let embedder = index.as_ref().and_then(|i| i.embedder().cloned());
    if let Some(index) = index {
        coach = coach.with_index(index, settings.base_iri.clone());
    }
    let (Some(embedder), Some(graph)) = (embedder, graph) else {
        tracing::warn!(target: "coach", "no GBF target fit: the model or the graph is not available");
        return coach;
    };
    let cache = IndexPaths::new(&settings.data_dir).embedding_cache;
    match GbfTarget::load(graph).and_then(|targets| TargetMatcher::new(targets, embedder, Some(&cache))) {
        Ok(matcher) => coach.with_targets(matcher),
        Err(e) => {
            tracing::warn!(target: "coach", "no GBF target fit: {e}");
            coach
        }
    }
}

/// The coach for one command: the indexes and the graph of the data directory, when they
/// open (a running server holds the indexes: then the coach works without them, and says so).
pub fn for_command(settings: &Settings) -> PledgeCoach {
    let index = match indexes::open(settings) {
        Ok((index, model_problem)) => {
            if let Some(problem) = model_problem {
                eprintln!("note: {problem:#}");
            }
            Some(Arc::new(index))
        }
        Err(e) => {
            eprintln!("note: the pledge coach works without the search indexes: {e:#}");
            None
        }
    };
    let graph = GraphStore::open_read_only(&settings.data_dir).ok();
    build(settings, index, graph.as_ref())
}

/// `cbdkg pledge check FILE|-`: the report as text, or as JSON with `json`.
pub fn run_check(settings: &Settings, input: &str, json: bool) -> anyhow::Result<ExitCode> {
    let text = if input == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("cannot read the draft from stdin")?;
        text
    } else {
        std::fs::read_to_string(input).with_context(|| format!("cannot read the draft {input}"))?
    };
    let draft = Draft::parse(&text).with_context(|| format!("cannot read the draft {input}"))?;
    let coach = for_command(settings);
    let report = coach.check(draft).with_context(|| format!("cannot check the draft {input}"))?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(report.to_text().as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
