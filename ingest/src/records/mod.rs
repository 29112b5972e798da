//! Record files: records of the Biosafety Clearing-House and Action Agenda pledges, many to a
//! file (JSON: one record object or an array of them; CSV: pledges, one per row).
//!
//! Unlike a document, a record file is not all or nothing: each record is checked against its
//! shape on its own, a failing record is reported with one error per field
//! ([`RecordFailure::messages`]) and left out, and the others load, into one named graph per
//! file ([`record_file_graph`]).

mod bch;
mod csv;
mod json;
mod rdf;
mod text;

pub use crate::pledges::{Agent, Indicator, Pledge, ProgressReport, Quantity};
pub use bch::{BchRecord, FieldKind, FieldSpec, FieldValue, Organism, SUPPORTED_SCHEMAS, bch_required, fields_of};
pub use rdf::{record_file_graph, record_graph_iri};
pub use text::record_text;

use crate::model::{Language, Span};
use crate::validate::FieldError;
use crate::{IngestError, SourceFile};
use serde_json::Value;
use std::path::Path;

/// A record that passed its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A record of the Biosafety Clearing-House.
    Bch(BchRecord),
    /// An Action Agenda commitment (boxed: it is the larger).
    Pledge(Box<Pledge>),
}

impl Record {
    /// Its identifier.
    pub fn identifier(&self) -> &str {
        match self {
            Self::Bch(r) => &r.identifier,
            Self::Pledge(p) => &p.identifier,
        }
    }

    /// Its lines in the source file.
    pub fn span(&self) -> Span {
        match self {
            Self::Bch(r) => r.span,
            Self::Pledge(p) => p.span,
        }
    }

    /// The path of its IRI below the base: `bch/{identifier}`, `pledge/{identifier}`.
    pub fn path(&self) -> String {
        match self {
            Self::Bch(r) => format!("bch/{}", r.identifier),
            Self::Pledge(p) => format!("pledge/{}", p.identifier),
        }
    }

    /// The languages it is written in.
    pub fn languages(&self) -> Vec<Language> {
        match self {
            Self::Bch(r) => r.languages.clone(),
            Self::Pledge(p) => p.languages(),
        }
    }
}

/// A record that failed its shape (or a problem of the file between records).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFailure {
    /// Position of the record in the file, from 1; `None` for a problem of the file itself
    /// (an array never closed, text after it).
    pub record: Option<usize>,
    /// Its identifier, if one could be read.
    pub identifier: Option<String>,
    /// Its lines.
    pub span: Span,
    /// One error per failing field.
    pub errors: Vec<FieldError>,
}

impl RecordFailure {
    /// One message per failing field, naming the file, line, record and field:
    /// `pledges.json:14: record 3 (EX-AA-0003): field endTime: 2024-01-01 is before the start date 2025-01-01`.
    pub fn messages(&self, path: &str) -> Vec<String> {
        let record = match (self.record, &self.identifier) {
            (Some(n), Some(id)) => format!("record {n} ({id}): "),
            (Some(n), None) => format!("record {n}: "),
            (None, _) => String::new(),
        };
        self.errors.iter().map(|e| format!("{path}:{}: {record}{e}", self.span.start)).collect()
    }
}

/// The records of one file, and those that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFile {
    /// The file.
    pub source: SourceFile,
    /// Records that passed their shape, in file order.
    pub records: Vec<Record>,
    /// Records that failed, in file order.
    pub failures: Vec<RecordFailure>,
}

/// Why a record file could not be read at all. Nothing of it is loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordFileError {
    /// Unreadable, too large, binary, not UTF-8 or empty.
    #[error(transparent)]
    Source(#[from] IngestError),
    /// Text in UTF-16 (it has the byte-order mark of UTF-16).
    #[error("{path}: the file is UTF-16 text; save it as UTF-8")]
    Utf16 {
        /// The file.
        path: String,
    },
    /// Not a record file: the top-level JSON value or the CSV header is wrong.
    #[error("{path}:{line}: {message}")]
    Layout {
        /// The file.
        path: String,
        /// The line.
        line: u32,
        /// What is wrong.
        message: String,
    },
}

/// Whether a path names a record file: `*.json` or `*.csv`.
pub fn is_record_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("csv"))
}

