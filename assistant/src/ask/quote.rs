//! Quotable stretches of a paragraph: its sentences, and the clauses of a sentence too long to
//! quote whole. Every stretch is a byte range of the text itself, so a quote is verbatim by
//! construction: it is `&text[range]`, never rebuilt from pieces.

use std::ops::Range;

/// A sentence longer than this (in characters) is quoted by its clauses.
const MAX_UNIT_CHARS: usize = 320;
/// Clauses are merged until a stretch has at least this many characters.
const MIN_UNIT_CHARS: usize = 80;
/// A quotable stretch has at least this many words.
const MIN_WORDS: usize = 4;
/// At most this many stretches per text are scored: a long paragraph's later clauses are
/// rarely the point, and each one costs an embedding.
pub(crate) const MAX_UNITS: usize = 8;

/// Characters that end a sentence when followed by a space or the end of the line.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '؟', '؛', ';'];
/// Characters after which a long sentence may be cut into clauses.
const CLAUSE_ENDS: &[char] = &['،', ',', ':'];

/// The quotable stretches of `text`, in reading order: lines, cut into sentences, long
/// sentences cut into clauses of a readable length. Each is trimmed and has words (links
/// aside).
pub(crate) fn units(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let range = line_start..line_start + line.len();
        line_start = range.end + 1;
        // The cells of a table row (" | " between them) are quoted one by one.
        for cell in split_cells(text, range) {
            for sentence in split_after(text, cell, SENTENCE_ENDS) {
                if text[sentence.clone()].chars().count() <= MAX_UNIT_CHARS {
                    out.push(sentence);
                } else {
                    out.extend(merge_short(text, split_after(text, sentence, CLAUSE_ENDS)));
                }
            }
        }
    }
    out.into_iter().filter_map(|r| trim(text, r)).filter(|r| is_prose(&text[r.clone()])).collect()
}

/// Words enough to say something: at least [`MIN_WORDS`] words of two letters or more, links
/// not counted (a bare URL, a heading or a record's type line is not worth quoting).
fn is_prose(text: &str) -> bool {
    let words = text
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    words.count() >= MIN_WORDS
}

/// The stretch to quote when a passage is shown for itself (a lookup): its own first line
/// when short enough, else its first sentence or clause.
pub(crate) fn lead(text: &str) -> Option<Range<usize>> {
    let first_line = text.split('\n').next().unwrap_or_default();
    if first_line.chars().count() <= MAX_UNIT_CHARS {
        return trim(text, 0..first_line.len()).filter(|r| has_letters(&text[r.clone()]));
    }
    units(text).into_iter().next()
}

/// The cells of a line of `text` (`range`), cut at the `|` between them.
fn split_cells(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        if c == '|' {
            out.push(start..range.start + i);
            start = range.start + i + 1;
        }
    }
    out.push(start..range.end);
    out
}

/// Cuts `range` of `text` after every `ends` character that is followed by whitespace or the
/// end of the range.
fn split_after(text: &str, range: Range<usize>, ends: &[char]) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if ends.contains(&c) && next.is_none_or(char::is_whitespace) && !is_initial(slice, i) {
            let end = i + c.len_utf8();
            out.push(range.start + start..range.start + end);
            start = end;
        }
    }
    if start < slice.len() {
        out.push(range.start + start..range.end);
    }
    out
}

/// A full stop after a single capital letter ("J. Smith", "U.N.") does not end a sentence.
fn is_initial(slice: &str, dot: usize) -> bool {
    if !slice[dot..].starts_with('.') {
        return false;
    }
    let mut before = slice[..dot].chars().rev();
    matches!((before.next(), before.next()), (Some(c), prev) if c.is_uppercase() && prev.is_none_or(|p| !p.is_alphabetic()))
}

/// Joins each clause shorter than [`MIN_UNIT_CHARS`] to the next one.
fn merge_short(text: &str, clauses: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for clause in clauses {
        let current = match open.take() {
            Some(previous) => previous.start..clause.end,
            None => clause,
        };
        if text[current.clone()].trim().chars().count() < MIN_UNIT_CHARS {
            open = Some(current);
        } else {
            out.push(current);
        }
    }
    if let Some(rest) = open {
        // A short tail joins the stretch before it rather than standing alone.
        match out.last_mut() {
            Some(last) => last.end = rest.end,
            None => out.push(rest),
        }
    }
    out
}

/// `range` without leading and trailing whitespace; `None` if nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    (start < end).then_some(start..end)
}

fn has_letters(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = units(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "{text}");
        for unit in got {
            assert!(text.contains(unit));
        }
    }

    #[test]
    fn sentences_and_lines() {
        check(
            "The first sentence is here. Is this the second one? And here is a third one",
            &["The first sentence is here.", "Is this the second one?", "And here is a third one"],
        );
        check(
            "يطلب إلى الأمين التنفيذي ما يلي:\nمواصلة العمل لتعزيز النهج؛ تقديم تقرير مرحلي إلى الهيئة.",
            &["يطلب إلى الأمين التنفيذي ما يلي:", "مواصلة العمل لتعزيز النهج؛", "تقديم تقرير مرحلي إلى الهيئة."],
        );
        check("هل يجب أن تكون هناك مراحل؟ نعم", &["هل يجب أن تكون هناك مراحل؟"]);
        // Decimals, initials and URLs do not end sentences.
        check(
            "It costs 2.5 million dollars. See J. Smith at http://x.org/a.b now.",
            &["It costs 2.5 million dollars.", "See J. Smith at http://x.org/a.b now."],
        );
        // Stretches without words are dropped: numbers, dots, links, headings.
        check("1.  \n  ... \n(a) Updated three online courses;", &["(a) Updated three online courses;"]);
        check("انظر: https://sustainabledevelopment.un.org/?menu=1300\nLiving Modified Organism", &[]);
        // Table cells one by one; short cells (dates, references) are dropped.
        check(
            "| المقرر 5/13 | 2020-2017 | تم تعزيز قدرات الأطراف وفهمها لكيفية التطبيق |",
            &["تم تعزيز قدرات الأطراف وفهمها لكيفية التطبيق"],
        );
    }

    #[test]
    fn long_sentences_are_cut_into_clauses_of_readable_length() {
        let clause = "a clause of about forty characters long";
        let text = [clause; 12].join(", ") + ".";
        let got: Vec<&str> = units(&text).into_iter().map(|r| &text[r]).collect();
        assert!(got.len() > 1, "{got:?}");
        for unit in &got {
            let n = unit.chars().count();
            assert!((MIN_UNIT_CHARS..=MAX_UNIT_CHARS).contains(&n), "{n}: {unit}");
            assert!(text.contains(unit));
        }
    }

    #[test]
    fn the_lead_is_the_first_line_when_short() {
        let text = "يقرر ما يلي:\n(1) ينبغي تحديد الطرائق؛";
        assert_eq!(lead(text).map(|r| &text[r]), Some("يقرر ما يلي:"));
        assert_eq!(lead("  \n"), None);
    }
}
