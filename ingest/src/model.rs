//! The document model: what the parser produces and the RDF mapping consumes.

use std::fmt;

/// A span of lines in a source file, from 1, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First line.
    pub start: u32,
    /// Last line.
    pub end: u32,
}

impl Span {
    /// A span of one line.
    pub fn line(line: u32) -> Self {
        Self { start: line, end: line }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Self {
        Self { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A source file as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// File name without directories, e.g. `001_209b8956f71489ae.txt`.
    pub file_name: String,
    /// The path it was read from, as given.
    pub path: String,
    /// SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
    /// Its size in bytes.
    pub byte_size: u64,
}

/// The governing body of a decision series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DecisionBody {
    /// Conference of the Parties to the Convention (`XIII/23`, `13/23`).
    Cop,
    /// Parties to the Cartagena Protocol (`CP-11/4`, `BS-VIII/7`).
    Cp,
    /// Parties to the Nagoya Protocol (`NP-2/13`).
    Np,
}

impl DecisionBody {
    /// The prefix used in identifiers: `COP`, `CP`, `NP`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Cop => "COP",
            Self::Cp => "CP",
            Self::Np => "NP",
        }
    }
}

/// A decision, e.g. COP decision XIII/23 or CP-11/4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionId {
    /// Which series.
    pub body: DecisionBody,
    /// Session (meeting) number, e.g. 13.
    pub session: u32,
    /// Number of the decision within the session, e.g. 23.
    pub number: u32,
}

impl DecisionId {
    /// The path segment used in IRIs: `COP-13-23`.
    pub fn key(&self) -> String {
        format!("{}-{}-{}", self.body.code(), self.session, self.number)
    }

    /// The decision of an IRI path segment ([`DecisionId::key`]): `COP-13-23`, `CP-11-4`.
    pub fn from_key(key: &str) -> Option<DecisionId> {
        let mut parts = key.split('-');
        let body = match parts.next()? {
            "COP" => DecisionBody::Cop,
            "CP" => DecisionBody::Cp,
            "NP" => DecisionBody::Np,
            _ => return None,
        };
        let session = parts.next()?.parse().ok()?;
        let number = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(DecisionId { body, session, number })
    }

    /// The short symbol as usually printed: `XIII/23`, `CP-11/4`, `NP-2/13`.
    pub fn short_symbol(&self) -> String {
        match self.body {
            DecisionBody::Cop if self.session <= 14 => {
                format!("{}/{}", crate::symbols::to_roman(self.session), self.number)
            }
            DecisionBody::Cop => format!("{}/{}", self.session, self.number),
            DecisionBody::Cp | DecisionBody::Np => {
                format!("{}-{}/{}", self.body.code(), self.session, self.number)
            }
        }
    }
}

impl fmt::Display for DecisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// How a document is identified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentId {
    /// A decision: `{base}decision/COP-13-23`.
    Decision(DecisionId),
    /// Another document with a UN symbol: `{base}doc/CBD-SBI-4-7`.
    Symbol(String),
    /// A document without a symbol, named by a slug: `{base}doc/{slug}`.
    Slug(String),
}

impl DocumentId {
    /// The IRI path below the base: `decision/COP-13-23`, `doc/CBD-SBI-4-7`.
    pub fn path(&self) -> String {
        match self {
            Self::Decision(d) => format!("decision/{}", d.key()),
            Self::Symbol(s) => format!("doc/{}", crate::symbols::symbol_key(s)),
            Self::Slug(s) => format!("doc/{s}"),
        }
    }
}

/// Where the identifier of a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierSource {
    /// Read from the document text.
    Text,
    /// From the sidecar metadata file next to the source (`FILE.meta.toml`).
    Sidecar,
    /// Derived from the file name: the text and sidecar gave none.
    FileName,
}

impl IdentifierSource {
    /// Literal used in the graph.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Sidecar => "sidecar",
            Self::FileName => "file-name",
        }
    }
}

/// The kind of document, which decides its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A decision: preamble, operative paragraphs, annexes.
    Decision,
    /// A note by the Executive Secretary or Secretariat: numbered paragraphs in sections.
    Note,
    /// A guide of numbered guiding questions grouped in topics.
    DiscussionGuide,
}

/// A language of the six UN languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Language {
    /// BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::Zh => "zh",
            Self::En => "en",
            Self::Fr => "fr",
            Self::Ru => "ru",
            Self::Es => "es",
        }
    }

    /// From an English or native language name as printed in headers ("ARABIC", "Français").
    pub fn from_name(name: &str) -> Option<Self> {
        let n = name.trim().to_lowercase();
        Some(match n.as_str() {
            "arabic" | "arabe" | "العربية" | "ar" => Self::Ar,
            "chinese" | "chinois" | "中文" | "zh" => Self::Zh,
            "english" | "anglais" | "inglés" | "en" => Self::En,
            "french" | "français" | "francais" | "francés" | "fr" => Self::Fr,
            "russian" | "russe" | "русский" | "ru" => Self::Ru,
            "spanish" | "espagnol" | "español" | "es" => Self::Es,
            _ => return None,
        })
    }
}

/// A date as printed in a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month.
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A body (organ) of the Convention, as a code of the body scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Conference of the Parties.
    Cop,
    /// COP-MOP of the Cartagena Protocol.
    CpMop,
    /// COP-MOP of the Nagoya Protocol.
    NpMop,
    /// Subsidiary Body on Implementation.
    Sbi,
    /// Subsidiary Body on Scientific, Technical and Technological Advice.
    Sbstta,
    /// Working group or subsidiary body on Article 8(j).
    Wg8j,
    /// The Secretariat.
    Secretariat,
}

