//! `POST /api/pledges/check`: the pledge coach. The body is JSON, either `{"text": "…"}` (a
//! draft in free text) or `{"pledge": {…}}` (pledge JSON as in
//! `data/examples/pledges/pledges.json`, possibly incomplete); the answer is the coach's report
//! (`cbdkg_assistant::coach::CoachReport`). An empty or unreadable draft is 400 with a code
//! (`empty_draft`, `invalid_pledge`, `unsupported_language`, `invalid_request`); the check runs
//! through `http::blocking`.

use super::AppState;
use super::error::ApiError;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use cbdkg_assistant::coach::{CoachReport, Draft};
use serde_json::Value;

/// `POST /api/pledges/check`.
pub async fn check(State(state): State<AppState>, body: Bytes) -> Result<Json<CoachReport>, ApiError> {
    let draft = parse(&body)?;
    let coach = state.coach.clone();
    let report = super::blocking("pledge check", move || coach.check(draft)).await??;
    Ok(Json(report))
}

fn parse(body: &[u8]) -> Result<Draft, ApiError> {
    let invalid = |message: String| ApiError::InvalidRequest { message };
    let expected = "expected a JSON object {\"text\": \"…\"} or {\"pledge\": {…}}";
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid(format!("the body is empty: {expected}")));
    }
    let value: Value =
        serde_json::from_slice(body).map_err(|e| invalid(format!("the body is not JSON ({e}): {expected}")))?;
    let Value::Object(mut map) = value else { return Err(invalid(expected.to_owned())) };
    if map.len() != 1 {
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        return Err(invalid(format!("{expected}, got the keys {keys:?}")));
    }
    match (map.remove("text"), map.remove("pledge")) {
        (Some(Value::String(text)), None) => Ok(Draft::Text(text)),
        (Some(_), None) => Err(invalid("`text` must be a string".to_owned())),
        (None, Some(pledge)) => Ok(Draft::Pledge(pledge)),
        _ => Err(invalid(expected.to_owned())),
    }
}
