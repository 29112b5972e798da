//! SHACL-style shapes of clearing-house records and pledges, checked on their JSON before
//! anything is mapped to RDF. A record that breaks any constraint gets one [`FieldError`] per
//! failing field and is not loaded; the others are.
//!
//! The required properties are also published as SHACL (`ontologies/ttl/shapes.ttl`); the
//! tables [`PLEDGE_REQUIRED`], [`RECORD_REQUIRED`] and [`crate::records::bch_required`] are
//! what the test `shapes_match_the_validator` compares with it.

use crate::model::{Date, Language};
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{dcterms, schema};
use serde_json::{Map, Value};

/// One failed constraint of one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, as a path in the record's JSON (`agent.name`, `indicators[0].target.value`)
    /// or the column of a CSV file.
    pub field: String,
    /// What is wrong, with the offending value where there is one.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "field {}: {}", self.field, self.message)
    }
}

/// A field every record of a kind must have, and the property it becomes in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Required {
    /// The field in the record's JSON.
    pub field: &'static str,
    /// The property of the record it maps to.
    pub property: &'static str,
}

const fn required(field: &'static str, property: &'static str) -> Required {
    Required { field, property }
}

/// Required fields of a pledge (JSON layout; CSV columns map onto them).
pub const PLEDGE_REQUIRED: &[Required] = &[
    required("identifier", dcterms::IDENTIFIER),
    required("form", cbdkg::PLEDGE_FORM),
    required("actorType", cbdkg::ACTOR_TYPE),
    required("agent", schema::AGENT),
    required("country", cbdkg::COUNTRY),
    required("name", dcterms::TITLE),
    required("description", dcterms::DESCRIPTION),
    required("gbfTargets", cbdkg::CITES_TARGET),
    required("startTime", schema::START_TIME),
];

/// Required fields of every clearing-house record.
pub const RECORD_REQUIRED: &[Required] = &[
    required("header.identifier", dcterms::IDENTIFIER),
    required("header.schema", cbdkg::RECORD_TYPE),
    required("header.languages", dcterms::LANGUAGE),
    required("title", dcterms::TITLE),
];

/// A text in one or more of the six UN languages, in the order of [`LANGUAGE_ORDER`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangText(pub Vec<(Language, String)>);

impl LangText {
    /// The text in `language`, if there is one.
    pub fn get(&self, language: Language) -> Option<&str> {
        self.0.iter().find(|(l, _)| *l == language).map(|(_, t)| t.as_str())
    }

    /// The languages it has.
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.0.iter().map(|(l, _)| *l)
    }

    /// The text in `language`, else in English, else in the first language it has.
    pub fn best(&self, language: Language) -> Option<&str> {
        self.get(language).or_else(|| self.get(Language::En)).or_else(|| self.0.first().map(|(_, t)| t.as_str()))
    }

    /// A text in one language.
    pub fn single(language: Language, text: impl Into<String>) -> Self {
        Self(vec![(language, text.into())])
    }
}

/// The six UN languages in the order texts are listed.
pub const LANGUAGE_ORDER: [Language; 6] =
    [Language::Ar, Language::En, Language::Es, Language::Fr, Language::Ru, Language::Zh];

/// A language from its BCP 47 code, one of the six UN languages.
pub fn language_code(code: &str) -> Option<Language> {
    LANGUAGE_ORDER.into_iter().find(|l| l.code() == code)
}

/// A date `YYYY-MM-DD`, or the date part of an ISO 8601 date-time, checked against the calendar.
pub fn parse_date(text: &str) -> Option<Date> {
    let date = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    let bytes = date.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i32 = date[..4].parse().ok()?;
    let month: u8 = date[5..7].parse().ok()?;
    let day: u8 = date[8..].parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
}

/// Whether an identifier is safe as the last segment of an IRI and short enough to cite.
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && text.len() <= 100
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Reads the fields of one record, collecting one error per failing field.
///
/// Every accessor takes the field's path (`agent.name`) and says whether it is required; it
/// returns the value if it is present and valid, and records an error otherwise.
pub(crate) struct Fields<'a> {
    record: &'a Value,
    /// Languages a multilingual value may use (a BCH record's `header.languages`); all six if
    /// `None`.
    pub languages: Option<Vec<Language>>,
    errors: Vec<FieldError>,
}

