//! The batch path's linear layers in bfloat16 on CPUs with AVX-512 BF16 (`vdpbf16ps`):
//! weights and activations rounded to bfloat16 (8 significant bits, f32's range), products
//! summed in f32.
//!
//! Why: embedding passages is the cold ingest's cost, and nearly all of it is the four
//! projections of every layer. One `vdpbf16ps` does 32 multiply-adds where an f32 FMA does
//! 16; measured on the project's machine (AMD EPYC, Zen 4) against candle's gemm on the same
//! shapes, one core: about 100 against 46 GMAC/s. Rounding to bfloat16 keeps activations'
//! relative precision whatever their magnitude (unlike 8-bit integers scaled per token,
//! which lose the small values of a row with an outlier).
//!
//! This is the workspace's one module with `unsafe` (ARCHITECTURE.md, invariants): a single
//! call into a function compiled for AVX-512 BF16, made only after the CPU was checked for
//! those features at run time. Everything inside that function is safe Rust (intrinsics
//! without pointers, `bytemuck` casts). Without the features, [`Projection`] multiplies in
//! f32 with candle, as before.

use candle_core::{CpuStorage, CustomOp1, Layout, Shape, Tensor, bail};
use rayon::prelude::*;

/// Outputs per packed panel: four 512-bit registers of 16 f32 sums.
const PANEL: usize = 64;
/// Tokens per register tile: 6 × 4 accumulators, 4 weight registers and a broadcast fit in
/// AVX-512's 32 registers.
const TILE_TOKENS: usize = 6;
/// Tokens per parallel task, a multiple of [`TILE_TOKENS`]: every panel is read once per task
/// from L2 and used for 16 tiles.
const TASK_TOKENS: usize = 96;
/// Panels per task when the tokens are too few to split (a query): 2 panels give the
/// projections 3 to 12 tasks.
const GROUP_PANELS: usize = 2;

/// `x · Wᵀ` for a weight `W` `[out, in]`: in bfloat16 where the CPU allows, else f32.
#[derive(Debug, Clone)]
pub(crate) enum Projection {
    Bf16(Bf16Linear),
    /// `Wᵀ`, `[in, out]` and contiguous.
    F32(Tensor),
}

impl Projection {
    /// From a weight in PyTorch layout `[out, in]`.
    pub fn new(weight: &Tensor) -> candle_core::Result<Self> {
        match Bf16Linear::new(weight)? {
            Some(linear) => Ok(Self::Bf16(linear)),
            None => Ok(Self::F32(weight.t()?.contiguous()?)),
        }
    }

    /// `x` `[tokens, in]` times the weight's transpose: `[tokens, out]`.
    pub fn apply(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        match self {
            Self::Bf16(linear) => x.apply_op1_no_bwd(linear),
            Self::F32(weight_t) => x.matmul(weight_t),
        }
    }
}

/// A weight packed for the bfloat16 kernel: panels of [`PANEL`] outputs; within a panel, for
/// every pair of inputs, each output's two weights side by side (one 32-bit lane).
#[derive(Debug, Clone)]
pub(crate) struct Bf16Linear {
    packed: Vec<[u16; 32]>,
    inputs: usize,
    outputs: usize,
}

/// Whether this CPU runs the kernel: checked once per weight, at load.
fn supported() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// `x` rounded to the nearest bfloat16, ties to even (finite inputs).
#[inline(always)]
fn bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    ((bits + 0x7fff + ((bits >> 16) & 1)) >> 16) as u16
}

/// Two values as one 32-bit lane: `lo` in the low half, as `vdpbf16ps` pairs them.
#[inline(always)]
fn bf16_pair(lo: f32, hi: f32) -> u32 {
    u32::from(bf16(lo)) | (u32::from(bf16(hi)) << 16)
}

impl Bf16Linear {
    /// Packs `weight` `[out, in]`; `None` when the CPU lacks AVX-512 BF16, or the shape does
    /// not fit the kernel (outputs a multiple of [`PANEL`], inputs even).
    pub fn new(weight: &Tensor) -> candle_core::Result<Option<Self>> {
        let (outputs, inputs) = weight.dims2()?;
        if !supported() || !outputs.is_multiple_of(PANEL) || !inputs.is_multiple_of(2) || inputs == 0 {
            return Ok(None);
        }
        Ok(Some(Self::pack(&weight.flatten_all()?.to_vec1::<f32>()?, outputs, inputs)))
    }

