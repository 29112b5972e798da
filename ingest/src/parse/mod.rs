//! From cleaned lines to a [`Document`]: header, structure, footnotes, references, checks.

mod header;
mod structure;
mod table;

use crate::IngestError;
use crate::model::{
    Body, Date, DecisionBody, DecisionId, Document, DocumentId, DocumentKind, IdentifierSource, Language, SourceFile,
    Treaty, UnitKind,
};
use crate::references::{self, Context, DecisionOrder};
use crate::symbols::parse_decision_symbol;
use crate::text::clean_lines;
use header::DecisionHeading;
use std::collections::{HashMap, HashSet};

/// What the parser needs to know about the source while building.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Path as given, for messages.
    pub path: String,
    /// The text is in a latin-script language (section numbering `I.`, `A.`).
    pub latin_script: bool,
}

/// Metadata from the optional sidecar file `FILE.meta.toml`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    symbol: Option<String>,
    title: Option<String>,
    issued: Option<String>,
}

/// Parses a decoded source text (see [`crate::parse`]).
pub(crate) fn parse_document(source: SourceFile, text: &str, sidecar: Option<&str>) -> Result<Document, IngestError> {
    let sidecar = read_sidecar(&source, sidecar)?;
    let lines = clean_lines(text);
    let mut src = Source { path: source.path.clone(), latin_script: false };
    let info = header::read_header(&lines, &src)?;
    src.latin_script = matches!(info.language, Language::En | Language::Fr | Language::Es);
    let structure = structure::Builder::new(&src, info.kind).run(&lines[info.body_start..])?;

    let mut header = info.header;
    if let Some(title) = sidecar.title {
        header.title = Some(title);
    }
    if let Some(issued) = &sidecar.issued {
        header.issued = Some(parse_iso_date(issued).ok_or_else(|| IngestError::Sidecar {
            path: sidecar_path(&source),
            message: format!("issued = {issued:?} is not a date like 2016-12-16"),
        })?);
    }
    let mut units = structure.units;
    let mut footnotes = structure.footnotes;

    // Footnotes: attach each to the units that call it; the rest to the document.
    let by_marker: HashMap<&str, usize> =
        footnotes.iter().enumerate().rev().map(|(i, f)| (f.marker.as_str(), i)).collect();
    let mut called = HashSet::new();
    let header_calls = info.calls.iter().map(|m| (m.clone(), None));
    for (marker, unit) in structure.calls.into_iter().chain(header_calls) {
        let Some(&note) = by_marker.get(marker.as_str()) else { continue };
        if let Some(unit) = unit {
            if !units[unit].footnotes.contains(&note) {
                units[unit].footnotes.push(note);
            }
            called.insert(note);
        }
    }
    let unattached_footnotes = (0..footnotes.len()).filter(|i| !called.contains(i)).collect();

    // References: decide how bare `a/b` decision numbers are written, then extract.
    let latest_session = latest_session(&info.decision, &header);
    let decision_column = |h: &str| h.contains("مقرر") || h.to_lowercase().contains("cision");
    let order = if info.language == Language::Ar {
        let mut pairs = Vec::new();
        for unit in &units {
            pairs.extend(references::bare_decision_pairs(&unit.text, false));
            for cell in unit.cells.iter().filter(|c| decision_column(&c.header)) {
                pairs.extend(references::bare_decision_pairs(&cell.text, true));
            }
        }
        for note in &footnotes {
            pairs.extend(references::bare_decision_pairs(&note.text, false));
        }
        DecisionOrder::infer(&pairs, latest_session, Language::Ar)
    } else {
        DecisionOrder::SessionNumber
    };
    let default_treaty = match header.body {
        Some(Body::CpMop) => Treaty::Cartagena,
        Some(Body::NpMop) => Treaty::Nagoya,
        _ => Treaty::Convention,
    };
    let ctx = Context { language: info.language, order, default_treaty, decision_column: false };
    for unit in &mut units {
        let mut refs = if unit.cells.is_empty() {
            references::extract(&unit.text, &ctx)
        } else {
            unit.cells
                .iter()
                .flat_map(|c| {
                    references::extract(&c.text, &Context { decision_column: decision_column(&c.header), ..ctx })
                })
                .collect()
        };
        let mut seen = HashSet::new();
        refs.retain(|r| seen.insert(r.clone()));
        unit.references = refs;
    }
    for note in &mut footnotes {
        note.references = references::extract(&note.text, &ctx);
    }

    // Identity.
    let own_decision = match info.decision {
        Some(DecisionHeading::Known(id)) => Some(id),
        Some(DecisionHeading::Bare(a, b)) => Some(bare_heading(a, b, header.meeting, order)),
        None => None,
    };
    let sidecar_decision = sidecar.symbol.as_deref().and_then(parse_decision_symbol);
    let (id, id_source) = match (&sidecar.symbol, sidecar_decision, own_decision) {
        (Some(_), Some(d), _) => (DocumentId::Decision(d), IdentifierSource::Sidecar),
        (Some(symbol), None, _) => (DocumentId::Symbol(symbol.clone()), IdentifierSource::Sidecar),
        (None, _, Some(d)) if info.kind == DocumentKind::Decision => (DocumentId::Decision(d), IdentifierSource::Text),
        (None, _, _) => match &header.symbol {
            Some(symbol) => (DocumentId::Symbol(symbol.clone()), IdentifierSource::Text),
            None => (DocumentId::Slug(file_slug(&source.file_name)), IdentifierSource::FileName),
        },
    };
    if let Some(symbol) = sidecar.symbol {
        header.symbol = Some(symbol);
    }
    if header.symbol.is_none()
        && let DocumentId::Decision(d) = &id
    {
        header.symbol = Some(d.short_symbol());
    }

    let document = Document {
        source,
        id,
        id_source,
        kind: info.kind,
        language: info.language,
        header,
        units,
        footnotes,
        unattached_footnotes,
    };
    check_complete(&document)?;
    Ok(document)
}

