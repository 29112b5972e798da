//! Building an index from passages into a directory, atomically: the index is written into a
//! hidden sibling directory and renamed into place only once complete.

use super::KeywordIndex;
use super::error::KeywordError;
use super::schema::{Fields, SCHEMA_VERSION, VERSION_FILE};
use super::symbols::symbol_keys;
use crate::Passage;
use crate::analysis::{Lang, register_analyzers};
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// Memory the index writer may use before flushing a segment. The whole corpus fits in one
/// segment under this budget; larger corpora get several, merged into one at the end.
pub const WRITER_MEMORY_BYTES: usize = 50_000_000;

impl KeywordIndex {
    /// Builds the index of `passages` in `dir`, replacing any index there, and opens it.
    ///
    /// The index is written into `.{name}.building-{pid}` beside `dir`, then the old index (if
    /// any) is renamed away and the new one renamed to `dir`: a crash leaves either the old
    /// index, the new one, or (between the two renames) none, but never a half-written one.
    /// Leftovers of crashed builds beside `dir` are removed first; one builder per directory
    /// at a time.
    pub fn build(dir: impl AsRef<Path>, passages: &[Passage]) -> Result<KeywordIndex, KeywordError> {
        let dir = dir.as_ref();
        let langs = passage_languages(passages)?;
        let (parent, name) = split_dir(dir)?;
        fs::create_dir_all(&parent).map_err(|source| KeywordError::Io { path: parent.clone(), source })?;
        remove_leftovers(&parent, &name)?;
        let building = parent.join(format!(".{name}.building-{}", std::process::id()));
        fs::create_dir(&building).map_err(|source| KeywordError::Io { path: building.clone(), source })?;
        write_index(&building, passages, &langs)?;
        swap_into_place(&building, dir, &parent.join(format!(".{name}.replaced-{}", std::process::id())))?;
        KeywordIndex::open(dir)
    }
}

/// The analyser language of every passage, or the first passage without one.
fn passage_languages(passages: &[Passage]) -> Result<Vec<Lang>, KeywordError> {
    passages
        .iter()
        .map(|p| {
            let unsupported =
                |lang: &str| KeywordError::UnsupportedLanguage { iri: p.iri.clone(), lang: lang.to_owned() };
            if let Some(t) = p.translations.iter().find(|t| Lang::from_tag(&t.lang).is_none()) {
                return Err(unsupported(&t.lang));
            }
            Lang::from_tag(&p.lang).ok_or_else(|| unsupported(&p.lang))
        })
        .collect()
}

fn split_dir(dir: &Path) -> Result<(PathBuf, String), KeywordError> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| KeywordError::InvalidPath { path: dir.to_owned() })?
        .to_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

fn remove_leftovers(parent: &Path, name: &str) -> Result<(), KeywordError> {
    let io = |source| KeywordError::Io { path: parent.to_owned(), source };
    let prefixes = [format!(".{name}.building-"), format!(".{name}.replaced-")];
    for entry in fs::read_dir(parent).map_err(io)? {
        let entry = entry.map_err(io)?;
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let path = entry.path();
            fs::remove_dir_all(&path).map_err(|source| KeywordError::Io { path, source })?;
        }
    }
    Ok(())
}

fn write_index(dir: &Path, passages: &[Passage], langs: &[Lang]) -> Result<(), KeywordError> {
    let tantivy_error = |source| KeywordError::Index { path: dir.to_owned(), source };
    let (schema, fields) = Fields::schema();
    let index = Index::create_in_dir(dir, schema).map_err(tantivy_error)?;
    register_analyzers(index.tokenizers());
    let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY_BYTES).map_err(tantivy_error)?;
    for (passage, &lang) in passages.iter().zip(langs) {
        writer.add_document(document(&fields, passage, lang)).map_err(tantivy_error)?;
    }
    writer.commit().map_err(tantivy_error)?;
    let segments = index.searchable_segment_ids().map_err(tantivy_error)?;
    if segments.len() > 1 {
        writer.merge(&segments).wait().map_err(tantivy_error)?;
    }
    writer.wait_merging_threads().map_err(tantivy_error)?;
    let version_file = dir.join(VERSION_FILE);
    fs::write(&version_file, format!("{SCHEMA_VERSION}\n"))
        .and_then(|()| fs::File::open(&version_file)?.sync_all())
        .map_err(|source| KeywordError::Io { path: version_file, source })
}

/// The tantivy document of a passage.
fn document(fields: &Fields, passage: &Passage, lang: Lang) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.iri, &passage.iri);
    doc.add_text(fields.doc, &passage.doc);
    let unit = passage.iri.strip_prefix(&passage.doc).and_then(|rest| rest.strip_prefix('/')).unwrap_or("");
    doc.add_text(fields.unit, unit);
    doc.add_u64(fields.position, u64::from(passage.position));
    doc.add_text(fields.paragraph, &passage.paragraph);
    for key in symbol_keys(passage) {
        doc.add_text(fields.symbol_keys, key);
    }
    doc.add_text(fields.text(lang), &passage.text);
    for translation in &passage.translations {
        // Checked by `passage_languages`; a tag without an analyser was refused there.
        if let Some(other) = Lang::from_tag(&translation.lang) {
            doc.add_text(fields.text(other), &translation.text);
        }
    }
    if let Some(title) = &passage.title {
        doc.add_text(fields.title(lang), title);
    }
    for heading in &passage.section {
        doc.add_text(fields.section(lang), heading);
    }
    for (field, value) in [
        (fields.doc_type, &passage.doc_type),
        (fields.body, &passage.body),
        (fields.meeting, &passage.meeting),
        (fields.record_type, &passage.record_type),
    ] {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    doc.add_text(fields.lang, &passage.lang);
    if let Some(year) = passage.year {
        doc.add_i64(fields.year, i64::from(year));
    }
    doc
}

fn swap_into_place(building: &Path, dir: &Path, replaced: &Path) -> Result<(), KeywordError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| KeywordError::Io { path, source }
    };
    let had_index = dir.exists();
    if had_index {
        fs::rename(dir, replaced).map_err(io(dir))?;
    }
    fs::rename(building, dir).map_err(io(dir))?;
    if had_index {
        if replaced.is_dir() {
            fs::remove_dir_all(replaced).map_err(io(replaced))?;
        } else {
            fs::remove_file(replaced).map_err(io(replaced))?;
        }
    }
    Ok(())
}
