//! The conformance suite: what every backend must do, checked through `&VectorStore` only.

use std::collections::HashSet;
use std::time::Instant;

use cbdkg_vectors::{CollectionOptions, Error, Filter, Payload, Point, RemoteConfig, SearchMode, VectorStore, fields};

use crate::fixture::{self, DIM, Rng, padded};

const MODES: [SearchMode; 2] = [SearchMode::Exact, SearchMode::Approximate];

/// Runs every check against `store`, a collection of dimension [`DIM`]; each check starts by
/// emptying it. Returns the measured recall@10 of approximate against exact search.
pub fn conformance(store: &VectorStore) -> f64 {
    upsert_and_count(store);
    ranking_by_cosine(store);
    filters(store);
    k_larger_than_collection(store);
    empty_collection(store);
    delete_and_recreate(store);
    idempotent_upsert(store);
    dimension_mismatch(store);
    recall_against_exact(store)
}

#[test]
fn embedded_backend_conforms() {
    let dir = tempfile::tempdir().unwrap();
    let store = VectorStore::open_embedded(dir.path().join("vectors"), CollectionOptions::new(DIM)).unwrap();
    conformance(&store);
}

/// Runs only with `QDRANT_URL` (and optionally `QDRANT_API_KEY`) set: no server can be
/// installed from the package registries this project uses.
#[test]
fn server_backend_conforms() {
    let Ok(url) = std::env::var("QDRANT_URL") else {
        eprintln!("QDRANT_URL is not set: the server backend was not checked");
        return;
    };
    let mut config = RemoteConfig::new(url, format!("cbdkg_vectors_conformance_{}", std::process::id()));
    if let Ok(key) = std::env::var("QDRANT_API_KEY") {
        config = config.with_api_key(key);
    }
    let store = VectorStore::connect(config, CollectionOptions::new(DIM)).unwrap();
    conformance(&store);
    store.delete_all().unwrap();
}

/// Empties `store` and loads the hand-made points.
fn load_docs(store: &VectorStore) {
    store.delete_all().unwrap();
    store.upsert(&fixture::docs()).unwrap();
}

fn ids(store: &VectorStore, query: &[f32], k: usize, filter: &Filter, mode: SearchMode) -> Vec<u64> {
    store.search(query, k, filter, mode).unwrap().iter().map(|hit| hit.id).collect()
}

fn upsert_and_count(store: &VectorStore) {
    store.delete_all().unwrap();
    assert_eq!(store.count().unwrap(), 0, "{}: fresh collection", store.describe());
    let docs = fixture::docs();
    for (loaded, batch) in [(2, &docs[..2]), (6, &docs[2..])] {
        store.upsert(batch).unwrap();
        assert_eq!(store.count().unwrap(), loaded, "{}: count after upsert", store.describe());
    }
    store.delete(&[2, 99]).unwrap();
    assert_eq!(store.count().unwrap(), 5, "{}: count after deleting one known, one unknown id", store.describe());
    for mode in MODES {
        assert_eq!(ids(store, &fixture::query(), 10, &Filter::new(), mode), [1, 3, 4, 5, 6], "{mode:?}");
    }
}

fn ranking_by_cosine(store: &VectorStore) {
    load_docs(store);
    let check = |head: &[f32], expected: &[u64]| {
        for mode in MODES {
            let hits = store.search(&padded(head), 10, &Filter::new(), mode).unwrap();
            let ranked: Vec<u64> = hits.iter().map(|hit| hit.id).collect();
            assert_eq!(ranked, expected, "{}: ranking for {head:?}, {mode:?}", store.describe());
            assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "scores not descending: {hits:?}");
        }
    };
    check(&[1.0, 0.0, 0.0], &[1, 2, 3, 4, 5, 6]);
    // Cosine ignores length.
    check(&[25.0, 0.0, 0.0], &[1, 2, 3, 4, 5, 6]);
    check(&[-1.0, 0.0, 0.0], &[6, 5, 4, 3, 2, 1]);
    check(&[0.05, 1.0, 0.0], &[4, 3, 5, 2, 1, 6]);

    let hits = store.search(&fixture::query(), 6, &Filter::new(), SearchMode::Exact).unwrap();
    let expected_scores = [(1, 1.0), (3, std::f32::consts::FRAC_1_SQRT_2), (5, 0.0), (6, -1.0)];
    for (id, score) in expected_scores {
        let hit = hits.iter().find(|hit| hit.id == id).unwrap();
        assert!(
            (hit.score - score).abs() < 1e-4,
            "{}: point {id} scored {}, expected {score}",
            store.describe(),
            hit.score
        );
    }
}

