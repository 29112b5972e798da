//! Remote backend: a collection on a Qdrant server or cluster, reached with qdrant-client.
//!
//! The client is async; this store owns a private tokio runtime and waits for each request on
//! a plain channel, so it can be called from synchronous code, from `spawn_blocking`, and even
//! from inside another runtime without "cannot start a runtime from within a runtime".

use std::collections::HashMap;
use std::future::Future;
use std::sync::mpsc;
use std::time::Duration;

use qdrant_client::qdrant::point_id::PointIdOptions;
use qdrant_client::qdrant::value::Kind;
use qdrant_client::qdrant::vectors_config::Config as VectorsConfigKind;
use qdrant_client::qdrant::{
    self as grpc, CountPointsBuilder, CreateCollectionBuilder, CreateFieldIndexCollectionBuilder, DeletePointsBuilder,
    FieldType, HnswConfigDiffBuilder, ListValue, PointStruct, PointsIdsList, Query, QueryPointsBuilder,
    SearchParamsBuilder, UpsertPointsBuilder, VectorParamsBuilder,
};
use qdrant_client::{Qdrant, QdrantError};

use crate::filter::{Condition, Filter};
use crate::options::{CollectionOptions, FieldKind, RemoteConfig, SearchMode};
use crate::payload::{PayloadValue, Point, ScoredPoint};
use crate::{Error, Result, StoreInfo};

/// Per-request timeout: index creation with `wait` and large upserts outlast the client's
/// 5-second default.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// A collection on a Qdrant server or cluster (open it with [`crate::VectorStore::connect`]).
///
/// Several handles, in any number of processes, may use the same collection at once.
pub struct RemoteStore {
    config: RemoteConfig,
    options: CollectionOptions,
    client: Qdrant,
    runtime: ClientRuntime,
}

