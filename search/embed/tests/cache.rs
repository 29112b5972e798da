//! The embedding cache: persistence, torn tails, model separation, and `embed_cached`.

mod common;

use std::fs::OpenOptions;

use cbdkg_embed::{EmbedError, EmbeddingCache, Kind, embed_cached};

fn vector(seed: f32) -> Vec<f32> {
    (0..384).map(|i| seed + i as f32 * 1e-3).collect()
}

/// Writes three vectors, damages the file's tail with `damage`, reopens and expects the texts
/// in `survivors` (and only them) back intact; the cache must then accept and keep new vectors.
fn check(damage: impl Fn(&std::path::Path), survivors: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let texts = ["alpha", "beta", "gamma"];
    let path = {
        let mut cache = EmbeddingCache::open(dir.path(), "model-a").unwrap();
        for (i, t) in texts.iter().enumerate() {
            cache.insert(t, Kind::Passage, vector(i as f32));
        }
        cache.flush().unwrap();
        cache.path().to_path_buf()
    };
    damage(&path);
    let mut cache = EmbeddingCache::open(dir.path(), "model-a").unwrap();
    assert_eq!(cache.len(), survivors.len(), "survivors after damage");
    for (i, t) in texts.iter().enumerate() {
        let expected = survivors.contains(t).then(|| vector(i as f32));
        assert_eq!(cache.get(t, Kind::Passage).map(<[f32]>::to_vec), expected, "{t}");
    }
    cache.insert("delta", Kind::Passage, vector(9.0));
    cache.flush().unwrap();
    drop(cache);
    let cache = EmbeddingCache::open(dir.path(), "model-a").unwrap();
    assert_eq!(cache.len(), survivors.len() + 1, "after appending to a repaired file");
    assert_eq!(cache.get("delta", Kind::Passage), Some(vector(9.0).as_slice()));
}

fn cut(bytes: u64) -> impl Fn(&std::path::Path) {
    move |p| {
        let f = OpenOptions::new().write(true).open(p).unwrap();
        let len = f.metadata().unwrap().len();
        f.set_len(len - bytes).unwrap();
    }
}

fn append(garbage: &'static [u8]) -> impl Fn(&std::path::Path) {
    move |p| {
        use std::io::Write;
        OpenOptions::new().append(true).open(p).unwrap().write_all(garbage).unwrap();
    }
}

fn flip_last_byte(p: &std::path::Path) {
    let mut bytes = std::fs::read(p).unwrap();
    *bytes.last_mut().unwrap() ^= 0xFF;
    std::fs::write(p, bytes).unwrap();
}

#[test]
fn torn_tail_is_dropped_on_open() {
    check(|_| {}, &["alpha", "beta", "gamma"]);
    check(cut(1), &["alpha", "beta"]);
    check(cut(8), &["alpha", "beta"]);
    check(cut(1000), &["alpha", "beta"]);
    check(cut(1580 + 1), &["alpha"]);
    check(append(b"\x01\x02\x03"), &["alpha", "beta", "gamma"]);
    check(append(&[0xAB; 2000]), &["alpha", "beta", "gamma"]);
    check(flip_last_byte, &["alpha", "beta"]);
}

#[test]
fn torn_header_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = EmbeddingCache::open(dir.path(), "model-a").unwrap().path().to_path_buf();
    let header = std::fs::read(&path).unwrap();
    std::fs::write(&path, &header[..5]).unwrap();
    let mut cache = EmbeddingCache::open(dir.path(), "model-a").unwrap();
    assert!(cache.is_empty());
    cache.insert("x", Kind::Query, vector(1.0));
    cache.flush().unwrap();
    drop(cache);
    assert_eq!(EmbeddingCache::open(dir.path(), "model-a").unwrap().len(), 1);
}

#[test]
fn models_and_kinds_are_kept_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = EmbeddingCache::open(dir.path(), "model-a").unwrap();
    a.insert("same text", Kind::Query, vector(1.0));
    a.flush().unwrap();
    assert_eq!(a.get("same text", Kind::Passage), None, "query and passage vectors differ");
    let b = EmbeddingCache::open(dir.path(), "model-b").unwrap();
    assert_ne!(a.path(), b.path());
    assert_eq!(b.get("same text", Kind::Query), None, "another model never reads model-a's vectors");
    // a file claiming to be model-b's cache but written by model-a is refused
    std::fs::copy(a.path(), b.path()).unwrap();
    drop(b);
    let err = EmbeddingCache::open(dir.path(), "model-b").unwrap_err();
    assert!(matches!(err, EmbedError::Cache { .. }), "{err}");
    assert!(err.to_string().contains("model-b"), "{err}");
}

#[test]
fn embed_cached_computes_once() {
    let model = common::model();
    let dir = tempfile::tempdir().unwrap();
    let texts = ["حماية الأراضي الرطبة", "wetland protection", "حماية الأراضي الرطبة"];
    let mut cache = EmbeddingCache::open(dir.path(), model.model_id()).unwrap();
    let first = embed_cached(model, &mut cache, &texts, Kind::Query).unwrap();
    assert_eq!(cache.len(), 2, "duplicates are embedded once");
    assert_eq!(first, model.embed(&texts, Kind::Query).unwrap());
    let size = std::fs::metadata(cache.path()).unwrap().len();
    drop(cache);
    let mut cache = EmbeddingCache::open(dir.path(), model.model_id()).unwrap();
    let again = embed_cached(model, &mut cache, &texts, Kind::Query).unwrap();
    assert_eq!(again, first);
    assert_eq!(std::fs::metadata(cache.path()).unwrap().len(), size, "nothing recomputed or rewritten");

    let mut other = EmbeddingCache::open(dir.path(), "another-model").unwrap();
    let err = embed_cached(model, &mut other, &texts, Kind::Query).unwrap_err();
    assert!(err.to_string().contains("another-model"), "{err}");
}
