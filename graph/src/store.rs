//! The on-disk store: opening, loading one named graph per source, listing graphs, updates.

use crate::GraphError;
use crate::provenance::{self, GraphInfo};
use cbdkg_ingest::GraphPayload;
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::sparql::SparqlEvaluator;
use oxigraph::store::{StorageError, Store};
use std::path::{Path, PathBuf};

/// What [`GraphStore::load`] did with a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// The graph did not exist and was written.
    Inserted,
    /// The graph existed with another source hash or parser version and was replaced.
    Replaced,
    /// The graph already holds this source, parsed by this parser version: nothing was written.
    Unchanged,
}

/// A cheap summary of the store, for health checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreStatus {
    /// The store directory.
    pub dir: PathBuf,
    /// Whether the store was opened read-only.
    pub read_only: bool,
    /// Number of named graphs.
    pub graphs: usize,
}

/// The RDF store of cbdkg: oxigraph on RocksDB at `{data_dir}/graph`, one named graph per
/// source, each carrying its own provenance. Cloning is cheap and shares the store.
#[derive(Clone)]
pub struct GraphStore {
    pub(crate) store: Store,
    pub(crate) dir: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore").field("dir", &self.dir).field("read_only", &self.read_only).finish_non_exhaustive()
    }
}

impl GraphStore {
    /// Name of the store directory inside the data directory.
    pub const SUBDIR: &'static str = "graph";

    /// Opens the store of a data directory for reading and writing, creating it if missing.
    /// Only one process may hold it open so: a second one gets [`GraphError::Locked`].
    pub fn open(data_dir: impl AsRef<Path>) -> Result<Self, GraphError> {
        let dir = data_dir.as_ref().join(Self::SUBDIR);
        std::fs::create_dir_all(&dir).map_err(|source| GraphError::Io {
            action: format!("creating the graph store directory {}", dir.display()),
            source,
        })?;
        match Store::open(&dir) {
            Ok(store) => Ok(Self { store, dir, read_only: false }),
            Err(source) if is_lock_error(&source) => Err(GraphError::Locked { dir, source }),
            Err(source) => Err(GraphError::Storage { dir, action: "opening the store".into(), source }),
        }
    }

    /// Opens an existing store read-only, e.g. for `cbdkg sparql` while a server holds it open.
    /// It sees the data as of opening and never creates a store ([`GraphError::Missing`]).
    /// Meant for short-lived readers: RocksDB does not coordinate them with the writer.
    pub fn open_read_only(data_dir: impl AsRef<Path>) -> Result<Self, GraphError> {
        let dir = data_dir.as_ref().join(Self::SUBDIR);
        if !dir.join("CURRENT").is_file() {
            return Err(GraphError::Missing { dir });
        }
        let mut attempt = 1;
        loop {
            match Store::open_read_only(&dir) {
                Ok(store) => return Ok(Self { store, dir, read_only: true }),
                // A writer in another process may delete files (compaction) between our reads
                // of its manifest and of the files it lists: read again after a short pause.
                Err(source) if is_missing_file_error(&source) && attempt < READ_ONLY_OPEN_ATTEMPTS => {
                    std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
                    attempt += 1;
                }
                Err(source) => {
                    return Err(GraphError::Storage { dir, action: "opening the store read-only".into(), source });
                }
            }
        }
    }

    /// The store directory, `{data_dir}/graph`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Loads a source's payload into its named graph, with provenance.
    ///
    /// If the graph already records the same source hash and parser version, nothing is
    /// written ([`LoadOutcome::Unchanged`]). Otherwise one transaction removes the graph and
    /// writes the payload and fresh provenance: on any error the previous graph stays intact.
    pub fn load(&self, payload: &GraphPayload) -> Result<LoadOutcome, GraphError> {
        self.ensure_writable("load a graph")?;
        let graph = payload.graph.as_ref();
        if provenance::is_current(self, payload)? {
            return Ok(LoadOutcome::Unchanged);
        }
        let existed = self.graph_has_quads(graph)?;
        let action = || format!("replacing graph <{}>", graph.as_str());
        let storage = |source| GraphError::Storage { dir: self.dir.clone(), action: action(), source };
        let mut transaction = self.store.start_transaction().map_err(storage)?;
        transaction.remove_named_graph(graph).map_err(storage)?;
        let expected = GraphName::NamedNode(payload.graph.clone());
        for quad in &payload.quads {
            if quad.graph_name != expected {
                // Dropping the transaction without commit discards everything it wrote.
                return Err(GraphError::ForeignQuad { graph: graph.to_string(), quad: quad.to_string() });
            }
            transaction.insert(quad);
        }
        for quad in provenance::quads(payload) {
            transaction.insert(&quad);
        }
        transaction.commit().map_err(storage)?;
        Ok(if existed { LoadOutcome::Replaced } else { LoadOutcome::Inserted })
    }

