//! `cbdkg`: see `cbdkg --help`.

use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = cbdkg::cli::Cli::parse();
    // Logs go to stderr: stdout carries results (and `listening on …` for `serve`).
    let default_level = if matches!(cli.command, cbdkg::cli::Command::Serve { .. }) { "info" } else { "warn" };
    // qdrant-edge warns on every open about process-wide flags only a Qdrant server sets.
    let default_filter = format!("{default_level},qdrant_edge::common::flags=error,qdrant_edge::common::mmap=error");
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter)))
        .with_writer(std::io::stderr)
        .init();
    match cbdkg::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
