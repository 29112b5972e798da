//! Arabic: a normaliser for the spelling variants of the same word, and a light stemmer in the
//! style of Larkey's light10 that takes off clitics and suffixes without finding roots.
//!
//! Normalisation: tashkeel (harakat, tanwin, shadda, sukun, superscript alef) and tatweel are
//! dropped; presentation forms (`ﻫ`, `ﻻ`) become letters; `أ إ آ ٱ` → `ا`; `ى` → `ي`; `ة` → `ه`;
//! Arabic-Indic and Persian digits → ASCII; Persian `ی ک` → `ي ك`; Latin letters are lower-cased.
//! The hamza seats `ؤ` and `ئ` both become a bare `ء`, so that the two current spellings of
//! the same word (`مسؤولية`/`مسئولية`, `شؤون`/`شئون`) meet; mapping them to `و`/`ي` would
//! not unify those spellings and would merge hamza words with others (`سؤال`, `رئيس`).
//!
//! Stemming works on the normalised word but finds the article before the alef forms are
//! unified: `آلية` (mechanism) does not start with the article `ال`, while `الآلية` does.
//! 1. Stop words (particles, pronouns, prepositions) give no term.
//! 2. Single-letter proclitics are ambiguous: the `و` of `والتنوع` is "and", that of `وطنية` is
//!    part of the word. Instead of guessing, the word is indexed under each reading: as
//!    written, without a leading `و`/`ف`, and without a following `ب`/`ك`/`ل`, whenever at least
//!    three letters remain. Every reading gets the same position, so `وطنية` meets `الوطنية`
//!    and `وتعزيز` meets `تعزيز`.
//! 3. Each reading loses one article (`وال بال كال فال لل ال`) if two letters remain, then the
//!    suffixes `ها ان ات ون ين يه ه ي` in this order, each if two letters remain (`ية` and `ة` are
//!    `يه` and `ه` after normalisation).
//!
//! The same code runs at index and at query time (both go through the tokenizer registered for
//! the Arabic fields), so every choice here is symmetric.

use super::words::{ascii_digit, is_mark};
use std::collections::HashSet;
use std::sync::LazyLock;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Normalises Arabic spelling (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicNormalizer;

impl ArabicNormalizer {
    /// The fully normalised form of a word or text.
    pub fn normalize(&self, text: &str) -> String {
        unify_alef(&normalize_keeping_alef(text))
    }
}

/// Turns an Arabic word into its index terms (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicLightStemmer;

impl ArabicLightStemmer {
    /// The terms of one word: one per reading, the word as written first; none for a stop word
    /// or a word of marks only. Words without Arabic letters are normalised but not stemmed.
    pub fn stems(&self, word: &str) -> Vec<String> {
        let written = normalize_keeping_alef(word);
        if written.is_empty() || is_stop_word(&written) {
            return Vec::new();
        }
        if !written.chars().any(is_arabic_letter) {
            return vec![unify_alef(&written)];
        }
        let mut stems: Vec<String> = Vec::with_capacity(3);
        for reading in proclitic_readings(&written) {
            let stem = light_stem(reading);
            if !stems.contains(&stem) {
                stems.push(stem);
            }
        }
        stems
    }
}

/// Letters of the Arabic alphabet (with Persian and Urdu additions), not marks or digits.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// Every normalisation but the alef forms (see the module documentation).
fn normalize_keeping_alef(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_mark(c) {
            continue;
        }
        match presentation_form(c) {
            Some(letters) => out.extend(letters.chars().map(normalize_letter)),
            None if c.is_uppercase() => out.extend(c.to_lowercase()),
            None => out.push(normalize_letter(c)),
        }
    }
    out
}

fn normalize_letter(c: char) -> char {
    match c {
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ؤ' | 'ئ' => 'ء',
        'ک' => 'ك',
        _ => ascii_digit(c),
    }
}

fn unify_alef(text: &str) -> String {
    text.chars().map(|c| if matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ') { 'ا' } else { c }).collect()
}

/// The letters of an Arabic presentation form (U+FE80–U+FEFC): isolated, final, initial and
/// medial forms of each letter in turn, then the lam-alef ligatures.
fn presentation_form(c: char) -> Option<&'static str> {
    #[rustfmt::skip]
    const FORMS: [(u32, &str); 40] = [
        (1, "ء"), (2, "آ"), (2, "أ"), (2, "ؤ"), (2, "إ"), (4, "ئ"), (2, "ا"), (4, "ب"),
        (2, "ة"), (4, "ت"), (4, "ث"), (4, "ج"), (4, "ح"), (4, "خ"), (2, "د"), (2, "ذ"),
        (2, "ر"), (2, "ز"), (4, "س"), (4, "ش"), (4, "ص"), (4, "ض"), (4, "ط"), (4, "ظ"),
        (4, "ع"), (4, "غ"), (4, "ف"), (4, "ق"), (4, "ك"), (4, "ل"), (4, "م"), (4, "ن"),
        (4, "ه"), (2, "و"), (2, "ى"), (4, "ي"), (2, "لآ"), (2, "لأ"), (2, "لإ"), (2, "لا"),
    ];
    let mut code = (c as u32).checked_sub(0xFE80)?;
    for (count, letters) in FORMS {
        if code < count {
            return Some(letters);
        }
        code -= count;
    }
    None
}

