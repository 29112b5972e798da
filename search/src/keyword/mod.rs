//! Keyword search over passages with tantivy: Arabic-aware BM25 (see [`crate::analysis`]),
//! exact lookups of decision and paragraph references, filters and facets inside the index.
//!
//! - [`KeywordIndex::build`] writes an index of passages into a directory (atomically: see
//!   there); [`KeywordIndex::open`] opens one, refusing a missing or incompatible index.
//! - [`KeywordIndex::search`] ranks passages the query names exactly (`XIII/23`, `CP-11/4`,
//!   `المقرر 23/13 الفقرة 15(ز)`) first, then the others by BM25; each hit says which query words
//!   it contains and shows them in a snippet.
//! - [`KeywordIndex::facets`] counts all passages matching a query by document type, body,
//!   meeting, language and year.
//!
//! Fields: `iri`, `doc`, `paragraph` (raw, stored); `text_{lang}` (analysed with positions,
//! stored), `title_{lang}` and `section_{lang}` (analysed, weighted 0.3 and 0.5 of a match
//! in the text); `symbol_keys` (every way the document's symbol is written);
//! `unit` and `position` (fast, for exact lookups); `doc_type`, `body`, `meeting`, `lang`
//! (raw, fast) and `year` (i64, fast) for filters and facets.

mod build;
mod error;
mod facets;
mod lookup;
mod query;
mod schema;
mod search;
mod snippet;
mod symbols;

pub use build::WRITER_MEMORY_BYTES;
pub use error::KeywordError;
pub use facets::{FacetCount, Facets, YearCount};
pub use lookup::ReferenceMatch;
pub use query::{MAX_QUERY_CHARS, check_query};
pub use schema::SCHEMA_VERSION;
pub use search::KeywordHit;

use crate::analysis::register_analyzers;
use schema::{Fields, VERSION_FILE};
use std::path::{Path, PathBuf};
use tantivy::{Index, IndexReader, ReloadPolicy};

/// An open keyword index of passages.
pub struct KeywordIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    path: PathBuf,
}

impl std::fmt::Debug for KeywordIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeywordIndex").field("path", &self.path).field("passages", &self.len()).finish()
    }
}

impl KeywordIndex {
    /// Opens the index in `dir`: [`KeywordError::MissingIndex`] when there is none (or an
    /// unfinished one), [`KeywordError::IncompatibleSchema`] when another version built it.
    pub fn open(dir: impl AsRef<Path>) -> Result<KeywordIndex, KeywordError> {
        let path = dir.as_ref().to_owned();
        if !path.is_dir() {
            return Err(KeywordError::MissingIndex { path });
        }
        let version_file = path.join(VERSION_FILE);
        let incompatible = |found: String| KeywordError::IncompatibleSchema {
            path: path.clone(),
            found,
            expected: schema::SCHEMA_VERSION,
        };
        let version = match std::fs::read_to_string(&version_file) {
            Ok(version) => version.trim().to_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.join("meta.json").exists() => {
                return Err(incompatible("none (not built by cbdkg, or unfinished)".into()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(KeywordError::MissingIndex { path }),
            Err(source) => return Err(KeywordError::Io { path: version_file, source }),
        };
        if version != schema::SCHEMA_VERSION.to_string() {
            return Err(incompatible(version));
        }
        let tantivy_error = |source| KeywordError::Index { path: path.clone(), source };
        let index = Index::open_in_dir(&path).map_err(tantivy_error)?;
        let fields =
            Fields::from_schema(&index.schema()).map_err(|field| incompatible(format!("field {field} differs")))?;
        register_analyzers(index.tokenizers());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(tantivy_error)?;
        Ok(KeywordIndex { index, reader, fields, path })
    }

    /// Number of passages indexed.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether no passage is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The directory of the index.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The analyser tantivy applies to a field of this index, for checking that index-time and
    /// query-time analysis agree.
    pub fn field_analyzer(&self, field_name: &str) -> Option<tantivy::tokenizer::TextAnalyzer> {
        let field = self.index.schema().get_field(field_name).ok()?;
        self.index.tokenizer_for_field(field).ok()
    }
}
