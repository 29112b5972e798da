//! Word segmentation shared by every analyser: where a word starts and ends, independent of
//! its language.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// What a character is to word segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// A letter of an alphabetic script (Latin, Arabic, Cyrillic…).
    Letter,
    /// A digit of any script (ASCII, Arabic-Indic, Persian).
    Digit,
    /// A Han, Hiragana or Katakana character: Chinese text has no spaces between words.
    Cjk,
    /// A combining mark, tatweel or zero-width joiner: part of the word it is in, never a
    /// boundary (Arabic tashkeel would otherwise split words).
    Mark,
    /// Anything else: spaces, punctuation, symbols.
    Separator,
}

/// The class of a character.
pub(crate) fn char_class(c: char) -> CharClass {
    if is_mark(c) {
        CharClass::Mark
    } else if is_cjk(c) {
        CharClass::Cjk
    } else if c.is_numeric() {
        CharClass::Digit
    } else if c.is_alphabetic() {
        CharClass::Letter
    } else {
        CharClass::Separator
    }
}

/// Combining marks of the scripts we read, Arabic tashkeel and Quranic marks, tatweel, and the
/// zero-width characters that appear inside words.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{200B}'..='\u{200F}'
        | '\u{FE00}'..='\u{FE0F}')
}

/// Han ideographs (with extensions and compatibility forms), Hiragana and Katakana.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// ASCII digit of an Arabic-Indic (٠–٩) or Persian (۰–۹) digit; other characters unchanged.
pub(crate) fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

/// Byte ranges of the words of `text`. A word is a run of letters, digits or CJK characters
/// (with the marks inside it); it also ends where digits meet letters (`و2030`, `COP13`) and
/// where CJK characters meet anything else.
pub(crate) fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut current: Option<(usize, CharClass)> = None;
    for (i, c) in text.char_indices() {
        let class = char_class(c);
        match (current, class) {
            (_, CharClass::Mark) => {}
            (_, CharClass::Separator) => {
                if let Some((start, _)) = current.take() {
                    ranges.push(start..i);
                }
            }
            (Some((_, word_class)), _) if word_class == class => {}
            (Some((start, _)), _) => {
                ranges.push(start..i);
                current = Some((i, class));
            }
            (None, _) => current = Some((i, class)),
        }
    }
    if let Some((start, _)) = current {
        ranges.push(start..text.len());
    }
    ranges
}

/// Splits text into words (runs of letters, digits or CJK characters with the marks inside
/// them, split where digits meet letters), one position per word, digits made ASCII.
/// Language filters come after it.
#[derive(Debug, Clone, Default)]
pub struct WordTokenizer;

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let tokens = word_ranges(text)
            .into_iter()
            .enumerate()
            .map(|(position, range)| Token {
                offset_from: range.start,
                offset_to: range.end,
                position,
                text: text[range].chars().map(ascii_digit).collect(),
                position_length: 1,
            })
            .collect();
        VecTokenStream::new(tokens)
    }
}

/// A token stream over tokens computed up front (passages are paragraphs: small).
#[derive(Debug, Clone)]
pub struct VecTokenStream {
    tokens: Vec<Token>,
    /// Index of the current token plus one; 0 before the first `advance`.
    next: usize,
    /// What `token` returns before the first `advance` or on an empty stream.
    none: Token,
}

impl VecTokenStream {
    /// A stream of these tokens, in order.
    pub fn new(tokens: Vec<Token>) -> Self {
        Self { tokens, next: 0, none: Token::default() }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        self.next.checked_sub(1).and_then(|i| self.tokens.get(i)).unwrap_or(&self.none)
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let words: Vec<&str> = word_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, expected, "{text}");
    }

    #[test]
    fn words() {
        check("", &[]);
        check("  ,.;  ", &[]);
        check("Capacity-building, XIII/23", &["Capacity", "building", "XIII", "23"]);
        check("l'environnement", &["l", "environnement"]);
        check("التَّنَوُّعِ البيولوجي", &["التَّنَوُّعِ", "البيولوجي"]);
        check("بنـــاء", &["بنـــاء"]);
        check("و2030 COP13", &["و", "2030", "COP", "13"]);
        check("١٥(ز)", &["١٥", "ز"]);
        check("生物多样性CBD公约", &["生物多样性", "CBD", "公约"]);
        check("Биоразнообразие", &["Биоразнообразие"]);
    }
}
