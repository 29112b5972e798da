//! The server store without a server: errors name the URL and collection, and the blocking
//! API is safe to call from inside an async runtime.

use cbdkg_vectors::{CollectionOptions, Error, RemoteConfig, VectorStore};

use crate::fixture::DIM;

/// Nothing listens on port 1 of the loopback interface, so connecting fails at once.
fn unreachable() -> RemoteConfig {
    RemoteConfig::new("http://127.0.0.1:1", "cbdkg_unreachable").with_api_key("secret-key")
}

fn check_connect_error(result: Result<VectorStore, Error>) {
    let error = result.unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::Remote { .. }), "{error:?}");
    assert!(message.contains("http://127.0.0.1:1") && message.contains("cbdkg_unreachable"), "{message}");
    assert!(!message.contains("secret-key") && !format!("{error:?}").contains("secret-key"), "{error:?}");
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    check_connect_error(VectorStore::connect(unreachable(), CollectionOptions::new(DIM)));
}

#[test]
fn the_blocking_api_works_inside_an_async_runtime() {
    // As from an axum handler, without spawn_blocking: must not panic with "cannot start a
    // runtime from within a runtime", nor when the private runtime is dropped in async context.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async { check_connect_error(VectorStore::connect(unreachable(), CollectionOptions::new(DIM))) });
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let handle = runtime.spawn_blocking(|| VectorStore::connect(unreachable(), CollectionOptions::new(DIM)));
    check_connect_error(runtime.block_on(handle).unwrap());
}

#[test]
fn the_api_key_is_not_printed() {
    let debug = format!("{:?}", unreachable());
    assert!(!debug.contains("secret-key") && debug.contains("redacted"), "{debug}");
}
