//! The model as RDF: IRIs (DESIGN §3) and quads, one named graph per source.

use crate::model::{Body, Date, DocumentId, DocumentKind, Reference, Span, Unit, UnitKind};
use crate::{Document, IngestError, PARSER_VERSION, SourceFile};
use cbdkg_ontologies::standard::{dcterms, rdf, xsd};
use cbdkg_ontologies::{cbdkg, schemes};
use oxrdf::{Literal, NamedNode, Quad, Term};
use std::collections::HashSet;

/// The base IRI of instance data, ending with `/` (default `https://cbdkg.example/id/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseIri(String);

impl BaseIri {
    /// Checks and wraps a base IRI: absolute, `http(s)`, ending with `/`.
    pub fn new(iri: impl Into<String>) -> Result<Self, IngestError> {
        let iri = iri.into();
        let fail = |message: &str| IngestError::BaseIri { iri: iri.clone(), message: message.into() };
        if !(iri.starts_with("https://") || iri.starts_with("http://")) {
            return Err(fail("must start with http:// or https://"));
        }
        if !iri.ends_with('/') {
            return Err(fail("must end with '/'"));
        }
        NamedNode::new(&iri).map_err(|e| fail(&e.to_string()))?;
        Ok(Self(iri))
    }

    /// The IRI.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `{base}{path}` as a named node.
    pub fn node(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.0))
    }
}

impl Default for BaseIri {
    fn default() -> Self {
        Self(cbdkg_ontologies::DEFAULT_BASE_IRI.to_owned())
    }
}

/// Everything one source contributes to the store: the quads of its named graph and what the
/// graph crate needs for provenance and change detection.
#[derive(Debug, Clone)]
pub struct GraphPayload {
    /// The named graph every quad is in.
    pub graph: NamedNode,
    /// The main resource the graph describes (a document, the ontology, a scheme).
    pub subject: NamedNode,
    /// A short human label for progress output: "decision XIII/23".
    pub label: String,
    /// The source it was read from.
    pub source: SourceFile,
    /// IRI of the source file as a `prov:Entity`: `{base}source/{sha256}`.
    pub source_iri: NamedNode,
    /// [`PARSER_VERSION`] of the producer.
    pub parser_version: &'static str,
    /// The quads, all in [`GraphPayload::graph`].
    pub quads: Vec<Quad>,
}

/// Maps a document to its named graph `{base}graph/{document path}/{language}`: one graph per
/// source, so the Arabic and English versions of a decision (same IRIs, other `@lang` texts)
/// are loaded and replaced independently.
pub fn to_graph(doc: &Document, base: &BaseIri) -> GraphPayload {
    let path = doc.id.path();
    let subject = base.node(&path);
    let graph = base.node(&format!("graph/{path}/{}", doc.language.code()));
    let mut w = QuadWriter::new(graph.clone(), doc.language.code());
    document_quads(doc, base, &subject, &mut w);
    for (position, unit) in doc.units.iter().enumerate() {
        unit_quads(doc, base, &subject, position, unit, &mut w);
    }
    for note in &doc.footnotes {
        let iri = base.node(&format!("{path}/{}", note.key));
        w.iri(&iri, rdf::TYPE, cbdkg::FOOTNOTE);
        w.node(&iri, dcterms::IS_PART_OF, &subject);
        w.node(&iri, cbdkg::IN_DOCUMENT, &subject);
        w.plain(&iri, cbdkg::MARKER, &note.marker);
        w.text(&iri, cbdkg::TEXT, &note.text);
        span_quads(doc, &iri, note.span, &mut w);
        reference_quads(base, &subject, &iri, &note.references, &mut w);
        target_quads(&iri, &note.text, &mut w);
    }
    for &index in &doc.unattached_footnotes {
        let iri = base.node(&format!("{path}/{}", doc.footnotes[index].key));
        w.node(&subject, cbdkg::FOOTNOTE_PROP, &iri);
    }
    let source_iri = base.node(&format!("source/{}", doc.source.sha256));
    GraphPayload {
        graph,
        label: describe(doc),
        subject,
        source: doc.source.clone(),
        source_iri,
        parser_version: PARSER_VERSION,
        quads: w.quads,
    }
}

/// "decision XIII/23", "document UNEP/CBD/SBI/1/6", "document 000_10ec64ccf00d85d6".
fn describe(doc: &Document) -> String {
    match &doc.id {
        DocumentId::Decision(d) => format!("decision {}", d.short_symbol()),
        DocumentId::Symbol(s) => format!("document {s}"),
        DocumentId::Slug(s) => format!("document {s}"),
    }
}

