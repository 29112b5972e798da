//! What the coach says about a draft: each element with its evidence, the measurability
//! score and its rubric, suggestions with the guidance that backs them, the GBF targets it
//! fits best, similar example pledges; as JSON (`--json`, `POST /api/pledges/check`) or text.

use super::element::{Element, RubricLine};
use super::guidance::Citation;
use super::targets::TargetFit;
use super::text::Evidence;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Whether the draft was free text or a pledge JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftKind {
    /// Free text.
    Text,
    /// Pledge JSON.
    Pledge,
}

/// One element: found or not, and the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElementReport {
    /// The element.
    pub element: Element,
    /// Whether the draft states it.
    pub present: bool,
    /// The words (or fields) that show it, in text order; empty when missing.
    pub evidence: Vec<Evidence>,
}

/// How to add a missing element, with the guidance paragraphs that ask for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The missing element.
    pub element: Element,
    /// The suggestion, in the draft's language, reusing its words.
    pub text: String,
    /// Paragraphs of the CBD's guidance that back it, with verbatim quotes.
    pub guidance: Vec<Citation>,
}

/// An example pledge like the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarPledge {
    /// Its IRI.
    pub iri: String,
    /// Its identifier.
    pub identifier: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The language of the text searched.
    pub lang: String,
    /// The search score (fused rank score in hybrid mode).
    pub score: f64,
    /// Cosine similarity to the draft, when the vector retriever found it.
    pub similarity: Option<f32>,
    /// Words of the draft it contains.
    pub matched_terms: Vec<String>,
}

/// The coach's report on a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachReport {
    /// The language the draft was read in (`ar`, `en`, `fr`, `es`…).
    pub lang: String,
    /// Free text or pledge JSON.
    pub kind: DraftKind,
    /// Measurability, 0–100: the sum of the weights of the elements present.
    pub score: u32,
    /// The weights and what the draft earned of each.
    pub rubric: Vec<RubricLine>,
    /// The ten elements, in a fixed order.
    pub elements: Vec<ElementReport>,
    /// One suggestion per missing element.
    pub suggestions: Vec<Suggestion>,
    /// The three GBF targets the draft fits best (empty without the model).
    pub targets: Vec<TargetFit>,
    /// The example pledges most like it (empty without the indexes).
    pub similar_pledges: Vec<SimilarPledge>,
    /// For a pledge JSON, what its shape check says is wrong or missing.
    pub problems: Vec<String>,
    /// What the coach could not do, and why (no model, no index).
    pub notes: Vec<String>,
}

impl CoachReport {
    /// Whether the draft states `element`.
    pub fn present(&self, element: Element) -> bool {
        self.elements.iter().any(|e| e.element == element && e.present)
    }

    /// The report as text for a terminal: the rubric with the evidence, the suggestions with
    /// their guidance, the targets, similar pledges, problems and notes.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let kind = match self.kind {
            DraftKind::Text => "free text",
            DraftKind::Pledge => "pledge JSON",
        };
        let _ = writeln!(out, "Measurability: {}/100 ({kind}, language {})\n", self.score, self.lang);
        for (line, element) in self.rubric.iter().zip(&self.elements) {
            let mark = if element.present { "yes" } else { "no " };
            let evidence: Vec<String> = element
                .evidence
                .iter()
                .take(3)
                .map(|e| match &e.field {
                    Some(field) => format!("{field}: \"{}\"", e.text),
                    None => format!("\"{}\"", e.text),
                })
                .collect();
            let _ = writeln!(
                out,
                "  {:<11} {:>2}/{:<2} {mark}  {}",
                line.element.as_str(),
                line.earned,
                line.weight,
                evidence.join(", ")
            );
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(out, "\nSuggestions");
            for s in &self.suggestions {
                let _ = writeln!(out, "  - {}: {}", s.element, s.text);
                for c in &s.guidance {
                    let _ = writeln!(out, "      guidance <{}>: «{}»", c.iri, c.quote);
                }
            }
        }
        if !self.targets.is_empty() {
            let _ = writeln!(out, "\nGBF targets it fits best");
            for t in &self.targets {
                let declared = if t.declared { " [named in the draft]" } else { "" };
                let shared = if t.shared_terms.is_empty() {
                    String::new()
                } else {
                    format!("; shared words: {}", t.shared_terms.join(", "))
                };
                let _ = writeln!(
                    out,
                    "  - Target {}: {} (similarity {:.3}, {:+.1} sd from the mean{shared}){declared}",
                    t.number, t.title, t.similarity, t.standout
                );
            }
        }
        if !self.similar_pledges.is_empty() {
            let _ = writeln!(out, "\nSimilar example pledges");
            for p in &self.similar_pledges {
                let similarity = p.similarity.map(|s| format!(", similarity {s:.3}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  - {} {} ({}{similarity})",
                    p.identifier.as_deref().unwrap_or(&p.iri),
                    p.title.as_deref().unwrap_or(""),
                    p.lang
                );
            }
        }
        for (title, lines) in [("Problems of the pledge JSON", &self.problems), ("Notes", &self.notes)] {
            if !lines.is_empty() {
                let _ = writeln!(out, "\n{title}");
                for line in lines {
                    let _ = writeln!(out, "  - {line}");
                }
            }
        }
        out
    }
}
