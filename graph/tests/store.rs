//! The store against a real RocksDB directory: loading, provenance, datasets, limits, formats.

use cbdkg_graph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use cbdkg_graph::{GraphError, GraphStore, LoadOutcome, QueryAnswer, QueryOptions, QueryResultsFormat, RdfFormat};
use cbdkg_ingest::{BaseIri, GraphPayload, PARSER_VERSION, SourceFile};
use oxigraph::io::RdfParser;
use oxigraph::sparql::results::{QueryResultsParser, SliceQueryResultsParserOutput};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const EX: &str = "https://example.org/";

fn node(local: &str) -> NamedNode {
    NamedNode::new(format!("{EX}{local}")).unwrap()
}

/// A payload for graph `g` whose source has hash `sha256`, holding `s p o` triples of
/// local names (an object starting with `"` is a literal).
fn payload(g: &str, sha256: &str, parser_version: &'static str, triples: &[(&str, &str, &str)]) -> GraphPayload {
    let graph = node(g);
    let quads = triples
        .iter()
        .map(|(s, p, o)| {
            let object: Term = match o.strip_prefix('"') {
                Some(text) => Literal::from(text).into(),
                None => node(o).into(),
            };
            Quad::new(node(s), node(p), object, graph.clone())
        })
        .collect();
    GraphPayload {
        subject: graph.clone(),
        label: format!("test graph {g}"),
        source: SourceFile {
            file_name: format!("{g}.txt"),
            path: format!("corpus/{g}.txt"),
            sha256: sha256.to_owned(),
            byte_size: 42,
        },
        source_iri: node(&format!("source/{sha256}")),
        graph,
        parser_version,
        quads,
    }
}

fn open() -> (tempfile::TempDir, GraphStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = GraphStore::open(dir.path()).unwrap();
    (dir, store)
}

fn select(store: &GraphStore, query: &str, options: &QueryOptions) -> Vec<Vec<String>> {
    match store.query(query, options).unwrap() {
        QueryAnswer::Solutions { rows, .. } => {
            let cell = |t: &Option<Term>| t.as_ref().map_or_else(String::new, |t| t.to_string());
            let mut rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(cell).collect()).collect();
            rows.sort();
            rows
        }
        other => panic!("expected solutions, got {other:?}"),
    }
}

/// The objects of `ex:doc ex:title ?t` over the default (union) graph.
fn titles(store: &GraphStore) -> Vec<String> {
    let query = format!("SELECT ?t WHERE {{ <{EX}doc> <{EX}title> ?t }}");
    select(store, &query, &QueryOptions::default()).into_iter().map(|mut r| r.remove(0)).collect()
}

#[test]
fn load_skips_unchanged_and_replaces_changed_sources() {
    let (_dir, store) = open();
    let v1 = payload("g1", "aaa", PARSER_VERSION, &[("doc", "title", "\"one")]);
    let v2 = payload("g1", "bbb", PARSER_VERSION, &[("doc", "title", "\"two")]);
    let v2_new_parser = payload("g1", "bbb", "0.0.0+other", &[("doc", "title", "\"three")]);
    let steps: [(&GraphPayload, LoadOutcome, &[&str]); 5] = [
        (&v1, LoadOutcome::Inserted, &["\"one\""]),
        (&v1, LoadOutcome::Unchanged, &["\"one\""]),
        (&v2, LoadOutcome::Replaced, &["\"two\""]),
        (&v2_new_parser, LoadOutcome::Replaced, &["\"three\""]),
        (&v2_new_parser, LoadOutcome::Unchanged, &["\"three\""]),
    ];
    for (i, (payload, outcome, expected)) in steps.into_iter().enumerate() {
        assert_eq!(store.load(payload).unwrap(), outcome, "step {i}");
        assert_eq!(titles(&store), expected, "step {i}");
    }
}