fn document_quads(doc: &Document, base: &BaseIri, subject: &NamedNode, w: &mut QuadWriter) {
    let h = &doc.header;
    w.iri(subject, rdf::TYPE, cbdkg::DOCUMENT);
    let doctype = match doc.kind {
        DocumentKind::Decision => {
            w.iri(subject, rdf::TYPE, cbdkg::DECISION);
            schemes::doctype::DECISION
        }
        DocumentKind::Note => schemes::doctype::NOTE,
        DocumentKind::DiscussionGuide => schemes::doctype::DISCUSSION_GUIDE,
    };
    w.iri(subject, cbdkg::DOCUMENT_TYPE, doctype);
    if let DocumentId::Decision(d) = &doc.id {
        w.plain(subject, cbdkg::SHORT_SYMBOL, &d.short_symbol());
        w.integer(subject, cbdkg::SESSION, d.session);
        w.integer(subject, cbdkg::DECISION_NUMBER, d.number);
    }
    if let Some(symbol) = &h.symbol {
        w.plain(subject, dcterms::IDENTIFIER, symbol);
    }
    if let Some(title) = &h.title {
        w.text(subject, dcterms::TITLE, title);
    }
    w.plain(subject, dcterms::LANGUAGE, doc.language.code());
    if let Some(original) = h.original_language {
        w.plain(subject, cbdkg::ORIGINAL_LANGUAGE, original.code());
    }
    if let Some(date) = h.issued {
        w.date(subject, dcterms::ISSUED, date);
    }
    if let Some(item) = &h.agenda_item {
        w.plain(subject, cbdkg::AGENDA_ITEM, item);
    }
    w.plain(subject, cbdkg::IDENTIFIER_SOURCE, doc.id_source.as_str());
    w.plain(subject, cbdkg::SOURCE_FILE, &doc.source.file_name);
    if let Some(body) = h.body {
        let body_iri = body_concept(body);
        w.iri(subject, cbdkg::BODY, body_iri);
        if let Some(session) = h.meeting {
            let meeting = base.node(&format!("meeting/{}-{session}", body.code()));
            w.node(subject, cbdkg::MEETING_PROP, &meeting);
            w.iri(&meeting, rdf::TYPE, cbdkg::MEETING);
            w.iri(&meeting, cbdkg::BODY, body_iri);
            w.integer(&meeting, cbdkg::SESSION, session);
            if let Some(place) = &h.place {
                w.text(&meeting, cbdkg::PLACE, place);
            }
            if let Some(date) = h.start_date {
                w.date(&meeting, cbdkg::START_DATE, date);
            }
            if let Some(date) = h.end_date {
                w.date(&meeting, cbdkg::END_DATE, date);
            }
        }
    }
}

fn body_concept(body: Body) -> &'static str {
    use schemes::body as b;
    match body {
        Body::Cop => b::COP,
        Body::CpMop => b::CP_MOP,
        Body::NpMop => b::NP_MOP,
        Body::Sbi => b::SBI,
        Body::Sbstta => b::SBSTTA,
        Body::Wg8j => b::WG8J,
        Body::Secretariat => b::SECRETARIAT,
    }
}

