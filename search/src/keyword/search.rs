//! Searching: exact lookups first, then BM25 over the analysed fields, inside the filter;
//! every hit with the query words it contains and a highlighted snippet.

use super::KeywordIndex;
use super::error::KeywordError;
use super::facets::{FacetCollector, Facets};
use super::lookup::ReferenceMatch;
use super::query::QueryPlan;
use super::schema::Fields;
use super::snippet::snippet;
use crate::SearchFilter;
use crate::analysis::Lang;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query, RangeQuery, TermQuery, TermSetQuery, Weight,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TantivyDocument, Term};

/// One passage found by keyword search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeywordHit {
    /// IRI of the passage.
    pub iri: String,
    /// BM25 score of the query's words (0 when the passage was found only by exact lookup).
    /// Ranks follow exact lookups first, so scores need not decrease down the list.
    pub score: f32,
    /// The query's words and phrases (as written) that the passage contains, in its text,
    /// title or section headings, in query order.
    pub matched_terms: Vec<String>,
    /// Share of the query's words and phrases the passage contains (0–1; 1 for a query
    /// without words, such as a bare symbol). A passage that contains one word of a long
    /// question in another language is a weak keyword match whatever its BM25 rank.
    pub coverage: f32,
    /// A stretch of the text with the matched words in `<b>…</b>`, HTML-escaped; `None` when
    /// no word of the text itself matched (a title match, an exact lookup).
    pub snippet: Option<String>,
    /// Why an exact lookup returned it, if one did.
    pub reference: Option<ReferenceMatch>,
}

/// A hit before its stored fields are read.
struct Ranked {
    address: DocAddress,
    score: Option<f32>,
    reference: Option<ReferenceMatch>,
}

impl KeywordIndex {
    /// The `k` best passages for `query` that pass `filter`: passages of a document or
    /// paragraph the query names (`XIII/23`, `المقرر 23/13 الفقرة 15(ز)`) first, in the order
    /// of [`ReferenceMatch`] then document order, then the others by BM25.
    ///
    /// Errors: [`KeywordError::EmptyQuery`] when nothing is left to search for (blank,
    /// punctuation, Arabic stop words only), [`KeywordError::QueryTooLong`] beyond
    /// [`super::MAX_QUERY_CHARS`].
    pub fn search(&self, query: &str, k: usize, filter: &SearchFilter) -> Result<Vec<KeywordHit>, KeywordError> {
        let plan = QueryPlan::parse(query)?;
        let failed = |source| KeywordError::Search { query: query.to_owned(), source };
        let searcher = self.reader.searcher();
        let k = k.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
        if k == 0 {
            return Ok(Vec::new());
        }
        let filter_query = filter_query(&self.fields, filter);
        let lookups = self.lookup(&searcher, &plan, filter_query.as_deref()).map_err(failed)?;
        let mut ranked: Vec<Ranked> = lookups
            .iter()
            .take(k)
            .map(|h| Ranked { address: h.address, score: None, reference: Some(h.tier) })
            .collect();
        let text_query = plan.text_query(&self.fields);
        if let Some(text_query) = &text_query
            && ranked.len() < k
        {
            let query = restrict(text_query.box_clone(), filter_query.as_deref());
            let collector = TopDocs::with_limit(k + ranked.len()).order_by_score();
            let top = searcher.search(query.as_ref(), &collector).map_err(failed)?;
            let seen: HashSet<DocAddress> = ranked.iter().map(|r| r.address).collect();
            let fresh = top.into_iter().filter(|(_, address)| !seen.contains(address));
            ranked.extend(fresh.take(k - ranked.len()).map(|(score, address)| Ranked {
                address,
                score: Some(score),
                reference: None,
            }));
        }
        self.hits(&searcher, &plan, text_query.as_deref(), ranked).map_err(failed)
    }

