//! Splitting a JSON record file into its records without parsing them, so that one broken
//! record (a missing comma, a stray quote) is reported on its own and the others still load.

use crate::model::Span;

/// One record's text in a file, with its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawRecord<'a> {
    /// The JSON text of the record.
    pub text: &'a str,
    /// Its first and last line in the file.
    pub span: Span,
}

/// What is wrong with the file as a whole, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LayoutError {
    /// The line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

/// The records of a file holding one JSON object or an array of them. A record whose text is
/// not valid JSON is still returned (its parse then fails on its own); an array that is never
/// closed, or text after it, is a [`LayoutError`] besides the records found.
pub(crate) fn split(text: &str) -> (Vec<RawRecord<'_>>, Option<LayoutError>) {
    let lines = LineIndex::new(text);
    let start = text.len() - text.trim_start().len();
    match text[start..].chars().next() {
        Some('{') => (vec![RawRecord { text: text.trim(), span: lines.span(start, text.trim_end().len()) }], None),
        Some('[') => split_array(text, start + 1, &lines),
        Some(other) => (
            Vec::new(),
            Some(LayoutError {
                line: lines.line(start),
                message: format!("expected a JSON array of records or one record object, found {other:?}"),
            }),
        ),
        None => (Vec::new(), Some(LayoutError { line: 1, message: "no records: the file is empty".into() })),
    }
}

fn split_array<'a>(text: &'a str, from: usize, lines: &LineIndex) -> (Vec<RawRecord<'a>>, Option<LayoutError>) {
    let mut records = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut element_start = from;
    let push = |start: usize, end: usize, records: &mut Vec<RawRecord<'a>>| {
        let slice = &text[start..end];
        let trimmed = slice.trim();
        if !trimmed.is_empty() {
            let offset = start + (slice.len() - slice.trim_start().len());
            records.push(RawRecord { text: trimmed, span: lines.span(offset, offset + trimmed.len()) });
        }
    };
    for (i, c) in text[from..].char_indices().map(|(i, c)| (i + from, c)) {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' if depth > 0 => depth -= 1,
            ',' if depth == 0 => {
                push(element_start, i, &mut records);
                element_start = i + 1;
            }
            ']' => {
                push(element_start, i, &mut records);
                let rest = text[i + 1..].trim();
                let error = (!rest.is_empty()).then(|| {
                    let at = i + 1 + (text[i + 1..].len() - text[i + 1..].trim_start().len());
                    LayoutError { line: lines.line(at), message: "text after the end of the array of records".into() }
                });
                return (records, error);
            }
            _ => {}
        }
    }
    push(element_start, text.len(), &mut records);
    let error = LayoutError {
        line: lines.line(text.trim_end().len()),
        message: "the array of records is not closed with ']': the file looks truncated".into(),
    };
    (records, Some(error))
}

/// Byte offsets to line numbers.
pub(crate) struct LineIndex(Vec<usize>);

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        Self(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The line (from 1) of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.0.partition_point(|&start| start <= offset) as u32
    }

    /// The lines of the bytes `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        Span { start: self.line(start), end: self.line(end.saturating_sub(1).max(start)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, u32, u32)], error: Option<&str>) {
        let (records, layout) = split(text);
        let got: Vec<(&str, u32, u32)> = records.iter().map(|r| (r.text, r.span.start, r.span.end)).collect();
        assert_eq!(got, expected, "{text:?}");
        assert_eq!(layout.map(|e| format!("{}: {}", e.line, e.message)).as_deref(), error, "{text:?}");
    }

    #[test]
    fn arrays_objects_and_broken_files() {
        check("[\n {\"a\": 1},\n {\"b\": [1, 2]}\n]\n", &[("{\"a\": 1}", 2, 2), ("{\"b\": [1, 2]}", 3, 3)], None);
        check("{\n \"a\": \"x, ] }\"\n}", &[("{\n \"a\": \"x, ] }\"\n}", 1, 3)], None);
        check("[{\"a\": \"\\\"]\"}, {\"b\": 2}]", &[("{\"a\": \"\\\"]\"}", 1, 1), ("{\"b\": 2}", 1, 1)], None);
        // A record missing a comma is one broken element; the next record still splits off.
        check("[\n{\"a\": 1 \"b\": 2},\n{\"c\": 3}\n]", &[("{\"a\": 1 \"b\": 2}", 2, 2), ("{\"c\": 3}", 3, 3)], None);
        check(
            "[\n{\"a\": 1},\n{\"c\": 3",
            &[("{\"a\": 1}", 2, 2), ("{\"c\": 3", 3, 3)],
            Some("3: the array of records is not closed with ']': the file looks truncated"),
        );
        check("[{\"a\": 1}]\ntrailing", &[("{\"a\": 1}", 1, 1)], Some("2: text after the end of the array of records"));
        check("  \"just a string\"", &[], Some("1: expected a JSON array of records or one record object, found '\"'"));
        check("[]", &[], None);
    }
}
