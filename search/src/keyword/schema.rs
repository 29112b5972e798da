//! What the keyword index stores for a passage, and how its fields are found again on open.

use crate::analysis::{Lang, RAW_LOWER};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Version of the schema and analysis. Bump it whenever a field or what an analyser emits
/// changes: [`super::KeywordIndex::open`] then refuses an index built by an older version
/// instead of searching it with mismatched terms.
pub const SCHEMA_VERSION: u32 = 2;

/// File in the index directory that records [`SCHEMA_VERSION`]; written last, so an index
/// without it was never finished.
pub(crate) const VERSION_FILE: &str = "cbdkg-keyword-version";

/// Weight of a match in the document title relative to one in the passage text: the title is
/// shared by every passage of a document, so it says little about which one to read.
pub(crate) const TITLE_BOOST: f32 = 0.3;
/// Weight of a match in the section headings relative to one in the passage text.
pub(crate) const SECTION_BOOST: f32 = 0.5;

/// Names of the fast fields read by facets and exact lookups.
pub(crate) mod names {
    pub const UNIT: &str = "unit";
    pub const POSITION: &str = "position";
    pub const DOC_TYPE: &str = "doc_type";
    pub const BODY: &str = "body";
    pub const MEETING: &str = "meeting";
    pub const RECORD_TYPE: &str = "record_type";
    pub const LANG: &str = "lang";
    pub const YEAR: &str = "year";
}

/// The fields of the keyword index.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// IRI of the passage (raw, stored).
    pub iri: Field,
    /// IRI of its document (raw, stored).
    pub doc: Field,
    /// Path of the unit below the document IRI (`p15-g`), fast: exact lookups rank by it.
    pub unit: Field,
    /// Reading order within the document, fast.
    pub position: Field,
    /// Paragraph label as printed (raw, stored).
    pub paragraph: Field,
    /// Every way the document's symbol is written, lower-cased (`xiii/23`, `23/13`, `cop-13-23`).
    pub symbol_keys: Field,
    /// Passage text, one field per language (analysed, positions, stored for snippets).
    pub text: [Field; 6],
    /// Document title per language (analysed).
    pub title: [Field; 6],
    /// Section headings per language (analysed, one value per heading).
    pub section: [Field; 6],
    /// Document type code (raw, fast).
    pub doc_type: Field,
    /// Body code (raw, fast).
    pub body: Field,
    /// Meeting code (raw, fast).
    pub meeting: Field,
    /// Record type (raw, fast), records only.
    pub record_type: Field,
    /// Language tag as given by the passage (raw, fast).
    pub lang: Field,
    /// Year (i64, indexed and fast).
    pub year: Field,
}

fn field_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).expect("Lang::ALL lists every language")
}

impl Fields {
    /// The schema of a new index, with its fields.
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let analysed = |lang: Lang| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(lang.tokenizer_name())
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        let iri = b.add_text_field("iri", STRING | STORED);
        let doc = b.add_text_field("doc", STRING | STORED);
        let unit = b.add_text_field(names::UNIT, STRING | FAST);
        let position = b.add_u64_field(names::POSITION, FAST);
        let paragraph = b.add_text_field("paragraph", STRING | STORED);
        let symbol_keys = b.add_text_field(
            "symbol_keys",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(RAW_LOWER).set_index_option(IndexRecordOption::Basic),
            ),
        );
        let text = Lang::ALL.map(|lang| b.add_text_field(&format!("text_{}", lang.code()), analysed(lang) | STORED));
        let title = Lang::ALL.map(|lang| b.add_text_field(&format!("title_{}", lang.code()), analysed(lang)));
        let section = Lang::ALL.map(|lang| b.add_text_field(&format!("section_{}", lang.code()), analysed(lang)));
        let doc_type = b.add_text_field(names::DOC_TYPE, STRING | FAST);
        let body = b.add_text_field(names::BODY, STRING | FAST);
        let meeting = b.add_text_field(names::MEETING, STRING | FAST);
        let record_type = b.add_text_field(names::RECORD_TYPE, STRING | FAST);
        let lang = b.add_text_field(names::LANG, STRING | FAST);
        let year = b.add_i64_field(names::YEAR, INDEXED | FAST);
        let fields = Fields {
            iri,
            doc,
            unit,
            position,
            paragraph,
            symbol_keys,
            text,
            title,
            section,
            doc_type,
            body,
            meeting,
            record_type,
            lang,
            year,
        };
        (b.build(), fields)
    }

    /// The fields of an opened index; the name of the first one missing otherwise.
    pub fn from_schema(schema: &Schema) -> Result<Fields, String> {
        let expected = Fields::schema().0;
        if *schema != expected {
            let missing = expected
                .fields()
                .map(|(_, entry)| entry.name())
                .find(|name| schema.get_field(name).is_err())
                .unwrap_or("(field options differ)");
            return Err(missing.to_owned());
        }
        Ok(Fields::schema().1)
    }

    /// The text field of a language.
    pub fn text(&self, lang: Lang) -> Field {
        self.text[field_index(lang)]
    }

    /// The title field of a language.
    pub fn title(&self, lang: Lang) -> Field {
        self.title[field_index(lang)]
    }

    /// The section field of a language.
    pub fn section(&self, lang: Lang) -> Field {
        self.section[field_index(lang)]
    }
}
