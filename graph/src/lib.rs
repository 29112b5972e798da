#![doc = include_str!("../README.md")]

mod error;
mod provenance;
mod query;
mod store;

pub use error::{GraphError, GraphErrorKind};
pub use provenance::GraphInfo;
pub use query::{QueryAnswer, QueryOptions, Row, cell_iri, cell_value};
pub use store::{GraphStore, LoadOutcome, StoreStatus};

/// RDF serialisation formats for [`QueryAnswer::write_graph`].
pub use oxigraph::io::RdfFormat;
/// The RDF model types answers are made of (re-exported from oxigraph).
pub use oxigraph::model;
/// SPARQL results formats for [`QueryAnswer::write_results`].
pub use oxigraph::sparql::results::QueryResultsFormat;
