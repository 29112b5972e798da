//! The whole corpus through ingest into the on-disk store, checked with SPARQL: what partner
//! sites will query. Figures from the foundation issue: decision XIII/23's 16 operative
//! paragraphs in order, 5(a)–(k), 15(a)–(n), its annex rows with their columns, CP-11/4's 7
//! paragraphs and 7(1)–(4), footnotes attached, citations as decision IRIs, provenance.

use cbdkg::ingest::ingest;
use cbdkg_graph::{GraphStore, LoadOutcome, QueryAnswer, QueryOptions, model::Term};
use cbdkg_ingest::BaseIri;
use indicatif::ProgressBar;
use std::path::{Path, PathBuf};

const PREFIXES: &str = "PREFIX cbdkg: <https://cbdkg.example/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX id: <https://cbdkg.example/id/>
PREFIX xiii23: <https://cbdkg.example/id/decision/COP-13-23/>
";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

fn loaded() -> (tempfile::TempDir, GraphStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = GraphStore::open(dir.path()).unwrap();
    let report = ingest(&store, &BaseIri::default(), &[corpus()], &ProgressBar::hidden());
    assert_eq!(report.count(LoadOutcome::Inserted), 5 + cbdkg_ontologies::TURTLE_FILES.len(), "{}", report.summary());
    assert!(report.failures.is_empty(), "{}", report.summary());
    (dir, store)
}

/// The values of the first column, as strings (IRIs without brackets, literals' values).
fn column(store: &GraphStore, query: &str) -> Vec<String> {
    let answer = store.query(&format!("{PREFIXES}{query}"), &QueryOptions::default()).unwrap();
    let QueryAnswer::Solutions { rows, .. } = answer else { panic!("not a SELECT") };
    rows.into_iter()
        .map(|row| match row.into_iter().next().flatten() {
            Some(Term::NamedNode(n)) => n.into_string(),
            Some(Term::Literal(l)) => l.value().to_owned(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn decision_xiii_23_in_sparql() {
    let (_dir, store) = loaded();
    let operative = column(
        &store,
        "SELECT ?n WHERE { ?p a cbdkg:OperativeParagraph ; cbdkg:inDocument <https://cbdkg.example/id/decision/COP-13-23> ;
                                cbdkg:number ?n ; cbdkg:position ?pos } ORDER BY ?pos",
    );
    assert_eq!(operative, (1..=16).map(|n| n.to_string()).collect::<Vec<_>>());
    for (paragraph, count, last) in [("p5", 11, "k"), ("p15", 14, "n")] {
        let subs = column(
            &store,
            &format!(
                "SELECT ?n WHERE {{ ?s a cbdkg:SubParagraph ; dcterms:isPartOf xiii23:{paragraph} ;
                                       cbdkg:number ?n ; cbdkg:position ?pos }} ORDER BY ?pos"
            ),
        );
        assert_eq!(subs.len(), count, "{paragraph}: {subs:?}");
        assert_eq!(subs.last().map(String::as_str), Some(last));
    }
    // The text of 15(g), in Arabic, at the IRI partner sites will cite.
    let text = column(&store, "SELECT ?t WHERE { xiii23:p15-g cbdkg:text ?t FILTER(lang(?t) = 'ar') }");
    assert!(text[0].starts_with("التكليف بإجراء تقييم مستقل"), "{text:?}");

    // Annex rows keep their columns.
    let headers = column(
        &store,
        "SELECT ?h WHERE { <https://cbdkg.example/id/decision/COP-13-23/annex/A/act1> cbdkg:cell ?c . ?c cbdkg:column ?i ; cbdkg:columnHeader ?h } ORDER BY ?i",
    );
    assert_eq!(headers.len(), 6);
    assert_eq!(headers[0], "النشاط");
    let rows = column(
        &store,
        "SELECT ?r WHERE { ?r a cbdkg:TableRow ; cbdkg:inDocument <https://cbdkg.example/id/decision/COP-13-23> }",
    );
    assert_eq!(rows.len(), 110);

    // Footnotes hang on the paragraph that calls them.
    let notes = column(&store, "SELECT ?m WHERE { xiii23:pre4 cbdkg:footnote ?f . ?f cbdkg:marker ?m }");
    assert_eq!(notes, ["1"]);

    // The decisions XIII/23 cites, as decision IRIs.
    let cited = column(
        &store,
        "SELECT DISTINCT ?d WHERE { ?u cbdkg:inDocument <https://cbdkg.example/id/decision/COP-13-23> ; cbdkg:citesDecision ?d }",
    );
    for expected in ["COP-12-2", "COP-13-22", "CP-8-7"] {
        let iri = format!("https://cbdkg.example/id/decision/{expected}");
        assert!(cited.contains(&iri), "{iri} missing from {cited:?}");
    }
    // …and through the super-property partner sites may use.
    let references = column(
        &store,
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?u cbdkg:inDocument <https://cbdkg.example/id/decision/COP-13-23> ; ?p ?d .
                                                   ?p <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> dcterms:references }",
    );
    assert!(references[0].parse::<u32>().unwrap() > 50, "{references:?}");
}

