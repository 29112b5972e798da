//! The Turtle files parse, and they agree with the IRI constants of the crate.

use std::collections::{BTreeMap, BTreeSet};

use cbdkg_ontologies::schemes::{
    action_category, actor_type, aichi_goal, aichi_target, bch_record_type, body, cbd_subject, decision_actor,
    decision_section, decision_status, decision_type, doctype, focal_point_category, pledge_form, pledge_stage,
};
use cbdkg_ontologies::standard::{dcterms, owl, prov, rdf, rdfs, schema, skos, xsd};
use cbdkg_ontologies::{TURTLE_FILES, TurtleFile, cbdkg};
use oxrdf::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use oxttl::TurtleParser;

/// IRI of the ontology itself (the `owl:Ontology` of `cbdkg.ttl`).
const ONTOLOGY: &str = "https://cbdkg.example/ontology";
/// Prefix of every IRI this crate mints.
const OUR_PREFIX: &str = "https://cbdkg.example/";
/// Prefix of the SHACL shapes of `shapes.ttl`.
const SHAPES_PREFIX: &str = "https://cbdkg.example/shapes";
/// `rdf:langString`, the range of language-tagged text.
const LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
/// The types that declare a term of the ontology.
const DECLARATIONS: [&str; 4] = [owl::CLASS, owl::OBJECT_PROPERTY, owl::DATATYPE_PROPERTY, owl::ANNOTATION_PROPERTY];