    fn pack(w: &[f32], outputs: usize, inputs: usize) -> Self {
        let mut packed = Vec::with_capacity(outputs * inputs / 32);
        for panel in 0..outputs / PANEL {
            for pair in 0..inputs / 2 {
                for register in 0..PANEL / 16 {
                    let mut lanes = [0u16; 32];
                    for (lane, out) in lanes.chunks_exact_mut(2).enumerate() {
                        let row = &w[(panel * PANEL + register * 16 + lane) * inputs + 2 * pair..];
                        out[0] = bf16(row[0]);
                        out[1] = bf16(row[1]);
                    }
                    packed.push(lanes);
                }
            }
        }
        Self { packed, inputs, outputs }
    }

    /// `x` `[tokens, inputs]` (row-major) times the weight's transpose, into `out`
    /// `[tokens, outputs]`.
    fn forward_into(&self, x: &[f32], out: &mut [f32]) {
        let (inputs, outputs) = (self.inputs, self.outputs);
        let tokens = x.len() / inputs;
        if tokens == 0 {
            return;
        }
        if tokens >= 2 * TASK_TOKENS {
            // Many tokens (a batch of passages): each task takes a block of tokens, all panels.
            out.par_chunks_mut(TASK_TOKENS * outputs).zip(x.par_chunks(TASK_TOKENS * inputs)).for_each(|(out, x)| {
                self.multiply(&self.packed, &to_pairs(x, inputs), out, outputs);
            });
            return;
        }
        // Few tokens (a query): every task takes all of them and a group of panels.
        let pairs = to_pairs(x, inputs);
        let panel_len = inputs * PANEL / 32;
        let blocks: Vec<Vec<f32>> = self
            .packed
            .par_chunks(GROUP_PANELS * panel_len)
            .map(|packed| {
                let width = packed.len() / panel_len * PANEL;
                let mut block = vec![0f32; tokens * width];
                self.multiply(packed, &pairs, &mut block, width);
                block
            })
            .collect();
        for (group, block) in blocks.iter().enumerate() {
            let width = block.len() / tokens;
            for (t, row) in block.chunks_exact(width).enumerate() {
                out[t * outputs + group * GROUP_PANELS * PANEL..][..width].copy_from_slice(row);
            }
        }
    }

    /// `pairs` (tokens as bfloat16 pairs, padded to whole tiles) times the panels `packed`,
    /// into `out`, whose rows are `stride` apart.
    fn multiply(&self, packed: &[[u16; 32]], pairs: &[u32], out: &mut [f32], stride: usize) {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: a `Bf16Linear` exists only where `supported()` found AVX-512 F, BW and
            // BF16 on this CPU (see `new`), the features `kernel::multiply` is compiled for.
            #[allow(unsafe_code)]
            unsafe {
                kernel::multiply(packed, self.inputs, pairs, out, stride)
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        unreachable!("Bf16Linear is built only on x86_64 ({packed:?}, {pairs:?}, {out:?}, {stride})")
    }
}

/// Rows of `x` (`inputs` wide) as bfloat16 pairs, padded with zero rows to whole tiles.
fn to_pairs(x: &[f32], inputs: usize) -> Vec<u32> {
    let mut pairs = vec![0u32; (x.len() / inputs).next_multiple_of(TILE_TOKENS) * inputs / 2];
    // compiled for the machine's widest SIMD (pulp detects it once)
    pulp::Arch::new().dispatch(
        #[inline(always)]
        || {
            for (dst, src) in pairs.iter_mut().zip(x.chunks_exact(2)) {
                *dst = bf16_pair(src[0], src[1]);
            }
        },
    );
    pairs
}

impl CustomOp1 for Bf16Linear {
    fn name(&self) -> &'static str {
        "bf16-linear"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let data = storage.as_slice::<f32>()?;
        let Some((start, end)) = layout.contiguous_offsets() else {
            bail!("bf16 linear needs a contiguous input, got {layout:?}");
        };
        let x = &data[start..end];
        let (tokens, inputs) = layout.shape().dims2()?;
        if inputs != self.inputs {
            bail!("bf16 linear: input of width {inputs}, weight expects {}", self.inputs);
        }
        let mut out = vec![0f32; tokens * self.outputs];
        self.forward_into(x, &mut out);
        Ok((CpuStorage::F32(out), Shape::from((tokens, self.outputs))))
    }
}

#[cfg(target_arch = "x86_64")]
mod kernel {
    use core::arch::x86_64::{__m512, __m512bh, _mm512_dpbf16_ps, _mm512_set1_epi32, _mm512_setzero_ps};

    use super::{PANEL, TILE_TOKENS};

    /// Registers per panel.
    const REGISTERS: usize = PANEL / 16;

