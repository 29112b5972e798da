//! Classes and properties of the cbdkg core ontology (`https://cbdkg.example/ontology#`).
//!
//! Structure: a [`DOCUMENT`] has [`SECTION`]s and [`ANNEX`]es; every structural unit points to
//! its container with `dcterms:isPartOf` and to its document with [`IN_DOCUMENT`]; order is
//! [`POSITION`]; text is [`TEXT`] with a language tag; where it came from is [`SOURCE_FILE`],
//! [`START_LINE`], [`END_LINE`]. Citations are `dcterms:references` or one of its
//! sub-properties ([`CITES_DECISION`], …).

macro_rules! terms {
    ($($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = concat!("https://cbdkg.example/ontology#", $local);)*
        /// Every term of this module, for checks against the Turtle file.
        pub const ALL: &[&str] = &[$($name),*];
    };
}

terms! {
    // Classes: documents and the bodies that adopt them.
    /// An official document (decision, note, report, guide…), in one language version.
    DOCUMENT = "Document";
    /// A decision adopted by a governing body (COP, CP-MOP, NP-MOP).
    DECISION = "Decision";
    /// A session of a body, e.g. the thirteenth meeting of the COP.
    MEETING = "Meeting";
    /// A treaty: the Convention or one of its Protocols.
    TREATY = "Treaty";
    /// An article of a treaty.
    TREATY_ARTICLE = "TreatyArticle";

    // Classes: the structure of a document.
    /// A titled division of a document (lettered or numbered section, decision part).
    SECTION = "Section";
    /// An annex (or appendix) of a document.
    ANNEX = "Annex";
    /// A paragraph: the unit of retrieval and citation.
    PARAGRAPH = "Paragraph";
    /// A preambular paragraph of a decision ("Recalling…", "إذ يشير").
    PREAMBULAR_PARAGRAPH = "PreambularParagraph";
    /// A numbered paragraph of a document that is not a decision.
    NUMBERED_PARAGRAPH = "NumberedParagraph";
    /// A numbered operative paragraph of a decision.
    OPERATIVE_PARAGRAPH = "OperativeParagraph";
    /// A lettered or numbered sub-paragraph: (a), (i), (1).
    SUB_PARAGRAPH = "SubParagraph";
    /// A guiding question of a discussion guide.
    GUIDING_QUESTION = "GuidingQuestion";
    /// A row of an annex table.
    TABLE_ROW = "TableRow";
    /// A cell of a table row, with its column header.
    TABLE_CELL = "TableCell";
    /// A footnote.
    FOOTNOTE = "Footnote";

    // Properties: documents, meetings, bodies.
    /// The document's short symbol, as commonly cited ("XIII/23", "CP-11/4").
    SHORT_SYMBOL = "shortSymbol";
    /// The body that adopted the decision or to which the document is addressed (a SKOS concept).
    BODY = "body";
    /// The meeting of the document.
    MEETING_PROP = "meeting";
    /// The session number of a meeting or decision (xsd:integer).
    SESSION = "session";
    /// The number of a decision within its session (xsd:integer).
    DECISION_NUMBER = "decisionNumber";
    /// The kind of document (a concept of the document-type scheme).
    DOCUMENT_TYPE = "documentType";
    /// The agenda item the document belongs to ("12", "5 (a)").
    AGENDA_ITEM = "agendaItem";
    /// Where a meeting took place (language-tagged).
    PLACE = "place";
    /// First day of a meeting (xsd:date).
    START_DATE = "startDate";
    /// Last day of a meeting (xsd:date).
    END_DATE = "endDate";
    /// The language the document was originally written in (BCP 47 code).
    ORIGINAL_LANGUAGE = "originalLanguage";
    /// The treaty an article belongs to.
    TREATY_PROP = "treaty";

    // Properties: structure and text.
    /// The document a unit belongs to (shortcut for the transitive `dcterms:isPartOf`).
    IN_DOCUMENT = "inDocument";
    /// The innermost section or annex a unit belongs to.
    IN_SECTION = "inSection";
    /// The label of a unit as printed and cited ("15(g)", "pre3", "A").
    LABEL = "label";
    /// The unit's own number or letter within its parent ("15", "g", "ii"), latin script.
    NUMBER = "number";
    /// Position of the unit in its document, from 1 (xsd:integer).
    POSITION = "position";
    /// The text of a unit, language-tagged; the same IRI carries one per language version.
    TEXT = "text";
    /// The source file a unit was read from.
    SOURCE_FILE = "sourceFile";
    /// First line of the unit in its source file, from 1 (xsd:integer).
    START_LINE = "startLine";
    /// Last line of the unit in its source file (xsd:integer).
    END_LINE = "endLine";
    /// A footnote attached to the unit that calls it.
    FOOTNOTE_PROP = "footnote";
    /// The marker of a footnote as printed ("3", "*").
    MARKER = "marker";
    /// A cell of a table row.
    CELL = "cell";
    /// The column of a cell, from 1, in reading order of the header (xsd:integer).
    COLUMN = "column";
    /// The header of the column a cell is in (language-tagged).
    COLUMN_HEADER = "columnHeader";

    // Properties: citations (all sub-properties of dcterms:references).
    /// Cites a decision.
    CITES_DECISION = "citesDecision";
    /// Cites a paragraph of a decision or document.
    CITES_PARAGRAPH = "citesParagraph";
    /// Cites a document by its symbol.
    CITES_DOCUMENT = "citesDocument";
    /// Cites an article of a treaty.
    CITES_ARTICLE = "citesArticle";
    /// Cites a target (Aichi Biodiversity Target, GBF target).
    CITES_TARGET = "citesTarget";

    // Properties: provenance of ingested graphs.
    /// SHA-256 of a source file (hex).
    SHA256 = "sha256";
    /// Version of the parser that produced a graph.
    PARSER_VERSION = "parserVersion";
    /// File name of a source file.
    FILE_NAME = "fileName";
    /// Size of a source file in bytes (xsd:integer).
    BYTE_SIZE = "byteSize";
    /// How the document's identifier was obtained: "text", "sidecar" or "file-name".
    IDENTIFIER_SOURCE = "identifierSource";
}
