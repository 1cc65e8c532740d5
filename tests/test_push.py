"""kg push against a real Oxigraph server (the `oxigraph` package from PyPI); skipped when it is not installed."""

import csv
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.build import PREFIXES
from kg.store.push import PushError, push
from kg.store.query import run

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
OXIGRAPH = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def remote_rows(url: str, query: str, default_graphs: list[str] = ()) -> list[tuple]:
    args = [("query", HEADER + query)] + [("default-graph-uri", g) for g in default_graphs]
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode(args), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=60) as r:
        return sorted(tuple(row) for row in csv.reader(io.StringIO(r.read().decode("utf-8"))))


def local_rows(graph, query: str) -> list[tuple]:
    result = run(graph, query)
    return sorted([tuple(result.columns)] + [tuple("" if c is None else c for c in r) for r in result.rows])


def same_rows(a: list[tuple], b: list[tuple], query: str) -> bool:
    """Equal rows; GROUP_CONCAT's order is left to the engine, so its cells compare as multisets of words."""
    if "GROUP_CONCAT" in query.upper():
        a, b = ([tuple(" ".join(sorted(c.split())) for c in row) for row in rows] for rows in (a, b))
    return sorted(a) == sorted(b)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    if not OXIGRAPH:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def graph_file(sample_result, tmp_path_factory):
    path = tmp_path_factory.mktemp("push") / "graph.ttl"
    sample_result.graph.serialize(path, format="turtle")
    return path


def count(url: str, where: str = "{ ?s ?p ?o }") -> int:
    return int(remote_rows(url + "/query", f"SELECT (COUNT(*) AS ?n) WHERE {where}")[0][0])


def test_push_twice_gives_the_same_graph_and_the_same_rows(oxigraph, graph_file, sample_result):
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["push", str(graph_file), "--endpoint", oxigraph + "/store", "--batch", "700"])
        assert result.exit_code == 0, result.output
        assert "graph-store" in result.output
        assert count(oxigraph) == len(sample_result.graph)
    for rq in QUERIES:
        text = rq.read_text(encoding="utf-8")
        assert same_rows(remote_rows(oxigraph + "/query", text), local_rows(sample_result.graph, text), text), rq.name


def test_push_into_a_named_graph_and_by_sparql_update(oxigraph, sample_result):
    g1, g2 = "https://example.org/graph/gsp", "https://example.org/graph/update"
    push(sample_result.graph, oxigraph + "/store", g1, progress=False)
    done = push(sample_result.graph, oxigraph + "/update", g2, batch_size=1000, progress=False)
    done = push(sample_result.graph, oxigraph + "/update", g2, batch_size=1000, progress=False)
    assert done["protocol"] == "update" and done["batches"] > 1
    for g in (g1, g2):
        assert count(oxigraph, f"{{ GRAPH <{g}> {{ ?s ?p ?o }} }}") == len(sample_result.graph)


def test_unreachable_endpoint_is_one_line(graph_file):
    result = CliRunner().invoke(main, ["push", str(graph_file), "--endpoint", f"http://127.0.0.1:{free_port()}/store"])
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot reach") and len(result.output.strip().splitlines()) == 1


def test_refusing_endpoint_is_one_line(graph_file, sample_result):
    from kg.store.serve import make_server

    server = make_server(graph_file, port=0)  # read-only, and no Graph Store Protocol
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(PushError, match="refused"):
            push(sample_result.graph, f"http://127.0.0.1:{server.server_address[1]}/sparql", progress=False)
    finally:
        server.shutdown()
        server.server_close()


def test_password_env_must_exist(graph_file):
    result = CliRunner().invoke(main, ["push", str(graph_file), "--endpoint", "http://127.0.0.1:1/store",
                                       "--user", "u", "--password-env", "KG_NO_SUCH_VARIABLE"])
    assert result.exit_code == 2 and "KG_NO_SUCH_VARIABLE" in result.output