#[test]
fn load_records_provenance_in_the_graph() {
    let (_dir, store) = open();
    store.load(&payload("g1", "aaa", PARSER_VERSION, &[("doc", "title", "\"one")])).unwrap();
    let query = format!(
        "PREFIX prov: <http://www.w3.org/ns/prov#>
         PREFIX cbdkg: <https://cbdkg.example/ontology#>
         SELECT ?src ?file ?sha ?size ?version (DATATYPE(?time) AS ?type) ?activity WHERE {{
           GRAPH <{EX}g1> {{
             <{EX}g1> a prov:Entity ; prov:wasDerivedFrom ?src ; prov:generatedAtTime ?time ;
               cbdkg:parserVersion ?version ; prov:wasGeneratedBy ?a .
             ?a a prov:Activity ; prov:used ?src .
             BIND(\"yes\" AS ?activity)
             ?src a prov:Entity ; cbdkg:fileName ?file ; cbdkg:sha256 ?sha ; cbdkg:byteSize ?size .
           }}
         }}"
    );
    let rows = select(&store, &query, &QueryOptions::default());
    let expected = vec![vec![
        format!("<{EX}source/aaa>"),
        "\"g1.txt\"".to_owned(),
        "\"aaa\"".to_owned(),
        "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>".to_owned(),
        format!("\"{PARSER_VERSION}\""),
        "<http://www.w3.org/2001/XMLSchema#dateTime>".to_owned(),
        "\"yes\"".to_owned(),
    ]];
    assert_eq!(rows, expected);

    let graphs = store.graphs().unwrap();
    assert_eq!(graphs.len(), 1);
    assert_eq!(graphs[0].graph, node("g1"));
    assert_eq!(graphs[0].file_name.as_deref(), Some("g1.txt"));
    assert_eq!(graphs[0].sha256.as_deref(), Some("aaa"));
    assert_eq!(graphs[0].parser_version.as_deref(), Some(PARSER_VERSION));
    assert!(graphs[0].generated_at.as_deref().is_some_and(|t| t.ends_with('Z')));
}

#[test]
fn failed_replace_leaves_the_old_graph_intact() {
    let (_dir, store) = open();
    store.load(&payload("g1", "aaa", PARSER_VERSION, &[("doc", "title", "\"one")])).unwrap();
    let mut broken = payload("g1", "bbb", PARSER_VERSION, &[("doc", "title", "\"two"), ("doc", "x", "y")]);
    // The last quad is in another graph: the error comes after the transaction has removed
    // the old graph and inserted the first new quad.
    let stray = broken.quads.pop().unwrap();
    broken.quads.push(Quad::new(stray.subject, stray.predicate, stray.object, GraphName::NamedNode(node("other"))));

    let error = store.load(&broken).unwrap_err();
    assert!(matches!(error, GraphError::ForeignQuad { .. }), "{error}");
    assert!(error.to_string().contains(&format!("<{EX}g1>")), "{error}");
    assert_eq!(titles(&store), ["\"one\""]);
    let graphs = store.graphs().unwrap();
    assert_eq!(graphs.len(), 1);
    assert_eq!(graphs[0].sha256.as_deref(), Some("aaa"));
    // Loading the first version again is still recognised as unchanged.
    let v1 = payload("g1", "aaa", PARSER_VERSION, &[("doc", "title", "\"one")]);
    assert_eq!(store.load(&v1).unwrap(), LoadOutcome::Unchanged);
}

#[test]
fn dataset_defaults_to_the_union_and_follows_protocol_parameters() {
    let (_dir, store) = open();
    store.load(&payload("g1", "aaa", PARSER_VERSION, &[("a", "p", "\"in g1")])).unwrap();
    store.load(&payload("g2", "bbb", PARSER_VERSION, &[("b", "p", "\"in g2")])).unwrap();
    let plain = format!("SELECT ?o WHERE {{ ?s <{EX}p> ?o }}");
    let graphs = format!("SELECT ?g ?o WHERE {{ GRAPH ?g {{ ?s <{EX}p> ?o }} }}");
    let from = format!("SELECT ?o FROM <{EX}g2> WHERE {{ ?s <{EX}p> ?o }}");
    let union = QueryOptions::default();
    let g1_default = QueryOptions::default().with_default_graph(format!("{EX}g1"));
    let g2_named = QueryOptions::default().with_named_graph(format!("{EX}g2"));
    let g1_g2_default = g1_default.clone().with_default_graph(format!("{EX}g2"));
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let g1 = format!("<{EX}g1>");
    let g2 = format!("<{EX}g2>");
    let cases: [(&str, &QueryOptions, Vec<Vec<String>>); 9] = [
        (&plain, &union, vec![row(&["\"in g1\""]), row(&["\"in g2\""])]),
        (&plain, &g1_default, vec![row(&["\"in g1\""])]),
        (&plain, &g1_g2_default, vec![row(&["\"in g1\""]), row(&["\"in g2\""])]),
        // Only named graphs given: the default graph is empty.
        (&plain, &g2_named, vec![]),
        (&graphs, &union, vec![row(&[&g1, "\"in g1\""]), row(&[&g2, "\"in g2\""])]),
        (&graphs, &g2_named, vec![row(&[&g2, "\"in g2\""])]),
        // Only a default graph given: no named graphs.
        (&graphs, &g1_default, vec![]),
        (&from, &union, vec![row(&["\"in g2\""])]),
        // Protocol parameters override FROM.
        (&from, &g1_default, vec![row(&["\"in g1\""])]),
    ];
    for (i, (query, options, expected)) in cases.into_iter().enumerate() {
        assert_eq!(select(&store, query, options), expected, "case {i}: {query} {options:?}");
    }
}

#[test]
fn invalid_input_is_reported_with_its_cause() {
    let (_dir, store) = open();
    let cases: [(&str, QueryOptions, &str); 3] = [
        ("SELECT * WHERE { ?s ?p }", QueryOptions::default(), "SPARQL syntax error"),
        ("INSERT DATA { <a:b> <a:b> <a:b> }", QueryOptions::default(), "SPARQL syntax error"),
        ("SELECT * WHERE { ?s ?p ?o }", QueryOptions::default().with_default_graph("not an iri"), "\"not an iri\""),
    ];
    for (query, options, fragment) in cases {
        let message = store.query(query, &options).unwrap_err().to_string();
        assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
    }
}

/// A query that runs for many seconds (300 × 300 × every triple) in little memory: the
/// evaluator builds the two 300-row sides and checks the cancellation token on every read of
/// the middle pattern, i.e. every 90,000 combinations.
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE {
    { SELECT ?a WHERE { ?a ?p ?x } LIMIT 300 }
    ?b ?q ?y .
    { SELECT ?c WHERE { ?c ?r ?z } LIMIT 300 }
}";

fn numbered_payload(n: usize) -> GraphPayload {
    let names: Vec<(String, String)> = (0..n).map(|i| (format!("s{i}"), format!("\"value {i}"))).collect();
    let triples: Vec<(&str, &str, &str)> = names.iter().map(|(s, o)| (s.as_str(), "p", o.as_str())).collect();
    payload("big", "ccc", PARSER_VERSION, &triples)
}

#[test]
fn timeout_cancels_a_runaway_query() {
    let (_dir, store) = open();
    store.load(&numbered_payload(1000)).unwrap();
    let limit = Duration::from_millis(400);
    let started = Instant::now();
    let error = store.query(RUNAWAY, &QueryOptions::new(limit, 10)).unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, GraphError::Timeout { limit: l } if l == limit), "{error}");
    assert!(error.to_string().contains("400 ms"), "{error}");
    println!("runaway query cancelled after {elapsed:?} (limit {limit:?})");
    assert!(elapsed >= limit && elapsed < limit * 2, "cancelled after {elapsed:?}");
    // The store still answers at once.
    assert_eq!(titles(&store), Vec::<String>::new());
}

