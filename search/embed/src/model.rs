//! The XLM-R/BERT encoder forward pass on candle tensors: embeddings, post-LayerNorm
//! transformer layers with exact (erf) GELU, and mean pooling over the attention mask.
//!
//! A batch holds windows of similar length padded to the longest; padded keys get zero
//! attention and padded positions are left out of the pooling, so padding never changes a
//! vector. Matmuls are candle's (gemm, f32); the element-wise steps are the fused kernels
//! of [`crate::ops`].

use candle_core::{Device, Tensor};

use crate::bf16::Projection;
use crate::ops;
use crate::q4::Q4Matrix;
use crate::sequence::SequenceEncoder;

/// Encoder dimensions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EncoderConfig {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    /// Positions a window may use (512 for XLM-R: 514 rows minus the two padding rows).
    pub max_positions: usize,
    pub layer_norm_eps: f32,
}

/// The word-embedding table: kept 4-bit when it comes from E5S1, gathered per row.
#[derive(Debug, Clone)]
pub(crate) enum WordEmbeddings {
    Q4(Q4Matrix),
    Dense(Tensor),
}

impl WordEmbeddings {
    fn rows(&self) -> usize {
        match self {
            Self::Q4(m) => m.rows,
            Self::Dense(t) => t.dims()[0],
        }
    }

    fn gather(&self, ids: &Tensor) -> candle_core::Result<Tensor> {
        match self {
            Self::Q4(m) => m.gather_rows(ids),
            Self::Dense(t) => t.index_select(ids, 0),
        }
    }
}

/// A linear layer's weight in PyTorch layout `[out, in]` and its bias `[out]`.
#[derive(Debug, Clone)]
pub(crate) struct Linear {
    pub weight: Tensor,
    pub bias: Tensor,
}

/// A LayerNorm's scale and shift.
#[derive(Debug, Clone)]
pub(crate) struct Norm {
    pub weight: Tensor,
    pub bias: Tensor,
}

/// One transformer layer's weights as stored by both formats.
#[derive(Debug, Clone)]
pub(crate) struct LayerWeights {
    pub query: Linear,
    pub key: Linear,
    pub value: Linear,
    pub attention_out: Linear,
    pub attention_norm: Norm,
    pub ffn_in: Linear,
    pub ffn_out: Linear,
    pub output_norm: Norm,
}

/// Everything a loader provides; [`Encoder::new`] rearranges it for fast inference.
#[derive(Debug, Clone)]
pub(crate) struct EncoderWeights {
    pub config: EncoderConfig,
    pub word: WordEmbeddings,
    /// `[max_positions, hidden]`: row `i` is the embedding of a window's `i`-th token.
    pub positions: Tensor,
    /// `[hidden]`: token type 0.
    pub token_type: Tensor,
    pub embedding_norm: Norm,
    pub layers: Vec<LayerWeights>,
}

/// Bias, LayerNorm scale and shift stacked as `[3, hidden]` for [`BiasResidualNorm`].
fn norm_params(bias: &Tensor, norm: &Norm) -> candle_core::Result<Tensor> {
    Tensor::stack(&[bias, &norm.weight, &norm.bias], 0)
}

#[derive(Debug, Clone)]
struct Layer {
    /// Query, key and value fused into one `[hidden, 3 hidden]` projection, with the
    /// 1/√head_dim attention scale folded into the query part.
    qkv: Projection,
    qkv_bias: Tensor,
    attention_out: Projection,
    /// Output bias and the attention LayerNorm, `[3, hidden]`.
    attention_out_params: Tensor,
    ffn_in: Projection,
    ffn_in_bias: Tensor,
    ffn_out: Projection,
    /// Output bias and the output LayerNorm, `[3, hidden]`.
    ffn_out_params: Tensor,
}

/// The encoder, ready to run.
#[derive(Debug, Clone)]
pub(crate) struct Encoder {
    config: EncoderConfig,
    word: WordEmbeddings,
    /// Position rows with token type 0 already added.
    positions: Tensor,
    /// Embedding LayerNorm scale and shift, `[2, hidden]`.
    embedding_norm: Tensor,
    layers: Vec<Layer>,
    /// The same layers for one short window at a time ([`Encoder::forward_one`]).
    sequence: SequenceEncoder,
}

impl Encoder {
    /// Prepares loaded weights: fuses Q/K/V, folds the attention scale, transposes projections.
    pub fn new(weights: EncoderWeights) -> candle_core::Result<Self> {
        let sequence = SequenceEncoder::new(&weights)?;
        let c = &weights.config;
        let head_dim = c.hidden / c.heads;
        let scale = 1.0 / (head_dim as f64).sqrt();
        let layers = weights
            .layers
            .iter()
            .map(|l| {
                let qkv_weight = Tensor::cat(&[&(&l.query.weight * scale)?, &l.key.weight, &l.value.weight], 0)?;
                Ok(Layer {
                    qkv: Projection::new(&qkv_weight)?,
                    qkv_bias: Tensor::cat(&[&(&l.query.bias * scale)?, &l.key.bias, &l.value.bias], 0)?,
                    attention_out: Projection::new(&l.attention_out.weight)?,
                    attention_out_params: norm_params(&l.attention_out.bias, &l.attention_norm)?,
                    ffn_in: Projection::new(&l.ffn_in.weight)?,
                    ffn_in_bias: l.ffn_in.bias.clone(),
                    ffn_out: Projection::new(&l.ffn_out.weight)?,
                    ffn_out_params: norm_params(&l.ffn_out.bias, &l.output_norm)?,
                })
            })
            .collect::<candle_core::Result<Vec<_>>>()?;
        let positions = weights.positions.broadcast_add(&weights.token_type)?.contiguous()?;
        let embedding_norm = Tensor::stack(&[&weights.embedding_norm.weight, &weights.embedding_norm.bias], 0)?;
        Ok(Self { config: weights.config, word: weights.word, positions, embedding_norm, layers, sequence })
    }

