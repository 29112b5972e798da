//! E5S1 → Hugging Face directory → Hugging Face loader gives the same vectors.

mod common;

use cbdkg_embed::{Embedder, Kind, write_hf_dir};
use common::{cosine, model, references};

#[test]
fn hf_directory_loader_matches_e5s1() {
    let e5s1 = model();
    let dir = tempfile::tempdir().unwrap();
    write_hf_dir(e5s1.path(), dir.path()).unwrap();
    let hf = Embedder::load(dir.path()).unwrap();
    assert_eq!(hf.dim(), e5s1.dim());
    assert_ne!(hf.model_id(), e5s1.model_id(), "different files must not share a cache");

    let refs = references();
    let mut token_diffs = Vec::new();
    for r in &refs {
        let (a, b) = (e5s1.token_ids(&r.text, r.kind).unwrap(), hf.token_ids(&r.text, r.kind).unwrap());
        if a != b {
            token_diffs.push(format!("{} ({:?}): e5s1 {a:?} hf {b:?}", r.id, r.note));
        }
    }
    println!("token ids differing between the two tokenizers: {}", token_diffs.len());
    for d in &token_diffs {
        println!("  {d}");
    }
    let mut worst = (f32::INFINITY, String::new());
    for kind in [Kind::Query, Kind::Passage] {
        let group: Vec<_> = refs.iter().filter(|r| r.kind == kind).collect();
        let texts: Vec<&str> = group.iter().map(|r| r.text.as_str()).collect();
        let a = e5s1.embed(&texts, kind).unwrap();
        let b = hf.embed(&texts, kind).unwrap();
        for ((r, x), y) in group.iter().zip(&a).zip(&b) {
            let c = cosine(x, y);
            if c < worst.0 {
                worst = (c, r.id.clone());
            }
        }
    }
    println!("HF loader vs E5S1 loader: min cosine {:.6} ({})", worst.0, worst.1);
    assert!(worst.0 >= 0.999, "HF loader diverges from E5S1: {worst:?}");
}
