"""The endpoint's defences: bounded queries, SERVICE, killed slow queries, fairness, CORS, CSRF, timeouts."""

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kg.store import serve
from kg.cli import main
from kg.store.serve import is_loopback, make_server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = "ASK { ?x a kg:Person }"


def _start(path, **options):
    server = make_server(path, port=0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _stop(server):
    server.shutdown()
    server.server_close()


def _get(url, method="GET", data=None, headers=None, timeout=30):
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _q(url, query):
    return url + "/sparql?" + urllib.parse.urlencode({"query": query})


@pytest.fixture(scope="module")
def graph_file(sample_result, tmp_path_factory):
    path = tmp_path_factory.mktemp("guard") / "graph.ttl"
    sample_result.graph.serialize(path, format="turtle")
    return path


def test_nested_and_huge_queries_are_one_line_and_the_server_lives(graph_file):
    server, url = _start(graph_file)
    try:
        nested = "SELECT * WHERE { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }"  # 12 KB: crashed the parser
        status, _, body = _get(url + "/sparql", "POST", nested.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 400 and b"nests brackets more than" in body and body.count(b"\n") == 1
        status, _, body = _get(url + "/sparql", "POST", ("#" * 200_000).encode(),
                               {"Content-Type": "application/sparql-query"})
        assert status == 400 and b"characters long" in body
        with socket.create_connection(("127.0.0.1", server.server_address[1])) as sock:  # a body too big to read
            sock.sendall(b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 2000000\r\n\r\nSELECT")
            sock.settimeout(10)
            assert sock.recv(100).startswith(b"HTTP/1.0 413")
        assert json.loads(_get(_q(url, LIGHT))[2])["boolean"] is True
    finally:
        _stop(server)


def test_kg_query_on_a_store_refuses_a_nested_query_in_one_line(sample_result, tmp_path):
    from kg.store import oxigraph as store

    store.write(sample_result.graph, tmp_path / "db")
    nested = "SELECT * WHERE { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }"
    result = CliRunner().invoke(main, ["query", str(tmp_path / "db"), nested])
    assert result.exit_code == 2 and "nests brackets" in result.output and "Traceback" not in result.output


def test_service_is_refused_unless_allowed(graph_file):
    with socket.socket() as probe:  # a local port nobody listens on: SERVICE would try to reach it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    server, url = _start(graph_file)
    try:
        status, _, body = _get(_q(url, query))
        assert status == 400 and b"SERVICE" in body and b"--allow-service" in body
    finally:
        _stop(server)
    server, url = _start(graph_file, allow_service=True)
    try:
        status, _, body = _get(_q(url, query))
        assert b"--allow-service" not in body  # run (and failing to reach the port), not refused
    finally:
        _stop(server)


def test_a_slow_query_is_killed_and_light_queries_keep_flowing(graph_file):
    server, url = _start(graph_file, timeout=2, workers=6)
    try:
        pids = set(server.pool.everyone)
        results = {}

        def slow(n):
            results[n] = _get(_q(url, SLOW), timeout=60)

        threads = [threading.Thread(target=slow, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        started = time.monotonic()
        for _ in range(20):  # while four slow queries run, quick ones are answered at once
            status, _, body = _get(_q(url, LIGHT))
            assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - started < 1.5
        for t in threads:
            t.join()
        assert [results[n][0] for n in range(4)] == [503] * 4
        assert all(b"was stopped" in results[n][2] for n in range(4))
        assert len(set(server.pool.everyone) & pids) <= 2  # the slow queries' workers were killed and replaced
        assert len(server.pool.everyone) == 6
        for pid in pids - set(server.pool.everyone):
            with pytest.raises(ProcessLookupError):
                __import__("os").kill(pid, 0)
    finally:
        _stop(server)


def test_cors_only_for_allowed_origins(graph_file):
    server, url = _start(graph_file, cors_origins=("http://localhost:8080",))
    try:
        _, headers, _ = _get(_q(url, LIGHT), headers={"Origin": "http://localhost:8080"})
        assert headers["Access-Control-Allow-Origin"] == "http://localhost:8080"
        _, headers, _ = _get(_q(url, LIGHT), headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in headers
    finally:
        _stop(server)


def test_cross_site_updates_are_refused(graph_file):
    server, url = _start(graph_file, allow_update=True)
    host = url.split("//")[1]
    form = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    ctype = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        for headers in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page.html"},
                        {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
            status, _, body = _get(url + "/sparql", "POST", form, {**ctype, **headers})
            assert status == 403 and b"update refused" in body, headers
        assert json.loads(_get(_q(url, LIGHT))[2])["boolean"] is True  # nothing was cleared
        insert = 'INSERT DATA { <https://example.org/p> a kg:Person ; rdfs:label "测试"@zh }'
        same = {"Content-Type": "application/sparql-update", "Origin": f"http://{host}"}
        assert _get(url + "/sparql", "POST", insert.encode(), same)[0] == 204  # the page served here may update
        assert json.loads(_get(_q(url, 'ASK { ?x rdfs:label "测试"@zh }'))[2])["boolean"] is True
        status, _, body = _get(url + "/sparql", "POST", b"LOAD <http://127.0.0.1:1/x>",
                               {"Content-Type": "application/sparql-update"})
        assert status == 400 and b"LOAD" in body
    finally:
        _stop(server)


def test_silent_connections_are_dropped(graph_file, monkeypatch):
    monkeypatch.setattr(serve._Handler, "timeout", 0.5)
    server, url = _start(graph_file)
    try:
        port = server.server_address[1]
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"GET /sparql?query=ASK")  # never finished
            sock.settimeout(5)
            started = time.monotonic()
            assert sock.recv(100) == b""  # closed by the server
            assert time.monotonic() - started < 3
        assert server.request_queue_size >= 128
    finally:
        _stop(server)


def test_loopback_and_the_warning_for_other_addresses(graph_file):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    result = CliRunner().invoke(main, ["serve", str(graph_file), "--host", "192.0.2.1", "--port", "0"])
    assert "warning: listening on 192.0.2.1" in result.output and "Traceback" not in result.output
    assert result.exit_code == 2  # TEST-NET address: not on this machine, so it cannot be bound


def test_updates_to_a_store_folder_are_seen_by_the_query_workers(sample_result, tmp_path):
    from kg.store import oxigraph as store

    store.write(sample_result.graph, tmp_path / "db")
    server, url = _start(tmp_path / "db", allow_update=True, workers=2)
    ask = 'ASK { ?x rdfs:label "测试"@zh }'
    try:
        assert json.loads(_get(_q(url, ask))[2])["boolean"] is False
        insert = 'INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/p> rdfs:label "测试"@zh } }'
        assert _get(url + "/sparql", "POST", insert.encode(), {"Content-Type": "application/sparql-update"})[0] == 204
        for _ in range(3):  # every worker, not only the first
            assert json.loads(_get(_q(url, ask))[2])["boolean"] is True
    finally:
        _stop(server)
