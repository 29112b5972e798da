//! Filters: a conjunction of keyword and integer-range conditions, independent of the backend.

/// One condition on a payload field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Condition {
    /// The keyword field holds at least one of `any_of`; an empty `any_of` matches nothing.
    Keyword {
        /// Payload field name.
        field: String,
        /// Accepted values.
        any_of: Vec<String>,
    },
    /// The integer field lies in `min..=max`; a missing bound is open.
    IntegerRange {
        /// Payload field name.
        field: String,
        /// Inclusive lower bound.
        min: Option<i64>,
        /// Inclusive upper bound.
        max: Option<i64>,
    },
}

/// All conditions must hold; the default filter (no conditions) matches every point.
///
/// ```
/// use cbdkg_vectors::{Filter, fields};
/// let filter = Filter::new()
///     .with_keyword(fields::LANG, ["en", "ar"])
///     .with_integer_range(fields::YEAR, Some(2010), None);
/// assert_eq!(filter.conditions().len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    conditions: Vec<Condition>,
}

impl Filter {
    /// A filter that matches every point.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a condition.
    pub fn with(mut self, condition: Condition) -> Self {
        self.conditions.push(condition);
        self
    }

    /// Adds "`field` holds any of `values`".
    pub fn with_keyword(self, field: impl Into<String>, values: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.with(Condition::Keyword { field: field.into(), any_of: values.into_iter().map(Into::into).collect() })
    }

    /// Adds "`min <= field <= max`" (either bound may be open).
    pub fn with_integer_range(self, field: impl Into<String>, min: Option<i64>, max: Option<i64>) -> Self {
        self.with(Condition::IntegerRange { field: field.into(), min, max })
    }

    /// The conditions, all of which must hold.
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    /// True if no point can match, known without asking the backend (an empty `any_of`, or
    /// `min > max`); both backends short-circuit so that they agree on these edge cases.
    pub(crate) fn matches_nothing(&self) -> bool {
        self.conditions.iter().any(|condition| match condition {
            Condition::Keyword { any_of, .. } => any_of.is_empty(),
            Condition::IntegerRange { min: Some(min), max: Some(max), .. } => min > max,
            Condition::IntegerRange { .. } => false,
        })
    }
}
