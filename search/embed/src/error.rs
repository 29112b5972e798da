//! The crate's error type: every variant names the file (or directory) it is about.

use std::path::PathBuf;

/// What went wrong while loading a model, embedding text or using the embedding cache.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbedError {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The model path does not exist.
    #[error(
        "{}: model not found; run `scripts/setup` to install e5-small-q4.bin, or set CBDKG_MODEL to a model file or Hugging Face directory",
        path.display()
    )]
    ModelMissing {
        /// The path that was looked up.
        path: PathBuf,
    },
    /// A model file (E5S1, safetensors, config.json, tokenizer.json) is malformed or unsupported.
    #[error("{}: {what}", path.display())]
    Format {
        /// The offending file.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
    /// A tensor operation failed while running the model.
    #[error("{}: tensor operation failed: {source}", path.display())]
    Tensor {
        /// The model the operation belongs to.
        path: PathBuf,
        /// The candle error.
        #[source]
        source: candle_core::Error,
    },
    /// The Hugging Face tokenizer failed on a text.
    #[error("{}: tokenizer failed: {what}", path.display())]
    Tokenizer {
        /// The tokenizer.json the tokenizer was loaded from.
        path: PathBuf,
        /// The tokenizer's message.
        what: String,
    },
    /// The embedding cache file is unusable (wrong magic, another model's cache).
    #[error("{}: embedding cache: {what}", path.display())]
    Cache {
        /// The cache file.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
}

impl EmbedError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }

    pub(crate) fn format(path: impl Into<PathBuf>, what: impl Into<String>) -> Self {
        Self::Format { path: path.into(), what: what.into() }
    }

    pub(crate) fn tensor(path: impl Into<PathBuf>, source: candle_core::Error) -> Self {
        Self::Tensor { path: path.into(), source }
    }
}
