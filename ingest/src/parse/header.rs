//! The header block: symbol, dates, languages, body, meeting, place, agenda item, title, and
//! which layout the document has.

use super::Source;
use crate::IngestError;
use crate::model::{Body, Date, DecisionBody, DecisionId, DocumentKind, Header, Language};
use crate::symbols::{abjad_to_latin, month_number, ordinal_number, parse_decision_symbol};
use crate::text::Line;
use regex::Regex;
use std::sync::LazyLock;

/// What the header says, and where the body starts.
#[derive(Debug, Clone)]
pub(crate) struct HeaderInfo {
    /// The layout.
    pub kind: DocumentKind,
    /// The header fields.
    pub header: Header,
    /// Language of the text.
    pub language: Language,
    /// Index into the lines of the first body line (after the chapeau of a decision).
    pub body_start: usize,
    /// The decision heading, for decisions: its id if unambiguous, or the bare pair.
    pub decision: Option<DecisionHeading>,
    /// Footnote markers called in the header (the `*` after the date or agenda item).
    pub calls: Vec<String>,
}

/// How a decision names itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecisionHeading {
    /// A symbol or prefixed form: `CBD/COP/DEC/XIII/23`, `CP-11/4`, `XIII/23.`.
    Known(DecisionId),
    /// An Arabic bare pair `23/13`, read once the order is known.
    Bare(u32, u32),
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("header patterns are valid")
}

static CHAPEAU: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:إن مؤتمر الأطراف|The Conference of the Parties|La Conférence des Parties)\b"));
static NOTE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:مذكرة من (?:الأمين التنفيذي|الأمينة التنفيذية|الأمانة)|(?i:note by the (?:executive secretary|secretariat))|(?i:note (?:du|de la) (?:secrétaire exécutif|secrétaire exécutive|secrétariat)))\s*$",
    )
});
static GUIDE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:أسئلة إرشادية|(?i:guiding questions|questions directrices|questions d'orientation))"));
static SYMBOL_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:UNEP/)?CBD/[A-Z][A-Za-z0-9/.\-]+$"));
static AR_DECISION_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^المقرر\s+(\d{1,3})/(\d{1,2})\s*[-–.:]?\s*(.*)$"));
static PREFIXED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:Decision|Décision)\s+)?((?:CP|BS|NP)-[IVXLC\d]+/\d+|[IVXLC]+/\d+|\d{1,2}/\d{1,3})\s*[-–.:\t]\s*(.*)$")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2})\s+(\p{L}[\p{L}/ ]*?)\s+(\d{4})\*?$"));
static PLACE_DATES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<place>[^\d]+?)\s*[،,]\s*(?P<dates>\d{1,2}(?:\s*\p{L}[\p{L}/ ]*?)?\s*[-–]\s*\d{1,2}\s+\p{L}[\p{L}/ ]*?\s+\d{4})$",
    )
});
static AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:البند\s+(?P<ar>\d{1,2}(?:\s*\(\s*\p{Arabic}{1,2}\s*\))?)\s+من جدول الأعمال|(?i:(?:agenda\s+)?item)\s+(?P<en>\d{1,2}(?:\s*\([a-z]\))?)|(?i:point)\s+(?P<fr>\d{1,2}(?:\s*\([a-z]\))?)\s+de l)",
    )
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:الاجتماع\s+(?P<ar>\p{Arabic}+(?:\s+عشرة?)?)|(?P<en>[A-Za-z\-]+)\s+meeting|(?P<fr>[\p{L}\-]+)\s+réunion)$")
});
static ADOPTED_ON: LazyLock<Regex> = LazyLock::new(|| re(r"(?:في|on|le)\s+(\d{1,2}\s+\p{L}[\p{L}/ ]*?\s+\d{4})\s*$"));

