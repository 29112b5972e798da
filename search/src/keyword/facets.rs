//! Facet counts: how many passages matching a query fall in each document type, body,
//! meeting, record type, language and year, read from fast fields inside the index.

use super::schema::names;
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts of the passages matching a query (all of them, not only the top hits), under the
/// whole filter (a facet's own restriction included).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Passages matching.
    pub total: u64,
    /// By document type code, most frequent first.
    pub doc_types: Vec<FacetCount>,
    /// By body code, most frequent first.
    pub bodies: Vec<FacetCount>,
    /// By meeting code, most frequent first.
    pub meetings: Vec<FacetCount>,
    /// By record type, most frequent first (records only).
    pub record_types: Vec<FacetCount>,
    /// By language tag, most frequent first.
    pub langs: Vec<FacetCount>,
    /// By year, oldest first.
    pub years: Vec<YearCount>,
}

/// A value of a facet and how many passages have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value (`decision`, `COP`, `COP-13`, `ar`).
    pub value: String,
    /// How many passages.
    pub count: u64,
}

/// A year and how many passages are from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearCount {
    /// The year.
    pub year: i32,
    /// How many passages.
    pub count: u64,
}

const STRING_FACETS: [&str; 5] = [names::DOC_TYPE, names::BODY, names::MEETING, names::RECORD_TYPE, names::LANG];

/// Collects [`Facets`] of the matching documents.
pub(crate) struct FacetCollector;

/// Counts of one segment.
#[derive(Default)]
pub(crate) struct SegmentFacets {
    total: u64,
    strings: [HashMap<String, u64>; STRING_FACETS.len()],
    years: HashMap<i64, u64>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacetCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCollector> {
        let fast = segment.fast_fields();
        let mut columns = Vec::with_capacity(STRING_FACETS.len());
        for name in STRING_FACETS {
            columns.push(fast.str(name)?);
        }
        Ok(SegmentFacetCollector {
            columns,
            ords: Default::default(),
            years_column: fast.i64(names::YEAR)?,
            years: HashMap::new(),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentFacets>) -> tantivy::Result<Facets> {
        let mut total = 0;
        let mut strings: [HashMap<String, u64>; STRING_FACETS.len()] = Default::default();
        let mut years: HashMap<i64, u64> = HashMap::new();
        for segment in segments {
            total += segment.total;
            for (merged, counts) in strings.iter_mut().zip(segment.strings) {
                for (value, count) in counts {
                    *merged.entry(value).or_default() += count;
                }
            }
            for (year, count) in segment.years {
                *years.entry(year).or_default() += count;
            }
        }
        let [doc_types, bodies, meetings, record_types, langs] = strings.map(sorted_counts);
        let mut years: Vec<YearCount> = years
            .into_iter()
            .filter_map(|(year, count)| Some(YearCount { year: i32::try_from(year).ok()?, count }))
            .collect();
        years.sort_by_key(|y| y.year);
        Ok(Facets { total, doc_types, bodies, meetings, record_types, langs, years })
    }
}

fn sorted_counts(counts: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = counts.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    counts
}

/// Counts one segment by term ordinal; ordinals become strings at harvest.
pub(crate) struct SegmentFacetCollector {
    columns: Vec<Option<StrColumn>>,
    ords: [HashMap<u64, u64>; STRING_FACETS.len()],
    years_column: Column<i64>,
    years: HashMap<i64, u64>,
    total: u64,
}

impl SegmentCollector for SegmentFacetCollector {
    type Fruit = SegmentFacets;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.total += 1;
        for (column, ords) in self.columns.iter().zip(self.ords.iter_mut()) {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    *ords.entry(ord).or_default() += 1;
                }
            }
        }
        if let Some(year) = self.years_column.first(doc) {
            *self.years.entry(year).or_default() += 1;
        }
    }

    fn harvest(self) -> SegmentFacets {
        let mut strings: [HashMap<String, u64>; STRING_FACETS.len()] = Default::default();
        for ((column, ords), out) in self.columns.iter().zip(self.ords).zip(strings.iter_mut()) {
            let Some(column) = column else { continue };
            for (ord, count) in ords {
                let mut value = String::new();
                // A dictionary lookup of an ordinal the column just gave cannot miss; an I/O
                // error on the mmapped file would already have failed the search.
                if column.ord_to_str(ord, &mut value).unwrap_or(false) {
                    out.insert(value, count);
                }
            }
        }
        SegmentFacets { total: self.total, strings, years: self.years }
    }
}
