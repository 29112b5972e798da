//! The search indexes of the data directory, as the settings configure them: which model,
//! which vector backend. `cbdkg reindex` (and `cbdkg ingest`) rebuild them from the graph;
//! `cbdkg search` and the server open them. A rebuild is followed by the inferred links to
//! targets, which come from the vector index.

use crate::linking::{self, LinkReport};
use crate::passages::passages_from_graph;
use crate::settings::{Settings, VectorBackend};
use anyhow::Context;
use cbdkg_embed::Embedder;
use cbdkg_graph::GraphStore;
use cbdkg_ingest::BaseIri;
use cbdkg_search::hybrid::{FusionSettings, IndexPaths, RebuildReport, SearchIndex};
use cbdkg_vectors::{CollectionOptions, RemoteConfig, VectorStore};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// Dimension of multilingual-e5-small vectors.
const DIM: usize = 384;

/// The model file or directory the settings name.
pub fn model_path(settings: &Settings) -> PathBuf {
    settings.search.model.clone().unwrap_or_else(cbdkg_embed::default_model_path)
}

/// Loads the embedding model, or says where it was looked for and how to install it.
pub fn load_embedder(settings: &Settings) -> anyhow::Result<Embedder> {
    let path = model_path(settings);
    Embedder::load(&path).with_context(|| {
        format!(
            "cannot load the embedding model from {} (run scripts/setup to install it, or set search.model)",
            path.display()
        )
    })
}

/// Opens the configured vector store.
pub fn vector_store(settings: &Settings) -> anyhow::Result<VectorStore> {
    let search = &settings.search;
    match search.vector_backend {
        VectorBackend::Embedded => {
            let dir = IndexPaths::new(&settings.data_dir).vectors();
            VectorStore::open_embedded(&dir, CollectionOptions::new(DIM)).map_err(|e| {
                let what = format!("cannot open the embedded vector store in {}", dir.display());
                if matches!(e, cbdkg_vectors::Error::Locked { .. }) {
                    anyhow::anyhow!(
                        "{what}: {e}\n  another cbdkg process (a running `cbdkg serve`?) uses this data \
                         directory: search through its /api/search, or stop it first"
                    )
                } else {
                    anyhow::Error::new(e).context(what)
                }
            })
        }
        VectorBackend::Qdrant => {
            let url = search.qdrant_url.clone().unwrap_or_default();
            let mut config = RemoteConfig::new(url.clone(), search.qdrant_collection.clone());
            if let Some(key) = &search.qdrant_api_key {
                config = config.with_api_key(key.clone());
            }
            VectorStore::connect(config, CollectionOptions::new(DIM))
                .with_context(|| format!("cannot reach the Qdrant server at {url}"))
        }
    }
}

/// What [`reindex`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Reindexed {
    /// The search indexes.
    #[serde(flatten)]
    pub index: RebuildReport,
    /// The inferred links to targets.
    pub links: LinkReport,
}

/// Rebuilds every index from the passages in the graph, then the inferred links to targets
/// (written into the graph, which must be open for writing).
pub fn reindex(settings: &Settings, graph: &GraphStore, embedder: Arc<Embedder>) -> anyhow::Result<Reindexed> {
    let base = BaseIri::new(settings.base_iri.clone())?;
    let passages = passages_from_graph(graph).context("cannot read the passages from the graph")?;
    let vectors = vector_store(settings)?;
    let paths = IndexPaths::new(&settings.data_dir);
    let index = SearchIndex::rebuild(&paths, passages, &embedder, &vectors)
        .with_context(|| format!("cannot rebuild the indexes in {}", paths.root.display()))?;
    let search = SearchIndex::open(&paths, vectors, Some(embedder), fusion(settings))
        .with_context(|| format!("cannot open the rebuilt indexes in {}", paths.root.display()))?;
    let links = linking::infer_target_links(graph, &search, &base, !index.unchanged)?;
    Ok(Reindexed { index, links })
}

fn fusion(settings: &Settings) -> FusionSettings {
    FusionSettings {
        rrf_k: settings.search.rrf_k,
        bm25_weight: settings.search.bm25_weight,
        vector_weight: settings.search.vector_weight,
    }
}

/// Opens the indexes for searching, with the model when it loads (without it, only keyword
/// search answers, and the reason is returned beside the index).
pub fn open(settings: &Settings) -> anyhow::Result<(SearchIndex, Option<anyhow::Error>)> {
    let (embedder, model_problem) = match load_embedder(settings) {
        Ok(embedder) => (Some(Arc::new(embedder)), None),
        Err(e) => (None, Some(e)),
    };
    let paths = IndexPaths::new(&settings.data_dir);
    let index = SearchIndex::open(&paths, vector_store(settings)?, embedder, fusion(settings))
        .with_context(|| format!("cannot open the search indexes in {}", paths.root.display()))?;
    Ok((index, model_problem))
}
