//! One line of extracted text: artefacts removed, footnote calls and inline notes taken out,
//! and what the line starts with (a paragraph number, a sub-paragraph letter, a footnote body).

use crate::symbols::{abjad_to_latin, ascii_digits, from_roman, superscript_digit};

/// A source line after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Line number in the file, from 1.
    pub number: u32,
    /// The cleaned text, trimmed; tabs kept (they separate table cells).
    pub text: String,
    /// Footnote markers this line calls, in order ("1", "10", "*").
    pub calls: Vec<String>,
    /// Footnote bodies written inline, `[1: text]` (Word export), as (marker, text).
    pub inline_notes: Vec<(String, String)>,
    /// The raw line started with a tab (a cell of a vertically flattened table).
    pub leading_tab: bool,
}

impl Line {
    /// Cells of a tab-separated table row, trimmed; `None` if the line has no tab.
    pub fn cells(&self) -> Option<Vec<String>> {
        self.text.contains('\t').then(|| self.text.split('\t').map(|c| c.trim().to_owned()).collect())
    }

    /// True for an empty line.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Cleans every line of a document.
pub(crate) fn clean_lines(text: &str) -> Vec<Line> {
    text.lines().enumerate().map(|(i, raw)| clean_line(i as u32 + 1, raw)).collect()
}

/// Cleans one line.
pub(crate) fn clean_line(number: u32, raw: &str) -> Line {
    let leading_tab = raw.starts_with('\t');
    let mut text = ascii_digits(raw).replace(['\u{a0}', '\u{200b}', '\u{200e}', '\u{200f}', '\u{feff}'], " ");
    let mut calls = Vec::new();
    let mut inline_notes = Vec::new();
    text = remove_bracketed(&text, "[bookmark:", |_| None);
    text = remove_bracketed(&text, "[footnoteRef:", |inner| {
        calls.push(inner.trim().to_owned());
        None
    });
    text = take_inline_notes(&text, &mut inline_notes);
    text = markdown_links(&text);
    text = word_field_codes(&text);
    text = text.replace("\\*", "*").replace("\\-", "-").replace("\\_", "_");
    text = sup_tags(&text, &mut calls);
    for tag in ["<b>", "</b>", "<i>", "</i>", "<u>", "</u>"] {
        text = text.replace(tag, "");
    }
    for tag in ["<p>", "</p>", "<br>", "<br/>", "<br />"] {
        text = text.replace(tag, " ");
    }
    let body_marker = footnote_body_marker(&text);
    text = superscript_calls(&text, body_marker.is_some(), &mut calls);
    let text = collapse_spaces(&text);
    Line { number, text, calls, inline_notes, leading_tab }
}

/// Removes every `[prefix…]` span, passing its inner text to `keep`, which may return a
/// replacement.
fn remove_bracketed(text: &str, prefix: &str, mut keep: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(prefix) {
        let Some(len) = rest[start..].find(']') else { break };
        out.push_str(&rest[..start]);
        if let Some(replacement) = keep(&rest[start + prefix.len()..start + len]) {
            out.push_str(&replacement);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Takes out Word's inline footnote bodies `[12:  text]`.
fn take_inline_notes(text: &str, notes: &mut Vec<(String, String)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let is_note = digits > 0 && after[digits..].starts_with(':');
        match (is_note, after.find(']')) {
            (true, Some(end)) => {
                out.push_str(&rest[..start]);
                notes.push((after[..digits].to_owned(), after[digits + 1..end].trim().to_owned()));
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `[text](url)` → `text`; `<http://…>` → `http://…`.
fn markdown_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|mid| {
            let close = after[mid + 2..].find(')')?;
            (!after[..mid].contains('[')).then_some((mid, mid + 2 + close))
        });
        match link {
            Some((mid, close)) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..mid]);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(open) = rest.find("<http") {
        let Some(close) = rest[open..].find('>') else { break };
        cleaned.push_str(&rest[..open]);
        cleaned.push_str(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    cleaned.push_str(rest);
    cleaned
}

/// Word field codes lost in extraction: `� HYPERLINK "url" �url�` → `url`, and stray U+FFFD.
fn word_field_codes(text: &str) -> String {
    let mut text = text.to_owned();
    while let Some(start) = text.find("HYPERLINK \"") {
        let inner = start + "HYPERLINK \"".len();
        let Some(len) = text[inner..].find('"') else { break };
        text.replace_range(start..inner + len + 1, "");
    }
    // A leading U+FFFD is a lost footnote marker and stays for the classifier; others go.
    let marker_len = if text.starts_with('\u{fffd}') { '\u{fffd}'.len_utf8() } else { 0 };
    let (head, tail) = text.split_at(marker_len);
    format!("{head}{}", tail.replace('\u{fffd}', " "))
}

/// `<sup>12</sup>` → a call of footnote 12 (or, at the start of a line, a footnote body marker
/// kept as superscript digits for the classifier).
fn sup_tags(text: &str, calls: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<sup>") {
        let Some(len) = rest[start..].find("</sup>") else { break };
        let marker = rest[start + 5..start + len].trim();
        out.push_str(&rest[..start]);
        if out.trim().is_empty() {
            out.extend(marker.chars().map(to_superscript));
        } else if !marker.is_empty() {
            calls.push(marker.to_owned());
        }
        rest = &rest[start + len + 6..];
    }
    out.push_str(rest);
    out
}

fn to_superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

/// Takes superscript digit runs out of the text as footnote calls. A run at the start of a
/// footnote body is its marker, not a call, and stays.
fn superscript_calls(text: &str, is_body: bool, calls: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut at_start = true;
    for c in text.chars() {
        if let Some(d) = superscript_digit(c) {
            run.push(d);
            continue;
        }
        if !run.is_empty() {
            flush_run(&mut run, &mut out, is_body && at_start, calls);
        }
        if !c.is_whitespace() {
            at_start = false;
        }
        out.push(c);
    }
    if !run.is_empty() {
        flush_run(&mut run, &mut out, is_body && at_start, calls);
    }
    out
}

fn flush_run(run: &mut String, out: &mut String, keep: bool, calls: &mut Vec<String>) {
    if keep {
        out.extend(run.chars().map(to_superscript));
    } else {
        calls.push(run.clone());
    }
    run.clear();
}

/// Collapses runs of spaces (not tabs) and trims spaces at both ends of each tab-separated cell
/// boundary; the line itself is trimmed of spaces but keeps leading tabs' cell structure.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' || c == '\u{2009}' || c == '\u{202f}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with('\t') && c != '\t' {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let trimmed = out.trim_matches(' ');
    if trimmed.chars().all(|c| c == '\t') { String::new() } else { trimmed.to_owned() }
}

/// The marker of a footnote body at the start of a cleaned line: superscript digits,
/// `*`, or `�` (a marker lost in extraction; numbered by position later).
pub(crate) fn footnote_body_marker(text: &str) -> Option<String> {
    let t = text.trim_start_matches([' ', '\t']);
    let digits: String = t.chars().map_while(superscript_digit).collect();
    if !digits.is_empty() {
        return Some(digits);
    }
    if let Some(rest) = t.strip_prefix('*') {
        return (rest.starts_with([' ', '\t']) && rest.trim().len() > 2).then(|| "*".to_owned());
    }
    if let Some(rest) = t.strip_prefix('\u{fffd}') {
        // A lost marker is followed by a tab; `� url` is the rest of a Word field code.
        return rest.trim_start_matches(' ').starts_with('\t').then(String::new);
    }
    None
}

/// Text of a footnote body line after its marker.
pub(crate) fn footnote_body_text(text: &str) -> &str {
    let t = text.trim_start_matches([' ', '\t']);
    let t = t.trim_start_matches(|c| superscript_digit(c).is_some() || c == '*' || c == '\u{fffd}');
    t.trim()
}

/// A paragraph number at the start of a line: `15- `, `- 15- `, `15. `, `15.\t`; also a line
/// holding only `23-`. Returns the number and the rest of the line.
pub(crate) fn paragraph_number(text: &str) -> Option<(u32, &str)> {
    let t = text.strip_prefix("- ").unwrap_or(text).trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    let rest = rest.strip_prefix('-').or_else(|| rest.strip_prefix('.'))?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None; // 2017-2020, 1.5, 1-1
    }
    (number > 0).then_some((number, rest.trim()))
}

/// The kind of a sub-paragraph marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// (a), (أ).
    Letter,
    /// (i), (ii).
    Roman,
    /// (1), (2).
    Digit,
}

/// A sub-paragraph marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SubMarker {
    /// Kind.
    pub kind: MarkerKind,
    /// Latin form: "g", "ii", "3".
    pub latin: String,
}

/// A sub-paragraph marker at the start of a line: `(أ) `, `- (هـ) `, `(a) `, `(ii) `, `(3) `,
/// or a line holding only `(ب)`. Returns the marker and the rest of the line.
pub(crate) fn sub_paragraph_marker(text: &str) -> Option<(SubMarker, &str)> {
    let t = text.strip_prefix("- ").unwrap_or(text).trim_start();
    let (inner, rest) = match t.strip_prefix('(') {
        Some(after) => {
            let close = after.find(')')?;
            (after[..close].trim(), after[close + 1..].trim())
        }
        // French style `a) `, `ii) `, `1) `: latin letters or digits only.
        None => {
            let close = t.find(')')?;
            let inner = &t[..close];
            let rest = &t[close + 1..];
            if !inner.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) || !rest.starts_with(' ') {
                return None;
            }
            (inner, rest.trim())
        }
    };
    if inner.is_empty() || inner.chars().count() > 5 {
        return None;
    }
    let marker = if inner.chars().all(|c| c.is_ascii_digit()) {
        SubMarker { kind: MarkerKind::Digit, latin: inner.to_owned() }
    } else if let Some(latin) = abjad_to_latin(inner) {
        SubMarker { kind: MarkerKind::Letter, latin: latin.to_string() }
    } else if inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase()) {
        // (i), (v), (x) are resolved against the siblings by the structure parser.
        let kind = if from_roman(inner).is_some() { MarkerKind::Roman } else { MarkerKind::Letter };
        SubMarker { kind, latin: inner.to_owned() }
    } else if inner.chars().all(|c| c.is_ascii_lowercase()) && from_roman(inner).is_some() {
        SubMarker { kind: MarkerKind::Roman, latin: inner.to_owned() }
    } else {
        return None;
    };
    Some((marker, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, text: &str, calls: &[&str]) {
        let line = clean_line(1, raw);
        assert_eq!(line.text, text, "{raw}");
        assert_eq!(line.calls, calls, "{raw}");
    }

    #[test]
    fn cleaning() {
        check("الخطة 2011-2020¹،", "الخطة 2011-2020،", &["1"]);
        check("الشركاء المحتملون ¹⁰\tالنشاط ⁸", "الشركاء المحتملون\tالنشاط", &["10", "8"]);
        check("¹ UNEP/CBD/SBI/1/6 و UNEP/CBD/SBI/INF/29.", "¹ UNEP/CBD/SBI/1/6 و UNEP/CBD/SBI/INF/29.", &[]);
        check("² [UNEP/CBD/COP/11/31](http://www.unep.org/cbd/COP/11/31).", "² UNEP/CBD/COP/11/31.", &[]);
        check(" [bookmark: _Hlk176366935]مؤتمر الأطراف ", "مؤتمر الأطراف", &[]);
        check("مقرره [14/5](#)، تنفيذ", "مقرره 14/5، تنفيذ", &[]);
        check("البند 5 (أ) من جدول الأعمال المؤقت\\*", "البند 5 (أ) من جدول الأعمال المؤقت*", &[]);
        check("<sup>1</sup> [UNEP/CBD/COP/5/INF/2](#)", "¹ UNEP/CBD/COP/5/INF/2", &[]);
        check("تيسير الأحداث <sup>9</sup> المخصصة", "تيسير الأحداث المخصصة", &["9"]);
        check("<b>2- تيسير</b>\tالنتائج", "2- تيسير\tالنتائج", &[]);
        check("المقرر ٢٣/١٣", "المقرر 23/13", &[]);
        check("(انظر <http://www.cpfweb.org/en/>).", "(انظر http://www.cpfweb.org/en/).", &[]);
        check("� HYPERLINK \"https://x.org/a\" �https://x.org/a�", "\u{fffd} https://x.org/a", &[]);
    }

    #[test]
    fn word_footnotes() {
        let line = clean_line(3, "الحكومية الدولية،[footnoteRef:1] النظام الداخلي، [1:  الأمم المتحدة، المجلد 2226.] ");
        assert_eq!(line.text, "الحكومية الدولية، النظام الداخلي،");
        assert_eq!(line.calls, ["1"]);
        assert_eq!(line.inline_notes, [("1".to_owned(), "الأمم المتحدة، المجلد 2226.".to_owned())]);
    }

    #[test]
    fn footnote_bodies() {
        for (text, marker) in [
            ("¹⁰ ترد المختصرات", Some("10")),
            ("* أعيد إصداره", Some("*")),
            ("*\tUNEP/CBD/SBI/1/1", Some("*")),
            ("\u{fffd}\tتشمل", Some("")),
            ("\u{fffd} https://x", None),
            ("1. * إعداد", None),
            ("نص", None),
        ] {
            assert_eq!(footnote_body_marker(text).as_deref(), marker, "{text}");
        }
        assert_eq!(footnote_body_text("¹⁰ ترد المختصرات"), "ترد المختصرات");
    }

    #[test]
    fn paragraph_numbers() {
        for (text, expected) in [
            ("15- يطلب", Some((15, "يطلب"))),
            ("- 6- يدعو", Some((6, "يدعو"))),
            ("1. The", Some((1, "The"))),
            ("23-", Some((23, ""))),
            ("2017-2020 نص", None),
            ("1-1 تطوير", None),
            ("CP-11/4-", None),
            ("0- x", None),
        ] {
            assert_eq!(paragraph_number(text), expected, "{text}");
        }
    }

    #[test]
    fn sub_paragraph_markers() {
        let m = |kind, latin: &str| Some(SubMarker { kind, latin: latin.to_owned() });
        for (text, expected) in [
            ("(أ) تشجيع", m(MarkerKind::Letter, "a")),
            ("- (هـ) إعداد", m(MarkerKind::Letter, "e")),
            ("(ﻫ)", m(MarkerKind::Letter, "e")),
            ("(1) ينبغي", m(MarkerKind::Digit, "1")),
            ("(ii) text", m(MarkerKind::Roman, "ii")),
            ("(i) text", m(MarkerKind::Roman, "i")),
            ("(b) text", m(MarkerKind::Letter, "b")),
            ("(2017-2020) x", None),
            ("(CB) x", None),
            ("a) De renforcer", m(MarkerKind::Letter, "a")),
            ("ii) text", m(MarkerKind::Roman, "ii")),
            ("2) x", m(MarkerKind::Digit, "2")),
            ("ab)c", None),
            ("Parties) x", None),
        ] {
            assert_eq!(sub_paragraph_marker(text).map(|(m, _)| m), expected, "{text}");
        }
    }
}
