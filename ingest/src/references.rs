//! Finding citations in a text and resolving them: decisions (every form of DESIGN §4),
//! paragraphs of decisions, the document's own paragraphs, document symbols, treaty articles
//! and Aichi Biodiversity Targets, in Arabic, English and French.
//!
//! Arabic writes bare decision numbers as number/session (`المقرر 23/13` is XIII/23), but some
//! translations use session/number (`المقرر 10/2` for X/2). [`DecisionOrder::infer`] decides per
//! document from which reading makes every cited session plausible for the document's date.

use crate::model::{DecisionBody, DecisionId, Language, Reference, Treaty};
use crate::symbols::{abjad_to_latin, from_roman, parse_decision_symbol, section_word_to_latin};
use regex::Regex;
use std::sync::LazyLock;

/// How a document writes bare decision numbers `a/b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecisionOrder {
    /// `23/13` is decision 23 of session 13 (the usual Arabic order).
    NumberSession,
    /// `13/23` is session 13, decision 23 (English order; some Arabic translations).
    SessionNumber,
}

impl DecisionOrder {
    /// Chooses the order under which the cited decisions are most plausible: no session after
    /// `latest_session` (the last COP before the document), no decision number above 40, and
    /// recent sessions more likely than old ones. Ties go to the language's usual order.
    pub fn infer(pairs: &[(u32, u32)], latest_session: u32, language: Language) -> Self {
        let cost = |session: u32, number: u32| -> u32 {
            if session == 0 || session > latest_session || number == 0 || number > 40 {
                100
            } else {
                latest_session - session
            }
        };
        let number_session: u32 = pairs.iter().map(|&(a, b)| cost(b, a)).sum();
        let session_number: u32 = pairs.iter().map(|&(a, b)| cost(a, b)).sum();
        match number_session.cmp(&session_number) {
            std::cmp::Ordering::Less => Self::NumberSession,
            std::cmp::Ordering::Greater => Self::SessionNumber,
            std::cmp::Ordering::Equal if language == Language::Ar => Self::NumberSession,
            std::cmp::Ordering::Equal => Self::SessionNumber,
        }
    }

    fn decision(self, a: u32, b: u32) -> Option<DecisionId> {
        let (session, number) = match self {
            Self::NumberSession => (b, a),
            Self::SessionNumber => (a, b),
        };
        ((1..=50).contains(&session) && (1..=100).contains(&number)).then_some(DecisionId {
            body: DecisionBody::Cop,
            session,
            number,
        })
    }
}

/// The last COP session held before a year (COP 15 met in 2021–2022, COP 16 in 2024).
pub(crate) fn latest_cop_session_before(year: i32) -> u32 {
    const COP_YEARS: [i32; 16] =
        [1994, 1995, 1996, 1998, 2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018, 2022, 2024];
    COP_YEARS.iter().filter(|&&y| y < year).count().max(1) as u32
}

/// What the extractor needs to know about the citing document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// Language of the text.
    pub language: Language,
    /// How bare decision numbers are written.
    pub order: DecisionOrder,
    /// The treaty an article without "of the Convention/Protocol" belongs to.
    pub default_treaty: Treaty,
    /// The text is a cell of a column listing decisions: bare `a/b` are decisions.
    pub decision_column: bool,
}

const DEC: &str = r"(?:(?:UNEP/)?CBD/(?:COP|CP/MOP|NP/MOP)/DEC/[IVXLC\d]+/\d+|(?:CP|BS|NP)-[IVXLC\d]+/\d+|[IVXLC]+/\d+|\d{1,2}/\d{1,3})";
const AR_PART: &str = r"(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء)";
const AR_PARA: &str = r"\d{1,3}(?:\s*\(\s*[\p{Arabic}a-z]{1,3}\s*\))?";
const LATIN_PARA: &str = r"\d{1,3}(?:\s*\(?[a-z]{1,4}\))?";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("reference patterns are valid")
}

