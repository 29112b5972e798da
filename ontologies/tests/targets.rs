//! The target vocabularies agree with the data they were derived from (`data/vocabularies/`):
//! GBF goals, targets and indicators keep the KMGBF IRIs and labels; the Aichi targets, the
//! crosswalk, the BCH record types and the labels of six languages are those of the sources; a
//! label known to be a poor translation carries a note.

use cbdkg_ontologies::schemes::{action_category, aichi_target, bch_record_type};
use cbdkg_ontologies::standard::{dcterms, rdf, skos};
use cbdkg_ontologies::{TURTLE_FILES, cbdkg, gbf};
use oxrdf::{Graph, NamedNodeRef, TermRef, TripleRef};
use oxttl::TurtleParser;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn iri(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

/// The union of the given shipped files.
fn graph(names: &[&str]) -> Graph {
    let mut graph = Graph::new();
    for name in names {
        let file = TURTLE_FILES.iter().find(|f| f.name == *name).unwrap_or_else(|| panic!("{name} not shipped"));
        for triple in TurtleParser::new().for_slice(file.text) {
            graph.insert(&triple.unwrap_or_else(|e| panic!("{name}: {e}")));
        }
    }
    graph
}

fn data(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/vocabularies").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Literal values of `subject predicate ?o` tagged `lang`.
fn labels<'a>(graph: &'a Graph, subject: &'a str, predicate: &'a str, lang: &str) -> Vec<&'a str> {
    graph
        .objects_for_subject_predicate(iri(subject), iri(predicate))
        .filter_map(|o| match o {
            TermRef::Literal(l) if l.language() == Some(lang) => Some(l.value()),
            _ => None,
        })
        .collect()
}

fn objects<'a>(graph: &'a Graph, subject: &'a str, predicate: &'a str) -> BTreeSet<String> {
    graph.objects_for_subject_predicate(iri(subject), iri(predicate)).map(|o| o.to_string()).collect()
}

fn has(graph: &Graph, s: &str, p: &str, o: &str) -> bool {
    graph.contains(TripleRef::new(iri(s), iri(p), iri(o)))
}

#[test]
fn gbf_goals_targets_and_indicators_keep_the_kmgbf_iris() {
    let g = graph(&["kmgbf.ttl", "gbf.ttl"]);
    let check = |concept: &str, class: &str, label: &str| {
        assert!(has(&g, concept, rdf::TYPE, class), "{concept} is not a {class}");
        assert!(has(&g, concept, skos::IN_SCHEME, gbf::SCHEME), "{concept}: not in the scheme");
        for (lang, prefix) in [("en", label), ("fr", ""), ("es", "")] {
            let found = labels(&g, concept, skos::PREF_LABEL, lang);
            assert_eq!(found.len(), 1, "{concept}: prefLabel@{lang}");
            assert!(found[0].starts_with(prefix), "{concept}: {found:?}");
        }
        assert!(!labels(&g, concept, skos::ALT_LABEL, "ar").is_empty(), "{concept}: no altLabel@ar");
    };
    for (letter, goal) in ["A", "B", "C", "D"].iter().zip(gbf::GOALS) {
        check(goal, gbf::GOAL_CLASS, &format!("Goal {letter}"));
    }
    for (n, target) in (1..=23).zip(gbf::TARGETS) {
        check(target, gbf::TARGET_CLASS, &format!("Target {n}"));
        assert_eq!(gbf::target(n), Some(target));
        let id = format!("\"GBF-TARGET-{n:02}\"");
        assert_eq!(objects(&g, target, dcterms::IDENTIFIER), BTreeSet::from([id]), "{target}");
    }
    assert_eq!(gbf::target(0), None);
    assert_eq!(gbf::target(24), None);
    let indicators: BTreeSet<String> = g
        .subjects_for_predicate_object(iri(rdf::TYPE), iri(gbf::INDICATOR_CLASS))
        .map(|s| s.to_string().trim_matches(['<', '>']).to_owned())
        .collect();
    let consts: BTreeSet<String> = gbf::INDICATOR_CODES.iter().map(|c| format!("{}indicator_{c}", gbf::NS)).collect();
    assert_eq!(indicators.len(), 204);
    assert_eq!(indicators, consts);
}