/// Reads the header of a document and decides its layout.
pub(crate) fn read_header(lines: &[Line], source: &Source) -> Result<HeaderInfo, IngestError> {
    let language = detect_language(lines);
    let plain = |i: usize| lines[i].text.trim_start_matches('#').trim();
    let chapeau = (0..lines.len()).find(|&i| CHAPEAU.is_match(plain(i)));
    let note_line = (0..lines.len().min(80)).find(|&i| NOTE_LINE.is_match(plain(i)));
    let guide_line = (0..lines.len().min(60)).find(|&i| GUIDE_LINE.is_match(plain(i)));
    let (kind, header_end, body_start) = match (chapeau, note_line, guide_line) {
        (Some(c), _, _) => (DocumentKind::Decision, c, c + 1),
        (None, Some(n), _) => (DocumentKind::Note, n, n + 1),
        (None, None, Some(_)) => (DocumentKind::DiscussionGuide, 0, 0),
        (None, None, None) => {
            return Err(IngestError::UnknownLayout {
                path: source.path.clone(),
                reason: "found no decision chapeau (\"The Conference of the Parties,\", \"إن مؤتمر الأطراف\"), no \
                         \"Note by the Executive Secretary/Secretariat\" line and no \"guiding questions\" line; \
                         cbdkg reads CBD decisions, notes and discussion guides"
                    .into(),
            });
        }
    };
    let mut info =
        HeaderInfo { kind, header: Header::default(), language, body_start, decision: None, calls: Vec::new() };
    for (i, line) in lines[..header_end].iter().enumerate() {
        read_header_line(plain(i), line, &mut info);
    }
    if kind == DocumentKind::Decision {
        decision_heading(lines, header_end, &mut info, source)?;
    } else if kind == DocumentKind::Note {
        info.header.title = title_before(lines, header_end);
    }
    if let Some(id) = info.header.symbol.as_deref().and_then(parse_decision_symbol) {
        info.decision.get_or_insert(DecisionHeading::Known(id));
    }
    if let Some(DecisionHeading::Known(id)) = info.decision {
        info.header.body = Some(match id.body {
            DecisionBody::Cop => Body::Cop,
            DecisionBody::Cp => Body::CpMop,
            DecisionBody::Np => Body::NpMop,
        });
        info.header.meeting.get_or_insert(id.session);
    }
    Ok(info)
}

fn read_header_line(text: &str, line: &Line, info: &mut HeaderInfo) {
    let h = &mut info.header;
    info.calls.extend(line.calls.iter().cloned());
    if text.is_empty() {
        return;
    }
    let upper = text.to_uppercase();
    if let Some(original) = upper.strip_prefix("ORIGINAL:").or_else(|| upper.strip_prefix("ORIGINAL :")) {
        h.original_language = Language::from_name(original);
    } else if SYMBOL_LINE.is_match(text) && h.symbol.is_none() {
        h.symbol = Some(text.to_owned());
    } else if let Some(date) = DATE.captures(text).and_then(|c| date_of(&c[1], &c[2], &c[3])) {
        h.issued.get_or_insert(date);
        if text.ends_with('*') {
            info.calls.push("*".into());
        }
    } else if let Some(c) = PLACE_DATES.captures(text) {
        h.place = Some(c["place"].to_owned());
        if let Some((start, end)) = date_range(&c["dates"]) {
            h.start_date = Some(start);
            h.end_date = Some(end);
        }
    } else if let Some(c) = AGENDA.captures(text) {
        let item = c.name("ar").or(c.name("en")).or(c.name("fr")).map_or("", |m| m.as_str());
        h.agenda_item = Some(latin_agenda_item(item));
        if text.ends_with('*') {
            info.calls.push("*".into());
        }
    } else if let Some(c) = MEETING.captures(text) {
        let ordinal = c.name("ar").or(c.name("en")).or(c.name("fr")).map_or("", |m| m.as_str());
        h.meeting = h.meeting.or(ordinal_number(ordinal));
    } else if h.body.is_none() {
        h.body = body_of(text);
    }
    let adoption = text.starts_with("مقرر اعتمد") || text.starts_with("Decision adopted");
    if h.issued.is_none()
        && adoption
        && let Some(c) = ADOPTED_ON.captures(text)
        && let Some((day, rest)) = c[1].split_once(' ')
        && let Some((month, year)) = rest.rsplit_once(' ')
    {
        h.issued = date_of(day, month, year);
    }
}