/// Arabic: a decision keyword, then a list of decisions, each optionally with a part and
/// with ", paragraph N".
static AR_DECISIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"مقرر\p{{Arabic}}*\s+(?P<list>{DEC}(?:\s+{AR_PART})?(?:\s*[،,]?\s*(?:ال)?فقر\p{{Arabic}}*\s+{AR_PARA}(?:\s*[،,]?\s*و\s*{AR_PARA})*)?(?:\s*[،,؛;]?\s*و?\s*(?:ال)?(?:مقرر\p{{Arabic}}*\s+)?{DEC}(?:\s+{AR_PART})?(?:\s*[،,]?\s*(?:ال)?فقر\p{{Arabic}}*\s+{AR_PARA}(?:\s*[،,]?\s*و\s*{AR_PARA})*)?)*)"
    ))
});
/// Arabic: paragraph(s) N of decision D.
static AR_PARAGRAPHS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"فقر\p{{Arabic}}*\s+(?P<paras>{AR_PARA}(?:\s*[،,]?\s*و\s*{AR_PARA})*)\s+(?:من|في)\s+(?:ال)?مقرر\p{{Arabic}}*\s+(?P<dec>{DEC})(?:\s+(?P<part>{AR_PART}))?"
    ))
});
/// Arabic: paragraph N above / below (of this document).
static AR_OWN_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"فقر\p{{Arabic}}*\s+(?P<paras>{AR_PARA}(?:\s*[،,]?\s*و\s*{AR_PARA})*)\s+(?:أعلاه|أدناه)"))
});
static AR_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s(])(?:ب|و|ل)?(?:ال)?ماد(?:ة|تين|تان|تا|ت)\s+(?P<list>\d{1,2}(?:\s*\(\s*\p{Arabic}{1,2}\s*\))?(?:\s*[،,]?\s*و\s*\d{1,2}(?:\s*\(\s*\p{Arabic}{1,2}\s*\))?)*)(?P<tail>.{0,40})",
    )
});
static AR_AICHI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:هدف|هدفين|هدفان|أهداف|الأهداف)[^\d()]{0,40}?(?P<list>\(?\s*\d{1,2}(?:\s*[،,]\s*(?:و\s*)?\d{1,2}|\s+و\s*\d{1,2})*\s*\)?)",
    )
});

static EN_FR_DECISIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:d[ée]cisions?)\s+(?P<list>{DEC}(?:\s+[A-H]\b)?(?:\s*(?:,|and|et|;)\s*(?:(?i:d[ée]cisions?)\s+)?{DEC}(?:\s+[A-H]\b)?)*)"
    ))
});
static EN_FR_PARAGRAPHS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:paragraph(?:e|s|es)?)\s+(?P<paras>{LATIN_PARA}(?:\s*(?:,|and|et)\s*{LATIN_PARA})*)\s+(?:of|de\s+la)\s+(?i:d[ée]cision)\s+(?P<dec>{DEC})(?:\s+(?P<part>[A-H])\b)?"
    ))
});
static EN_FR_OWN_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:paragraph(?:e|s|es)?)\s+(?P<paras>{LATIN_PARA}(?:\s*(?:,|and|et)\s*{LATIN_PARA})*)\s+(?:above|below|ci-dessus|ci-dessous)"
    ))
});
static EN_FR_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:articles?)\s+(?P<list>\d{1,2}(?:\s*\(?[a-z]\))?(?:\s*(?:,|and|et)\s*\d{1,2}(?:\s*\(?[a-z]\))?)*)(?P<tail>.{0,40})",
    )
});
static EN_FR_AICHI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:Aichi(?:\s+Biodiversity)?\s+Targets?|Objectifs?\s+d'Aichi(?:\s+relatifs?\s+à\s+la\s+diversité\s+biologique)?)\s+(?P<list>\d{1,2}(?:\s*(?:,|and|et)\s*\d{1,2})*)",
    )
});
static DOCUMENT_SYMBOL: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:UNEP/)?CBD/[A-Z][A-Za-z0-9/.\-]*[A-Za-z0-9.]"));
static PREFIXED_DECISION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:(?:UNEP/)?CBD/(?:COP|CP/MOP|NP/MOP)/DEC/[IVXLC\d]+/\d+|\b(?:CP|BS|NP)-[IVXLC\d]+/\d+)"));
static BARE_PAIR: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^\d/\-])(\d{1,2})/(\d{1,3})(?:$|[^\d/])"));

