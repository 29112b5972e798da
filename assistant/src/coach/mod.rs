//! The measurable-pledge coach: reads a draft pledge (free text, or the pledge JSON of the
//! Action Agenda) in Arabic, English, French or Spanish and says which of the ten elements of
//! a measurable pledge it states, with the words that show each ([`Element`]); scores it on a
//! published rubric; suggests, in the draft's language and with its own words, how to add
//! each missing element, citing the CBD guidance that asks for it; and, when the indexes and
//! the model are there, the GBF targets it fits best and the example pledges most like it.
//!
//! Detection is table-driven (`lexicon/`: patterns per language and element); nothing is
//! generated: suggestions are templates filled with the draft's words, and quotes are
//! verbatim. See `docs/pledge-coach.md`.

mod element;
mod guidance;
mod lexicon;
mod pledge;
mod report;
mod suggest;
mod targets;
mod text;

pub use element::{Element, RubricLine, rubric};
pub use guidance::Citation;
pub use report::{CoachReport, DraftKind, ElementReport, SimilarPledge, Suggestion};
pub use targets::{GbfTarget, TargetFit, TargetMatcher};
pub use text::Evidence;

use crate::language;
use cbdkg_search::analysis::Lang;
use cbdkg_search::hybrid::{Mode, SearchIndex, SearchRequest};
use cbdkg_search::{SearchError, SearchFilter};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use text::Folded;

/// Longest draft read, in characters (a pledge's texts together): a pledge is a paragraph or
/// two, not a report.
pub const MAX_DRAFT_CHARS: usize = 20_000;
/// Evidence kept per element.
const MAX_EVIDENCE: usize = 5;
/// Targets and similar pledges reported.
const TOP: usize = 3;
/// Longest query the search accepts (`cbdkg_search::keyword::MAX_QUERY_CHARS`).
const MAX_QUERY_CHARS: usize = 1_000;

/// Why a draft could not be checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CoachError {
    /// Nothing to read.
    #[error("the draft is empty: give the pledge as text, or as pledge JSON")]
    EmptyDraft,
    /// Longer than [`MAX_DRAFT_CHARS`].
    #[error("the draft is {chars} characters long, more than the {limit} a pledge needs")]
    TooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// JSON that is not a pledge.
    #[error("the pledge JSON cannot be read: {message}")]
    InvalidPledge {
        /// What is wrong.
        message: String,
    },
    /// Free text in a language without a lexicon.
    #[error("the draft is in `{lang}`; the coach reads Arabic, English, French and Spanish")]
    UnsupportedLanguage {
        /// The language detected.
        lang: String,
    },
    /// The graph could not be read (GBF targets).
    #[error("cannot read the GBF targets from the graph: {0}")]
    Graph(Box<cbdkg_graph::GraphError>),
    /// The graph holds no GBF target.
    #[error("the graph holds no GBF targets: load the vocabularies first (`cbdkg ingest`)")]
    NoTargets,
    /// The model failed.
    #[error("cannot embed: {0}")]
    Embedding(Box<cbdkg_embed::EmbedError>),
    /// The search failed.
    #[error(transparent)]
    Search(Box<SearchError>),
}

// The sources are boxed: errors travel in every `Result` of the coach and of the server.
impl From<cbdkg_graph::GraphError> for CoachError {
    fn from(e: cbdkg_graph::GraphError) -> Self {
        Self::Graph(Box::new(e))
    }
}

impl From<cbdkg_embed::EmbedError> for CoachError {
    fn from(e: cbdkg_embed::EmbedError) -> Self {
        Self::Embedding(Box::new(e))
    }
}

impl From<SearchError> for CoachError {
    fn from(e: SearchError) -> Self {
        Self::Search(Box::new(e))
    }
}

