//! The one error type of the crate.

use std::path::PathBuf;

/// What can go wrong when opening, writing or searching a vector store.
///
/// Every message names the store (directory, or collection and URL) and what is wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store directory (or its lock file) could not be created or read.
    #[error("vector store directory {}: {action} failed: {source}", path.display())]
    Io {
        /// Directory or file concerned.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// Underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Another handle (in this or another process) has the embedded store open.
    #[error(
        "vector store directory {} is already open by another handle or process (lock file {} is held)",
        path.display(),
        path.join(crate::embedded::LOCK_FILE).display()
    )]
    Locked {
        /// The store directory.
        path: PathBuf,
    },
    /// qdrant-edge reported an error.
    #[error("embedded vector store {}: {action} failed: {source}", path.display())]
    Embedded {
        /// The store directory.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// Underlying error.
        #[source]
        source: Box<qdrant_edge::OperationError>,
    },
    /// qdrant-edge panicked where its API offers no `Result` (flushing); the store should be
    /// reopened.
    #[error("embedded vector store {}: {action} panicked inside qdrant-edge: {message}", path.display())]
    EmbeddedPanic {
        /// The store directory.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The panic message.
        message: String,
    },
    /// The embedded store is unusable because an earlier `delete_all` failed half-way.
    #[error("embedded vector store {} is closed: an earlier delete_all failed; reopen it", path.display())]
    Closed {
        /// The store directory.
        path: PathBuf,
    },
    /// The Qdrant server refused a request or could not be reached.
    #[error("Qdrant collection {collection:?} at {url}: {action} failed: {source}")]
    Remote {
        /// Server URL.
        url: String,
        /// Collection name.
        collection: String,
        /// What was being done.
        action: &'static str,
        /// Underlying error.
        #[source]
        source: Box<qdrant_client::QdrantError>,
    },
    /// The private runtime that drives the Qdrant client could not run a request.
    #[error("Qdrant collection {collection:?} at {url}: {reason}")]
    Runtime {
        /// Server URL.
        url: String,
        /// Collection name.
        collection: String,
        /// What went wrong.
        reason: String,
    },
    /// A vector does not have the collection's dimension.
    #[error("{store}: {vector} has dimension {actual}, but the collection has dimension {expected}")]
    DimensionMismatch {
        /// The store (directory, or collection at URL).
        store: String,
        /// Which vector: `query vector` or `point <id>`.
        vector: String,
        /// The collection's dimension.
        expected: usize,
        /// The vector's length.
        actual: usize,
    },
    /// An existing collection cannot be used with the requested options.
    #[error("{store}: existing collection is incompatible: {reason}")]
    IncompatibleCollection {
        /// The store (directory, or collection at URL).
        store: String,
        /// What does not match.
        reason: String,
    },
    /// Options or arguments are invalid (zero dimension, bad field name, ...).
    #[error("{store}: invalid input: {reason}")]
    InvalidInput {
        /// The store (directory, or collection at URL).
        store: String,
        /// What is invalid.
        reason: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
