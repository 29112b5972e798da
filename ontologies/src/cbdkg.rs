//! Classes and properties of the cbdkg core ontology (`https://cbdkg.example/ontology#`).
//!
//! Structure: a [`DOCUMENT`] has [`SECTION`]s and [`ANNEX`]es; every structural unit points to
//! its container with `dcterms:isPartOf` and to its document with [`IN_DOCUMENT`]; order is
//! [`POSITION`]; text is [`TEXT`] with a language tag; where it came from is [`SOURCE_FILE`],
//! [`START_LINE`], [`END_LINE`]. Citations are `dcterms:references` or one of its
//! sub-properties ([`CITES_DECISION`], …).
//!
//! Records of registries are [`RECORD`]s: clearing-house records ([`CLEARING_HOUSE_RECORD`],
//! kind [`RECORD_TYPE`]) and Action Agenda pledges ([`PLEDGE`]). A record is its own
//! [`IN_DOCUMENT`] and carries its searchable [`TEXT`] per language. Links a method inferred
//! rather than a source stated are [`INFERRED_LINK`] nodes, never plain citations.

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

    // Classes: records and pledges.
    /// A structured record of a registry (a clearing-house record, an Action Agenda pledge), all its languages at one IRI; it is its own cbdkg:inDocument, so search reads it like a document with one passage per language.
    RECORD = "Record";
    /// A record of the Biosafety Clearing-House (living modified organism, risk assessment, country's decision, law, national focal point); its kind is cbdkg:recordType.
    CLEARING_HOUSE_RECORD = "ClearingHouseRecord";
    /// A commitment to the Action Agenda for Nature and People, made by an individual, organization, business, local or sub-national government or public body (a schema:Action).
    PLEDGE = "Pledge";
    /// A measure a pledge tracks its progress by: a name, a unit, a baseline and a target value with their years, optionally a GBF indicator.
    PLEDGE_INDICATOR = "PledgeIndicator";
    /// A report on the progress of a pledge: its date, text and, where measured, the value reached.
    PROGRESS_REPORT = "ProgressReport";

    // Properties: records and pledges.
    /// The kind of a clearing-house record (a concept of the scheme `https://cbdkg.example/vocab/bch-record-type`).
    RECORD_TYPE = "recordType";
    /// True for example data written for the project in the layout of real records, not records of a real registry.
    IS_EXAMPLE = "isExample";
    /// The country of a record, pledge or actor: an ISO 3166-1 alpha-2 code in upper case ("MX").
    COUNTRY = "country";
    /// The unique identifier of a living modified organism (OECD format, e.g. "MON-ØØ81Ø-6").
    UNIQUE_IDENTIFIER = "uniqueIdentifier";
    /// The transformation event of a living modified organism ("MON810").
    TRANSFORMATION_EVENT = "transformationEvent";
    /// A developer of a living modified organism.
    DEVELOPER = "developer";
    /// The scientific name of the recipient or parental organism of a living modified organism ("Zea mays").
    RECIPIENT_ORGANISM = "recipientOrganism";
    /// A trait of a living modified organism that the modification changed (language-tagged).
    MODIFIED_TRAIT = "modifiedTrait";
    /// A technique used for the modification of a living modified organism (language-tagged).
    TECHNIQUE = "technique";
    /// An introduced or modified genetic element of a living modified organism ("cry1Ab").
    GENETIC_ELEMENT = "geneticElement";
    /// The living modified organism (its clearing-house record) a risk assessment or country's decision is about.
    CONCERNS_LMO = "concernsLmo";
    /// The risk assessment (its clearing-house record) a country's decision is based on.
    RISK_ASSESSMENT = "riskAssessment";
    /// The result of a country's decision: "approval", "approval-with-conditions", "prohibition", "extension" or "request-for-information".
    DECISION_RESULT = "decisionResult";
    /// The kind of a biosafety measure: "law", "regulation", "guidelines" or "agreement".
    LAW_TYPE = "lawType";
    /// Where a law or decision applies, when not the whole country (language-tagged).
    JURISDICTION = "jurisdiction";
    /// What a national focal point is designated for (a concept of the scheme `https://cbdkg.example/vocab/focal-point-category`).
    FOCAL_POINT_CATEGORY = "focalPointCategory";
    /// The form a pledge was submitted with (a concept of the scheme `https://cbdkg.example/vocab/pledge-form`).
    PLEDGE_FORM = "pledgeForm";
    /// The type of the actor of a pledge (a concept of the scheme `https://cbdkg.example/vocab/actor-type`); stated on the pledge and on its agent.
    ACTOR_TYPE = "actorType";
    /// How far a pledge has come (a concept of the scheme `https://cbdkg.example/vocab/pledge-stage`).
    STAGE = "stage";
    /// A category of the Action Agenda the pledge is filed under (a concept of the scheme `https://cbdkg.example/vocab/action-category`).
    ACTION_CATEGORY = "actionCategory";
    /// One concrete action a pledge commits to (language-tagged).
    ACTION = "action";
    /// A measure the pledge tracks its progress by.
    INDICATOR = "indicator";
    /// The indicator of the GBF monitoring framework (decision 16/31) a pledge indicator corresponds to.
    GBF_INDICATOR = "gbfIndicator";
    /// The value of the indicator at the start, in its unit (schema:unitText).
    BASELINE_VALUE = "baselineValue";
    /// The year of the baseline value (xsd:integer).
    BASELINE_YEAR = "baselineYear";
    /// The value the pledge commits to reach, in the indicator's unit.
    TARGET_VALUE = "targetValue";
    /// The year by which the target value is to be reached (xsd:integer).
    TARGET_YEAR = "targetYear";
    /// A partner of the pledge (a prov:Agent with a schema:name).
    PARTNER = "partner";
    /// How the actor measures and reports progress (language-tagged).
    REPORTING_METHOD = "reportingMethod";
    /// A progress report on the pledge.
    PROGRESS_REPORT_PROP = "progressReport";
    /// The value of the pledge's (first) indicator reached at the date of a progress report.
    REPORTED_VALUE = "reportedValue";

    // Labels.
    /// A note that a label of the concept is known to be a poor translation, naming the language and the label (in English).
    TRANSLATION_NOTE = "translationNote";

    // Links inferred by a method (see docs/linking.md): kept apart from asserted citations.
    /// A link from a paragraph, record or pledge to a target that a method inferred (e.g. by semantic similarity) with a score, rather than one its source states. It is never also written as a plain cbdkg:citesTarget triple.
    INFERRED_LINK = "InferredLink";
    /// One run of a method that infers links (its model and settings via prov:used, its time via prov:startedAtTime), distinct from the parsing activity of a source's graph.
    LINKING_ACTIVITY = "LinkingActivity";
    /// The paragraph, record or pledge an inferred link starts from.
    LINK_SOURCE = "linkSource";
    /// The target (a SKOS concept) an inferred link points to.
    LINK_TARGET = "linkTarget";
    /// The asserted property the inferred link stands in for (cbdkg:citesTarget).
    LINK_PROPERTY = "linkProperty";
    /// The confidence of an inferred link, from 0 to 1 (xsd:double); comparable only within one linking activity.
    SCORE = "score";
}
