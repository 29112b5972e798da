//! When the evidence is too weak to answer, and what to search for instead.
//!
//! Two signals decide, both from multilingual-e5-small:
//! - whether the question is about the CBD's business at all: its similarity to a description
//!   of the corpus's subjects minus its best similarity to a few unrelated subjects (sport,
//!   cooking, geography, finance…). Absolute similarities say little here (the model puts
//!   almost every question–paragraph pair between 0.74 and 0.92, and an English question is
//!   as close to an English example pledge about anything as to the Arabic paragraph that
//!   answers it), while the difference separates "capital of France" from "who evaluates the
//!   action plan" in every language of the gold set;
//! - how close the best quotable sentence of the best hits comes to the question.
//!
//! The thresholds were set on the answer gold set (EVALS.md, "Answers"). Keyword coverage of
//! the best hits is reported beside them, for reading, but does not decide: across languages
//! it is zero whatever the answer.

use cbdkg_search::Hit;
use cbdkg_search::analysis::Lang;
use serde::Serialize;
use std::collections::HashSet;

/// How many of the best hits the signals look at.
const SIGNAL_DEPTH: usize = 5;

/// What the search says about how well the documents answer a question.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Signals {
    /// Highest cosine similarity among the best hits (0 when none has one).
    pub top_similarity: f32,
    /// Whether that hit's text is in the question's language.
    pub same_language: bool,
    /// Highest share of the question's terms that a best hit in the question's language
    /// contains (0–1; 0 across languages).
    pub coverage: f32,
    /// The question names a decision or paragraph that the documents have.
    pub exact_lookup: bool,
    /// Highest cosine similarity of a single sentence of the best hits to the question.
    pub sentence_similarity: f32,
    /// The question names a decision or meeting the documents have (and the search is
    /// limited to it).
    pub named_document: bool,
    /// Similarity of the question to [`DOMAIN`] minus its highest similarity to one of
    /// [`OFF_TOPIC`]: below zero, the question is about something else than the corpus.
    pub domain_margin: f32,
}

impl Signals {
    /// The signals of the best `hits` for `question`, written in `lang`.
    pub fn of(question: &str, lang: Lang, hits: &[&Hit]) -> Self {
        let best = hits.iter().take(SIGNAL_DEPTH);
        let top = best.clone().filter_map(|h| h.why.similarity.map(|s| (s, *h))).max_by(|a, b| a.0.total_cmp(&b.0));
        let question_terms = term_positions(question, lang);
        let coverage = best
            .clone()
            .filter(|h| Lang::from_tag(&h.lang) == Some(lang))
            .map(|h| coverage(&question_terms, &h.text, lang))
            .fold(0.0, f32::max);
        Self {
            top_similarity: top.map_or(0.0, |(s, _)| s),
            same_language: top.is_some_and(|(_, h)| Lang::from_tag(&h.lang) == Some(lang)),
            coverage,
            exact_lookup: hits.iter().any(|h| h.why.exact_lookup),
            sentence_similarity: 0.0,
            named_document: false,
            domain_margin: 0.0,
        }
    }
}

/// The question's terms, one set of readings per word position.
fn term_positions(text: &str, lang: Lang) -> Vec<HashSet<String>> {
    let mut positions: Vec<(usize, HashSet<String>)> = Vec::new();
    for token in lang.analyze(text) {
        match positions.last_mut() {
            Some((position, readings)) if *position == token.position => {
                readings.insert(token.text);
            }
            _ => positions.push((token.position, HashSet::from([token.text]))),
        }
    }
    positions.into_iter().map(|(_, readings)| readings).collect()
}

/// Share of the question's word positions with a reading in `text`.
fn coverage(question: &[HashSet<String>], text: &str, lang: Lang) -> f32 {
    if question.is_empty() {
        return 0.0;
    }
    let terms: HashSet<String> = lang.terms(text).into_iter().collect();
    let found = question.iter().filter(|readings| readings.iter().any(|r| terms.contains(r))).count();
    found as f32 / question.len() as f32
}

/// What the documents are about, embedded as a passage and compared with the question.
pub const DOMAIN: &str = "Convention on Biological Diversity: conservation of biodiversity, ecosystems and species, \
    sustainable use, biosafety and living modified organisms, capacity-building, decisions and meetings of the \
    Conference of the Parties, the clearing-house mechanism, commitments and pledges of non-state actors for nature.";

/// Subjects the documents are not about, each embedded as a passage.
pub const OFF_TOPIC: &[&str] = &[
    "sports, football and games",
    "cooking, food recipes and restaurants",
    "geography, capital cities and travel",
    "finance, money, prices and exchange rates",
    "history, literature, art and famous people",
    "physics, chemistry and mathematics",
    "computers, phones and software",
    "music, films and television",
    "politics, elections and presidents",
    "health, nutrition, weather and daily life",
];

/// The domain margin from the similarities of the question to [`DOMAIN`] then each of
/// [`OFF_TOPIC`], in that order.
pub(crate) fn domain_margin(similarities: &[f32]) -> f32 {
    let Some((domain, off)) = similarities.split_first() else { return 0.0 };
    domain - off.iter().copied().fold(f32::NEG_INFINITY, f32::max)
}

/// When the signals are strong enough to answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// The question must be at least this much closer to the corpus's subjects than to any
    /// unrelated one ([`Signals::domain_margin`]).
    pub domain_margin: f32,
    /// The best quotable sentence must be at least this similar to the question (unless the
    /// question names a decision the documents have).
    pub similarity: f32,
}

