//! A user's query as a plan: term groups (one per query word, or per quoted phrase) analysed
//! for every language whose script matches, the references it names, and the words that may be
//! symbols. Queries are built from the plan programmatically; user syntax never reaches
//! tantivy's query parser.

use super::error::KeywordError;
use super::schema::{Fields, SECTION_BOOST, TITLE_BOOST};
use super::symbols::{decision_lookup_key, query_symbol_tokens};
use crate::analysis::{Lang, Script};
use cbdkg_ingest::Reference;
use std::collections::BTreeMap;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// At most this many phrase variants (one per combination of Arabic readings) per field.
const MAX_PHRASE_VARIANTS: usize = 16;
/// How much a second field matching the same word (title as well as text) adds.
const TIE_BREAKER: f32 = 0.1;

/// One query word, quoted phrase or symbol-like word, with its terms per language.
#[derive(Debug, Clone)]
pub(crate) struct TermGroup {
    /// As written in the query (a word, a part of one, or the phrase without quotes).
    pub surface: String,
    /// Whether it was quoted: then it must match.
    pub required: bool,
    /// Per language, the terms by relative position; several terms at one position are
    /// alternatives (Arabic readings).
    pub terms: BTreeMap<Lang, Vec<(usize, Vec<String>)>>,
}

/// A parsed query.
#[derive(Debug, Clone)]
pub(crate) struct QueryPlan {
    /// Words and phrases, in query order.
    pub groups: Vec<TermGroup>,
    /// Symbol keys of documents the query names, most likely first (resolved decisions, then
    /// words that look like symbols).
    pub lookup_keys: Vec<String>,
    /// Paragraphs the query names, as (index into `lookup_keys`, part, unit key).
    pub paragraphs: Vec<(usize, Option<char>, String)>,
}

/// Checks a query the way [`super::KeywordIndex::search`] does, without an index: an error
/// for one too long or with nothing to search for. Lets a caller fail fast before running other
/// retrievers.
pub fn check_query(query: &str) -> Result<(), KeywordError> {
    QueryPlan::parse(query).map(drop)
}

impl QueryPlan {
    /// Parses a query; an error for one too long or with nothing to search for.
    pub fn parse(query: &str) -> Result<QueryPlan, KeywordError> {
        let chars = query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(KeywordError::QueryTooLong { chars, limit: MAX_QUERY_CHARS });
        }
        let cleaned: String = query.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let mut plan = QueryPlan { groups: Vec::new(), lookup_keys: Vec::new(), paragraphs: Vec::new() };
        for (i, segment) in split_phrases(&cleaned).into_iter().enumerate() {
            if i % 2 == 1 {
                plan.groups.extend(sequence_group(segment, true));
            } else {
                plan.groups.extend(word_groups(segment));
            }
        }
        plan.add_references(&cbdkg_ingest::query_references(&cleaned));
        for token in query_symbol_tokens(&cleaned) {
            if !plan.lookup_keys.contains(&token) {
                plan.lookup_keys.push(token);
            }
        }
        if plan.groups.is_empty() && plan.lookup_keys.is_empty() {
            return Err(KeywordError::EmptyQuery { query: query.to_owned() });
        }
        Ok(plan)
    }

    fn add_references(&mut self, references: &[Reference]) {
        for reference in references {
            let (id, part, paragraph) = match reference {
                Reference::Decision { id, part } => (id, *part, None),
                Reference::DecisionParagraph { id, part, paragraph } => (id, *part, Some(paragraph)),
                _ => continue,
            };
            let key = decision_lookup_key(id);
            let index = self.lookup_keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                self.lookup_keys.push(key);
                self.lookup_keys.len() - 1
            });
            if let Some(paragraph) = paragraph {
                self.paragraphs.push((index, part, paragraph.clone()));
            }
        }
    }

    /// The BM25 query of the words and phrases: phrases must match, words should; `None`
    /// without any.
    pub fn text_query(&self, fields: &Fields) -> Option<Box<dyn Query>> {
        if self.groups.is_empty() {
            return None;
        }
        let clauses = self
            .groups
            .iter()
            .map(|group| (if group.required { Occur::Must } else { Occur::Should }, group.query(fields)))
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

impl TermGroup {
    /// The group as one query: the best-matching field and language, plus a little for
    /// every other field that matches.
    pub fn query(&self, fields: &Fields) -> Box<dyn Query> {
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        for (&lang, slots) in &self.terms {
            for (field, boost) in
                [(fields.text(lang), 1.0), (fields.title(lang), TITLE_BOOST), (fields.section(lang), SECTION_BOOST)]
            {
                let query = slots_query(field, slots);
                disjuncts.push(if boost == 1.0 { query } else { Box::new(BoostQuery::new(query, boost)) });
            }
        }
        Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, TIE_BREAKER))
    }

    /// Every term of the group in one language.
    pub fn terms_in(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.terms.get(&lang).into_iter().flatten().flat_map(|(_, terms)| terms.iter().map(String::as_str))
    }
}

/// Text outside quotes at even indices, inside at odd ones. Only balanced ASCII double quotes
/// make phrases; with an odd number the quotes are plain punctuation.
fn split_phrases(query: &str) -> Vec<&str> {
    if query.matches('"').count().is_multiple_of(2) { query.split('"').collect() } else { vec![query] }
}

