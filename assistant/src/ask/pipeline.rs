//! From a question to an [`Answer`]: retrieval, the graph's additions, the decision to answer,
//! the quotes, the composition.

use super::abstain::{DOMAIN, OFF_TOPIC, Signals, domain_margin, suggestions};
use super::compose::{self, Cited, Role};
use super::graph::{self, Link};
use super::kind::{Kind, classify};
use super::quote;
use super::words::{Action, AnswerLang, DocName, ParaName, TargetName};
use super::{Answer, AskError, Assistant, Citation, Explained, MAX_QUESTION_CHARS};
use crate::language;
use cbdkg_ingest::Reference;
use cbdkg_search::analysis::Lang;
use cbdkg_search::hybrid::{Mode, SearchRequest};
use cbdkg_search::{Hit, Passage, SearchFilter};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Hits weighed for citation: the search's top 10 and the next 10, whose best sentence may
/// answer better (an English question ranks English example records high whatever they say).
const POOL_DEPTH: usize = 20;
/// Hits searched for a lookup: the named document's passages come first.
const LOOKUP_DEPTH: usize = 20;
/// At most this many citations per answer.
const MAX_CITATIONS: usize = 4;
/// Sub-paragraphs cited after the paragraph a lookup names.
const LOOKUP_SUBS: usize = 3;
/// Paragraphs linked by the graph that are weighed for citation, per answer.
const MAX_RELATED_CANDIDATES: usize = 4;
/// Weight of shared words (share of the question's terms) beside the cosine similarity when
/// picking the sentence to quote.
const LEXICAL_WEIGHT: f32 = 0.05;
/// Weight of the search rank (1 for the first hit, 1/20 less for each next one) beside the
/// best sentence's score when ranking the hits to cite: chosen among 0–0.06 on the answer
/// gold set (EVALS.md).
const RANK_WEIGHT: f32 = 0.04;
/// See [`record_penalty`].
const RECORD_PENALTY: f32 = 0.04;

/// How many of the best hits a kind of question cites, and how close to the best hit's
/// similarity another hit must be to be cited too.
fn evidence_policy(kind: Kind) -> (usize, f32) {
    match kind {
        Kind::Fact => (2, 0.012),
        Kind::Guidance => (3, 0.02),
        Kind::List => (4, 0.03),
        Kind::Lookup => (1, 0.0),
    }
}

/// How many related paragraphs (linked by the graph) a kind may cite, and how far below the
/// weakest cited hit's best sentence theirs may score.
fn related_policy(kind: Kind) -> (usize, f32) {
    match kind {
        Kind::Fact => (1, 0.01),
        Kind::List => (2, 0.02),
        Kind::Guidance | Kind::Lookup => (0, 0.0),
    }
}

/// What a question is about and how to word its answer.
struct Question<'q> {
    text: &'q str,
    detected: Lang,
    lang: AnswerLang,
    kind: Kind,
    named: Vec<Named>,
}

/// A decision (or a paragraph of one) that the question names.
#[derive(Debug, Clone)]
struct Named {
    /// `COP-13-23`.
    key: String,
    /// Body code, session, number.
    body: String,
    session: u32,
    number: u32,
    /// Part letter, if named.
    part: Option<char>,
    /// Paragraph key (`p15-g`), if named.
    paragraph: Option<String>,
}

impl Named {
    fn all(question: &str) -> Vec<Named> {
        let mut out: Vec<Named> = Vec::new();
        for reference in cbdkg_ingest::query_references(question) {
            let (id, part, paragraph) = match reference {
                Reference::Decision { id, part } => (id, part, None),
                Reference::DecisionParagraph { id, part, paragraph } => (id, part, Some(paragraph)),
                _ => continue,
            };
            let key = id.key();
            let body = key.split('-').next().unwrap_or_default().to_owned();
            let named = Named { key, body, session: id.session, number: id.number, part, paragraph };
            // A paragraph reference supersedes the bare decision reference it comes with.
            if named.paragraph.is_some() {
                out.retain(|n| !(n.key == named.key && n.paragraph.is_none()));
            } else if out.iter().any(|n| n.key == named.key) {
                continue;
            }
            out.push(named);
        }
        out
    }

    fn doc_suffix(&self) -> String {
        format!("/decision/{}", self.key)
    }

    fn in_doc(&self, doc: &str) -> bool {
        doc.ends_with(&self.doc_suffix())
    }