/// The bare `a/b` decision numbers cited in an Arabic text, for [`DecisionOrder::infer`].
pub(crate) fn bare_decision_pairs(text: &str, decision_column: bool) -> Vec<(u32, u32)> {
    let mut spans: Vec<&str> =
        AR_DECISIONS.captures_iter(text).filter_map(|c| c.name("list")).map(|m| m.as_str()).collect();
    spans.extend(AR_PARAGRAPHS_OF.captures_iter(text).filter_map(|c| c.name("dec")).map(|m| m.as_str()));
    if decision_column {
        spans.push(text);
    }
    spans.iter().flat_map(|s| pairs_in(s)).collect()
}

fn pairs_in(text: &str) -> Vec<(u32, u32)> {
    BARE_PAIR.captures_iter(text).filter_map(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?))).collect()
}

/// Every reference in `text`, deduplicated, in order of first appearance.
pub(crate) fn extract(text: &str, ctx: &Context) -> Vec<Reference> {
    let mut found = Vec::new();
    match ctx.language {
        Language::Ar => arabic(text, ctx, &mut found),
        _ => latin(text, ctx, &mut found),
    }
    for m in PREFIXED_DECISION.find_iter(text) {
        if let Some(id) = parse_decision_symbol(m.as_str()) {
            found.push(Reference::Decision { id, part: None });
        }
    }
    for m in DOCUMENT_SYMBOL.find_iter(text) {
        let symbol = m.as_str().trim_end_matches('.');
        if parse_decision_symbol(symbol).is_none() && symbol.matches('/').count() >= 2 {
            found.push(Reference::Document(symbol.to_owned()));
        }
    }
    dedup(found)
}

fn dedup(found: Vec<Reference>) -> Vec<Reference> {
    let mut seen = std::collections::HashSet::new();
    found.into_iter().filter(|r| seen.insert(r.clone())).collect()
}

fn arabic(text: &str, ctx: &Context, found: &mut Vec<Reference>) {
    let decision = |s: &str| decision_of(s, ctx.order);
    for c in AR_PARAGRAPHS_OF.captures_iter(text) {
        let Some(id) = decision(&c["dec"]) else { continue };
        let part = c.name("part").and_then(|p| section_word_to_latin(p.as_str()));
        for paragraph in paragraph_keys(&c["paras"]) {
            found.push(Reference::DecisionParagraph { id, part, paragraph });
        }
    }
    for c in AR_DECISIONS.captures_iter(text) {
        decision_list(&c["list"], ctx, found);
    }
    if ctx.decision_column {
        decision_list(text, ctx, found);
    }
    for c in AR_OWN_PARAGRAPH.captures_iter(text) {
        found.extend(paragraph_keys(&c["paras"]).into_iter().map(|paragraph| Reference::OwnParagraph { paragraph }));
    }
    for c in AR_ARTICLES.captures_iter(text) {
        let tail = &c["tail"];
        let treaty = if tail.contains("ناغويا") {
            Treaty::Nagoya
        } else if tail.contains("قرطاجنة") || tail.contains("البروتوكول") {
            Treaty::Cartagena
        } else if tail.contains("الاتفاقية") {
            Treaty::Convention
        } else {
            ctx.default_treaty
        };
        articles(&c["list"], treaty, found);
    }
    if text.contains("أيشي") {
        for c in AR_AICHI.captures_iter(text) {
            aichi_list(&c["list"], found);
        }
    }
}

