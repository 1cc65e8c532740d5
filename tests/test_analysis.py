import doctest
import json
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

import kg.analysis.questions
from kg.analysis.questions import (
    AnalysisError,
    central,
    classes_matching,
    communities,
    find,
    format_central,
    format_communities,
    format_path,
    format_stats,
    format_timeline,
    path,
    stats,
    timeline,
)
from kg.analysis.egraph import read
from kg.analysis.netx import collapse, to_networkx
from kg.store.query import load, run

SMALL = Path(__file__).parent / "analysis" / "small.ttl"
ID = "https://example.org/id/"


@pytest.fixture(scope="module")
def small():
    return load(SMALL)


def test_doctests():
    assert doctest.testmod(kg.analysis.questions).failed == 0


# ---------------------------------------------------------------- stats


def test_stats_of_the_small_graph(small):
    s = stats(small)
    assert s["articles"] == 3 and s["mentions"] == 4 and s["entities"] == 8
    assert s["entities_per_class"] == {"AdministrativeRegion": 2, "Enterprise": 1, "GovernmentBody": 1,
                                       "Initiative": 1, "Person": 2, "Place": 1}
    assert s["relations_per_type"] == {"holdsPost": 1, "locatedIn": 2, "partOf": 1, "runs": 1}
    assert s["relations"] == 5
    assert [(r["label"], r["articles"]) for r in s["shared_entities"]] == [("王明", 2), ("甲市", 2)]
    assert [r["label"] for r in s["most_mentioned"]][:2] == ["王明", "甲市"]
    assert "某省" not in [r["label"] for r in s["most_mentioned"]]  # never mentioned
    assert s["articles_per_date"] == {"2025-01-02": 1, "2025-01-05": 1, "unknown": 1}
    assert s["mentions_per_date"] == {"2025-01-02": 2, "2025-01-05": 1, "unknown": 1}
    json.dumps(s)  # JSON-ready


def test_stats_top_limits_most_mentioned(small):
    assert len(stats(small, top=2)["most_mentioned"]) == 2


def test_stats_of_the_sample_agree_with_sparql(sample_result):
    g = sample_result.graph
    s = stats(g)
    assert s["articles"] == len(sample_result.articles)
    assert s["mentions"] == sum(len(m) for m in sample_result.mentions.values())
    assert sum(s["entities_per_class"].values()) == s["entities"]
    persons = run(g, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }").rows[0][0]
    assert s["entities_per_class"]["Person"] == int(persons)
    mentions = [r["mentions"] for r in s["most_mentioned"]]
    assert mentions == sorted(mentions, reverse=True)
    assert all(r["articles"] >= 2 for r in s["shared_entities"])
    assert sum(s["articles_per_date"].values()) == s["articles"]


def test_format_stats(small):
    text = format_stats(stats(small))
    for word in ("articles", "GovernmentBody", "locatedIn", "王明", "2025-01-05", "unknown"):
        assert word in text


# ---------------------------------------------------------------- classes and centrality


def test_classes_matching_by_name_label_and_case():
    assert classes_matching("Place") == {"Place", "AdministrativeRegion"}
    assert classes_matching("person") == {"Person"}
    assert classes_matching("enterprise") == {"Enterprise"}
    with pytest.raises(AnalysisError, match="unknown class 'Nothing'.*Person"):
        classes_matching("Nothing")


def test_central_ranks_by_pagerank(small):
    rows = central(small)
    assert len(rows) == 8
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)
    assert rows[0]["label"] == "甲市"  # the hub: co-mentioned in two articles and target of three relations
    assert abs(sum(r["pagerank"] for r in rows) - 1) < 1e-4
    by = {r["label"]: r for r in rows}
    assert by["甲市"]["betweenness"] > 0 and by["赵六"]["betweenness"] == 0
    assert by["赵六"]["degree"] == 1 and by["甲市"]["degree"] == 5


def test_central_class_filter_and_top(small):
    assert {r["class"] for r in central(small, cls="Organization")} == {"GovernmentBody", "Enterprise"}
    assert [r["label"] for r in central(small, cls="Person", top=1)] == ["王明"]
    with pytest.raises(AnalysisError):
        central(small, cls="Unicorn")


def test_pagerank_matches_networkx():
    G = nx.karate_club_graph()
    for u, v in G.edges():
        G[u][v]["weight"] = 1 + (u * v) % 3
    G.add_node("alone")
    mine = dict(zip(G, kg.analysis.questions._pagerank(collapse(G))))
    python = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if python is None:
        pytest.skip("networkx has no pure-Python PageRank to compare with")
    ref = python(G, weight="weight", tol=1e-12, max_iter=1000)
    assert max(abs(mine[n] - ref[n]) for n in G) < 1e-8


