"""Named graphs (graph.trig / graph.nq) and removing one article's facts."""

from click.testing import CliRunner
from rdflib import Dataset, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.rdf import named
from kg.cli import main
from kg.rdf.build import DEFAULT_BASE, build, dataset
from kg.link.entities import link
from kg.model import Article, Mention, Relation

KG = Namespace("https://w3id.org/kgnews/ontology#")
ENTITY_CLASSES = [KG[c] for c in ("Person", "Enterprise", "GovernmentBody", "PartyOrganization", "Organization",
                                  "AdministrativeRegion", "Place", "Initiative")]


def art(aid, text):
    return Article(id=aid, source=f"{aid}.txt", headline=text[:6], text=text, offsets=tuple(range(len(text) + 1)),
                   body_start=0)


def ment(a, surface, cls, code=None):
    start = a.text.index(surface)
    return Mention(a.id, start, start + len(surface), start, start + len(surface), cls, surface, code=code)


def corpus(ids=("a", "b", "c")):
    texts = {
        "a": "岳阳市科技局启动“科技护航”行动。华兴纸业董事长王明表示支持。",
        "b": "岳阳市科学技术局发布通知。华兴纸业有限公司投产。",
        "c": "赣州市水务局召开会议。",
    }
    arts = [art(i, texts[i]) for i in ids]
    found, rels = {}, {}
    for a in arts:
        ms = []
        for surface, cls, code in (("岳阳市科技局", "GovernmentBody", None), ("岳阳市科学技术局", "GovernmentBody", None),
                                   ("科技护航", "Initiative", None), ("华兴纸业有限公司", "Enterprise", None),
                                   ("华兴纸业", "Enterprise", None), ("王明", "Person", None),
                                   ("赣州市水务局", "GovernmentBody", None)):
            if surface in a.text and not any(m.start <= a.text.index(surface) < m.end for m in ms):
                ms.append(ment(a, surface, cls, code))
        found[a.id] = sorted(ms, key=lambda m: m.start)
        people = [m for m in ms if m.cls == "Person"]
        orgs = [m for m in ms if m.text == "华兴纸业"]
        rels[a.id] = [Relation(a.id, "holdsPost", (a.id, people[0].start, people[0].end),
                               (a.id, orgs[0].start, orgs[0].end), 17, 31, 17, 31, role="董事长")] if people and orgs else []
    return arts, link(arts, found, rels)


def entities(g):
    return {s for c in ENTITY_CLASSES for s in g.subjects(RDF.type, c)}


def test_one_named_graph_per_article_plus_the_entities_graph():
    arts, linked = corpus()
    ds = dataset(arts, linked)
    names = sorted(str(g.identifier) for g in ds.graphs() if len(g))
    assert names == [DEFAULT_BASE + n for n in ("graph/article/a", "graph/article/b", "graph/article/c",
                                                "graph/entities")]
    union = named.union(ds)
    assert set(union) == set(build(arts, linked))
    a_graph = ds.graph(URIRef(DEFAULT_BASE + "graph/article/a"))
    assert (None, KG.holdsPost, None) in a_graph  # the fact the article states is in its graph


def test_trig_and_nquads_round_trip(tmp_path):
    import pyoxigraph

    arts, linked = corpus()
    ds = dataset(arts, linked)
    paths = named.write(ds, tmp_path)
    assert [p.name for p in paths] == ["graph.trig", "graph.nq"]
    again = named.load(tmp_path)
    assert len(named.union(again)) == len(named.union(ds))
    quads = list(pyoxigraph.parse(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    trig = list(pyoxigraph.parse(path=str(tmp_path / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    assert len(quads) == len(trig) == sum(len(g) for g in ds.graphs())


def test_removing_an_article_keeps_entities_another_article_supports():
    arts, linked = corpus()
    ds = dataset(arts, linked)
    assert named.remove(ds, "a") == ["a"]
    g = named.union(ds)
    labels = {str(o) for s in entities(g) for o in g.objects(s, RDFS.label)}
    assert "岳阳市科学技术局" in labels and "华兴纸业有限公司" in labels  # still mentioned by article b
    assert "科技护航" not in labels and "王明" not in labels  # only article a mentioned them
    assert "岳阳市科技局" not in {str(o) for o in g.objects(None, SKOS.altLabel)}  # form seen only in a
    assert (None, KG.holdsPost, None) not in g
    assert not list(g.subjects(KG.inArticle, URIRef(DEFAULT_BASE + "article/a")))
    agency = next(s for s in entities(g) if str(g.value(s, RDFS.label)) == "岳阳市科学技术局")
    assert int(g.value(agency, KG.mentionCount)) == 1


def test_removal_gives_the_entities_of_a_build_without_the_article():
    arts, linked = corpus()
    ds = dataset(arts, linked)
    named.remove(ds, "c.txt")  # by source file name
    rest_arts, rest_linked = corpus(("a", "b"))
    expected = build(rest_arts, rest_linked)
    assert entities(named.union(ds)) == entities(expected)


def test_remove_unknown_article_is_a_clear_error():
    import pytest

    arts, linked = corpus()
    with pytest.raises(named.RemoveError, match="no such article"):
        named.remove(dataset(arts, linked), "zzz")


def test_build_writes_trig_and_remove_command_rewrites_the_outputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text("岳阳市科技局启动\n\n岳阳市科技局启动“科技护航”行动。\n", encoding="utf-8")
    (src / "two.txt").write_text("岳阳市人社局发布\n\n岳阳市人社局发布通知，岳阳市科技局参加。\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "graph.trig").is_file() and (out / "graph.nq").is_file()
    before = Dataset().parse(out / "graph.trig", format="trig")
    ids = named.article_ids(before)
    one = next(a for a, s in ids.items() if s == "in/one.txt")  # a file in a folder: its path from the parent
    result = runner.invoke(main, ["remove", one, "--graph", str(out)])
    assert result.exit_code == 0, result.output
    assert f"removed    1 article(s): {one}" in result.output
    after = named.load(out)
    assert one not in named.article_ids(after) and len(named.article_ids(after)) == len(ids) - 1
    from rdflib import Graph

    ttl = Graph().parse(out / "graph.ttl")
    assert len(ttl) == len(named.union(after))
    assert any("科学技术局" in str(o) for o in ttl.objects(None, RDFS.label))  # two.txt still mentions it
    bad = runner.invoke(main, ["remove", "nope", "--graph", str(out)])
    assert bad.exit_code != 0 and "no such article" in bad.output and "Traceback" not in bad.output


def test_remove_help():
    result = CliRunner().invoke(main, ["remove", "--help"])
    assert result.exit_code == 0 and "--graph" in result.output
