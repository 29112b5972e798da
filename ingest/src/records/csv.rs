//! Reading CSV (RFC 4180: comma-separated, fields quoted with `"` when they hold commas, quotes
//! or line breaks, `""` for a quote inside a quoted field; LF or CRLF line ends).

use crate::model::Span;

/// One row: its fields and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The fields, unquoted.
    pub fields: Vec<String>,
    /// The lines the row spans (more than one when a quoted field holds line breaks).
    pub span: Span,
}

/// A malformed row: its first line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowError {
    /// The line.
    pub span: Span,
    /// What is wrong.
    pub message: String,
}

/// The rows of a CSV text, blank lines skipped; a malformed row is an error of its own and the
/// reader goes on at the next line.
pub(crate) fn rows(text: &str) -> Vec<Result<Row, RowError>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1u32;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut error = None;
        let mut quoted = false;
        let mut was_quoted = false;
        let mut ended_by_newline = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    error = Some("a quoted field is not closed before the end of the file".to_owned());
                }
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                ',' => {
                    fields.push(std::mem::take(&mut field));
                    was_quoted = false;
                }
                '"' if field.is_empty() && !was_quoted => {
                    quoted = true;
                    was_quoted = true;
                }
                '"' => {
                    error.get_or_insert_with(|| {
                        format!("a quote inside an unquoted field (field {}); quote the whole field", fields.len() + 1)
                    });
                    field.push(c);
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    ended_by_newline = true;
                    break;
                }
                _ if was_quoted => {
                    error.get_or_insert_with(|| format!("text after the closing quote of field {}", fields.len() + 1));
                }
                _ => field.push(c),
            }
        }
        fields.push(field);
        let span = Span { start, end: if ended_by_newline { line - 1 } else { line } };
        if fields.len() == 1 && fields[0].trim().is_empty() && error.is_none() {
            continue;
        }
        out.push(match error {
            Some(message) => Err(RowError { span, message }),
            None => Ok(Row { fields, span }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row's fields and lines, or the line and message of its error.
    type Outcome = Result<(Vec<String>, u32, u32), String>;
    type Expected<'a> = Result<(&'a [&'a str], u32, u32), &'a str>;

    fn check(text: &str, expected: &[Expected<'_>]) {
        let got: Vec<Outcome> = rows(text)
            .into_iter()
            .map(|r| {
                r.map(|r| (r.fields, r.span.start, r.span.end)).map_err(|e| format!("{}: {}", e.span.start, e.message))
            })
            .collect();
        let expected: Vec<Outcome> = expected
            .iter()
            .map(|r| r.map(|(f, s, e)| (f.iter().map(|x| (*x).to_owned()).collect(), s, e)).map_err(str::to_owned))
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn rfc_4180() {
        check("a,b,c\n1,2,3\n", &[Ok((&["a", "b", "c"], 1, 1)), Ok((&["1", "2", "3"], 2, 2))]);
        check(
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n",
            &[Ok((&["a", "b"], 1, 1)), Ok((&["x, y", "say \"hi\""], 2, 2))],
        );
        check(
            "a,b\n\"two\nlines\",z\nnext,row",
            &[Ok((&["a", "b"], 1, 1)), Ok((&["two\nlines", "z"], 2, 3)), Ok((&["next", "row"], 4, 4))],
        );
        check("a,,\n\n,b,\n", &[Ok((&["a", "", ""], 1, 1)), Ok((&["", "b", ""], 3, 3))]);
        check("مرحبا,\"نص، بفاصلة\"\n", &[Ok((&["مرحبا", "نص، بفاصلة"], 1, 1))]);
    }

    #[test]
    fn malformed_rows_are_errors_and_reading_goes_on() {
        check(
            "a,b\nx\"y,z\nok,1\n",
            &[
                Ok((&["a", "b"], 1, 1)),
                Err("2: a quote inside an unquoted field (field 1); quote the whole field"),
                Ok((&["ok", "1"], 3, 3)),
            ],
        );
        check("\"a\"b,c\n", &[Err("1: text after the closing quote of field 1")]);
        check(
            "a\n\"never closed,\n",
            &[Ok((&["a"], 1, 1)), Err("2: a quoted field is not closed before the end of the file")],
        );
    }
}
