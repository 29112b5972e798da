"""The SPARQL endpoint of `cbdkg serve` against real clients: SPARQLWrapper and rdflib.

The fixture ingests `data/corpus` (and the vocabularies, always loaded) into a temporary data
directory with the binary named by `CBDKG_BIN`, starts `cbdkg serve` on a free port with a
short query time limit, waits for its `listening on` line and always stops it at the end.
Queries rely on the vocabularies only, except where a test says it needs the corpus.
"""

import csv
import io
import os
import pathlib
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper

ROOT = pathlib.Path(__file__).resolve().parents[2]
TIMEOUT_MS = 1500
ONTOLOGY_GRAPH = "https://cbdkg.example/ontology"
CBDKG = "https://cbdkg.example/ontology#"

# Named graphs and their sizes: the vocabularies are always there.
GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
ASK_SCHEME = "ASK { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }"
CONSTRUCT_SCHEMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?s a skos:ConceptScheme ; skos:prefLabel ?l } WHERE { ?s a skos:ConceptScheme . OPTIONAL { ?s skos:prefLabel ?l } }
"""
# 300 x 300 x every triple in little memory: it runs until the time limit cancels it.
RUNAWAY = """SELECT (COUNT(*) AS ?n) WHERE {
    { SELECT ?a WHERE { ?a ?p ?x } LIMIT 300 }
    ?b ?q ?y .
    { SELECT ?c WHERE { ?c ?r ?z } LIMIT 300 }
}"""


def binary():
    path = os.environ.get("CBDKG_BIN")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("set CBDKG_BIN to the built cbdkg binary (scripts/test does)")
    return path


@pytest.fixture(scope="module")
def endpoint():
    """URL of a running endpoint over the ingested corpus."""
    cbdkg = binary()
    with tempfile.TemporaryDirectory(prefix="cbdkg-test-") as work:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CBDKG__")}
        env["CBDKG__SPARQL__TIMEOUT_MS"] = str(TIMEOUT_MS)
        env["RUST_LOG"] = "warn"
        data_dir = os.path.join(work, "data")
        # cwd=work: no stray ./cbdkg.toml is read.
        ingest = subprocess.run(
            [cbdkg, "ingest", str(ROOT / "data" / "corpus"), "--data-dir", data_dir],
            cwd=work, env=env, capture_output=True, text=True, timeout=300,
        )
        assert ingest.returncode == 0, f"ingest failed:\n{ingest.stdout}\n{ingest.stderr}"
        log = open(os.path.join(work, "serve.log"), "w+")
        server = subprocess.Popen(
            [cbdkg, "serve", "--addr", "127.0.0.1:0", "--data-dir", data_dir],
            cwd=work, env=env, stdout=subprocess.PIPE, stderr=log, text=True,
        )
        # If the server never prints its line, kill it so readline() returns.
        watchdog = threading.Timer(60, server.kill)
        watchdog.start()
        try:
            line = server.stdout.readline()
            watchdog.cancel()
            if not line.startswith("listening on http://"):
                log.seek(0)
                pytest.fail(f"server did not start: {line!r}\n{log.read()}")
            yield line.split()[-1] + "/sparql"
        finally:
            watchdog.cancel()
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()


def wrapper(url, query, fmt):
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def graph_names_from_rows(rows):
    return {row[0] for row in rows}


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_in_every_results_format(endpoint, fmt):
    result = wrapper(endpoint, GRAPHS, fmt).query()
    assert result.info()["cbdkg-row-cap"] == "10000"
    converted = result.convert()
    if fmt == JSON:
        assert converted["head"]["vars"] == ["g", "n"]
        graphs = {b["g"]["value"]: int(b["n"]["value"]) for b in converted["results"]["bindings"]}
    elif fmt == XML:
        graphs = {}
        for solution in converted.getElementsByTagName("result"):
            values = {
                b.getAttribute("name"): b.firstChild.firstChild.data
                for b in solution.getElementsByTagName("binding")
            }
            graphs[values["g"]] = int(values["n"])
    elif fmt == CSV:
        rows = list(csv.reader(io.StringIO(converted.decode("utf-8"))))
        assert rows[0] == ["g", "n"]
        graphs = {g: int(n) for g, n in rows[1:]}
    else:
        lines = converted.decode("utf-8").splitlines()
        assert lines[0] == "?g\t?n"
        graphs = {}
        for line in lines[1:]:
            g, n = line.split("\t")
            graphs[g.strip("<>")] = int(n.split("^^")[0].strip('"'))
    assert graphs[ONTOLOGY_GRAPH] > 100, graphs


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(endpoint, fmt):
    converted = wrapper(endpoint, ASK_SCHEME, fmt).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    negative = wrapper(endpoint, "ASK { <urn:x:nothing> ?p ?o }", JSON).query().convert()
    assert negative["boolean"] is False


def schemes_in(graph):
    return set(graph.subjects(RDF.type, SKOS.ConceptScheme))


@pytest.fixture(scope="module")
def expected_schemes(endpoint):
    rows = wrapper(endpoint, "SELECT DISTINCT ?s WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }", JSON)
    bindings = rows.query().convert()["results"]["bindings"]
    schemes = {rdflib.URIRef(b["s"]["value"]) for b in bindings}
    assert schemes
    return schemes


def test_construct_as_turtle(endpoint, expected_schemes):
    result = wrapper(endpoint, CONSTRUCT_SCHEMES, TURTLE).query()
    assert result.info()["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=result.convert(), format="turtle")
    assert schemes_in(graph) == expected_schemes


def test_construct_as_ntriples(endpoint, expected_schemes):
    client = wrapper(endpoint, CONSTRUCT_SCHEMES, N3)
    client.setOnlyConneg(True)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    result = client.query()
    assert result.info()["content-type"].startswith("application/n-triples")
    graph = rdflib.Graph().parse(data=result.convert(), format="nt")
    assert schemes_in(graph) == expected_schemes


def test_construct_as_jsonld(endpoint, expected_schemes):
    result = wrapper(endpoint, CONSTRUCT_SCHEMES, JSONLD).query()
    assert result.info()["content-type"].startswith("application/ld+json")
    graph = result.convert()  # SPARQLWrapper parses JSON-LD with rdflib
    assert schemes_in(graph) == expected_schemes


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparql_store(endpoint, expected_schemes, method):
    store = SPARQLStore(endpoint, method=method)
    graph = rdflib.Graph(store=store)
    rows = list(graph.query("SELECT DISTINCT ?s WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }"))
    assert {row[0] for row in rows} == expected_schemes
    assert set(graph.subjects(RDF.type, SKOS.ConceptScheme)) == expected_schemes
    assert graph.query(ASK_SCHEME).askAnswer is True


def test_corpus_decisions_are_queryable(endpoint):
    """Needs the corpus: data/corpus holds decisions XIII/23 and CP-11/4."""
    query = f"SELECT ?d WHERE {{ ?d a <{CBDKG}Decision> }}"
    bindings = wrapper(endpoint, query, JSON).query().convert()["results"]["bindings"]
    decisions = {b["d"]["value"].rsplit("/", 1)[-1] for b in bindings}
    assert {"COP-13-23", "CP-11-4"} <= decisions


@pytest.mark.parametrize("fmt", [JSON, CSV])
def test_decisions_cited_by_xiii_23(endpoint, fmt):
    """The foundation issue's partner query: what XIII/23 cites, as decision IRIs."""
    query = f"""SELECT DISTINCT ?cited WHERE {{
        ?unit <{CBDKG}inDocument> <https://cbdkg.example/id/decision/COP-13-23> ;
              <{CBDKG}citesDecision> ?cited }}"""
    converted = wrapper(endpoint, query, fmt).query().convert()
    if fmt == JSON:
        cited = {b["cited"]["value"] for b in converted["results"]["bindings"]}
    else:
        rows = list(csv.reader(io.StringIO(converted.decode("utf-8"))))
        assert rows[0] == ["cited"]
        cited = {row[0] for row in rows[1:]}
    for expected in ("COP-12-2", "COP-13-22", "CP-8-7"):
        assert f"https://cbdkg.example/id/decision/{expected}" in cited, sorted(cited)


