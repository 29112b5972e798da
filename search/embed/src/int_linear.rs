//! Linear layers in 16-bit integers for the single-sequence path: `y = x · Wᵀ + b` with the
//! weights quantised per output row and the activations per token, multiplied and summed
//! exactly in integers.
//!
//! Why: one query is 10–40 tokens, where candle's f32 gemm streams 84 MB of weights per pass
//! and computes 16 multiply-adds per AVX instruction; `vpmaddwd` computes 32 (two per 256-bit
//! lane pair) from weights half the size. The products are exact, so the only error is the
//! rounding of weights (to ±[`WEIGHT_MAX`] per row, finer than the 4-bit source's own steps)
//! and of activations (to ±[`ACTIVATION_MAX`] per token).
//!
//! The SIMD kernel is AVX2 through `pulp`'s safe, runtime-detected wrappers (no `unsafe`
//! here); without AVX2 the same integer sums are computed by a plain loop, so both give
//! identical results.

use rayon::prelude::*;

/// Largest quantised weight magnitude (11 bits with the sign).
const WEIGHT_MAX: f32 = 1023.0;
/// Largest quantised activation magnitude (13 bits with the sign).
const ACTIVATION_MAX: f32 = 4095.0;
/// Products summed in 32-bit lanes before moving to 64 bits: every lane sums at most
/// `CHUNK / 8` products of at most 1023 × 4095, so stays below 2³¹ (the products of one
/// `vpmaddwd` pair fit too).
const CHUNK: usize = 384;
/// Output rows per parallel task: enough work to amortise scheduling, and every layer has
/// several tasks so both cores get some; a multiple of the AVX2 tile's 2 rows.
const ROWS_PER_TASK: usize = 48;

/// Tokens × input features in i16, one scale per token.
pub(crate) struct QuantizedRows {
    values: Vec<i16>,
    scales: Vec<f32>,
    cols: usize,
}

impl QuantizedRows {
    /// Quantises `x` (`[rows, cols]`, row-major) symmetrically per row.
    pub fn new(x: &[f32], cols: usize) -> Self {
        let mut values = vec![0i16; x.len()];
        let mut scales = Vec::with_capacity(x.len() / cols.max(1));
        // vectorised with the machine's SIMD, where rounding is one instruction
        pulp::Arch::new().dispatch(
            #[inline(always)]
            || {
                for (row, out) in x.chunks_exact(cols).zip(values.chunks_exact_mut(cols)) {
                    scales.push(quantize_row(row, ACTIVATION_MAX, out));
                }
            },
        );
        Self { values, scales, cols }
    }

    fn rows(&self) -> usize {
        self.scales.len()
    }

    fn row(&self, t: usize) -> &[i16] {
        &self.values[t * self.cols..(t + 1) * self.cols]
    }
}

/// `out ← round(row / scale)` with `scale = max|row| / max`; returns the scale (1 for a zero row).
#[inline(always)]
fn quantize_row(row: &[f32], max: f32, out: &mut [i16]) -> f32 {
    let peak = row.iter().fold(0f32, |m, v| m.max(v.abs()));
    if peak == 0.0 {
        out.fill(0);
        return 1.0;
    }
    let scale = peak / max;
    let inv = 1.0 / scale;
    for (o, &v) in out.iter_mut().zip(row) {
        *o = (v * inv).round() as i16;
    }
    scale
}

/// A linear layer with i16 weights, one f32 scale per output row, and an f32 bias.
#[derive(Debug, Clone)]
pub(crate) struct IntLinear {
    weights: Vec<i16>,
    scales: Vec<f32>,
    bias: Vec<f32>,
    cols: usize,
}

impl IntLinear {
    /// From an f32 weight `[out, in]` (PyTorch layout, row-major) and its bias `[out]`.
    pub fn new(weight: &[f32], bias: Vec<f32>) -> Self {
        let cols = weight.len() / bias.len().max(1);
        let mut weights = vec![0i16; weight.len()];
        let scales = weight
            .chunks_exact(cols)
            .zip(weights.chunks_exact_mut(cols))
            .map(|(row, out)| quantize_row(row, WEIGHT_MAX, out))
            .collect();
        Self { weights, scales, bias, cols }
    }

    /// Output features.
    pub fn outputs(&self) -> usize {
        self.bias.len()
    }

    /// `x · Wᵀ + b` as `[tokens, outputs]`, row-major.
    pub fn forward(&self, x: &QuantizedRows) -> Vec<f32> {
        assert_eq!(x.cols, self.cols, "input width");
        let (tokens, outputs) = (x.rows(), self.outputs());
        // Computed output-major so each task owns a contiguous block, then transposed.
        let mut by_output = vec![0f32; outputs * tokens];
        by_output.par_chunks_mut(ROWS_PER_TASK * tokens).enumerate().for_each(|(task, block)| {
            let first = task * ROWS_PER_TASK;
            self.rows_block(x, first, block);
        });
        let mut out = vec![0f32; tokens * outputs];
        for (j, column) in by_output.chunks_exact(tokens).enumerate() {
            let (scale, bias) = (self.scales[j], self.bias[j]);
            for (t, &v) in column.iter().enumerate() {
                out[t * outputs + j] = v * scale * x.scales[t] + bias;
            }
        }
        out
    }

    fn weight_row(&self, j: usize) -> &[i16] {
        &self.weights[j * self.cols..(j + 1) * self.cols]
    }