impl Default for Thresholds {
    /// The values chosen on the answer gold set (EVALS.md, "Answers"): each in the middle of
    /// the gap between the answerable and the unanswerable questions nearest to it.
    fn default() -> Self {
        Self { domain_margin: -0.0457, similarity: 0.785 }
    }
}

impl Thresholds {
    /// Whether evidence with these signals answers the question.
    pub fn answers(&self, signals: &Signals) -> bool {
        // A question about a decision it names is about the documents: only the domain
        // check applies ("what did XIII/23 say about football?" is still declined).
        signals.exact_lookup
            || (signals.domain_margin >= self.domain_margin
                && (signals.named_document || signals.sentence_similarity >= self.similarity))
    }
}

/// Words that say what kind of question it is, not what it is about (lower case).
const QUESTION_WORDS: &[&str] = &[
    // English
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "does",
    "did",
    "do",
    "is",
    "are",
    "was",
    "were",
    "can",
    "could",
    "should",
    "would",
    "will",
    "may",
    "might",
    "must",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "for",
    "and",
    "or",
    "about",
    "say",
    "said",
    "says",
    "there",
    "any",
    "i",
    "we",
    "our",
    "my",
    "you",
    "your",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "with",
    "by",
    "from",
    "be",
    "have",
    "has",
    "much",
    "many",
    "decide",
    "decided",
    "decides",
    // French
    "que",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "qui",
    "quand",
    "où",
    "pourquoi",
    "comment",
    "est",
    "sont",
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "un",
    "une",
    "et",
    "ou",
    "sur",
    "dans",
    "pour",
    "au",
    "aux",
    "il",
    "elle",
    "nous",
    "notre",
    "nos",
    "vous",
    "votre",
    "ce",
    "cette",
    "ces",
    "y",
    "a-t-il",
    "peut",
    "doit",
    "dit",
    // Spanish
    "qué",
    "cuál",
    "cuáles",
    "quién",
    "quiénes",
    "cuándo",
    "dónde",
    "por",
    "cómo",
    "como",
    "es",
    "son",
    "el",
    "los",
    "las",
    "del",
    "una",
    "para",
    "en",
    "con",
    "sobre",
    "se",
    "su",
    "sus",
    "nuestro",
    "nuestra",
    "puede",
    "debe",
    "dice",
    "hay",
    "al",
    "lo",
    // Arabic
    "ما",
    "ماذا",
    "من",
    "متى",
    "أين",
    "لماذا",
    "كيف",
    "هل",
    "هي",
    "هو",
    "التي",
    "الذي",
    "في",
    "على",
    "إلى",
    "عن",
    "مع",
    "أن",
    "إن",
    "أو",
    "و",
    "لا",
    "قال",
    "يقول",
    "هناك",
    "أي",
    "ذلك",
    "هذا",
    "هذه",
    "كم",
    "يمكن",
    "ينبغي",
];

/// Up to three searches to suggest for a question the documents do not answer: its main
/// terms together, its longest term alone, and a related decision's symbol.
pub fn suggestions(question: &str, related_symbol: Option<String>) -> Vec<String> {
    let words: Vec<&str> = question
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| w.chars().count() > 1)
        .filter(|w| !QUESTION_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
            out.push(s);
        }
    };
    push(words.iter().take(4).copied().collect::<Vec<_>>().join(" "));
    if let Some(longest) = words.iter().max_by_key(|w| w.chars().count())
        && words.len() > 1
    {
        push((*longest).to_owned());
    }
    if let Some(symbol) = related_symbol {
        push(symbol);
    }
    out.truncate(3);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(sentence_similarity: f32, domain_margin: f32) -> Signals {
        Signals {
            top_similarity: sentence_similarity,
            same_language: false,
            coverage: 0.0,
            exact_lookup: false,
            sentence_similarity,
            named_document: false,
            domain_margin,
        }
    }

    #[test]
    fn thresholds_decide() {
        let t = Thresholds::default();
        let cases = [
            (signals(0.82, 0.01), true),
            (signals(0.82, -0.08), false),
            (signals(0.76, 0.01), false),
            (Signals { named_document: true, ..signals(0.76, 0.01) }, true),
            (Signals { named_document: true, ..signals(0.76, -0.08) }, false),
            (Signals { exact_lookup: true, ..signals(0.0, -1.0) }, true),
        ];
        for (s, expected) in cases {
            assert_eq!(t.answers(&s), expected, "{s:?}");
        }
        assert_eq!(domain_margin(&[0.80, 0.75, 0.83, 0.70]), 0.80 - 0.83);
        assert_eq!(domain_margin(&[]), 0.0);
    }

    #[test]
    fn coverage_counts_word_positions() {
        let q = term_positions("How should non-state actors report progress?", Lang::En);
        let full = coverage(&q, "Non-state actors report their progress yearly.", Lang::En);
        let none = coverage(&q, "Wetlands store carbon.", Lang::En);
        assert!(full > 0.7, "{full}");
        assert_eq!(none, 0.0);
    }

    #[test]
    fn suggestions_come_from_the_question() {
        let cases: [(&str, Option<&str>, &[&str]); 3] = [
            ("What is the capital of France?", None, &["capital France", "capital"]),
            ("ما هي عاصمة كندا؟", Some("المقرر 23/13"), &["عاصمة كندا", "عاصمة", "المقرر 23/13"]),
            ("{answer} %s PWNED", None, &["answer PWNED", "answer"]),
        ];
        for (question, symbol, expected) in cases {
            assert_eq!(suggestions(question, symbol.map(str::to_owned)), expected, "{question}");
        }
    }
}