fn read_sidecar(source: &SourceFile, sidecar: Option<&str>) -> Result<Sidecar, IngestError> {
    let Some(text) = sidecar else { return Ok(Sidecar::default()) };
    toml::from_str(text).map_err(|e| IngestError::Sidecar { path: sidecar_path(source), message: e.to_string() })
}

fn sidecar_path(source: &SourceFile) -> String {
    format!("{}.meta.toml", source.path)
}

fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = parts.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some(Date { year, month, day })
}

/// The last COP session the document can cite: its own for a COP decision, else the last
/// before the document's year.
fn latest_session(decision: &Option<DecisionHeading>, header: &crate::model::Header) -> u32 {
    if let Some(DecisionHeading::Known(DecisionId { body: DecisionBody::Cop, session, .. })) = decision {
        return *session;
    }
    if header.body == Some(Body::Cop)
        && let Some(meeting) = header.meeting
    {
        return meeting;
    }
    let year = header.issued.or(header.start_date).map(|d| d.year);
    year.map_or(16, references::latest_cop_session_before)
}

/// An Arabic decision heading `23/13`: the side equal to the meeting number is the session.
fn bare_heading(a: u32, b: u32, meeting: Option<u32>, order: DecisionOrder) -> DecisionId {
    let (session, number) = match (meeting, order) {
        (Some(m), _) if m == b => (b, a),
        (Some(m), _) if m == a => (a, b),
        (_, DecisionOrder::NumberSession) => (b, a),
        (_, DecisionOrder::SessionNumber) => (a, b),
    };
    DecisionId { body: DecisionBody::Cop, session, number }
}

/// A slug from a file name: its stem, with characters outside `[A-Za-z0-9_-]` replaced.
fn file_slug(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect()
}

/// A document must have the units its layout promises, and must not stop mid-paragraph.
fn check_complete(doc: &Document) -> Result<(), IngestError> {
    let path = doc.source.path.clone();
    let last_line = doc.units.iter().map(|u| u.span.end).max().unwrap_or(1);
    let (kind, what) = match doc.kind {
        DocumentKind::Decision => (UnitKind::Operative, "no operative paragraph after the preamble"),
        DocumentKind::Note => (UnitKind::Numbered, "no numbered paragraph after the header"),
        DocumentKind::DiscussionGuide => (UnitKind::Question, "no numbered guiding question"),
    };
    if !doc.units.iter().any(|u| u.kind == kind) {
        return Err(IngestError::Malformed {
            path,
            line: last_line,
            message: format!("{what}: the file looks truncated or is not a complete document"),
        });
    }
    let last = doc.units.iter().max_by_key(|u| (u.span.end, u.span.start)).expect("units exist");
    let paragraph = matches!(
        last.kind,
        UnitKind::Preambular | UnitKind::Operative | UnitKind::Numbered | UnitKind::SubParagraph | UnitKind::Question
    );
    let ends = last.text.trim_end().ends_with(['.', '؛', ';', ':', '،', ',', '?', '؟', '!', ')', '»', '"']);
    if paragraph && !ends {
        let tail: String = last.text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        return Err(IngestError::Malformed {
            path,
            line: last.span.end,
            message: format!(
                "the text ends in the middle of paragraph {} (\"…{}\"): the file looks truncated",
                last.label,
                tail.trim()
            ),
        });
    }
    Ok(())
}
