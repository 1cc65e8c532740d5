"""kg.viz.explorer: the data behind graph.html and the offline, self-contained page (browser tests:
tests/test_explorer_browser.py)."""

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, Literal

from kg.viz import explorer

KG = rdflib.Namespace("https://w3id.org/kgnews/ontology#")
ID = rdflib.Namespace("https://w3id.org/kgnews/id/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SDO = rdflib.Namespace("https://schema.org/")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
XSS = "<script>alert(1)</script>"

BODY1 = "示范县召开动员会。王小明担任示范科技总经理。示范科技将推进改革，示范科技表示欢迎。"
BODY2 = "某公司扩建厂房。示范科技有限公司在示范县投资。"


def mention(article, key, entity, anchor, begin):
    m = ID[f"mention/{key}/{begin}-{begin + len(anchor)}"]
    return [(m, RDF.type, KG.Mention), (m, KG.mentionOf, entity), (m, KG.inArticle, article),
            (m, NIF.anchorOf, Literal(anchor, lang="zh")), (m, NIF.beginIndex, Literal(begin)),
            (m, NIF.endIndex, Literal(begin + len(anchor)))]


def triples():
    """Two articles with bodies and mentions, four entities, relations, a membership with a role."""
    a1, a2 = ID["article/doc-0"], ID["article/doc-1"]
    person, firm, region, plan = ID["person/p1"], ID["enterprise/e1"], ID["region/r1"], ID["initiative/i1"]
    m = ID["membership/m1"]
    out = [
        (a1, RDF.type, KG.Article), (a1, SDO.headline, Literal("示范镇启动新计划", lang="zh")),
        (a1, SDO.articleBody, Literal(BODY1, lang="zh")),
        (a1, SDO.datePublished, Literal("2025-07-03", datatype=rdflib.XSD.date)),
        (a2, RDF.type, KG.Article), (a2, SDO.headline, Literal("某公司扩建厂房", lang="zh")),
        (a2, SDO.articleBody, Literal(BODY2, lang="zh")),
        (a2, SDO.datePublished, Literal("2025-08-01", datatype=rdflib.XSD.date)),
        (person, RDF.type, KG.Person), (person, RDFS.label, Literal("王小明", lang="zh")),
        (firm, RDF.type, KG.Enterprise), (firm, RDFS.label, Literal("示范科技有限公司", lang="zh")),
        (firm, SKOS.altLabel, Literal("示范科技", lang="zh")), (firm, KG.mentionCount, Literal(3)),
        (region, RDF.type, KG.AdministrativeRegion), (region, RDFS.label, Literal("示范县", lang="zh")),
        (region, KG.regionCode, Literal("439999")), (region, KG.adminLevel, Literal("county")),
        (plan, RDF.type, KG.Initiative), (plan, RDFS.label, Literal("新计划", lang="zh")),
        (person, KG.holdsPost, firm), (firm, KG.locatedIn, region), (firm, KG.runs, plan),
        (a1, SDO.mentions, firm), (a2, SDO.mentions, firm), (a1, SDO.mentions, person),
        (a1, SDO.mentions, plan), (a1, SDO.mentions, region), (a2, SDO.mentions, region),
        (m, RDF.type, KG.Membership), (m, ORG.member, person), (m, ORG.organization, firm),
        (m, KG.role, Literal("总经理", lang="zh")),
    ]
    # raw offsets differ from body offsets (the raw file has a headline line and inserted spaces)
    out += mention(a1, "doc-0", region, "示范县", 20)
    out += mention(a1, "doc-0", person, "王小明", 31)
    out += mention(a1, "doc-0", firm, "示范科技", 36)
    out += mention(a1, "doc-0", firm, "示范科技", 48)
    out += mention(a1, "doc-0", plan, "新计划", 3)  # only in the headline before the body
    out += mention(a2, "doc-1", firm, "示范科技有限公司", 30)
    out += mention(a2, "doc-1", region, "示范县", 40)
    return out


def make_graph(extra=(), reverse=False):
    g = rdflib.Graph()
    items = triples() + list(extra)
    for t in reversed(items) if reverse else items:
        g.add(t)
    return g


def data_of(page):
    """The page's data as explorer.collect gives it (rank aside), read back from the page's JSON blocks."""
    from kg.viz.explorer_pack import unpack

    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "embedded data block missing"
    index = json.loads(m.group(1))
    lazy = {k: json.loads(v) for k, v in
            re.findall(r'<script type="application/json" id="kg-lazy-([a-z]+)">(.*?)</script>', page, re.S)}
    return {**index, **unpack(index, lazy)}


def by_name(data):
    return {n["name"]: n for n in data["nodes"]}


class Attrs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attrs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]


