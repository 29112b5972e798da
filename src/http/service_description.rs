//! The SPARQL 1.1 Service Description of the endpoint, in Turtle (`GET /sparql`, no query).

use super::AppState;
use axum::http::header::{CONTENT_TYPE, HOST};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The description, with the endpoint IRI taken from the `Host` header.
pub fn response(state: &AppState, headers: &HeaderMap) -> Response {
    let host = headers
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)))
        .map_or_else(|| state.settings.server.addr.to_string(), str::to_owned);
    let endpoint = format!("http://{host}/sparql");
    let sparql = &state.settings.sparql;
    let update = if sparql.admin_token.is_some() { ", sd:SPARQL11Update" } else { "" };
    let body = format!(
        r#"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query{update} ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
        formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV,
        formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; rdfs:comment "the union of all named graphs" ]
    ] ;
    rdfs:comment "cbdkg SPARQL endpoint over CBD documents. One named graph per source document, with its provenance. Queries stop after {timeout} ms (503) and return at most {row_cap} rows or triples (headers Cbdkg-Row-Cap, Cbdkg-Truncated). Updates need the admin token." .
"#,
        timeout = sparql.timeout_ms,
        row_cap = sparql.row_cap,
    );
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/turtle; charset=utf-8"));
    response
}