fn latin(text: &str, ctx: &Context, found: &mut Vec<Reference>) {
    for c in EN_FR_PARAGRAPHS_OF.captures_iter(text) {
        let Some(id) = decision_of(&c["dec"], DecisionOrder::SessionNumber) else { continue };
        let part = c.name("part").and_then(|p| p.as_str().chars().next());
        for paragraph in paragraph_keys(&c["paras"]) {
            found.push(Reference::DecisionParagraph { id, part, paragraph });
        }
    }
    let latin_ctx = Context { order: DecisionOrder::SessionNumber, ..*ctx };
    for c in EN_FR_DECISIONS.captures_iter(text) {
        decision_list(&c["list"], &latin_ctx, found);
    }
    for c in EN_FR_OWN_PARAGRAPH.captures_iter(text) {
        found.extend(paragraph_keys(&c["paras"]).into_iter().map(|paragraph| Reference::OwnParagraph { paragraph }));
    }
    for c in EN_FR_ARTICLES.captures_iter(text) {
        let tail = c["tail"].to_lowercase();
        let treaty = if tail.contains("nagoya") {
            Treaty::Nagoya
        } else if tail.contains("cartagena") || tail.contains("protocol") {
            Treaty::Cartagena
        } else if tail.contains("convention") {
            Treaty::Convention
        } else {
            ctx.default_treaty
        };
        articles(&c["list"], treaty, found);
    }
    for c in EN_FR_AICHI.captures_iter(text) {
        aichi_list(&c["list"], found);
    }
}

/// A decision written in any form; bare `a/b` read with `order`.
fn decision_of(s: &str, order: DecisionOrder) -> Option<DecisionId> {
    if let Some(id) = parse_decision_symbol(s) {
        return Some(id);
    }
    let (a, b) = s.split_once('/')?;
    if from_roman(a).is_some() {
        return None;
    }
    order.decision(a.parse().ok()?, b.parse().ok()?)
}

/// Walks a list like `2/12 باء، الفقرة 8 (و)؛ و2/11` or `XII/2 B, XI/2 and X/5`.
fn decision_list(list: &str, ctx: &Context, found: &mut Vec<Reference>) {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?P<dec>{DEC})(?:\s+(?P<part>{AR_PART}|[A-H]\b))?(?:\s*[،,]?\s*(?:ال)?فقر\p{{Arabic}}*\s+(?P<paras>{AR_PARA}(?:\s*[،,]?\s*و\s*{AR_PARA})*))?"
        ))
    });
    for c in ITEM.captures_iter(list) {
        let Some(id) = decision_of(&c["dec"], ctx.order) else { continue };
        let part = c.name("part").and_then(|p| section_word_to_latin(p.as_str()).or_else(|| p.as_str().chars().next()));
        found.push(Reference::Decision { id, part });
        if let Some(paras) = c.name("paras") {
            for paragraph in paragraph_keys(paras.as_str()) {
                found.push(Reference::DecisionParagraph { id, part, paragraph });
            }
        }
    }
}

/// Paragraph keys of a list like `8 و9 و18`, `2 (أ)`, `4(ب)، و4(ج)`, `8(d) and 9`, `8 d)`.
pub(crate) fn paragraph_keys(list: &str) -> Vec<String> {
    static PARA: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?P<n>\d{1,3})(?:\s*\(?\s*(?P<sub>[\p{Arabic}]{1,3}|[a-z]{1,4})\s*\))?"));
    PARA.captures_iter(list)
        .map(|c| match c.name("sub").and_then(|s| sub_letter(s.as_str())) {
            Some(sub) => format!("p{}-{sub}", &c["n"]),
            None => format!("p{}", &c["n"]),
        })
        .collect()
}

fn sub_letter(s: &str) -> Option<String> {
    abjad_to_latin(s).map(|c| c.to_string()).or_else(|| s.chars().all(|c| c.is_ascii_lowercase()).then(|| s.to_owned()))
}

fn articles(list: &str, treaty: Treaty, found: &mut Vec<Reference>) {
    static ARTICLE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?P<n>\d{1,2})(?:\s*\(?\s*(?P<sub>\p{Arabic}{1,2}|[a-z])\s*\))?"));
    for c in ARTICLE.captures_iter(list) {
        let Ok(number) = c["n"].parse() else { continue };
        let letter = c.name("sub").and_then(|s| abjad_to_latin(s.as_str()).or_else(|| s.as_str().chars().next()));
        if (1..=67).contains(&number) {
            found.push(Reference::Article { treaty, number, letter });
        }
    }
}

fn aichi_list(list: &str, found: &mut Vec<Reference>) {
    for n in list.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse::<u8>().ok()) {
        if (1..=20).contains(&n) {
            found.push(Reference::AichiTarget(n));
        }
    }
}

