//! Loader for a Hugging Face model directory: `config.json`, `model.safetensors` and
//! `tokenizer.json`, all read into memory (no mmap).

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::EmbedError;
use crate::model::{EncoderConfig, EncoderWeights, LayerWeights, Linear, Norm, WordEmbeddings};

/// What the directory provides, parsed.
pub(crate) struct HfModel {
    pub weights: EncoderWeights,
    pub tokenizer: tokenizers::Tokenizer,
    pub tokenizer_path: PathBuf,
    pub bos: u32,
    pub eos: u32,
    /// SHA-256 over config, tokenizer and weights, hex.
    pub digest: String,
    pub model_type: String,
}

/// Reads a whole file, naming it in the error.
fn read(path: &Path) -> Result<Vec<u8>, EmbedError> {
    std::fs::read(path).map_err(|e| EmbedError::io(path, e))
}

/// Loads `dir` as an XLM-R or BERT encoder checkpoint.
pub(crate) fn load_dir(dir: &Path) -> Result<HfModel, EmbedError> {
    let config_path = dir.join("config.json");
    let weights_path = dir.join("model.safetensors");
    let tokenizer_path = dir.join("tokenizer.json");
    let config_bytes = read(&config_path)?;
    let tokenizer_bytes = read(&tokenizer_path)?;
    let weight_bytes = read(&weights_path)?;
    let mut hasher = Sha256::new();
    for part in [&config_bytes, &tokenizer_bytes, &weight_bytes] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hex::encode(hasher.finalize());

    let config: Value = serde_json::from_slice(&config_bytes)
        .map_err(|e| EmbedError::format(&config_path, format!("not valid JSON: {e}")))?;
    let dims = HfConfig::parse(&config_path, &config)?;
    let mut tokenizer = tokenizers::Tokenizer::from_bytes(&tokenizer_bytes)
        .map_err(|e| EmbedError::format(&tokenizer_path, format!("not a usable tokenizer.json: {e}")))?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(None)
        .map_err(|e| EmbedError::format(&tokenizer_path, format!("cannot disable truncation: {e}")))?;
    // XLM-R/RoBERTa wrap a sequence in <s> … </s>, BERT in [CLS] … [SEP]
    let special = |tokens: [&str; 2], fallback: Option<u32>| {
        tokens.iter().find_map(|t| tokenizer.token_to_id(t)).or(fallback).ok_or_else(|| {
            EmbedError::format(&tokenizer_path, format!("no {tokens:?} token and no id for it in config.json"))
        })
    };
    let bos = special(["<s>", "[CLS]"], dims.bos)?;
    let eos = special(["</s>", "[SEP]"], dims.eos)?;

    let tensors = SafeTensorsFile::parse(&weights_path, &weight_bytes)?;
    let weights = tensors.encoder_weights(&dims)?;
    Ok(HfModel { weights, tokenizer, tokenizer_path, bos, eos, digest, model_type: dims.model_type })
}

/// The `config.json` fields the encoder needs.
struct HfConfig {
    model_type: String,
    hidden: usize,
    layers: usize,
    heads: usize,
    intermediate: usize,
    max_position_embeddings: usize,
    /// First position id of a sequence: `pad_token_id + 1` for RoBERTa-style models, else 0.
    position_offset: usize,
    layer_norm_eps: f32,
    bos: Option<u32>,
    eos: Option<u32>,
}

impl HfConfig {
    fn parse(path: &Path, v: &Value) -> Result<Self, EmbedError> {
        let int = |key: &str| v.get(key).and_then(Value::as_u64).map(|n| n as usize);
        let need = |key: &str| int(key).ok_or_else(|| EmbedError::format(path, format!("missing integer `{key}`")));
        let model_type = v.get("model_type").and_then(Value::as_str).unwrap_or("bert").to_owned();
        let act = v.get("hidden_act").and_then(Value::as_str).unwrap_or("gelu");
        if act != "gelu" {
            return Err(EmbedError::format(path, format!("hidden_act `{act}` unsupported (only exact `gelu`)")));
        }
        let roberta_like = matches!(model_type.as_str(), "xlm-roberta" | "roberta" | "camembert");
        let position_offset = if roberta_like { int("pad_token_id").unwrap_or(1) + 1 } else { 0 };
        let config = Self {
            hidden: need("hidden_size")?,
            layers: need("num_hidden_layers")?,
            heads: need("num_attention_heads")?,
            intermediate: need("intermediate_size")?,
            max_position_embeddings: need("max_position_embeddings")?,
            position_offset,
            layer_norm_eps: v.get("layer_norm_eps").and_then(Value::as_f64).unwrap_or(1e-12) as f32,
            bos: int("bos_token_id").map(|n| n as u32),
            eos: int("eos_token_id").map(|n| n as u32),
            model_type,
        };
        if config.heads == 0
            || !config.hidden.is_multiple_of(config.heads)
            || config.max_position_embeddings <= position_offset + 2
        {
            return Err(EmbedError::format(
                path,
                "hidden_size, num_attention_heads or max_position_embeddings inconsistent",
            ));
        }
        Ok(config)
    }
}

