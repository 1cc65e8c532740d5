import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef

from kg.cli import main
from kg.store.export import FORMATS, canonical, canonical_iri, export, property_graph

ROOT = Path(__file__).resolve().parents[1]
RDF = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}


def same(a, b):
    """Same triples, literals compared by value (serializers may rewrite "383"^^xsd:decimal as 383.0)."""
    def norm(g):
        return {tuple((t.toPython(), t.datatype, t.language) if isinstance(t, Literal) else t for t in triple)
                for triple in g}

    return len(a) == len(b) and norm(a) == norm(b)


@pytest.fixture(scope="module")
def graph(sample_result):
    return sample_result.graph


@pytest.mark.parametrize("fmt", sorted(RDF))
def test_rdf_formats_round_trip_through_rdflib_and_oxigraph(graph, fmt, tmp_path):
    [path] = export(graph, fmt, tmp_path / f"g.{FORMATS[fmt][0]}")
    back = Graph().parse(path, format=RDF[fmt])
    assert same(back, graph)
    st = ox.Store()
    st.load(path=str(path), format=ox.RdfFormat.from_extension(FORMATS[fmt][0]))
    assert len(st) == len(graph)
    # language tags survive
    assert any(isinstance(q.object, ox.Literal) and q.object.language == "zh" for q in st)


def test_jsonld_uses_the_published_context(graph, tmp_path):
    [path] = export(graph, "jsonld", tmp_path / "g.jsonld")
    data = json.loads(path.read_text(encoding="utf-8"))
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == published["@context"]


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_named_graph_per_article(graph, sample_result, fmt, tmp_path):
    [path] = export(graph, fmt, tmp_path / f"g.{FORMATS[fmt][0]}")
    ds = Dataset()
    ds.parse(path, format=fmt)
    names = {str(g.identifier) for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    articles = {str(a).replace("/article/", "/graph/article/") for a in graph.subjects(
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://w3id.org/kgnews/ontology#Article"))}
    assert names == articles | {"https://w3id.org/kgnews/id/graph/entities"}  # the layout of graph.trig
    assert len(articles) == len(sample_result.articles)
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert same(union, graph)
    st = ox.Store()
    st.load(path=str(path), format=ox.RdfFormat.from_extension(FORMATS[fmt][0]))
    assert {g.value for g in st.named_graphs()} == names
    assert len(st) == len(graph)  # each triple in exactly one graph


def test_iris_have_one_canonical_form():
    assert canonical_iri("https://example.org/a b/长沙") == "https://example.org/a%20b/%E9%95%BF%E6%B2%99"
    assert canonical_iri("https://example.org/%e9%95%bf{x}") == "https://example.org/%E9%95%BF%7Bx%7D"
    assert canonical_iri(canonical_iri("https://example.org/100%/长")) == canonical_iri("https://example.org/100%/长")
    g = Graph()
    g.add((URIRef("https://example.org/长 沙"), URIRef("https://example.org/p"), Literal("x", lang="zh")))
    g.add((URIRef("https://example.org/%E9%95%BF%20%E6%B2%99"), URIRef("https://example.org/p"), Literal("y")))
    fixed = canonical(g)
    assert len(set(fixed.subjects())) == 1
    assert all(str(s).isascii() for s in fixed.subjects())


def test_graphml_and_gexf_open_in_networkx(graph, tmp_path):
    expected = property_graph(graph)
    [path] = export(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(expected.nodes) and back.number_of_edges() == expected.number_of_edges()
    node, data = next((n, d) for n, d in back.nodes(data=True) if d["class"] == "Person")
    assert data["label"] == expected.nodes[node]["label"] and isinstance(data["mentionCount"], int)
    assert {d["relation"] for _, _, d in back.edges(data=True)} >= {"mentions", "holdsPost"}
    [path] = export(graph, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == expected.number_of_nodes()


def test_neo4j_csvs_have_headers_and_id_integrity(graph, tmp_path):
    nodes_path, rels_path = export(graph, "neo4j", tmp_path / "neo4j")
    nodes = list(csv.DictReader(io.StringIO(nodes_path.read_text(encoding="utf-8"))))
    rels = list(csv.DictReader(io.StringIO(rels_path.read_text(encoding="utf-8"))))
    assert list(nodes[0]) == ["iri:ID", "name", "mentionCount:int", ":LABEL"]
    assert list(rels[0]) == [":START_ID", ":END_ID", ":TYPE"]
    ids = [n["iri:ID"] for n in nodes]
    assert len(ids) == len(set(ids)) and all(n[":LABEL"] for n in nodes)
    assert all(r[":START_ID"] in set(ids) and r[":END_ID"] in set(ids) for r in rels)
    assert {"HOLDS_POST", "MENTIONS", "AUTHOR"} <= {r[":TYPE"] for r in rels}
    assert all(n["mentionCount:int"].isdigit() for n in nodes)


def test_cli_export(tmp_path, sample_result):
    src = tmp_path / "graph.ttl"
    sample_result.graph.serialize(src, format="turtle")
    result = CliRunner().invoke(main, ["export", str(src), "--format", "trig", "-o", str(tmp_path / "x.trig")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.trig").stat().st_size > 1000
    result = CliRunner().invoke(main, ["export", str(src), "--format", "neo4j"])
    assert result.exit_code == 0 and (tmp_path / "neo4j" / "nodes.csv").is_file()
    result = CliRunner().invoke(main, ["export", str(tmp_path / "none.ttl"), "--format", "turtle"])
    assert result.exit_code == 2 and "no such graph" in result.output


def test_cli_export_keeps_the_builds_named_graphs(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "-q", "-o", str(out)]).exit_code == 0
    if not (out / "graph.trig").is_file():
        pytest.skip("this build writes no graph.trig")
    built = Dataset()
    built.parse(out / "graph.trig", format="trig")
    result = CliRunner().invoke(main, ["export", str(out), "--format", "nquads", "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 0, result.output
    st = ox.Store()
    st.load(path=str(tmp_path / "g.nq"), format=ox.RdfFormat.N_QUADS)
    assert {g.value for g in st.named_graphs()} == {str(g.identifier) for g in built.graphs() if len(g)}
    assert len(st) == sum(len(g) for g in built.graphs())