#[test]
fn decision_cp_11_4_in_sparql() {
    let (_dir, store) = loaded();
    let operative = column(
        &store,
        "SELECT ?n WHERE { ?p a cbdkg:OperativeParagraph ; cbdkg:inDocument <https://cbdkg.example/id/decision/CP-11-4> ;
                                cbdkg:number ?n ; cbdkg:position ?pos } ORDER BY ?pos",
    );
    assert_eq!(operative, ["1", "2", "3", "4", "5", "6", "7"]);
    let subs = column(
        &store,
        "SELECT ?n WHERE { ?s dcterms:isPartOf <https://cbdkg.example/id/decision/CP-11-4/p7> ;
                               cbdkg:number ?n ; cbdkg:position ?pos } ORDER BY ?pos",
    );
    assert_eq!(subs, ["1", "2", "3", "4"]);
    let meeting = column(&store, "SELECT ?m WHERE { <https://cbdkg.example/id/decision/CP-11-4> cbdkg:meeting ?m }");
    assert_eq!(meeting, ["https://cbdkg.example/id/meeting/CP-MOP-11"]);
}

#[test]
fn provenance_and_reingest() {
    let (dir, store) = loaded();
    let provenance = column(
        &store,
        "SELECT ?file WHERE { GRAPH <https://cbdkg.example/id/graph/decision/COP-13-23/ar> {
             ?g prov:wasDerivedFrom ?s ; prov:generatedAtTime ?t ; cbdkg:parserVersion ?v .
             ?s cbdkg:fileName ?file ; cbdkg:sha256 ?h } }",
    );
    assert_eq!(provenance, ["001_209b8956f71489ae.txt"]);

    // Unchanged sources are skipped.
    let again = ingest(&store, &BaseIri::default(), &[corpus()], &ProgressBar::hidden());
    assert_eq!(again.count(LoadOutcome::Unchanged), 5 + cbdkg_ontologies::TURTLE_FILES.len(), "{}", again.summary());

    // A changed source replaces its graph; a broken one writes nothing and fails alone.
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let original = std::fs::read_to_string(corpus().join("ar/004_5dab306bbde45158.txt")).unwrap();
    let edited = original.replace("يقرر ما يلي:", "يقرر ما يلي، بعد المداولات:");
    std::fs::write(sources.join("cp-11-4.txt"), edited).unwrap();
    let cut: String = original.lines().take(12).collect::<Vec<_>>().join("\n");
    std::fs::write(sources.join("cp-11-4-truncated.txt"), format!("{cut}\n1- يؤكد أن اجتماعاته")).unwrap();
    let report = ingest(&store, &BaseIri::default(), &[sources], &ProgressBar::hidden());
    assert_eq!(report.count(LoadOutcome::Replaced), 1, "{}", report.summary());
    assert_eq!(report.failures.len(), 1, "{}", report.summary());
    let p7 = column(&store, "SELECT ?t WHERE { <https://cbdkg.example/id/decision/CP-11-4/p7> cbdkg:text ?t }");
    assert_eq!(p7, ["يقرر ما يلي، بعد المداولات:"]);
    let graphs =
        column(&store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { <https://cbdkg.example/id/decision/CP-11-4> ?p ?o } }");
    assert_eq!(graphs.len(), 1, "the replaced graph is the only one: {graphs:?}");
}