fn iri(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

fn parse(file: &TurtleFile) -> Result<Graph, String> {
    let mut graph = Graph::new();
    for triple in TurtleParser::new().for_slice(file.text) {
        graph.insert(&triple.map_err(|e| e.to_string())?);
    }
    Ok(graph)
}

/// The graph of the shipped file `name`.
fn graph(name: &str) -> Graph {
    let file =
        TURTLE_FILES.iter().find(|file| file.name == name).unwrap_or_else(|| panic!("{name} is not in TURTLE_FILES"));
    parse(file).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn named(subject: NamedOrBlankNodeRef<'_>) -> Option<&str> {
    match subject {
        NamedOrBlankNodeRef::NamedNode(node) => Some(node.as_str()),
        NamedOrBlankNodeRef::BlankNode(_) => None,
    }
}

/// Values of `predicate` on `subject` that are literals tagged `lang`.
fn literals_in<'a>(graph: &'a Graph, subject: &'a str, predicate: &'a str, lang: &'a str) -> Vec<&'a str> {
    graph
        .objects_for_subject_predicate(iri(subject), iri(predicate))
        .filter_map(|object| match object {
            TermRef::Literal(literal) if literal.language() == Some(lang) => Some(literal.value()),
            _ => None,
        })
        .collect()
}

fn has(graph: &Graph, subject: &str, predicate: &str, object: &str) -> bool {
    graph.contains(TripleRef::new(iri(subject), iri(predicate), iri(object)))
}

fn duplicates(items: &[&str]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items.iter().filter(|item| !seen.insert(**item)).map(|item| (*item).to_owned()).collect()
}

// (a) Every file parses.

fn check_parses(file: &TurtleFile) {
    let graph = parse(file).unwrap_or_else(|e| panic!("{}: {e}", file.name));
    assert!(!graph.is_empty(), "{}: no triples", file.name);
}

#[test]
fn every_file_parses() {
    assert_eq!(TURTLE_FILES.len(), 11);
    for file in TURTLE_FILES {
        check_parses(file);
    }
}

// (b) The ontology declares exactly the terms of `cbdkg::ALL`.

#[test]
fn consts_match_turtle() {
    let graph = graph("cbdkg.ttl");
    let declared: BTreeSet<&str> = DECLARATIONS
        .iter()
        .flat_map(|kind| graph.subjects_for_predicate_object(iri(rdf::TYPE), iri(kind)))
        .filter_map(named)
        .collect();
    let consts: BTreeSet<&str> = cbdkg::ALL.iter().copied().collect();
    assert_eq!(duplicates(cbdkg::ALL), Vec::<String>::new(), "duplicates in cbdkg::ALL");
    let missing: Vec<_> = consts.difference(&declared).collect();
    let extra: Vec<_> = declared.difference(&consts).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "in cbdkg::ALL, not declared in cbdkg.ttl: {missing:?}\n\
         declared in cbdkg.ttl, not in cbdkg::ALL: {extra:?}"
    );
}

fn check_term_documented(graph: &Graph, term: &str) {
    let kinds: Vec<_> = DECLARATIONS.iter().filter(|kind| has(graph, term, rdf::TYPE, kind)).collect();
    assert_eq!(kinds.len(), 1, "{term}: declared as {kinds:?}");
    assert_eq!(literals_in(graph, term, rdfs::LABEL, "en").len(), 1, "{term}: one rdfs:label@en");
    assert_eq!(literals_in(graph, term, rdfs::COMMENT, "en").len(), 1, "{term}: one rdfs:comment@en");
    assert!(has(graph, term, rdfs::IS_DEFINED_BY, ONTOLOGY), "{term}: rdfs:isDefinedBy");
    let is_property = !has(graph, term, rdf::TYPE, owl::CLASS);
    let ranges = graph.objects_for_subject_predicate(iri(term), iri(rdfs::RANGE)).count();
    assert!(!is_property || ranges == 1, "{term}: a property needs one rdfs:range, has {ranges}");
}

#[test]
fn every_term_is_documented() {
    let graph = graph("cbdkg.ttl");
    for term in cbdkg::ALL {
        check_term_documented(&graph, term);
    }
}

#[test]
fn ontology_header() {
    let graph = graph("cbdkg.ttl");
    assert!(has(&graph, ONTOLOGY, rdf::TYPE, owl::ONTOLOGY));
    for predicate in [dcterms::TITLE, owl::VERSION_INFO, dcterms::LICENSE] {
        let values = graph.objects_for_subject_predicate(iri(ONTOLOGY), iri(predicate)).count();
        assert!(values > 0, "the ontology lacks {predicate}");
    }
}

fn check_axiom(graph: &Graph, subject: &str, predicate: &str, object: &str) {
    assert!(has(graph, subject, predicate, object), "cbdkg.ttl lacks <{subject}> <{predicate}> <{object}>");
}

#[test]
fn axioms() {
    use cbdkg::*;
    let graph = graph("cbdkg.ttl");
    let sub_class = rdfs::SUB_CLASS_OF;
    let sub_property = rdfs::SUB_PROPERTY_OF;
    let range = rdfs::RANGE;
    let domain = rdfs::DOMAIN;
    let cases: &[(&str, &str, &str)] = &[
        (DECISION, sub_class, DOCUMENT),
        (PREAMBULAR_PARAGRAPH, sub_class, PARAGRAPH),
        (NUMBERED_PARAGRAPH, sub_class, PARAGRAPH),
        (OPERATIVE_PARAGRAPH, sub_class, NUMBERED_PARAGRAPH),
        (SUB_PARAGRAPH, sub_class, PARAGRAPH),
        (GUIDING_QUESTION, sub_class, PARAGRAPH),
        (ANNEX, sub_class, SECTION),
        (DOCUMENT, sub_class, prov::ENTITY),
        (PARAGRAPH, sub_class, prov::ENTITY),
        (SECTION, sub_class, prov::ENTITY),
        (FOOTNOTE, sub_class, prov::ENTITY),
        (TABLE_ROW, sub_class, prov::ENTITY),
        (CITES_DECISION, sub_property, dcterms::REFERENCES),
        (CITES_PARAGRAPH, sub_property, dcterms::REFERENCES),
        (CITES_DOCUMENT, sub_property, dcterms::REFERENCES),
        (CITES_ARTICLE, sub_property, dcterms::REFERENCES),
        (CITES_TARGET, sub_property, dcterms::REFERENCES),
        (IN_DOCUMENT, sub_property, dcterms::IS_PART_OF),
        (IN_SECTION, sub_property, dcterms::IS_PART_OF),
        (CITES_DECISION, range, DECISION),
        (CITES_PARAGRAPH, range, PARAGRAPH),
        (CITES_DOCUMENT, range, DOCUMENT),
        (CITES_ARTICLE, range, TREATY_ARTICLE),
        (CITES_TARGET, range, skos::CONCEPT),
        (BODY, range, skos::CONCEPT),
        (DOCUMENT_TYPE, range, skos::CONCEPT),
        (DOCUMENT_TYPE, domain, DOCUMENT),
        (MEETING_PROP, range, MEETING),
        (TREATY_PROP, domain, TREATY_ARTICLE),
        (TREATY_PROP, range, TREATY),
        (IN_DOCUMENT, range, DOCUMENT),
        (IN_SECTION, range, SECTION),
        (FOOTNOTE_PROP, range, FOOTNOTE),
        (CELL, domain, TABLE_ROW),
        (CELL, range, TABLE_CELL),
        (SOURCE_FILE, range, prov::ENTITY),
        (SESSION, range, xsd::INTEGER),
        (DECISION_NUMBER, range, xsd::INTEGER),
        (POSITION, range, xsd::INTEGER),
        (START_LINE, range, xsd::INTEGER),
        (END_LINE, range, xsd::INTEGER),
        (COLUMN, range, xsd::INTEGER),
        (BYTE_SIZE, range, xsd::INTEGER),
        (START_DATE, range, xsd::DATE),
        (END_DATE, range, xsd::DATE),
        (TEXT, range, LANG_STRING),
        (PLACE, range, LANG_STRING),
        (COLUMN_HEADER, range, LANG_STRING),
        // Records and pledges: documents search reads like any other.
        (RECORD, sub_class, DOCUMENT),
        (CLEARING_HOUSE_RECORD, sub_class, RECORD),
        (PLEDGE, sub_class, RECORD),
        (PLEDGE, sub_class, schema::ACTION),
        (PLEDGE_INDICATOR, sub_class, prov::ENTITY),
        (PROGRESS_REPORT, sub_class, prov::ENTITY),
        (RECORD_TYPE, range, skos::CONCEPT),
        (CONCERNS_LMO, range, CLEARING_HOUSE_RECORD),
        (CONCERNS_LMO, sub_property, dcterms::REFERENCES),
        (RISK_ASSESSMENT, sub_property, dcterms::REFERENCES),
        (INDICATOR, range, PLEDGE_INDICATOR),
        (PROGRESS_REPORT_PROP, range, PROGRESS_REPORT),
        (IS_EXAMPLE, range, xsd::BOOLEAN),
        (BASELINE_VALUE, range, xsd::DECIMAL),
        (TARGET_VALUE, range, xsd::DECIMAL),
        (MODIFIED_TRAIT, range, LANG_STRING),
        (ACTION, range, LANG_STRING),
        (TRANSLATION_NOTE, sub_property, skos::NOTE),
        // Inferred links are nodes, kept apart from asserted citations.
        (INFERRED_LINK, sub_class, prov::ENTITY),
        (LINKING_ACTIVITY, sub_class, prov::ACTIVITY),
        (LINK_TARGET, range, skos::CONCEPT),
        (SCORE, range, xsd::DOUBLE),
    ];
    for (subject, predicate, object) in cases {
        check_axiom(&graph, subject, predicate, object);
    }
}

// (c) Every concept constant is a concept of its scheme, labelled.

/// One SKOS scheme: where it lives, its constants, and the languages every concept is labelled in.
struct SchemeCase {
    file: &'static str,
    scheme: &'static str,
    concepts: &'static [&'static str],
    len: usize,
    languages: &'static [&'static str],
}