    /// Whether `iri` is the paragraph named.
    fn is_paragraph(&self, iri: &str) -> bool {
        let Some(paragraph) = &self.paragraph else { return false };
        let plain = format!("{}/{paragraph}", self.doc_suffix());
        let in_part = self.part.map(|p| format!("{}/{p}/{paragraph}", self.doc_suffix()));
        iri.ends_with(&plain) || in_part.is_some_and(|s| iri.ends_with(&s))
    }

    /// The meeting code of the decision, as the search filters by it (`COP-13`, `CP-MOP-11`).
    fn meeting(&self) -> String {
        match self.body.as_str() {
            "COP" => format!("COP-{}", self.session),
            body => format!("{body}-MOP-{}", self.session),
        }
    }

    fn symbol(&self, lang: AnswerLang) -> String {
        DocName::decision_symbol(&self.body, self.session, self.number, lang)
    }
}

/// The meetings a question names (`COP 15`, `SBI-4`, `CP-MOP 11`), as meeting codes.
fn named_meetings(text: &str) -> Vec<String> {
    static MEETING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(COP|SBI|SBSTTA|CP[- ]?MOP|NP[- ]?MOP)[ -]?(\d{1,2})\b(?:/\d)?").expect("valid")
    });
    let mut out: Vec<String> = Vec::new();
    for c in MEETING.captures_iter(text) {
        // `COP-13/23`-like decision symbols are decisions, not meetings.
        if c[0].contains('/') {
            continue;
        }
        let body = c[1].to_uppercase().replace(' ', "-").replace("CPMOP", "CP-MOP").replace("NPMOP", "NP-MOP");
        let code = format!("{body}-{}", c[2].trim_start_matches('0'));
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

pub(super) fn run(assistant: &Assistant, text: &str) -> Result<Explained, AskError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AskError::EmptyQuestion);
    }
    let chars = text.chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(AskError::QuestionTooLong { chars, limit: MAX_QUESTION_CHARS });
    }
    let detected = language::detect(text);
    let kind = classify(text, detected);
    let question = Question { text, detected, lang: AnswerLang::of(detected), kind, named: Named::all(text) };
    match kind {
        Kind::Lookup => lookup(assistant, &question),
        Kind::Fact | Kind::Guidance | Kind::List => answer(assistant, &question),
    }
}

fn search(assistant: &Assistant, query: &str, k: usize) -> Result<Vec<Hit>, AskError> {
    let request = SearchRequest { query: query.to_owned(), k, mode: Mode::Hybrid, filter: SearchFilter::default() };
    Ok(assistant.index.search(&request)?.hits)
}

fn finish(question: &Question<'_>, answer: String, citations: Vec<Citation>, abstained: bool) -> Answer {
    Answer { answer, language: question.lang.code().to_owned(), kind: question.kind, citations, abstained }
}