fn unit_quads(doc: &Document, base: &BaseIri, subject: &NamedNode, position: usize, unit: &Unit, w: &mut QuadWriter) {
    let path = doc.id.path();
    let iri = base.node(&format!("{path}/{}", unit.key));
    let classes: &[&str] = match unit.kind {
        UnitKind::Section => &[cbdkg::SECTION],
        UnitKind::Annex => &[cbdkg::SECTION, cbdkg::ANNEX],
        UnitKind::Preambular => &[cbdkg::PARAGRAPH, cbdkg::PREAMBULAR_PARAGRAPH],
        UnitKind::Operative => &[cbdkg::PARAGRAPH, cbdkg::NUMBERED_PARAGRAPH, cbdkg::OPERATIVE_PARAGRAPH],
        UnitKind::Numbered => &[cbdkg::PARAGRAPH, cbdkg::NUMBERED_PARAGRAPH],
        UnitKind::SubParagraph => &[cbdkg::PARAGRAPH, cbdkg::SUB_PARAGRAPH],
        UnitKind::Question => &[cbdkg::PARAGRAPH, cbdkg::GUIDING_QUESTION],
        UnitKind::TableRow => &[cbdkg::TABLE_ROW],
        UnitKind::Text => &[cbdkg::PARAGRAPH],
    };
    for class in classes {
        w.iri(&iri, rdf::TYPE, class);
    }
    let container = |index: usize| base.node(&format!("{path}/{}", doc.units[index].key));
    let parent = unit.parent.or(unit.section).map_or_else(|| subject.clone(), container);
    w.node(&iri, dcterms::IS_PART_OF, &parent);
    w.node(&iri, cbdkg::IN_DOCUMENT, subject);
    if let Some(section) = unit.section {
        w.node(&iri, cbdkg::IN_SECTION, &container(section));
    }
    w.plain(&iri, cbdkg::LABEL, &unit.label);
    if let Some(number) = &unit.number {
        w.plain(&iri, cbdkg::NUMBER, number);
    }
    w.integer(&iri, cbdkg::POSITION, position as u32 + 1);
    if matches!(unit.kind, UnitKind::Section | UnitKind::Annex) {
        if !unit.text.is_empty() {
            w.text(&iri, dcterms::TITLE, &unit.text);
        }
    } else {
        w.text(&iri, cbdkg::TEXT, &unit.text);
    }
    span_quads(doc, &iri, unit.span, w);
    for &note in &unit.footnotes {
        w.node(&iri, cbdkg::FOOTNOTE_PROP, &base.node(&format!("{path}/{}", doc.footnotes[note].key)));
    }
    for cell in &unit.cells {
        let cell_iri = base.node(&format!("{path}/{}/c{}", unit.key, cell.column));
        w.node(&iri, cbdkg::CELL, &cell_iri);
        w.iri(&cell_iri, rdf::TYPE, cbdkg::TABLE_CELL);
        w.integer(&cell_iri, cbdkg::COLUMN, cell.column);
        w.text(&cell_iri, cbdkg::COLUMN_HEADER, &cell.header);
        w.text(&cell_iri, cbdkg::TEXT, &cell.text);
    }
    reference_quads(base, subject, &iri, &unit.references, w);
    target_quads(&iri, &unit.text, w);
}

/// Targets the text names in forms the reference parser does not read (GBF targets, Arabic
/// variants, "all Aichi targets"): asserted links like the parser's own (see `linking`).
fn target_quads(from: &NamedNode, text: &str, w: &mut QuadWriter) {
    for mention in crate::linking::target_mentions(text) {
        w.iri(from, cbdkg::CITES_TARGET, &mention.iri());
    }
}

fn span_quads(doc: &Document, iri: &NamedNode, span: Span, w: &mut QuadWriter) {
    w.plain(iri, cbdkg::SOURCE_FILE, &doc.source.file_name);
    w.integer(iri, cbdkg::START_LINE, span.start);
    w.integer(iri, cbdkg::END_LINE, span.end);
}

/// Citations as `dcterms:references` sub-properties, with IRIs per DESIGN §3.
pub(crate) fn reference_quads(
    base: &BaseIri,
    document: &NamedNode,
    from: &NamedNode,
    refs: &[Reference],
    w: &mut QuadWriter,
) {
    for reference in refs {
        match reference {
            Reference::Decision { id, part } => {
                let decision = base.node(&format!("decision/{}", id.key()));
                w.node(from, cbdkg::CITES_DECISION, &decision);
                w.plain(&decision, cbdkg::SHORT_SYMBOL, &id.short_symbol());
                if let Some(part) = part {
                    w.node(from, dcterms::REFERENCES, &base.node(&format!("decision/{}/{part}", id.key())));
                }
            }
            Reference::DecisionParagraph { id, part, paragraph } => {
                let decision = base.node(&format!("decision/{}", id.key()));
                let part = part.map(|p| format!("{p}/")).unwrap_or_default();
                w.node(from, cbdkg::CITES_DECISION, &decision);
                w.node(from, cbdkg::CITES_PARAGRAPH, &base.node(&format!("decision/{}/{part}{paragraph}", id.key())));
            }
            Reference::OwnParagraph { paragraph } => {
                w.node(
                    from,
                    cbdkg::CITES_PARAGRAPH,
                    &NamedNode::new_unchecked(format!("{}/{paragraph}", document.as_str())),
                );
            }
            Reference::Document(symbol) => {
                let cited = base.node(&format!("doc/{}", crate::symbols::symbol_key(symbol)));
                w.node(from, cbdkg::CITES_DOCUMENT, &cited);
                w.plain(&cited, dcterms::IDENTIFIER, symbol);
            }
            Reference::Article { treaty, number, letter } => {
                let article = match letter {
                    Some(l) => format!("treaty/{}/art{number}-{l}", treaty.code()),
                    None => format!("treaty/{}/art{number}", treaty.code()),
                };
                let article = base.node(&article);
                w.node(from, cbdkg::CITES_ARTICLE, &article);
                w.iri(&article, rdf::TYPE, cbdkg::TREATY_ARTICLE);
                w.node(&article, cbdkg::TREATY_PROP, &base.node(&format!("treaty/{}", treaty.code())));
            }
            Reference::AichiTarget(n) => {
                w.iri(from, cbdkg::CITES_TARGET, &format!("{}{n}", schemes::AICHI_TARGET_NS));
            }
        }
    }
}

