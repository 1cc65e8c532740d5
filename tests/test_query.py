import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.store.query import QueryError, format_result, load, run

KG = Namespace("https://w3id.org/kgnews/ontology#")


@pytest.fixture
def graph_file(tmp_path):
    g = Graph()
    for i, name in enumerate(["长沙市", "娄底市人社局"]):
        node = URIRef(f"https://w3id.org/kgnews/id/x/{i}")
        g.add((node, RDF.type, KG.GovernmentBody))
        g.add((node, RDFS.label, Literal(name, lang="zh")))
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    return path


def test_select_with_predeclared_prefixes(graph_file):
    rows = run(load(graph_file), "SELECT ?l WHERE { ?x a kg:GovernmentBody ; rdfs:label ?l } ORDER BY ?l")
    assert rows.columns == ["l"]
    assert [r[0] for r in rows.rows] == ["娄底市人社局", "长沙市"]


def test_output_folder_is_accepted(graph_file):
    assert len(load(graph_file.parent)) == 4


def test_table_aligns_wide_characters(graph_file):
    from kg.store.query import _width

    out = format_result(run(load(graph_file), "SELECT ?l ?x WHERE { ?x rdfs:label ?l } ORDER BY ?l"), "table")
    lines = out.splitlines()
    assert lines[-1] == "(2 rows)"
    # the second column starts at the same display column in both rows, although the labels differ in length
    starts = {_width(line[: line.index("https")]) for line in lines[2:4]}
    assert starts == {_width("娄底市人社局") + 2}


def test_csv_and_json(graph_file):
    result = run(load(graph_file), "SELECT ?l WHERE { ?x rdfs:label ?l } ORDER BY ?l")
    assert format_result(result, "csv").splitlines() == ["l", "娄底市人社局", "长沙市"]
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["l"]
    assert data["results"]["bindings"][1]["l"]["value"] == "长沙市"


def test_ask(graph_file):
    assert format_result(run(load(graph_file), "ASK { ?x a kg:GovernmentBody }")) == "true"


def test_syntax_error_is_one_line_with_position(graph_file):
    with pytest.raises(QueryError) as err:
        run(load(graph_file), "SELECT ?x WHERE {\n  ?x a kg:Person \n")
    msg = str(err.value)
    assert "\n" not in msg and "line" in msg and "column" in msg


def test_missing_and_broken_graph_files(tmp_path):
    with pytest.raises(QueryError, match="no such graph"):
        load(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="bad.ttl"):
        load(bad)