fn filters(store: &VectorStore) {
    load_docs(store);
    let check = |filter: Filter, expected: &[u64]| {
        for mode in MODES {
            let found = ids(store, &fixture::query(), 10, &filter, mode);
            assert_eq!(found, expected, "{}: {filter:?}, {mode:?}", store.describe());
        }
    };
    let keyword = |field: &str, values: &[&str]| Filter::new().with_keyword(field, values.iter().copied());
    let years = |min, max| Filter::new().with_integer_range(fields::YEAR, min, max);

    check(Filter::new(), &[1, 2, 3, 4, 5, 6]);
    check(keyword(fields::DOC_TYPE, &["decision"]), &[1, 2, 6]);
    check(keyword(fields::DOC_TYPE, &["decision", "notification"]), &[1, 2, 5, 6]);
    // Several values per point: any one of them matches.
    check(keyword(fields::LANG, &["fr"]), &[2, 3]);
    check(keyword(fields::LANG, &["ar", "es"]), &[4, 5, 6]);
    // A point without the field never matches.
    check(keyword(fields::BODY, &["COP", "SBSTTA"]), &[1, 2, 3, 4, 6]);
    // Bounds are inclusive.
    check(years(Some(2016), Some(2022)), &[2, 3, 4, 6]);
    check(years(Some(2020), None), &[4, 5, 6]);
    check(years(None, Some(2010)), &[1]);
    check(years(Some(2018), Some(2018)), &[3]);
    check(keyword(fields::DOC_TYPE, &["decision"]).with_integer_range(fields::YEAR, Some(2015), None), &[2, 6]);
    check(keyword(fields::LANG, &["ar"]).with_keyword(fields::DOC_TYPE, ["recommendation"]), &[4]);
    check(keyword(fields::LANG, &["en"]).with_keyword(fields::LANG, ["fr"]), &[2]);
    // No match.
    check(keyword(fields::DOC_TYPE, &["unknown"]), &[]);
    check(keyword(fields::MEETING, &["COP-15"]), &[]);
    check(keyword(fields::DOC_TYPE, &[]), &[]);
    check(years(Some(2030), None), &[]);
    check(years(Some(2022), Some(2010)), &[]);
    check(keyword(fields::DOC_TYPE, &["notification"]).with_integer_range(fields::YEAR, None, Some(2020)), &[]);
}

fn k_larger_than_collection(store: &VectorStore) {
    load_docs(store);
    let check = |k: usize, expected: &[u64]| {
        for mode in MODES {
            assert_eq!(ids(store, &fixture::query(), k, &Filter::new(), mode), expected, "k = {k}, {mode:?}");
        }
    };
    check(0, &[]);
    check(1, &[1]);
    check(3, &[1, 2, 3]);
    check(6, &[1, 2, 3, 4, 5, 6]);
    check(1000, &[1, 2, 3, 4, 5, 6]);
}

fn empty_collection(store: &VectorStore) {
    store.delete_all().unwrap();
    assert_eq!(store.count().unwrap(), 0);
    for mode in MODES {
        assert_eq!(ids(store, &fixture::query(), 10, &Filter::new(), mode), [] as [u64; 0], "{mode:?}");
        let filter = Filter::new().with_keyword(fields::LANG, ["en"]);
        assert_eq!(ids(store, &fixture::query(), 10, &filter, mode), [] as [u64; 0], "{mode:?}");
    }
    store.flush().unwrap();
}

fn delete_and_recreate(store: &VectorStore) {
    load_docs(store);
    store.flush().unwrap();
    assert_eq!(store.count().unwrap(), 6);
    store.delete_all().unwrap();
    assert_eq!(store.count().unwrap(), 0, "{}: count after delete_all", store.describe());
    assert_eq!(store.dimension(), DIM);
    // The recreated collection has its payload indexes and accepts writes.
    store.upsert(&fixture::docs()[..3]).unwrap();
    assert_eq!(store.count().unwrap(), 3);
    let filter = Filter::new().with_keyword(fields::LANG, ["fr"]);
    assert_eq!(ids(store, &fixture::query(), 10, &filter, SearchMode::Approximate), [2, 3]);
}