    /// Whether [`Encoder::forward`] multiplies in bfloat16 (AVX-512 BF16, see [`crate::bf16`]).
    pub fn batch_in_bf16(&self) -> bool {
        self.layers.first().is_some_and(|l| matches!(l.qkv, Projection::Bf16(_)))
    }

    /// Embedding width.
    pub fn hidden(&self) -> usize {
        self.config.hidden
    }

    /// Attention heads.
    pub fn heads(&self) -> usize {
        self.config.heads
    }

    /// Longest window, specials included.
    pub fn max_positions(&self) -> usize {
        self.config.max_positions
    }

    /// Rows of the word-embedding table (ids must be below this).
    pub fn vocab_rows(&self) -> usize {
        self.word.rows()
    }

    /// Mean-pooled (not normalised) last hidden states of one window (`<s> … </s>`), through
    /// the single-sequence path: the same vector as [`Encoder::forward`] up to the integer
    /// layers' rounding, faster for a short window.
    pub fn forward_one(&self, window: &[u32]) -> candle_core::Result<Vec<f32>> {
        let len = window.len();
        if len == 0 || len > self.config.max_positions {
            candle_core::bail!("window of {len} tokens outside 1..={}", self.config.max_positions);
        }
        let ids = Tensor::from_slice(window, len, &Device::Cpu)?;
        let x = (self.word.gather(&ids)? + self.positions.narrow(0, 0, len)?)?;
        x.inplace_op2(&self.embedding_norm, &ops::Norm { eps: self.config.layer_norm_eps })?;
        let x = x.flatten_all()?.to_vec1()?;
        // Inside the pool, the layers' parallel loops split work without waking the caller:
        // one hand-over per window instead of one per parallel loop (~70).
        Ok(rayon::scope(|_| self.sequence.forward(x)))
    }

    /// Mean-pooled (not normalised) last hidden states of `windows`, `[windows.len(), hidden]`.
    /// Each window is a full token sequence (`<s> … </s>`) of at most `max_positions` ids.
    pub fn forward(&self, windows: &[&[u32]]) -> candle_core::Result<Tensor> {
        let batch = windows.len();
        let len = windows.iter().map(|w| w.len()).max().unwrap_or(0);
        if batch == 0 || len == 0 {
            candle_core::bail!("empty batch or empty window");
        }
        if len > self.config.max_positions {
            candle_core::bail!("window of {len} tokens exceeds {} positions", self.config.max_positions);
        }
        let mut ids = Vec::with_capacity(batch * len);
        let mut positions = Vec::with_capacity(batch * len);
        let mut valid = Vec::with_capacity(batch * len);
        for w in windows {
            ids.extend_from_slice(w);
            ids.resize(ids.len() + len - w.len(), w[0]);
            positions.extend((0..len as u32).map(|p| p.min(w.len() as u32 - 1)));
            valid.extend((0..len).map(|p| if p < w.len() { 1f32 } else { 0f32 }));
        }
        let ids = Tensor::from_vec(ids, batch * len, &Device::Cpu)?;
        let positions = Tensor::from_vec(positions, batch * len, &Device::Cpu)?;
        let valid = Tensor::from_vec(valid, (batch, len), &Device::Cpu)?;
        let eps = self.config.layer_norm_eps;

        let x = (self.word.gather(&ids)? + self.positions.index_select(&positions, 0)?)?;
        x.inplace_op2(&self.embedding_norm, &ops::Norm { eps })?;
        let lens: Vec<usize> = windows.iter().map(|w| w.len()).collect();
        // Inside the pool, as in `forward_one`: one hand-over per batch instead of one per
        // parallel loop.
        let x = rayon::scope(|_| self.layers.iter().try_fold(x, |x, layer| self.layer_forward(layer, &x, &lens, len)))?;
        // mean over real tokens, specials included (as sentence-transformers' mean pooling does)
        let x = x.reshape((batch, len, self.config.hidden))?;
        let summed = x.broadcast_mul(&valid.unsqueeze(2)?)?.sum(1)?;
        let counts = valid.sum_keepdim(1)?;
        summed.broadcast_div(&counts)
    }

    fn layer_forward(&self, layer: &Layer, x: &Tensor, lens: &[usize], len: usize) -> candle_core::Result<Tensor> {
        let c = &self.config;
        let (batch, heads) = (lens.len(), c.heads);
        let eps = c.layer_norm_eps;
        let qkv = layer.qkv.apply(x)?.apply_op2_no_bwd(&layer.qkv_bias, &ops::SplitHeads { batch, len, heads })?;
        let (q, k, v) = (qkv.get(0)?, qkv.get(1)?, qkv.get(2)?);
        let probs = q.matmul(&k.t()?)?;
        probs.inplace_op1(&ops::MaskedSoftmax { lens: lens.to_vec(), heads })?;
        let context = probs.matmul(&v)?.transpose(1, 2)?.contiguous()?.reshape((batch * len, c.hidden))?;
        let attended = layer.attention_out.apply(&context)?;
        attended.inplace_op3(x, &layer.attention_out_params, &ops::BiasResidualNorm { eps })?;
        let inner = layer.ffn_in.apply(&attended)?;
        inner.inplace_op2(&layer.ffn_in_bias, &ops::BiasGelu)?;
        let out = layer.ffn_out.apply(&inner)?;
        out.inplace_op3(&attended, &layer.ffn_out_params, &ops::BiasResidualNorm { eps })?;
        Ok(out)
    }
}
