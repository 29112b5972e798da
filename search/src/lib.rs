//! Hybrid paragraph search: Arabic-aware BM25 over tantivy, dense multilingual-e5 vectors in
//! Qdrant, fused by weighted reciprocal rank. Indexes are derived data, rebuilt from passages
//! read out of the graph.

pub mod analysis;
pub mod error;
pub mod filter;
pub mod fusion;
pub mod hybrid;
pub mod keyword;
pub mod passage;

pub use error::{SearchError, SearchErrorKind};
pub use filter::SearchFilter;
pub use hybrid::{Hit, Mode, SearchIndex, SearchRequest, SearchResponse};
pub use passage::{Passage, Translation};