/// The latest COP session a query can name: a bare `a/b` naming a later session is not read
/// that way.
const LATEST_COP_SESSION: u32 = 16;
/// The highest decision number a bare `a/b` in a query is read as.
const MAX_QUERY_DECISION_NUMBER: u32 = 40;

/// A decision as a search query may write it: full or prefixed symbols, identifier keys
/// (`COP-13-23`), roman `XIII/23` and bare `a/b`, either case, then an optional part letter.
static QUERY_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<dec>(?i:(?:UNEP/)?CBD/(?:COP|CP/MOP|NP/MOP)/DEC/[IVXLC\d]+/\d+|(?:CP|BS|NP)-[IVXLC\d]+/\d+|(?:COP|CP|NP)-\d{{1,2}}-\d{{1,3}}|[IVXLC]+/\d+|\d{{1,2}}/\d{{1,3}}))(?:\s+(?P<part>{AR_PART}|[A-H])\b)?"
    ))
});
/// One paragraph as a query may write it: `15`, `15(g)`, `15 (ز)`, `15 g)`, `2(j)(ii)`.
const QUERY_PARA: &str = r"\d{1,3}(?:\s*\(\s*(?:\p{Arabic}{1,3}|[a-zA-Z]{1,4}|\d{1,2})\s*\)|\s+[a-z]{1,4}\))*";
/// A paragraph keyword in any of the languages, then a list of paragraphs.
static QUERY_PARAGRAPHS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?i:paragraph(?:e|es|s)?|paras?|párrafos?|пункт\p{{Cyrillic}}*)\.?|§|¶|\p{{Arabic}}{{0,3}}فقر\p{{Arabic}}*)\s*(?P<list>{QUERY_PARA}(?:\s*(?:[,،]|and|et|y|и|و)\s*{QUERY_PARA})*)"
    ))
});

/// The decisions and decision paragraphs a search query names, for exact lookups:
/// `XIII/23`, `CP-11/4`, `المقرر 23/13`, `decision XIII/23 paragraph 15(g)`,
/// `الفقرة 15(ز) من المقرر 23/13`, `décision XIII/23, paragraphe 15 g)`.
///
/// A query gives no document context to infer how bare `a/b` numbers are written, so both
/// readings are kept when plausible (session 1–16, number 1–40), the language's usual order
/// first (number/session when the query contains Arabic letters). Each decision is followed by
/// one [`Reference::DecisionParagraph`] per paragraph the query names; a paragraph named
/// without a decision resolves to nothing.
pub fn query_references(text: &str) -> Vec<Reference> {
    let text = crate::symbols::ascii_digits(text);
    let arabic = text.chars().any(|c| ('\u{0620}'..='\u{064A}').contains(&c));
    let paragraphs: Vec<String> =
        QUERY_PARAGRAPHS.captures_iter(&text).flat_map(|c| query_paragraph_keys(&c["list"])).collect();
    let mut found = Vec::new();
    for c in QUERY_DECISION.captures_iter(&text) {
        let m = c.name("dec").expect("the pattern always captures `dec`");
        if !stands_alone(&text, m.start(), m.end()) {
            continue;
        }
        let part = c.name("part").and_then(|p| section_word_to_latin(p.as_str()).or_else(|| p.as_str().chars().next()));
        for id in query_decision_readings(m.as_str(), arabic) {
            found.push(Reference::Decision { id, part });
            found.extend(paragraphs.iter().map(|paragraph| Reference::DecisionParagraph {
                id,
                part,
                paragraph: paragraph.clone(),
            }));
        }
    }
    dedup(found)
}

/// Whether a decision match is a whole token: `4/7` in `CBD/SBI/4/7` or `12/2016` are not.
/// An Arabic letter may precede it (`و2/11`).
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.')))
        && after.is_none_or(|c| !(c.is_ascii_digit() || c == '/'))
}