def parse(page):
    p = Attrs()
    p.feed(page)
    return p


def test_nodes_are_entities_only():
    data = explorer.collect(make_graph())
    assert sorted(by_name(data)) == ["新计划", "王小明", "示范县", "示范科技有限公司"]
    assert [n["id"] for n in data["nodes"]] == list(range(4))
    assert data["view"] == [0, 1, 2, 3] and data["large"] is False


def test_class_styles_and_legend():
    styles = list(explorer.CLASS_STYLE.values())
    assert len(set(c for c, _ in styles)) == len(styles) == 9
    assert len(set(s for _, s in styles)) == 9
    data = explorer.collect(make_graph())
    assert {k: (v["color"], v["shape"]) for k, v in data["classes"].items()} == explorer.CLASS_STYLE
    assert data["classes"]["Person"]["zh"] == "人物"
    nodes = by_name(data)
    assert nodes["王小明"]["cls"] == "Person" and nodes["示范县"]["cls"] == "AdministrativeRegion"
    page = explorer.render(make_graph())
    legend = re.search(r'<ul id="legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    for zh, en in [("人物", "Person"), ("企业", "Enterprise"), ("政府机构", "Government body"),
                   ("党组织", "Party organization"), ("组织", "Organization"),
                   ("行政区划", "Administrative region"), ("地点", "Place"), ("举措", "Initiative"),
                   ("突发事件", "Incident")]:
        assert zh in legend and en in legend
    assert legend.count("data-cls=") == 9
    rel_legend = re.search(r'<ul id="rel-legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    assert "任职于" in rel_legend and "开展" in rel_legend and "stroke-dasharray" in rel_legend
    assert 'data-rel="co"' in rel_legend and 'data-rel="holdsPost"' in rel_legend  # co-mentions switch too
    assert legend.count("<button") == 9 and legend.count('aria-pressed="true"') == 9  # reachable by keyboard


def test_edges_are_typed_and_styled():
    data = explorer.collect(make_graph([(ID["person/p1"], KG.locatedIn, ID["person/p1"])]))
    ids = {n["name"]: n["id"] for n in data["nodes"]}
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert len(edges) == 3  # the self-loop is dropped
    assert edges[(ids["王小明"], ids["示范科技有限公司"])] == {
        "from": ids["王小明"], "to": ids["示范科技有限公司"], "rel": "holdsPost", "ev": []}
    assert edges[(ids["示范科技有限公司"], ids["示范县"])]["rel"] == "locatedIn"
    assert data["rels"]["holdsPost"]["en"] == "holds post at"
    assert data["rels"]["holdsPost"]["dashes"] != data["rels"]["locatedIn"]["dashes"]
    assert len({r["color"] for r in data["rels"].values()}) == len(data["rels"])


def test_unknown_property_falls_back_to_local_name():
    extra = [(ID["region/r1"], rdflib.URIRef("https://example.org/ns#borders"), ID["person/p1"])]
    data = explorer.collect(make_graph(extra))
    assert "borders" in [e["rel"] for e in data["edges"]]
    assert (data["rels"]["borders"]["color"], data["rels"]["borders"]["dashes"]) == explorer.OTHER_RELS[0]


def test_panel_data_aliases_posts_region_articles():
    data = explorer.collect(make_graph())
    nodes = by_name(data)
    firm, person, region = nodes["示范科技有限公司"], nodes["王小明"], nodes["示范县"]
    assert firm["aliases"] == ["示范科技"] and "aliases" not in person
    assert data["base"] + firm["iri"] == str(ID["enterprise/e1"])
    assert person["posts"] == [["总经理", firm["id"]]]
    assert (region["code"], region["level"]) == ("439999", "county")
    assert firm["n"] == 2 and person["n"] == 1
    assert [(data["articles"][a]["h"], data["articles"][a]["d"]) for a in firm["arts"]] == [
        ("示范镇启动新计划", "2025-07-03"), ("某公司扩建厂房", "2025-08-01")]


def test_holds_post_without_membership_still_listed():
    g = make_graph()
    g.remove((ID["membership/m1"], None, None))
    person = by_name(explorer.collect(g))["王小明"]
    assert person["posts"] == [["", by_name(explorer.collect(g))["示范科技有限公司"]["id"]]]


def test_article_text_and_mention_spans():
    data = explorer.collect(make_graph())
    nodes = by_name(data)
    art = next(a for a in data["articles"] if a["h"] == "示范镇启动新计划")
    assert art["t"] == BODY1
    spans = [(BODY1[s:e], data["nodes"][i]["name"]) for s, e, i in art["m"]]
    assert spans == [("示范县", "示范县"), ("王小明", "王小明"), ("示范科技", "示范科技有限公司"),
                     ("示范科技", "示范科技有限公司")]
    # the second mention of 示范科技 in raw order is its second occurrence in the body (the third sentence)
    second = BODY1.index("示范科技", BODY1.index("示范科技") + 1)
    assert art["m"][3][:2] == [second, second + 4]
    assert nodes["新计划"]["id"] not in [i for _, _, i in art["m"]]  # only in the headline


def test_relation_evidence_rows():
    st = ID["statement/s1"]
    sentence = ID["sentence/doc-0/9-22"]
    extra = [(st, RDF.type, KG.Statement), (st, RDF.subject, ID["person/p1"]), (st, RDF.predicate, KG.holdsPost),
             (st, RDF.object, ID["enterprise/e1"]), (st, KG.confidence, Literal(0.8)),
             (st, KG.extractor, Literal("rules")), (st, KG.inArticle, ID["article/doc-0"]),
             (st, KG.evidence, sentence), (sentence, NIF.anchorOf, Literal("王小明担任示范科技总经理。", lang="zh"))]
    data = explorer.collect(make_graph(extra))
    edge = next(e for e in data["edges"] if e["rel"] == "holdsPost")
    a = next(i for i, x in enumerate(data["articles"]) if x["h"] == "示范镇启动新计划")
    assert edge["ev"] == [["王小明担任示范科技总经理。", 0.8, "rules", a, ""]]


def test_urls_and_sources_of_articles():
    g = make_graph([(ID["article/doc-0"], SDO.url, rdflib.URIRef("https://news.example.org/a/1.html")),
                    (ID["article/doc-0"], rdflib.DCTERMS.source, Literal("page1.txt"))])
    art = next(a for a in explorer.collect(g)["articles"] if a["h"] == "示范镇启动新计划")
    assert art["u"] == "https://news.example.org/a/1.html" and art["src"] == "page1.txt"


def test_texts_left_out_above_the_budget(monkeypatch):
    from kg.viz import explorer_data

    monkeypatch.setattr(explorer_data, "BODY_BUDGET", 10)
    data = explorer.collect(make_graph())
    assert data["texts"] is False and all("t" not in a and "m" not in a for a in data["articles"])


def test_all_strings_escaped():
    evil = ID["person/evil"]
    extra = [
        (evil, RDF.type, KG.Person), (evil, RDFS.label, Literal(XSS, lang="zh")),
        (evil, SKOS.altLabel, Literal("<!-- x", lang="zh")),
        (ID["article/doc-9"], RDF.type, KG.Article),
        (ID["article/doc-9"], SDO.headline, Literal("</script><script>alert(2)</script>", lang="zh")),
        (ID["article/doc-9"], SDO.articleBody, Literal(f"他说{XSS}来了。", lang="zh")),
        (ID["article/doc-9"], SDO.mentions, evil),
        *mention(ID["article/doc-9"], "doc-9", evil, XSS, 2),
        (evil, rdflib.URIRef('https://example.org/"><img src=x onerror=alert(4)>'), ID["person/p1"]),
    ]
    page = explorer.render(make_graph(extra), title='<img src=x onerror="alert(3)">')
    assert XSS not in page
    assert "</script><script>alert(2)" not in page
    assert "<img" not in page
    assert "&lt;img src=x" in page
    json_block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in json_block and ">" not in json_block
    data = data_of(page)
    node = by_name(data)[XSS]
    assert node["aliases"] == ["<!-- x"]
    assert next(a for a in data["articles"] if a["h"].startswith("</script>"))["t"] == f"他说{XSS}来了。"
    assert "</script><script>alert(2)</script>" in [a["h"] for a in data["articles"]]
    # the page script never turns graph strings into HTML
    script = explorer._asset("explorer.js") + explorer._asset("panel.js")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


def test_no_external_resources():
    page = explorer.render(make_graph())
    parsed = parse(page)
    for tag, key, value in parsed.attrs:
        if key in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", value), (tag, key, value)
    assert "link" not in parsed.tags
    assert all(not v for t, k, v in parsed.attrs if t == "script" and k == "src")
    assert "@import" not in page
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "vis.Network" in page and "vis-network" in page  # the library itself is inlined
    assert "bootstrap" not in page.lower()
    csp = [v for t, k, v in parsed.attrs if t == "meta" and k == "content" and "default-src" in v]
    assert csp and "default-src 'none'" in csp[0]


def test_page_carries_the_collected_data():
    """The page's columns and lazy blocks read back (explorer_pack.unpack) give collect()'s data."""
    extra = [(ID["article/doc-0"], SDO.url, rdflib.URIRef("https://news.example.org/a/1.html"))]
    data = explorer.collect(make_graph(extra))
    back = data_of(explorer.render(make_graph(extra)))
    for n in data["nodes"]:
        del n["rank"]
    assert back["nodes"] == data["nodes"] and back["edges"] == data["edges"]
    assert back["articles"] == data["articles"] and back["view"] == data["view"]
    assert any("u" in a for a in back["articles"]) and any("m" in a for a in back["articles"])


def test_deterministic():
    first = explorer.render(make_graph())
    assert first == explorer.render(make_graph())
    assert first == explorer.render(make_graph(reverse=True))


def test_first_view_is_laid_out_and_stabilised():
    data = explorer.collect(make_graph())
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False  # the Python layout is the stable first view
    assert "Noto Sans CJK SC" in data["options"]["nodes"]["font"]["face"]
    assert data["options"]["edges"]["smooth"] is False


def big_graph(n_orgs=60):
    """make_graph() plus a star of n_orgs organisations around one hub and isolated ones."""
    extra, hub = [], ID["org/hub"]
    extra += [(hub, RDF.type, KG.Organization), (hub, RDFS.label, Literal("中心组织", lang="zh"))]
    for i in range(n_orgs):
        e = ID[f"org/o{i}"]
        extra += [(e, RDF.type, KG.Organization), (e, RDFS.label, Literal(f"组织{i:03d}", lang="zh"))]
        if i < 10:
            extra.append((e, KG.partOf, hub))
    return make_graph(extra)


def test_large_graph_opens_on_the_central_part():
    data = explorer.collect(big_graph(), initial_nodes=12)
    names = by_name(data)
    assert len(data["nodes"]) == 65 and len(data["view"]) == 12 and data["large"] is True
    shown = {data["nodes"][i]["name"] for i in data["view"]}
    assert "中心组织" in shown and "示范科技有限公司" in shown
    assert "组织059" not in shown  # isolated and never mentioned
    assert names["中心组织"]["rank"] > names["组织059"]["rank"]
    assert all(("x" in n) == (n["id"] in data["view"]) for n in data["nodes"])  # the rest is placed on expansion
    top = sorted(data["nodes"], key=lambda n: -n["rank"])[:30]
    assert all(n.get("top") == 1 for n in top) and sum(n.get("top", 0) for n in data["nodes"]) == 30


def test_communities_only_when_they_separate_the_view():
    data = explorer.collect(big_graph())
    of = {data["nodes"][int(k)]["name"]: v for k, v in data["comm"]["of"].items()}
    assert of["组织000"] == of["中心组织"] == of["组织009"]
    assert "组织059" not in of  # a singleton
    assert of["组织000"] != of["王小明"]
    assert len(data["comm"]["legend"]) == 2 and data["comm"]["legend"][0]["size"] == 11
    assert "中心组织" in data["comm"]["legend"][0]["names"]
    assert explorer.collect(make_graph())["comm"] is None  # four entities: nothing to separate
    star = [(ID[f"org/s{i}"], KG.partOf, ID["org/hub"]) for i in range(10)]
    star += [(ID[f"org/s{i}"], RDF.type, KG.Organization) for i in range(10)] + [(ID["org/hub"], RDF.type, KG.Organization)]
    assert explorer.collect(_graph(star))["comm"] is None  # one group


def _graph(items):
    g = rdflib.Graph()
    for t in items:
        g.add(t)
    return g


def test_co_mention_rule_is_cosine_top_partners():
    from kg.viz.explorer_data import co_mention_edges

    nodes = [{"arts": [0, 1, 2, 3]}, {"arts": [0]}, {"arts": [0, 1]}, {"arts": [3]}]
    for n in nodes:
        n["n"] = len(n["arts"])
    # 0 is in every article: it is the strongest partner of none but 3 (its only one); 1 and 2 pair by cosine
    assert co_mention_edges(nodes, [0, 1, 2, 3], top=1) == {(0, 2): 2, (0, 3): 1, (1, 2): 1}


def test_focus_and_hops():
    g = big_graph()
    one = explorer.collect(g, focus="王小明", hops=1)
    assert sorted(by_name(one)) == ["王小明", "示范科技有限公司"]
    assert [a["h"] for a in one["articles"]] == ["示范镇启动新计划", "某公司扩建厂房"]
    assert [a["h"] for a in explorer.collect(g, focus="王小明", hops=0)["articles"]] == ["示范镇启动新计划"]
    two = explorer.collect(g, focus="示范科技", hops=2)  # by alias
    assert sorted(by_name(two)) == ["新计划", "王小明", "示范县", "示范科技有限公司"]
    assert [n["id"] for n in two["nodes"]] == list(range(4))
    assert all(e["from"] < 4 and e["to"] < 4 for e in two["edges"])
    zero = explorer.collect(g, focus="中心组织", hops=0)
    assert sorted(by_name(zero)) == ["中心组织"]
    assert "within 1 hops of 王小明" in explorer.render(g, focus="王小明", hops=1)
    with pytest.raises(explorer.FocusError, match="did you mean: 示范科技有限公司"):
        explorer.collect(g, focus="示范科")


def test_empty_graph():
    page = explorer.render(rdflib.Graph())
    data = data_of(page)
    assert data["nodes"] == [] and data["view"] == [] and "No entities" in page


def test_write_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    assert explorer.write(make_graph(), target, title="t") == target
    assert os.listdir(tmp_path) == ["graph.html"]
    assert target.read_bytes() == explorer.render(make_graph(), title="t").encode("utf-8")
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    before = target.read_bytes()

    def fail(*args):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", fail)
        with pytest.raises(OSError):
            explorer.write(make_graph(), target, title="other")
    assert os.listdir(tmp_path) == ["graph.html"] and target.read_bytes() == before


def test_write_creates_folder(tmp_path):
    target = tmp_path / "out" / "graph.html"
    explorer.write(make_graph(), target)
    assert "王小明" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_page_scripts_parse(tmp_path):
    page = explorer.render(make_graph())
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for i, text in enumerate(scripts):
        (tmp_path / f"s{i}.js").write_text(text, encoding="utf-8")
        check = subprocess.run(["node", "--check", str(tmp_path / f"s{i}.js")], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_same_page_data_from_an_oxigraph_store(tmp_path):
    from kg.store import oxigraph as store

    g = make_graph([(ID["article/doc-0"], SDO.url, rdflib.URIRef("https://news.example.org/a/1.html"))])
    store.write(g, tmp_path / "db")
    from_store = explorer.collect(store.open_store(tmp_path / "db", read_only=True))
    from_graph = explorer.collect(g)
    assert from_store == from_graph and len(from_store["nodes"]) == 4


def test_label_inside_classes_are_the_ellipses_and_boxes():
    from kg.viz.explorer_data import LABEL_INSIDE

    assert set(LABEL_INSIDE) == {c for c, (_, shape) in explorer.CLASS_STYLE.items() if shape in ("ellipse", "box")}


def test_first_view_labels_do_not_overlap():
    from kg.viz.explorer_data import _label_box

    data = explorer.collect(big_graph(), initial_nodes=40)
    busiest = max(n["n"] for n in data["nodes"])
    boxes = {i: _label_box(data["nodes"][i], busiest) for i in data["view"]}
    at = {i: (data["nodes"][i]["x"], data["nodes"][i]["y"] + boxes[i][2]) for i in data["view"]}
    for a in data["view"]:
        for b in data["view"]:
            if a < b:
                apart_x = abs(at[a][0] - at[b][0]) >= (boxes[a][0] + boxes[b][0]) / 2 - 1
                apart_y = abs(at[a][1] - at[b][1]) >= (boxes[a][1] + boxes[b][1]) / 2 - 1
                assert apart_x or apart_y, (data["nodes"][a]["name"], data["nodes"][b]["name"])
