//! Converts an E5S1 file into a Hugging Face directory (`config.json`, `model.safetensors` with
//! dequantised f32 weights, `tokenizer.json`), the layout [`crate::Embedder::load`] reads for
//! a directory. Used to check that both loaders agree.

use std::collections::HashMap;
use std::path::Path;

use candle_core::Tensor;
use serde_json::{Value, json};

use crate::charsmap::precompiled_charsmap;
use crate::e5s1::{E5s1File, E5s1Vocabulary};
use crate::error::EmbedError;
use crate::model::{EncoderWeights, Linear, Norm, WordEmbeddings};

/// Rows of the word table dequantised at a time while writing.
const WORD_CHUNK_ROWS: usize = 16384;

/// Writes `e5s1` as a Hugging Face XLM-R checkpoint into `out_dir` (created if missing).
pub fn write_hf_dir(e5s1: impl AsRef<Path>, out_dir: impl AsRef<Path>) -> Result<(), EmbedError> {
    let (src, dir) = (e5s1.as_ref(), out_dir.as_ref());
    let bytes = std::fs::read(src).map_err(|e| EmbedError::io(src, e))?;
    let file = E5s1File::parse(src, bytes)?;
    let weights = file.encoder_weights()?;
    std::fs::create_dir_all(dir).map_err(|e| EmbedError::io(dir, e))?;
    let write = |name: &str, data: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, data).map_err(|e| EmbedError::io(&path, e))
    };
    write("config.json", &pretty(&config_json(&file, &weights)))?;
    write("tokenizer.json", &pretty(&tokenizer_json(&file.vocabulary)))?;
    let tensors = safetensors_tensors(&weights).map_err(|e| EmbedError::tensor(src, e))?;
    let out = dir.join("model.safetensors");
    candle_core::safetensors::save(&tensors, &out).map_err(|e| EmbedError::tensor(&out, e))
}

fn pretty(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).unwrap_or_default()
}

fn config_json(file: &E5s1File, w: &EncoderWeights) -> Value {
    let h = &file.header;
    json!({
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",
        "max_position_embeddings": w.config.max_positions + 2,
        "type_vocab_size": h.type_vocab,
        "vocab_size": h.vocab_rows,
        "layer_norm_eps": h.layer_norm_eps,
        "pad_token_id": file.vocabulary.pad,
        "bos_token_id": file.vocabulary.bos,
        "eos_token_id": file.vocabulary.eos,
        "position_embedding_type": "absolute",
    })
}

/// A Hugging Face XLM-R style tokenizer: the file's normalisation map as a precompiled
/// charsmap, runs of spaces collapsed, Metaspace, and the unigram vocabulary.
fn tokenizer_json(v: &E5s1Vocabulary) -> Value {
    let charsmap = base64(&precompiled_charsmap(&v.char_map));
    let special = |id: u32| {
        json!({"id": id, "content": v.pieces[id as usize], "single_word": false, "lstrip": false,
               "rstrip": false, "normalized": false, "special": true})
    };
    let mut added: Vec<Value> = [v.bos, v.pad, v.eos, v.unk].into_iter().map(special).collect();
    if let Some(mask) = v.pieces.iter().position(|p| p == "<mask>") {
        added.push(special(mask as u32));
    }
    let (bos, eos) = (&v.pieces[v.bos as usize], &v.pieces[v.eos as usize]);
    let vocab: Vec<Value> = v.pieces.iter().zip(&v.scores).map(|(p, s)| json!([p, s])).collect();
    let metaspace = json!({"type": "Metaspace", "replacement": "\u{2581}", "prepend_scheme": "always", "split": true});
    json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": charsmap},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": eos, "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": eos, "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}}],
            "special_tokens": {
                bos.as_str(): {"id": bos, "ids": [v.bos], "tokens": [bos]},
                eos.as_str(): {"id": eos, "ids": [v.eos], "tokens": [eos]},
            },
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": v.unk, "vocab": vocab, "byte_fallback": false},
    })
}

/// Every tensor under its Hugging Face name, f32, in PyTorch layout.
fn safetensors_tensors(w: &EncoderWeights) -> candle_core::Result<HashMap<String, Tensor>> {
    let mut out: HashMap<String, Tensor> = HashMap::new();
    let mut push = |name: String, t: &Tensor| -> candle_core::Result<()> {
        out.insert(name, t.contiguous()?);
        Ok(())
    };
    let hidden = w.config.hidden;
    let word = match &w.word {
        WordEmbeddings::Q4(m) => {
            let chunks = (0..m.rows).step_by(WORD_CHUNK_ROWS).map(|start| {
                let ids: Vec<u32> = (start..m.rows.min(start + WORD_CHUNK_ROWS)).map(|r| r as u32).collect();
                m.gather_rows(&Tensor::new(ids.as_slice(), &candle_core::Device::Cpu)?)
            });
            Tensor::cat(&chunks.collect::<candle_core::Result<Vec<_>>>()?, 0)?
        }
        WordEmbeddings::Dense(t) => t.clone(),
    };
    push("embeddings.word_embeddings.weight".into(), &word)?;
    // XLM-R position ids start at pad + 1 = 2: two unused rows come first.
    let padding_rows = Tensor::zeros((2, hidden), candle_core::DType::F32, &candle_core::Device::Cpu)?;
    push("embeddings.position_embeddings.weight".into(), &Tensor::cat(&[&padding_rows, &w.positions], 0)?)?;
    push("embeddings.token_type_embeddings.weight".into(), &w.token_type.unsqueeze(0)?)?;
    let norm = |push: &mut dyn FnMut(String, &Tensor) -> candle_core::Result<()>, name: &str, n: &Norm| {
        push(format!("{name}.weight"), &n.weight)?;
        push(format!("{name}.bias"), &n.bias)
    };
    let linear = |push: &mut dyn FnMut(String, &Tensor) -> candle_core::Result<()>, name: &str, l: &Linear| {
        push(format!("{name}.weight"), &l.weight)?;
        push(format!("{name}.bias"), &l.bias)
    };
    norm(&mut push, "embeddings.LayerNorm", &w.embedding_norm)?;
    for (i, l) in w.layers.iter().enumerate() {
        let p = format!("encoder.layer.{i}");
        linear(&mut push, &format!("{p}.attention.self.query"), &l.query)?;
        linear(&mut push, &format!("{p}.attention.self.key"), &l.key)?;
        linear(&mut push, &format!("{p}.attention.self.value"), &l.value)?;
        linear(&mut push, &format!("{p}.attention.output.dense"), &l.attention_out)?;
        norm(&mut push, &format!("{p}.attention.output.LayerNorm"), &l.attention_norm)?;
        linear(&mut push, &format!("{p}.intermediate.dense"), &l.ffn_in)?;
        linear(&mut push, &format!("{p}.output.dense"), &l.ffn_out)?;
        norm(&mut push, &format!("{p}.output.LayerNorm"), &l.output_norm)?;
    }
    Ok(out)
}

/// Standard base64 with padding (RFC 4648), for the charsmap blob.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    fn check(input: &[u8], expected: &str) {
        assert_eq!(base64(input), expected, "base64 of {input:?}");
    }

    #[test]
    fn base64_rfc4648_vectors() {
        check(b"", "");
        check(b"f", "Zg==");
        check(b"fo", "Zm8=");
        check(b"foo", "Zm9v");
        check(b"foob", "Zm9vYg==");
        check(b"fooba", "Zm9vYmE=");
        check(b"foobar", "Zm9vYmFy");
    }
}
