//! Per-language text analysis for the keyword index: how a paragraph and a query become terms.
//!
//! Every analyser starts from the same word segmentation ([`WordTokenizer`]: letters, digits
//! and the marks inside words; digits made ASCII) and then:
//! - Arabic: [`ArabicNormalizer`] and [`ArabicLightStemmer`] (see [`arabic`]);
//! - English, French, Spanish: lower case, stop words, ASCII folding, Snowball stemmer. Folding
//!   comes before stemming although the stemmers know accents: queries are often typed without
//!   them, and `diversité` must meet `diversite` (stemmed apart, `divers` and `diversit`);
//! - Russian: lower case, stop words, Snowball stemmer (no folding: the stemmer reads `ё`);
//! - Chinese: character bigrams ([`CjkBigramTokenizer`]).
//!
//! The index registers these analysers under [`Lang::tokenizer_name`] and the query side runs
//! the very same [`TextAnalyzer`]s, so index and query analysis cannot drift apart. Changing
//! what an analyser emits changes the index format: bump the keyword index's schema version.

pub mod arabic;
pub mod chinese;
pub mod words;

pub use arabic::{ArabicLightStemmer, ArabicNormalizer};
pub use chinese::CjkBigramTokenizer;
pub use words::WordTokenizer;

use std::sync::LazyLock;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, StopWordFilter, TextAnalyzer, Token,
    TokenizerManager,
};

/// Longest token indexed, in bytes; longer "words" are extraction debris (URLs, hashes).
const MAX_TOKEN_BYTES: usize = 80;

/// A language with its own analyser and its own fields in the keyword index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Arabic.
    Ar = 0,
    /// English.
    En = 1,
    /// French.
    Fr = 2,
    /// Spanish.
    Es = 3,
    /// Russian.
    Ru = 4,
    /// Chinese.
    Zh = 5,
}

impl Lang {
    /// The six UN languages, in field order (the order of the discriminants).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh];

    /// BCP 47 code: `ar`, `en`…
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// The language of a tag (`ar`, `AR`, `zh-Hans`); `None` outside the six UN languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// Name of the analyser in tantivy's tokenizer manager.
    pub fn tokenizer_name(self) -> &'static str {
        match self {
            Lang::Ar => "cbdkg_ar",
            Lang::En => "cbdkg_en",
            Lang::Fr => "cbdkg_fr",
            Lang::Es => "cbdkg_es",
            Lang::Ru => "cbdkg_ru",
            Lang::Zh => "cbdkg_zh",
        }
    }

    /// A fresh analyser for this language.
    pub fn analyzer(self) -> TextAnalyzer {
        match self {
            Lang::Ar => TextAnalyzer::builder(WordTokenizer)
                .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                .filter(ArabicLightStemmer)
                .build(),
            Lang::En => european(Language::English, true),
            Lang::Fr => european(Language::French, true),
            Lang::Es => european(Language::Spanish, true),
            Lang::Ru => european(Language::Russian, false),
            Lang::Zh => {
                TextAnalyzer::builder(CjkBigramTokenizer).filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES)).build()
            }
        }
    }

    /// The tokens of `text` as this language's analyser makes them (terms with their byte
    /// offsets and positions; Arabic readings share a position).
    pub fn analyze(self, text: &str) -> Vec<Token> {
        // Building an analyser allocates its stop-word set: build each once, clone per use.
        static ANALYZERS: LazyLock<[TextAnalyzer; 6]> = LazyLock::new(|| Lang::ALL.map(Lang::analyzer));
        let mut analyzer = ANALYZERS[self as usize].clone();
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        stream.process(&mut |token| tokens.push(token.clone()));
        tokens
    }

    /// Just the terms of [`Lang::analyze`].
    pub fn terms(self, text: &str) -> Vec<String> {
        self.analyze(text).into_iter().map(|token| token.text).collect()
    }
}

fn european(language: Language, fold: bool) -> TextAnalyzer {
    let mut builder = TextAnalyzer::builder(WordTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .dynamic();
    if let Some(stop_words) = StopWordFilter::new(language) {
        builder = builder.filter_dynamic(stop_words);
    }
    if fold {
        builder = builder.filter_dynamic(AsciiFoldingFilter);
    }
    builder.filter_dynamic(Stemmer::new(language)).build()
}

/// Registers every language's analyser (and [`RAW_LOWER`]) with an index's tokenizer manager.
pub fn register_analyzers(manager: &TokenizerManager) {
    for lang in Lang::ALL {
        manager.register(lang.tokenizer_name(), lang.analyzer());
    }
    manager.register(
        RAW_LOWER,
        TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default()).filter(LowerCaser).build(),
    );
}

/// Name of the analyser of identifier fields: the whole value, lower-cased.
pub const RAW_LOWER: &str = "cbdkg_raw_lower";

/// The writing system of a query word, which decides the analysers that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic letters: Arabic.
    Arabic,
    /// Cyrillic letters: Russian.
    Cyrillic,
    /// Han, Hiragana, Katakana: Chinese.
    Cjk,
    /// Latin (or another alphabet), or digits only.
    Latin,
}

impl Script {
    /// The script of a word: the first letter that tells; digits and marks do not.
    pub fn of(word: &str) -> Script {
        for c in word.chars() {
            match c {
                '\u{0600}'..='\u{06FF}'
                | '\u{0750}'..='\u{077F}'
                | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}'
                    if c.is_alphabetic() =>
                {
                    return Script::Arabic;
                }
                '\u{0400}'..='\u{052F}' => return Script::Cyrillic,
                _ if words::is_cjk(c) => return Script::Cjk,
                _ if c.is_alphabetic() => return Script::Latin,
                _ => {}
            }
        }
        Script::Latin
    }

    /// The languages whose analysers and fields a word of this script is searched with.
    /// Latin words and numbers go to every language: texts in all six embed Latin acronyms,
    /// symbols and numbers (`CBD`, `UNEP/CBD/COP/13/14`, `2030`); the Arabic, Russian and
    /// Chinese analysers leave them lower-cased and unstemmed.
    pub fn languages(self) -> &'static [Lang] {
        match self {
            Script::Arabic => &[Lang::Ar],
            Script::Cyrillic => &[Lang::Ru],
            Script::Cjk => &[Lang::Zh],
            Script::Latin => &Lang::ALL,
        }
    }
}