fn idempotent_upsert(store: &VectorStore) {
    load_docs(store);
    store.upsert(&fixture::docs()).unwrap();
    store.upsert(&fixture::docs()[..1]).unwrap();
    assert_eq!(store.count().unwrap(), 6, "{}: same ids upserted again", store.describe());
    assert_eq!(ids(store, &fixture::query(), 10, &Filter::new(), SearchMode::Exact), [1, 2, 3, 4, 5, 6]);

    // Upserting an existing id replaces its vector and its whole payload.
    let moved = Point {
        id: 1,
        vector: padded(&[0.0, 0.0, -1.0]),
        payload: Payload::new().with_keyword(fields::DOC_TYPE, "changed"),
    };
    store.upsert(&[moved]).unwrap();
    assert_eq!(store.count().unwrap(), 6);
    for mode in MODES {
        assert_eq!(ids(store, &padded(&[0.0, 0.0, -1.0]), 1, &Filter::new(), mode), [1], "{mode:?}");
        let decisions = Filter::new().with_keyword(fields::DOC_TYPE, ["decision"]);
        assert_eq!(ids(store, &fixture::query(), 10, &decisions, mode), [2, 6], "{mode:?}");
        let english = Filter::new().with_keyword(fields::LANG, ["en"]);
        assert_eq!(ids(store, &fixture::query(), 10, &english, mode), [2], "{mode:?}");
    }
    // Duplicates inside one call: the last one wins.
    let twice = [0.5_f32, -0.5].map(|x| Point { id: 7, vector: padded(&[x, 0.5, 0.0]), payload: Payload::new() });
    store.upsert(&twice).unwrap();
    assert_eq!(store.count().unwrap(), 7);
    assert_eq!(ids(store, &padded(&[-1.0, 0.0, 0.0]), 2, &Filter::new(), SearchMode::Exact), [6, 7]);
}

fn dimension_mismatch(store: &VectorStore) {
    load_docs(store);
    let check = |result: Result<(), Error>, expected_actual: usize, vector: &str| match result {
        Err(Error::DimensionMismatch { expected, actual, vector: name, .. }) => {
            assert_eq!((expected, actual, name.as_str()), (DIM, expected_actual, vector));
        }
        other => panic!("{}: expected a dimension mismatch for {vector}, got {other:?}", store.describe()),
    };
    let short = Point { id: 10, vector: vec![1.0; 3], payload: Payload::new() };
    let long = Point { id: 11, vector: vec![1.0; DIM + 1], payload: Payload::new() };
    let good = fixture::docs().remove(0);
    check(store.upsert(&[short]), 3, "point 10");
    // One bad point in a batch: nothing is written.
    let good_then_bad = [Point { id: 12, ..good }, long];
    check(store.upsert(&good_then_bad), DIM + 1, "point 11");
    assert_eq!(store.count().unwrap(), 6, "{}: nothing written by a rejected batch", store.describe());
    for (length, mode) in [(0, SearchMode::Exact), (5, SearchMode::Approximate), (DIM * 2, SearchMode::Exact)] {
        let result = store.search(&vec![1.0; length], 10, &Filter::new(), mode).map(drop);
        check(result, length, "query vector");
    }
    let message = store.search(&[1.0], 1, &Filter::new(), SearchMode::Exact).unwrap_err().to_string();
    assert!(message.contains(&store.describe()) && message.contains("384"), "unhelpful message: {message}");
}

/// Approximate (HNSW) search against exact search on 10 000 clustered vectors and 100 queries.
fn recall_against_exact(store: &VectorStore) -> f64 {
    const POINTS: usize = 10_000;
    const QUERIES: usize = 100;
    const K: usize = 10;
    let started = Instant::now();
    store.delete_all().unwrap();
    let mut rng = Rng::new(0x00C0_FFEE);
    let centers = fixture::centers(&mut rng, 20);
    let langs = ["en", "fr", "es", "ar", "ru", "zh"];
    let points: Vec<Point> = fixture::clustered(&mut rng, &centers, POINTS, 1.0)
        .into_iter()
        .enumerate()
        .map(|(i, vector)| {
            let payload = Payload::new()
                .with_keyword(fields::LANG, langs[i % langs.len()])
                .with_integer(fields::YEAR, 1994 + (i % 31) as i64);
            Point { id: i as u64, vector, payload }
        })
        .collect();
    store.upsert(&points).unwrap();
    store.flush().unwrap();
    let loaded = started.elapsed();
    assert_eq!(store.count().unwrap(), POINTS as u64);
    if let VectorStore::Embedded(_) = store {
        // Otherwise "approximate" would be a full scan and the check would prove nothing.
        let info = store.info().unwrap();
        assert_eq!(info.indexed_vectors, POINTS as u64, "{}: HNSW index not built: {info:?}", store.describe());
    }

    let queries = fixture::clustered(&mut rng, &centers, QUERIES, 1.0);
    let mut found = 0;
    for query in &queries {
        let exact: HashSet<u64> = ids(store, query, K, &Filter::new(), SearchMode::Exact).into_iter().collect();
        let approximate = ids(store, query, K, &Filter::new(), SearchMode::Approximate);
        assert_eq!(exact.len(), K);
        found += approximate.iter().filter(|id| exact.contains(id)).count();
    }
    let recall = found as f64 / (QUERIES * K) as f64;
    eprintln!(
        "{}: recall@{K} = {recall:.4} over {QUERIES} queries, {POINTS} points of dimension {DIM} \
         (load + index {loaded:.1?}, total {:.1?})",
        store.describe(),
        started.elapsed()
    );
    assert!(recall >= 0.99, "{}: recall@{K} = {recall} < 0.99", store.describe());
    recall
}
