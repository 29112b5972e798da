//! Tests of cbdkg-vectors: the backend-independent conformance suite, then what only one
//! backend can show (persistence and locking of the embedded store, client errors and runtime
//! safety of the server store).

mod conformance;
mod embedded;
mod fixture;
mod remote;

/// Callers share one store across axum handlers.
#[test]
fn the_store_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<cbdkg_vectors::VectorStore>();
}
