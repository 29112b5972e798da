//! Which GBF targets a draft fits best: the draft embedded as a query, each target's title and
//! definition (in English, the language the KMGBF ontology states every target in, as the
//! inferred links of `src/linking.rs` use them) as a passage, compared by cosine similarity.
//! Similarities of multilingual-e5-small crowd into a narrow band, so each fit also says how
//! far it stands above the draft's mean similarity to all targets (in standard deviations), and
//! which words the draft shares with the target's text in the draft's language.

use super::CoachError;
use cbdkg_embed::{Embedder, EmbeddingCache, Kind, embed_cached};
use cbdkg_graph::model::Term;
use cbdkg_graph::{GraphStore, QueryAnswer, QueryOptions};
use cbdkg_ontologies::gbf;
use cbdkg_search::analysis::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// A GBF target with its title and definition per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GbfTarget {
    /// 1–23.
    pub number: u8,
    /// Its concept IRI (`http://metadata.cbd.int/kmgbf/target_17`).
    pub iri: String,
    /// Title per language tag (`en`, `fr`, `es` from the KMGBF ontology; `ar` from cbdkg's
    /// labels).
    pub titles: BTreeMap<String, String>,
    /// Definition (the target's full text) per language tag.
    pub definitions: BTreeMap<String, String>,
}

impl GbfTarget {
    /// The 23 targets as the graph states them (the vocabularies `cbdkg ingest` loads).
    pub fn load(store: &GraphStore) -> Result<Vec<GbfTarget>, CoachError> {
        let query = format!(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
             PREFIX dcterms: <http://purl.org/dc/terms/>
             SELECT ?t ?p ?v WHERE {{
               ?t a <{class}> .
               VALUES ?p {{ dcterms:title skos:definition skos:altLabel }}
               ?t ?p ?v .
             }}",
            class = gbf::TARGET_CLASS,
        );
        let rows = match store.query(&query, &QueryOptions::new(Duration::from_secs(30), 10_000))? {
            QueryAnswer::Solutions { rows, .. } => rows,
            QueryAnswer::Boolean(_) | QueryAnswer::Graph { .. } => Vec::new(),
        };
        let mut targets: BTreeMap<u8, GbfTarget> = BTreeMap::new();
        let mut alt_ar: BTreeMap<u8, String> = BTreeMap::new();
        for row in rows {
            let (Some(Term::NamedNode(t)), Some(Term::NamedNode(p)), Some(Term::Literal(v))) =
                (&row[0], &row[1], &row[2])
            else {
                continue;
            };
            let Some(number) = t.as_str().strip_prefix(gbf::NS).and_then(|s| s.strip_prefix("target_")) else {
                continue;
            };
            let Ok(number) = number.parse::<u8>() else { continue };
            let Some(lang) = v.language() else { continue };
            let target = targets.entry(number).or_insert_with(|| GbfTarget {
                number,
                iri: t.as_str().to_owned(),
                titles: BTreeMap::new(),
                definitions: BTreeMap::new(),
            });
            let value = v.value().trim().to_owned();
            match p.as_str().rsplit(['/', '#']).next() {
                Some("title") => {
                    target.titles.insert(lang.to_owned(), value);
                }
                Some("definition") => {
                    target.definitions.insert(lang.to_owned(), value);
                }
                // cbdkg's Arabic labels read "GBF-T10. تتم إدارة …": the code is dropped.
                Some("altLabel") if lang == "ar" => {
                    let label = value.split_once(". ").map_or(value.as_str(), |(_, rest)| rest);
                    alt_ar.insert(number, label.to_owned());
                }
                _ => {}
            }
        }
        for (number, label) in alt_ar {
            if let Some(target) = targets.get_mut(&number) {
                target.titles.entry("ar".to_owned()).or_insert(label);
            }
        }
        let targets: Vec<GbfTarget> = targets.into_values().filter(|t| t.definitions.contains_key("en")).collect();
        if targets.is_empty() {
            return Err(CoachError::NoTargets);
        }
        Ok(targets)
    }

    /// The title in `lang`, else in English.
    pub fn title(&self, lang: Lang) -> &str {
        self.titles.get(lang.code()).or_else(|| self.titles.get("en")).map_or("", String::as_str)
    }

    /// The text embedded for comparison: English title and definition.
    fn embedding_text(&self) -> String {
        let definition = self.definitions.get("en").map_or("", String::as_str);
        match self.titles.get("en") {
            Some(title) => format!("{title}. {definition}"),
            None => definition.to_owned(),
        }
    }

    /// Title and definition in `lang` (English where the language has none), for shared terms.
    fn text_in(&self, lang: Lang) -> String {
        let title = self.title(lang);
        let definition =
            self.definitions.get(lang.code()).or_else(|| self.definitions.get("en")).map_or("", String::as_str);
        format!("{title}. {definition}")
    }
}

