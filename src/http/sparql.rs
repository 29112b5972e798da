//! `/sparql`: the SPARQL 1.1 Protocol (query by GET and POST, update by POST with the admin
//! token), the service description, limits announced in headers.

use super::error::ApiError;
use super::negotiate::{GRAPH_OFFERS, Negotiated, RESULTS_OFFERS};
use super::service_description;
use super::{AppState, blocking};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cbdkg_graph::{QueryAnswer, QueryOptions};

/// Response header announcing the row cap applied to every query.
pub const ROW_CAP_HEADER: HeaderName = HeaderName::from_static("cbdkg-row-cap");
/// Response header present (`true`) when the row cap cut the answer.
pub const TRUNCATED_HEADER: HeaderName = HeaderName::from_static("cbdkg-truncated");

/// `GET /sparql?query=…`, or the service description without a query.
pub async fn get(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let params = Params::parse(raw.as_deref().unwrap_or_default().as_bytes());
    let result = match (params.one("query"), params.contains("update")) {
        (_, true) => Err(ApiError::UpdateViaGet),
        (Err(error), false) => Err(error),
        (Ok(None), false) => return service_description::response(&state, &headers),
        (Ok(Some(query)), false) => run_query(&state, &headers, query, &params).await,
    };
    with_row_cap(&state, result)
}

/// `POST /sparql`: a form with `query` or `update`, or a bare `application/sparql-query` or
/// `application/sparql-update` body.
pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let limit = state.settings.server.max_request_bytes;
    let url_params = Params::parse(raw.as_deref().unwrap_or_default().as_bytes());
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return ApiError::from_body(rejection, limit).into_response(),
    };
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            let mut params = Params::parse(&body);
            params.extend(url_params);
            match (params.one("query"), params.one("update")) {
                (Err(error), _) | (_, Err(error)) => error.into_response(),
                (Ok(Some(query)), Ok(None)) => with_row_cap(&state, run_query(&state, &headers, query, &params).await),
                (Ok(None), Ok(Some(update))) => into_response(run_update(&state, &headers, update).await),
                (Ok(Some(_)), Ok(Some(_))) => ApiError::QueryAndUpdate.into_response(),
                (Ok(None), Ok(None)) => ApiError::MissingOperation.into_response(),
            }
        }
        "application/sparql-query" => match utf8(body) {
            Ok(query) => with_row_cap(&state, run_query(&state, &headers, query, &url_params).await),
            Err(error) => error.into_response(),
        },
        "application/sparql-update" => match utf8(body) {
            Ok(update) => into_response(run_update(&state, &headers, update).await),
            Err(error) => error.into_response(),
        },
        _ => ApiError::UnsupportedMediaType { content_type }.into_response(),
    }
}

/// A serialised answer.
struct Rendered {
    content_type: String,
    body: Vec<u8>,
    truncated: bool,
}