/// A parsed safetensors file whose tensor names may carry a prefix such as `roberta.`.
struct SafeTensorsFile<'a> {
    path: &'a Path,
    tensors: safetensors::SafeTensors<'a>,
    prefix: String,
}

impl<'a> SafeTensorsFile<'a> {
    fn parse(path: &'a Path, bytes: &'a [u8]) -> Result<Self, EmbedError> {
        let tensors = safetensors::SafeTensors::deserialize(bytes)
            .map_err(|e| EmbedError::format(path, format!("not a safetensors file: {e}")))?;
        let anchor = "embeddings.word_embeddings.weight";
        let prefix =
            tensors.names().into_iter().find_map(|n| n.strip_suffix(anchor).map(str::to_owned)).ok_or_else(|| {
                EmbedError::format(path, format!("no `{anchor}` tensor: not a BERT/XLM-R checkpoint"))
            })?;
        Ok(Self { path, tensors, prefix })
    }

    /// Tensor `name` (without prefix) as f32 with the given shape.
    fn get(&self, name: &str, shape: &[usize]) -> Result<Tensor, EmbedError> {
        let full = format!("{}{name}", self.prefix);
        let view = self
            .tensors
            .tensor(&full)
            .map_err(|_| EmbedError::format(self.path, format!("missing tensor `{full}`")))?;
        if view.shape() != shape {
            return Err(EmbedError::format(
                self.path,
                format!("tensor `{full}` has shape {:?}, expected {shape:?}", view.shape()),
            ));
        }
        let dtype = match view.dtype() {
            safetensors::Dtype::F32 => DType::F32,
            safetensors::Dtype::F16 => DType::F16,
            safetensors::Dtype::BF16 => DType::BF16,
            other => {
                return Err(EmbedError::format(self.path, format!("tensor `{full}` has unsupported dtype {other:?}")));
            }
        };
        Tensor::from_raw_buffer(view.data(), dtype, shape, &Device::Cpu)
            .and_then(|t| t.to_dtype(DType::F32))
            .map_err(|e| EmbedError::tensor(self.path, e))
    }

    fn linear(&self, name: &str, out: usize, inp: usize) -> Result<Linear, EmbedError> {
        Ok(Linear {
            weight: self.get(&format!("{name}.weight"), &[out, inp])?,
            bias: self.get(&format!("{name}.bias"), &[out])?,
        })
    }

    fn norm(&self, name: &str, n: usize) -> Result<Norm, EmbedError> {
        Ok(Norm { weight: self.get(&format!("{name}.weight"), &[n])?, bias: self.get(&format!("{name}.bias"), &[n])? })
    }

    fn encoder_weights(&self, c: &HfConfig) -> Result<EncoderWeights, EmbedError> {
        let (h, ff) = (c.hidden, c.intermediate);
        let word =
            self.get("embeddings.word_embeddings.weight", &[self.rows("embeddings.word_embeddings.weight"), h])?;
        let positions = self.get("embeddings.position_embeddings.weight", &[c.max_position_embeddings, h])?;
        let usable = c.max_position_embeddings - c.position_offset;
        let positions = positions.narrow(0, c.position_offset, usable).map_err(|e| EmbedError::tensor(self.path, e))?;
        let types = self.get(
            "embeddings.token_type_embeddings.weight",
            &[self.rows("embeddings.token_type_embeddings.weight"), h],
        )?;
        let token_type = types.get(0).map_err(|e| EmbedError::tensor(self.path, e))?;
        let layers = (0..c.layers)
            .map(|l| {
                let p = format!("encoder.layer.{l}");
                Ok(LayerWeights {
                    query: self.linear(&format!("{p}.attention.self.query"), h, h)?,
                    key: self.linear(&format!("{p}.attention.self.key"), h, h)?,
                    value: self.linear(&format!("{p}.attention.self.value"), h, h)?,
                    attention_out: self.linear(&format!("{p}.attention.output.dense"), h, h)?,
                    attention_norm: self.norm(&format!("{p}.attention.output.LayerNorm"), h)?,
                    ffn_in: self.linear(&format!("{p}.intermediate.dense"), ff, h)?,
                    ffn_out: self.linear(&format!("{p}.output.dense"), h, ff)?,
                    output_norm: self.norm(&format!("{p}.output.LayerNorm"), h)?,
                })
            })
            .collect::<Result<Vec<_>, EmbedError>>()?;
        Ok(EncoderWeights {
            config: EncoderConfig {
                hidden: h,
                layers: c.layers,
                heads: c.heads,
                intermediate: ff,
                max_positions: usable,
                layer_norm_eps: c.layer_norm_eps,
            },
            word: WordEmbeddings::Dense(word),
            positions,
            token_type,
            embedding_norm: self.norm("embeddings.LayerNorm", h)?,
            layers,
        })
    }

    fn rows(&self, name: &str) -> usize {
        self.tensors
            .tensor(&format!("{}{name}", self.prefix))
            .map(|v| v.shape().first().copied().unwrap_or(0))
            .unwrap_or(0)
    }
}