class _Proxy:
    """A tiny HTTP server in front of ``upstream``: forwards every request, but answers ``fail_at``-th data
    request (PUT/POST of N-Triples or INSERT DATA) with 500; or answers everything with a redirect to
    ``redirect``. Records the requests it saw (method, path, Authorization)."""

    def __init__(self, upstream=None, fail_at=None, redirect=None, code=302):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        proxy = self
        self.seen, self.data_requests = [], 0

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _any(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                proxy.seen.append((self.command, self.path, self.headers.get("Authorization")))
                if redirect is not None:
                    self.send_response(code)
                    self.send_header("Location", redirect + self.path)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if b"INSERT DATA" in body or "n-triples" in (self.headers.get("Content-Type") or ""):
                    proxy.data_requests += 1
                    if proxy.data_requests == fail_at:
                        self.send_response(500)
                        self.send_header("Content-Length", "6")
                        self.end_headers()
                        self.wfile.write(b"boom!\n")
                        return
                request = urllib.request.Request(upstream + self.path, data=body, method=self.command,
                                                 headers={"Content-Type": self.headers.get("Content-Type", "")})
                try:
                    with urllib.request.urlopen(request, timeout=60) as r:
                        status, payload = r.status, r.read()
                except urllib.error.HTTPError as e:
                    status, payload = e.code, e.read()
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_DELETE = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


import urllib.error  # noqa: E402


@pytest.mark.parametrize("path", ["/store", "/update"], ids=["graph-store", "sparql-update"])
def test_a_push_failing_midway_leaves_the_target_as_it_was(oxigraph, sample_result, path):
    from rdflib import Graph

    target = f"https://example.org/graph/midway{path.replace('/', '-')}"
    small = Graph()
    for t in sorted(sample_result.graph)[:100]:
        small.add(t)
    push(small, oxigraph + path, target, progress=False)
    assert count(oxigraph, f"{{ GRAPH <{target}> {{ ?s ?p ?o }} }}") == 100
    proxy = _Proxy(oxigraph, fail_at=3)
    try:
        with pytest.raises(PushError, match="the target graph was not changed"):
            push(sample_result.graph, proxy.url + path, target, batch_size=500, progress=False)
    finally:
        proxy.close()
    assert count(oxigraph, f"{{ GRAPH <{target}> {{ ?s ?p ?o }} }}") == 100  # the old graph, whole
    leftovers = remote_rows(oxigraph + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                 "FILTER STRSTARTS(STR(?g), 'urn:kg:push:') }")
    assert leftovers == [("g",)]  # the temporary graph was dropped
    push(sample_result.graph, oxigraph + path, target, batch_size=500, progress=False)
    assert count(oxigraph, f"{{ GRAPH <{target}> {{ ?s ?p ?o }} }}") == len(sample_result.graph)


def test_redirects_to_another_port_are_refused_and_credentials_stay(graph_file, sample_result):
    elsewhere = _Proxy(redirect="http://127.0.0.1:9")  # would record anything that reached it
    proxy = _Proxy(redirect=elsewhere.url, code=302)
    try:
        result = CliRunner(env={"KG_PW": "s3cret"}).invoke(main, [
            "push", str(graph_file), "--endpoint", proxy.url + "/store", "--user", "kg", "--password-env", "KG_PW"])
        assert result.exit_code == 1 and "redirected to another host or port" in result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
        assert elsewhere.seen == []  # nothing, and no credentials, went to the other port
    finally:
        proxy.close()
        elsewhere.close()


def test_user_info_is_never_printed(graph_file):
    url = f"http://kg:s3cret@127.0.0.1:{free_port()}/store"
    result = CliRunner().invoke(main, ["push", str(graph_file), "--endpoint", url])
    assert result.exit_code == 1 and "s3cret" not in result.output and "kg:" not in result.output
    assert result.output.startswith("error: cannot reach http://127.0.0.1:")


def test_user_info_is_used_for_basic_authentication(sample_result):
    proxy = _Proxy(upstream=None)  # records the request, then cannot forward it: the connection drops
    try:
        with pytest.raises(PushError):
            push(sample_result.graph, proxy.url.replace("//", "//kg:pw@") + "/store", progress=False)
        assert proxy.seen and all(auth == "Basic a2c6cHc=" for _, _, auth in proxy.seen)  # base64("kg:pw")
    finally:
        proxy.close()


@pytest.mark.parametrize("url", ["http://[::1/store", "http://127.0.0.1:notaport/store", "http://127.0.0.1:99999/x",
                                 "http:///store", "http://exa mple.org/store"])
def test_malformed_endpoint_urls_are_one_line(graph_file, url):
    result = CliRunner().invoke(main, ["push", str(graph_file), "--endpoint", url])
    assert result.exit_code in (1, 2) and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "error" in result.output.lower() and len(result.output.strip().splitlines()) <= 2