impl std::fmt::Debug for RemoteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteStore")
            .field("config", &self.config)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl RemoteStore {
    /// Connects and opens the collection, creating it (with payload indexes) if it is missing.
    pub(crate) fn connect(config: RemoteConfig, options: CollectionOptions) -> Result<Self> {
        options.validate(&describe(&config))?;
        let runtime = ClientRuntime::new(&config)?;
        let client = Qdrant::from_url(&config.url)
            .api_key(config.api_key.clone())
            .timeout(REQUEST_TIMEOUT)
            .skip_compatibility_check()
            .build()
            .map_err(remote_error(&config, "configuring the client"))?;
        let store = Self { config, options, client, runtime };
        let client = store.client.clone();
        let name = store.config.collection.clone();
        let exists =
            store.run("checking whether the collection exists", async move { client.collection_exists(name).await })?;
        if exists {
            store.check_existing()?;
        } else {
            store.create_collection()?;
        }
        store.ensure_payload_indexes()?;
        Ok(store)
    }

    /// The server and collection.
    pub fn config(&self) -> &RemoteConfig {
        &self.config
    }

    pub(crate) fn options(&self) -> &CollectionOptions {
        &self.options
    }

    pub(crate) fn describe(&self) -> String {
        describe(&self.config)
    }

    pub(crate) fn upsert(&self, points: &[Point]) -> Result<()> {
        for batch in points.chunks(self.options.batch_size) {
            let batch: Vec<PointStruct> = batch.iter().map(grpc_point).collect();
            let request = UpsertPointsBuilder::new(&self.config.collection, batch).wait(true);
            let client = self.client.clone();
            self.run("upserting points", async move { client.upsert_points(request).await })?;
        }
        Ok(())
    }

    pub(crate) fn delete(&self, ids: &[u64]) -> Result<()> {
        for batch in ids.chunks(self.options.batch_size) {
            let ids = PointsIdsList { ids: batch.iter().map(|&id| id.into()).collect() };
            let request = DeletePointsBuilder::new(&self.config.collection).points(ids).wait(true);
            let client = self.client.clone();
            self.run("deleting points", async move { client.delete_points(request).await })?;
        }
        Ok(())
    }

    pub(crate) fn delete_all(&self) -> Result<()> {
        let client = self.client.clone();
        let name = self.config.collection.clone();
        self.run("deleting the collection", async move { client.delete_collection(name).await })?;
        self.create_collection()?;
        self.ensure_payload_indexes()
    }

    pub(crate) fn count(&self) -> Result<u64> {
        let request = CountPointsBuilder::new(&self.config.collection).exact(true);
        let client = self.client.clone();
        let response = self.run("counting points", async move { client.count(request).await })?;
        Ok(response.result.map_or(0, |result| result.count))
    }

    pub(crate) fn info(&self) -> Result<StoreInfo> {
        let info = self.collection_info()?;
        Ok(StoreInfo {
            points: info.points_count.unwrap_or(0),
            indexed_vectors: info.indexed_vectors_count.unwrap_or(0),
        })
    }

    pub(crate) fn search(
        &self,
        query: &[f32],
        k: usize,
        filter: &Filter,
        mode: SearchMode,
    ) -> Result<Vec<ScoredPoint>> {
        let params = SearchParamsBuilder::default()
            .hnsw_ef(self.options.hnsw.ef_search().max(k) as u64)
            .exact(mode == SearchMode::Exact);
        let mut request = QueryPointsBuilder::new(&self.config.collection)
            .query(Query::new_nearest(query.to_vec()))
            .limit(k as u64)
            .with_payload(false)
            .params(params);
        if !filter.conditions().is_empty() {
            request = request.filter(grpc_filter(filter));
        }
        let client = self.client.clone();
        let response = self.run("searching", async move { client.query(request).await })?;
        response
            .result
            .into_iter()
            .map(|hit| match hit.id.and_then(|id| id.point_id_options) {
                Some(PointIdOptions::Num(id)) => Ok(ScoredPoint { id, score: hit.score }),
                other => Err(Error::IncompatibleCollection {
                    store: self.describe(),
                    reason: format!("search returned point id {other:?}; this store only writes integer ids"),
                }),
            })
            .collect()
    }

    /// The server persists each acknowledged write (`wait = true`) and builds indexes in the
    /// background, so there is nothing to do.
    pub(crate) fn flush(&self) -> Result<()> {
        Ok(())
    }

    fn collection_info(&self) -> Result<grpc::CollectionInfo> {
        let client = self.client.clone();
        let name = self.config.collection.clone();
        let response = self.run("reading collection info", async move { client.collection_info(name).await })?;
        response.result.ok_or_else(|| self.incompatible("the server returned no collection info".to_owned()))
    }

    fn check_existing(&self) -> Result<()> {
        let info = self.collection_info()?;
        let vectors = info.config.and_then(|config| config.params).and_then(|params| params.vectors_config);
        let Some(VectorsConfigKind::Params(params)) = vectors.and_then(|vectors| vectors.config) else {
            return Err(self.incompatible("it has no single unnamed dense vector".to_owned()));
        };
        if params.size != self.options.dimension as u64 {
            return Err(self.incompatible(format!(
                "it has dimension {}, but dimension {} was requested",
                params.size, self.options.dimension
            )));
        }
        if params.distance != grpc::Distance::Cosine as i32 {
            let distance = grpc::Distance::try_from(params.distance).map_or("unknown", |d| d.as_str_name());
            return Err(self.incompatible(format!("it uses {distance} distance, not cosine")));
        }
        Ok(())
    }

    fn create_collection(&self) -> Result<()> {
        let hnsw = self.options.hnsw;
        let request = CreateCollectionBuilder::new(&self.config.collection)
            .vectors_config(VectorParamsBuilder::new(self.options.dimension as u64, grpc::Distance::Cosine))
            .hnsw_config(HnswConfigDiffBuilder::default().m(hnsw.m() as u64).ef_construct(hnsw.ef_construct() as u64));
        let client = self.client.clone();
        self.run("creating the collection", async move { client.create_collection(request).await })?;
        Ok(())
    }

    fn ensure_payload_indexes(&self) -> Result<()> {
        let existing = self.collection_info()?.payload_schema;
        for (field, kind) in &self.options.payload_indexes {
            if existing.contains_key(field) {
                continue;
            }
            let field_type = match kind {
                FieldKind::Keyword => FieldType::Keyword,
                FieldKind::Integer => FieldType::Integer,
            };
            let request = CreateFieldIndexCollectionBuilder::new(&self.config.collection, field, field_type).wait(true);
            let client = self.client.clone();
            self.run("creating a payload index", async move { client.create_field_index(request).await })?;
        }
        Ok(())
    }

    fn incompatible(&self, reason: String) -> Error {
        Error::IncompatibleCollection { store: self.describe(), reason }
    }

    fn run<T: Send + 'static>(
        &self,
        action: &'static str,
        request: impl Future<Output = Result<T, QdrantError>> + Send + 'static,
    ) -> Result<T> {
        self.runtime.run(request, &self.config)?.map_err(remote_error(&self.config, action))
    }
}