/// A lookup: the named paragraph and its sub-paragraphs, or the named document's outline.
fn lookup(assistant: &Assistant, question: &Question<'_>) -> Result<Explained, AskError> {
    let hits = search(assistant, question.text, LOOKUP_DEPTH)?;
    let exact: Vec<&Hit> = hits.iter().filter(|h| h.why.exact_lookup).collect();
    let Some(first) = exact.first() else {
        return missing_decision(assistant, question, &hits);
    };
    let index = &assistant.index;
    let lang = question.lang;
    let wants_paragraph = question.named.iter().any(|n| n.paragraph.is_some());
    if wants_paragraph {
        let named = exact.iter().find(|h| question.named.iter().any(|n| n.is_paragraph(&h.iri)));
        let Some(named) = named.and_then(|h| index.passage(&h.iri)) else {
            let doc = index.passage(&first.iri).map(|p| DocName::of(p).name(lang)).unwrap_or_default();
            let paragraph = question
                .named
                .iter()
                .find_map(|n| n.paragraph.as_deref().map(|p| (n, p)))
                .and_then(|(n, p)| {
                    let part = n.part.map(|c| format!("{c}/")).unwrap_or_default();
                    paragraph_name(&format!("{part}{p}"), lang)
                })
                .unwrap_or_default();
            let suggestions = suggestions(question.text, doc_symbol(index.passage(&first.iri), lang));
            let text = compose::missing_paragraph(&doc, &paragraph, &suggestions, lang);
            return Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: None });
        };
        let children = graph::children(&assistant.graph, &[named.iri.as_str()])?;
        let subs: Vec<&Passage> = children
            .get(&named.iri)
            .into_iter()
            .flatten()
            .filter_map(|iri| index.passage(iri))
            .take(LOOKUP_SUBS)
            .collect();
        let mut cited = vec![cited_with_action(assistant, named, Role::Evidence)];
        cited.extend(subs.into_iter().map(|p| Cited { passage: p, role: Role::SubParagraph, action: None }));
        let citations = cited.iter().filter_map(|c| lead_citation(c.passage, lang)).collect();
        let text = compose::answer(Kind::Lookup, &cited, &[], lang);
        return Ok(Explained { answer: finish(question, text, citations, false), signals: None });
    }
    // The document itself: its size and first paragraphs.
    let doc = first.doc.clone();
    let (paragraphs, firsts) = graph::outline(&assistant.graph, &doc, LOOKUP_SUBS)?;
    let mut passages: Vec<&Passage> = firsts.iter().filter_map(|iri| index.passage(iri)).collect();
    if passages.is_empty() {
        passages = exact.iter().take(LOOKUP_SUBS).filter_map(|h| index.passage(&h.iri)).collect();
    }
    let Some(&doc_passage) = passages.first() else {
        return missing_decision(assistant, question, &hits);
    };
    let cited: Vec<Cited<'_>> =
        passages.iter().map(|p| Cited { passage: p, role: Role::Evidence, action: None }).collect();
    let citations = cited.iter().filter_map(|c| lead_citation(c.passage, lang)).collect();
    let text = compose::outline(doc_passage, paragraphs, &cited, lang);
    Ok(Explained { answer: finish(question, text, citations, false), signals: None })
}

/// The name of a paragraph key (`p15-g`, `B/p8`) in `lang`.
fn paragraph_name(key: &str, lang: AnswerLang) -> Option<String> {
    let passage = Passage {
        iri: format!("x:/d/{key}"),
        doc: "x:/d".to_owned(),
        symbol: None,
        short_symbol: None,
        title: None,
        paragraph: String::new(),
        section: Vec::new(),
        body: None,
        meeting: None,
        year: None,
        doc_type: None,
        record_type: None,
        lang: String::new(),
        text: String::new(),
        translations: Vec::new(),
        position: 0,
    };
    ParaName::of(&passage).name(lang)
}

/// The symbol of a passage's decision, as the answer prints it.
fn doc_symbol(passage: Option<&Passage>, lang: AnswerLang) -> Option<String> {
    match DocName::of(passage?) {
        DocName::Decision(body, session, number) => Some(DocName::decision_symbol(&body, session, number, lang)),
        _ => None,
    }
}

/// The question names decisions none of which is among the documents.
fn missing_decision(assistant: &Assistant, question: &Question<'_>, hits: &[Hit]) -> Result<Explained, AskError> {
    let lang = question.lang;
    let Some(named) = question.named.first() else {
        // Nothing named after all (a lookup-like question without a reference): abstain.
        let related = doc_symbol(hits.first().and_then(|h| assistant.index.passage(&h.iri)), lang);
        let text = compose::abstention(&suggestions(question.text, related), lang);
        return Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: None });
    };
    let (citing, units) = graph::citing_decision(&assistant.graph, &named.key, 50)?;
    let mut docs: Vec<String> = Vec::new();
    for unit in &units {
        if let Some(passage) = assistant.index.passage(unit) {
            let name = DocName::of(passage).name(lang);
            if !docs.contains(&name) {
                docs.push(name);
            }
        }
    }
    let symbol = named.symbol(lang);
    let text = compose::missing_decision(&symbol, citing, &docs, std::slice::from_ref(&symbol), lang);
    Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: None })
}