/// One group per analysed token of each word (a word may give several: Chinese bigrams,
/// `capacity-building`), merged across the languages of the word's script. A word with digits
/// is a symbol or a number (`XIII/23`, `2017-2020`, `COP13`): one group whose tokens must be
/// adjacent, so that `23/13` finds texts citing `23/13` rather than every `23` and `13`.
fn word_groups(text: &str) -> Vec<TermGroup> {
    let mut groups: Vec<TermGroup> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().any(char::is_numeric) {
            groups.extend(sequence_group(word, false));
            continue;
        }
        let mut by_span: BTreeMap<(usize, usize), TermGroup> = BTreeMap::new();
        for &lang in Script::of(word).languages() {
            for token in lang.analyze(word) {
                let group = by_span.entry((token.offset_from, token.offset_to)).or_insert_with(|| TermGroup {
                    surface: word[token.offset_from..token.offset_to].to_owned(),
                    required: false,
                    terms: BTreeMap::new(),
                });
                add_term(group.terms.entry(lang).or_default(), 0, token.text);
            }
        }
        groups.extend(by_span.into_values());
    }
    groups
}

/// The text as one group of adjacent terms (a phrase), analysed by every language of its
/// words' scripts; `None` when no analyser leaves a term.
fn sequence_group(text: &str, required: bool) -> Option<TermGroup> {
    let mut languages: Vec<Lang> = text.split_whitespace().flat_map(|w| Script::of(w).languages().to_vec()).collect();
    languages.sort();
    languages.dedup();
    let mut terms = BTreeMap::new();
    for lang in languages {
        let tokens = lang.analyze(text);
        let Some(first) = tokens.iter().map(|t| t.position).min() else { continue };
        let mut slots = Vec::new();
        for token in tokens {
            add_term(&mut slots, token.position - first, token.text);
        }
        terms.insert(lang, slots);
    }
    (!terms.is_empty()).then(|| TermGroup { surface: text.trim().to_owned(), required, terms })
}

fn add_term(slots: &mut Vec<(usize, Vec<String>)>, position: usize, term: String) {
    match slots.iter_mut().find(|(p, _)| *p == position) {
        Some((_, terms)) if terms.contains(&term) => {}
        Some((_, terms)) => terms.push(term),
        None => slots.push((position, vec![term])),
    }
}

/// One position: any of its terms; several positions: the phrase, in each combination of
/// alternatives (up to [`MAX_PHRASE_VARIANTS`]).
fn slots_query(field: Field, slots: &[(usize, Vec<String>)]) -> Box<dyn Query> {
    let term_query = |text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
    };
    if let [(_, alternatives)] = slots {
        return match alternatives.as_slice() {
            [only] => term_query(only),
            _ => Box::new(BooleanQuery::new(alternatives.iter().map(|t| (Occur::Should, term_query(t))).collect())),
        };
    }
    let mut variants: Vec<Vec<(usize, Term)>> = vec![Vec::new()];
    for (position, alternatives) in slots {
        variants = variants
            .iter()
            .flat_map(|prefix| {
                alternatives.iter().map(move |term| {
                    let mut next = prefix.clone();
                    next.push((*position, Term::from_field_text(field, term)));
                    next
                })
            })
            .take(MAX_PHRASE_VARIANTS)
            .collect();
    }
    let phrases: Vec<(Occur, Box<dyn Query>)> = variants
        .into_iter()
        .map(|terms| (Occur::Should, Box::new(PhraseQuery::new_with_offset(terms)) as Box<dyn Query>))
        .collect();
    Box::new(BooleanQuery::new(phrases))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(query: &str) -> Vec<(String, bool)> {
        QueryPlan::parse(query).unwrap().groups.into_iter().map(|g| (g.surface, g.required)).collect()
    }

    #[test]
    fn words_and_phrases() {
        let s = |text: &str, phrase| (text.to_owned(), phrase);
        assert_eq!(surfaces("capacity building"), [s("capacity", false), s("building", false)]);
        assert_eq!(surfaces("\"capacity building\" Mexico"), [s("capacity building", true), s("Mexico", false)]);
        assert_eq!(surfaces("\"capacity building"), [s("capacity", false), s("building", false)]);
        assert_eq!(surfaces("COP13 XIII/23"), [s("COP13", false), s("XIII/23", false)]);
        assert_eq!(surfaces("capacity-building"), [s("capacity", false), s("building", false)]);
        assert_eq!(surfaces("生物多样"), [s("生物", false), s("物多", false), s("多样", false)]);
        assert_eq!(surfaces("والتنوع"), [s("والتنوع", false)]);
    }

    #[test]
    fn languages_follow_the_script() {
        let plan = QueryPlan::parse("التنوع biodiversity").unwrap();
        assert_eq!(plan.groups[0].terms.keys().copied().collect::<Vec<_>>(), [Lang::Ar]);
        assert_eq!(plan.groups[1].terms.keys().copied().collect::<Vec<_>>(), Lang::ALL);
        assert_eq!(plan.groups[1].terms_in(Lang::En).collect::<Vec<_>>(), ["biodivers"]);
    }

    #[test]
    fn references_become_lookups() {
        let plan = QueryPlan::parse("decision XIII/23 paragraph 15(g)").unwrap();
        assert_eq!(plan.lookup_keys, ["cop-13-23", "xiii/23"]);
        assert_eq!(plan.paragraphs, [(0, None, "p15-g".to_owned())]);
        let plan = QueryPlan::parse("CBD/SBI/4/7").unwrap();
        assert_eq!(plan.lookup_keys, ["cbd/sbi/4/7"]);
    }
}
