//! A draft's text folded for matching, with the way back to the words the writer typed.
//!
//! Patterns are written once per language, so the text is folded first: Arabic short vowels
//! and tatweel dropped, alef and hamza seats made bare alef, `ى` made `ي`, `ة` made `ه`,
//! Arabic-Indic digits made ASCII, every space (no-break, narrow) a plain space, curly
//! apostrophes straight. The patterns go through the same folding, and every match is mapped
//! back to a span of the original text in characters, so evidence is always verbatim.

use serde::{Deserialize, Serialize};

/// Words of the draft that show an element: verbatim, with their place in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The words, exactly as in the draft (or the field).
    pub text: String,
    /// Offset of the first character, counted in Unicode scalar values from 0.
    pub start: usize,
    /// Offset after the last character.
    pub end: usize,
    /// For a pledge JSON, the field the words are in (`description.fr`, `indicators[0].target`);
    /// offsets are then within that field's text. `None` for a free-text draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// One character of the folded text, or `None` when the original character is dropped.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Short vowels, shadda, sukun, dagger alef, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        '’' | '‘' | 'ʼ' | '`' => '\'',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Folds a pattern the way texts are folded, so that it is written in ordinary spelling.
pub(crate) fn fold_pattern(pattern: &str) -> String {
    pattern.chars().filter_map(fold_char).collect()
}

/// A text folded for matching.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    chars: Vec<char>,
    /// The folded text.
    pub folded: String,
    /// For each byte of `folded`, the offset in characters of the original character it came
    /// from; one more entry for the end.
    origin: Vec<usize>,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Self {
        let chars: Vec<char> = original.chars().collect();
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (i, &c) in chars.iter().enumerate() {
            if let Some(f) = fold_char(c) {
                origin.extend(std::iter::repeat_n(i, f.len_utf8()));
                folded.push(f);
            }
        }
        origin.push(chars.len());
        Self { chars, folded, origin }
    }

    /// The evidence for the folded bytes `start..end`: the original characters they came
    /// from (with the marks that follow the last one), without surrounding spaces and
    /// punctuation.
    pub fn evidence(&self, start: usize, end: usize, field: Option<&str>) -> Option<Evidence> {
        let chars = &self.chars;
        let mut from = self.origin[start];
        let mut to = if end > start { self.origin[end - 1] + 1 } else { from };
        while to < chars.len() && fold_char(chars[to]).is_none() && !chars[to].is_whitespace() {
            to += 1;
        }
        let trim = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '،' | '؛' | '(' | ')' | '"');
        while from < to && trim(chars[from]) {
            from += 1;
        }
        while to > from && trim(chars[to - 1]) {
            to -= 1;
        }
        (from < to).then(|| Evidence {
            text: chars[from..to].iter().collect(),
            start: from,
            end: to,
            field: field.map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(original: &str, folded: &str) {
        assert_eq!(Folded::new(original).folded, folded, "{original}");
    }

    #[test]
    fn folding() {
        check("بحلولِ عامِ ٢٠٣٠", "بحلول عام 2030");
        check("إعادة تأهيل ٢٥٪", "اعاده تاهيل 25%");
        check("d’ici\u{a0}2030, 40\u{202f}%", "d'ici 2030, 40 %");
        check("مُسـتـدام", "مستدام");
    }

    #[test]
    fn evidence_is_verbatim_with_character_offsets() {
        let text = "نلتزم بحلولِ عامِ ٢٠٣٠ بزراعة الأشجار";
        let folded = Folded::new(text);
        let start = folded.folded.find("بحلول").unwrap();
        let end = folded.folded.find("2030").unwrap() + 4;
        let evidence = folded.evidence(start, end, None).unwrap();
        assert_eq!(evidence.text, "بحلولِ عامِ ٢٠٣٠");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[evidence.start..evidence.end].iter().collect::<String>(), evidence.text);
    }

    #[test]
    fn evidence_trims_spaces_and_punctuation() {
        let folded = Folded::new("We plant, (by 2030).");
        let start = folded.folded.find(", (").unwrap();
        let evidence = folded.evidence(start, folded.folded.len(), Some("name.en")).unwrap();
        assert_eq!((evidence.text.as_str(), evidence.start, evidence.end), ("by 2030", 11, 18));
        assert_eq!(evidence.field.as_deref(), Some("name.en"));
        assert_eq!(folded.evidence(0, 0, None), None);
    }
}
