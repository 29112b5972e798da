//! `POST /api/ask`: a grounded answer with paragraph citations.
//!
//! Body: `{"question": "…"}` (JSON). Answer: `{"answer","language","kind","citations":[{"iri",
//! "symbol","paragraph","quote"}],"abstained"}`. An empty or overlong question is 400
//! (`empty_question`, `question_too_long`), a body that is not that JSON 400 (`invalid_request`),
//! a server without search indexes or model 503 (`ask_unavailable`).

use super::AppState;
use super::error::ApiError;
use super::search::SearchService;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use cbdkg_assistant::{Answer, Assistant};
use cbdkg_graph::GraphStore;
use serde::Deserialize;
use std::sync::Arc;

/// The assistant side of the server: ready, or why not.
#[derive(Clone)]
pub enum AskService {
    /// The assistant over the server's indexes and graph.
    Ready(Arc<Assistant>),
    /// No assistant: every question answers 503 with this reason.
    Unavailable(String),
}

impl std::fmt::Debug for AskService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ready(assistant) => f.debug_tuple("Ready").field(assistant).finish(),
            Self::Unavailable(reason) => f.debug_tuple("Unavailable").field(reason).finish(),
        }
    }
}

impl AskService {
    /// The assistant over the search indexes and the graph, when search runs with its model
    /// (answers need vector similarity: keyword search alone cannot say a question is
    /// unanswerable).
    pub fn new(search: &SearchService, graph: &GraphStore) -> Self {
        match search {
            SearchService::Ready { index, model_problem: None } => {
                Self::Ready(Arc::new(Assistant::new(index.clone(), graph.clone())))
            }
            SearchService::Ready { model_problem: Some(problem), .. } => {
                Self::Unavailable(format!("answers need the embedding model: {problem}"))
            }
            SearchService::Unavailable(reason) => Self::Unavailable(reason.clone()),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AskRequest {
    question: String,
}

/// `POST /api/ask` with `{"question": "…"}`.
pub async fn post(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Answer>, ApiError> {
    let body = body.map_err(|rejection| ApiError::from_body(rejection, state.settings.server.max_request_bytes))?;
    let request: AskRequest = serde_json::from_slice(&body).map_err(|e| ApiError::InvalidRequest {
        message: format!("the body must be JSON {{\"question\": \"…\"}}: {e}"),
    })?;
    let assistant = match &*state.assistant {
        AskService::Ready(assistant) => assistant.clone(),
        AskService::Unavailable(reason) => return Err(ApiError::AskUnavailable { message: reason.clone() }),
    };
    let answer = super::blocking("ask", move || assistant.ask(&request.question)).await??;
    Ok(Json(answer))
}