/// Reads and parses a record file.
pub fn read_record_file(path: &Path) -> Result<RecordFile, RecordFileError> {
    // UTF-16 text is all NUL bytes to the text checks: say what it is instead.
    if let Ok(bytes) = std::fs::read(path)
        && (bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]))
    {
        return Err(RecordFileError::Utf16 { path: path.display().to_string() });
    }
    let (source, text) = crate::read_source(path)?;
    parse_record_file(source, &text)
}

/// Parses the text of a record file: JSON if its name ends with `.json`, else CSV.
pub fn parse_record_file(source: SourceFile, text: &str) -> Result<RecordFile, RecordFileError> {
    let mut file = RecordFile { source, records: Vec::new(), failures: Vec::new() };
    let is_csv = file.source.file_name.to_ascii_lowercase().ends_with(".csv");
    let candidates = if is_csv {
        csv_candidates(&file.source, text)?
    } else {
        json_candidates(&file.source, text, &mut file.failures)?
    };
    let mut seen: Vec<(String, usize, u32)> = Vec::new();
    for (index, candidate) in candidates.into_iter().enumerate() {
        let number = index + 1;
        match candidate {
            Ok((record, span)) => {
                let key = record.path();
                if let Some((_, first, line)) = seen.iter().find(|(k, _, _)| *k == key) {
                    let field = if matches!(record, Record::Bch(_)) { "header.identifier" } else { "identifier" };
                    let message =
                        format!("{:?} is already the identifier of record {first} (line {line})", record.identifier());
                    file.failures.push(RecordFailure {
                        record: Some(number),
                        identifier: Some(record.identifier().to_owned()),
                        span,
                        errors: vec![FieldError { field: field.into(), message }],
                    });
                } else {
                    seen.push((key, number, span.start));
                    file.records.push(record);
                }
            }
            Err((identifier, span, errors)) => {
                file.failures.push(RecordFailure { record: Some(number), identifier, span, errors });
            }
        }
    }
    file.failures.sort_by_key(|f| (f.span.start, f.record));
    Ok(file)
}

type Candidate = Result<(Record, Span), (Option<String>, Span, Vec<FieldError>)>;

fn json_candidates(
    source: &SourceFile,
    text: &str,
    failures: &mut Vec<RecordFailure>,
) -> Result<Vec<Candidate>, RecordFileError> {
    let (raw, layout) = json::split(text);
    if let Some(error) = layout {
        if raw.is_empty() {
            return Err(RecordFileError::Layout {
                path: source.path.clone(),
                line: error.line,
                message: error.message,
            });
        }
        failures.push(RecordFailure {
            record: None,
            identifier: None,
            span: Span::line(error.line),
            errors: vec![FieldError { field: "(file)".into(), message: error.message }],
        });
    }
    Ok(raw.iter().map(|raw| json_record(raw.text, raw.span)).collect())
}

fn json_record(text: &str, span: Span) -> Candidate {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let line = span.start + e.line().saturating_sub(1) as u32;
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            let error =
                FieldError { field: "(record)".into(), message: format!("invalid JSON at line {line}: {message}") };
            return Err((None, span, vec![error]));
        }
    };
    record_of(&value, span, None)
}

/// Checks one record's JSON against the shape of its kind.
fn record_of(value: &Value, span: Span, rename: Option<fn(&str) -> String>) -> Candidate {
    let identifier = identifier_of(value);
    let result = if value.get("header").is_some() {
        bch::parse(value, span).map(Record::Bch)
    } else if value.get("@type").is_some() || rename.is_some() {
        crate::pledges::parse(value, span).map(|p| Record::Pledge(Box::new(p)))
    } else {
        Err(vec![FieldError {
            field: "(record)".into(),
            message: "neither a clearing-house record (no \"header\") nor a pledge (no \"@type\": \"Action\")".into(),
        }])
    };
    result.map(|record| (record, span)).map_err(|mut errors| {
        if let Some(rename) = rename {
            for error in &mut errors {
                error.field = rename(&error.field);
            }
        }
        (identifier, span, errors)
    })
}

fn identifier_of(value: &Value) -> Option<String> {
    let id = value.pointer("/header/identifier").or_else(|| value.get("identifier"))?;
    let id = id.as_str().or_else(|| id.as_array()?.first()?.as_str())?;
    crate::validate::is_identifier(id.trim()).then(|| id.trim().to_owned())
}