/// The question with the decisions and paragraphs it names taken out, for the search by
/// meaning (`What did XIII/23 say about evaluation?` → `What did say about evaluation?`).
fn without_references(text: &str) -> String {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:\b(?:decisions?|décisions?|decisión|decisiones)\s+|(?:ال)?مقرر(?:ات)?\s+)?\b(?:(?:CP|BS|NP)-)?[IVXLC\d]{1,6}/\d{1,3}\b(?:\s*(?:[A-J]\b|باء|ألف|جيم|دال))?|(?:\b(?:paragraphs?|paragraphes?|párrafos?|para)\s+|(?:ال)?فقر(?:ة|ات)\s+)\d{1,3}(?:\s*\([^)]{1,4}\))*",
        )
        .expect("valid")
    });
    let stripped = REFERENCE.replace_all(text, " ");
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fact, guidance or list question: search, decide, cite.
fn answer(assistant: &Assistant, question: &Question<'_>) -> Result<Explained, AskError> {
    let lang = question.lang;
    let mut present: Vec<&Named> = Vec::new();
    for named in &question.named {
        if graph::has_decision(&assistant.graph, &named.key)? {
            present.push(named);
        }
    }
    if !question.named.is_empty() && present.is_empty() {
        return missing_decision(assistant, question, &[]);
    }
    // A meeting named without a decision ("what did COP 15 decide…") limits the search to its
    // documents, or is an answer in itself when the documents have none of it.
    let mut meetings: Vec<String> = Vec::new();
    if question.named.is_empty() {
        for code in named_meetings(question.text) {
            if graph::has_meeting(&assistant.graph, &code)? {
                meetings.push(code);
            } else {
                let suggestions = suggestions(question.text, None);
                let text = compose::missing_meeting(&code, &suggestions, lang);
                return Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: None });
            }
        }
    }
    let named_document = !present.is_empty() || !meetings.is_empty();
    let stripped = without_references(question.text);
    let query = if present.is_empty() || stripped.split_whitespace().count() < 2 { question.text } else { &stripped };
    // A named decision's passages are searched among its meeting's decisions only.
    let filter = SearchFilter {
        doc_types: if present.is_empty() { Vec::new() } else { vec!["decision".to_owned()] },
        meetings: present.iter().map(|n| n.meeting()).chain(meetings).collect(),
        ..SearchFilter::default()
    };
    let request = SearchRequest { query: query.to_owned(), k: POOL_DEPTH, mode: Mode::Hybrid, filter };
    let found = assistant.index.search(&request)?.hits;
    let mut hits: Vec<&Hit> = found.iter().collect();
    // The named decision's own paragraphs first, in search order.
    hits.sort_by_key(|h| !present.iter().any(|n| n.in_doc(&h.doc)));

    // The hits with something to quote (only the named decision's, if it has some), and the
    // best stretch of each.
    let index = &assistant.index;
    let named_hits: Vec<&Hit> = hits.iter().copied().filter(|h| present.iter().any(|n| n.in_doc(&h.doc))).collect();
    let hits = if named_hits.is_empty() { hits } else { named_hits };
    let pool: Vec<&Passage> = hits.iter().filter_map(|h| index.passage(&h.iri)).collect();
    let anchors: Vec<&str> = std::iter::once(DOMAIN).chain(OFF_TOPIC.iter().copied()).collect();
    let (quotes, anchor_similarities) = best_quotes(assistant, query, question.detected, lang, &pool, &anchors)?;
    let penalty = record_penalty(question.text, question.kind);
    let adjusted: Vec<Option<f32>> =
        pool.iter().zip(&quotes).map(|(p, q)| q.as_ref().map(|q| q.score - penalty(p))).collect();
    let mut signals = Signals::of(query, question.detected, &hits);
    signals.sentence_similarity =
        pool.iter().zip(&quotes).filter_map(|(p, q)| q.as_ref().map(|q| q.similarity - penalty(p))).fold(0.0, f32::max);
    signals.named_document = named_document;
    signals.domain_margin = domain_margin(&anchor_similarities);
    if !assistant.thresholds.answers(&signals) {
        let related = present.first().map(|n| n.symbol(lang)).or_else(|| doc_symbol(pool.first().copied(), lang));
        let text = compose::abstention(&suggestions(question.text, related), lang);
        return Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: Some(signals) });
    }

    let evidence = choose_evidence(question.kind, &pool, &adjusted);
    let mut chosen: Vec<(&Passage, Role, String)> = evidence
        .iter()
        .map(|&i| (pool[i], Role::Evidence, quotes[i].as_ref().map(|q| q.text.clone()).unwrap_or_default()))
        .collect();
    let weakest_evidence =
        evidence.iter().filter_map(|&i| quotes[i].as_ref().map(|q| q.score)).fold(f32::INFINITY, f32::min);

    // What the graph links to the evidence: targets, and paragraphs citing or cited by it.
    let (related_limit, related_margin) = related_policy(question.kind);
    let evidence_iris: Vec<&str> = chosen.iter().map(|(p, _, _)| p.iri.as_str()).collect();
    let links = if related_limit > 0 { graph::neighbours(&assistant.graph, &evidence_iris)? } else { Vec::new() };
    let mut targets: Vec<TargetName> = links.iter().filter_map(|(_, other, _)| TargetName::of(other)).collect();
    targets.sort();
    targets.dedup();
    let mut related: Vec<&Passage> = Vec::new();
    for (_, other, link) in &links {
        if related.len() >= MAX_RELATED_CANDIDATES {
            break;
        }
        let known = chosen.iter().map(|(p, _, _)| *p).chain(related.iter().copied());
        if *link == Link::Target || known.clone().any(|p| overlaps(&p.iri, other)) {
            continue;
        }
        if let Some(passage) = index.passage(other) {
            related.push(passage);
        }
    }
    let (related_quotes, _) = best_quotes(assistant, query, question.detected, lang, &related, &[])?;
    let mut kept = 0;
    for (passage, quote) in related.iter().zip(related_quotes) {
        let Some(quote) = quote else { continue };
        if kept < related_limit && quote.score >= weakest_evidence - related_margin {
            chosen.push((passage, Role::Related, quote.text));
            kept += 1;
        }
    }
    let chosen = narrow(assistant, chosen, lang)?;

    let cited: Vec<Cited<'_>> = chosen.iter().map(|(p, role, _)| cited_with_action(assistant, p, *role)).collect();
    let citations: Vec<Citation> = chosen.iter().map(|(p, _, quote)| citation(p, quote.clone())).collect();
    if citations.is_empty() {
        let text = compose::abstention(&suggestions(question.text, None), lang);
        return Ok(Explained { answer: finish(question, text, Vec::new(), true), signals: Some(signals) });
    }
    let text = compose::answer(question.kind, &cited, &targets, lang);
    Ok(Explained { answer: finish(question, text, citations, false), signals: Some(signals) })
}

