//! Embedded backend: a qdrant-edge shard in a directory of the data dir.
//!
//! Layout: `<dir>/LOCK` (an advisory lock held while a handle is open) and `<dir>/shard/`
//! (qdrant-edge's WAL, segments and config).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use parking_lot::{Mutex, RwLock};
use qdrant_edge::external::ordered_float::OrderedFloat;
use qdrant_edge::{
    AnyVariants, CountRequest, CreateIndex, DEFAULT_VECTOR_NAME, Distance, EdgeConfig, EdgeShard, EdgeVectorParams,
    FieldCondition, FieldIndexOperations, HnswIndexConfig, JsonPath, Match, MatchAny, NamedQuery, OperationError,
    PayloadFieldSchema, PayloadSchemaType, PointId, PointInsertOperations, PointOperations, PointStructPersisted,
    QueryEnum, QueryRequest, Range, ScoringQuery, SearchParams, UpdateOperation, VectorStructInternal,
    VectorStructPersisted, WithPayloadInterface, WithVector,
};

use crate::filter::{Condition, Filter};
use crate::options::{CollectionOptions, FieldKind, HnswParams, SearchMode};
use crate::payload::{Point, ScoredPoint};
use crate::{Error, Result, StoreInfo};

/// Name of the lock file in the store directory.
pub(crate) const LOCK_FILE: &str = "LOCK";
/// Subdirectory holding the qdrant-edge shard.
const SHARD_DIR: &str = "shard";
/// qdrant-edge writes this file first when it creates a shard, so its presence means "a shard
/// exists here" (the constant is private in qdrant-edge).
const EDGE_CONFIG_FILE: &str = "edge_config.json";

/// An embedded Qdrant collection persisted in a directory (open it with
/// [`crate::VectorStore::open_embedded`]).
///
/// One handle per directory: a second open, from this process or another, fails with
/// [`Error::Locked`] until the first handle is dropped.
pub struct EmbeddedStore {
    dir: PathBuf,
    options: CollectionOptions,
    /// `None` only after a failed `delete_all`. Write-locked to flush and to replace the shard,
    /// because qdrant-edge's `flush` panics if an update holds its WAL lock.
    shard: RwLock<Option<EdgeShard>>,
    /// Serialises upserts, deletes, optimisation and flushes; searches never take it.
    writes: Mutex<()>,
    /// Holds the advisory lock on `<dir>/LOCK` for the handle's lifetime; declared last so it
    /// is released only after the shard has flushed on drop.
    _lock: File,
}

impl std::fmt::Debug for EmbeddedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedStore").field("dir", &self.dir).field("options", &self.options).finish_non_exhaustive()
    }
}

