import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.store import oxigraph as store
from kg.cli import main
from kg.store.query import QueryError, run
from kg.store.serve import make_server

from test_push import local_rows, same_rows

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
PEOPLE = "SELECT ?l WHERE { ?x a kg:Person ; rdfs:label ?l } ORDER BY ?l"


def _start(path, **options):
    server = make_server(path, port=0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def graph_file(sample_result, tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    sample_result.graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def endpoint(graph_file):
    from kg.viz import explorer

    server, url = _start(graph_file, max_rows=5, render=explorer.render)  # as kg serve passes it
    yield url
    server.shutdown()
    server.server_close()


def _get(url, accept=None, method="GET", data=None, ctype=None):
    headers = {"Accept": accept} if accept else {}
    if ctype:
        headers["Content-Type"] = ctype
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _q(url, query, **extra):
    return url + "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


def test_get_json_by_accept_header_without_cors(endpoint, sample_result):
    status, headers, body = _get(_q(endpoint, PEOPLE), accept="application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert not any(h.startswith("Access-Control") for h in headers)  # CORS is off unless an origin is allowed
    data = json.loads(body)
    labels = [b["l"]["value"] for b in data["results"]["bindings"]]
    assert labels == [r[0] for r in run(sample_result.graph, PEOPLE).rows][:5]
    assert data["results"]["bindings"][0]["l"]["xml:lang"] == "zh"
    assert headers.get("X-Kg-Truncated") == "true"  # more people than max_rows=5


def test_xml_csv_tsv(endpoint):
    status, headers, body = _get(_q(endpoint, PEOPLE), accept="application/sparql-results+xml")
    assert status == 200
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(body).findall(".//r:result", ns)) == 5
    status, headers, body = _get(_q(endpoint, PEOPLE, format="csv"))
    assert headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["l"] and len(rows) == 6
    status, headers, body = _get(_q(endpoint, PEOPLE), accept="text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?l" and lines[1].endswith('"@zh')


def test_post_direct_and_form(endpoint):
    status, _, body = _get(endpoint + "/sparql", method="POST", data=PEOPLE.encode("utf-8"),
                           ctype="application/sparql-query")
    assert status == 200 and json.loads(body)["results"]["bindings"]
    form = urllib.parse.urlencode({"query": "ASK { ?x a kg:Person }"}).encode()
    status, _, body = _get(endpoint + "/sparql", method="POST", data=form, ctype="application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_gives_turtle(endpoint):
    status, headers, body = _get(_q(endpoint, "CONSTRUCT { ?x a kg:Person } WHERE { ?x a kg:Person }"))
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    from rdflib import Graph

    assert len(Graph().parse(data=body.decode("utf-8"), format="turtle")) == 5


def test_preflight_errors_and_read_only(endpoint):
    status, headers, _ = _get(endpoint + "/sparql", method="OPTIONS")
    assert status == 204 and "Access-Control-Allow-Methods" not in headers
    status, _, body = _get(_q(endpoint, "SELECT ?x WHERE { ?x"))
    assert status == 400 and b"syntax" in body
    status, _, body = _get(endpoint + "/sparql", method="POST", data=b"CLEAR ALL", ctype="application/sparql-update")
    assert status == 403 and b"read-only" in body
    status, _, _ = _get(endpoint + "/nope")
    assert status == 404


def test_explorer_page_at_root(endpoint):
    status, headers, body = _get(endpoint + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<html" in body.lower()


def test_update_only_when_allowed(graph_file):
    server, url = _start(graph_file, allow_update=True)
    try:
        update = 'INSERT DATA { <https://example.org/x> a kg:Person ; rdfs:label "测试"@zh }'
        status, _, _ = _get(url + "/sparql", method="POST", data=update.encode(), ctype="application/sparql-update")
        assert status == 204
        _, _, body = _get(_q(url, 'ASK { ?x rdfs:label "测试"@zh }'))
        assert json.loads(body)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_time_out(graph_file):
    server, url = _start(graph_file, timeout=0.2, max_rows=10**9)
    try:
        status, _, body = _get(_q(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"))
        assert status == 503 and b"longer than" in body
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("memory", [False, True], ids=["on-disk", "in-memory"])
def test_store_folder_served_with_the_same_rows(sample_result, tmp_path, memory):
    db = tmp_path / "db"
    store.write(sample_result.graph, db)
    server, url = _start(db, max_rows=100_000, memory=memory)
    try:
        _, _, body = _get(_q(url, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", format="csv"))
        assert int(body.decode().split()[-1]) == len(store.partition(sample_result.graph))  # named graphs kept
        for rq in QUERIES:
            text = rq.read_text(encoding="utf-8")
            _, _, body = _get(_q(url, text, format="csv"))
            got = [tuple(r) for r in csv.reader(io.StringIO(body.decode("utf-8")))]
            assert same_rows(got, local_rows(sample_result.graph, text), text), rq.name
    finally:
        server.shutdown()
        server.server_close()


def test_memory_copy_is_read_only_and_detached(sample_result, tmp_path):
    db = tmp_path / "db"
    store.write(sample_result.graph, db)
    with pytest.raises(QueryError, match="--memory"):
        make_server(db, port=0, memory=True, allow_update=True)
    refused = CliRunner().invoke(main, ["serve", str(db), "--port", "0", "--memory", "--allow-update"])
    assert refused.exit_code == 2 and "updates would be lost" in refused.output
    server, url = _start(db, memory=True)
    try:
        before = len(store.open_store(db, read_only=True))
        server.store.clear()  # the copy in this process, not the folder
        assert len(store.open_store(db, read_only=True)) == before > 0
        status, _, _ = _get(url + "/sparql", method="POST", data=b"CLEAR ALL", ctype="application/sparql-update")
        assert status == 403
    finally:
        server.shutdown()
        server.server_close()


def test_cli_serve_bad_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "missing.ttl"), "--port", "0"])
    assert result.exit_code == 2 and "no such graph file" in result.output and "Traceback" not in result.output
