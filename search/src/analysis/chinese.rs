//! Chinese: no spaces between words, so runs of Han characters are indexed as overlapping
//! character bigrams (a run of one character as a unigram); other words are lower-cased.

use super::words::{CharClass, VecTokenStream, ascii_digit, char_class, word_ranges};
use tantivy::tokenizer::{Token, Tokenizer};

/// Splits text into CJK bigrams and lower-cased words, positions counted per emitted token so
/// that a phrase of bigrams matches consecutive positions.
#[derive(Debug, Clone, Default)]
pub struct CjkBigramTokenizer;

impl Tokenizer for CjkBigramTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::new();
        for range in word_ranges(text) {
            let word = &text[range.clone()];
            let is_cjk = word.chars().next().is_some_and(|c| char_class(c) == CharClass::Cjk);
            if !is_cjk {
                let text = word.chars().map(ascii_digit).flat_map(char::to_lowercase).collect();
                push(&mut tokens, range.start, range.end, text);
                continue;
            }
            let chars: Vec<(usize, char)> = word.char_indices().map(|(i, c)| (range.start + i, c)).collect();
            if chars.len() == 1 {
                push(&mut tokens, range.start, range.end, word.to_owned());
                continue;
            }
            for pair in chars.windows(2) {
                let (start, first) = pair[0];
                let (second_start, second) = pair[1];
                push(&mut tokens, start, second_start + second.len_utf8(), [first, second].iter().collect());
            }
        }
        VecTokenStream::new(tokens)
    }
}

fn push(tokens: &mut Vec<Token>, offset_from: usize, offset_to: usize, text: String) {
    let position = tokens.len();
    tokens.push(Token { offset_from, offset_to, position, text, position_length: 1 });
}
