//! The forward pass of one short window (a query): plain f32 buffers, no padding or masks,
//! integer linear layers ([`crate::int_linear`]), attention per head in parallel.
//!
//! For 10–40 tokens the batch path's costs are per operation (a candle tensor, a buffer and
//! a rayon dispatch each) and per weight byte (84 MB of f32 streamed through gemm per pass);
//! this path has a handful of buffers per layer and reads 42 MB of i16 weights.

use rayon::prelude::*;

use crate::int_linear::{IntLinear, QuantizedRows};
use crate::model::{EncoderWeights, Norm};
use crate::ops::{gelu, normalize_row, softmax_row};

/// A LayerNorm's scale and shift as plain vectors.
#[derive(Debug, Clone)]
struct PlainNorm {
    scale: Vec<f32>,
    shift: Vec<f32>,
}

impl PlainNorm {
    fn new(norm: &Norm) -> candle_core::Result<Self> {
        Ok(Self { scale: norm.weight.to_vec1()?, shift: norm.bias.to_vec1()? })
    }

    /// Normalises every `hidden`-wide row of `x` in place.
    fn apply(&self, x: &mut [f32], eps: f32) {
        for row in x.chunks_exact_mut(self.scale.len()) {
            normalize_row(row, &self.scale, &self.shift, eps);
        }
    }
}

#[derive(Debug, Clone)]
struct SequenceLayer {
    /// Query, key and value in one projection, the 1/√head_dim scale folded into the query.
    qkv: IntLinear,
    attention_out: IntLinear,
    attention_norm: PlainNorm,
    ffn_in: IntLinear,
    ffn_out: IntLinear,
    output_norm: PlainNorm,
}

/// The encoder's layers prepared for one window at a time.
#[derive(Debug, Clone)]
pub(crate) struct SequenceEncoder {
    hidden: usize,
    heads: usize,
    eps: f32,
    layers: Vec<SequenceLayer>,
}

/// `[rows, cols]` f32 tensor as a flat row-major vector.
fn flat(t: &candle_core::Tensor) -> candle_core::Result<Vec<f32>> {
    t.flatten_all()?.to_vec1()
}

impl SequenceEncoder {
    /// Quantises the layers' projections (see [`crate::int_linear`]).
    pub fn new(weights: &EncoderWeights) -> candle_core::Result<Self> {
        let c = &weights.config;
        let scale = 1.0 / ((c.hidden / c.heads) as f64).sqrt();
        let layers = weights
            .layers
            .iter()
            .map(|l| {
                let linear = |w: &crate::model::Linear| {
                    Ok::<_, candle_core::Error>(IntLinear::new(&flat(&w.weight)?, flat(&w.bias)?))
                };
                let qkv_weight =
                    [flat(&(&l.query.weight * scale)?)?, flat(&l.key.weight)?, flat(&l.value.weight)?].concat();
                let qkv_bias = [flat(&(&l.query.bias * scale)?)?, flat(&l.key.bias)?, flat(&l.value.bias)?].concat();
                Ok(SequenceLayer {
                    qkv: IntLinear::new(&qkv_weight, qkv_bias),
                    attention_out: linear(&l.attention_out)?,
                    attention_norm: PlainNorm::new(&l.attention_norm)?,
                    ffn_in: linear(&l.ffn_in)?,
                    ffn_out: linear(&l.ffn_out)?,
                    output_norm: PlainNorm::new(&l.output_norm)?,
                })
            })
            .collect::<candle_core::Result<Vec<_>>>()?;
        Ok(Self { hidden: c.hidden, heads: c.heads, eps: c.layer_norm_eps, layers })
    }

    /// Mean-pooled last hidden states of one window, given its normalised embeddings
    /// `[tokens, hidden]`.
    pub fn forward(&self, mut x: Vec<f32>) -> Vec<f32> {
        let h = self.hidden;
        let tokens = x.len() / h;
        for layer in &self.layers {
            x = self.layer_forward(layer, &x, tokens);
        }
        let mut pooled = vec![0f32; h];
        for row in x.chunks_exact(h) {
            pooled.iter_mut().zip(row).for_each(|(p, v)| *p += v);
        }
        pooled.iter_mut().for_each(|p| *p /= tokens as f32);
        pooled
    }

    fn layer_forward(&self, layer: &SequenceLayer, x: &[f32], tokens: usize) -> Vec<f32> {
        let h = self.hidden;
        let qkv = layer.qkv.forward(&QuantizedRows::new(x, h));
        let context = self.attention(&qkv, tokens);
        let mut attended = layer.attention_out.forward(&QuantizedRows::new(&context, h));
        attended.iter_mut().zip(x).for_each(|(a, &r)| *a += r);
        layer.attention_norm.apply(&mut attended, self.eps);
        let mut inner = layer.ffn_in.forward(&QuantizedRows::new(&attended, h));
        let width = layer.ffn_in.outputs();
        inner.par_chunks_mut(width * 4).for_each(|rows| {
            pulp::Arch::new().dispatch(
                #[inline(always)]
                || rows.iter_mut().for_each(|v| *v = gelu(*v)),
            );
        });
        let mut out = layer.ffn_out.forward(&QuantizedRows::new(&inner, width));
        out.iter_mut().zip(&attended).for_each(|(o, &r)| *o += r);
        layer.output_norm.apply(&mut out, self.eps);
        out
    }

    /// Softmax attention of every token to every token, from `qkv` `[tokens, 3 × hidden]`;
    /// returns the context `[tokens, hidden]`.
    fn attention(&self, qkv: &[f32], tokens: usize) -> Vec<f32> {
        let (h, heads) = (self.hidden, self.heads);
        let d = h / heads;
        // one head per task, laid out [heads, tokens, d], then interleaved back
        let mut per_head = vec![0f32; heads * tokens * d];
        per_head.par_chunks_mut(tokens * d).enumerate().for_each(|(head, out)| {
            pulp::Arch::new().dispatch(
                #[inline(always)]
                || attention_head(qkv, tokens, h, head * d, d, out),
            );
        });
        let mut context = vec![0f32; tokens * h];
        for (head, block) in per_head.chunks_exact(tokens * d).enumerate() {
            for (t, row) in block.chunks_exact(d).enumerate() {
                context[t * h + head * d..][..d].copy_from_slice(row);
            }
        }
        context
    }
}

/// `a · b` with eight independent lanes, so the loop vectorises.
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8.remainder().iter().zip(b8.remainder()).map(|(x, y)| x * y).sum();
    for (a, b) in a8.zip(b8) {
        for ((lane, x), y) in lanes.iter_mut().zip(a).zip(b) {
            *lane += x * y;
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// One head: queries at columns `col..col + d` of `qkv`, keys `hidden` further, values
/// `2 × hidden` further; the context of every token into `out` `[tokens, d]`.
#[inline(always)]
fn attention_head(qkv: &[f32], tokens: usize, hidden: usize, col: usize, d: usize, out: &mut [f32]) {
    let stride = 3 * hidden;
    let row = |t: usize, part: usize| &qkv[t * stride + part * hidden + col..][..d];
    let mut scores = vec![0f32; tokens];
    for (t, out) in out.chunks_exact_mut(d).enumerate() {
        let q = row(t, 0);
        for (s, score) in scores.iter_mut().enumerate() {
            *score = dot(q, row(s, 1));
        }
        softmax_row(&mut scores);
        out.fill(0.0);
        for (s, &p) in scores.iter().enumerate() {
            out.iter_mut().zip(row(s, 2)).for_each(|(o, v)| *o += p * v);
        }
    }
}