async fn run_query(
    state: &AppState,
    headers: &HeaderMap,
    query: String,
    params: &Params,
) -> Result<Response, ApiError> {
    let accept = headers.get(axum::http::header::ACCEPT).and_then(|v| v.to_str().ok());
    let formats = Negotiated::new(accept, &params.all("format"));
    if formats.results.is_none() && formats.graph.is_none() {
        let offers = format!("{}, {}", offered(RESULTS_OFFERS), offered(GRAPH_OFFERS));
        return Err(not_acceptable(accept, params, "any answer", offers));
    }
    let mut options = QueryOptions::new(state.settings.query_timeout(), state.settings.sparql.row_cap);
    options.default_graph_uris = params.all("default-graph-uri").into_iter().map(str::to_owned).collect();
    options.named_graph_uris = params.all("named-graph-uri").into_iter().map(str::to_owned).collect();
    let graph = state.graph.clone();
    let accept = accept.map(str::to_owned);
    let format_params: Vec<String> = params.all("format").into_iter().map(str::to_owned).collect();
    // Evaluation blocks: it runs off the async workers (`blocking`), and the time limit frees
    // the thread.
    let rendered = blocking("query", move || -> Result<Rendered, ApiError> {
        let answer = graph.query(&query, &options)?;
        render(&answer, formats, || describe_accept(accept.as_deref(), &format_params))
    })
    .await??;
    let mut response = (StatusCode::OK, rendered.body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&rendered.content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    headers.insert(VARY, HeaderValue::from_static("accept"));
    if rendered.truncated {
        headers.insert(TRUNCATED_HEADER, HeaderValue::from_static("true"));
    }
    Ok(response)
}

fn render(answer: &QueryAnswer, formats: Negotiated, accept: impl Fn() -> String) -> Result<Rendered, ApiError> {
    let truncated = answer.truncated();
    if answer.is_graph() {
        let Some(choice) = formats.graph else {
            return Err(ApiError::NotAcceptable {
                accept: accept(),
                answer: "a graph",
                offered: offered(GRAPH_OFFERS),
            });
        };
        let body = answer.write_graph(choice.format.rdf_format(), Vec::new())?;
        Ok(Rendered { content_type: choice.content_type(), body, truncated })
    } else {
        let Some(choice) = formats.results else {
            return Err(ApiError::NotAcceptable {
                accept: accept(),
                answer: "solutions",
                offered: offered(RESULTS_OFFERS),
            });
        };
        let body = answer.write_results(choice.format, Vec::new())?;
        Ok(Rendered { content_type: choice.content_type(), body, truncated })
    }
}

fn not_acceptable(accept: Option<&str>, params: &Params, answer: &'static str, offered: String) -> ApiError {
    let format_params: Vec<String> = params.all("format").into_iter().map(str::to_owned).collect();
    ApiError::NotAcceptable { accept: describe_accept(accept, &format_params), answer, offered }
}

fn describe_accept(accept: Option<&str>, format_params: &[String]) -> String {
    match (accept, format_params.is_empty()) {
        (_, false) => format!("format={}", format_params.join(",")),
        (Some(accept), true) => format!("Accept: {accept}"),
        (None, true) => "no Accept header".to_owned(),
    }
}

fn offered<T>(offers: &[(&str, T)]) -> String {
    offers.iter().map(|(media_type, _)| *media_type).collect::<Vec<_>>().join(", ")
}

async fn run_update(state: &AppState, headers: &HeaderMap, update: String) -> Result<Response, ApiError> {
    authorize(state.settings.sparql.admin_token.as_deref(), headers)?;
    let graph = state.graph.clone();
    blocking("update", move || graph.update(&update)).await??;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Updates need `Authorization: Bearer TOKEN` matching the configured admin token.
fn authorize(admin_token: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = admin_token else {
        return Err(ApiError::UpdatesDisabled);
    };
    let given = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match given {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(ApiError::InvalidToken),
    }
}

/// Compares without an early exit, so response time does not reveal a matching prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn with_row_cap(state: &AppState, result: Result<Response, ApiError>) -> Response {
    let mut response = into_response(result);
    response.headers_mut().insert(ROW_CAP_HEADER, HeaderValue::from(state.settings.sparql.row_cap));
    response
}

fn into_response(result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
}

fn utf8(body: Bytes) -> Result<String, ApiError> {
    String::from_utf8(body.to_vec()).map_err(|e| ApiError::InvalidRequest {
        message: format!("the body is not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
    })
}

/// URL-encoded parameters, in order, repeated names kept.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(bytes: &[u8]) -> Self {
        Self(form_urlencoded::parse(bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    fn extend(&mut self, other: Params) {
        self.0.extend(other.0);
    }

    fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The value of a parameter that may be given at most once.
    fn one(&self, name: &'static str) -> Result<Option<String>, ApiError> {
        match self.all(name).as_slice() {
            [] => Ok(None),
            [value] => Ok(Some((*value).to_owned())),
            _ => Err(ApiError::RepeatedParameter { name }),
        }
    }
}
