//! Embeddings of the sentences the assistant has scored, kept across questions: the corpus's
//! sentences do not change while an index is open, and embedding them is most of what an
//! answer costs (a question's twenty best passages hold up to a hundred sentences).

use cbdkg_search::{SearchError, SearchIndex};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Past this many sentences the cache starts over (a few hundred megabytes at most would be
/// reached only by an index far larger than the bundled corpus, whose sentences number a few
/// thousand).
const MAX_SENTENCES: usize = 200_000;

/// Sentence embeddings by text, shared by every clone of an assistant.
#[derive(Default)]
pub(crate) struct SentenceCache {
    vectors: Mutex<HashMap<String, Arc<[f32]>>>,
}

impl SentenceCache {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Arc<[f32]>>> {
        // A panic elsewhere cannot leave a half-written entry: insertions are whole vectors.
        self.vectors.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Cosine similarity of `query` (embedded as a query) to each of `texts` (embedded as
    /// passages, once per text for the life of the cache), in order.
    pub(crate) fn similarities(
        &self,
        index: &SearchIndex,
        query: &str,
        texts: &[&str],
    ) -> Result<Vec<f32>, SearchError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let query = index.embed_query(query)?;
        let mut missing: Vec<&str> = {
            let cached = self.lock();
            texts.iter().copied().filter(|t| !cached.contains_key(*t)).collect()
        };
        missing.sort_unstable();
        missing.dedup();
        // Embedding runs without the lock: other questions proceed meanwhile.
        let fresh: HashMap<&str, Arc<[f32]>> =
            missing.iter().copied().zip(index.embed_passages(&missing)?.into_iter().map(Arc::from)).collect();
        let mut cached = self.lock();
        if cached.len() + fresh.len() > MAX_SENTENCES {
            cached.clear();
        }
        for (text, vector) in &fresh {
            cached.insert((*text).to_owned(), vector.clone());
        }
        let dot = |v: &[f32]| v.iter().zip(&query).map(|(a, b)| a * b).sum::<f32>();
        Ok(texts.iter().map(|t| fresh.get(t).or_else(|| cached.get(*t)).map_or(0.0, |v| dot(v))).collect())
    }
}