impl EmbeddedStore {
    /// Opens the store in `dir`, creating the directory and the collection if needed.
    pub(crate) fn open(dir: &Path, options: CollectionOptions) -> Result<Self> {
        options.validate(&dir.display().to_string())?;
        fs::create_dir_all(dir).map_err(io_error(dir, "creating the directory"))?;
        let lock = lock_directory(dir)?;
        let shard_dir = dir.join(SHARD_DIR);
        let shard = if shard_dir.join(EDGE_CONFIG_FILE).exists() {
            load_shard(dir, &shard_dir, &options)?
        } else {
            create_shard(dir, &shard_dir, &options)?
        };
        ensure_payload_indexes(dir, &shard, &options)?;
        Ok(Self { dir: dir.to_owned(), options, shard: RwLock::new(Some(shard)), writes: Mutex::new(()), _lock: lock })
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn options(&self) -> &CollectionOptions {
        &self.options
    }

    pub(crate) fn upsert(&self, points: &[Point]) -> Result<()> {
        let _writes = self.writes.lock();
        self.with_shard(|shard| {
            for batch in points.chunks(self.options.batch_size) {
                let batch = batch.iter().map(edge_point).collect();
                let operation = PointOperations::UpsertPoints(PointInsertOperations::PointsList(batch));
                shard
                    .update(UpdateOperation::PointOperation(operation))
                    .map_err(self.edge_error("upserting points"))?;
            }
            Ok(())
        })
    }

    pub(crate) fn delete(&self, ids: &[u64]) -> Result<()> {
        let _writes = self.writes.lock();
        self.with_shard(|shard| {
            for batch in ids.chunks(self.options.batch_size) {
                let ids = batch.iter().map(|&id| PointId::NumId(id)).collect();
                let operation = PointOperations::DeletePoints { ids };
                shard.update(UpdateOperation::PointOperation(operation)).map_err(self.edge_error("deleting points"))?;
            }
            Ok(())
        })
    }

    pub(crate) fn delete_all(&self) -> Result<()> {
        let _writes = self.writes.lock();
        let mut slot = self.shard.write();
        if let Some(shard) = slot.take() {
            // Dropping flushes; a panic there must not poison anything we hold.
            catch_edge_panic(&self.dir, "closing the shard", move || drop(shard))?;
        }
        let shard_dir = self.dir.join(SHARD_DIR);
        if shard_dir.exists() {
            fs::remove_dir_all(&shard_dir).map_err(io_error(&shard_dir, "removing the shard"))?;
        }
        let shard = create_shard(&self.dir, &shard_dir, &self.options)?;
        ensure_payload_indexes(&self.dir, &shard, &self.options)?;
        *slot = Some(shard);
        Ok(())
    }

    pub(crate) fn count(&self) -> Result<u64> {
        self.with_shard(|shard| {
            let request = CountRequest { filter: None, exact: true };
            let count = shard.count(request).map_err(self.edge_error("counting points"))?;
            Ok(count as u64)
        })
    }

    pub(crate) fn info(&self) -> Result<StoreInfo> {
        self.with_shard(|shard| {
            let info = shard.info();
            Ok(StoreInfo { points: info.points_count as u64, indexed_vectors: info.indexed_vectors_count as u64 })
        })
    }

    pub(crate) fn search(
        &self,
        query: &[f32],
        k: usize,
        filter: &Filter,
        mode: SearchMode,
    ) -> Result<Vec<ScoredPoint>> {
        let filter = self.edge_filter(filter)?;
        let params = SearchParams {
            hnsw_ef: Some(self.options.hnsw.ef_search().max(k)),
            exact: mode == SearchMode::Exact,
            quantization: None,
            indexed_only: false,
            acorn: None,
        };
        let request = QueryRequest {
            prefetches: Vec::new(),
            query: Some(ScoringQuery::Vector(QueryEnum::Nearest(NamedQuery::default_dense(query.to_vec())))),
            filter,
            score_threshold: None,
            limit: k,
            offset: 0,
            params: Some(params),
            with_vector: WithVector::Bool(false),
            with_payload: WithPayloadInterface::Bool(false),
        };
        let hits = self.with_shard(|shard| shard.query(request).map_err(self.edge_error("searching")))?;
        hits.into_iter()
            .map(|hit| match hit.id {
                PointId::NumId(id) => Ok(ScoredPoint { id, score: hit.score }),
                PointId::Uuid(uuid) => Err(Error::IncompatibleCollection {
                    store: self.dir.display().to_string(),
                    reason: format!("point id {uuid} is a UUID; this store only writes integer ids"),
                }),
            })
            .collect()
    }

    /// Builds HNSW and payload indexes for everything written so far, then writes all
    /// segments and the WAL to disk. Searches wait only for the final disk flush.
    pub(crate) fn flush(&self) -> Result<()> {
        let _writes = self.writes.lock();
        self.with_shard(|shard| {
            shard.optimize().map_err(self.edge_error("building indexes"))?;
            // Segments created by the optimiser start without payload indexes.
            ensure_payload_indexes(&self.dir, shard, &self.options)
        })?;
        let slot = self.shard.write();
        let shard = slot.as_ref().ok_or_else(|| Error::Closed { path: self.dir.clone() })?;
        catch_edge_panic(&self.dir, "flushing to disk", || shard.flush())
    }

    fn with_shard<T>(&self, f: impl FnOnce(&EdgeShard) -> Result<T>) -> Result<T> {
        let slot = self.shard.read();
        let shard = slot.as_ref().ok_or_else(|| Error::Closed { path: self.dir.clone() })?;
        f(shard)
    }

    fn edge_error(&self, action: &'static str) -> impl FnOnce(OperationError) -> Error + '_ {
        move |source| Error::Embedded { path: self.dir.clone(), action, source: Box::new(source) }
    }

    fn edge_filter(&self, filter: &Filter) -> Result<Option<qdrant_edge::Filter>> {
        if filter.conditions().is_empty() {
            return Ok(None);
        }
        let must = filter
            .conditions()
            .iter()
            .map(|condition| {
                let field = match condition {
                    Condition::Keyword { field, .. } | Condition::IntegerRange { field, .. } => field,
                };
                let key = json_path(&self.dir, field)?;
                let field_condition = match condition {
                    Condition::Keyword { any_of, .. } => {
                        let any = AnyVariants::Strings(any_of.iter().cloned().collect());
                        FieldCondition::new_match(key, Match::Any(MatchAny { any }))
                    }
                    Condition::IntegerRange { min, max, .. } => {
                        // Qdrant ranges are over f64, exact for |n| < 2^53 (years, counts).
                        let bound = |n: &Option<i64>| n.map(|n| OrderedFloat(n as f64));
                        FieldCondition::new_range(key, Range { gte: bound(min), lte: bound(max), gt: None, lt: None })
                    }
                };
                Ok(qdrant_edge::Condition::Field(field_condition))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(qdrant_edge::Filter { must: Some(must), should: None, min_should: None, must_not: None }))
    }
}

fn lock_directory(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path, "opening the lock file"))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(Error::Locked { path: dir.to_owned() }),
        Err(TryLockError::Error(source)) => Err(Error::Io { path, action: "locking the lock file", source }),
    }
}

