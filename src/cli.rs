//! The command line: `cbdkg ingest`, `cbdkg reindex`, `cbdkg search`, `cbdkg ask`,
//! `cbdkg pledge check`, `cbdkg sparql`, `cbdkg eval`, `cbdkg serve`.

use crate::indexes::{self, Reindexed};
use crate::ingest;
use crate::settings::{CliOverrides, Settings, SettingsSources};
use anyhow::Context;
use cbdkg_graph::{GraphStore, QueryAnswer, QueryOptions, QueryResultsFormat, RdfFormat};
use cbdkg_ingest::BaseIri;
use cbdkg_search::SearchFilter;
use cbdkg_search::hybrid::{Mode, SearchRequest};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Knowledge graph of Convention on Biological Diversity documents.
#[derive(Debug, Parser)]
#[command(name = "cbdkg", version, about)]
pub struct Cli {
    /// Data directory: graph store and indexes [default: ./var].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Settings file [default: ./cbdkg.toml if present]. Environment variables
    /// CBDKG__SECTION__KEY (e.g. CBDKG__SPARQL__TIMEOUT_MS) override it; flags override both.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load source documents into the graph store, one named graph each, with the vocabularies.
    ///
    /// PATHs are files or directories (searched recursively for *.txt and *.md, skipping
    /// *.meta.toml sidecars, hidden entries and README files). Without PATH only the
    /// vocabularies are loaded. Unchanged files are skipped; a file that fails writes nothing
    /// and the others are still loaded; the exit code is 1 if any failed.
    Ingest {
        /// Source files or directories.
        paths: Vec<PathBuf>,
        /// Print the summary as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the search indexes (keyword, vectors) from the graph.
    ///
    /// Embeddings come from the cache in the data directory when the text and the model are
    /// unchanged; nothing is rewritten when no passage changed.
    Reindex {
        /// Print the report as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Search paragraphs: keyword (BM25), vector (multilingual-e5) or both fused.
    Search {
        /// The query, in any language; a decision symbol (`XIII/23`, `23/13`, `CP-11/4`) or
        /// `decision XIII/23 paragraph 15(g)` finds that decision or paragraph first.
        query: String,
        /// How many hits.
        #[arg(long, default_value_t = 10)]
        k: usize,
        /// Which retrievers answer.
        #[arg(long, value_enum, default_value_t = SearchModeArg::Hybrid)]
        mode: SearchModeArg,
        /// Only these document types (`decision`, `note`, `discussion-guide`); repeatable.
        #[arg(long = "type", value_name = "TYPE")]
        doc_types: Vec<String>,
        /// Only these bodies (`COP`, `CP-MOP`, `SBI`); repeatable.
        #[arg(long = "body")]
        bodies: Vec<String>,
        /// Only these meetings (`COP-13`, `SBI-4`); repeatable.
        #[arg(long = "meeting")]
        meetings: Vec<String>,
        /// Only records of these kinds (`lmo`, `riskAssessment`, `business`); repeatable.
        #[arg(long = "record-type")]
        record_types: Vec<String>,
        /// Only these languages (`ar`, `en`); repeatable.
        #[arg(long = "lang")]
        langs: Vec<String>,
        /// Only documents issued in or after this year.
        #[arg(long)]
        year_from: Option<i32>,
        /// Only documents issued in or before this year.
        #[arg(long)]
        year_to: Option<i32>,
        /// Print `{"hits":[…],"facets":{…}}` on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Answer a question from the documents, citing the paragraphs it comes from.
    ///
    /// The answer is one to four sentences in the question's language (Arabic, English, French
    /// or Spanish), each pointing to numbered citations with verbatim quotes; when the
    /// documents do not answer, it says so and suggests searches.
    Ask {
        /// The question, in any of those languages; `XIII/23 paragraph 15(g)` or `المقرر 23/13`
        /// looks up that paragraph or decision.
        question: String,
        /// Print `{"answer","language","kind","citations":[…],"abstained"}` on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Check a draft pledge: which elements of a measurable pledge it states, how to add the
    /// others, the GBF targets it fits and similar example pledges.
    Pledge {
        /// What to do with the pledge.
        #[command(subcommand)]
        what: PledgeCommand,
    },
    /// Score retrieval on the gold set (nDCG@10, Recall@10 and MRR per mode and language), the
    /// answers on theirs, or the pledge coach on its gold drafts.
    Eval {
        /// What to evaluate.
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Run a SPARQL query on the store (read-only; works while a server runs).
    Sparql {
        /// The query, `-` to read it from stdin, or `@FILE` to read it from a file.
        query: String,
        /// Output of SELECT/ASK; CONSTRUCT/DESCRIBE print Turtle (JSON-LD with json).
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// Same as `--format json`.
        #[arg(long, conflicts_with = "format")]
        json: bool,
    },
    /// Serve the SPARQL endpoint and the HTTP API.
    Serve {
        /// Address to listen on [default: 127.0.0.1:7878]; port 0 picks a free port.
        #[arg(long)]
        addr: Option<SocketAddr>,
    },
}

/// What `cbdkg eval` scores.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Answers against the answer gold set (default: evals/gold/answers.toml): citation
    /// precision, answer support, abstention, injection resistance.
    ///
    /// Injection questions run when the injected fixtures are ingested too:
    /// `cbdkg ingest data/corpus data/examples evals/fixtures/injected`.
    Answers {
        /// The gold set.
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// Print the report as JSON (with every question's answer and signals).
        #[arg(long)]
        json: bool,
        /// Also print a line per question: expected, kind, abstained, supported, problems.
        #[arg(long)]
        questions: bool,
    },
    /// Retrieval against the gold questions (default: evals/gold/retrieval.toml).
    Retrieval {
        /// The gold set.
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Fail (exit code 1) when hybrid Recall@10 is below this.
        #[arg(long, value_name = "RECALL")]
        floor: Option<f64>,
    },
    /// The pledge coach against its gold drafts (default: evals/gold/pledges.toml): accuracy
    /// per element, and how often an expected GBF target is among the three best fits.
    Coach {
        /// The gold set.
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Fail (exit code 1) when the accuracy over all elements is below this.
        #[arg(long, value_name = "ACCURACY")]
        floor: Option<f64>,
    },
}

/// What `cbdkg pledge` does.
#[derive(Debug, Subcommand)]
pub enum PledgeCommand {
    /// Check a draft: free text, or pledge JSON as in data/examples/pledges/pledges.json.
    Check {
        /// The file with the draft, or `-` to read it from stdin.
        file: String,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `--mode` of `cbdkg search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchModeArg {
    /// Keyword and vector rankings fused.
    Hybrid,
    /// Keyword (BM25) only.
    Bm25,
    /// Vector similarity only.
    Vector,
}

impl From<SearchModeArg> for Mode {
    fn from(mode: SearchModeArg) -> Self {
        match mode {
            SearchModeArg::Hybrid => Mode::Hybrid,
            SearchModeArg::Bm25 => Mode::Bm25,
            SearchModeArg::Vector => Mode::Vector,
        }
    }
}

/// Output formats of `cbdkg sparql`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned text, for people.
    Table,
    /// SPARQL results JSON (JSON-LD for graphs).
    Json,
    /// SPARQL results CSV.
    Csv,
    /// SPARQL results TSV.
    Tsv,
}

impl Cli {
    /// Loads and validates the settings for this invocation.
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let addr = match &self.command {
            Command::Serve { addr } => *addr,
            Command::Ingest { .. }
            | Command::Sparql { .. }
            | Command::Reindex { .. }
            | Command::Search { .. }
            | Command::Ask { .. }
            | Command::Pledge { .. }
            | Command::Eval { .. } => None,
        };
        let overrides = CliOverrides { data_dir: self.data_dir.clone(), addr };
        let sources = SettingsSources::from_process(self.config.clone(), overrides);
        Settings::load(&sources).context("invalid settings")
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = cli.settings()?;
    match cli.command {
        Command::Ingest { paths, json } => run_ingest(&settings, &paths, json),
        Command::Reindex { json } => run_reindex(&settings, json),
        Command::Search {
            query,
            k,
            mode,
            doc_types,
            bodies,
            meetings,
            record_types,
            langs,
            year_from,
            year_to,
            json,
        } => {
            let filter = SearchFilter {
                doc_types,
                bodies,
                meetings,
                record_types,
                langs,
                year_min: year_from,
                year_max: year_to,
            };
            let request = SearchRequest { query, k, mode: mode.into(), filter };
            run_search(&settings, request, json)
        }
        Command::Ask { question, json } => run_ask(&settings, &question, json),
        Command::Eval { what: EvalCommand::Retrieval { gold, json, floor } } => {
            crate::eval::run_retrieval(&settings, gold.as_deref(), json, floor)
        }
        Command::Eval { what: EvalCommand::Answers { gold, json, questions } } => {
            crate::eval::run_answers(&settings, gold.as_deref(), json, questions)
        }
        Command::Eval { what: EvalCommand::Coach { gold, json, floor } } => {
            crate::eval::run_coach(&settings, gold.as_deref(), json, floor)
        }
        Command::Pledge { what: PledgeCommand::Check { file, json } } => {
            crate::coach::run_check(&settings, &file, json)
        }
        Command::Sparql { query, format, json } => {
            run_sparql(&settings, &query, if json { OutputFormat::Json } else { format })
        }
        Command::Serve { .. } => {
            let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            runtime.block_on(crate::serve::serve(settings))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_ingest(settings: &Settings, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let base = BaseIri::new(settings.base_iri.clone())?;
    let store = GraphStore::open(&settings.data_dir)?;
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let report = ingest::ingest(&store, &base, paths, &progress);
    for failure in &report.failures {
        eprintln!("error: {}", failure.error);
    }
    // The indexes follow the graph: rebuilt from it after every ingest (a no-op when no
    // passage changed). A failure here leaves the graph loaded and says how to retry.
    let index =
        indexes::load_embedder(settings).and_then(|embedder| indexes::reindex(settings, &store, Arc::new(embedder)));
    let mut summary = report.to_json();
    match &index {
        Ok(rebuilt) => summary["index"] = serde_json::to_value(rebuilt)?,
        Err(e) => eprintln!(
            "error: the graph is loaded but the search indexes are not rebuilt: {e:#}\n  retry with `cbdkg reindex`"
        ),
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!("{}", report.summary());
        if let Ok(rebuilt) = &index {
            println!("{}", reindex_summary(rebuilt));
        }
    }
    Ok(if report.failures.is_empty() && index.is_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn reindex_summary(report: &Reindexed) -> String {
    let (index, links) = (&report.index, &report.links);
    let index = if index.unchanged {
        format!("indexes unchanged: {} passages ({:.2} s)", index.passages, index.seconds)
    } else {
        format!(
            "indexed {} passages in {:.2} s ({} embedded, {} from the cache)",
            index.passages,
            index.seconds,
            index.embedded,
            index.passages.saturating_sub(index.embedded)
        )
    };
    let links = if links.unchanged {
        "inferred target links unchanged".to_owned()
    } else {
        let agreement = links.agreement.map(|a| format!("; {:.0}% agree with declared targets", a * 100.0));
        format!(
            "inferred {} links to {} targets in {:.2} s ({} already asserted{})",
            links.links,
            links.targets,
            links.seconds,
            links.already_asserted,
            agreement.unwrap_or_default()
        )
    };
    format!("{index}\n{links}")
}

fn run_reindex(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let store = GraphStore::open(&settings.data_dir)?;
    let embedder = indexes::load_embedder(settings)?;
    let report = indexes::reindex(settings, &store, Arc::new(embedder))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", reindex_summary(&report));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_search(settings: &Settings, mut request: SearchRequest, json: bool) -> anyhow::Result<ExitCode> {
    if request.k == 0 || request.k > settings.search.max_k {
        anyhow::bail!("--k must be between 1 and {} (setting search.max_k), got {}", settings.search.max_k, request.k);
    }
    let (index, model_problem) = indexes::open(settings)?;
    if let (Some(problem), Mode::Hybrid | Mode::Vector) = (&model_problem, request.mode) {
        anyhow::bail!("{problem:#}\n  keyword search works without it: --mode bm25");
    }
    request.query = request.query.trim().to_owned();
    let response = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &response)?;
        writeln!(out)?;
    } else {
        out.write_all(crate::table::render_hits(&response).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_ask(settings: &Settings, question: &str, json: bool) -> anyhow::Result<ExitCode> {
    let assistant = crate::eval::open_assistant(settings)?;
    let answer = assistant.ask(question)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &answer)?;
        writeln!(out)?;
    } else {
        out.write_all(crate::table::render_answer(&answer).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_sparql(settings: &Settings, query: &str, format: OutputFormat) -> anyhow::Result<ExitCode> {
    let text = match query {
        "-" => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("cannot read the query from stdin")?;
            text
        }
        _ => match query.strip_prefix('@') {
            Some(file) => {
                std::fs::read_to_string(file).with_context(|| format!("cannot read the query file {file}"))?
            }
            None => query.to_owned(),
        },
    };
    let store = GraphStore::open_read_only(&settings.data_dir)?;
    let options = QueryOptions::new(settings.query_timeout(), settings.sparql.row_cap);
    let answer = store.query(&text, &options)?;
    let mut out = std::io::stdout().lock();
    match (&answer, format) {
        (QueryAnswer::Graph { .. }, OutputFormat::Json) => {
            let jsonld = RdfFormat::from_media_type("application/ld+json").unwrap_or(RdfFormat::NTriples);
            answer.write_graph(jsonld, &mut out)?;
        }
        (QueryAnswer::Graph { .. }, _) => {
            answer.write_graph(RdfFormat::Turtle, &mut out)?;
        }
        (_, OutputFormat::Table) => out.write_all(crate::table::render(&answer).unwrap_or_default().as_bytes())?,
        (_, OutputFormat::Json) => answer.write_results(QueryResultsFormat::Json, &mut out).map(drop)?,
        (_, OutputFormat::Csv) => answer.write_results(QueryResultsFormat::Csv, &mut out).map(drop)?,
        (_, OutputFormat::Tsv) => answer.write_results(QueryResultsFormat::Tsv, &mut out).map(drop)?,
    }
    if format == OutputFormat::Json {
        writeln!(out)?;
    }
    out.flush()?;
    if answer.truncated() {
        eprintln!("note: the answer was cut at the row cap of {} (setting sparql.row_cap)", settings.sparql.row_cap);
    }
    Ok(ExitCode::SUCCESS)
}
