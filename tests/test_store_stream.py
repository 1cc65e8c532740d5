"""The store written from the quad stream (kg build --store) is the store written from the rdflib graph."""

import pyoxigraph as ox
from click.testing import CliRunner

from kg import pipeline
from kg.store import oxigraph as store
from kg.cli import main
from kg.util.resources import sample_page


def _quads(path):
    s = store.open_store(path, read_only=True)
    return {str(q) for q in s}


def test_stream_layout_is_the_partition_of_the_graph(sample_result, tmp_path):
    store.write(sample_result.graph, tmp_path / "a")
    pipeline.write_store(sample_result, tmp_path / "b")
    a, b = _quads(tmp_path / "a"), _quads(tmp_path / "b")
    keys = {q for q in b if q.endswith("/graph/linking>")}  # the linking keys (kg.store.incremental)
    assert keys and all("#linkingKey>" in q for q in keys)
    assert a == b - keys
    assert len(b - keys) == len(sample_result.graph)  # every triple in exactly one graph


def test_cli_store_rebuild_replaces_in_one_update(tmp_path):
    db = tmp_path / "db"
    for _ in range(2):
        r = CliRunner().invoke(main, ["build", "-q", "-o", str(tmp_path / "out"), "--store", str(db)])
        assert r.exit_code == 0, r.output
    s = store.open_store(db, read_only=True)
    n = {str(q) for q in s}
    one = tmp_path / "one"
    CliRunner().invoke(main, ["build", "-q", "-o", str(tmp_path / "out1"), "--store", str(one), sample_page()])
    assert n == _quads(one)
    counts = list(s.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e <https://w3id.org/kgnews/ontology#mentionCount> ?c } }"))
    ents = list(s.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e <https://w3id.org/kgnews/ontology#mentionCount> ?c } }"))
    assert counts[0][0].value == ents[0][0].value  # one count per entity after a rebuild
    assert isinstance(s, ox.Store)


def test_a_second_input_keeps_the_counts_of_the_first(tmp_path):
    from pathlib import Path

    gold = Path(__file__).resolve().parent / "gold" / "articles"
    one, two = gold / "p01_hunan_20250710.txt", gold / "p02_jiangxi_20250521.txt"
    q = "SELECT ?e ?n WHERE { GRAPH ?g { ?e <https://w3id.org/kgnews/ontology#mentionCount> ?n } }"

    def counts(db):
        return sorted((str(r[0]), int(r[1].value)) for r in store.open_store(db, read_only=True).query(q))

    for name, inputs in (("both", [one, two]), ("one-then-two", [one])):
        r = CliRunner().invoke(main, ["build", "-q", "-o", str(tmp_path / "o"), "--store", str(tmp_path / name),
                                      *map(str, inputs)])
        assert r.exit_code == 0, r.output
    CliRunner().invoke(main, ["build", "-q", "-o", str(tmp_path / "o"), "--store", str(tmp_path / "one-then-two"),
                              str(two)])
    separate = dict(counts(tmp_path / "one-then-two"))
    together = dict(counts(tmp_path / "both"))
    # an entity keyed the same in both builds is counted over both articles' mentions; every entity of the
    # first build keeps its count
    assert {e for e, n in separate.items() if n} == {e for e, n in together.items() if n}
    assert all(separate[e] == together[e] for e in together if e in separate)


def _in_time(fn, seconds=120):
    """Run ``fn`` in a thread; its exception (None: none), or fail if it is still running after ``seconds``."""
    import threading

    box = {}

    def run():
        try:
            fn()
        except BaseException as exc:
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the build hangs"
    return box.get("error")


def test_a_build_failing_mid_stream_leaves_no_store_and_does_not_hang(sample_result, tmp_path, monkeypatch):
    links = pipeline.quads.Stream.links

    def broken(self, linked):  # the spans are out (the loader has begun), then linking's half fails midway
        n, add = 0, self.add

        def some(*quad):
            nonlocal n
            n += 1
            if n == 500:
                raise RuntimeError("broken build")
            add(*quad)

        self.add = some
        links(self, linked)

    monkeypatch.setattr(pipeline.quads.Stream, "links", broken)
    error = _in_time(lambda: pipeline.write_outputs(sample_result, tmp_path / "out", tmp_path / "db"))
    assert isinstance(error, RuntimeError)
    assert not store.is_store(tmp_path / "db")
    assert not [p for p in tmp_path.iterdir() if ".kg-new-" in p.name]  # no half-loaded store beside it


def test_a_loader_that_fails_raises_its_error_and_does_not_hang(sample_result, tmp_path, monkeypatch):
    """A new store's loader (a child process reading the file as it is written) that cannot write its store."""
    from kg.util import generation

    (tmp_path / "a file").write_text("x")
    monkeypatch.setattr(generation, "sibling", lambda path, kind: tmp_path / "a file" / "new")
    error = _in_time(lambda: pipeline.write_outputs(sample_result, tmp_path / "out", tmp_path / "db"))
    assert isinstance(error, OSError) and "loader failed" in str(error), error
    assert not store.is_store(tmp_path / "db")
    assert not list((tmp_path / "out").glob(".kg-gen-*.store.nq"))  # the build's scratch file is gone


def test_an_update_that_fails_raises_its_error_and_leaves_the_store(sample_result, tmp_path, monkeypatch):
    """An existing store's update (prepared in a thread once the file is complete) that fails."""
    pipeline.write_outputs(sample_result, tmp_path / "out", tmp_path / "db")
    before = _quads(tmp_path / "db")

    def fails(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(store, "prepare_quads", fails)
    error = _in_time(lambda: pipeline.write_outputs(sample_result, tmp_path / "out", tmp_path / "db"))
    assert isinstance(error, OSError) and "no space" in str(error)
    assert _quads(tmp_path / "db") == before
