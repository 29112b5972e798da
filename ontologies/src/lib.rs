//! The cbdkg core ontology and SKOS vocabularies.
//!
//! The Turtle files under `ontologies/ttl/` are the published form; every IRI they define is
//! also a `const` here, one module per vocabulary (the test `consts_match_turtle` keeps the
//! two in step). This crate has no dependencies: IRIs are plain `&str` so any RDF library can
//! wrap them.
//!
//! Instance data (decisions, paragraphs, meetings) lives under a configurable base IRI and is
//! minted by `cbdkg-ingest`; the ontology and vocabularies below have fixed IRIs, because
//! partner sites and the Rust code depend on them.

pub mod cbdkg;
pub mod gbf;
pub mod schemes;
pub mod standard;

/// Namespace of the cbdkg ontology (classes and properties).
pub const ONTOLOGY_NS: &str = "https://cbdkg.example/ontology#";
/// Namespace of the cbdkg SKOS vocabularies (`{VOCAB_NS}{scheme}/{code}`).
pub const VOCAB_NS: &str = "https://cbdkg.example/vocab/";
/// Default base IRI of instance data; a deployment sets its own.
pub const DEFAULT_BASE_IRI: &str = "https://cbdkg.example/id/";

/// One Turtle file of this crate.
#[derive(Debug, Clone, Copy)]
pub struct TurtleFile {
    /// File name under `ontologies/ttl/`.
    pub name: &'static str,
    /// IRI of the named graph it is loaded into.
    pub graph: &'static str,
    /// The Turtle text.
    pub text: &'static str,
}

/// Every Turtle file this crate ships, in load order.
pub const TURTLE_FILES: &[TurtleFile] = &[
    TurtleFile { name: "cbdkg.ttl", graph: "https://cbdkg.example/ontology", text: include_str!("../ttl/cbdkg.ttl") },
    TurtleFile {
        name: "bodies.ttl",
        graph: "https://cbdkg.example/vocab/body",
        text: include_str!("../ttl/bodies.ttl"),
    },
    TurtleFile {
        name: "document-types.ttl",
        graph: "https://cbdkg.example/vocab/doctype",
        text: include_str!("../ttl/document-types.ttl"),
    },
    TurtleFile {
        name: "decision-tracking.ttl",
        graph: "https://cbdkg.example/vocab/decision-tracking",
        text: include_str!("../ttl/decision-tracking.ttl"),
    },
    TurtleFile {
        name: "kmgbf.ttl",
        graph: "https://cbdkg.example/vocab/kmgbf",
        text: include_str!("../ttl/kmgbf.ttl"),
    },
    TurtleFile { name: "gbf.ttl", graph: "https://cbdkg.example/vocab/gbf", text: include_str!("../ttl/gbf.ttl") },
    TurtleFile {
        name: "aichi.ttl",
        graph: "https://cbdkg.example/vocab/aichi",
        text: include_str!("../ttl/aichi.ttl"),
    },
    TurtleFile {
        name: "cbd-subjects.ttl",
        graph: "https://cbdkg.example/vocab/cbd-subject",
        text: include_str!("../ttl/cbd-subjects.ttl"),
    },
    TurtleFile {
        name: "action-agenda.ttl",
        graph: "https://cbdkg.example/vocab/action-agenda",
        text: include_str!("../ttl/action-agenda.ttl"),
    },
    TurtleFile { name: "bch.ttl", graph: "https://cbdkg.example/vocab/bch", text: include_str!("../ttl/bch.ttl") },
    TurtleFile { name: "shapes.ttl", graph: "https://cbdkg.example/shapes", text: include_str!("../ttl/shapes.ttl") },
];
