//! The unit of retrieval: one paragraph (with its sub-paragraphs) and the context it is
//! displayed, filtered and embedded with. Passages are read from the graph by the binary
//! (the system of record); this crate never opens the graph.

use serde::{Deserialize, Serialize};

/// One searchable paragraph, table row, guiding question or footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// IRI of the unit (`{base}decision/COP-13-23/p15-g`).
    pub iri: String,
    /// IRI of the document it belongs to (`{base}decision/COP-13-23`).
    pub doc: String,
    /// Symbol of the document (`CBD/COP/DEC/XIII/23`), when known.
    pub symbol: Option<String>,
    /// Short form of a decision symbol (`XIII/23`, `CP-11/4`), when the document is a decision.
    pub short_symbol: Option<String>,
    /// Title of the document.
    pub title: Option<String>,
    /// Label of the unit as printed (`15(g)`, `preamble 3`, `1-2-A`).
    pub paragraph: String,
    /// Headings of the sections enclosing the unit, outermost first.
    pub section: Vec<String>,
    /// Code of the body (`COP`, `CP-MOP`, `SBI`).
    pub body: Option<String>,
    /// Code of the meeting (`COP-13`, `SBI-4`).
    pub meeting: Option<String>,
    /// Year the document was issued.
    pub year: Option<i32>,
    /// Code of the document type (`decision`, `note`, `discussion-guide`,
    /// `clearing-house-record`, `pledge`).
    pub doc_type: Option<String>,
    /// Kind of record, for records only: the clearing-house schema (`lmo`, `riskAssessment`)
    /// or the pledge form (`organization`, `business`).
    #[serde(default)]
    pub record_type: Option<String>,
    /// Language tag of the text (`ar`, `en`).
    pub lang: String,
    /// The text: the unit's own text followed by its sub-units' texts.
    pub text: String,
    /// The same unit in other languages (a multilingual record), each indexed with its own
    /// language's analyser; the passage is still one hit.
    #[serde(default)]
    pub translations: Vec<Translation>,
    /// Position of the unit in its document (reading order), for stable ties.
    pub position: u32,
}

/// The text of a passage in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    /// Language tag (`fr`).
    pub lang: String,
    /// The text in that language.
    pub text: String,
}

impl Passage {
    /// The text the dense model embeds: title and section path give a short paragraph its
    /// subject ("passage: " is added by the embedder).
    pub fn embedding_text(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push_str(". ");
        }
        for heading in &self.section {
            out.push_str(heading);
            out.push_str(". ");
        }
        out.push_str(&self.text);
        out
    }
}