    /// Counts of every passage matching `query` (by its words or by exact lookup) under
    /// `filter`, by document type, body, meeting, language and year. Same errors as
    /// [`KeywordIndex::search`].
    pub fn facets(&self, query: &str, filter: &SearchFilter) -> Result<Facets, KeywordError> {
        let plan = QueryPlan::parse(query)?;
        let searcher = self.reader.searcher();
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(text_query) = plan.text_query(&self.fields) {
            any.push((Occur::Should, text_query));
        }
        for key in &plan.lookup_keys {
            let term = Term::from_field_text(self.fields.symbol_keys, key);
            any.push((Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        let matching = restrict(Box::new(BooleanQuery::new(any)), filter_query(&self.fields, filter).as_deref());
        searcher
            .search(matching.as_ref(), &FacetCollector)
            .map_err(|source| KeywordError::Search { query: query.to_owned(), source })
    }

    /// Reads the stored fields of ranked passages and works out what matched.
    fn hits(
        &self,
        searcher: &Searcher,
        plan: &QueryPlan,
        text_query: Option<&dyn Query>,
        ranked: Vec<Ranked>,
    ) -> tantivy::Result<Vec<KeywordHit>> {
        let addresses: Vec<DocAddress> = ranked.iter().map(|r| r.address).collect();
        let mut matched = vec![vec![false; plan.groups.len()]; ranked.len()];
        for (g, group) in plan.groups.iter().enumerate() {
            let weight = group.query(&self.fields).weight(EnableScoring::disabled_from_searcher(searcher))?;
            for (i, _) in matching(searcher, weight.as_ref(), &addresses)? {
                matched[i][g] = true;
            }
        }
        let mut scores: Vec<f32> = ranked.iter().map(|r| r.score.unwrap_or(0.0)).collect();
        if let Some(text_query) = text_query {
            let unscored: Vec<DocAddress> = ranked.iter().filter(|r| r.score.is_none()).map(|r| r.address).collect();
            let weight = text_query.weight(EnableScoring::enabled_from_searcher(searcher))?;
            for (i, score) in matching(searcher, weight.as_ref(), &unscored)? {
                let address = unscored[i];
                if let Some(j) = addresses.iter().position(|a| *a == address) {
                    scores[j] = score;
                }
            }
        }
        let mut hits = Vec::with_capacity(ranked.len());
        for ((r, matched), score) in ranked.into_iter().zip(matched).zip(scores) {
            let doc: TantivyDocument = searcher.doc(r.address)?;
            hits.push(self.hit(&doc, plan, &matched, score, r.reference));
        }
        Ok(hits)
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        plan: &QueryPlan,
        matched: &[bool],
        score: f32,
        reference: Option<ReferenceMatch>,
    ) -> KeywordHit {
        let text_of = |lang: Lang| doc.get_first(self.fields.text(lang)).and_then(|v| v.as_str());
        let groups = plan.groups.iter().zip(matched).filter(|(_, m)| **m).map(|(g, _)| g);
        let mut matched_terms: Vec<String> = Vec::new();
        for group in groups.clone() {
            if !matched_terms.contains(&group.surface) {
                matched_terms.push(group.surface.clone());
            }
        }
        // A multilingual record has a text per language: the snippet comes from the first
        // one the query matches.
        let snippet = Lang::ALL.into_iter().find_map(|lang| {
            let text = text_of(lang)?;
            let terms: HashSet<&str> = groups.clone().flat_map(|g| g.terms_in(lang)).collect();
            snippet(text, lang, &terms)
        });
        let coverage = if plan.groups.is_empty() {
            1.0
        } else {
            matched.iter().filter(|m| **m).count() as f32 / plan.groups.len() as f32
        };
        KeywordHit {
            iri: doc.get_first(self.fields.iri).and_then(|v| v.as_str()).unwrap_or_default().to_owned(),
            score,
            matched_terms,
            coverage,
            snippet,
            reference,
        }
    }
}

/// Which of `addresses` the weight matches, as (index into `addresses`, score).
fn matching(searcher: &Searcher, weight: &dyn Weight, addresses: &[DocAddress]) -> tantivy::Result<Vec<(usize, f32)>> {
    let mut by_segment: BTreeMap<u32, Vec<(DocId, usize)>> = BTreeMap::new();
    for (i, address) in addresses.iter().enumerate() {
        by_segment.entry(address.segment_ord).or_default().push((address.doc_id, i));
    }
    let mut found = Vec::new();
    for (segment, mut docs) in by_segment {
        docs.sort_unstable();
        let mut scorer = weight.scorer(searcher.segment_reader(segment), 1.0)?;
        for (doc, i) in docs {
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            if scorer.doc() == doc {
                found.push((i, scorer.score()));
            }
        }
    }
    Ok(found)
}

/// The filter as a query that scores nothing, `None` when it restricts nothing.
fn filter_query(fields: &Fields, filter: &SearchFilter) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, values) in [
        (fields.doc_type, &filter.doc_types),
        (fields.body, &filter.bodies),
        (fields.meeting, &filter.meetings),
        (fields.record_type, &filter.record_types),
        (fields.lang, &filter.langs),
    ] {
        if !values.is_empty() {
            let terms = values.iter().map(|v| Term::from_field_text(field, v));
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
    }
    if filter.year_min.is_some() || filter.year_max.is_some() {
        let bound = |year: Option<i32>| {
            year.map_or(Bound::Unbounded, |y| Bound::Included(Term::from_field_i64(fields.year, i64::from(y))))
        };
        clauses.push((Occur::Must, Box::new(RangeQuery::new(bound(filter.year_min), bound(filter.year_max)))));
    }
    (!clauses.is_empty())
        .then(|| Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(clauses)), 0.0)) as Box<dyn Query>)
}

/// `query` restricted to `filter`.
fn restrict(query: Box<dyn Query>, filter: Option<&dyn Query>) -> Box<dyn Query> {
    match filter {
        Some(filter) => Box::new(BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, filter.box_clone())])),
        None => query,
    }
}