    /// Integer dot products of output rows `first..` with every token, into `block`
    /// (`[rows, tokens]`), unscaled.
    fn rows_block(&self, x: &QuantizedRows, first: usize, block: &mut [f32]) {
        let tokens = x.rows();
        let rows = block.len() / tokens;
        let tiles = Tiles { layer: self, x, first, rows, block };
        #[cfg(target_arch = "x86_64")]
        if self.cols.is_multiple_of(simd::V3_LANES)
            && let Some(v3) = pulp::x86::V3::try_new()
        {
            // 2 rows × 4 tokens: 8 accumulators, 2 weight vectors and 1 token vector in AVX2's
            // 16 registers. 3 × 4 and 2 × 6 were as fast alone but slower in the encoder, where
            // LLVM spilled accumulators of the 3 × 4 tile to the stack.
            return v3.vectorize(|| tiles.run::<2, 4>(|w, a| simd::tile_v3(v3, w, a)));
        }
        tiles.run::<1, 1>(|[w], [a]| [[dot_exact(w, a)]]);
    }
}

/// A block of output rows cut into tiles of `R` rows × `T` tokens.
struct Tiles<'a> {
    layer: &'a IntLinear,
    x: &'a QuantizedRows,
    first: usize,
    rows: usize,
    block: &'a mut [f32],
}

impl Tiles<'_> {
    /// Runs `tile` over the block; a short last tile repeats its last row or token, and the
    /// repeats are not written.
    #[inline(always)]
    fn run<const R: usize, const T: usize>(self, tile: impl Fn([&[i16]; R], [&[i16]; T]) -> [[i64; R]; T]) {
        let tokens = self.x.rows();
        for j in (0..self.rows).step_by(R) {
            let nr = (self.rows - j).min(R);
            let w = std::array::from_fn(|r| self.layer.weight_row(self.first + j + r.min(nr - 1)));
            for t in (0..tokens).step_by(T) {
                let nt = (tokens - t).min(T);
                let a = std::array::from_fn(|i| self.x.row(t + i.min(nt - 1)));
                let sums = tile(w, a);
                for (i, sums) in sums.iter().enumerate().take(nt) {
                    for (r, &s) in sums.iter().enumerate().take(nr) {
                        self.block[(j + r) * tokens + t + i] = s as f32;
                    }
                }
            }
        }
    }
}

/// The exact integer dot product (the reference the SIMD kernel must equal).
fn dot_exact(w: &[i16], a: &[i16]) -> i64 {
    w.iter().zip(a).map(|(&w, &a)| i64::from(w) * i64::from(a)).sum()
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use super::CHUNK;
    use core::arch::x86_64::__m256i;
    use pulp::x86::V3;

    /// i16 values per AVX2 vector.
    pub(super) const V3_LANES: usize = 16;
    /// Exact dot products of `R` weight rows with `T` token rows (`[token][row]`), 16 values
    /// at a time with `vpmaddwd`; the `R × T` accumulators stay in registers. (An AVX-512
    /// version measured slower: LLVM kept its accumulators on the stack.)
    #[inline(always)]
    pub(super) fn tile_v3<const R: usize, const T: usize>(simd: V3, w: [&[i16]; R], a: [&[i16]; T]) -> [[i64; R]; T] {
        let w = w.map(|r| pulp::as_arrays::<V3_LANES, i16>(r).0);
        let a = a.map(|r| pulp::as_arrays::<V3_LANES, i16>(r).0);
        let mut total = [[0i64; R]; T];
        let steps = w[0].len();
        for start in (0..steps).step_by(CHUNK / V3_LANES) {
            let end = (start + CHUNK / V3_LANES).min(steps);
            let mut acc = [[simd.avx._mm256_setzero_si256(); R]; T];
            for k in start..end {
                let mut wv = [simd.avx._mm256_setzero_si256(); R];
                for (wv, w) in wv.iter_mut().zip(&w) {
                    *wv = pulp::cast(w[k]);
                }
                for (acc, a) in acc.iter_mut().zip(&a) {
                    let av: __m256i = pulp::cast(a[k]);
                    for (acc, &wv) in acc.iter_mut().zip(&wv) {
                        *acc = simd.avx2._mm256_add_epi32(*acc, simd.avx2._mm256_madd_epi16(av, wv));
                    }
                }
            }
            for (total, acc) in total.iter_mut().zip(&acc) {
                for (total, &acc) in total.iter_mut().zip(acc) {
                    let lanes: [i32; 8] = pulp::cast(acc);
                    *total += lanes.iter().map(|&v| i64::from(v)).sum::<i64>();
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random sequence in [-1, 1).
    fn values(n: usize, seed: u64) -> Vec<f32> {
        let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (0..n)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                ((state >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    fn check(tokens: usize, outputs: usize, inputs: usize) {
        let (x, w, b) = (values(tokens * inputs, 1), values(outputs * inputs, 2), values(outputs, 3));
        let layer = IntLinear::new(&w, b.clone());
        let q = QuantizedRows::new(&x, inputs);
        let y = layer.forward(&q);
        for t in 0..tokens {
            for j in 0..outputs {
                let exact: f32 =
                    x[t * inputs..][..inputs].iter().zip(&w[j * inputs..][..inputs]).map(|(a, b)| a * b).sum();
                let got = y[t * outputs + j];
                assert!(
                    (got - exact - b[j]).abs() < 2e-3 * (inputs as f32).sqrt(),
                    "[{t}, {j}]: {got} vs {}",
                    exact + b[j]
                );
                let integer = dot_exact(layer.weight_row(j), q.row(t)) as f32 * layer.scales[j] * q.scales[t] + b[j];
                assert_eq!(got, integer, "[{t}, {j}]: SIMD and exact integer sums differ");
            }
        }
    }

    #[test]
    fn int_linear_matches_f32() {
        check(1, 2, 16);
        check(3, 5, 32);
        check(7, 130, 384);
        check(13, 64, 1536);
    }
}
