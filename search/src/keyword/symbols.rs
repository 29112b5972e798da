//! Every way a document's symbol is written, so that a query naming the document in any of
//! them finds it: `XIII/23`, `13/23`, `23/13`, `COP-13-23`, `CBD/COP/DEC/XIII/23`, `CP-11/4`.

use crate::Passage;
use cbdkg_ingest::symbols::{symbol_key, to_roman};
use cbdkg_ingest::{DecisionBody, DecisionId};

/// The decision a document IRI names (`…/decision/COP-13-23`), whatever the base IRI.
pub(crate) fn decision_of_iri(doc_iri: &str) -> Option<DecisionId> {
    let (_, key) = doc_iri.rsplit_once("/decision/").or_else(|| doc_iri.strip_prefix("decision/").map(|k| ("", k)))?;
    DecisionId::from_key(key)
}

/// The lower-case key an exact lookup of a decision searches for.
pub(crate) fn decision_lookup_key(id: &DecisionId) -> String {
    id.key().to_lowercase()
}

/// The symbol keys of a passage's document, lower-case, without duplicates.
pub(crate) fn symbol_keys(passage: &Passage) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    if let Some(id) = decision_of_iri(&passage.doc) {
        keys.extend(decision_keys(&id));
    }
    for symbol in [&passage.symbol, &passage.short_symbol].into_iter().flatten() {
        keys.push(symbol.clone());
        keys.push(symbol_key(symbol));
    }
    if let Some((_, last)) = passage.doc.rsplit_once('/') {
        keys.push(last.to_owned());
    }
    let mut unique: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys.into_iter().map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty()) {
        if !unique.contains(&key) {
            unique.push(key);
        }
    }
    unique
}

/// The forms of a decision symbol (upper case here; lower-cased by the caller).
fn decision_keys(id: &DecisionId) -> Vec<String> {
    let (s, n) = (id.session, id.number);
    let roman = to_roman(s);
    let mut keys = vec![id.key(), id.short_symbol()];
    match id.body {
        DecisionBody::Cop => keys.extend([
            format!("{roman}/{n}"),
            format!("{s}/{n}"),
            format!("{n}/{s}"),
            format!("CBD/COP/DEC/{roman}/{n}"),
            format!("CBD/COP/DEC/{s}/{n}"),
            format!("UNEP/CBD/COP/DEC/{roman}/{n}"),
        ]),
        DecisionBody::Cp => keys.extend([
            format!("CP-{s}/{n}"),
            format!("CP-{roman}/{n}"),
            format!("BS-{roman}/{n}"),
            format!("BS-{s}/{n}"),
            format!("CBD/CP/MOP/DEC/{s}/{n}"),
            format!("CBD/CP/MOP/DEC/{roman}/{n}"),
        ]),
        DecisionBody::Np => keys.extend([
            format!("NP-{s}/{n}"),
            format!("NP-{roman}/{n}"),
            format!("CBD/NP/MOP/DEC/{s}/{n}"),
            format!("CBD/NP/MOP/DEC/{roman}/{n}"),
        ]),
    }
    keys
}

/// The words of a query that may be symbols, as symbol keys: they contain a digit and a `/`
/// or `-` (`CBD/SBI/4/7`, `xiii/23`), surrounding punctuation removed.
pub(crate) fn query_symbol_tokens(query: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in query.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let word: String = word.chars().map(crate::analysis::words::ascii_digit).collect::<String>().to_lowercase();
        if word.chars().any(|c| c.is_ascii_digit()) && word.contains(['/', '-']) && !tokens.contains(&word) {
            tokens.push(word);
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_from_iris() {
        let cop = |session, number| Some(DecisionId { body: DecisionBody::Cop, session, number });
        assert_eq!(decision_of_iri("https://cbdkg.example/id/decision/COP-13-23"), cop(13, 23));
        assert_eq!(decision_of_iri("http://other.org/kg/decision/COP-15-4"), cop(15, 4));
        assert_eq!(
            decision_of_iri("https://x/decision/CP-11-4"),
            Some(DecisionId { body: DecisionBody::Cp, session: 11, number: 4 })
        );
        assert_eq!(decision_of_iri("https://x/doc/CBD-SBI-4-7"), None);
        assert_eq!(decision_of_iri("https://x/decision/COP-13-23/p1"), None);
    }

    #[test]
    fn query_symbols() {
        assert_eq!(query_symbol_tokens("see CBD/SBI/4/7, and (XIII/23)."), ["cbd/sbi/4/7", "xiii/23"]);
        assert_eq!(query_symbol_tokens("المقرر ٢٣/١٣"), ["23/13"]);
        assert!(query_symbol_tokens("capacity-building 2030").is_empty());
    }
}