/// The body a header line names, most specific first.
fn body_of(text: &str) -> Option<Body> {
    let t = text.to_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| t.contains(n));
    if has(&[
        "الهيئة الفرعية للتنفيذ",
        "subsidiary body on implementation",
        "organe subsidiaire chargé de l'application",
    ]) {
        Some(Body::Sbi)
    } else if has(&[
        "الهيئة الفرعية للمشورة العلمية",
        "subsidiary body on scientific",
        "organe subsidiaire chargé de fournir des avis",
    ]) {
        Some(Body::Sbstta)
    } else if has(&["مؤتمر الأطراف", "conference of the parties", "conférence des parties"]) {
        Some(Body::Cop)
    } else {
        None
    }
}

/// The decision heading (`المقرر 23/13 - title`, `CP-11/4-\ttitle`, `XIII/23. Title`) and the
/// title after it, which may wrap onto following lines; also refines the body (a COP-MOP's
/// name spans two lines).
fn decision_heading(lines: &[Line], chapeau: usize, info: &mut HeaderInfo, source: &Source) -> Result<(), IngestError> {
    let header_text: String = lines[..chapeau].iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
    if header_text.contains("قرطاجنة") || header_text.to_lowercase().contains("cartagena") {
        info.header.body = Some(Body::CpMop);
    } else if header_text.contains("ناغويا") || header_text.to_lowercase().contains("nagoya") {
        info.header.body = Some(Body::NpMop);
    }
    for (i, line) in lines[..chapeau].iter().enumerate() {
        let text = line.text.trim_start_matches('#').trim();
        let found = if let Some(c) = AR_DECISION_HEADING.captures(text) {
            Some((DecisionHeading::Bare(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0)), c[3].to_owned()))
        } else if let Some(c) = PREFIXED_HEADING.captures(text) {
            let heading = match parse_decision_symbol(&c[1]) {
                Some(id) => DecisionHeading::Known(id),
                None => {
                    // English/French bare `15/4.` is session/number.
                    let (s, n) = c[1].split_once('/').unwrap_or_default();
                    DecisionHeading::Known(DecisionId {
                        body: DecisionBody::Cop,
                        session: s.parse().unwrap_or(0),
                        number: n.parse().unwrap_or(0),
                    })
                }
            };
            Some((heading, c[2].to_owned()))
        } else {
            None
        };
        if let Some((heading, first)) = found {
            let mut title = first.trim().trim_matches(['-', '–', '.', '\t']).trim().to_owned();
            for next in &lines[i + 1..chapeau] {
                if next.is_blank() {
                    break;
                }
                title.push(' ');
                title.push_str(next.text.trim());
            }
            info.decision = Some(heading);
            info.header.title = Some(title.replace('\t', " ").trim().to_owned()).filter(|t| !t.is_empty());
            return Ok(());
        }
    }
    if info.header.symbol.as_deref().and_then(parse_decision_symbol).is_some() {
        return Ok(());
    }
    Err(IngestError::Malformed {
        path: source.path.clone(),
        line: lines[chapeau].number,
        message: "a decision chapeau without a decision number before it (expected e.g. \"المقرر 23/13 -\", \
                  \"CP-11/4.\", \"XIII/23.\" or the symbol CBD/COP/DEC/XIII/23 in the header)"
            .into(),
    })
}

