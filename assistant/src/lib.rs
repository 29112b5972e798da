//! The assistant: grounded answers to questions about the CBD's texts, every sentence backed by
//! a verbatim quote of a cited paragraph, and the coach that checks a draft pledge for what
//! makes it concrete and measurable. It composes the graph and the search indexes and has no
//! HTTP types: the binary serves it (`POST /api/ask`, `POST /api/pledges/check`).
//!
//! Retrieved text is data: nothing inside a document changes what the assistant does.

pub mod ask;
pub mod coach;
pub mod language;

pub use ask::{Answer, AskError, Assistant, Citation, Kind};