const UN_LANGUAGES_WE_LABEL: &[&str] = &["en", "fr", "es", "ar"];
const SIX_LANGUAGES: &[&str] = &["en", "ar", "es", "fr", "ru", "zh"];

const SCHEMES: &[SchemeCase] = &[
    SchemeCase {
        file: "bodies.ttl",
        scheme: body::SCHEME,
        concepts: body::ALL,
        len: 7,
        languages: UN_LANGUAGES_WE_LABEL,
    },
    SchemeCase {
        file: "document-types.ttl",
        scheme: doctype::SCHEME,
        concepts: doctype::ALL,
        len: 8,
        languages: UN_LANGUAGES_WE_LABEL,
    },
    SchemeCase { file: "aichi.ttl", scheme: aichi_goal::SCHEME, concepts: aichi_goal::ALL, len: 5, languages: &["en"] },
    SchemeCase {
        file: "aichi.ttl",
        scheme: aichi_target::SCHEME,
        concepts: aichi_target::ALL,
        len: 20,
        languages: &["en", "fr", "es", "ar", "zh"],
    },
    SchemeCase {
        file: "cbd-subjects.ttl",
        scheme: cbd_subject::SCHEME,
        concepts: cbd_subject::ALL,
        len: 84,
        languages: &["en", "ar", "es", "fr", "ru"],
    },
    SchemeCase {
        file: "action-agenda.ttl",
        scheme: action_category::SCHEME,
        concepts: action_category::ALL,
        len: 11,
        languages: SIX_LANGUAGES,
    },
    SchemeCase {
        file: "action-agenda.ttl",
        scheme: actor_type::SCHEME,
        concepts: actor_type::ALL,
        len: 5,
        languages: SIX_LANGUAGES,
    },
    SchemeCase {
        file: "action-agenda.ttl",
        scheme: pledge_form::SCHEME,
        concepts: pledge_form::ALL,
        len: 4,
        languages: SIX_LANGUAGES,
    },
    SchemeCase {
        file: "action-agenda.ttl",
        scheme: pledge_stage::SCHEME,
        concepts: pledge_stage::ALL,
        len: 4,
        languages: SIX_LANGUAGES,
    },
    SchemeCase {
        file: "bch.ttl",
        scheme: bch_record_type::SCHEME,
        concepts: bch_record_type::ALL,
        len: 26,
        languages: &["en"],
    },
    SchemeCase {
        file: "bch.ttl",
        scheme: focal_point_category::SCHEME,
        concepts: focal_point_category::ALL,
        len: 3,
        languages: SIX_LANGUAGES,
    },
    SchemeCase {
        file: "decision-tracking.ttl",
        scheme: decision_actor::SCHEME,
        concepts: decision_actor::ALL,
        len: 41,
        languages: &["en"],
    },
    SchemeCase {
        file: "decision-tracking.ttl",
        scheme: decision_status::SCHEME,
        concepts: decision_status::ALL,
        len: 8,
        languages: &["en"],
    },
    SchemeCase {
        file: "decision-tracking.ttl",
        scheme: decision_type::SCHEME,
        concepts: decision_type::ALL,
        len: 2,
        languages: &["en"],
    },
    SchemeCase {
        file: "decision-tracking.ttl",
        scheme: decision_section::SCHEME,
        concepts: decision_section::ALL,
        len: 26,
        languages: &["en"],
    },
];