    /// Replaces a named graph with `quads` in one transaction: for graphs a cbdkg process
    /// derives rather than parses (inferred links), which state their own provenance. Every
    /// quad must be in `graph`; on any error the previous graph stays intact.
    pub fn replace_graph(&self, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), GraphError> {
        self.ensure_writable("replace a graph")?;
        let storage = |source| GraphError::Storage {
            dir: self.dir.clone(),
            action: format!("replacing graph <{}>", graph.as_str()),
            source,
        };
        let expected = GraphName::NamedNode(graph.into_owned());
        if let Some(quad) = quads.iter().find(|q| q.graph_name != expected) {
            return Err(GraphError::ForeignQuad { graph: graph.to_string(), quad: quad.to_string() });
        }
        let mut transaction = self.store.start_transaction().map_err(storage)?;
        transaction.remove_named_graph(graph).map_err(storage)?;
        for quad in quads {
            transaction.insert(quad);
        }
        transaction.commit().map_err(storage)
    }

    /// Every named graph, with the provenance recorded by [`GraphStore::load`] where present,
    /// sorted by graph IRI.
    pub fn graphs(&self) -> Result<Vec<GraphInfo>, GraphError> {
        let mut graphs = Vec::new();
        for name in self.store.named_graphs() {
            let name = name.map_err(|source| self.storage_error("listing named graphs", source))?;
            if let NamedOrBlankNode::NamedNode(graph) = name {
                graphs.push(provenance::info(self, graph)?);
            }
        }
        graphs.sort_by(|a, b| a.graph.as_str().cmp(b.graph.as_str()));
        Ok(graphs)
    }

    /// A cheap summary of the store: it also proves the store is readable.
    pub fn status(&self) -> Result<StoreStatus, GraphError> {
        let mut graphs = 0;
        for name in self.store.named_graphs() {
            name.map_err(|source| self.storage_error("listing named graphs", source))?;
            graphs += 1;
        }
        Ok(StoreStatus { dir: self.dir.clone(), read_only: self.read_only, graphs })
    }

    /// Runs a SPARQL 1.1 update. Only for administrators: the HTTP layer guards it.
    pub fn update(&self, update: &str) -> Result<(), GraphError> {
        self.ensure_writable("run a SPARQL update")?;
        SparqlEvaluator::new()
            .parse_update(update)
            .map_err(|e| GraphError::QuerySyntax { message: e.to_string() })?
            .on_store(&self.store)
            .execute()
            .map_err(|e| GraphError::Update { message: e.to_string() })
    }

    fn graph_has_quads(&self, graph: NamedNodeRef<'_>) -> Result<bool, GraphError> {
        let first = self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))).next();
        match first {
            None => Ok(false),
            Some(Ok(_)) => Ok(true),
            Some(Err(source)) => Err(self.storage_error(&format!("reading graph <{}>", graph.as_str()), source)),
        }
    }

    fn ensure_writable(&self, action: &'static str) -> Result<(), GraphError> {
        if self.read_only {
            return Err(GraphError::ReadOnly { dir: self.dir.clone(), action });
        }
        Ok(())
    }

    pub(crate) fn storage_error(&self, action: &str, source: StorageError) -> GraphError {
        GraphError::Storage { dir: self.dir.clone(), action: action.to_owned(), source }
    }
}

/// Attempts at opening a store read-only while a writer may be compacting it.
const READ_ONLY_OPEN_ATTEMPTS: u64 = 5;

/// RocksDB reports a file listed in its manifest but gone as corruption "No such file".
fn is_missing_file_error(error: &StorageError) -> bool {
    error.to_string().contains("No such file")
}

/// RocksDB reports a held lock as an I/O error on the `LOCK` file.
fn is_lock_error(error: &StorageError) -> bool {
    let message = error.to_string();
    message.contains("lock file") || message.contains("LOCK")
}