#[test]
fn row_cap_truncates_solutions_and_triples() {
    let (_dir, store) = open();
    store.load(&numbered_payload(5)).unwrap();
    let select = format!("SELECT ?s WHERE {{ ?s <{EX}p> ?o }}");
    let construct = format!("CONSTRUCT WHERE {{ ?s <{EX}p> ?o }}");
    for (cap, rows, truncated) in [(10, 5, false), (5, 5, false), (4, 4, true), (0, 0, true)] {
        let options = QueryOptions::new(Duration::from_secs(10), cap);
        match store.query(&select, &options).unwrap() {
            QueryAnswer::Solutions { rows: got, truncated: cut, .. } => {
                assert_eq!((got.len(), cut), (rows, truncated), "SELECT with cap {cap}");
            }
            other => panic!("{other:?}"),
        }
        let answer = store.query(&construct, &options).unwrap();
        assert_eq!(answer.truncated(), truncated, "CONSTRUCT with cap {cap}");
        let QueryAnswer::Graph { triples, .. } = answer else { panic!("expected a graph") };
        assert_eq!(triples.len(), rows, "CONSTRUCT with cap {cap}");
    }
}

#[test]
fn every_results_format_parses_back() {
    let (_dir, store) = open();
    store.load(&payload("g1", "aaa", PARSER_VERSION, &[("a", "p", "\"x"), ("b", "p", "c")])).unwrap();
    let solutions = store
        .query(&format!("SELECT ?s ?o ?unbound WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s"), &QueryOptions::default())
        .unwrap();
    let ask = store.query(&format!("ASK {{ ?s <{EX}p> \"x\" }}"), &QueryOptions::default()).unwrap();
    assert_eq!(ask, QueryAnswer::Boolean(true));
    // CSV has no term types and oxigraph does not parse it back: check its text.
    let csv = String::from_utf8(solutions.write_results(QueryResultsFormat::Csv, Vec::new()).unwrap()).unwrap();
    assert_eq!(csv, format!("s,o,unbound\r\n{EX}a,x,\r\n{EX}b,{EX}c,\r\n"));
    let csv = ask.write_results(QueryResultsFormat::Csv, Vec::new()).unwrap();
    assert_eq!(String::from_utf8(csv).unwrap().trim(), "true");
    for format in [QueryResultsFormat::Json, QueryResultsFormat::Xml, QueryResultsFormat::Tsv] {
        let bytes = solutions.write_results(format, Vec::new()).unwrap();
        let parsed = QueryResultsParser::from_format(format).for_slice(&bytes).unwrap();
        let SliceQueryResultsParserOutput::Solutions(parsed) = parsed else { panic!("{format}: not solutions") };
        assert_eq!(parsed.variables().len(), 3, "{format}");
        let rows = parsed.map(|s| s.unwrap().values().to_vec()).collect::<Vec<_>>();
        let expected: Vec<Vec<Option<Term>>> = vec![
            vec![Some(node("a").into()), Some(Literal::from("x").into()), None],
            vec![Some(node("b").into()), Some(node("c").into()), None],
        ];
        assert_eq!(rows, expected, "{format}");
        let bytes = ask.write_results(format, Vec::new()).unwrap();
        let parsed = QueryResultsParser::from_format(format).for_slice(&bytes).unwrap();
        assert!(matches!(parsed, SliceQueryResultsParserOutput::Boolean(true)), "{format}");
    }
    let error = solutions.write_graph(RdfFormat::Turtle, Vec::new()).unwrap_err();
    assert!(matches!(error, GraphError::WrongFormat { .. }), "{error}");
}