/// How well a draft fits a GBF target, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetFit {
    /// The target's number, 1–23.
    pub number: u8,
    /// Its concept IRI.
    pub iri: String,
    /// Its title in the draft's language (English where there is none).
    pub title: String,
    /// Cosine similarity of the draft (as a query) and the target's text (as a passage).
    pub similarity: f32,
    /// How many standard deviations the similarity stands above the draft's mean similarity
    /// to all targets.
    pub standout: f32,
    /// Words of the draft found in the target's title or definition (after stemming).
    pub shared_terms: Vec<String>,
    /// Whether the draft names this target itself.
    pub declared: bool,
}

/// The GBF targets, embedded once, and the model to embed drafts with.
pub struct TargetMatcher {
    targets: Vec<GbfTarget>,
    vectors: Vec<Vec<f32>>,
    embedder: Arc<Embedder>,
}

impl std::fmt::Debug for TargetMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TargetMatcher").field("targets", &self.targets.len()).finish()
    }
}

impl TargetMatcher {
    /// Embeds the targets' texts, through the embedding cache in `cache_dir` when given.
    pub fn new(targets: Vec<GbfTarget>, embedder: Arc<Embedder>, cache_dir: Option<&Path>) -> Result<Self, CoachError> {
        let texts: Vec<String> = targets.iter().map(GbfTarget::embedding_text).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let vectors = match cache_dir {
            Some(dir) => {
                let mut cache = EmbeddingCache::open(dir, embedder.model_id())?;
                embed_cached(&embedder, &mut cache, &refs, Kind::Passage)?
            }
            None => embedder.embed(&refs, Kind::Passage)?,
        };
        Ok(Self { targets, vectors, embedder })
    }

    /// The targets.
    pub fn targets(&self) -> &[GbfTarget] {
        &self.targets
    }

    /// The `k` targets `text` (in `lang`) fits best, best first; `declared` are the targets
    /// the draft names.
    pub fn fit(&self, text: &str, lang: Lang, declared: &[u8], k: usize) -> Result<Vec<TargetFit>, CoachError> {
        let query = self.embedder.embed(&[text], Kind::Query)?.pop().unwrap_or_default();
        let scores: Vec<f32> = self.vectors.iter().map(|v| v.iter().zip(&query).map(|(a, b)| a * b).sum()).collect();
        let n = scores.len().max(1) as f32;
        let mean = scores.iter().sum::<f32>() / n;
        let sd = (scores.iter().map(|s| (s - mean).powi(2)).sum::<f32>() / n).sqrt();
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        Ok(order
            .into_iter()
            .take(k)
            .map(|i| {
                let target = &self.targets[i];
                TargetFit {
                    number: target.number,
                    iri: target.iri.clone(),
                    title: target.title(lang).to_owned(),
                    similarity: scores[i],
                    standout: if sd > f32::EPSILON { (scores[i] - mean) / sd } else { 0.0 },
                    shared_terms: shared_terms(text, &target.text_in(lang), lang),
                    declared: declared.contains(&target.number),
                }
            })
            .collect())
    }
}

/// Arabic function words the light stemmer keeps.
const ARABIC_STOP: &[&str] =
    &["في", "من", "على", "الى", "إلى", "مع", "عن", "التي", "الذي", "هذا", "هذه", "ذلك", "او", "أو"];

/// Words of `draft` whose terms (as the search analyser of `lang` makes them) are in `other`:
/// as the draft writes them, lower case, each once, at most eight.
pub(crate) fn shared_terms(draft: &str, other: &str, lang: Lang) -> Vec<String> {
    let theirs: BTreeSet<String> = lang.terms(other).into_iter().collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for token in lang.analyze(draft) {
        if !theirs.contains(&token.text) {
            continue;
        }
        let Some(word) = draft.get(token.offset_from..token.offset_to) else { continue };
        let word = word.to_lowercase();
        if word.chars().count() < 3 || ARABIC_STOP.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        if seen.insert(word.clone()) {
            out.push(word);
            if out.len() == 8 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_terms_are_the_drafts_words() {
        let check = |draft: &str, other: &str, lang: Lang, expected: &[&str]| {
            assert_eq!(shared_terms(draft, other, lang), expected, "{draft}");
        };
        check(
            "We restore degraded wetlands and restoring rivers",
            "30% of degraded areas are under effective restoration",
            Lang::En,
            &["restore", "degraded", "restoring"],
        );
        check(
            "Nous réduisons les pesticides de moitié",
            "Réduire la pollution et les risques liés aux pesticides",
            Lang::Fr,
            &["pesticides"],
        );
        check("نخفض هدر الطعام", "الحد من هدر الطعام إلى النصف", Lang::Ar, &["هدر", "الطعام"]);
    }
}