/// The class of a [`CoachError`], for callers that map errors to statuses (exhaustive on
/// purpose: a new class must be mapped by every caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoachErrorKind {
    /// Nothing to read.
    EmptyDraft,
    /// Over the length limit.
    TooLong,
    /// JSON that is not a pledge.
    InvalidPledge,
    /// A language without a lexicon.
    UnsupportedLanguage,
    /// The graph, the model or the indexes failed, or hold no GBF targets.
    Resources,
}

impl CoachError {
    /// Its class.
    pub fn kind(&self) -> CoachErrorKind {
        match self {
            Self::EmptyDraft => CoachErrorKind::EmptyDraft,
            Self::TooLong { .. } => CoachErrorKind::TooLong,
            Self::InvalidPledge { .. } => CoachErrorKind::InvalidPledge,
            Self::UnsupportedLanguage { .. } => CoachErrorKind::UnsupportedLanguage,
            Self::Graph(_) | Self::NoTargets | Self::Embedding(_) | Self::Search(_) => CoachErrorKind::Resources,
        }
    }
}

/// A draft pledge.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    /// Free text.
    Text(String),
    /// The pledge JSON of `data/examples/pledges/pledges.json`, possibly incomplete.
    Pledge(Value),
}

impl Draft {
    /// Reads a draft as a file or stdin holds it: pledge JSON (one object, or an array of one),
    /// `{"text": "…"}`, `{"pledge": {…}}`, or else free text.
    pub fn parse(input: &str) -> Result<Draft, CoachError> {
        let trimmed = input.trim();
        if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
            return Ok(Draft::Text(input.to_owned()));
        }
        let value: Value = serde_json::from_str(trimmed)
            .map_err(|e| CoachError::InvalidPledge { message: format!("invalid JSON: {e}") })?;
        match value {
            Value::Object(map) if map.len() == 1 && map.get("text").is_some_and(Value::is_string) => {
                Ok(Draft::Text(map["text"].as_str().unwrap_or_default().to_owned()))
            }
            Value::Object(mut map) if map.len() == 1 && map.contains_key("pledge") => {
                Ok(Draft::Pledge(map.remove("pledge").unwrap_or_default()))
            }
            Value::Array(mut items) if items.len() == 1 => Ok(Draft::Pledge(items.remove(0))),
            Value::Array(items) => Err(CoachError::InvalidPledge {
                message: format!("expected one pledge, found an array of {}", items.len()),
            }),
            other => Ok(Draft::Pledge(other)),
        }
    }
}

/// The coach. Without indexes and model it still reads elements, scores and suggests; with
/// them it also cites guidance, fits GBF targets and finds similar pledges.
#[derive(Default)]
pub struct PledgeCoach {
    index: Option<Arc<SearchIndex>>,
    base_iri: String,
    targets: Option<TargetMatcher>,
}

impl std::fmt::Debug for PledgeCoach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PledgeCoach")
            .field("passages", &self.index.as_ref().map(|i| i.len()))
            .field("targets", &self.targets)
            .finish()
    }
}

/// A piece of the draft read as text: its field (for a pledge JSON) and its text.
struct Piece {
    field: Option<String>,
    text: String,
}

impl PledgeCoach {
    /// A coach with its lexicons only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the search indexes: guidance citations (IRIs under `base_iri`) and similar pledges.
    pub fn with_index(mut self, index: Arc<SearchIndex>, base_iri: impl Into<String>) -> Self {
        self.index = Some(index);
        self.base_iri = base_iri.into();
        self
    }

    /// Adds the GBF targets and the model, to say which targets a draft fits.
    pub fn with_targets(mut self, targets: TargetMatcher) -> Self {
        self.targets = Some(targets);
        self
    }