/// The word as written, then without a leading `و`/`ف`, then also without a following
/// `ب`/`ك`/`ل` (or without a leading `ب`/`ك`/`ل`), while at least three letters remain.
fn proclitic_readings(word: &str) -> Vec<&str> {
    fn strip<'a>(word: &'a str, clitics: &[char]) -> Option<&'a str> {
        let mut chars = word.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        (clitics.contains(&first) && rest.chars().count() >= 3).then_some(rest)
    }
    const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
    const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];
    let mut readings = vec![word];
    if let Some(rest) = strip(word, &CONJUNCTIONS) {
        readings.push(rest);
        readings.extend(strip(rest, &PREPOSITIONS));
    } else {
        readings.extend(strip(word, &PREPOSITIONS));
    }
    readings
}

/// Article, alef forms, then suffixes (see the module documentation).
fn light_stem(word: &str) -> String {
    const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
    const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
    const MIN_STEM: usize = 2;
    let without_article = ARTICLES
        .iter()
        .find_map(|article| word.strip_prefix(article).filter(|rest| rest.chars().count() >= MIN_STEM))
        .unwrap_or(word);
    let mut stem = unify_alef(without_article);
    for suffix in SUFFIXES {
        if stem.ends_with(suffix) && stem.chars().count() >= suffix.chars().count() + MIN_STEM {
            stem.truncate(stem.len() - suffix.len());
        }
    }
    stem
}

/// Function words, as [`normalize_keeping_alef`] leaves them (alef forms as written, with and
/// without hamza where both spellings are common). `اليه` is left out: it is also `آلية`
/// (mechanism) typed without the madda.
const STOP_WORDS: &str = "في من إلي الي علي عن مع أن إن ان أو او و ف ثم هذا هذه ذلك \
     تلك هءلاء التي الذي الذين اللذين اللتين اللواتي كما كان كانت \
     يكون تكون قد لقد لا لم لن ما هو هي هم هن نحن أنا انا عند \
     عندما بين حتي إذا اذا إذ اذ كل أي اي أيضا ايضا غير بعد قبل \
     حول خلال ضمن لدي منذ نحو دون لكن بل أم ام إما اما سواء ذات \
     ذو به بها له لها فيه فيها منه منها عليه عليها إليه إليها عنه \
     عنها وفي ومن وإلي والي وعلي وعن ومع وأن وإن وان وهو وهي وهذا \
     وهذه وذلك ولا ولم وقد وكان وما وبين كذلك وكذلك لذلك أما فإن \
     بأن لأن حيث وحيث إلا الا بشأن بشان وبشأن";

fn is_stop_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| STOP_WORDS.split_whitespace().collect());
    SET.contains(word)
}

impl TokenFilter for ArabicLightStemmer {
    type Tokenizer<T: Tokenizer> = ArabicStemmerTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicStemmerTokenizer<T> {
        ArabicStemmerTokenizer { inner: tokenizer }
    }
}

/// A tokenizer followed by [`ArabicLightStemmer`].
#[derive(Clone)]
pub struct ArabicStemmerTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ArabicStemmerTokenizer<T> {
    type TokenStream<'a> = ArabicStemmerTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicStemmerTokenStream { tail: self.inner.token_stream(text), pending: Vec::new() }
    }
}

/// The tokens of the inner stream, each replaced by its readings at the same position.
pub struct ArabicStemmerTokenStream<S> {
    tail: S,
    /// Readings of the current token still to emit, last first.
    pending: Vec<String>,
}

impl<S: TokenStream> TokenStream for ArabicStemmerTokenStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(reading) = self.pending.pop() {
            self.tail.token_mut().text = reading;
            return true;
        }
        while self.tail.advance() {
            let mut stems = ArabicLightStemmer.stems(&self.tail.token().text);
            stems.reverse();
            if let Some(first) = stems.pop() {
                self.tail.token_mut().text = first;
                self.pending = stems;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::presentation_form;

    #[test]
    fn presentation_forms() {
        let cases = [
            ('\u{FE7F}', None),
            ('\u{FE80}', Some("ء")),
            ('\u{FE8B}', Some("ئ")),
            ('\u{FEA4}', Some("ح")),
            ('\u{FEEB}', Some("ه")),
            ('\u{FEF4}', Some("ي")),
            ('\u{FEFB}', Some("لا")),
            ('\u{FEFC}', Some("لا")),
            ('\u{FEFD}', None),
            ('\u{FEFF}', None),
        ];
        for (c, expected) in cases {
            assert_eq!(presentation_form(c), expected, "{:04X}", c as u32);
        }
    }
}