def quick_query(endpoint):
    return wrapper(endpoint, ASK_SCHEME, JSON).query().convert()["boolean"]


def test_runaway_query_times_out_while_others_are_answered(endpoint):
    outcome = {}
    done = threading.Event()

    def runaway():
        started = time.monotonic()
        try:
            wrapper(endpoint, RUNAWAY, JSON).query()
            outcome["status"] = 200
        except urllib.error.HTTPError as error:
            outcome["status"] = error.code
            outcome["body"] = error.read().decode("utf-8")
        finally:
            outcome["elapsed"] = time.monotonic() - started
            done.set()

    started = time.monotonic()
    thread = threading.Thread(target=runaway)
    thread.start()
    answered_during = 0
    slowest = 0.0
    # A second client keeps querying while the runaway query runs (bounded by its limit).
    while not done.is_set() and time.monotonic() - started < TIMEOUT_MS / 1000 * 0.8:
        sent = time.monotonic()
        assert quick_query(endpoint) is True
        slowest = max(slowest, time.monotonic() - sent)
        if time.monotonic() - started > 0.3 and not done.is_set():
            answered_during += 1
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert outcome["status"] == 503, outcome
    assert "query_timeout" in outcome["body"] and f"{TIMEOUT_MS} ms" in outcome["body"], outcome
    assert TIMEOUT_MS / 1000 <= outcome["elapsed"] < 2 * TIMEOUT_MS / 1000, outcome
    assert answered_during >= 1, "no other query was answered while the runaway query ran"
    assert slowest < 1.0, f"a quick query took {slowest:.2f} s during the runaway query"
    # The evaluation stopped: the endpoint answers at once afterwards.
    sent = time.monotonic()
    assert quick_query(endpoint) is True
    assert time.monotonic() - sent < 1.0


def test_updates_are_refused(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert "updates_disabled" in refused.value.read().decode("utf-8")
    assert wrapper(endpoint, "ASK { <urn:x:s> ?p ?o }", JSON).query().convert()["boolean"] is False


def test_service_description(endpoint):
    with urllib.request.urlopen(endpoint, timeout=30) as response:
        assert response.headers["content-type"].startswith("text/turtle")
        graph = rdflib.Graph().parse(data=response.read(), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert set(graph.subjects(RDF.type, sd.Service)) == {rdflib.URIRef(endpoint)}


def test_syntax_errors_are_400(endpoint):
    request = urllib.request.Request(
        endpoint, data=b"SELECT * WHERE { ?s ?p }", headers={"Content-Type": "application/sparql-query"}
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=30)
    assert error.value.code == 400
    assert "SPARQL syntax error" in error.value.read().decode("utf-8")
