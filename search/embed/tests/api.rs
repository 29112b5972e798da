//! The public API's edges: empty input, errors that name the file, thread safety, and that
//! the vectors behave as e5 vectors should (cross-lingual retrieval).

mod common;

use cbdkg_embed::{EmbedError, Embedder, Kind};
use common::{cosine, model};

#[test]
fn embedder_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Embedder>();
}

#[test]
fn empty_batch_and_empty_text() {
    let m = model();
    assert!(m.embed(&[], Kind::Query).unwrap().is_empty());
    let v = m.embed(&["", " "], Kind::Passage).unwrap();
    assert_eq!(v.len(), 2);
    for x in &v {
        assert_eq!(x.len(), m.dim());
        assert!((x.iter().map(|a| a * a).sum::<f32>() - 1.0).abs() < 1e-4, "unit length");
    }
    assert_eq!(m.dim(), 384);
}

#[test]
fn batching_does_not_change_vectors() {
    let m = model();
    let texts = ["short", "a somewhat longer passage about seagrass and carbon", "中文句子", ""];
    let together = m.embed(&texts, Kind::Passage).unwrap();
    for (t, v) in texts.iter().zip(&together) {
        let alone = &m.embed(&[t], Kind::Passage).unwrap()[0];
        assert!(cosine(alone, v) > 0.99999, "{t:?} differs when batched");
    }
}

#[test]
fn query_and_passage_prefixes_differ() {
    let m = model();
    let q = &m.embed(&["protected areas"], Kind::Query).unwrap()[0];
    let p = &m.embed(&["protected areas"], Kind::Passage).unwrap()[0];
    assert!(cosine(q, p) < 0.999);
    let ids = m.token_ids("protected areas", Kind::Query).unwrap();
    assert_eq!(m.token_count("protected areas", Kind::Query), ids.len());
    assert_eq!(&ids[..4], &[0, 41, 1294, 12], "<s> ▁query : …");
}

/// `query` must rank `expected` first among the Arabic passages.
fn check(query: &str, expected: usize) {
    const PASSAGES: [&str; 4] = [
        "تؤدي غابات المانغروف دورا مهما في حماية السواحل وتوفير موائل لصغار الأسماك.",
        "تتعهد بلديتنا بزراعة عشرين ألف شجرة محلية على ضفاف النهر بحلول عام 2030.",
        "ستنظم الأمانة مناقشة عبر الإنترنت بشأن احتياجات بناء القدرات في مجال السلامة الأحيائية.",
        "ينبغي أن تشارك الشعوب الأصلية والمجتمعات المحلية مشاركة كاملة وفعالة في صنع القرار.",
    ];
    let m = model();
    let q = &m.embed(&[query], Kind::Query).unwrap()[0];
    let ps = m.embed(&PASSAGES, Kind::Passage).unwrap();
    let scores: Vec<f32> = ps.iter().map(|p| cosine(q, p)).collect();
    let best = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b])).unwrap();
    assert_eq!(best, expected, "{query}: scores {scores:?}");
}

#[test]
fn english_questions_find_arabic_paragraphs() {
    check("How do mangrove forests protect coastlines?", 0);
    check("city pledge to plant trees along the river", 1);
    check("online discussion on biosafety capacity building", 2);
    check("participation of indigenous peoples in decision-making", 3);
}

fn check_error(bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.bin");
    std::fs::write(&path, bytes).unwrap();
    let err = Embedder::load(&path).unwrap_err().to_string();
    assert!(err.contains("broken.bin") && err.contains(expected), "got `{err}`, expected `{expected}`");
}

#[test]
fn malformed_models_are_reported_with_their_file() {
    let real = std::fs::read(model().path()).unwrap();
    check_error(b"", "truncated E5S1 file while reading magic");
    check_error(b"GGUF\x03\x00\x00\x00", "does not start with `E5S1`");
    check_error(b"E5S1\x02\x00\x00\x00", "unsupported E5S1 version 2");
    check_error(&real[..20], "truncated E5S1 file while reading feed-forward size at byte 20");
    check_error(&real[..100], "truncated E5S1 file while reading piece offsets");
    check_error(&real[..4_600_000], "truncated E5S1 file while reading normalisation map");
    check_error(&real[..4_638_000], "tensor `emb.word` (Q4_0, 96014208 elements) has 54007992 bytes at offset 4638272");
    // the tensor directory sits just before the first tensor, at 4_638_272
    let patched = |from: &[u8], to: &[u8]| {
        let dir = 4_630_000..4_638_272;
        let at = real[dir.clone()].windows(from.len()).position(|w| w == from).expect("name in directory") + dir.start;
        let mut bytes = real.clone();
        bytes[at..at + to.len()].copy_from_slice(to);
        bytes
    };
    check_error(&patched(b"emb.pos\x00", b"emb.pox\x00"), "missing tensor `emb.pos`");
    check_error(&patched(b"emb.type\x00", b"emb.type\x07"), "tensor `emb.type` has unknown dtype 7");
}

#[test]
fn missing_model_says_how_to_install_it() {
    let err = Embedder::load("/nonexistent/e5-small-q4.bin").unwrap_err();
    assert!(matches!(err, EmbedError::ModelMissing { .. }));
    let msg = err.to_string();
    assert!(msg.contains("/nonexistent/e5-small-q4.bin") && msg.contains("scripts/setup"), "{msg}");
    let dir = tempfile::tempdir().unwrap();
    let err = Embedder::load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("config.json"), "{err}");
}