/// The crosswalk of `data/vocabularies/gbf-crosswalk.json` is stated in both directions, and
/// nothing else is.
#[test]
fn crosswalk_matches_its_source() {
    let g = graph(&["gbf.ttl"]);
    let source = data("gbf-crosswalk.json");
    let mut expected = BTreeSet::new();
    for (key, values) in source["GBF_SAMEAS"].as_object().unwrap() {
        let target: u8 = key.trim_start_matches("GBF-TARGET-").parse().unwrap();
        for value in values.as_array().unwrap() {
            if let Some(aichi) = value.as_str().unwrap().strip_prefix("AICHI-TARGET-") {
                let aichi: u8 = aichi.parse().unwrap();
                expected.insert((
                    gbf::target(target).unwrap().to_owned(),
                    format!("{}{aichi}", cbdkg_ontologies::schemes::AICHI_TARGET_NS),
                ));
            }
        }
    }
    let mut stated = BTreeSet::new();
    for triple in g.triples_for_predicate(iri(skos::CLOSE_MATCH)) {
        let (s, o) = (triple.subject.to_string(), triple.object.to_string());
        let (s, o) = (s.trim_matches(['<', '>']).to_owned(), o.trim_matches(['<', '>']).to_owned());
        if s.starts_with(gbf::NS) {
            stated.insert((s, o));
        } else {
            assert!(
                g.contains(TripleRef::new(iri(&o), iri(skos::CLOSE_MATCH), iri(&s))),
                "{s} -> {o} has no forward edge"
            );
        }
    }
    assert_eq!(stated, expected);
    assert_eq!(expected.len(), 25);
    // Targets 9 and 17 have no Aichi counterpart in the source, and say so.
    for n in [9, 17] {
        assert!(objects(&g, gbf::TARGETS[n - 1], skos::CLOSE_MATCH).is_empty());
        assert_eq!(labels(&g, gbf::TARGETS[n - 1], skos::EDITORIAL_NOTE, "en").len(), 1, "target {n}");
    }
    assert!(objects(&g, gbf::TARGET_17, skos::RELATED_MATCH).contains("<https://cbdkg.example/vocab/cbd-subject/CPB>"));
}

#[test]
fn aichi_targets_match_their_source() {
    let g = graph(&["aichi.ttl"]);
    let source = data("aichi-targets.json");
    let bioland = data("bioland-labels.json");
    let targets = source["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 20);
    for (target, concept) in targets.iter().zip(aichi_target::ALL) {
        let n = target["id"].as_u64().unwrap();
        assert_eq!(*concept, format!("{}{n}", cbdkg_ontologies::schemes::AICHI_TARGET_NS));
        assert_eq!(labels(&g, concept, skos::DEFINITION, "en"), [target["action"].as_str().unwrap()]);
        let goal = format!("https://cbdkg.example/vocab/aichi-goal/{}", target["goal"].as_str().unwrap());
        assert!(has(&g, concept, skos::BROADER, &goal), "{concept}");
        assert_eq!(labels(&g, concept, skos::PREF_LABEL, "ar"), [format!("الهدف {n} من أهداف أيشي للتنوع البيولوجي")]);
        let short = &bioland["labels"][format!("AICHI-TARGET-{n:02}")];
        for lang in ["en", "ar", "es", "fr", "ru", "zh"] {
            let label = short[lang].as_str().unwrap().trim();
            assert!(labels(&g, concept, skos::ALT_LABEL, lang).contains(&label), "{concept}: altLabel@{lang} {label}");
        }
    }
}

#[test]
fn bch_record_types_match_the_realm_configuration() {
    let g = graph(&["bch.ttl"]);
    let source = data("bch-record-types.json");
    let schemas = source["schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), bch_record_type::ALL.len());
    for (name, schema) in schemas {
        let concept = format!("{}/{name}", bch_record_type::SCHEME);
        for (lang, title) in schema["title"].as_object().unwrap() {
            assert_eq!(
                labels(&g, &concept, skos::PREF_LABEL, lang),
                [title.as_str().unwrap().trim()],
                "{concept}@{lang}"
            );
        }
    }
    for required in [
        bch_record_type::MODIFIED_ORGANISM,
        bch_record_type::NATIONAL_RISK_ASSESSMENT,
        bch_record_type::BIOSAFETY_DECISION,
        bch_record_type::BIOSAFETY_LAW,
        bch_record_type::FOCAL_POINT,
    ] {
        assert_eq!(labels(&g, required, skos::PREF_LABEL, "ar").len(), 1, "{required}");
    }
}

/// Labels known to be poor translations carry a `cbdkg:translationNote`; labels known to be
/// wrong are not labels at all.
#[test]
fn poor_translations_are_noted() {
    let g = graph(&["aichi.ttl", "gbf.ttl", "action-agenda.ttl", "bch.ttl", "cbd-subjects.ttl"]);
    let noted = [
        aichi_target::TARGET_16,
        aichi_target::TARGET_17,
        gbf::TARGET_2,
        gbf::TARGET_17,
        gbf::TARGET_22,
        action_category::ABS,
        action_category::SPECIES,
        action_category::STEWARDSHIP,
        bch_record_type::BIOSAFETY_LAW,
        "https://cbdkg.example/vocab/cbd-subject/CPB",
    ];
    for concept in noted {
        assert!(!labels(&g, concept, cbdkg::TRANSLATION_NOTE, "en").is_empty(), "{concept}: no translation note");
    }
    // The Action Agenda's "ABS" labels translate "section"; they are notes, not labels.
    for (lang, wrong) in
        [("fr", "SECTION"), ("es", "SECCIÓN"), ("ar", "القطاع الثامن"), ("ar", "صنف"), ("ar", "الوكالة")]
    {
        for predicate in [skos::PREF_LABEL, skos::ALT_LABEL] {
            let found = g
                .triples_for_predicate(iri(predicate))
                .any(|t| matches!(t.object, TermRef::Literal(l) if l.language() == Some(lang) && l.value() == wrong));
            assert!(!found, "{wrong}@{lang} is still a label");
        }
    }
    assert_eq!(labels(&g, action_category::ABS, skos::PREF_LABEL, "fr"), ["Accès et partage des avantages"]);
}
