//! `GET /api/search`: hybrid paragraph search.
//!
//! Parameters: `q` (required), `k` (default 10), `mode` (`hybrid`, `bm25`, `vector`), and
//! filters `type`, `body`, `meeting`, `record_type`, `lang` (repeatable or comma-separated), `year_from`,
//! `year_to`. The answer is `{"hits":[…],"facets":{…},"mode":…,"took_ms":…}`.

use super::AppState;
use super::error::ApiError;
use axum::Json;
use axum::extract::{RawQuery, State};
use cbdkg_search::SearchFilter;
use cbdkg_search::hybrid::{Mode, SearchIndex, SearchRequest, SearchResponse};
use std::sync::Arc;

/// The search side of the server: the open indexes, or why there are none.
#[derive(Clone)]
pub enum SearchService {
    /// Indexes open; `model_problem` says why vector search is off, if it is.
    Ready {
        /// The indexes.
        index: Arc<SearchIndex>,
        /// Why the embedding model did not load (keyword search still answers).
        model_problem: Option<String>,
    },
    /// No usable index: every search answers 503 with this reason.
    Unavailable(String),
}

impl std::fmt::Debug for SearchService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ready { index, model_problem } => {
                f.debug_struct("Ready").field("passages", &index.len()).field("model_problem", model_problem).finish()
            }
            Self::Unavailable(reason) => f.debug_tuple("Unavailable").field(reason).finish(),
        }
    }
}

/// `GET /api/search?q=…`.
pub async fn get(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<SearchResponse>, ApiError> {
    let max_k = state.settings.search.max_k;
    let request = parse(raw.as_deref().unwrap_or(""), max_k)?;
    let (index, model_problem) = match &*state.search {
        SearchService::Ready { index, model_problem } => (index.clone(), model_problem.clone()),
        SearchService::Unavailable(reason) => {
            return Err(ApiError::SearchUnavailable { message: reason.clone() });
        }
    };
    if let (Some(problem), Mode::Hybrid | Mode::Vector) = (model_problem, request.mode) {
        return Err(ApiError::SearchUnavailable {
            message: format!("{problem}; keyword search works without the model: mode=bm25"),
        });
    }
    let response = super::blocking("search", move || index.search(&request)).await??;
    Ok(Json(response))
}

fn parse(raw: &str, max_k: usize) -> Result<SearchRequest, ApiError> {
    let invalid = |message: String| ApiError::InvalidRequest { message };
    let mut query = None;
    let mut k = 10;
    let mut mode = Mode::Hybrid;
    let mut filter = SearchFilter::default();
    for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
        let list = || value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let year = |name: &str| {
            value.trim().parse::<i32>().map_err(|_| invalid(format!("`{name}` must be a year, got {value:?}")))
        };
        match &*name {
            "q" if query.is_some() => return Err(ApiError::RepeatedParameter { name: "q" }),
            "q" => query = Some(value.trim().to_owned()),
            "k" => {
                k = value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|k| (1..=max_k).contains(k))
                    .ok_or_else(|| invalid(format!("`k` must be a number from 1 to {max_k}, got {value:?}")))?;
            }
            "mode" => {
                mode = Mode::parse(value.trim())
                    .ok_or_else(|| invalid(format!("`mode` must be hybrid, bm25 or vector, got {value:?}")))?;
            }
            "type" => filter.doc_types.extend(list()),
            "body" => filter.bodies.extend(list()),
            "meeting" => filter.meetings.extend(list()),
            "record_type" => filter.record_types.extend(list()),
            "lang" => filter.langs.extend(list()),
            "year_from" => filter.year_min = Some(year("year_from")?),
            "year_to" => filter.year_max = Some(year("year_to")?),
            other => {
                return Err(invalid(format!(
                    "unknown parameter `{other}`: expected q, k, mode, type, body, meeting, record_type, lang, year_from, year_to"
                )));
            }
        }
    }
    let query = query.ok_or_else(|| invalid("the parameter `q` (the query) is required".to_owned()))?;
    if let (Some(from), Some(to)) = (filter.year_min, filter.year_max)
        && from > to
    {
        return Err(invalid(format!("`year_from` ({from}) is after `year_to` ({to})")));
    }
    Ok(SearchRequest { query, k, mode, filter })
}
