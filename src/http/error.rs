//! The one error type of the HTTP layer, with an explicit status and a stable code per case.
//!
//! Bodies are JSON: `{"error": {"code": "query_timeout", "message": "…", "limit_ms": 1500}}`.

use axum::Json;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cbdkg_assistant::ask::{AskError, AskErrorKind};
use cbdkg_assistant::coach::{CoachError, CoachErrorKind};
use cbdkg_graph::{GraphError, GraphErrorKind};
use cbdkg_search::{SearchError, SearchErrorKind};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The store failed or refused the operation.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The store is not usable (health check).
    #[error("the graph store is unavailable: {0}")]
    Unhealthy(GraphError),
    /// A POST without `query` or `update`.
    #[error("expected a `query` or an `update` parameter")]
    MissingOperation,
    /// Both `query` and `update`.
    #[error("give either `query` or `update`, not both")]
    QueryAndUpdate,
    /// A parameter that may appear once appeared more often.
    #[error("the parameter `{name}` may be given only once")]
    RepeatedParameter {
        /// The parameter.
        name: &'static str,
    },
    /// An update sent with GET.
    #[error("SPARQL updates must be sent with POST")]
    UpdateViaGet,
    /// The request is malformed (encoding, parameters).
    #[error("invalid request: {message}")]
    InvalidRequest {
        /// What is wrong.
        message: String,
    },
    /// A POST body of a type the protocol does not define.
    #[error(
        "unsupported Content-Type {content_type:?}: expected application/x-www-form-urlencoded, \
         application/sparql-query or application/sparql-update"
    )]
    UnsupportedMediaType {
        /// The type sent.
        content_type: String,
    },
    /// No format the client accepts can represent the answer.
    #[error("cannot represent {answer} in any media type accepted ({accept}); available: {offered}")]
    NotAcceptable {
        /// The `Accept` header (or `format` parameter).
        accept: String,
        /// "solutions", "a graph".
        answer: &'static str,
        /// The media types that could have been served.
        offered: String,
    },
    /// Updates are disabled: no admin token is configured.
    #[error("this endpoint is read-only: SPARQL updates are disabled")]
    UpdatesDisabled,
    /// An update without the right admin bearer token.
    #[error("SPARQL updates need the admin bearer token (Authorization: Bearer …)")]
    InvalidToken,
    /// The request body is over the limit.
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// A search failed or was refused.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// Search cannot answer: no index, or no model for vector search.
    #[error("search is unavailable: {message}")]
    SearchUnavailable {
        /// Why, and what to do.
        message: String,
    },
    /// A question was refused, or answering it failed.
    #[error(transparent)]
    Ask(#[from] AskError),
    /// The assistant cannot answer: no index, or no model.
    #[error("the assistant is unavailable: {message}")]
    AskUnavailable {
        /// Why, and what to do.
        message: String,
    },
    /// The pledge coach refused the draft or failed.
    #[error(transparent)]
    Coach(#[from] CoachError),
    /// An `iri` parameter that is not an absolute IRI, or could not stand in a query.
    #[error("invalid IRI {iri:?}: {message}")]
    InvalidIri {
        /// The IRI as sent.
        iri: String,
        /// What is wrong with it.
        message: String,
    },
    /// Nothing of that name: a resource the graph does not mention, a file the page lacks.
    #[error("no {what} {name} here")]
    NotFound {
        /// What was looked for ("resource", "target", "asset").
        what: &'static str,
        /// Its name or IRI.
        name: String,
    },
    /// A worker task failed (a bug).
    #[error("internal error: {message}")]
    Internal {
        /// What failed.
        message: String,
    },
}

impl ApiError {
    /// Classifies a body that could not be read.
    pub fn from_body(rejection: BytesRejection, limit: usize) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::PayloadTooLarge { limit }
        } else {
            Self::InvalidRequest { message: rejection.body_text() }
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Graph(error) => graph_status(error.kind()),
            Self::Unhealthy(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::MissingOperation
            | Self::QueryAndUpdate
            | Self::RepeatedParameter { .. }
            | Self::UpdateViaGet
            | Self::InvalidRequest { .. } => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable { .. } => StatusCode::NOT_ACCEPTABLE,
            Self::UpdatesDisabled | Self::InvalidToken => StatusCode::FORBIDDEN,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Search(error) => search_status(error.kind()),
            Self::SearchUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Ask(error) => match error.kind() {
                AskErrorKind::EmptyQuestion | AskErrorKind::QuestionTooLong => StatusCode::BAD_REQUEST,
                AskErrorKind::Search(kind) => search_status(kind),
                AskErrorKind::Graph(kind) => graph_status(kind),
            },
            Self::AskUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Coach(error) => coach_status(error.kind()),
            Self::InvalidIri { .. } => StatusCode::BAD_REQUEST,
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Graph(error) => graph_code(error.kind()),
            Self::Unhealthy(_) => "store_unavailable",
            Self::MissingOperation => "missing_operation",
            Self::QueryAndUpdate => "query_and_update",
            Self::RepeatedParameter { .. } => "repeated_parameter",
            Self::UpdateViaGet => "update_via_get",
            Self::InvalidRequest { .. } => "invalid_request",
            Self::UnsupportedMediaType { .. } => "unsupported_media_type",
            Self::NotAcceptable { .. } => "not_acceptable",
            Self::UpdatesDisabled => "updates_disabled",
            Self::InvalidToken => "invalid_token",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::Search(error) => search_code(error.kind()),
            Self::SearchUnavailable { .. } => "search_unavailable",
            Self::Ask(error) => match error.kind() {
                AskErrorKind::EmptyQuestion => "empty_question",
                AskErrorKind::QuestionTooLong => "question_too_long",
                AskErrorKind::Search(kind) => search_code(kind),
                AskErrorKind::Graph(kind) => graph_code(kind),
            },
            Self::AskUnavailable { .. } => "ask_unavailable",
            Self::Coach(error) => coach_code(error.kind()),
            Self::InvalidIri { .. } => "invalid_iri",
            Self::NotFound { .. } => "not_found",
            Self::Internal { .. } => "internal",
        }
    }
}

