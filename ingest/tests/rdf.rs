//! The RDF mapping: IRIs exactly as DESIGN §3 fixes them (partner sites depend on them), one
//! named graph per source, language-tagged text, citations as `dcterms:references` sub-properties.

use cbdkg_ingest::{BaseIri, GraphPayload, parse, read_source, to_graph, vocabulary_payloads};
use cbdkg_ontologies::{cbdkg, standard::rdf};
use oxrdf::{NamedNode, Term};
use std::path::Path;

fn payload(file: &str, base: &BaseIri) -> GraphPayload {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/corpus/ar").join(file);
    let (source, text) = read_source(&path).unwrap();
    to_graph(&parse(source, &text, None).unwrap(), base)
}

fn objects(p: &GraphPayload, subject: &str, predicate: &str) -> Vec<Term> {
    p.quads
        .iter()
        .filter(|q| q.subject.to_string() == format!("<{subject}>") && q.predicate.as_str() == predicate)
        .map(|q| q.object.clone())
        .collect()
}

fn iri(s: &str) -> Term {
    NamedNode::new(s).unwrap().into()
}

#[test]
fn decision_iris_and_citations() {
    let base = BaseIri::default();
    let p = payload("001_209b8956f71489ae.txt", &base);
    let id = "https://cbdkg.example/id/";
    assert_eq!(p.graph.as_str(), format!("{id}graph/decision/COP-13-23/ar"));
    assert_eq!(p.subject.as_str(), format!("{id}decision/COP-13-23"));
    assert_eq!(p.source_iri.as_str(), format!("{id}source/{}", p.source.sha256));
    assert!(p.quads.iter().all(|q| q.graph_name.to_string() == format!("<{}>", p.graph.as_str())));

    let decision = format!("{id}decision/COP-13-23");
    assert!(objects(&p, &decision, rdf::TYPE).contains(&iri(cbdkg::DECISION)));
    let p15g = format!("{decision}/p15-g");
    assert!(objects(&p, &p15g, rdf::TYPE).contains(&iri(cbdkg::SUB_PARAGRAPH)));
    assert_eq!(objects(&p, &p15g, "http://purl.org/dc/terms/isPartOf"), [iri(&format!("{decision}/p15"))]);
    let text = objects(&p, &p15g, cbdkg::TEXT);
    assert!(
        matches!(&text[..], [Term::Literal(l)] if l.language() == Some("ar") && l.value().starts_with("التكليف بإجراء تقييم مستقل"))
    );
    assert_eq!(objects(&p, &p15g, cbdkg::LABEL).len(), 1);
    assert!(!objects(&p, &format!("{decision}/pre3"), cbdkg::TEXT).is_empty());
    assert!(!objects(&p, &format!("{decision}/annex/A/act1"), cbdkg::CELL).is_empty());
    assert!(!objects(&p, &format!("{decision}/fn3"), cbdkg::TEXT).is_empty());
    assert!(objects(&p, &format!("{decision}/pre4"), cbdkg::FOOTNOTE_PROP).contains(&iri(&format!("{decision}/fn1"))));

    let cited: Vec<Term> =
        p.quads.iter().filter(|q| q.predicate.as_str() == cbdkg::CITES_DECISION).map(|q| q.object.clone()).collect();
    for expected in ["COP-12-2", "COP-13-22", "CP-8-7", "NP-2-13"] {
        assert!(cited.contains(&iri(&format!("{id}decision/{expected}"))), "{expected}");
    }
    let paragraphs: Vec<Term> =
        p.quads.iter().filter(|q| q.predicate.as_str() == cbdkg::CITES_PARAGRAPH).map(|q| q.object.clone()).collect();
    assert!(paragraphs.contains(&iri(&format!("{id}decision/COP-12-2/B/p8"))));
    assert!(paragraphs.contains(&iri(&format!("{decision}/p15-m"))));
    let targets: Vec<Term> =
        p.quads.iter().filter(|q| q.predicate.as_str() == cbdkg::CITES_TARGET).map(|q| q.object.clone()).collect();
    assert!(targets.contains(&iri("https://cbdkg.example/vocab/aichi-target/1")));
    let articles = objects(&p, &format!("{decision}/pre1"), cbdkg::CITES_ARTICLE);
    assert!(articles.contains(&iri(&format!("{id}treaty/CBD/art12"))));
}

#[test]
fn a_deployment_sets_its_own_base() {
    let base = BaseIri::new("https://kg.example.org/cbd/").unwrap();
    let p = payload("004_5dab306bbde45158.txt", &base);
    assert_eq!(p.subject.as_str(), "https://kg.example.org/cbd/decision/CP-11-4");
    assert!(objects(&p, "https://kg.example.org/cbd/decision/CP-11-4/p7-4", cbdkg::TEXT).len() == 1);
    for bad in ["ftp://x.org/", "https://x.org/no-slash", "not an iri/"] {
        assert!(BaseIri::new(bad).is_err(), "{bad}");
    }
}

#[test]
fn vocabularies_are_payloads_too() {
    let payloads = vocabulary_payloads(&BaseIri::default()).unwrap();
    assert_eq!(payloads.len(), cbdkg_ontologies::TURTLE_FILES.len());
    assert!(payloads.iter().all(|p| !p.quads.is_empty() && p.source.sha256.len() == 64));
}