fn edge_config(options: &CollectionOptions) -> EdgeConfig {
    let vector =
        EdgeVectorParams::builder(options.dimension, Distance::Cosine).on_disk(options.vectors_on_disk).build();
    EdgeConfig::builder().vector(DEFAULT_VECTOR_NAME, vector).hnsw_config(hnsw_config(options.hnsw)).build()
}

fn hnsw_config(params: HnswParams) -> HnswIndexConfig {
    HnswIndexConfig { m: params.m(), ef_construct: params.ef_construct(), ..HnswIndexConfig::default() }
}

fn create_shard(dir: &Path, shard_dir: &Path, options: &CollectionOptions) -> Result<EdgeShard> {
    fs::create_dir_all(shard_dir).map_err(io_error(shard_dir, "creating the shard directory"))?;
    EdgeShard::new(shard_dir, edge_config(options)).map_err(|source| Error::Embedded {
        path: dir.to_owned(),
        action: "creating the collection",
        source: Box::new(source),
    })
}

fn load_shard(dir: &Path, shard_dir: &Path, options: &CollectionOptions) -> Result<EdgeShard> {
    let shard = EdgeShard::load(shard_dir, None).map_err(|source| Error::Embedded {
        path: dir.to_owned(),
        action: "loading the collection",
        source: Box::new(source),
    })?;
    let incompatible = |reason: String| Error::IncompatibleCollection { store: dir.display().to_string(), reason };
    let (hnsw_differs, vector) = {
        let config = shard.config();
        let hnsw_differs = config.hnsw_config != hnsw_config(options.hnsw);
        (hnsw_differs, config.vectors.get(DEFAULT_VECTOR_NAME).cloned())
    };
    let vector = vector.ok_or_else(|| incompatible("it has no unnamed dense vector".to_owned()))?;
    if vector.size != options.dimension {
        return Err(incompatible(format!(
            "it has dimension {}, but dimension {} was requested",
            vector.size, options.dimension
        )));
    }
    if vector.distance != Distance::Cosine {
        return Err(incompatible(format!("it uses {:?} distance, not cosine", vector.distance)));
    }
    if hnsw_differs {
        // The optimiser rebuilds mismatching HNSW indexes on the next flush.
        shard.set_hnsw_config(hnsw_config(options.hnsw)).map_err(|source| Error::Embedded {
            path: dir.to_owned(),
            action: "updating HNSW parameters",
            source: Box::new(source),
        })?;
    }
    Ok(shard)
}

/// Creates the configured payload indexes on every segment that lacks them; qdrant-edge skips
/// segments that already have them, so this is cheap to repeat.
fn ensure_payload_indexes(dir: &Path, shard: &EdgeShard, options: &CollectionOptions) -> Result<()> {
    for (field, kind) in &options.payload_indexes {
        let schema = match kind {
            FieldKind::Keyword => PayloadSchemaType::Keyword,
            FieldKind::Integer => PayloadSchemaType::Integer,
        };
        let index = CreateIndex {
            field_name: json_path(dir, field)?,
            field_schema: Some(PayloadFieldSchema::FieldType(schema)),
        };
        let operation = UpdateOperation::FieldIndexOperation(FieldIndexOperations::CreateIndex(index));
        shard.update(operation).map_err(|source| Error::Embedded {
            path: dir.to_owned(),
            action: "creating a payload index",
            source: Box::new(source),
        })?;
    }
    Ok(())
}

fn json_path(dir: &Path, field: &str) -> Result<JsonPath> {
    JsonPath::try_from(field).map_err(|_| Error::InvalidInput {
        store: dir.display().to_string(),
        reason: format!("payload field name {field:?} is not a valid Qdrant key"),
    })
}

fn edge_point(point: &Point) -> PointStructPersisted {
    PointStructPersisted {
        id: PointId::NumId(point.id),
        vector: VectorStructPersisted::from(VectorStructInternal::Single(point.vector.clone())),
        payload: Some(qdrant_edge::Payload(point.payload.to_json())),
    }
}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_owned();
    move |source| Error::Io { path, action, source }
}

/// qdrant-edge's `flush` (also run on drop) reports failures by panicking; turn that into an
/// error so that a full disk does not take down an HTTP server.
fn catch_edge_panic(dir: &Path, action: &'static str, f: impl FnOnce()) -> Result<()> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Error::EmbeddedPanic { path: dir.to_owned(), action, message }
    })
}