/// The decisions a query's decision token can mean, most likely first.
fn query_decision_readings(token: &str, arabic: bool) -> Vec<DecisionId> {
    let upper = token.to_uppercase();
    if let Some(id) = parse_decision_symbol(&upper) {
        return vec![id];
    }
    if let Some(id) = DecisionId::from_key(&upper) {
        return vec![id];
    }
    let Some((Ok(a), Ok(b))) = upper.split_once('/').map(|(a, b)| (a.parse::<u32>(), b.parse::<u32>())) else {
        return Vec::new();
    };
    let orders = if arabic { [(b, a), (a, b)] } else { [(a, b), (b, a)] };
    let mut readings: Vec<DecisionId> = orders
        .into_iter()
        .filter(|&(session, number)| {
            (1..=LATEST_COP_SESSION).contains(&session) && (1..=MAX_QUERY_DECISION_NUMBER).contains(&number)
        })
        .map(|(session, number)| DecisionId { body: DecisionBody::Cop, session, number })
        .collect();
    readings.dedup();
    readings
}

/// Paragraph keys of a query's paragraph list: `15(g)` → `p15-g`, `15(ز)` → `p15-g`,
/// `2(j)(ii)` → `p2-j-ii`, `8 and 9` → `p8`, `p9`.
fn query_paragraph_keys(list: &str) -> Vec<String> {
    static PARA: LazyLock<Regex> = LazyLock::new(|| re(QUERY_PARA));
    static SUB: LazyLock<Regex> = LazyLock::new(|| re(r"\p{Arabic}{1,3}|[a-zA-Z]{1,4}|\d{1,2}"));
    PARA.find_iter(list)
        .map(|m| {
            let text = m.as_str();
            let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
            let mut key = format!("p{}", &text[..digits]);
            for (level, sub) in SUB.find_iter(&text[digits..]).enumerate() {
                let sub = sub.as_str();
                let latin = match abjad_to_latin(sub) {
                    Some(letter) if level == 0 => letter.to_string(),
                    _ => sub.to_lowercase(),
                };
                key.push('-');
                key.push_str(&latin);
            }
            key
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DecisionBody::{Cop, Cp, Np};

    fn cop(session: u32, number: u32) -> DecisionId {
        DecisionId { body: Cop, session, number }
    }

    fn ctx(language: Language, order: DecisionOrder) -> Context {
        Context { language, order, default_treaty: Treaty::Convention, decision_column: false }
    }

    fn check(text: &str, context: Context, expected: &[Reference]) {
        assert_eq!(extract(text, &context), expected, "{text}");
    }

    fn dec(id: DecisionId) -> Reference {
        Reference::Decision { id, part: None }
    }

    #[test]
    fn arabic_decisions() {
        let ar = ctx(Language::Ar, DecisionOrder::NumberSession);
        check(
            "إذ يشير إلى المادتين 12 و13 من الاتفاقية وكذلك المقررات 2/12 و2/11 و5/10 و29/7،",
            ar,
            &[
                dec(cop(12, 2)),
                dec(cop(11, 2)),
                dec(cop(10, 5)),
                dec(cop(7, 29)),
                Reference::Article { treaty: Treaty::Convention, number: 12, letter: None },
                Reference::Article { treaty: Treaty::Convention, number: 13, letter: None },
            ],
        );
        check(
            "الواردة في المقرر 32/13 بشأن الميزانية، والمقرر CP-VIII/7 والمقرر NP-2/13؛",
            ar,
            &[
                dec(cop(13, 32)),
                dec(DecisionId { body: Cp, session: 8, number: 7 }),
                dec(DecisionId { body: Np, session: 2, number: 13 }),
            ],
        );
        check(
            "في تنفيذ الفقرات 8 و9 و18 من المقرر 2/12 باء، بما في ذلك",
            ar,
            &[
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p8".into() },
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p9".into() },
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p18".into() },
                Reference::Decision { id: cop(12, 2), part: Some('B') },
            ],
        );
        check(
            "يشير إلى الفقرة 2 (أ) من المقرر 30/9 التي",
            ar,
            &[Reference::DecisionParagraph { id: cop(9, 30), part: None, paragraph: "p2-a".into() }, dec(cop(9, 30))],
        );
        check(
            "المقرر 2/12 باء الفقرة 8 (و)؛ والمقرر 2/11",
            ar,
            &[
                Reference::Decision { id: cop(12, 2), part: Some('B') },
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p8-f".into() },
                dec(cop(11, 2)),
            ],
        );
        check(
            "المقرر 11/12، الفقرتان 4(ب)، و4(ج)",
            ar,
            &[
                dec(cop(12, 11)),
                Reference::DecisionParagraph { id: cop(12, 11), part: None, paragraph: "p4-b".into() },
                Reference::DecisionParagraph { id: cop(12, 11), part: None, paragraph: "p4-c".into() },
            ],
        );
        check("المشار إليها في الفقرة 15(م) أعلاه", ar, &[Reference::OwnParagraph { paragraph: "p15-m".into() }]);
        check("المقرر 16/-- والنص", ar, &[]);
    }

    #[test]
    fn arabic_targets_articles_documents() {
        let ar = ctx(Language::Ar, DecisionOrder::NumberSession);
        check("الهدف 3 من أهداف أيشي للتنوع البيولوجي", ar, &[Reference::AichiTarget(3)]);
        check(
            "الأهداف 5، 14، و15 من أهداف أيشي للتنوع البيولوجي (وبطريقة غير مباشرة الأهداف 7، 11)",
            ar,
            &[5, 14, 15, 7, 11].map(Reference::AichiTarget),
        );
        check("الهدف 1. تعزيز وتيسير التعاون", ar, &[]);
        check(
            "المادة 8(ي) من الاتفاقية",
            ar,
            &[Reference::Article { treaty: Treaty::Convention, number: 8, letter: Some('j') }],
        );
        check(
            "¹ UNEP/CBD/SBI/1/6 و UNEP/CBD/COP/13/14/Add.1.",
            ar,
            &[Reference::Document("UNEP/CBD/SBI/1/6".into()), Reference::Document("UNEP/CBD/COP/13/14/Add.1".into())],
        );
        let column = Context { decision_column: true, ..ar };
        check("و30/11؛ و9/12؛ و6/11", column, &[dec(cop(11, 30)), dec(cop(12, 9)), dec(cop(11, 6))]);
    }

    #[test]
    fn english_and_french() {
        let en = ctx(Language::En, DecisionOrder::SessionNumber);
        check(
            "Recalling Articles 12 and 13 of the Convention as well as decisions XII/2 B, XI/2 and X/5,",
            en,
            &[
                Reference::Decision { id: cop(12, 2), part: Some('B') },
                dec(cop(11, 2)),
                dec(cop(10, 5)),
                Reference::Article { treaty: Treaty::Convention, number: 12, letter: None },
                Reference::Article { treaty: Treaty::Convention, number: 13, letter: None },
            ],
        );
        check(
            "progress in implementing paragraph 8(d) of decision XII/2 B and decision 15/4",
            en,
            &[
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p8-d".into() },
                Reference::Decision { id: cop(12, 2), part: Some('B') },
                dec(cop(15, 4)),
            ],
        );
        check("Aichi Biodiversity Targets 5, 14 and 15", en, &[5, 14, 15].map(Reference::AichiTarget));
        check("referred to in paragraph 1 above", en, &[Reference::OwnParagraph { paragraph: "p1".into() }]);
        let fr = ctx(Language::Fr, DecisionOrder::SessionNumber);
        check(
            "au paragraphe 8 d) de la décision XII/2 B et les articles 12 et 13 de la Convention",
            fr,
            &[
                Reference::DecisionParagraph { id: cop(12, 2), part: Some('B'), paragraph: "p8-d".into() },
                Reference::Decision { id: cop(12, 2), part: Some('B') },
                Reference::Article { treaty: Treaty::Convention, number: 12, letter: None },
                Reference::Article { treaty: Treaty::Convention, number: 13, letter: None },
            ],
        );
        check(
            "Objectifs d'Aichi relatifs à la diversité biologique 11 et 12",
            fr,
            &[11, 12].map(Reference::AichiTarget),
        );
    }

    #[test]
    fn order_inference() {
        // XIII/23 (COP 13): 2/12 is XII/2, 29/7 is VII/29 only under number/session.
        let xiii_23 = [(2, 12), (2, 11), (5, 10), (29, 7), (12, 8), (14, 9), (16, 10), (13, 11), (32, 13)];
        assert_eq!(DecisionOrder::infer(&xiii_23, 13, Language::Ar), DecisionOrder::NumberSession);
        // The SBI-1 note (2016) writes X/2 as 10/2 and XII/2 B as 12/2, and X/33 as 10/33.
        let sbi_1 = [(10, 2), (12, 2), (11, 2), (11, 12), (12, 12), (10, 33), (12, 15)];
        assert_eq!(
            DecisionOrder::infer(&sbi_1, latest_cop_session_before(2016), Language::Ar),
            DecisionOrder::SessionNumber
        );
        assert_eq!(DecisionOrder::infer(&[], 16, Language::Ar), DecisionOrder::NumberSession);
        assert_eq!(DecisionOrder::infer(&[], 16, Language::En), DecisionOrder::SessionNumber);
        assert_eq!(latest_cop_session_before(2016), 12);
        assert_eq!(latest_cop_session_before(2024), 15);
    }
    #[test]
    fn query_references_resolve_every_form() {
        fn check(query: &str, expected: &[Reference]) {
            assert_eq!(query_references(query), expected, "{query}");
        }
        fn para(id: DecisionId, key: &str) -> Reference {
            Reference::DecisionParagraph { id, part: None, paragraph: key.into() }
        }
        let cp_11_4 = DecisionId { body: Cp, session: 11, number: 4 };
        check("XIII/23", &[dec(cop(13, 23))]);
        check("xiii/23", &[dec(cop(13, 23))]);
        check("13/23", &[dec(cop(13, 23))]);
        check("23/13", &[dec(cop(13, 23))]);
        check("المقرر 23/13", &[dec(cop(13, 23))]);
        check("المقرر ٢٣/١٣", &[dec(cop(13, 23))]);
        check("CBD/COP/DEC/XIII/23", &[dec(cop(13, 23))]);
        check("COP-13-23", &[dec(cop(13, 23))]);
        check("CP-11/4", &[dec(cp_11_4)]);
        check("cp-11/4", &[dec(cp_11_4)]);
        check("CP-11-4", &[dec(cp_11_4)]);
        check("CBD/CP/MOP/DEC/11/4", &[dec(cp_11_4)]);
        // Both readings when both are plausible, the language's usual order first.
        check("2/12", &[dec(cop(2, 12)), dec(cop(12, 2))]);
        check("المقرر 2/12", &[dec(cop(12, 2)), dec(cop(2, 12))]);
        check("XII/2 B", &[Reference::Decision { id: cop(12, 2), part: Some('B') }]);
        check(
            "المقرر 2/12 باء",
            &[
                Reference::Decision { id: cop(12, 2), part: Some('B') },
                Reference::Decision { id: cop(2, 12), part: Some('B') },
            ],
        );
        check("decision XIII/23 paragraph 15(g)", &[dec(cop(13, 23)), para(cop(13, 23), "p15-g")]);
        check("XIII/23 para. 15 (g)", &[dec(cop(13, 23)), para(cop(13, 23), "p15-g")]);
        check("décision XIII/23, paragraphe 15 g)", &[dec(cop(13, 23)), para(cop(13, 23), "p15-g")]);
        check("الفقرة 15(ز) من المقرر 23/13", &[dec(cop(13, 23)), para(cop(13, 23), "p15-g")]);
        check("المقرر 23/13، الفقرة 15 (ز)", &[dec(cop(13, 23)), para(cop(13, 23), "p15-g")]);
        check("paragraph 2(j)(ii) of decision XIII/23", &[dec(cop(13, 23)), para(cop(13, 23), "p2-j-ii")]);
        check("paragraphs 8 and 9 of decision CP-11/4", &[dec(cp_11_4), para(cp_11_4, "p8"), para(cp_11_4, "p9")]);
        // Not decisions: document symbols, dates, implausible numbers, paragraphs alone.
        for query in ["CBD/SBI/4/7", "UNEP/CBD/COP/13/14", "12/2016", "45/50", "paragraph 15(g)", "2030", ""] {
            check(query, &[]);
        }
    }
}
