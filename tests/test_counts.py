"""kg stats by SPARQL aggregates (kg.analysis.counts) gives what counting the networkx entity graph gives."""

from collections import Counter

import pytest

from kg import pipeline
from kg.analysis import counts
from kg.analysis.netx import to_networkx
from kg.store import oxigraph as store
from kg.store.query import run


def _reference(graph, top: int = 10) -> dict:
    """The counts read off the whole networkx projection (how kg stats counted before kg.analysis.counts)."""
    G = to_networkx(graph)
    arts = G.graph["articles"]
    per_date = Counter(a["date"] or "unknown" for a in arts.values())
    mention_dates: Counter = Counter()
    for a, n in run(graph, "SELECT ?a (COUNT(?m) AS ?n) WHERE { ?m a kg:Mention . OPTIONAL { ?m kg:inArticle ?a } } "
                           "GROUP BY ?a").rows:
        mention_dates[(arts.get(a or "") or {}).get("date") or "unknown"] += int(n)
    rels = Counter(d["relation"] for _, _, d in G.edges(data=True) if d["kind"] == "relation")
    nodes = list(G.nodes(data=True))

    def row(n, d):
        return {"label": d["label"], "class": d["class"], "mentions": d["mentions"], "articles": len(d["articles"]),
                "iri": n}

    return {
        "articles": len(arts), "mentions": sum(mention_dates.values()), "entities": G.number_of_nodes(),
        "entities_per_class": dict(sorted(Counter(d["class"] for _, d in nodes).items())),
        "relations": sum(rels.values()), "relations_per_type": dict(sorted(rels.items())),
        "shared_entities": sorted((row(n, d) for n, d in nodes if len(d["articles"]) >= 2),
                                  key=lambda r: (-r["articles"], -r["mentions"], r["label"])),
        "most_mentioned": sorted((row(n, d) for n, d in nodes if d["mentions"] > 0),
                                 key=lambda r: (-r["mentions"], -r["articles"], r["label"]))[:top],
        "articles_per_date": dict(sorted(per_date.items())),
        "mentions_per_date": dict(sorted(mention_dates.items())),
    }


@pytest.fixture(scope="module")
def sample_store(sample_result, tmp_path_factory):
    path = tmp_path_factory.mktemp("counts") / "db"
    pipeline.write_store(sample_result, path)
    return path


def test_aggregates_count_what_the_entity_graph_holds(sample_result):
    got = counts.stats(sample_result.graph, top=5)
    assert got == _reference(sample_result.graph, top=5)
    assert got["entities"] > 10 and got["relations"] > 0 and got["articles"] == len(sample_result.articles)


def test_the_build_summary_counts_the_entities_kg_stats_counts(sample_result):
    from kg import pipeline

    line = next(x for x in pipeline.summary(sample_result).splitlines() if x.startswith("entities"))
    assert int(line.split()[1]) == counts.stats(sample_result.graph, top=5)["entities"]


def test_aggregates_on_a_store(sample_store):
    s = store.open_store(sample_store, read_only=True)
    assert counts.stats(s, top=3) == _reference(s, top=3)


def test_cached_counts_kept_by_the_build_and_counted_again_when_the_store_changes(sample_store, sample_result,
                                                                                monkeypatch):
    s = store.open_store(sample_store, read_only=True)
    whole = counts.stats(s, top=3)
    del s
    monkeypatch.setattr(counts, "tally", lambda *a, **k: pytest.fail("counted again"))
    assert counts.cached(sample_store, None, top=3) == whole  # the build left its tally beside the store
    monkeypatch.undo()
    pipeline.write_store(sample_result, sample_store)  # a build of the same file: its tally is brought up to date
    s = store.open_store(sample_store, read_only=True)
    assert counts.version(sample_store) is not None and counts.cached(sample_store, s, top=3) == whole
    del s
    w = store.open_store(sample_store)  # changed by something else than a build: counted again when asked
    w.update("INSERT DATA { GRAPH <urn:x> { <urn:a> a <https://w3id.org/kgnews/ontology#Article> } }")
    del w
    assert counts.version(sample_store) is None
    assert counts.cached(sample_store, None, top=3)["articles"] == whole["articles"] + 1


def test_kg_build_keeps_the_tally_of_the_store_it_adds_to(tmp_path):
    """Through the command: the early check that the store can be written (an open to write, which may compact
    the store's tables) comes after the tally's version is read, so each build brings the tally up to date."""
    import json

    from click.testing import CliRunner

    from kg.cli import main

    db = tmp_path / "db"
    for n, body in enumerate(["湘江燃气有限公司今天宣布扩建城区燃气管网。", "青山镇政府今天召开会议，部署防汛工作。",
                              "湘江燃气有限公司开展冬季安全检查。"]):
        src = tmp_path / f"s{n}.jsonl"
        src.write_text(json.dumps({"title": f"新闻{n}", "date": "2026-03-01", "body": body, "url": f"https://x/{n}"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
        got = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / f"out{n}"), "--store", str(db),
                                        "--no-validate", "-j", "1"])
        assert got.exit_code == 0, got.output
        assert counts.version(db) is not None, n
    s = store.open_store(db, read_only=True)
    assert counts.cached(db, s, top=None) == counts.stats(s, top=None)
    assert counts.cached(db, s)["articles"] == 3


def test_a_new_stores_tally_read_from_the_build_is_the_one_sparql_reads(sample_result, tmp_path, monkeypatch):
    """A build into a new store keeps the tally its triples gave (no SPARQL pass over the store): the same as
    counting the store, labels of the entities included (the only ones counted)."""
    from dataclasses import replace

    real = counts.tally
    monkeypatch.setattr(counts, "tally", lambda *a, **k: pytest.fail("counted the new store again"))
    pipeline.write_outputs(replace(sample_result, stats={}), tmp_path / "out", tmp_path / "db")
    monkeypatch.undo()
    saved, kept = counts._load((tmp_path / "db").resolve())
    assert saved == counts.version(tmp_path / "db") and kept is not None
    read = real(store.open_store(tmp_path / "db", read_only=True))
    read["labels"] = {e: v for e, v in read["labels"].items() if e in read["types"]}
    assert kept == read and len(kept["types"]) > 50 and kept["rels"] and sum(kept["mentions"].values()) > 100