    /// For every panel of `packed` and every tile of [`TILE_TOKENS`] rows of `pairs` (tokens
    /// as bfloat16 pairs, `inputs / 2` per row, padded to whole tiles), the sums into `out`,
    /// one row per token, rows `stride` apart, panel `p` at column `p × PANEL`.
    #[target_feature(enable = "avx512f,avx512bw,avx512bf16")]
    pub(super) fn multiply(packed: &[[u16; 32]], inputs: usize, pairs: &[u32], out: &mut [f32], stride: usize) {
        let rows = out.len() / stride;
        let half = inputs / 2;
        for (panel, weights) in packed.chunks_exact(half * REGISTERS).enumerate() {
            for (tile, tokens) in pairs.chunks_exact(TILE_TOKENS * half).enumerate() {
                let sums = self::tile(weights, tokens, half);
                let first = tile * TILE_TOKENS;
                for (t, sums) in sums.iter().enumerate().take(rows.saturating_sub(first)) {
                    out[(first + t) * stride + panel * PANEL..][..PANEL].copy_from_slice(sums);
                }
            }
        }
    }

    /// One panel × one tile: `TILE_TOKENS × REGISTERS` accumulators in registers.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw,avx512bf16")]
    fn tile(weights: &[[u16; 32]], tokens: &[u32], half: usize) -> [[f32; PANEL]; TILE_TOKENS] {
        let mut acc: [[__m512; REGISTERS]; TILE_TOKENS] = [[_mm512_setzero_ps(); REGISTERS]; TILE_TOKENS];
        let rows: [&[u32]; TILE_TOKENS] = std::array::from_fn(|t| &tokens[t * half..][..half]);
        for (pair, w) in weights.chunks_exact(REGISTERS).enumerate() {
            let w: [__m512bh; REGISTERS] = [
                pulp::bytemuck::cast(w[0]),
                pulp::bytemuck::cast(w[1]),
                pulp::bytemuck::cast(w[2]),
                pulp::bytemuck::cast(w[3]),
            ];
            for (acc, row) in acc.iter_mut().zip(&rows) {
                let a: __m512bh = pulp::bytemuck::cast(_mm512_set1_epi32(row[pair] as i32));
                for (acc, &w) in acc.iter_mut().zip(&w) {
                    *acc = _mm512_dpbf16_ps(*acc, a, w);
                }
            }
        }
        acc.map(pulp::bytemuck::cast)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    fn values(n: usize, seed: u32) -> Vec<f32> {
        (0..n)
            .map(|i| ((i as u32).wrapping_mul(2_654_435_761).wrapping_add(seed) % 2001) as f32 / 1000.0 - 1.0)
            .collect()
    }

    #[test]
    fn bf16_rounds_to_nearest_even() {
        assert_eq!(bf16(1.0), 0x3f80);
        assert_eq!(bf16(-2.5), 0xc020);
        // 1 + 2⁻⁸ is halfway between 1 and the next bfloat16: ties to even (1.0)
        assert_eq!(bf16(1.0 + 1.0 / 256.0), 0x3f80);
        assert_eq!(bf16(1.0 + 3.0 / 256.0), 0x3f82);
    }

    /// Against candle's f32 matmul on shapes with partial tiles and tasks.
    #[test]
    fn projection_matches_f32() {
        for (tokens, outputs, inputs) in [(1, 64, 2), (7, 128, 384), (97, 192, 96), (200, 64, 1536)] {
            let w = Tensor::from_vec(values(outputs * inputs, 7), (outputs, inputs), &Device::Cpu).unwrap();
            let x = Tensor::from_vec(values(tokens * inputs, 3), (tokens, inputs), &Device::Cpu).unwrap();
            let projection = Projection::new(&w).unwrap();
            if supported() {
                assert!(matches!(projection, Projection::Bf16(_)), "{outputs}×{inputs} should use bf16");
            }
            let got: Vec<Vec<f32>> = projection.apply(&x).unwrap().to_vec2().unwrap();
            let want: Vec<Vec<f32>> = x.matmul(&w.t().unwrap()).unwrap().to_vec2().unwrap();
            // two bfloat16 roundings (2⁻⁹ relative each) over `inputs` products of |v| ≤ 1
            let tolerance = 8.0 * (inputs as f32).sqrt() / 512.0;
            for (t, (got, want)) in got.iter().zip(&want).enumerate() {
                for (o, (g, w)) in got.iter().zip(want).enumerate() {
                    assert!((g - w).abs() <= tolerance, "{tokens}×{outputs}×{inputs} [{t}, {o}]: {g} vs {w}");
                }
            }
        }
    }
}