    /// Checks a draft.
    pub fn check(&self, draft: Draft) -> Result<CoachReport, CoachError> {
        let mut notes = Vec::new();
        let (kind, pieces, lang, fields, mut declared, problems, identifier) = match draft {
            Draft::Text(text) => {
                let chars = text.chars().count();
                if text.trim().is_empty() {
                    return Err(CoachError::EmptyDraft);
                }
                if chars > MAX_DRAFT_CHARS {
                    return Err(CoachError::TooLong { chars, limit: MAX_DRAFT_CHARS });
                }
                let lang = language::detect(&text);
                if lexicon::cues(lang).is_none() {
                    return Err(CoachError::UnsupportedLanguage { lang: lang.code().to_owned() });
                }
                (DraftKind::Text, vec![Piece { field: None, text }], lang, Vec::new(), Vec::new(), Vec::new(), None)
            }
            Draft::Pledge(value) => {
                if value.as_object().is_some_and(serde_json::Map::is_empty) || value.is_null() {
                    return Err(CoachError::EmptyDraft);
                }
                let reading = pledge::read(&value)?;
                let chars: usize = reading.texts.iter().map(|(_, t)| t.chars().count()).sum();
                if chars > MAX_DRAFT_CHARS {
                    return Err(CoachError::TooLong { chars, limit: MAX_DRAFT_CHARS });
                }
                let joined: Vec<&str> = reading.texts.iter().map(|(_, t)| t.as_str()).collect();
                let lang = reading.lang.unwrap_or_else(|| language::detect(&joined.join("\n")));
                if lexicon::cues(lang).is_none() {
                    notes.push(format!(
                        "no lexicon for `{}`: only the pledge's fields were read, not its texts",
                        lang.code()
                    ));
                }
                let pieces =
                    reading.texts.into_iter().map(|(field, text)| Piece { field: Some(field), text }).collect();
                (
                    DraftKind::Pledge,
                    pieces,
                    lang,
                    reading.fields,
                    reading.declared,
                    reading.problems,
                    reading.identifier,
                )
            }
        };

        let mut found: BTreeMap<Element, Vec<Evidence>> = BTreeMap::new();
        for (element, evidence) in fields {
            found.entry(element).or_default().push(evidence);
        }
        for piece in &pieces {
            for (element, evidence) in scan(&piece.text, lang, piece.field.as_deref()) {
                if element == Element::GbfTarget {
                    declared.extend(lexicon::target_numbers(&evidence.text));
                }
                found.entry(element).or_default().push(evidence);
            }
            for mention in cbdkg_ingest::target_mentions(&piece.text) {
                if let cbdkg_ingest::TargetMention::Gbf(n) = mention {
                    declared.push(n);
                }
            }
        }
        declared.sort_unstable();
        declared.dedup();
        let elements: Vec<ElementReport> = Element::ALL
            .into_iter()
            .map(|element| {
                let evidence = tidy(found.remove(&element).unwrap_or_default());
                ElementReport { element, present: !evidence.is_empty(), evidence }
            })
            .collect();
        let present = |element: Element| elements.iter().any(|e| e.element == element && e.present);
        let rubric = rubric(present);
        let score = rubric.iter().map(|line| line.earned).sum();

        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
        let targets = match &self.targets {
            Some(matcher) => matcher.fit(&joined, lang, &declared, TOP).unwrap_or_else(|e| {
                notes.push(format!("no GBF target fit: {e}"));
                Vec::new()
            }),
            None => {
                notes.push("no GBF target fit: the embedding model or the GBF targets are not loaded".to_owned());
                Vec::new()
            }
        };
        let context = context(&pieces, &elements, lang, &targets);
        let suggestions = elements
            .iter()
            .filter(|e| !e.present)
            .map(|e| Suggestion {
                element: e.element,
                text: suggest::suggestion(e.element, &context),
                guidance: match &self.index {
                    Some(index) => guidance::citations(index, &self.base_iri, e.element),
                    None => Vec::new(),
                },
            })
            .collect();
        let similar_pledges = match &self.index {
            Some(index) => similar(index, &joined, identifier.as_deref()).unwrap_or_else(|e| {
                notes.push(format!("no similar pledges: {e}"));
                Vec::new()
            }),
            None => {
                notes.push("no similar pledges or guidance citations: the search indexes are not open".to_owned());
                Vec::new()
            }
        };
        Ok(CoachReport {
            lang: lang.code().to_owned(),
            kind,
            score,
            rubric,
            elements,
            suggestions,
            targets,
            similar_pledges,
            problems,
            notes,
        })
    }
}

