//! Snippets: the stretch of a passage with the most matched terms, HTML-escaped, matched words
//! in `<b>…</b>`.

use crate::analysis::Lang;
use std::collections::HashSet;
use std::ops::Range;

/// Length of a snippet, in characters.
const SNIPPET_CHARS: usize = 200;
/// Characters of context kept before the first highlighted word.
const LEAD_CHARS: usize = 40;

/// The snippet of `text` highlighting the words whose terms (in `lang`'s analysis) are in
/// `terms`; `None` when no word of the text matches.
pub(crate) fn snippet(text: &str, lang: Lang, terms: &HashSet<&str>) -> Option<String> {
    let mut highlights: Vec<Range<usize>> = lang
        .analyze(text)
        .into_iter()
        .filter(|token| terms.contains(token.text.as_str()))
        .map(|token| token.offset_from..token.offset_to)
        .collect();
    highlights.sort_by_key(|r| (r.start, r.end));
    highlights.dedup_by(|next, previous| next.start < previous.end);
    let (start, end) = best_window(text, &highlights)?;
    let mut html = String::with_capacity(end - start + 32);
    if start > 0 {
        html.push('…');
    }
    let mut at = start;
    for h in highlights.iter().filter(|h| h.start >= start && h.end <= end) {
        escape_into(&mut html, &text[at..h.start]);
        html.push_str("<b>");
        escape_into(&mut html, &text[h.clone()]);
        html.push_str("</b>");
        at = h.end;
    }
    escape_into(&mut html, &text[at..end]);
    if end < text.len() {
        html.push('…');
    }
    Some(html)
}

/// The window of about [`SNIPPET_CHARS`] holding the most highlights, starting a little before
/// one of them at a word boundary; the first such window on ties.
fn best_window(text: &str, highlights: &[Range<usize>]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for h in highlights {
        let start = word_start_before(text, h.start, LEAD_CHARS);
        let end = word_end_after(text, start, SNIPPET_CHARS).max(h.end);
        let count = highlights.iter().filter(|o| o.start >= start && o.end <= end).count();
        if best.is_none_or(|(_, _, c)| count > c) {
            best = Some((start, end, count));
        }
    }
    best.map(|(start, end, _)| (start, end))
}

/// A byte offset at most `chars` characters before `at`, just after a space when there is
/// one in that stretch.
fn word_start_before(text: &str, at: usize, chars: usize) -> usize {
    let stretch_start = text[..at].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i);
    if stretch_start == 0 {
        return 0;
    }
    match text[stretch_start..at].find(char::is_whitespace) {
        Some(space) => {
            let after = stretch_start + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        }
        None => stretch_start,
    }
}

/// A byte offset at most `chars` characters after `from`, cut back to the last space.
fn word_end_after(text: &str, from: usize, chars: usize) -> usize {
    let Some((limit, _)) = text[from..].char_indices().nth(chars) else { return text.len() };
    let limit = from + limit;
    text[from..limit].rfind(char::is_whitespace).map_or(limit, |space| from + space)
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, lang: Lang, terms: &[&str], expected: Option<&str>) {
        let terms: HashSet<&str> = terms.iter().copied().collect();
        assert_eq!(snippet(text, lang, &terms).as_deref(), expected, "{text}");
    }

    #[test]
    fn snippets() {
        check(
            "Capacity-building <and> technology",
            Lang::En,
            &["capac"],
            Some("<b>Capacity</b>-building &lt;and&gt; technology"),
        );
        check("no match here", Lang::En, &["capac"], None);
        check("يشجع الأطراف على بناء القدرات", Lang::Ar, &["قدر"], Some("يشجع الأطراف على بناء <b>القدرات</b>"));
        check("بِالتَّنَوُّعِ", Lang::Ar, &["تنوع"], Some("<b>بِالتَّنَوُّعِ</b>"));
        let long = format!("{} target word {}", "filler ".repeat(60), "tail ".repeat(60));
        let got = snippet(&long, Lang::En, &["target"].into_iter().collect()).unwrap();
        assert!(got.starts_with('…') && got.ends_with('…') && got.contains("<b>target</b>"), "{got}");
        assert!(got.chars().count() <= SNIPPET_CHARS + 20, "{got}");
    }
}
