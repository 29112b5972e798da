//! The search index of a data directory and the hybrid searcher over it.
//!
//! On disk, under `{data_dir}/index/`:
//! - `passages.json`: the passages indexed, in vector-id order, and the fingerprint of what
//!   was built (schema, model, passages). Written last, by rename: its presence says the
//!   other two are complete.
//! - `keyword/`: the tantivy index.
//! - `vectors/`: embedded Qdrant (or the vectors live in a Qdrant server's collection).
//!
//! Embeddings are cached in `{data_dir}/cache/embeddings/`, so a rebuild only embeds text it has
//! not seen with this model.

use crate::error::SearchError;
use crate::fusion::{Ranking, reciprocal_rank_fusion};
use crate::keyword::{KeywordHit, KeywordIndex};
use crate::{Passage, SearchFilter};
use cbdkg_embed::{Embedder, EmbeddingCache, Kind};
use cbdkg_vectors::{Filter, Payload, Point, SearchMode, VectorStore, fields};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Version of the on-disk layout; a change forces a rebuild.
const LAYOUT_VERSION: u32 = 2;

/// A keyword hit counts in the fusion in proportion to the square of the share of the query's
/// words it contains: an English question over Arabic paragraphs matches a few Latin words in
/// footnotes and records, high in BM25 rank but not what was asked. Squared rather than
/// linear or cubed: the best of 0–4 on the gold set (EVALS.md).
const KEYWORD_TRUST_POWER: i32 = 2;

/// Which retrievers answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Keyword and vector rankings fused.
    Hybrid,
    /// Keyword (BM25) only.
    Bm25,
    /// Vector similarity only.
    Vector,
}

impl Mode {
    /// Every mode, in the order reports show them.
    pub const ALL: [Mode; 3] = [Mode::Hybrid, Mode::Bm25, Mode::Vector];

    /// The name used on the command line and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Hybrid => "hybrid",
            Mode::Bm25 => "bm25",
            Mode::Vector => "vector",
        }
    }

    /// Parses a mode name.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// How fusion weighs the retrievers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FusionSettings {
    /// The `k` of reciprocal-rank fusion.
    pub rrf_k: u32,
    /// Weight of the keyword ranking.
    pub bm25_weight: f64,
    /// Weight of the vector ranking.
    pub vector_weight: f64,
}

impl Default for FusionSettings {
    fn default() -> Self {
        Self { rrf_k: 60, bm25_weight: 1.0, vector_weight: 1.0 }
    }
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query as the user typed it.
    pub query: String,
    /// How many hits.
    pub k: usize,
    /// Which retrievers.
    pub mode: Mode,
    /// Restrictions applied inside every retriever.
    pub filter: SearchFilter,
}

/// Why a hit matched.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Why {
    /// Query terms found in the passage (keyword retriever).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched_terms: Vec<String>,
    /// Cosine similarity between the query and the passage embeddings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// Rank (from 1) in the keyword ranking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bm25_rank: Option<usize>,
    /// BM25 score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bm25_score: Option<f32>,
    /// Rank (from 1) in the vector ranking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vector_rank: Option<usize>,
    /// The query names this decision or paragraph (`XIII/23`, `decision XIII/23 paragraph 15(g)`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exact_lookup: bool,
}

/// One hit, in the shape of DESIGN §7 (`iri`, `doc`, `symbol`, `paragraph`, `lang`, `text`,
/// `score`, `why`) plus display fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// IRI of the passage.
    pub iri: String,
    /// IRI of its document.
    pub doc: String,
    /// Symbol of the document, when known.
    pub symbol: Option<String>,
    /// Label of the paragraph.
    pub paragraph: String,
    /// Language of the text.
    pub lang: String,
    /// The passage text.
    pub text: String,
    /// Fused score (hybrid), BM25 score or cosine similarity.
    pub score: f64,
    /// Title of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Document type code (`decision`, `pledge`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// Record type, for records (`lmo`, `business`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_type: Option<String>,
    /// Enclosing section headings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub section: Vec<String>,
    /// The text with matched terms in `<b>…</b>` (HTML-escaped otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// Why it matched.
    pub why: Why,
}