fn csv_candidates(source: &SourceFile, text: &str) -> Result<Vec<Candidate>, RecordFileError> {
    let mut rows = csv::rows(text).into_iter();
    let layout = |line, message| RecordFileError::Layout { path: source.path.clone(), line, message };
    let header = match rows.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(layout(e.span.start, format!("header row: {}", e.message))),
        None => return Err(layout(1, "no header row".into())),
    };
    crate::pledges::csv::check_header(&header.fields)
        .map_err(|m| layout(header.span.start, format!("header row: {m}")))?;
    let columns = &header.fields;
    Ok(rows
        .map(|row| match row {
            Err(e) => Err((None, e.span, vec![FieldError { field: "(row)".into(), message: e.message }])),
            Ok(row) if row.fields.len() != columns.len() => {
                let message = format!("{} fields, but the header has {} columns", row.fields.len(), columns.len());
                Err((row.fields.first().cloned(), row.span, vec![FieldError { field: "(row)".into(), message }]))
            }
            Ok(row) => {
                let value = crate::pledges::csv::row_to_json(columns, &row.fields);
                record_of(&value, row.span, Some(crate::pledges::csv::column_of))
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str) -> SourceFile {
        SourceFile { file_name: name.into(), path: format!("in/{name}"), sha256: "0".repeat(64), byte_size: 0 }
    }

    fn messages(file: &RecordFile) -> Vec<String> {
        file.failures.iter().flat_map(|f| f.messages(&file.source.path)).collect()
    }

    const PLEDGE: &str = r#"{"@type": "Action", "identifier": "P1", "form": "individual", "actorType": "individual",
        "agent": {"name": "A. Person"}, "country": "KE", "name": {"en": "Plant 50 native trees"},
        "description": {"en": "Native trees in my village."}, "gbfTargets": [2], "startTime": "2025-03-01"}"#;

    #[test]
    fn one_bad_record_does_not_stop_the_others() {
        let bad_json = r#"{"@type": "Action" "identifier": "P2"}"#;
        let no_kind = r#"{"title": "?"}"#;
        let text = format!("[\n{PLEDGE},\n{bad_json},\n{no_kind},\n{}\n]", PLEDGE);
        let file = parse_record_file(source("p.json"), &text).unwrap();
        assert_eq!(file.records.len(), 1);
        assert_eq!(
            messages(&file),
            [
                "in/p.json:5: record 2: field (record): invalid JSON at line 5: expected `,` or `}`",
                "in/p.json:6: record 3: field (record): neither a clearing-house record (no \"header\") nor a pledge (no \"@type\": \"Action\")",
                "in/p.json:7: record 4 (P1): field identifier: \"P1\" is already the identifier of record 1 (line 2)",
            ]
        );
    }

    #[test]
    fn csv_errors_name_columns() {
        let text = "identifier,form,language,actor,actor_type,country,title,description,gbf_targets,start_date,end_date\n\
                    C1,business,ar,شركة,business,JO,عنوان,وصف,7|15,2025-01-01,2030-12-31\n\
                    C2,business,ar,شركة,business,JO,عنوان,وصف,7|99,2025-01-01,2024-12-31\n\
                    C3,business,ar\n";
        let file = parse_record_file(source("p.csv"), text).unwrap();
        assert_eq!(file.records.len(), 1);
        assert_eq!(
            messages(&file),
            [
                "in/p.csv:3: record 2 (C2): field gbf_targets: unknown target 99 (the GBF has targets 1 to 23)",
                "in/p.csv:3: record 2 (C2): field end_date: 2024-12-31 is before the start date 2025-01-01",
                "in/p.csv:4: record 3 (C3): field (row): 3 fields, but the header has 11 columns",
            ]
        );
        let bad_header = parse_record_file(source("p.csv"), "identifier,titel\nx,y\n").unwrap_err().to_string();
        assert!(bad_header.starts_with("in/p.csv:1: header row: unknown column \"titel\" (column 2)"), "{bad_header}");
    }

    #[test]
    fn not_records() {
        let error = parse_record_file(source("x.json"), "\"text\"").unwrap_err().to_string();
        assert_eq!(error, "in/x.json:1: expected a JSON array of records or one record object, found '\"'");
    }
}
