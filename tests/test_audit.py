"""kg audit on a graph file (rdflib) and on a store (Oxigraph) gives the same answer, also when one of the nodes of
a name has no merge decision (rdflib refused to GROUP_CONCAT a group whose values are all unbound)."""

from rdflib import BNode, Graph, Literal, RDF, RDFS, URIRef

from kg.analysis.audit import audit
from kg.rdf.vocab import KG

BASE = "https://example.org/id/person/"


def _graph() -> Graph:
    g = Graph()
    for n, (mentions, reason) in enumerate([(6, "same name in the same province"), (1, None)]):
        node = URIRef(f"{BASE}{n}")
        g.add((node, RDF.type, KG.Person))
        g.add((node, RDFS.label, Literal("甲乙", lang="zh")))
        g.add((node, KG.mentionCount, Literal(mentions)))
        if reason:
            d = BNode()
            g.add((node, KG.mergeDecision, d))
            g.add((d, KG.reason, Literal(reason)))
            g.add((d, KG.surfaceForm, Literal("甲乙")))
            g.add((d, KG.confidence, Literal(0.8)))
    return g


def test_a_name_on_two_nodes_one_without_a_decision():
    a = audit(_graph())
    nodes = a.split["甲乙"]
    assert [(d["mentions"], d["reasons"]) for d in nodes] == [(6, ["same name in the same province"]), (1, [])]
    assert [w["reason"] for w in a.weakest] == ["same name in the same province"]


def test_the_store_gives_the_same_audit():
    import pyoxigraph as ox

    g = _graph()
    store = ox.Store()
    store.load(g.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert audit(store) == audit(g)