/// Counts of the candidates by facet value.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// By document type.
    pub doc_type: BTreeMap<String, usize>,
    /// By body.
    pub body: BTreeMap<String, usize>,
    /// By meeting.
    pub meeting: BTreeMap<String, usize>,
    /// By record type (records only).
    pub record_type: BTreeMap<String, usize>,
    /// By year.
    pub year: BTreeMap<i32, usize>,
    /// By language.
    pub lang: BTreeMap<String, usize>,
}

impl Facets {
    fn count(&mut self, passage: &Passage) {
        let add = |map: &mut BTreeMap<String, usize>, value: &Option<String>| {
            if let Some(value) = value {
                *map.entry(value.clone()).or_default() += 1;
            }
        };
        add(&mut self.doc_type, &passage.doc_type);
        add(&mut self.body, &passage.body);
        add(&mut self.meeting, &passage.meeting);
        add(&mut self.record_type, &passage.record_type);
        if let Some(year) = passage.year {
            *self.year.entry(year).or_default() += 1;
        }
        *self.lang.entry(passage.lang.clone()).or_default() += 1;
    }
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResponse {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Facet counts over every candidate the retrievers returned (before cutting to `k`).
    pub facets: Facets,
    /// The mode that answered.
    pub mode: Mode,
    /// Wall time of the search, in milliseconds.
    pub took_ms: f64,
}

/// What [`SearchIndex::rebuild`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RebuildReport {
    /// Passages indexed.
    pub passages: usize,
    /// Passages whose embedding was computed (the rest came from the cache).
    pub embedded: usize,
    /// Nothing changed since the last build: nothing was rewritten.
    pub unchanged: bool,
    /// Seconds spent.
    pub seconds: f64,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    layout: u32,
    fingerprint: String,
    model_id: String,
    passages: Vec<Passage>,
}

/// Paths of the index files in a data directory.
#[derive(Debug, Clone)]
pub struct IndexPaths {
    /// `{data_dir}/index`.
    pub root: PathBuf,
    /// `{data_dir}/cache/embeddings`.
    pub embedding_cache: PathBuf,
}

impl IndexPaths {
    /// The index paths of a data directory.
    pub fn new(data_dir: &Path) -> Self {
        Self { root: data_dir.join("index"), embedding_cache: data_dir.join("cache").join("embeddings") }
    }

    fn manifest(&self) -> PathBuf {
        self.root.join("passages.json")
    }

    fn keyword(&self) -> PathBuf {
        self.root.join("keyword")
    }

    /// Directory of the embedded vector store.
    pub fn vectors(&self) -> PathBuf {
        self.root.join("vectors")
    }
}

/// The indexes of a data directory, open for searching.
pub struct SearchIndex {
    passages: Vec<Passage>,
    by_iri: HashMap<String, usize>,
    keyword: KeywordIndex,
    vectors: VectorStore,
    embedder: Option<Arc<Embedder>>,
    fusion: FusionSettings,
}