/// Collects the quads of one named graph, each once (a graph is a set: a cited decision's
/// symbol is stated once however many paragraphs cite it).
pub struct QuadWriter {
    graph: NamedNode,
    pub(crate) quads: Vec<Quad>,
    seen: HashSet<Quad>,
    lang: &'static str,
}

impl QuadWriter {
    /// A writer for `graph` whose [`QuadWriter::text`] literals are tagged `lang`.
    pub fn new(graph: NamedNode, lang: &'static str) -> Self {
        Self { graph, quads: Vec::new(), seen: HashSet::new(), lang }
    }
    /// The quads written, in order.
    pub fn into_quads(self) -> Vec<Quad> {
        self.quads
    }
    /// A literal tagged with another language than the writer's.
    pub fn text_in(&mut self, s: &NamedNode, p: &str, o: &str, lang: &str) {
        self.push(s, p, Literal::new_language_tagged_literal_unchecked(o, lang));
    }
    /// A typed literal.
    pub fn typed(&mut self, s: &NamedNode, p: &str, o: &str, datatype: &str) {
        self.push(s, p, Literal::new_typed_literal(o, NamedNode::new_unchecked(datatype)));
    }
    /// Any object.
    pub fn push(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        let quad = Quad::new(s.clone(), NamedNode::new_unchecked(p), o, self.graph.clone());
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
    }
    /// A named node.
    pub fn node(&mut self, s: &NamedNode, p: &str, o: &NamedNode) {
        self.push(s, p, o.clone());
    }
    /// A named node given as an IRI string.
    pub fn iri(&mut self, s: &NamedNode, p: &str, o: &str) {
        self.push(s, p, NamedNode::new_unchecked(o));
    }
    /// A plain string literal.
    pub fn plain(&mut self, s: &NamedNode, p: &str, o: &str) {
        self.push(s, p, Literal::new_simple_literal(o));
    }
    /// A literal tagged with the writer's language.
    pub fn text(&mut self, s: &NamedNode, p: &str, o: &str) {
        self.push(s, p, Literal::new_language_tagged_literal_unchecked(o, self.lang));
    }
    /// An `xsd:integer`.
    pub fn integer(&mut self, s: &NamedNode, p: &str, o: u32) {
        self.push(s, p, Literal::new_typed_literal(o.to_string(), NamedNode::new_unchecked(xsd::INTEGER)));
    }
    /// An `xsd:date`.
    pub fn date(&mut self, s: &NamedNode, p: &str, o: Date) {
        self.push(s, p, Literal::new_typed_literal(o.to_string(), NamedNode::new_unchecked(xsd::DATE)));
    }
}

/// The ontology and SKOS files of `cbdkg-ontologies`, each as a payload for its own graph.
pub fn vocabulary_payloads(base: &BaseIri) -> Result<Vec<GraphPayload>, IngestError> {
    cbdkg_ontologies::TURTLE_FILES
        .iter()
        .map(|file| {
            let graph = NamedNode::new_unchecked(file.graph);
            let mut quads = Vec::new();
            for triple in oxttl::TurtleParser::new().for_slice(file.text.as_bytes()) {
                let triple =
                    triple.map_err(|e| IngestError::Turtle { name: file.name.into(), message: e.to_string() })?;
                quads.push(triple.in_graph(graph.clone()));
            }
            let source = crate::source::source_of_bytes(file.name, file.name, file.text.as_bytes());
            Ok(GraphPayload {
                subject: graph.clone(),
                label: format!("vocabulary {}", file.name),
                source_iri: base.node(&format!("source/{}", source.sha256)),
                source,
                graph,
                parser_version: PARSER_VERSION,
                quads,
            })
        })
        .collect()
}
