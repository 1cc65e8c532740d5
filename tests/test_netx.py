import doctest
import random
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

import kg.analysis.netx
from kg.analysis.netx import CO_MENTION, to_networkx
from kg.store.query import load, run

SMALL = Path(__file__).parent / "analysis" / "small.ttl"
ID = "https://example.org/id/"
NODES = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionCount ?c . FILTER(isIRI(?e)) }"
CO_MENTIONS = ("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x ?y WHERE { ?a schema:mentions ?x, ?y . "
               "?x kg:mentionCount ?cx . ?y kg:mentionCount ?cy . FILTER(STR(?x) < STR(?y)) } }")
RELATIONS = ("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . "
             "?s kg:mentionCount ?cs . ?o kg:mentionCount ?co . FILTER(?s != ?o) } } GROUP BY ?p")

def _count(graph, sparql):
    return int(run(graph, sparql).rows[0][0])


def _check_counts(graph):
    G = to_networkx(graph)
    assert G.number_of_nodes() == _count(graph, NODES)
    co = sum(1 for _, _, k in G.edges(keys=True) if k == CO_MENTION)
    assert co == _count(graph, CO_MENTIONS)
    per_type = {p.rsplit("#", 1)[-1]: int(n) for p, n in run(graph, RELATIONS).rows}
    assert Counter(d["relation"] for _, _, d in G.edges(data=True) if d["kind"] == "relation") == per_type
    assert G.number_of_edges() == co + sum(per_type.values())
    return G


def test_docstring_examples_run():
    result = doctest.testmod(kg.analysis.netx)
    assert result.attempted >= 4 and result.failed == 0


def test_counts_match_sparql_on_the_small_graph():
    G = _check_counts(load(SMALL))
    assert (G.number_of_nodes(), G.number_of_edges()) == (8, 14)


def test_counts_match_sparql_on_the_sample_page(sample_result):
    G = _check_counts(sample_result.graph)
    assert G.number_of_nodes() >= 50 and G.number_of_edges() > G.number_of_nodes()


def test_node_attributes():
    G = to_networkx(load(SMALL))
    bureau = G.nodes["https://example.org/id/bureau"]
    assert bureau["label"] == "甲市乙局" and bureau["class"] == "GovernmentBody"
    assert bureau["mentions"] == 2 and bureau["aliases"] == ["乙局"]
    assert bureau["articles"] == ["https://example.org/id/a1"]
    city = G.nodes["https://example.org/id/city"]
    assert (city["lat"], city["lon"]) == (28.2, 112.9)
    assert "lat" not in bureau
    assert G.graph["articles"]["https://example.org/id/a3"] == {
        "headline": "广场开放", "date": None, "body": "戊广场今天开放，赵六前来参观。"}
    assert G.graph["articles"]["https://example.org/id/a1"]["date"] == "2025-01-02"


def test_edges_weights_directions_and_memberships():
    G = to_networkx(load(SMALL))
    wang, bureau, city = (f"https://example.org/id/{n}" for n in ("wang", "bureau", "city"))
    co = G[wang][city][CO_MENTION]
    assert co["weight"] == 2 and co["articles"] == ["https://example.org/id/a1", "https://example.org/id/a2"]
    post = G[bureau][wang]["holdsPost"]
    assert (post["source"], post["target"], post["relation"]) == (wang, bureau, "holdsPost")
    assert post["roles"] == ["局长"] and post["articles"] == ["https://example.org/id/a1"]
    assert G[bureau][city]["locatedIn"]["kind"] == "relation"
    assert not any(u == v for u, v in G.edges())
    # record nodes never become entities
    assert not any(n.endswith(("/ms1", "/m1", "/a1", "/st1", "/s1")) for n in G)
    runs = G[bureau][f"{ID}action"]["runs"]
    assert runs["evidence"] == [{"article": f"{ID}a1", "sentence": "乙局负责丁行动。"}]
    assert runs["articles"] == [f"{ID}a1"] and runs["roles"] == []
    assert G[bureau][city]["locatedIn"]["evidence"] == []


def test_most_specific_class_wins():
    from rdflib import RDF, URIRef

    g = load(SMALL)
    g.add((URIRef(f"{ID}bureau"), RDF.type, URIRef("https://w3id.org/kgnews/ontology#Organization")))
    g.add((URIRef(f"{ID}action"), RDF.type, URIRef("https://w3id.org/kgnews/ontology#Campaign")))
    G = to_networkx(g)
    assert G.nodes[f"{ID}bureau"]["class"] == "GovernmentBody"
    assert G.nodes[f"{ID}action"]["class"] == "Campaign"


def test_self_loops_and_literals_are_left_out():
    g = load(SMALL)
    g.parse(format="turtle", data="@prefix kg: <https://w3id.org/kgnews/ontology#> . "
                                  "<https://example.org/id/city> kg:partOf <https://example.org/id/city> .")
    G = to_networkx(g)
    assert G.number_of_edges() == 14


def test_result_does_not_depend_on_triple_order():
    lines = load(SMALL).serialize(format="nt").splitlines()
    random.Random(3).shuffle(lines)
    shuffled = Graph().parse(data="\n".join(lines), format="nt")
    a, b = to_networkx(load(SMALL)), to_networkx(shuffled)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_empty_graph():
    G = to_networkx(Graph())
    assert G.number_of_nodes() == 0 and G.graph["articles"] == {}


@pytest.mark.parametrize("extra", ["kg:locatedIn", "kg:mentionsSomething"])
def test_any_entity_to_entity_property_becomes_an_edge(extra):
    g = load(SMALL)
    g.parse(format="turtle", data=f"@prefix kg: <https://w3id.org/kgnews/ontology#> . "
                                  f"<https://example.org/id/zhao> {extra} <https://example.org/id/square> .")
    G = to_networkx(g)
    rel = extra.split(":")[1]
    assert G["https://example.org/id/zhao"]["https://example.org/id/square"][rel]["relation"] == rel


def test_ontology_classes_are_transitive():
    from kg.analysis.netx import ontology_classes

    classes = ontology_classes()
    assert classes["Enterprise"] >= {"Enterprise", "Organization"}
    assert classes["AdministrativeRegion"] >= {"AdministrativeRegion", "Place"}
    assert classes["Person"] == {"Person"}
