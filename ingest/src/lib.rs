//! Turns official CBD documents (text extracted from Word or PDF) into a paragraph-level model,
//! and the model into RDF quads. Pure: no store, no network; every function is unit-testable.
//!
//! Entry points: [`read_source`] checks and decodes a file, [`parse`] builds a [`Document`],
//! [`to_graph`] maps it to a [`GraphPayload`] for the `graph` crate; [`vocabulary_payloads`]
//! does the same for the ontology and SKOS files of `cbdkg-ontologies`.

mod error;
mod labels;
mod linking;
pub mod model;
mod parse;
pub mod pledges;
mod rdf;
pub mod records;
mod references;
mod source;
pub mod symbols;
mod text;
pub mod validate;

pub use error::IngestError;
pub use linking::{TargetMention, target_mentions};
pub use model::*;
pub use rdf::{BaseIri, GraphPayload, QuadWriter, to_graph, vocabulary_payloads};
pub use records::{
    Record, RecordFailure, RecordFile, RecordFileError, is_record_file, parse_record_file, read_record_file,
    record_file_graph,
};
pub use references::query_references;
pub use source::{MAX_SOURCE_BYTES, read_source};

/// Version of the parser, recorded in the provenance of every graph it produced. Bump it when
/// the output for the same input changes, so that `cbdkg ingest` re-ingests unchanged files.
pub const PARSER_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+p2");

/// Parses a decoded source text into a document.
///
/// `sidecar` is the content of the optional `FILE.meta.toml` next to the source, which can
/// supply what the extracted text lost (see `data/corpus/README.md`).
pub fn parse(source: SourceFile, text: &str, sidecar: Option<&str>) -> Result<Document, IngestError> {
    parse::parse_document(source, text, sidecar)
}
