//! What only the embedded store can show: persistence, the directory lock, reopening.

use std::path::Path;

use cbdkg_vectors::{CollectionOptions, Error, Filter, SearchMode, StoreLocation, VectorStore, fields};

use crate::fixture::{self, DIM};

fn open(dir: &Path) -> Result<VectorStore, Error> {
    VectorStore::open(&StoreLocation::Embedded(dir.to_owned()), CollectionOptions::new(DIM))
}

fn ranked(store: &VectorStore, filter: &Filter) -> Vec<u64> {
    let hits = store.search(&fixture::query(), 10, filter, SearchMode::Approximate).unwrap();
    hits.iter().map(|hit| hit.id).collect()
}

#[test]
fn reopening_finds_the_same_points() {
    // Dropping flushes too; `flush` additionally builds the indexes.
    for flush_before_close in [true, false] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("vectors");
        {
            let store = open(&dir).unwrap();
            store.upsert(&fixture::docs()).unwrap();
            store.delete(&[3]).unwrap();
            if flush_before_close {
                store.flush().unwrap();
            }
        }
        let store = open(&dir).unwrap();
        assert_eq!(store.count().unwrap(), 5, "flush_before_close = {flush_before_close}");
        assert_eq!(ranked(&store, &Filter::new()), [1, 2, 4, 5, 6], "flush_before_close = {flush_before_close}");
        let filter =
            Filter::new().with_keyword(fields::LANG, ["ar"]).with_integer_range(fields::YEAR, Some(2020), None);
        assert_eq!(ranked(&store, &filter), [4, 6], "flush_before_close = {flush_before_close}");

        // Writes after reopening persist as well.
        store.upsert(&fixture::docs()[2..3]).unwrap();
        drop(store);
        assert_eq!(open(&dir).unwrap().count().unwrap(), 6, "flush_before_close = {flush_before_close}");
    }
}

#[test]
fn delete_all_persists() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path()).unwrap();
    store.upsert(&fixture::docs()).unwrap();
    store.delete_all().unwrap();
    store.upsert(&fixture::docs()[..2]).unwrap();
    drop(store);
    assert_eq!(open(tmp.path()).unwrap().count().unwrap(), 2);
}

#[test]
fn a_second_handle_on_the_same_directory_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let first = open(tmp.path()).unwrap();
    match open(tmp.path()) {
        Err(error @ Error::Locked { .. }) => {
            let message = error.to_string();
            assert!(message.contains(&tmp.path().display().to_string()), "{message}");
            assert!(message.contains("already open"), "{message}");
        }
        other => panic!("expected Error::Locked, got {other:?}"),
    }
    drop(first);
    open(tmp.path()).expect("the lock is released when the first handle is dropped");
}

#[test]
fn reopening_with_another_dimension_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    drop(open(tmp.path()).unwrap());
    let error = VectorStore::open_embedded(tmp.path(), CollectionOptions::new(768)).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::IncompatibleCollection { .. }), "{error:?}");
    assert!(message.contains("dimension 384") && message.contains("768"), "{message}");
    assert!(message.contains(&tmp.path().display().to_string()), "{message}");
}

#[test]
fn invalid_options_are_refused() {
    let check = |options: CollectionOptions, expected: &str| {
        let tmp = tempfile::tempdir().unwrap();
        let error = VectorStore::open_embedded(tmp.path(), options).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, Error::InvalidInput { .. }) && message.contains(expected), "{message}");
    };
    check(CollectionOptions::new(0), "dimension must be at least 1");
    check(CollectionOptions::new(DIM).with_batch_size(0), "batch size");
    check(CollectionOptions::new(DIM).with_hnsw(cbdkg_vectors::HnswParams::default().with_m(0)), "HNSW");
}

#[test]
fn a_file_in_place_of_the_directory_is_an_io_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-directory");
    std::fs::write(&file, b"").unwrap();
    let error = open(&file).unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("not-a-directory"), "{error}");
}

#[test]
fn searches_run_alongside_writes_flushes_and_delete_all() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path()).unwrap();
    store.upsert(&fixture::docs()).unwrap();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..200 {
                    let hits = store.search(&fixture::query(), 3, &Filter::new(), SearchMode::Approximate).unwrap();
                    assert!(hits.len() <= 3);
                    store.count().unwrap();
                }
            });
        }
        for round in 0..10 {
            store.upsert(&fixture::docs()).unwrap();
            store.delete(&[round]).unwrap();
            store.flush().unwrap();
            if round == 5 {
                store.delete_all().unwrap();
            }
        }
    });
    store.upsert(&fixture::docs()).unwrap();
    assert_eq!(store.count().unwrap(), 6);
}