/// Every cue of `lang` that matches `text`, as (element, evidence).
fn scan(text: &str, lang: Lang, field: Option<&str>) -> Vec<(Element, Evidence)> {
    let Some(cues) = lexicon::cues(lang) else { return Vec::new() };
    let folded = Folded::new(text);
    let mut out = Vec::new();
    for cue in cues {
        for caps in cue.regex.captures_iter(&folded.folded) {
            if !lexicon::passes(cue.check, &caps, &folded.folded) {
                continue;
            }
            let Some(m) = caps.get(0) else { continue };
            if let Some(evidence) = folded.evidence(m.start(), m.end(), field) {
                out.push((cue.element, evidence));
            }
        }
    }
    out
}

/// Evidence in text order, each span once (a span inside another of the same field is
/// dropped), at most [`MAX_EVIDENCE`].
fn tidy(mut evidence: Vec<Evidence>) -> Vec<Evidence> {
    evidence.sort_by(|a, b| a.field.cmp(&b.field).then(a.start.cmp(&b.start)).then(b.end.cmp(&a.end)));
    let mut out: Vec<Evidence> = Vec::new();
    for e in evidence {
        let inside = out.iter().any(|o| o.field == e.field && o.start <= e.start && e.end <= o.end);
        if !inside {
            out.push(e);
        }
    }
    // Free text and text fields first, then the fields that state an element whole.
    out.sort_by_key(|e| (e.field.is_some(), e.field.clone(), e.start));
    out.truncate(MAX_EVIDENCE);
    out
}

/// What the suggestions reuse: the first action phrase, weak verb and quantity of the draft.
fn context(pieces: &[Piece], elements: &[ElementReport], lang: Lang, targets: &[TargetFit]) -> suggest::Context {
    let evidence = |element: Element| elements.iter().find(|e| e.element == element).map(|e| e.evidence.as_slice());
    let text_of = |field: &Option<String>| pieces.iter().find(|p| &p.field == field).map(|p| p.text.as_str());
    let phrase = evidence(Element::Action).unwrap_or_default().iter().find_map(|e| {
        let text = text_of(&e.field)?;
        // A field that is the action whole ("actions[0].fr") is the phrase itself.
        suggest::phrase(text, e.start, lang)
    });
    let quantity = evidence(Element::Quantity)
        .unwrap_or_default()
        .iter()
        .find(|e| e.field.as_deref().is_none_or(|f| !f.starts_with("indicators[")))
        .map(|e| e.text.clone());
    let weak = pieces.iter().find_map(|p| suggest::weak_verb(&p.text, lang));
    let target = targets.first().map(|t| (t.number, t.title.clone()));
    suggest::Context { lang, phrase, weak, quantity, target }
}

/// The example pledges most like the draft (leaving out the draft itself, by identifier).
fn similar(index: &SearchIndex, text: &str, identifier: Option<&str>) -> Result<Vec<SimilarPledge>, SearchError> {
    let query: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mode = if index.embedder().is_some() { Mode::Hybrid } else { Mode::Bm25 };
    let filter = SearchFilter { doc_types: vec!["pledge".to_owned()], ..SearchFilter::default() };
    let response = index.search(&SearchRequest { query, k: TOP + 1, mode, filter })?;
    Ok(response
        .hits
        .into_iter()
        .filter(|hit| identifier.is_none_or(|id| hit.symbol.as_deref() != Some(id)))
        .take(TOP)
        .map(|hit| SimilarPledge {
            iri: hit.iri,
            identifier: hit.symbol,
            title: hit.title,
            lang: hit.lang,
            score: hit.score,
            similarity: hit.why.similarity,
            matched_terms: hit.why.matched_terms,
        })
        .collect())
}
