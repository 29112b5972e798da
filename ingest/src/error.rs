//! Errors of the ingest crate. Each names the file, and the line where one applies.

/// Why a source could not be ingested. Nothing of that document is written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is empty or only whitespace.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is larger than the limit.
    #[error("{path}: the file is {size} bytes, more than the limit of {limit} bytes for one document")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds binary data (NUL bytes or other control characters).
    #[error("{path}:{line}: binary content (byte 0x{byte:02x} at offset {offset}); expected text")]
    Binary {
        /// The file.
        path: String,
        /// Line of the first offending byte.
        line: u32,
        /// Byte offset.
        offset: u64,
        /// The byte.
        byte: u8,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}: not valid UTF-8 (at byte offset {offset}); convert the file to UTF-8")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Line of the first invalid sequence.
        line: u32,
        /// Byte offset.
        offset: u64,
    },
    /// The text is not in a layout the parser knows.
    #[error("{path}: unknown layout: {reason}")]
    UnknownLayout {
        /// The file.
        path: String,
        /// What was looked for and not found.
        reason: String,
    },
    /// The text is in a known layout but breaks it, e.g. a truncated document.
    #[error("{path}:{line}: {message}")]
    Malformed {
        /// The file.
        path: String,
        /// The line.
        line: u32,
        /// What is wrong.
        message: String,
    },
    /// The sidecar metadata file is invalid.
    #[error("{path}: invalid sidecar metadata: {message}")]
    Sidecar {
        /// The sidecar file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The configured base IRI is not usable.
    #[error("invalid base IRI {iri:?}: {message}")]
    BaseIri {
        /// The IRI.
        iri: String,
        /// What is wrong.
        message: String,
    },
    /// A Turtle file of the ontologies crate failed to parse (a bug in that crate).
    #[error("{name}: invalid Turtle: {message}")]
    Turtle {
        /// File name.
        name: String,
        /// Parser message.
        message: String,
    },
}
