"""The store written from the quad stream (kg build --store) is the store written from the rdflib graph."""

import pyoxigraph as ox
from click.testing import CliRunner

from kg import pipeline, store
from kg.cli import main
from kg.resources import sample_page


def _quads(path):
    s = store.open_store(path, read_only=True)
    return {str(q) for q in s}


def test_stream_layout_is_the_partition_of_the_graph(sample_result, tmp_path):
    store.write(sample_result.graph, tmp_path / "a")
    pipeline.write_store(sample_result, tmp_path / "b")
    a, b = _quads(tmp_path / "a"), _quads(tmp_path / "b")
    assert a == b
    assert len(b) == len(sample_result.graph)  # every triple in exactly one graph


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