fn check_concept(graph: &Graph, case: &SchemeCase, concept: &str) {
    assert!(has(graph, concept, rdf::TYPE, skos::CONCEPT), "{concept}: not a skos:Concept");
    assert!(has(graph, concept, skos::IN_SCHEME, case.scheme), "{concept}: not skos:inScheme {}", case.scheme);
    for lang in case.languages {
        assert!(!literals_in(graph, concept, skos::PREF_LABEL, lang).is_empty(), "{concept}: no prefLabel@{lang}");
    }
    // The notation is the code that ends the IRI, so either can be derived from the other.
    let notations: Vec<_> = graph
        .objects_for_subject_predicate(iri(concept), iri(skos::NOTATION))
        .filter_map(|object| match object {
            TermRef::Literal(literal) => Some(literal.value()),
            _ => None,
        })
        .collect();
    let code = concept.strip_prefix(case.scheme).and_then(|rest| rest.strip_prefix('/'));
    assert_eq!(notations, code.into_iter().collect::<Vec<_>>(), "{concept}: skos:notation");
}

fn check_scheme(case: &SchemeCase) {
    let graph = graph(case.file);
    assert!(has(&graph, case.scheme, rdf::TYPE, skos::CONCEPT_SCHEME), "{}: not a skos:ConceptScheme", case.scheme);
    assert_eq!(duplicates(case.concepts), Vec::<String>::new(), "{}: duplicate constants", case.scheme);
    assert_eq!(case.concepts.len(), case.len, "{}: number of concepts", case.scheme);
    for concept in case.concepts {
        check_concept(&graph, case, concept);
    }
    let in_file: BTreeSet<&str> =
        graph.subjects_for_predicate_object(iri(skos::IN_SCHEME), iri(case.scheme)).filter_map(named).collect();
    let consts: BTreeSet<&str> = case.concepts.iter().copied().collect();
    let extra: Vec<_> = in_file.difference(&consts).collect();
    assert!(extra.is_empty(), "{}: concepts in {} without a constant: {extra:?}", case.scheme, case.file);
}