impl<'a> Fields<'a> {
    /// Starts reading `record`, which must be a JSON object.
    pub fn new(record: &'a Value) -> Self {
        let mut fields = Self { record, languages: None, errors: Vec::new() };
        if !record.is_object() {
            fields.error("(record)", format!("expected a JSON object, found {}", kind(record)));
        }
        fields
    }

    /// Records an error.
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_owned(), message: message.into() });
    }

    /// The errors so far.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Whether no error was recorded.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The value at a dotted path, if present and not null.
    pub fn get(&self, path: &str) -> Option<&'a Value> {
        lookup(self.record, path)
    }

    fn missing(&mut self, path: &str, required: bool) {
        if required {
            self.error(path, "required, missing");
        }
    }

    /// Fields not in `allowed` are errors: a misspelt field name must not be silently ignored.
    pub fn only(&mut self, path: &str, allowed: &[&str]) {
        let object = if path.is_empty() { Some(self.record) } else { self.get(path) };
        let Some(Value::Object(map)) = object else { return };
        let mut unknown: Vec<String> = map.keys().filter(|k| !allowed.contains(&k.as_str())).cloned().collect();
        unknown.sort();
        for key in unknown {
            let field = if path.is_empty() { key } else { format!("{path}.{key}") };
            self.error(&field, format!("unknown field; expected one of: {}", allowed.join(", ")));
        }
    }

    /// A non-empty string (trimmed).
    pub fn string(&mut self, path: &str, required: bool) -> Option<String> {
        match self.get(path) {
            None => {
                self.missing(path, required);
                None
            }
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(Value::String(_)) => {
                self.missing(path, required);
                None
            }
            Some(other) => {
                self.error(path, format!("expected a string, found {}", kind(other)));
                None
            }
        }
    }

    /// A string or an array of strings, each non-empty.
    pub fn strings(&mut self, path: &str, required: bool) -> Vec<String> {
        let items = match self.get(path) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_owned()),
                other => {
                    self.error(&format!("{path}[{i}]"), format!("expected a non-empty string, found {}", kind(other)))
                }
            }
        }
        if out.is_empty() && self.get(path).is_none_or(|v| v.as_array().is_some_and(Vec::is_empty)) {
            self.missing(path, required);
        }
        out
    }

    /// A multilingual value `{"en": "…", "ar": "…"}` (a plain string is read as English),
    /// each text at most `max_chars` characters.
    pub fn lang_text(&mut self, path: &str, required: bool, max_chars: Option<usize>) -> Option<LangText> {
        let value = self.get(path);
        let Some(value) = value else {
            self.missing(path, required);
            return None;
        };
        let text = self.lang_text_value(path, value, max_chars)?;
        if text.0.is_empty() {
            self.missing(path, required);
            return None;
        }
        Some(text)
    }

    fn lang_text_value(&mut self, path: &str, value: &Value, max_chars: Option<usize>) -> Option<LangText> {
        // Sorted by code: serde_json keeps document order or sorts, depending on a feature
        // another crate of the build may turn on, and the errors must come in one order.
        let map: Vec<(String, &Value)> = match value {
            Value::Object(map) => {
                let mut entries: Vec<(String, &Value)> = map.iter().map(|(k, v)| (k.clone(), v)).collect();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                entries
            }
            Value::String(_) => vec![("en".to_owned(), value)],
            other => {
                self.error(path, format!("expected texts by language ({{\"en\": \"…\"}}), found {}", kind(other)));
                return None;
            }
        };
        let before = self.errors.len();
        let mut texts = Vec::new();
        for (code, text) in map {
            let field = format!("{path}.{code}");
            let Some(language) = language_code(&code) else {
                self.error(
                    &field,
                    format!("{code:?} is not a language code of the six UN languages (ar, en, es, fr, ru, zh)"),
                );
                continue;
            };
            if let Some(allowed) = &self.languages
                && !allowed.contains(&language)
            {
                let list: Vec<&str> = allowed.iter().map(|l| l.code()).collect();
                self.error(
                    &field,
                    format!("language {code:?} is not one of the record's languages ({})", list.join(", ")),
                );
                continue;
            }
            match text {
                Value::String(s) if !s.trim().is_empty() => {
                    let count = s.trim().chars().count();
                    match max_chars {
                        Some(max) if count > max => {
                            self.error(&field, format!("{count} characters, more than the {max} allowed"));
                        }
                        _ => texts.push((language, s.trim().to_owned())),
                    }
                }
                Value::String(_) | Value::Null => {}
                other => self.error(&field, format!("expected a string, found {}", kind(other))),
            }
        }
        texts.sort_by_key(|(l, _)| LANGUAGE_ORDER.iter().position(|o| o == l));
        (self.errors.len() == before).then_some(LangText(texts))
    }

    /// An array of multilingual values.
    pub fn lang_texts(&mut self, path: &str, required: bool) -> Vec<LangText> {
        let items = match self.get(path) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if let Some(text) = self.lang_text_value(&format!("{path}[{i}]"), item, None)
                && !text.0.is_empty()
            {
                out.push(text);
            }
        }
        if out.is_empty() && self.errors.iter().all(|e| !e.field.starts_with(path)) {
            self.missing(path, required);
        }
        out
    }

    /// A date (`YYYY-MM-DD` or an ISO 8601 date-time).
    pub fn date(&mut self, path: &str, required: bool) -> Option<Date> {
        let text = self.string(path, required)?;
        let date = parse_date(&text);
        if date.is_none() {
            self.error(path, format!("{text:?} is not a date (expected YYYY-MM-DD)"));
        }
        date
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, path: &str) -> Option<bool> {
        match self.get(path)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(path, format!("expected true or false, found {}", kind(other)));
                None
            }
        }
    }

    /// A number, as the lexical form of an `xsd:decimal`.
    pub fn decimal(&mut self, path: &str, required: bool) -> Option<String> {
        match self.get(path) {
            None => {
                self.missing(path, required);
                None
            }
            Some(Value::Number(n)) => {
                let text = match (n.as_i64(), n.as_f64()) {
                    (Some(i), _) => i.to_string(),
                    (None, Some(f)) if f.is_finite() => format_decimal(f),
                    _ => {
                        self.error(path, format!("{n} is not a finite number"));
                        return None;
                    }
                };
                Some(text)
            }
            Some(other) => {
                self.error(path, format!("expected a number, found {}", kind(other)));
                None
            }
        }
    }

    /// A year, 1900–2100.
    pub fn year(&mut self, path: &str, required: bool) -> Option<i32> {
        match self.get(path) {
            None => {
                self.missing(path, required);
                None
            }
            Some(Value::Number(n)) if n.as_i64().is_some_and(|y| (1900..=2100).contains(&y)) => {
                n.as_i64().map(|y| y as i32)
            }
            Some(other) => {
                self.error(path, format!("{other} is not a year (1900–2100)"));
                None
            }
        }
    }

    /// One of `allowed` codes.
    pub fn code(&mut self, path: &str, required: bool, allowed: &'static [&'static str]) -> Option<&'static str> {
        let text = self.string(path, required)?;
        self.check_code(path, &text, allowed)
    }

    /// Several of `allowed` codes (a string or an array).
    pub fn codes(&mut self, path: &str, required: bool, allowed: &'static [&'static str]) -> Vec<&'static str> {
        let texts = self.strings(path, required);
        texts
            .iter()
            .enumerate()
            .filter_map(|(i, text)| self.check_code(&format!("{path}[{i}]"), text, allowed))
            .collect()
    }

    fn check_code(&mut self, path: &str, text: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
        let found = allowed.iter().find(|code| **code == text).copied();
        if found.is_none() {
            self.error(path, format!("{text:?} is not one of: {}", allowed.join(", ")));
        }
        found
    }

    /// An ISO 3166-1 alpha-2 country code, as a string or `{"identifier": "mx"}`; upper-cased.
    pub fn country(&mut self, path: &str, required: bool) -> Option<String> {
        let id_path = format!("{path}.identifier");
        let text = match self.get(path) {
            Some(Value::Object(_)) => self.string(&id_path, true)?,
            _ => self.string(path, required)?,
        };
        if text.len() == 2 && text.chars().all(|c| c.is_ascii_alphabetic()) {
            Some(text.to_ascii_uppercase())
        } else {
            self.error(path, format!("{text:?} is not an ISO 3166-1 alpha-2 country code (e.g. \"MX\")"));
            None
        }
    }

    /// An identifier usable in an IRI: letters, digits, `-`, `_`, `.`; at most 100 characters.
    pub fn identifier(&mut self, path: &str, required: bool) -> Option<String> {
        let text = self.string(path, required)?;
        if is_identifier(&text) {
            Some(text)
        } else {
            self.error(
                path,
                format!("{text:?} is not a usable identifier (letters, digits, '-', '_', '.'; at most 100)"),
            );
            None
        }
    }

    /// The elements of an array field (a missing field is an empty array).
    pub fn array(&mut self, path: &str, required: bool) -> Vec<&'a Value> {
        match self.get(path) {
            None => {
                self.missing(path, required);
                Vec::new()
            }
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    self.missing(path, required);
                }
                items.iter().collect()
            }
            Some(other) => {
                self.error(path, format!("expected an array, found {}", kind(other)));
                Vec::new()
            }
        }
    }
}

