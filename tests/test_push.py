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
from kg.graph import PREFIXES
from kg.push import PushError, push
from kg.query import run

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
    from kg.serve import make_server

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