/// The title of a note: the non-blank line(s) just above the "Note by…" line, up to a blank
/// line or a header field (agenda item, dates, meeting, body).
fn title_before(lines: &[Line], note_line: usize) -> Option<String> {
    let mut parts = Vec::new();
    for line in lines[..note_line].iter().rev() {
        let text = line.text.trim_start_matches('#').trim();
        let field = AGENDA.is_match(text)
            || PLACE_DATES.is_match(text)
            || MEETING.is_match(text)
            || DATE.is_match(text)
            || SYMBOL_LINE.is_match(text)
            || body_of(text).is_some();
        if field && !parts.is_empty() {
            break;
        }
        if line.is_blank() || field {
            if parts.is_empty() {
                continue;
            }
            break;
        }
        parts.push(line.text.trim_start_matches('#').trim().to_owned());
    }
    parts.reverse();
    Some(parts.join(" ")).filter(|t| !t.is_empty())
}

/// The language of the text, by script and function words.
fn detect_language(lines: &[Line]) -> Language {
    let (mut arabic, mut latin) = (0usize, 0usize);
    let (mut en, mut fr, mut es) = (0usize, 0usize, 0usize);
    for line in lines.iter().take(400) {
        for c in line.text.chars() {
            match c {
                '\u{0600}'..='\u{06ff}' => arabic += 1,
                'a'..='z' | 'A'..='Z' => latin += 1,
                _ => {}
            }
        }
        for word in line.text.split(|c: char| !c.is_alphabetic()) {
            match word {
                "the" | "of" | "and" | "to" => en += 1,
                "les" | "des" | "et" | "du" | "la" => fr += 1,
                "los" | "del" | "y" | "las" => es += 1,
                _ => {}
            }
        }
    }
    if arabic > latin {
        Language::Ar
    } else if fr > en && fr > es {
        Language::Fr
    } else if es > en {
        Language::Es
    } else {
        Language::En
    }
}

fn date_of(day: &str, month: &str, year: &str) -> Option<Date> {
    let day: u8 = day.trim().parse().ok()?;
    let month = month_number(month)?;
    let year: i32 = year.trim().parse().ok()?;
    (1..=31).contains(&day).then_some(Date { year, month, day })
}

/// `4-17 ديسمبر/كانون الأول 2016`, `21 October-1 November 2024`.
fn date_range(text: &str) -> Option<(Date, Date)> {
    let (range, year) = text.trim().rsplit_once(' ')?;
    let (first, second) = range.split_once(['-', '–'])?;
    let split = |part: &str| -> (String, String) {
        let part = part.trim();
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        (digits.clone(), part[digits.len()..].trim().to_owned())
    };
    let (d1, m1) = split(first);
    let (d2, m2) = split(second);
    let m1 = if m1.is_empty() { m2.clone() } else { m1 };
    Some((date_of(&d1, &m1, year)?, date_of(&d2, &m2, year)?))
}

/// `5 (أ)` → `5 (a)`.
fn latin_agenda_item(item: &str) -> String {
    match item.split_once('(') {
        Some((n, letter)) => {
            let letter = letter.trim_end_matches(')').trim();
            let latin = abjad_to_latin(letter).map_or_else(|| letter.to_owned(), |c| c.to_string());
            format!("{} ({latin})", n.trim())
        }
        None => item.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(date_range("4-17 ديسمبر/كانون الأول 2016"), Some((d(2016, 12, 4), d(2016, 12, 17))));
        assert_eq!(
            date_range("21 أكتوبر/تشرين الأول-1 نوفمبر/تشرين الثاني 2024"),
            Some((d(2024, 10, 21), d(2024, 11, 1)))
        );
        assert_eq!(date_range("4-17 December 2016"), Some((d(2016, 12, 4), d(2016, 12, 17))));
        assert_eq!(date_range("21 octobre-1 novembre 2024"), Some((d(2024, 10, 21), d(2024, 11, 1))));
        assert_eq!(latin_agenda_item("5 (أ)"), "5 (a)");
        assert_eq!(latin_agenda_item("12"), "12");
    }
}