@pytest.mark.parametrize("k", [None, 5])
def test_betweenness_matches_networkx(k):
    """kg.analysis.rank.betweenness (numpy, a level at a time) gives networkx's betweenness, exact and sampled with
    the same seed, on a graph with a component apart, a node alone and paths of equal length."""
    if k is not None and tuple(int(x) for x in nx.__version__.split(".")[:2]) < (3, 5):
        pytest.skip("networkx before 3.5 scaled sampled betweenness another way")
    G = nx.karate_club_graph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("a", "d"), ("d", "c")])
    G.add_node("alone")
    mine = dict(zip(G, kg.analysis.questions._betweenness(collapse(G), k, seed=3)))
    ref = nx.betweenness_centrality(G, k=k, seed=3)
    assert max(abs(mine[n] - ref[n]) for n in G) < 1e-12
    assert ref["b"] > 0 and ref[0] > 0.1  # (the comparison is not of zeros)


def test_central_is_reproducible_on_the_sample(sample_result):
    G = to_networkx(sample_result.graph)
    assert central(G, top=15) == central(sample_result.graph, top=15)
    # what a store caches (collapsed straight from the entity graph) is what the multigraph collapses to
    # (as a store reads it: without the articles' fields, texts, mentions and evidence)
    direct, via = collapse(read(sample_result.graph, articles=False, bodies=False, mentions=False, evidence=False)), collapse(G)
    assert len(direct.src) > 50 and direct.weight.max() > 1
    assert (direct.nodes, direct.label, direct.cls, direct.articles) == (via.nodes, via.label, via.cls, via.articles)
    assert (direct.src == via.src).all() and (direct.dst == via.dst).all() and (direct.weight == via.weight).all()
    assert central(direct, top=15) == central(G, top=15)
    assert central(G, cls="Person")[0]["class"] == "Person"


def test_central_of_an_empty_graph():
    from rdflib import Graph

    assert central(Graph()) == []
    assert communities(Graph()) == []


# ---------------------------------------------------------------- communities


def test_communities_of_the_small_graph(small):
    found = communities(small)
    sizes = [c["size"] for c in found]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == 8
    (pair,) = [c for c in found if "赵六" in {m["label"] for m in c["members"]}]
    assert {m["label"] for m in pair["members"]} == {"赵六", "戊广场"} and pair["size"] == 2
    assert [a["headline"] for a in pair["articles"]] == ["广场开放"]
    for c in found:
        assert [a["members"] for a in c["articles"]] == sorted((a["members"] for a in c["articles"]), reverse=True)
    assert [c["id"] for c in found] == list(range(1, len(found) + 1))
    assert all(c["size"] >= 3 for c in communities(small, min_size=3))
    assert len(communities(small, min_size=3)) == len(found) - 1
    assert all(len(c["members"]) <= 1 for c in communities(small, top=1))


def test_communities_are_seeded_and_bound_by_real_articles(sample_result):
    a = communities(sample_result.graph, seed=7)
    assert a == communities(sample_result.graph, seed=7)
    G = to_networkx(sample_result.graph)
    full = communities(G, seed=7, top=10_000)
    assert [c["size"] for c in full] == [c["size"] for c in a]
    assert len({m["iri"] for c in full for m in c["members"]}) == sum(c["size"] for c in full)
    for c in full:
        members = {m["iri"] for m in c["members"]}
        assert len(members) == c["size"]
        for art in c["articles"]:
            assert art["members"] >= 2
            assert sum(art["iri"] in G.nodes[m]["articles"] for m in members) == art["members"]


def test_format_communities(small):
    text = format_communities(communities(small))
    assert "community 1: " in text and "2 entities" in text and "广场开放 (undated; 2 members)" in text
    assert format_communities([]) == "no communities"


# ---------------------------------------------------------------- names, paths


def test_find_by_label_alias_and_suggestion(small):
    assert find(small, "甲市乙局") == ID + "bureau"
    assert find(small, " 乙局 ") == ID + "bureau"
    with pytest.raises(AnalysisError, match="did you mean: 丙科技有限公司"):
        find(small, "丙科")
    with pytest.raises(AnalysisError, match="no entity named '无此'"):
        find(small, "无此")


def test_sentences_split_on_chinese_punctuation():
    assert kg.analysis.questions._sentences("一。二！三？\n四；五") == ["一。", "二！", "三？", "四；", "五"]


def test_path_direct_relation_with_role_and_sentence(small):
    hops = path(small, "乙局", "王明")
    assert len(hops) == 1
    h = hops[0]
    assert h["relation"] == "^holdsPost" and h["text"] == "王明 holdsPost 甲市乙局 (局长)"
    assert h["sentence"] == "甲市乙局局长王明介绍了丁行动的进展。" and h["headline"] == "甲市召开会议"


def test_path_prefers_explained_hops(small):
    hops = path(small, "丁行动", "丙科技")
    assert [(h["from"], h["to"], h["relation"]) for h in hops] == [
        ("丁行动", "甲市", "co-mention"), ("甲市", "丙科技有限公司", "^locatedIn")]
    assert hops[0]["text"] == "co-mentioned in 甲市召开会议"
    assert hops[0]["sentence"] == "甲市乙局局长王明介绍了丁行动的进展。"
    assert hops[1]["sentence"] == "丙科技位于甲市。"


