"""Analysis commands on a store folder give what they give on the build's graph file."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sv")
    r = CliRunner().invoke(main, ["build", "-q", "--no-validate", "-o", str(tmp / "out"), "--store", str(tmp / "db")])
    assert r.exit_code == 0, r.output
    return tmp


@pytest.mark.parametrize("args", [["stats", "--top", "5"], ["central", "--top", "5"], ["communities"]])
def test_store_answers_like_the_graph_file(built, args):
    a = CliRunner().invoke(main, [args[0], str(built / "out"), "--json", *args[1:]])
    b = CliRunner().invoke(main, [args[0], str(built / "db"), "--json", *args[1:]])
    assert a.exit_code == 0 and b.exit_code == 0, (a.output, b.output)
    assert json.loads(a.output) == json.loads(b.output)


def test_projection_is_cached_until_the_store_changes(built):
    from kg.analysis import storeview

    G = storeview.network(built / "db")
    cache = built / ".db.kg-netx.pickle"
    assert cache.is_file() and (built / ".db.kg-egraph.pickle").is_file()  # projected from the cached entity graph
    stamp = cache.stat().st_mtime_ns
    assert storeview.network(built / "db").number_of_nodes() == G.number_of_nodes()
    assert cache.stat().st_mtime_ns == stamp  # read, not rebuilt
    from pathlib import Path

    gold = Path(__file__).resolve().parent / "gold" / "articles" / "p01_hunan_20250710.txt"
    CliRunner().invoke(main, ["build", "-q", "--no-validate", "-o", str(built / "out2"), "--store", str(built / "db"),
                              str(gold)])
    assert storeview.network(built / "db").number_of_nodes() > G.number_of_nodes()