/// Status of each kind of store error. A query that runs out of time is 503: the service
/// could not answer it within its limit, and the body names the limit.
fn graph_status(kind: GraphErrorKind) -> StatusCode {
    match kind {
        GraphErrorKind::QuerySyntax | GraphErrorKind::InvalidGraphIri => StatusCode::BAD_REQUEST,
        // Unsupported functions or SERVICE calls, updates on missing graphs: the request's fault.
        GraphErrorKind::Evaluation | GraphErrorKind::Update => StatusCode::BAD_REQUEST,
        GraphErrorKind::ReadOnly => StatusCode::FORBIDDEN,
        GraphErrorKind::Timeout | GraphErrorKind::Missing | GraphErrorKind::Locked => StatusCode::SERVICE_UNAVAILABLE,
        GraphErrorKind::Storage | GraphErrorKind::ForeignQuad | GraphErrorKind::WrongFormat | GraphErrorKind::Io => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

fn graph_code(kind: GraphErrorKind) -> &'static str {
    match kind {
        GraphErrorKind::QuerySyntax => "query_syntax",
        GraphErrorKind::InvalidGraphIri => "invalid_graph_iri",
        GraphErrorKind::Evaluation => "query_evaluation",
        GraphErrorKind::Update => "update_failed",
        GraphErrorKind::ReadOnly => "read_only",
        GraphErrorKind::Timeout => "query_timeout",
        GraphErrorKind::Missing => "store_missing",
        GraphErrorKind::Locked => "store_locked",
        GraphErrorKind::Storage => "storage",
        GraphErrorKind::ForeignQuad => "invalid_payload",
        GraphErrorKind::WrongFormat => "wrong_format",
        GraphErrorKind::Io => "io",
    }
}

/// Status of each kind of search error: what the query did wrong is 400; an index or model
/// that is missing or stale is 503 (an operator fixes it with `cbdkg reindex`).
fn search_status(kind: SearchErrorKind) -> StatusCode {
    match kind {
        SearchErrorKind::EmptyQuery | SearchErrorKind::QueryTooLong | SearchErrorKind::InvalidQuery => {
            StatusCode::BAD_REQUEST
        }
        SearchErrorKind::NoIndex | SearchErrorKind::IndexOutdated | SearchErrorKind::NoModel => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        SearchErrorKind::Index | SearchErrorKind::Embedding | SearchErrorKind::Vectors | SearchErrorKind::Io => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

fn search_code(kind: SearchErrorKind) -> &'static str {
    match kind {
        SearchErrorKind::EmptyQuery => "empty_query",
        SearchErrorKind::QueryTooLong => "query_too_long",
        SearchErrorKind::InvalidQuery => "invalid_query",
        SearchErrorKind::NoIndex => "index_missing",
        SearchErrorKind::IndexOutdated => "index_outdated",
        SearchErrorKind::NoModel => "model_unavailable",
        SearchErrorKind::Index => "index",
        SearchErrorKind::Embedding => "embedding",
        SearchErrorKind::Vectors => "vectors",
        SearchErrorKind::Io => "io",
    }
}

/// Status of each kind of coach error: a draft that cannot be read is the request's fault;
/// the graph, model or indexes failing is the server's.
fn coach_status(kind: CoachErrorKind) -> StatusCode {
    match kind {
        CoachErrorKind::EmptyDraft
        | CoachErrorKind::TooLong
        | CoachErrorKind::InvalidPledge
        | CoachErrorKind::UnsupportedLanguage => StatusCode::BAD_REQUEST,
        CoachErrorKind::Resources => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn coach_code(kind: CoachErrorKind) -> &'static str {
    match kind {
        CoachErrorKind::EmptyDraft => "empty_draft",
        CoachErrorKind::TooLong => "draft_too_long",
        CoachErrorKind::InvalidPledge => "invalid_pledge",
        CoachErrorKind::UnsupportedLanguage => "unsupported_language",
        CoachErrorKind::Resources => "coach_failed",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(target: "http::error", code = self.code(), "{self}");
        }
        let mut error = serde_json::json!({ "code": self.code(), "message": self.to_string() });
        if let Self::Graph(GraphError::Timeout { limit }) = &self {
            error["limit_ms"] = serde_json::json!(limit.as_millis() as u64);
        }
        (status, Json(serde_json::json!({ "error": error }))).into_response()
    }
}