#[test]
fn every_graph_format_parses_back() {
    let (_dir, store) = open();
    let base = BaseIri::default();
    for vocabulary in cbdkg_ingest::vocabulary_payloads(&base).unwrap() {
        store.load(&vocabulary).unwrap();
    }
    let answer = store.query("CONSTRUCT WHERE { ?s ?p ?o }", &QueryOptions::default()).unwrap();
    let QueryAnswer::Graph { triples, truncated: false } = &answer else { panic!("expected a whole graph") };
    assert!(triples.len() > 100, "{} triples", triples.len());
    let without_blank_nodes = |triples: &mut dyn Iterator<Item = Triple>| -> BTreeSet<String> {
        triples.filter(|t| !t.subject.is_blank_node() && !t.object.is_blank_node()).map(|t| t.to_string()).collect()
    };
    let expected = without_blank_nodes(&mut triples.iter().cloned());
    for format in
        [RdfFormat::Turtle, RdfFormat::NTriples, RdfFormat::RdfXml, RdfFormat::from_extension("jsonld").unwrap()]
    {
        let bytes = answer.write_graph(format, Vec::new()).unwrap();
        let mut parsed = RdfParser::from_format(format).for_slice(&bytes).map(|q| Triple::from(q.unwrap()));
        assert_eq!(without_blank_nodes(&mut parsed), expected, "{format}");
    }
    let error = answer.write_results(QueryResultsFormat::Json, Vec::new()).unwrap_err();
    assert!(matches!(error, GraphError::WrongFormat { .. }), "{error}");
}

#[test]
fn opening_reports_missing_and_locked_stores() {
    let dir = tempfile::tempdir().unwrap();
    let missing = GraphStore::open_read_only(dir.path()).unwrap_err();
    assert!(matches!(missing, GraphError::Missing { .. }), "{missing}");
    assert!(missing.to_string().contains(&dir.path().join("graph").display().to_string()), "{missing}");

    let store = GraphStore::open(dir.path()).unwrap();
    store.load(&payload("g1", "aaa", PARSER_VERSION, &[("doc", "title", "\"one")])).unwrap();
    let locked = GraphStore::open(dir.path()).unwrap_err();
    assert!(matches!(locked, GraphError::Locked { .. }), "{locked}");
    assert!(locked.to_string().contains(&dir.path().join("graph").display().to_string()), "{locked}");

    // A reader works beside the writer, and refuses to write.
    let reader = GraphStore::open_read_only(dir.path()).unwrap();
    assert_eq!(titles(&reader), ["\"one\""]);
    let refused = reader.load(&payload("g2", "bbb", PARSER_VERSION, &[])).unwrap_err();
    assert!(matches!(refused, GraphError::ReadOnly { .. }), "{refused}");
    assert_eq!(reader.status().unwrap().graphs, 1);
}

#[test]
fn updates_write_to_the_store() {
    let (_dir, store) = open();
    store.update(&format!("INSERT DATA {{ GRAPH <{EX}g9> {{ <{EX}doc> <{EX}title> \"nine\" }} }}")).unwrap();
    assert_eq!(titles(&store), ["\"nine\""]);
    let graphs = store.graphs().unwrap();
    assert_eq!((graphs.len(), graphs[0].sha256.as_deref()), (1, None));
    let error = store.update("DROP GRAPH <https://example.org/none>").unwrap_err();
    assert!(matches!(error, GraphError::Update { .. }), "{error}");
}