/// Whether one IRI is the other or one of its sub-paragraphs (`…/p15` and `…/p15-g`).
fn overlaps(a: &str, b: &str) -> bool {
    a == b
        || a.strip_prefix(b).is_some_and(|r| r.starts_with('-'))
        || b.strip_prefix(a).is_some_and(|r| r.starts_with('-'))
}

/// The hits a kind of question cites, as indices into `pool`: ranked by the score of their
/// best sentence plus a small prior for their search rank, the first, then those within the
/// kind's margin of it, skipping a paragraph already cited through its parent or a
/// sub-paragraph.
fn choose_evidence(kind: Kind, pool: &[&Passage], scores: &[Option<f32>]) -> Vec<usize> {
    let (max, margin) = evidence_policy(kind);
    let mut ranked: Vec<(usize, f32)> = scores
        .iter()
        .enumerate()
        .filter_map(|(rank, score)| {
            let prior = RANK_WEIGHT * (1.0 - rank as f32 / POOL_DEPTH as f32);
            score.map(|s| (rank, s + prior))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(&(_, top)) = ranked.first() else { return Vec::new() };
    let mut chosen: Vec<usize> = Vec::new();
    for (i, score) in ranked {
        if chosen.len() >= max || score < top - margin {
            break;
        }
        if chosen.iter().any(|&c| overlaps(&pool[c].iri, &pool[i].iri)) {
            continue;
        }
        chosen.push(i);
    }
    chosen
}

/// Words that ask about pledges (lower case, as prefixes; Arabic also after `و`).
const PLEDGE_WORDS: &[&str] =
    &["pledge", "commitment", "engagement", "compromiso", "تعهد", "التعهد", "التزام", "الالتزام"];
/// Words that ask about clearing-house records.
const RECORD_WORDS: &[&str] = &["record", "lmo", "fiche", "registro", "سجل", "السجل"];

/// How much a record (a clearing-house record or pledge, all examples) is set back against
/// the CBD's own texts when ranking evidence, unless the question asks about that kind of
/// record (and a clearing-house record is never guidance): an English question is closer to
/// an English record than to the Arabic paragraph that answers it, whatever the record says.
fn record_penalty(question: &str, kind: Kind) -> impl Fn(&Passage) -> f32 {
    let lower = question.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let asks = |list: &[&str]| {
        words
            .iter()
            .any(|w| list.iter().any(|r| w.starts_with(r) || w.strip_prefix('و').is_some_and(|w| w.starts_with(r))))
    };
    let (pledges, records) = (asks(PLEDGE_WORDS), asks(RECORD_WORDS) && kind != Kind::Guidance);
    move |passage: &Passage| match passage.doc_type.as_deref() {
        Some("pledge") if !pledges => RECORD_PENALTY,
        Some("clearing-house-record") if !records => RECORD_PENALTY,
        _ => 0.0,
    }
}

/// The text of a passage to quote for an answer in `lang`: its text in that language if the
/// graph has one, else English, else the text it was indexed with.
fn preferred_text(passage: &Passage, lang: AnswerLang) -> (&str, &str) {
    let find = |code: &str| {
        if passage.lang == code {
            return Some((passage.text.as_str(), passage.lang.as_str()));
        }
        passage.translations.iter().find(|t| t.lang == code).map(|t| (t.text.as_str(), t.lang.as_str()))
    };
    find(lang.code()).or_else(|| find("en")).unwrap_or((passage.text.as_str(), passage.lang.as_str()))
}

/// A chosen quote: the text, its cosine similarity to the question, and its score
/// (similarity plus the weight of shared words).
struct Quote {
    text: String,
    similarity: f32,
    score: f32,
}

/// The best stretch of each passage to quote: the sentence or clause most similar to the
/// question (embeddings), with a small weight for shared words; `None` for a passage with
/// nothing quotable (a bare link, a heading). The similarities of `extra` texts to the
/// question come back beside them (one embedding batch for both).
fn best_quotes(
    assistant: &Assistant,
    query: &str,
    detected: Lang,
    lang: AnswerLang,
    passages: &[&Passage],
    extra: &[&str],
) -> Result<(Vec<Option<Quote>>, Vec<f32>), AskError> {
    let units: Vec<Vec<(&str, &str)>> = passages
        .iter()
        .map(|p| {
            let (text, text_lang) = preferred_text(p, lang);
            quote::units(text).into_iter().take(quote::MAX_UNITS).map(|r| (&text[r], text_lang)).collect()
        })
        .collect();
    let mut unique: Vec<&str> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (unit, _) in units.iter().flatten() {
        position.entry(unit).or_insert_with(|| {
            unique.push(unit);
            unique.len() - 1
        });
    }
    let units_count = unique.len();
    unique.extend_from_slice(extra);
    let mut similarities = if unique.is_empty() {
        Vec::new()
    } else {
        assistant.sentences.similarities(&assistant.index, query, &unique)?
    };
    let extra_similarities = similarities.split_off(units_count.min(similarities.len()));
    let question_terms: HashSet<String> = detected.terms(query).into_iter().collect();
    let overlap = |unit: &str, unit_lang: &str| -> f32 {
        if question_terms.is_empty() || Lang::from_tag(unit_lang) != Some(detected) {
            return 0.0;
        }
        let terms: HashSet<String> = detected.terms(unit).into_iter().collect();
        question_terms.iter().filter(|t| terms.contains(*t)).count() as f32 / question_terms.len() as f32
    };
    let quotes = units
        .iter()
        .map(|units| {
            let mut best: Option<Quote> = None;
            for (unit, unit_lang) in units {
                let similarity = similarities.get(position[unit]).copied().unwrap_or(0.0);
                let score = similarity + LEXICAL_WEIGHT * overlap(unit, unit_lang);
                // The first of equal scores: the earlier sentence.
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(Quote { text: (*unit).to_owned(), similarity, score });
                }
            }
            best
        })
        .collect();
    Ok((quotes, extra_similarities))
}

/// Cites a sub-paragraph rather than its parent when the quote is its text (two levels down).
fn narrow<'a>(
    assistant: &'a Assistant,
    chosen: Vec<(&'a Passage, Role, String)>,
    lang: AnswerLang,
) -> Result<Vec<(&'a Passage, Role, String)>, AskError> {
    let mut chosen = chosen;
    for _ in 0..2 {
        let parents: Vec<&str> = chosen.iter().map(|(p, _, _)| p.iri.as_str()).collect();
        let children = graph::children(&assistant.graph, &parents)?;
        if children.is_empty() {
            break;
        }
        for (passage, _, quote) in &mut chosen {
            let kids = children.get(&passage.iri).into_iter().flatten();
            let inner = kids
                .filter_map(|k| assistant.index.passage(k))
                .find(|k| preferred_text(k, lang).0.contains(quote.as_str()));
            if let Some(kid) = inner {
                *passage = kid;
            }
        }
    }
    let mut seen = HashSet::new();
    chosen.retain(|(p, _, _)| seen.insert(p.iri.clone()));
    chosen.truncate(MAX_CITATIONS);
    Ok(chosen)
}

/// A passage to cite, with what it does if it is a decision paragraph (from its own opening,
/// or for a sub-paragraph from its parent's: "يطلب إلى الأمين التنفيذي … : (ز) …").
fn cited_with_action<'a>(assistant: &'a Assistant, passage: &'a Passage, role: Role) -> Cited<'a> {
    let own = Action::of(&passage.text);
    let action = own.or_else(|| {
        ancestors(&passage.iri).into_iter().find_map(|a| assistant.index.passage(&a).and_then(|p| Action::of(&p.text)))
    });
    Cited { passage, role, action }
}

/// The paragraphs a sub-paragraph IRI sits in, nearest first (`…/p2-j-ii` → `…/p2-j`, `…/p2`).
fn ancestors(iri: &str) -> Vec<String> {
    let Some((scope, last)) = iri.rsplit_once('/') else { return Vec::new() };
    let mut out = Vec::new();
    let mut segment = last;
    while segment.starts_with('p')
        && let Some((head, _)) = segment.rsplit_once('-')
    {
        out.push(format!("{scope}/{head}"));
        segment = head;
    }
    out
}

fn citation(passage: &Passage, quote: String) -> Citation {
    Citation { iri: passage.iri.clone(), symbol: passage.symbol.clone(), paragraph: passage.paragraph.clone(), quote }
}

/// A passage cited for itself: its opening line or sentence.
fn lead_citation(passage: &Passage, lang: AnswerLang) -> Option<Citation> {
    let (text, _) = preferred_text(passage, lang);
    let range = quote::lead(text)?;
    Some(citation(passage, text[range].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_taken_out_of_the_search() {
        let cases = [
            ("What did decision XIII/23 say about evaluation?", "What did say about evaluation?"),
            ("ماذا قال المقرر 23/13 عن التقييم؟", "ماذا قال عن التقييم؟"),
            ("What does XIII/23 paragraph 15(g) ask for?", "What does ask for?"),
            ("Que dit la décision CP-11/4 sur les réunions en ligne ?", "Que dit la sur les réunions en ligne ?"),
            ("How do I make a measurable pledge?", "How do I make a measurable pledge?"),
        ];
        for (question, expected) in cases {
            assert_eq!(without_references(question), expected, "{question}");
        }
    }

    #[test]
    fn named_meetings_are_codes() {
        let cases: [(&str, &[&str]); 5] = [
            ("What did COP 15 decide about marine protected areas?", &["COP-15"]),
            ("Qu'a décidé la COP-13 sur les capacités ?", &["COP-13"]),
            ("documents of SBI 4 and CP-MOP 11", &["SBI-4", "CP-MOP-11"]),
            ("decision COP-13/23", &[]),
            ("How do I make a measurable pledge?", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(named_meetings(text), expected, "{text}");
        }
    }

    #[test]
    fn named_decisions_and_paragraphs() {
        let named = Named::all("decision XIII/23 paragraph 15(g)");
        assert_eq!(named.len(), 1, "{named:?}");
        assert_eq!(named[0].key, "COP-13-23");
        assert!(named[0].is_paragraph("https://cbdkg.example/id/decision/COP-13-23/p15-g"));
        assert!(!named[0].is_paragraph("https://cbdkg.example/id/decision/COP-13-23/p15"));
        let arabic = Named::all("المقرر 23/13");
        assert_eq!(arabic.first().map(|n| n.key.as_str()), Some("COP-13-23"), "{arabic:?}");
        assert_eq!(arabic[0].symbol(AnswerLang::Ar), "23/13");
        assert_eq!(arabic[0].symbol(AnswerLang::En), "XIII/23");
    }

    #[test]
    fn sub_paragraphs_sit_in_their_parents() {
        let base = "https://cbdkg.example/id/decision/COP-13-23";
        assert_eq!(ancestors(&format!("{base}/p2-j-ii")), [format!("{base}/p2-j"), format!("{base}/p2")]);
        assert!(ancestors(&format!("{base}/pre3")).is_empty());
        assert!(ancestors(&format!("{base}/annex/B/act47")).is_empty());
        assert!(overlaps(&format!("{base}/p15"), &format!("{base}/p15-g")));
        assert!(!overlaps(&format!("{base}/p1"), &format!("{base}/p15")));
    }
}