impl Body {
    /// The code used in IRIs and the body scheme: `COP`, `CP-MOP`, `SBI`…
    pub fn code(self) -> &'static str {
        match self {
            Self::Cop => "COP",
            Self::CpMop => "CP-MOP",
            Self::NpMop => "NP-MOP",
            Self::Sbi => "SBI",
            Self::Sbstta => "SBSTTA",
            Self::Wg8j => "WG8J",
            Self::Secretariat => "SCBD",
        }
    }
}

/// The header block of a document. Every field is optional: documents differ in what they print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Full UN symbol as printed, e.g. `CBD/COP/DEC/XIII/23`.
    pub symbol: Option<String>,
    /// The body the document belongs to.
    pub body: Option<Body>,
    /// Meeting (session) number.
    pub meeting: Option<u32>,
    /// Place of the meeting as printed.
    pub place: Option<String>,
    /// First day of the meeting.
    pub start_date: Option<Date>,
    /// Last day of the meeting.
    pub end_date: Option<Date>,
    /// Date of issue of the document.
    pub issued: Option<Date>,
    /// Agenda item as printed after normalising digits: "12", "5 (a)".
    pub agenda_item: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Original language, where the header says.
    pub original_language: Option<Language>,
}

/// What kind of structural unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A section heading (lettered, roman-numbered, decision part, table group).
    Section,
    /// An annex or appendix heading.
    Annex,
    /// A preambular paragraph of a decision.
    Preambular,
    /// A numbered operative paragraph of a decision.
    Operative,
    /// A numbered paragraph of a note.
    Numbered,
    /// A sub-paragraph: (a), (i), (1).
    SubParagraph,
    /// A guiding question.
    Question,
    /// A row of an annex table.
    TableRow,
    /// An unnumbered paragraph (introductory text, chapeau lines of a note or guide).
    Text,
}

/// A cell of a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Column, from 1, in the reading order of the header.
    pub column: u32,
    /// The column header text.
    pub header: String,
    /// The cell text.
    pub text: String,
}

/// A structural unit of a document: section, paragraph, sub-paragraph, table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Path below the document IRI: `p15-g`, `pre3`, `annex/A/act10`, `sec-A`.
    pub key: String,
    /// What it is.
    pub kind: UnitKind,
    /// Own number or letter in latin script: "15", "g", "ii", "A".
    pub number: Option<String>,
    /// Label as cited: "15(g)", "A".
    pub label: String,
    /// Text (for sections: the heading).
    pub text: String,
    /// Lines in the source file.
    pub span: Span,
    /// Index of the parent unit (paragraph of a sub-paragraph), if any.
    pub parent: Option<usize>,
    /// Index of the innermost enclosing section or annex, if any.
    pub section: Option<usize>,
    /// Indices into [`Document::footnotes`] of the footnotes this unit calls.
    pub footnotes: Vec<usize>,
    /// References found in the text.
    pub references: Vec<Reference>,
    /// Cells, for table rows.
    pub cells: Vec<Cell>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// Marker as printed: "3", "*".
    pub marker: String,
    /// Key below the document IRI: `fn3`, `fn-star`.
    pub key: String,
    /// The note's text.
    pub text: String,
    /// Lines in the source file.
    pub span: Span,
    /// References found in the note.
    pub references: Vec<Reference>,
}

/// A treaty whose articles are cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Treaty {
    /// The Convention on Biological Diversity.
    Convention,
    /// The Cartagena Protocol on Biosafety.
    Cartagena,
    /// The Nagoya Protocol on Access and Benefit-sharing.
    Nagoya,
}

impl Treaty {
    /// Code used in IRIs: `CBD`, `CP`, `NP`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Convention => "CBD",
            Self::Cartagena => "CP",
            Self::Nagoya => "NP",
        }
    }
}

/// A reference found in a text, resolved to what it cites.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reference {
    /// A decision, or a part of one (`XII/2 B`).
    Decision {
        /// The decision.
        id: DecisionId,
        /// Part letter in latin script, if cited.
        part: Option<char>,
    },
    /// A paragraph of a decision: `paragraph 8(d) of decision XII/2 B`.
    DecisionParagraph {
        /// The decision.
        id: DecisionId,
        /// Part letter, if any.
        part: Option<char>,
        /// Paragraph key as in [`Unit::key`]: `p8-d`.
        paragraph: String,
    },
    /// A paragraph of the citing document itself ("paragraph 1 above").
    OwnParagraph {
        /// Paragraph key: `p1`, `p15-m`.
        paragraph: String,
    },
    /// A document by its symbol, normalised: `UNEP/CBD/COP/13/14/Add.1`.
    Document(String),
    /// An article of a treaty: Article 8(j) is `number: "8", letter: Some('j')`.
    Article {
        /// The treaty.
        treaty: Treaty,
        /// Article number.
        number: u32,
        /// Paragraph or letter in latin script, if cited.
        letter: Option<char>,
    },
    /// An Aichi Biodiversity Target, 1–20.
    AichiTarget(u8),
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The source it was read from.
    pub source: SourceFile,
    /// Its identifier.
    pub id: DocumentId,
    /// Where the identifier came from.
    pub id_source: IdentifierSource,
    /// Its kind.
    pub kind: DocumentKind,
    /// The language of this version.
    pub language: Language,
    /// The header block.
    pub header: Header,
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Footnotes in document order.
    pub footnotes: Vec<Footnote>,
    /// Footnotes that could not be attached to a calling unit (the call was lost in
    /// extraction); they are attached to the document itself.
    pub unattached_footnotes: Vec<usize>,
}
