//! Exact lookups: the passages of the documents a query names (`XIII/23`, `CP-11/4`), the
//! paragraph it names first (`decision XIII/23 paragraph 15(g)`).
//!
//! Order: the named paragraph, then its sub-paragraphs, then the paragraph enclosing a named
//! sub-paragraph, then every other passage of the document; within each tier, the most likely
//! reading of the query first, then document order.

use super::KeywordIndex;
use super::query::QueryPlan;
use super::schema::names;
use serde::Serialize;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// Why a passage was returned by an exact lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceMatch {
    /// It is the paragraph or sub-paragraph the query names.
    Paragraph,
    /// It is a sub-paragraph of the paragraph the query names.
    SubParagraph,
    /// It encloses the sub-paragraph the query names.
    EnclosingParagraph,
    /// It is another passage of the document the query names.
    Document,
}

/// A passage found by exact lookup, with what orders it.
#[derive(Debug, Clone)]
pub(crate) struct LookupHit {
    pub address: DocAddress,
    pub tier: ReferenceMatch,
    /// Index of the first lookup key that found it (the most likely reading).
    pub key: usize,
    pub position: u64,
}

impl KeywordIndex {
    /// The passages of every document the plan names, passing the filter, in lookup order.
    pub(crate) fn lookup(
        &self,
        searcher: &Searcher,
        plan: &QueryPlan,
        filter: Option<&dyn Query>,
    ) -> tantivy::Result<Vec<LookupHit>> {
        let mut found: HashMap<DocAddress, usize> = HashMap::new();
        for (index, key) in plan.lookup_keys.iter().enumerate() {
            let term = TermQuery::new(Term::from_field_text(self.fields.symbol_keys, key), IndexRecordOption::Basic);
            let query: Box<dyn Query> = match filter {
                Some(filter) => {
                    Box::new(BooleanQuery::new(vec![(Occur::Must, Box::new(term)), (Occur::Must, filter.box_clone())]))
                }
                None => Box::new(term),
            };
            for address in searcher.search(query.as_ref(), &tantivy::collector::DocSetCollector)? {
                found.entry(address).or_insert(index);
            }
        }
        let mut hits = Vec::with_capacity(found.len());
        let mut columns = HashMap::new();
        for (address, key) in found {
            let (units, positions) = match columns.entry(address.segment_ord) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => {
                    let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                    entry.insert((fast.str(names::UNIT)?, fast.u64(names::POSITION)?))
                }
            };
            let mut unit = String::new();
            if let Some(units) = units
                && let Some(ord) = units.term_ords(address.doc_id).next()
            {
                units.ord_to_str(ord, &mut unit)?;
            }
            let position = positions.first(address.doc_id).unwrap_or(u64::MAX);
            let named = plan.paragraphs.iter().filter(|(k, _, _)| *k == key).map(|(_, part, p)| (*part, p));
            hits.push(LookupHit { address, tier: tier(&unit, named), key, position });
        }
        hits.sort_by_key(|h| (h.tier, h.key, h.position, h.address));
        Ok(hits)
    }
}

/// How a unit (`p15-g`, `B/p8`) relates to the paragraphs a query names.
fn tier<'a>(unit: &str, paragraphs: impl Iterator<Item = (Option<char>, &'a String)>) -> ReferenceMatch {
    let mut best = ReferenceMatch::Document;
    for (part, paragraph) in paragraphs {
        let Some(unit) = unit_in_part(unit, part) else { continue };
        let tier = if unit == paragraph {
            ReferenceMatch::Paragraph
        } else if unit.strip_prefix(paragraph.as_str()).is_some_and(|rest| rest.starts_with('-')) {
            ReferenceMatch::SubParagraph
        } else if paragraph.strip_prefix(unit).is_some_and(|rest| rest.starts_with('-')) {
            ReferenceMatch::EnclosingParagraph
        } else {
            continue;
        };
        best = best.min(tier);
    }
    best
}

/// The unit key within the named part (`B/p8` → `p8` for part B); without a part named, a
/// unit in any part counts.
fn unit_in_part(unit: &str, part: Option<char>) -> Option<&str> {
    let split = unit.split_once('/').filter(|(p, _)| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
    match (part, split) {
        (Some(part), Some((p, rest))) if p.starts_with(part) => Some(rest),
        (Some(_), _) => None,
        (None, Some((_, rest))) => Some(rest),
        (None, None) => Some(unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(unit: &str, paragraphs: &[(Option<char>, &str)], expected: ReferenceMatch) {
        let paragraphs: Vec<(Option<char>, String)> = paragraphs.iter().map(|(p, k)| (*p, k.to_string())).collect();
        assert_eq!(tier(unit, paragraphs.iter().map(|(p, k)| (*p, k))), expected, "{unit} {paragraphs:?}");
    }

    #[test]
    fn tiers() {
        use ReferenceMatch::*;
        check("p15-g", &[(None, "p15-g")], Paragraph);
        check("p15", &[(None, "p15-g")], EnclosingParagraph);
        check("p15-h", &[(None, "p15-g")], Document);
        check("p1", &[(None, "p15")], Document);
        check("p15-g", &[(None, "p15")], SubParagraph);
        check("p15-g-ii", &[(None, "p15-g")], SubParagraph);
        check("p15", &[(None, "p15")], Paragraph);
        check("B/p8", &[(None, "p8")], Paragraph);
        check("B/p8", &[(Some('B'), "p8")], Paragraph);
        check("A/p8", &[(Some('B'), "p8")], Document);
        check("pre3", &[], Document);
        check("p15-g", &[(None, "p2"), (None, "p15")], SubParagraph);
    }
}
