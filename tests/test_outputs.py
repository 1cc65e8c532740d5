"""The build's files from the quad stream (kg.outputs, kg.rdf.write): the same triples as the graph, two
parsers agree, identical bytes between identical runs, one generation switched in at once."""

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.viz import explorer
from kg import outputs, pipeline
from kg.cli import main
from kg.rdf.build import dataset
from kg.rdf.ntriples import from_rdflib
from kg.util.resources import sample_page

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "articles"


@pytest.fixture(scope="module")
def written(sample_result, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    pipeline.write_outputs(sample_result, out)
    return out


def _nt(triple):
    return " ".join(from_rdflib(t) for t in triple)


def test_files_hold_exactly_the_triples_of_the_graph(sample_result, written):
    want = {_nt(t) for t in sample_result.graph}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.trig", ox.RdfFormat.TRIG),
                      ("graph.nq", ox.RdfFormat.N_QUADS)):
        got = {str(q.triple) for q in ox.parse(path=str(written / name), format=fmt)}
        assert got == want, name
    # rdflib reads the same Turtle (literal forms kept: no rounding of doubles)
    assert {_nt(t) for t in Graph().parse(written / "graph.ttl")} == want


def test_named_graphs_are_those_of_the_dataset(sample_result, written):
    ds = dataset(list(sample_result.articles), sample_result.linked, sample_result.base)
    extra = {str(q) for q in ox.parse(path=str(written / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    want = {f"{_nt(t)} <{g.identifier}>" for g in ds.graphs() for t in g}
    assert want <= extra  # plus the measures and initiative kinds, in their article's graph or the entities graph
    trig = Dataset()
    trig.parse(written / "graph.trig", format="trig")
    assert {f"{_nt(t)} <{g.identifier}>" for g in trig.graphs() for t in g} == extra


def test_the_page_from_the_written_triples_is_the_page_from_the_graph(sample_result, tmp_path):
    """The explorer reads the triples as graph.ttl is written (kg.viz.explorer_lines) and draws what SPARQL on the
    rdflib graph gives."""
    written = outputs.write(sample_result.emit, tmp_path, sample_result.base, sample_result.fact_predicates)
    html = next(p for p in written if p.name == "graph.html")
    assert html.read_text(encoding="utf-8") == explorer.render(sample_result.graph)


@pytest.mark.parametrize("full", [True, False])
def test_the_line_reader_gives_the_entity_graph_sparql_gives(sample_result, written, full):
    from kg.analysis import egraph
    from kg.rdf.write import split_triple
    from kg.viz.explorer_lines import Reader

    lines = sorted({line.rstrip("\n").rsplit(" ", 2)[0] for line in open(written / "graph.nq", encoding="utf-8")})
    reader = Reader(bodies=full, mentions=full)
    for line in lines:
        reader.add(*split_triple(line))
    got = reader.graph()
    want = egraph.read(ox_store(written / "graph.nq"), bodies=full, mentions=full)
    assert want.entities and want.relations and want.statements and want.roles and (want.mentions or not full)
    for name in want.__dataclass_fields__:
        assert getattr(got, name) == getattr(want, name), name
    assert got == egraph.read(sample_result.graph, bodies=full, mentions=full)


def ox_store(nquads):
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    return store


def _build(paths, out, *extra, seed="0"):
    code = "import sys; from kg.cli import main; sys.argv=['kg','build','-q']+sys.argv[1:]; main()"
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code, "-o", str(out), *extra, *map(str, paths)], check=True, env=env)


def test_identical_bytes_between_runs_and_input_orders(tmp_path):
    inputs = [sample_page(), GOLD / "p01_hunan_20250710.txt", GOLD / "j01_feed.jsonl"]
    _build(inputs, tmp_path / "a", seed="1")
    _build(list(reversed(inputs)), tmp_path / "b", seed="2")
    for name in outputs.NAMES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_outputs_switch_as_one_generation(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in outputs.NAMES:  # files of an older kg (regular files) are adopted, then replaced together
        (out / name).write_text("old", encoding="utf-8")
    (out / ".kg-gen-999999999-dead").mkdir()  # left by a build that was killed
    result = CliRunner().invoke(main, ["build", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    targets = {os.path.realpath(out / name) for name in outputs.NAMES}
    assert {os.path.dirname(t) for t in targets} == {os.path.realpath(out / ".kg-current")}
    assert all((out / name).read_bytes() != b"old" for name in outputs.NAMES)
    generations = sorted(p.name for p in out.iterdir() if p.name.startswith(".kg-gen-"))
    assert len(generations) == 1 and sorted(p.name for p in out.iterdir()) == sorted(
        [".kg-current", *generations, *outputs.NAMES])
    first = (out / "graph.ttl").read_bytes()
    CliRunner().invoke(main, ["build", "-q", "-o", str(out)])
    assert (out / "graph.ttl").read_bytes() == first
    assert len([p for p in out.iterdir() if p.name.startswith(".kg-gen-")]) == 1


def test_validation_is_asked_for_or_skipped(tmp_path):
    pytest.importorskip("pyshacl")
    r = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "a"), "--no-validate"])
    assert r.exit_code == 0 and "SHACL" not in r.output
    r = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "b"), "--validate", "-v"])
    assert r.exit_code == 0 and "SHACL" in r.output
    for stage in ("extract", "link", "rdf", "serialise", "explorer", "validate"):
        assert f"  {stage}" in r.output