#[test]
fn concepts_are_in_their_scheme() {
    for case in SCHEMES {
        check_scheme(case);
    }
}

// (d) At most one prefLabel per language (SKOS integrity condition S14).

fn check_one_pref_label_per_language(file: &TurtleFile) {
    let graph = parse(file).unwrap_or_else(|e| panic!("{}: {e}", file.name));
    let mut labels: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for triple in graph.triples_for_predicate(iri(skos::PREF_LABEL)) {
        let TermRef::Literal(label) = triple.object else {
            panic!("{}: {} has a prefLabel that is not a literal", file.name, triple.subject);
        };
        let lang = label.language().unwrap_or_else(|| panic!("{}: prefLabel {label} has no language", file.name));
        labels.entry((triple.subject.to_string(), lang.to_owned())).or_default().push(label.value());
    }
    let clashes: Vec<_> = labels.iter().filter(|(_, values)| values.len() > 1).collect();
    assert!(clashes.is_empty(), "{}: several prefLabels in one language: {clashes:?}", file.name);
}

#[test]
fn one_pref_label_per_language() {
    for file in TURTLE_FILES {
        check_one_pref_label_per_language(file);
    }
}

// Every IRI of ours that a file mentions exists: a typo in a range or a match is caught.

fn known_iris() -> BTreeSet<&'static str> {
    let mut known: BTreeSet<&str> = cbdkg::ALL.iter().copied().collect();
    known.insert(ONTOLOGY);
    for case in SCHEMES {
        known.insert(case.scheme);
        known.extend(case.concepts);
    }
    known
}

fn check_no_unknown_iris(file: &TurtleFile, known: &BTreeSet<&str>) {
    let shapes: BTreeSet<String> = graph("shapes.ttl")
        .iter()
        .filter_map(|t| named(t.subject).map(str::to_owned))
        .filter(|s| s.starts_with(SHAPES_PREFIX))
        .collect();
    let graph = parse(file).unwrap_or_else(|e| panic!("{}: {e}", file.name));
    let mut unknown = BTreeSet::new();
    for triple in graph.iter() {
        let object = match triple.object {
            TermRef::NamedNode(node) => Some(node.as_str()),
            _ => None,
        };
        let terms = [named(triple.subject), Some(triple.predicate.as_str()), object];
        for term in terms.into_iter().flatten() {
            if term.starts_with(OUR_PREFIX) && !known.contains(term) && !shapes.contains(term) {
                unknown.insert(term.to_owned());
            }
        }
    }
    assert!(unknown.is_empty(), "{}: IRIs without a constant: {unknown:?}", file.name);
}

#[test]
fn no_unknown_iris() {
    let known = known_iris();
    for file in TURTLE_FILES {
        check_no_unknown_iris(file, &known);
    }
}
