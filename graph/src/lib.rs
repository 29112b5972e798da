//! The RDF store of cbdkg, the system of record: oxigraph on RocksDB at `{data_dir}/graph`.
//!
//! - One named graph per source ([`GraphStore::load`]): a re-ingested file replaces its graph
//!   in one transaction, an unchanged file (same SHA-256, same parser version) is skipped.
//!   Each graph carries its own PROV-O provenance (source file, hash, parser, time).
//! - SPARQL 1.1 queries ([`GraphStore::query`]) over the union of all graphs by default, with a
//!   time limit that really cancels evaluation and a row cap; answers are materialised
//!   ([`QueryAnswer`]) and written in the SPARQL results or RDF formats.
//!
//! This crate knows nothing of HTTP or search indexes.

mod error;
mod provenance;
mod query;
mod store;

pub use error::GraphError;
pub use provenance::GraphInfo;
pub use query::{QueryAnswer, QueryOptions};
pub use store::{GraphStore, LoadOutcome, StoreStatus};

/// The RDF model types answers are made of (re-exported from oxigraph).
pub use oxigraph::model;
/// RDF serialisation formats for [`QueryAnswer::write_graph`].
pub use oxigraph::io::RdfFormat;
/// SPARQL results formats for [`QueryAnswer::write_results`].
pub use oxigraph::sparql::results::QueryResultsFormat;