impl SearchIndex {
    /// Builds every index from the passages, reusing cached embeddings; does nothing when the
    /// passages and the model are those of the last build.
    pub fn rebuild(
        paths: &IndexPaths,
        passages: Vec<Passage>,
        embedder: &Embedder,
        vectors: &VectorStore,
    ) -> Result<RebuildReport, SearchError> {
        let started = Instant::now();
        let fingerprint = fingerprint(&passages, embedder.model_id())?;
        if let Ok(manifest) = read_manifest(&paths.manifest())
            && manifest.fingerprint == fingerprint
            && vectors.count()? == passages.len() as u64
        {
            return Ok(RebuildReport {
                passages: passages.len(),
                embedded: 0,
                unchanged: true,
                seconds: started.elapsed().as_secs_f64(),
            });
        }
        std::fs::create_dir_all(&paths.root).map_err(|source| SearchError::io(&paths.root, source))?;
        // The manifest goes first: a crash from here on leaves no manifest, so the index is
        // reported incomplete instead of answering from a mix of old and new.
        match std::fs::remove_file(paths.manifest()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(SearchError::io(&paths.manifest(), source)),
        }
        KeywordIndex::build(paths.keyword(), &passages)?;

        let mut cache = EmbeddingCache::open(&paths.embedding_cache, embedder.model_id())?;
        let texts: Vec<String> = passages.iter().map(Passage::embedding_text).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let before = cache.len();
        let vectors_of = cbdkg_embed::embed_cached(embedder, &mut cache, &refs, Kind::Passage)?;
        let embedded = cache.len().saturating_sub(before);

        vectors.delete_all()?;
        let points: Vec<Point> = passages
            .iter()
            .zip(vectors_of)
            .enumerate()
            .map(|(id, (passage, vector))| Point { id: id as u64, vector, payload: payload(passage) })
            .collect();
        vectors.upsert(&points)?;
        vectors.flush()?;

        let count = passages.len();
        let manifest =
            Manifest { layout: LAYOUT_VERSION, fingerprint, model_id: embedder.model_id().to_owned(), passages };
        write_manifest(&paths.manifest(), &manifest)?;
        Ok(RebuildReport { passages: count, embedded, unchanged: false, seconds: started.elapsed().as_secs_f64() })
    }

    /// Opens the indexes for searching. Without an embedder only [`Mode::Bm25`] answers.
    pub fn open(
        paths: &IndexPaths,
        vectors: VectorStore,
        embedder: Option<Arc<Embedder>>,
        fusion: FusionSettings,
    ) -> Result<Self, SearchError> {
        let manifest = read_manifest(&paths.manifest())?;
        if manifest.layout != LAYOUT_VERSION {
            return Err(SearchError::IndexOutdated { path: paths.manifest() });
        }
        if let Some(embedder) = &embedder
            && embedder.model_id() != manifest.model_id
        {
            return Err(SearchError::ModelChanged {
                indexed: manifest.model_id,
                loaded: embedder.model_id().to_owned(),
            });
        }
        let keyword = KeywordIndex::open(paths.keyword())?;
        let vector_count = vectors.count()?;
        if vector_count != manifest.passages.len() as u64 {
            return Err(SearchError::IndexIncomplete { vectors: vector_count, passages: manifest.passages.len() });
        }
        let passages = manifest.passages;
        let by_iri = passages.iter().enumerate().map(|(i, p)| (p.iri.clone(), i)).collect();
        Ok(Self { passages, by_iri, keyword, vectors, embedder, fusion })
    }

    /// Number of passages indexed.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The embedding model queries are embedded with, if it loaded.
    pub fn embedder(&self) -> Option<&Arc<Embedder>> {
        self.embedder.as_ref()
    }

    /// The passage with this IRI.
    pub fn passage(&self, iri: &str) -> Option<&Passage> {
        self.by_iri.get(iri).map(|&i| &self.passages[i])
    }

    /// Answers a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let query = request.query.trim();
        crate::keyword::check_query(query)?;
        let k = request.k.max(1);
        // Fusion needs depth: a passage ranked 30th by one retriever and 3rd by the other
        // may belong in the top 10.
        let depth = (k * 4).max(50);
        let keyword = || self.keyword.search(query, depth, &request.filter);
        let dense = || self.dense(query, depth, &request.filter);
        let (keyword, dense) = match request.mode {
            // The two retrievers at once, in the pool the encoder already runs in: the keyword
            // search (a few ms on one core) then overlaps the query's embedding instead of
            // adding to it.
            Mode::Hybrid => rayon::join(keyword, dense),
            Mode::Bm25 => (keyword(), Ok(Vec::new())),
            Mode::Vector => (Ok(Vec::new()), dense()),
        };
        let (keyword, dense) = (keyword?, dense?);