def test_path_uses_the_evidence_sentence_of_a_statement(small):
    (hop,) = path(small, "甲市乙局", "丁行动")
    assert hop["relation"] == "runs" and hop["sentence"] == "乙局负责丁行动。"
    assert timeline(small, "丁行动")["events"][-1]["sentence"] == "乙局负责丁行动。"


def test_path_co_mention_sentence(small):
    (hop,) = path(small, "王明", "丙科技有限公司")
    assert hop["relation"] == "co-mention" and hop["sentence"] == "王明到丙科技有限公司调研！"


def test_path_relation_without_a_shared_article(small):
    (hop,) = path(small, "甲市", "某省")
    assert hop["relation"] == "partOf" and hop["names_only"] == "甲市"
    assert "甲市" in hop["sentence"]


def test_path_errors_and_same_entity(small):
    with pytest.raises(AnalysisError, match="no connection between '王明' and '赵六'"):
        path(small, "王明", "赵六")
    with pytest.raises(AnalysisError, match="no entity named"):
        path(small, "王明", "不存在")
    assert path(small, "乙局", "甲市乙局") == []


def test_path_hops_on_the_sample_are_chained_and_explained(sample_result):
    G = to_networkx(sample_result.graph)
    ranked = central(G, top=40)
    a, b = ranked[0], next(r for r in ranked if not set(G.nodes[r["iri"]]["articles"])
                          & set(G.nodes[ranked[0]["iri"]]["articles"]))
    hops = path(G, a["label"], b["label"])
    assert hops[0]["from"] == a["label"] and hops[-1]["to"] == b["label"]
    assert all(x["to"] == y["from"] for x, y in pairwise(hops))
    for h in hops:
        if h["sentence"]:
            names = [h["names_only"]] if h.get("names_only") else [h["from"], h["to"]]
            for name in names:
                n = find(G, name)
                assert any(s in h["sentence"] for s in [G.nodes[n]["label"], *G.nodes[n]["aliases"]])


def test_format_path(small):
    text = format_path(path(small, "丁行动", "丙科技"))
    assert text.splitlines()[0] == "1. 丁行动 -> 甲市: co-mentioned in 甲市召开会议"
    assert "「丙科技位于甲市。」" in text
    assert format_path([]) == "the two names are the same entity"


# ---------------------------------------------------------------- timeline


def test_timeline_of_a_person(small):
    t = timeline(small, "王明")
    assert (t["label"], t["class"]) == ("王明", "Person")
    assert [(e["date"], e["kind"], e["text"]) for e in t["events"]] == [
        ("2025-01-02", "mention", "甲市召开会议"),
        ("2025-01-02", "post", "王明 holdsPost 甲市乙局 (局长)"),
        ("2025-01-05", "mention", "丙科技投产"),
    ]
    assert t["events"][0]["sentence"] == "甲市乙局局长王明介绍了丁行动的进展。"


def test_timeline_of_an_organisation_by_alias(small):
    t = timeline(small, "乙局")
    assert [e["kind"] for e in t["events"]] == ["mention", "post", "initiative"]
    assert t["events"][2]["text"] == "甲市乙局 runs 丁行动"
    assert t["aliases"] == ["乙局"]


def test_timeline_undated_and_unknown(small):
    assert [e["date"] for e in timeline(small, "赵六")["events"]] == [None]
    assert "undated" in format_timeline(timeline(small, "赵六"))
    with pytest.raises(AnalysisError):
        timeline(small, "无名")


def test_timeline_of_the_sample(sample_result):
    person = central(sample_result.graph, cls="Person", top=1)[0]["label"]
    t = timeline(sample_result.graph, person)
    assert t["events"] and all(e["kind"] in ("mention", "post", "initiative") for e in t["events"])
    dates = [e["date"] or "~" for e in t["events"]]
    assert dates == sorted(dates)


def test_format_central(small):
    text = format_central(central(small, top=2))
    assert text.splitlines()[0].split() == ["entity", "class", "pagerank", "degree", "betweenness", "articles"]
    assert "甲市" in text and "(2 rows)" in text


def test_timeline_counts_any_relation_to_an_initiative():
    from rdflib import URIRef

    g = load(SMALL)
    g.add((URIRef(ID + "firm"), URIRef("https://w3id.org/kgnews/ontology#participatesIn"), URIRef(ID + "action")))
    events = timeline(g, "丙科技")["events"]
    # no article names both: the relation is dated by the earliest article about the initiative
    assert [(e["date"], e["kind"], e["text"]) for e in events] == [
        ("2025-01-02", "initiative", "丙科技有限公司 participatesIn 丁行动"), ("2025-01-05", "mention", "丙科技投产")]
    assert events[0]["sentence"] is None
