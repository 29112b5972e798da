//! What a search may be restricted to. Every retriever applies the same filter, so fusion
//! never mixes filtered and unfiltered candidates.

use serde::{Deserialize, Serialize};

/// A conjunction of restrictions; an empty list means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFilter {
    /// Document type codes (`decision`, `note`), any of.
    pub doc_types: Vec<String>,
    /// Body codes (`COP`, `CP-MOP`, `SBI`), any of.
    pub bodies: Vec<String>,
    /// Meeting codes (`COP-13`, `SBI-4`), any of.
    pub meetings: Vec<String>,
    /// Record types (`lmo`, `riskAssessment`, `business`), any of; passages that are not
    /// records have none, so a restriction here keeps records only.
    pub record_types: Vec<String>,
    /// Language tags (`ar`, `en`), any of.
    pub langs: Vec<String>,
    /// First year included.
    pub year_min: Option<i32>,
    /// Last year included.
    pub year_max: Option<i32>,
}

impl SearchFilter {
    /// True when nothing is restricted.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a passage passes the filter (the reference semantics every index must match).
    pub fn accepts(&self, passage: &crate::Passage) -> bool {
        let any_of = |wanted: &[String], value: Option<&str>| {
            wanted.is_empty() || value.is_some_and(|v| wanted.iter().any(|w| w == v))
        };
        let year_ok = match passage.year {
            Some(year) => self.year_min.is_none_or(|min| year >= min) && self.year_max.is_none_or(|max| year <= max),
            None => self.year_min.is_none() && self.year_max.is_none(),
        };
        any_of(&self.doc_types, passage.doc_type.as_deref())
            && any_of(&self.bodies, passage.body.as_deref())
            && any_of(&self.meetings, passage.meeting.as_deref())
            && any_of(&self.record_types, passage.record_type.as_deref())
            && any_of(&self.langs, Some(&passage.lang))
            && year_ok
    }
}