        let keyword_keys: Vec<&str> = keyword.iter().map(|h| h.iri.as_str()).collect();
        let dense_keys: Vec<&str> = dense.iter().map(|(i, _)| self.passages[*i].iri.as_str()).collect();
        let keyword_trust: Vec<f64> = keyword.iter().map(|h| f64::from(h.coverage).powi(KEYWORD_TRUST_POWER)).collect();
        let fusion = self.fusion;
        let fused = reciprocal_rank_fusion(
            &[
                Ranking { keys: &keyword_keys, weight: fusion.bm25_weight, trust: Some(&keyword_trust) },
                Ranking { keys: &dense_keys, weight: fusion.vector_weight, trust: None },
            ],
            fusion.rrf_k,
        );

        let mut facets = Facets::default();
        for fused in &fused {
            if let Some(passage) = self.passage(&fused.key) {
                facets.count(passage);
            }
        }
        let keyword_by_iri: HashMap<&str, &KeywordHit> = keyword.iter().map(|h| (h.iri.as_str(), h)).collect();
        let similarity: HashMap<&str, f32> =
            dense.iter().map(|(i, score)| (self.passages[*i].iri.as_str(), *score)).collect();

        // A passage the query names (a decision symbol, a paragraph) comes first whatever
        // the fusion says: staff typing `XIII/23 15(g)` want that paragraph.
        // Among them, the keyword index's order (named paragraph, its sub-paragraphs, then the
        // rest of the document) stands.
        let mut ordered: Vec<_> = fused.into_iter().collect();
        ordered.sort_by_key(|f| {
            let named = keyword_by_iri.get(f.key.as_str()).is_some_and(|h| h.reference.is_some());
            if named { (0, f.ranks[0].unwrap_or(usize::MAX)) } else { (1, 0) }
        });

        let hits = ordered
            .into_iter()
            .take(k)
            .filter_map(|fused| {
                let passage = self.passage(&fused.key)?;
                let keyword_hit = keyword_by_iri.get(fused.key.as_str());
                let similarity = similarity.get(fused.key.as_str()).copied();
                let score = match request.mode {
                    Mode::Hybrid => fused.score,
                    Mode::Bm25 => keyword_hit.map_or(0.0, |h| f64::from(h.score)),
                    Mode::Vector => similarity.map_or(0.0, f64::from),
                };
                Some(Hit {
                    iri: passage.iri.clone(),
                    doc: passage.doc.clone(),
                    symbol: passage.symbol.clone(),
                    paragraph: passage.paragraph.clone(),
                    lang: passage.lang.clone(),
                    text: passage.text.clone(),
                    score,
                    title: passage.title.clone(),
                    doc_type: passage.doc_type.clone(),
                    record_type: passage.record_type.clone(),
                    section: passage.section.clone(),
                    snippet: keyword_hit.and_then(|h| h.snippet.clone()),
                    why: Why {
                        matched_terms: keyword_hit.map(|h| h.matched_terms.clone()).unwrap_or_default(),
                        similarity,
                        bm25_rank: fused.ranks[0],
                        bm25_score: keyword_hit.map(|h| h.score),
                        vector_rank: fused.ranks[1],
                        exact_lookup: keyword_hit.is_some_and(|h| h.reference.is_some()),
                    },
                })
            })
            .collect();
        Ok(SearchResponse { hits, facets, mode: request.mode, took_ms: started.elapsed().as_secs_f64() * 1000.0 })
    }

    /// The `k` passages nearest in meaning to `text` (embedded as a query) under `filter`, with
    /// their cosine similarity, best first: the dense retriever alone, as linking by
    /// similarity needs it.
    pub fn nearest(&self, text: &str, k: usize, filter: &SearchFilter) -> Result<Vec<(&Passage, f32)>, SearchError> {
        Ok(self.dense(text, k, filter)?.into_iter().map(|(i, score)| (&self.passages[i], score)).collect())
    }

    /// The embedding of `text` as a query (L2-normalised), for callers that compare it with
    /// texts of their own (the assistant picks the sentence of a paragraph to quote).
    pub fn embed_query(&self, text: &str) -> Result<Vec<f32>, SearchError> {
        let embedder = self.embedder.as_ref().ok_or(SearchError::NoModel)?;
        Ok(embedder.embed(&[text], Kind::Query)?.pop().unwrap_or_default())
    }

    /// The embeddings of `texts` as passages (L2-normalised), in order.
    pub fn embed_passages(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, SearchError> {
        let embedder = self.embedder.as_ref().ok_or(SearchError::NoModel)?;
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        Ok(embedder.embed(texts, Kind::Passage)?)
    }

    /// Passage indices and cosine similarities of the nearest passages to the query.
    fn dense(&self, query: &str, depth: usize, filter: &SearchFilter) -> Result<Vec<(usize, f32)>, SearchError> {
        let embedder = self.embedder.as_ref().ok_or(SearchError::NoModel)?;
        let vector = embedder.embed(&[query], Kind::Query)?.pop().unwrap_or_default();
        let found = self.vectors.search(&vector, depth, &vector_filter(filter), SearchMode::Approximate)?;
        Ok(found
            .into_iter()
            .filter_map(|p| {
                let index = usize::try_from(p.id).ok().filter(|&i| i < self.passages.len())?;
                Some((index, p.score))
            })
            .collect())
    }
}

