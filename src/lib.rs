//! The `cbdkg` binary as a library: command line, settings, ingestion pipeline and the HTTP
//! interface. `main.rs` only parses arguments and calls [`cli::run`]; tests and benchmarks use
//! the same modules (notably [`http::router`]).

pub mod cli;
pub mod coach;
pub mod eval;
pub mod http;
pub mod indexes;
pub mod ingest;
pub mod linking;
pub mod passages;
pub mod serve;
pub mod settings;
pub mod table;