def test_a_released_build_writes_the_same_files_store_and_summary(written, tmp_path):
    """``release``: the build's data let go of once every quad is out (what ``kg build`` does without a SHACL check,
    so that an archive's articles do not stay in memory beside the store's loader): the files, the store and the
    summary are those of a build that keeps it."""
    def build(out, store):
        result = pipeline.run([sample_page()])
        kept = pipeline.summary(result).split("\ntime")[0]
        pipeline.write_outputs(result, out, store, release=True)
        return result, kept

    result, kept = build(tmp_path / "out", tmp_path / "db")
    assert pipeline.summary(result).split("\ntime")[0] == kept
    assert not result.articles and not result.mentions and not result.linked.entities
    for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.html"):
        assert (tmp_path / "out" / name).read_bytes() == (written / name).read_bytes(), name
    again = pipeline.run([sample_page()])  # into a store that has them: the build is renamed as the store names it
    pipeline.write_outputs(again, tmp_path / "out2", tmp_path / "db", release=True)
    assert not again.articles and not again.linked.entities and pipeline.summary(again).split("\ntime")[0] == kept
    kept_store = tmp_path / "db2"
    pipeline.write_store(pipeline.run([sample_page()]), kept_store)
    quads = [sorted(map(str, ox.Store.read_only(str(d)))) for d in (tmp_path / "db", kept_store)]
    assert quads[0] == quads[1] and quads[0]


def test_outputs_streamed_while_linking_are_those_written_after(tmp_path):
    """kg build streams what extraction decides while it links (pipeline.Outputs given to run as ``early``): the
    files and a new store hold exactly what writing the finished build gives."""
    import pyoxigraph as ox

    from kg import pipeline
    from kg.util.resources import sample_page

    with pipeline.Outputs(tmp_path / "early", tmp_path / "early.db") as early:
        result = pipeline.run([sample_page()], early=early)
        assert "spans" in result.timer.stages  # streamed before linking, not at the end
        early.finish(result)
    pipeline.write_outputs(pipeline.run([sample_page()]), tmp_path / "late", tmp_path / "late.db")
    for name in ("graph.nq", "graph.trig", "graph.ttl", "graph.html"):
        assert (tmp_path / "early" / name).read_bytes() == (tmp_path / "late" / name).read_bytes(), name
    quads = [sorted(map(str, ox.Store.read_only(str(tmp_path / db)))) for db in ("early.db", "late.db")]
    assert quads[0] == quads[1] and len(quads[0]) > 1000


def _piped(monkeypatch):
    from kg.util.extsort import _gnu_sort

    if _gnu_sort() is None:
        pytest.skip("no GNU sort on this system")
    monkeypatch.setattr(outputs, "SORT_LIMIT", 500)  # both sorts in GNU sort processes, as in a large build


def test_files_written_beside_each_other_are_those_written_in_turn(sample_result, written, tmp_path, monkeypatch):
    """A build too large to sort in memory writes graph.nq and graph.trig in a child process, from GNU sort's
    pipe, while graph.ttl is written here: the same bytes as writing them in turn."""
    _piped(monkeypatch)
    pipeline.write_outputs(sample_result, tmp_path / "out")
    for name in outputs.NAMES:
        assert (tmp_path / "out" / name).read_bytes() == (written / name).read_bytes(), name


def test_a_failing_quad_writer_fails_the_build_and_leaves_nothing(sample_result, tmp_path, monkeypatch):
    import kg.util.child

    _piped(monkeypatch)
    real = kg.util.child.python_module
    monkeypatch.setattr(kg.util.child, "python_module",
                        lambda module, *args, **popen: real("kg.no_such_module", **popen))
    with pytest.raises(OSError, match="graph.nq and graph.trig.*No module named kg.no_such_module"):
        pipeline.write_outputs(sample_result, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_new_store_keeps_the_graph_kg_central_reads(sample_result, tmp_path):
    """A build that makes a new store saves kg central's collapsed entity graph beside it, read from the triples it
    wrote: the one kg central would read from the store (and it is used: no store read on the first kg central)."""
    from kg.analysis import storeview
    from kg.analysis.egraph import read
    from kg.analysis.netx import collapse
    from kg.store.oxigraph import open_store

    db = tmp_path / "db"
    pipeline.write_outputs(sample_result, tmp_path / "out", db)
    kept = storeview._saved(db.resolve(), "collapsed", storeview._version(db.resolve()))
    assert kept is not None
    fresh = collapse(read(open_store(db, read_only=True), articles=False, bodies=False, mentions=False, evidence=False))
    assert (kept.nodes, kept.label, kept.cls, kept.articles) == (fresh.nodes, fresh.label, fresh.cls, fresh.articles)
    assert (kept.src == fresh.src).all() and (kept.dst == fresh.dst).all() and (kept.weight == fresh.weight).all()
    assert len(kept.src) > 50
    assert storeview.collapsed(db, object()) is not None  # from the file: the (unusable) store is not read