fn payload(passage: &Passage) -> Payload {
    let mut payload = Payload::new().with_keyword(fields::LANG, passage.lang.clone());
    for (field, value) in [
        (fields::DOC_TYPE, &passage.doc_type),
        (fields::BODY, &passage.body),
        (fields::MEETING, &passage.meeting),
        (fields::RECORD_TYPE, &passage.record_type),
    ] {
        if let Some(value) = value {
            payload = payload.with_keyword(field, value.clone());
        }
    }
    if let Some(year) = passage.year {
        payload = payload.with_integer(fields::YEAR, i64::from(year));
    }
    payload
}

/// The same restrictions as the keyword index applies, as a vector-store filter.
fn vector_filter(filter: &SearchFilter) -> Filter {
    let mut out = Filter::new();
    for (field, values) in [
        (fields::DOC_TYPE, &filter.doc_types),
        (fields::BODY, &filter.bodies),
        (fields::MEETING, &filter.meetings),
        (fields::RECORD_TYPE, &filter.record_types),
        (fields::LANG, &filter.langs),
    ] {
        if !values.is_empty() {
            out = out.with_keyword(field, values.iter().cloned());
        }
    }
    if filter.year_min.is_some() || filter.year_max.is_some() {
        out = out.with_integer_range(fields::YEAR, filter.year_min.map(i64::from), filter.year_max.map(i64::from));
    }
    out
}

fn fingerprint(passages: &[Passage], model_id: &str) -> Result<String, SearchError> {
    let mut hasher = Sha256::new();
    hasher.update(LAYOUT_VERSION.to_le_bytes());
    hasher.update(model_id.as_bytes());
    hasher.update([0]);
    hasher.update(
        serde_json::to_vec(passages)
            .map_err(|e| SearchError::Manifest { path: PathBuf::new(), message: e.to_string() })?,
    );
    Ok(hex::encode(hasher.finalize()))
}

fn read_manifest(path: &Path) -> Result<Manifest, SearchError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SearchError::NoIndex { path: path.to_owned() });
        }
        Err(source) => return Err(SearchError::io(path, source)),
    };
    serde_json::from_slice(&bytes).map_err(|e| SearchError::Manifest { path: path.to_owned(), message: e.to_string() })
}

fn write_manifest(path: &Path, manifest: &Manifest) -> Result<(), SearchError> {
    let partial = path.with_extension("json.partial");
    let bytes = serde_json::to_vec(manifest)
        .map_err(|e| SearchError::Manifest { path: path.to_owned(), message: e.to_string() })?;
    std::fs::write(&partial, bytes).map_err(|source| SearchError::io(&partial, source))?;
    std::fs::rename(&partial, path).map_err(|source| SearchError::io(path, source))
}