fn describe(config: &RemoteConfig) -> String {
    format!("Qdrant collection {:?} at {}", config.collection, config.url)
}

fn remote_error(config: &RemoteConfig, action: &'static str) -> impl FnOnce(QdrantError) -> Error {
    let (url, collection) = (config.url.clone(), config.collection.clone());
    move |source| Error::Remote { url, collection, action, source: Box::new(source) }
}

fn grpc_point(point: &Point) -> PointStruct {
    let payload: HashMap<String, grpc::Value> = point
        .payload
        .iter()
        .map(|(name, value)| {
            let value = match value {
                PayloadValue::Keywords(words) => {
                    let values = words.iter().map(|word| grpc::Value::from(word.as_str())).collect();
                    grpc::Value { kind: Some(Kind::ListValue(ListValue { values })) }
                }
                PayloadValue::Integer(n) => grpc::Value::from(*n),
            };
            (name.to_owned(), value)
        })
        .collect();
    PointStruct::new(point.id, point.vector.clone(), payload)
}

fn grpc_filter(filter: &Filter) -> grpc::Filter {
    grpc::Filter::must(filter.conditions().iter().map(|condition| match condition {
        // A Vec<String> always becomes a keyword any-of match (a lone String with spaces would
        // become a full-text match).
        Condition::Keyword { field, any_of } => grpc::Condition::matches(field.as_str(), any_of.clone()),
        Condition::IntegerRange { field, min, max } => grpc::Condition::range(
            field.as_str(),
            // Qdrant ranges are over f64, exact for |n| < 2^53 (years, counts).
            grpc::Range { gte: min.map(|n| n as f64), lte: max.map(|n| n as f64), gt: None, lt: None },
        ),
    }))
}

/// A private multi-threaded runtime that drives the client's futures.
struct ClientRuntime {
    /// Always `Some` until dropped.
    runtime: Option<tokio::runtime::Runtime>,
}

impl ClientRuntime {
    fn new(config: &RemoteConfig) -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("cbdkg-qdrant-client")
            .enable_all()
            .build()
            .map_err(|source| Error::Runtime {
                url: config.url.clone(),
                collection: config.collection.clone(),
                reason: format!("cannot start the client runtime: {source}"),
            })?;
        Ok(Self { runtime: Some(runtime) })
    }

    /// Spawns `future` on the private runtime and blocks this thread until it finishes; never
    /// enters a runtime on the calling thread, so it is safe wherever blocking is.
    fn run<T: Send + 'static>(
        &self,
        future: impl Future<Output = T> + Send + 'static,
        config: &RemoteConfig,
    ) -> Result<T> {
        let runtime = self.runtime.as_ref().ok_or_else(|| runtime_gone(config))?;
        let (sender, receiver) = mpsc::sync_channel(1);
        runtime.spawn(async move {
            // The receiver only goes away if the caller's thread died; nothing to report then.
            let _ = sender.send(future.await);
        });
        receiver.recv().map_err(|_| runtime_gone(config))
    }
}

impl Drop for ClientRuntime {
    fn drop(&mut self) {
        // `Runtime::drop` blocks, which panics inside an async context (an axum handler
        // dropping the last handle); shutting down in the background never blocks.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

fn runtime_gone(config: &RemoteConfig) -> Error {
    Error::Runtime {
        url: config.url.clone(),
        collection: config.collection.clone(),
        reason: "the request task ended without a reply (it panicked or the runtime shut down)".to_owned(),
    }
}
