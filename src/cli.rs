//! The command line: `cbdkg ingest`, `cbdkg sparql`, `cbdkg serve`.

use crate::ingest;
use crate::settings::{CliOverrides, Settings, SettingsSources};
use anyhow::Context;
use cbdkg_graph::{GraphStore, QueryAnswer, QueryOptions, QueryResultsFormat, RdfFormat};
use cbdkg_ingest::BaseIri;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

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
            Command::Ingest { .. } | Command::Sparql { .. } => None,
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
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        println!("{}", report.summary());
    }
    Ok(if report.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
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
