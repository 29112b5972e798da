//! GGML Q4_0 weights: blocks of 32 weights, an f16 scale then 16 bytes of nibbles; byte `j`
//! holds weight `j` in its low nibble and weight `j + 16` in its high nibble, each stored +8.
//!
//! Dequantisation runs on candle tensors so it is fast even in an unoptimised build.

use candle_core::{DType, Device, Tensor};

/// Bytes in one Q4_0 block: a 2-byte f16 scale and 16 bytes of nibbles.
pub(crate) const Q4_BLOCK_BYTES: usize = 18;
/// Weights in one Q4_0 block.
pub(crate) const Q4_BLOCK_WEIGHTS: usize = 32;

/// Q4_0 blocks split into a scale column and a nibble matrix, ready for row gathers.
#[derive(Debug, Clone)]
pub(crate) struct Q4Matrix {
    /// `[rows, blocks_per_row]` f32 scales.
    pub scales: Tensor,
    /// `[rows, blocks_per_row * 16]` packed nibbles.
    pub nibbles: Tensor,
    pub rows: usize,
    pub cols: usize,
}

impl Q4Matrix {
    /// Splits `blocks` (row-major, `rows × cols` weights) into scales and nibbles.
    pub fn new(blocks: &[u8], rows: usize, cols: usize) -> candle_core::Result<Self> {
        let per_row = cols / Q4_BLOCK_WEIGHTS;
        let n_blocks = rows * per_row;
        if !cols.is_multiple_of(Q4_BLOCK_WEIGHTS) || blocks.len() != n_blocks * Q4_BLOCK_BYTES {
            candle_core::bail!("{} bytes of Q4_0 blocks do not hold a {rows}×{cols} matrix", blocks.len());
        }
        let mut scale_bytes = Vec::with_capacity(n_blocks * 2);
        let mut nibbles = Vec::with_capacity(n_blocks * 16);
        for block in blocks.chunks_exact(Q4_BLOCK_BYTES) {
            scale_bytes.extend_from_slice(&block[..2]);
            nibbles.extend_from_slice(&block[2..]);
        }
        let scales =
            Tensor::from_raw_buffer(&scale_bytes, DType::F16, &[rows, per_row], &Device::Cpu)?.to_dtype(DType::F32)?;
        let nibbles = Tensor::from_vec(nibbles, (rows, per_row * 16), &Device::Cpu)?;
        Ok(Self { scales, nibbles, rows, cols })
    }

    /// The whole matrix as `[rows, cols]` f32.
    pub fn dequantize(&self) -> candle_core::Result<Tensor> {
        dequantize_rows(&self.scales, &self.nibbles, self.cols)
    }

    /// Rows `ids` as `[ids.len(), cols]` f32.
    pub fn gather_rows(&self, ids: &Tensor) -> candle_core::Result<Tensor> {
        let scales = self.scales.index_select(ids, 0)?;
        let nibbles = self.nibbles.index_select(ids, 0)?;
        dequantize_rows(&scales, &nibbles, self.cols)
    }
}

/// `scales` `[r, b]`, `nibbles` `[r, b*16]` → `[r, cols]` with `cols = b * 32`.
fn dequantize_rows(scales: &Tensor, nibbles: &Tensor, cols: usize) -> candle_core::Result<Tensor> {
    let rows = scales.dim(0)?;
    let n_blocks = rows * (cols / Q4_BLOCK_WEIGHTS);
    let packed = nibbles.to_dtype(DType::F32)?.reshape((n_blocks, 16))?;
    let high = (&packed / 16.0)?.floor()?;
    let low = (&packed - (&high * 16.0)?)?;
    let values = (Tensor::cat(&[&low, &high], 1)? - 8.0)?;
    values.broadcast_mul(&scales.reshape((n_blocks, 1))?)?.reshape((rows, cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One block with f16 scale bits `scale` and nibble bytes `bytes` (the rest 0x88, i.e. zero).
    fn check(scale: u16, bytes: &[u8], expected: &[(usize, f32)]) {
        let mut block = scale.to_le_bytes().to_vec();
        block.extend(bytes);
        block.resize(Q4_BLOCK_BYTES, 0x88);
        let m = Q4Matrix::new(&block, 1, 32).unwrap();
        let v: Vec<f32> = m.dequantize().unwrap().flatten_all().unwrap().to_vec1().unwrap();
        for &(i, want) in expected {
            assert_eq!(v[i], want, "weight {i} of block {block:02x?}");
        }
    }

    #[test]
    fn q4_dequantize() {
        // byte j: low nibble is weight j, high nibble weight j + 16, both stored +8
        check(0x3C00, &[0x9F], &[(0, 7.0), (16, 1.0), (1, 0.0), (17, 0.0)]);
        check(0x3800, &[0x9F], &[(0, 3.5), (16, 0.5)]);
        check(0x3800, &[0x88, 0x0F], &[(1, 3.5), (17, -4.0), (31, 0.0)]);
        check(0xC000, &[0x00], &[(0, 16.0), (16, 16.0)]);
        check(0x0000, &[0x0F], &[(0, 0.0), (16, 0.0)]);
    }

    #[test]
    fn gather_rows_picks_rows() {
        let mut blocks = Vec::new();
        for scale in [0x3C00u16, 0x4000, 0x4200] {
            blocks.extend(scale.to_le_bytes());
            blocks.extend([0x99; 16]);
        }
        let m = Q4Matrix::new(&blocks, 3, 32).unwrap();
        let ids = Tensor::new(&[2u32, 0], &Device::Cpu).unwrap();
        let rows: Vec<Vec<f32>> = m.gather_rows(&ids).unwrap().to_vec2().unwrap();
        assert_eq!((rows[0][0], rows[1][31]), (3.0, 1.0));
    }
}