fn format_decimal(f: f64) -> String {
    let text = format!("{f}");
    if text.contains('e') || text.contains('E') { format!("{f:.6}") } else { text }
}

/// The value at a dotted path with optional `[i]` indices, if present and not null.
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = value;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        if !key.is_empty() {
            current = current.as_object().and_then(|m: &Map<String, Value>| m.get(key))?;
        }
        if let Some(i) = index {
            current = current.as_array()?.get(i)?;
        }
    }
    (!current.is_null()).then_some(current)
}

/// "a string", "an array"… for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(record: Value, read: impl FnOnce(&mut Fields<'_>)) -> Vec<String> {
        let mut fields = Fields::new(&record);
        read(&mut fields);
        fields.into_errors().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn dates() {
        let cases = [
            ("2024-02-29", Some("2024-02-29")),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-1-01", None),
            ("2030-12-31T00:00:00Z", Some("2030-12-31")),
            ("2030-12-31 extra", None),
            ("31/12/2030", None),
            ("٢٠٣٠-١٢-٣١", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text).map(|d| d.to_string()).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn identifiers() {
        for ok in ["EX-PLEDGE-0001", "BCH-LMO-SCBD-1.2", "a"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in ["", "-x", "with space", "a/b", "é"] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn field_errors_name_the_field() {
        let record = json!({
            "name": {"en": "A title that is far too long for the sixty characters the schema allows", "de": "Titel"},
            "country": "Mexico",
            "when": "2024-02-30",
            "stage": "done",
            "targets": [3, "x"],
            "extra": 1
        });
        let got = errors(record, |f| {
            f.lang_text("name", true, Some(60));
            f.country("country", true);
            f.date("when", true);
            f.code("stage", false, &["planning", "implementation"]);
            f.strings("targets", true);
            f.string("missing", true);
            f.only("", &["name", "country", "when", "stage", "targets"]);
        });
        assert_eq!(
            got,
            [
                "field name.de: \"de\" is not a language code of the six UN languages (ar, en, es, fr, ru, zh)",
                "field name.en: 71 characters, more than the 60 allowed",
                "field country: \"Mexico\" is not an ISO 3166-1 alpha-2 country code (e.g. \"MX\")",
                "field when: \"2024-02-30\" is not a date (expected YYYY-MM-DD)",
                "field stage: \"done\" is not one of: planning, implementation",
                "field targets[0]: expected a non-empty string, found a number",
                "field missing: required, missing",
                "field extra: unknown field; expected one of: name, country, when, stage, targets",
            ]
        );
    }

    #[test]
    fn languages_of_the_record_bound_its_texts() {
        let record = json!({"title": {"en": "Maize", "fr": "Maïs"}, "plain": "Maize"});
        let mut fields = Fields::new(&record);
        fields.languages = Some(vec![Language::En, Language::Es]);
        assert!(fields.lang_text("title", true, None).is_none());
        assert_eq!(fields.lang_text("plain", true, None), Some(LangText::single(Language::En, "Maize")));
        let got: Vec<String> = fields.into_errors().iter().map(ToString::to_string).collect();
        assert_eq!(got, ["field title.fr: language \"fr\" is not one of the record's languages (en, es)"]);
    }

    #[test]
    fn paths_reach_into_arrays() {
        let record = json!({"indicators": [{"target": {"value": 12.5}}], "n": 3});
        let mut fields = Fields::new(&record);
        assert_eq!(fields.decimal("indicators[0].target.value", true).as_deref(), Some("12.5"));
        assert_eq!(fields.decimal("n", true).as_deref(), Some("3"));
        assert_eq!(fields.decimal("indicators[1].target.value", false), None);
        assert!(fields.is_ok());
    }
}
