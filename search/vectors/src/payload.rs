//! Points and their payloads: the few typed fields cbdkg filters on.

use std::collections::BTreeMap;

/// Payload field names cbdkg uses; [`crate::CollectionOptions::new`] indexes these.
pub mod fields {
    /// Document type (keyword), e.g. `decision`, `recommendation`.
    pub const DOC_TYPE: &str = "doc_type";
    /// Body that adopted the document (keyword), e.g. `COP`, `SBSTTA`.
    pub const BODY: &str = "body";
    /// Meeting (keyword), e.g. `COP-15`.
    pub const MEETING: &str = "meeting";
    /// Record type (keyword), e.g. `lmo`, `business`; records only.
    pub const RECORD_TYPE: &str = "record_type";
    /// Language code (keyword), e.g. `en`, `ar`.
    pub const LANG: &str = "lang";
    /// Year (integer).
    pub const YEAR: &str = "year";
}

/// One stored vector with its id and payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Caller-chosen id; upserting the same id again replaces the point.
    pub id: u64,
    /// The vector; its length must equal the collection's dimension.
    pub vector: Vec<f32>,
    /// Filterable fields.
    pub payload: Payload,
}

/// A search hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredPoint {
    /// The point's id.
    pub id: u64,
    /// Cosine similarity to the query, in `[-1, 1]`, higher is closer.
    pub score: f32,
}

/// Value of one payload field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PayloadValue {
    /// One or more keywords; a keyword filter matches if any of them is listed.
    Keywords(Vec<String>),
    /// An integer, matched by integer ranges.
    Integer(i64),
}

/// A small typed map of payload fields, built with `with_*` methods.
///
/// ```
/// use cbdkg_vectors::{Payload, fields};
/// let payload = Payload::new()
///     .with_keyword(fields::DOC_TYPE, "decision")
///     .with_keywords(fields::LANG, ["en", "fr"])
///     .with_integer(fields::YEAR, 2022);
/// assert_eq!(payload.iter().count(), 3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Payload {
    fields: BTreeMap<String, PayloadValue>,
}

impl Payload {
    /// An empty payload.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one keyword to `field` (appending if the field already holds keywords).
    pub fn with_keyword(self, field: impl Into<String>, value: impl Into<String>) -> Self {
        self.with_keywords(field, [value])
    }

    /// Adds keywords to `field` (appending if the field already holds keywords).
    pub fn with_keywords(
        mut self,
        field: impl Into<String>,
        values: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        let values = values.into_iter().map(Into::into);
        match self.fields.entry(field.into()).or_insert(PayloadValue::Keywords(Vec::new())) {
            PayloadValue::Keywords(existing) => existing.extend(values),
            other => *other = PayloadValue::Keywords(values.collect()),
        }
        self
    }

    /// Sets `field` to an integer.
    pub fn with_integer(mut self, field: impl Into<String>, value: i64) -> Self {
        self.fields.insert(field.into(), PayloadValue::Integer(value));
        self
    }

    /// The value of `field`, if set.
    pub fn get(&self, field: &str) -> Option<&PayloadValue> {
        self.fields.get(field)
    }

    /// All fields, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &PayloadValue)> {
        self.fields.iter().map(|(name, value)| (name.as_str(), value))
    }

    /// The payload as a JSON object (keywords as arrays of strings).
    pub(crate) fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        self.iter()
            .map(|(name, value)| {
                let json = match value {
                    PayloadValue::Keywords(words) => {
                        words.iter().map(|w| serde_json::Value::from(w.as_str())).collect()
                    }
                    PayloadValue::Integer(n) => serde_json::Value::from(*n),
                };
                (name.to_owned(), json)
            })
            .collect()
    }
}
