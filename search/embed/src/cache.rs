//! [`EmbeddingCache`]: vectors keyed by SHA-256 of the prefixed text, one append-only file per
//! model in the caller's data directory.
//!
//! File `embeddings-<16 hex of SHA-256(model id)>.bin`:
//! header `CBDKGEMB`, u32 version 1, u16 model-id length, model id; then records of
//! key (32 bytes), u32 dimension, dimension × f32, and the first 8 bytes of SHA-256 over the
//! record so far. All integers little-endian. Records are only ever appended, in one `write`
//! followed by `fsync` per [`EmbeddingCache::flush`]; on open, a torn or corrupt tail (a crash
//! mid-append) is cut off at the last whole record. One writer per file at a time.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::embedder::{Embedder, Kind};
use crate::error::EmbedError;

const MAGIC: &[u8; 8] = b"CBDKGEMB";
const VERSION: u32 = 1;
const CHECKSUM_BYTES: usize = 8;

/// The cache key of a text: SHA-256 of the text with its kind's prefix.
pub fn cache_key(text: &str, kind: Kind) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(kind.prefix());
    h.update(text);
    h.finalize().into()
}

/// A persistent map from (model id, prefixed text) to its embedding.
#[derive(Debug)]
pub struct EmbeddingCache {
    path: PathBuf,
    model_id: String,
    vectors: HashMap<[u8; 32], Vec<f32>>,
    pending: Vec<u8>,
    file: File,
}

impl EmbeddingCache {
    /// Opens (or creates) the cache of `model_id` in `dir`, dropping a torn tail if the last
    /// append was interrupted.
    pub fn open(dir: impl AsRef<Path>, model_id: &str) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|e| EmbedError::io(dir, e))?;
        let id_hash = hex::encode(Sha256::digest(model_id.as_bytes()));
        let path = dir.join(format!("embeddings-{}.bin", &id_hash[..16]));
        let io = |e| EmbedError::io(&path, e);
        let mut file = OpenOptions::new().read(true).append(true).create(true).open(&path).map_err(io)?;
        let bytes = std::fs::read(&path).map_err(io)?;
        let header = header_bytes(model_id);
        let (vectors, valid_len) = if bytes.len() < header.len() && header.starts_with(&bytes) {
            // new, or a crash while writing the header
            (HashMap::new(), 0)
        } else if bytes.starts_with(&header) {
            parse_records(&bytes, header.len())
        } else {
            return Err(EmbedError::Cache { path, what: format!("not the cache of model `{model_id}`") });
        };
        if valid_len < bytes.len() || bytes.is_empty() {
            file.set_len(valid_len as u64).map_err(io)?;
            if valid_len == 0 {
                file.write_all(&header).map_err(io)?;
            }
            file.sync_all().map_err(io)?;
        }
        Ok(Self { path, model_id: model_id.to_owned(), vectors, pending: Vec::new(), file })
    }

    /// The model whose vectors this cache holds.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of cached vectors.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// The cached embedding of `text` as `kind`, if any.
    pub fn get(&self, text: &str, kind: Kind) -> Option<&[f32]> {
        self.vectors.get(&cache_key(text, kind)).map(Vec::as_slice)
    }

    /// Caches `vector` for `text` as `kind`; it reaches the disk at the next [`Self::flush`].
    pub fn insert(&mut self, text: &str, kind: Kind, vector: Vec<f32>) {
        let key = cache_key(text, kind);
        if self.vectors.get(&key) == Some(&vector) {
            return;
        }
        encode_record(&key, &vector, &mut self.pending);
        self.vectors.insert(key, vector);
    }

    /// Appends pending vectors to the file and syncs it.
    pub fn flush(&mut self) -> Result<(), EmbedError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let io = |e| EmbedError::io(&self.path, e);
        self.file.write_all(&self.pending).map_err(io)?;
        self.file.sync_data().map_err(io)?;
        self.pending.clear();
        Ok(())
    }
}

impl Drop for EmbeddingCache {
    fn drop(&mut self) {
        // Best effort: an error here cannot be reported; callers that care call flush().
        let _ = self.flush();
    }
}

fn header_bytes(model_id: &str) -> Vec<u8> {
    let id = model_id.as_bytes();
    let id_len = u16::try_from(id.len()).unwrap_or(u16::MAX);
    let mut out = Vec::with_capacity(14 + id.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&id_len.to_le_bytes());
    out.extend_from_slice(&id[..usize::from(id_len)]);
    out
}

fn encode_record(key: &[u8; 32], vector: &[f32], out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(key);
    out.extend_from_slice(&(vector.len() as u32).to_le_bytes());
    for v in vector {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let checksum = Sha256::digest(&out[start..]);
    out.extend_from_slice(&checksum[..CHECKSUM_BYTES]);
}

/// Whole, checksummed records from `start`, and the byte length up to the last good one.
fn parse_records(bytes: &[u8], start: usize) -> (HashMap<[u8; 32], Vec<f32>>, usize) {
    let mut vectors = HashMap::new();
    let mut pos = start;
    while let Some((key, vector, next)) = parse_record(bytes, pos) {
        vectors.insert(key, vector);
        pos = next;
    }
    (vectors, pos)
}

fn parse_record(bytes: &[u8], pos: usize) -> Option<([u8; 32], Vec<f32>, usize)> {
    let key: [u8; 32] = bytes.get(pos..pos + 32)?.try_into().ok()?;
    let dim = u32::from_le_bytes(bytes.get(pos + 32..pos + 36)?.try_into().ok()?) as usize;
    let body_end = pos.checked_add(36)?.checked_add(dim.checked_mul(4)?)?;
    let end = body_end.checked_add(CHECKSUM_BYTES)?;
    let body = bytes.get(pos..body_end)?;
    if Sha256::digest(body)[..CHECKSUM_BYTES] != *bytes.get(body_end..end)? {
        return None;
    }
    let vector = body[36..].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    Some((key, vector, end))
}

/// Embeds `texts`, reading cached vectors and computing (then caching and flushing) the rest
/// in one batch.
pub fn embed_cached(
    embedder: &Embedder,
    cache: &mut EmbeddingCache,
    texts: &[&str],
    kind: Kind,
) -> Result<Vec<Vec<f32>>, EmbedError> {
    if cache.model_id() != embedder.model_id() {
        return Err(EmbedError::Cache {
            path: cache.path().to_path_buf(),
            what: format!("holds model `{}`, not `{}`", cache.model_id(), embedder.model_id()),
        });
    }
    let mut missing: Vec<&str> = texts.iter().copied().filter(|t| cache.get(t, kind).is_none()).collect();
    missing.sort_unstable();
    missing.dedup();
    let computed = embedder.embed(&missing, kind)?;
    for (text, vector) in missing.iter().zip(computed) {
        cache.insert(text, kind, vector);
    }
    cache.flush()?;
    Ok(texts.iter().map(|t| cache.get(t, kind).map(<[f32]>::to_vec).unwrap_or_default()).collect())
}
