//! The HTTP interface: [`router`] builds the whole application from its state; `cbdkg serve`
//! binds it to a socket, tests call it with `tower::ServiceExt::oneshot`.

pub mod ask;
pub mod error;
pub mod lookup;
pub mod negotiate;
pub mod pledges;
pub mod search;
mod service_description;
pub mod sparql;
pub mod targets;
pub mod units;
pub mod web;

use crate::settings::{ServerSettings, Settings};
use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::routing::{get, post};
use cbdkg_assistant::coach::PledgeCoach;
use cbdkg_graph::GraphStore;
use error::ApiError;
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

/// What every handler shares: the store, the settings, the search indexes and the assistant.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The graph store, opened for writing (updates need it).
    pub graph: GraphStore,
    /// The validated settings.
    pub settings: Arc<Settings>,
    /// The search indexes, or why there are none.
    pub search: Arc<search::SearchService>,
    /// The assistant over the same indexes and graph, or why there is none.
    pub assistant: Arc<ask::AskService>,
    /// The pledge coach.
    pub coach: Arc<PledgeCoach>,
}

impl AppState {
    /// The state of a server: the assistant and the coach are built over the search indexes
    /// and the graph.
    pub fn new(graph: GraphStore, settings: Arc<Settings>, search: search::SearchService) -> Self {
        let assistant = ask::AskService::new(&search, &graph);
        let index = match &search {
            search::SearchService::Ready { index, .. } => Some(index.clone()),
            search::SearchService::Unavailable(_) => None,
        };
        let coach = crate::coach::build(&settings, index, Some(&graph));
        Self { graph, settings, search: Arc::new(search), assistant: Arc::new(assistant), coach: Arc::new(coach) }
    }
}

/// The application: the web page (`/`, `/assets/…`), `/sparql`, `/api/search`, `/api/ask`,
/// `/api/pledges/check`, the pages' data (`/api/units`, `/api/targets`), `/healthz`, with CORS
/// and the request body limit.
pub fn router(state: AppState) -> Router {
    let server = &state.settings.server;
    Router::new()
        .route("/", get(web::index))
        .route("/assets/{*path}", get(web::file))
        .route("/sparql", get(sparql::get).post(sparql::post))
        .route("/api/search", get(search::get))
        .route("/api/ask", post(ask::post))
        .route("/api/pledges/check", post(pledges::check))
        .route("/api/units", get(units::get))
        .route("/api/targets", get(targets::get))
        .route("/healthz", get(health))
        .layer(DefaultBodyLimit::max(server.max_request_bytes))
        .layer(cors(server))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn cors(server: &ServerSettings) -> CorsLayer {
    let origins = &server.cors_allowed_origins;
    let allow_origin = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        // Validated at start: every entry is a plain origin.
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::ACCEPT, header::CONTENT_TYPE, header::AUTHORIZATION])
        .expose_headers([HeaderName::from_static("cbdkg-row-cap"), HeaderName::from_static("cbdkg-truncated")])
}

/// Runs blocking work of a handler (a query, a search) and gives its result.
///
/// On a multi-threaded runtime (`cbdkg serve`) the work runs on the handler's own thread,
/// after tokio has moved that worker's other tasks to another thread (`block_in_place`): the
/// request does not wait for a blocking-pool thread to wake up and then for a worker to be
/// woken with the result, two thread hand-offs that cost 0.1–0.3 ms per request on this
/// machine. On a current-thread runtime (handler tests) it runs on the blocking pool.
pub(crate) async fn blocking<R: Send + 'static>(
    what: &'static str,
    work: impl FnOnce() -> R + Send + 'static,
) -> Result<R, ApiError> {
    use tokio::runtime::{Handle, RuntimeFlavor};
    if Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread {
        return Ok(tokio::task::block_in_place(work));
    }
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal { message: format!("{what} task failed: {e}") })
}

/// `GET /healthz`: 200 with the store's status, 503 if the store cannot be read.
async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let graph = state.graph.clone();
    let status = blocking("health", move || graph.status()).await?.map_err(ApiError::Unhealthy)?;
    let assistant = match &*state.assistant {
        ask::AskService::Ready(_) => serde_json::json!({ "ready": true }),
        ask::AskService::Unavailable(reason) => serde_json::json!({ "ready": false, "reason": reason }),
    };
    Ok(Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "assistant": assistant,
        "store": {
            "dir": status.dir.display().to_string(),
            "read_only": status.read_only,
            "graphs": status.graphs,
        },
    })))
}
