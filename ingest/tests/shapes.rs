//! The SHACL shapes published in `ontologies/ttl/shapes.ttl` and the validator of `cbdkg
//! ingest` require the same properties, so partners validating the graph and the ingest
//! checking the input agree.

use cbdkg_ingest::records::{SUPPORTED_SCHEMAS, bch_required};
use cbdkg_ingest::validate::{PLEDGE_REQUIRED, RECORD_REQUIRED, Required};
use cbdkg_ontologies::TURTLE_FILES;
use cbdkg_ontologies::cbdkg;
use oxrdf::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use oxttl::TurtleParser;
use std::collections::BTreeSet;

const SH: &str = "http://www.w3.org/ns/shacl#";
/// Properties ingest writes for every record whatever its input: required by the shapes, not
/// by the input's fields.
const WRITTEN_BY_INGEST: [&str; 3] = [cbdkg::TEXT, cbdkg::IN_DOCUMENT, cbdkg::DOCUMENT_TYPE];

fn shapes() -> Graph {
    let file = TURTLE_FILES.iter().find(|f| f.name == "shapes.ttl").unwrap();
    let mut graph = Graph::new();
    for triple in TurtleParser::new().for_slice(file.text) {
        graph.insert(&triple.unwrap());
    }
    graph
}

fn sh(local: &str) -> String {
    format!("{SH}{local}")
}

fn node(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

/// Paths of the property shapes of `shape` with `sh:minCount` of at least 1.
fn required_paths(graph: &Graph, shape: &str) -> BTreeSet<String> {
    let property = sh("property");
    let (path, min) = (sh("path"), sh("minCount"));
    graph
        .objects_for_subject_predicate(node(shape), node(&property))
        .filter_map(|p| match p {
            TermRef::BlankNode(b) => Some(NamedOrBlankNodeRef::from(b)),
            TermRef::NamedNode(n) => Some(NamedOrBlankNodeRef::from(n)),
            _ => None,
        })
        .filter(|p| {
            graph.object_for_subject_predicate(*p, node(&min)).is_some_and(|m| match m {
                TermRef::Literal(l) => l.value().parse::<u32>().is_ok_and(|n| n >= 1),
                _ => false,
            })
        })
        .filter_map(|p| match graph.object_for_subject_predicate(p, node(&path))? {
            TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

fn properties(required: &[Required]) -> BTreeSet<String> {
    required.iter().map(|r| r.property.to_owned()).collect()
}

fn check(shape: &str, validator: BTreeSet<String>) {
    let graph = shapes();
    let mut in_shape = required_paths(&graph, &format!("https://cbdkg.example/shapes#{shape}"));
    for written in WRITTEN_BY_INGEST {
        in_shape.remove(written);
    }
    assert_eq!(in_shape, validator, "{shape}: required in shapes.ttl (left) and by the validator (right)");
}

#[test]
fn shapes_match_the_validator() {
    check("PledgeShape", properties(PLEDGE_REQUIRED));
    check("ClearingHouseRecordShape", properties(RECORD_REQUIRED));
    let by_type = [
        ("LivingModifiedOrganismShape", "modifiedOrganism"),
        ("RiskAssessmentShape", "nationalRiskAssessment"),
        ("CountryDecisionShape", "biosafetyDecision"),
        ("BiosafetyLawShape", "biosafetyLaw"),
        ("FocalPointShape", "focalPoint"),
    ];
    assert_eq!(by_type.len(), SUPPORTED_SCHEMAS.len());
    for (shape, schema) in by_type {
        check(shape, properties(&bch_required(schema)));
    }
}
