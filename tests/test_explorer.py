"""kg.explorer: the offline, self-contained graph.html."""

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, Literal

from kg import explorer

KG = rdflib.Namespace("https://w3id.org/kgnews/ontology#")
ID = rdflib.Namespace("https://w3id.org/kgnews/id/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SDO = rdflib.Namespace("https://schema.org/")
XSS = "<script>alert(1)</script>"


def triples():
    """Two articles, four entities, one relation, plus a membership and a mention that are not nodes."""
    a1, a2 = ID["article/doc-0"], ID["article/doc-1"]
    person, firm, region, plan = ID["person/p1"], ID["enterprise/e1"], ID["region/r1"], ID["initiative/i1"]
    out = [
        (a1, RDF.type, KG.Article), (a1, SDO.headline, Literal("示范镇启动新计划", lang="zh")),
        (a2, RDF.type, KG.Article), (a2, SDO.headline, Literal("某公司扩建厂房", lang="zh")),
        (person, RDF.type, KG.Person), (person, RDFS.label, Literal("王小明", lang="zh")),
        (firm, RDF.type, KG.Enterprise), (firm, RDFS.label, Literal("示范科技有限公司", lang="zh")),
        (firm, SKOS.altLabel, Literal("示范科技", lang="zh")), (firm, KG.mentionCount, Literal(3)),
        (region, RDF.type, KG.AdministrativeRegion), (region, RDFS.label, Literal("示范县", lang="zh")),
        (plan, RDF.type, KG.Initiative), (plan, RDFS.label, Literal("新计划", lang="zh")),
        (person, KG.holdsPost, firm),
        (a1, SDO.mentions, firm), (a2, SDO.mentions, firm), (a1, SDO.mentions, person),
        (a2, SDO.mentions, region),
        (ID["membership/m1"], RDF.type, KG.Membership), (ID["membership/m1"], ORG.member, person),
        (ID["membership/m1"], ORG.organization, firm),
        (ID["mention/doc-0/0-3"], RDF.type, KG.Mention), (ID["mention/doc-0/0-3"], KG.mentionOf, person),
    ]
    return out


def make_graph(extra=(), reverse=False):
    g = rdflib.Graph()
    items = triples() + list(extra)
    for t in reversed(items) if reverse else items:
        g.add(t)
    return g


def data_of(page):
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "embedded data block missing"
    return json.loads(m.group(1))


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
    data = data_of(explorer.render(make_graph()))
    assert sorted(by_name(data)) == ["新计划", "王小明", "示范县", "示范科技有限公司"]
    assert [n["id"] for n in data["nodes"]] == list(range(4))


def test_colour_and_shape_per_class():
    styles = list(explorer.CLASS_STYLE.values())
    assert len(set(c for c, _ in styles)) == len(styles) == 8
    assert len(set(s for _, s in styles)) == 8
    nodes = by_name(data_of(explorer.render(make_graph())))
    expected = {"王小明": "Person", "示范科技有限公司": "Enterprise", "示范县": "AdministrativeRegion",
                "新计划": "Initiative"}
    for name, cls in expected.items():
        assert nodes[name]["cls"] == cls
        assert (nodes[name]["color"], nodes[name]["shape"]) == explorer.CLASS_STYLE[cls]


def test_legend_names_every_class_in_chinese_and_english():
    page = explorer.render(make_graph())
    legend = re.search(r'<ul id="legend">(.*?)</ul>', page, re.S).group(1)
    for zh, en in [("人物", "Person"), ("企业", "Enterprise"), ("政府机构", "Government body"),
                   ("党组织", "Party organization"), ("组织", "Organization"),
                   ("行政区划", "Administrative region"), ("地点", "Place"), ("举措", "Initiative")]:
        assert zh in legend and en in legend
    assert "#legend {" in page and "position: fixed" in page


def test_no_external_resources():
    page = explorer.render(make_graph(), include_articles=True)
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


def test_strings_are_escaped():
    evil = ID["person/evil"]
    extra = [
        (evil, RDF.type, KG.Person), (evil, RDFS.label, Literal(XSS, lang="zh")),
        (evil, SKOS.altLabel, Literal("<!-- x", lang="zh")),
        (ID["article/doc-9"], RDF.type, KG.Article),
        (ID["article/doc-9"], SDO.headline, Literal("</script><script>alert(2)</script>", lang="zh")),
        (ID["article/doc-9"], SDO.mentions, evil),
    ]
    page = explorer.render(make_graph(extra), title='<img src=x onerror="alert(3)">', include_articles=True)
    assert XSS not in page
    assert "</script><script>alert(2)" not in page
    assert "<img" not in page
    assert "&lt;img src=x" in page
    json_block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "</" not in json_block and "<!--" not in json_block and "<" not in json_block
    node = by_name(data_of(page))[XSS]
    assert "<!-- x" in node["title"] and "</script><script>alert(2)</script>" in node["title"]


def test_tooltip_and_size():
    nodes = by_name(data_of(explorer.render(make_graph())))
    firm = nodes["示范科技有限公司"]
    assert firm["title"].splitlines()[:2] == ["示范科技有限公司", "企业 Enterprise"]
    assert "示范科技" in firm["title"]
    assert "示范镇启动新计划" in firm["title"] and "某公司扩建厂房" in firm["title"]
    assert firm["articles"] == 2 and nodes["王小明"]["articles"] == 1 and nodes["新计划"]["articles"] == 0
    assert firm["size"] > nodes["王小明"]["size"]
    assert nodes["新计划"]["font"]["size"] > 0  # label-inside shape grows by its text


def test_edges_are_typed_entity_relations():
    data = data_of(explorer.render(make_graph([(ID["person/p1"], KG.locatedIn, ID["person/p1"])])))
    ids = {n["name"]: n["id"] for n in data["nodes"]}
    assert data["edges"] == [{
        "from": ids["王小明"], "to": ids["示范科技有限公司"], "label": "任职于", "title": "任职于 (holds post at)",
    }]


def test_unknown_property_falls_back_to_local_name():
    extra = [(ID["region/r1"], rdflib.URIRef("https://example.org/ns#borders"), ID["enterprise/e1"])]
    data = data_of(explorer.render(make_graph(extra)))
    assert "borders" in [e["label"] for e in data["edges"]]


def test_articles_optional():
    data = data_of(explorer.render(make_graph(), include_articles=True))
    articles = [n for n in data["nodes"] if n["cls"] == "Article"]
    assert sorted(n["name"] for n in articles) == ["某公司扩建厂房", "示范镇启动新计划"]
    assert len([e for e in data["edges"] if e.get("dashes")]) == 4


def test_deterministic():
    first = explorer.render(make_graph())
    assert first == explorer.render(make_graph())
    assert first == explorer.render(make_graph(reverse=True))


def test_physics_fonts_and_stabilization():
    page = explorer.render(make_graph())
    options = data_of(page)["options"]
    assert options["physics"]["solver"] == "barnesHut"
    assert options["physics"]["stabilization"]["iterations"] == 200
    assert "Noto Sans CJK SC" in options["nodes"]["font"]["face"]
    assert "Microsoft YaHei" in options["edges"]["font"]["face"]
    assert '"stabilizationIterationsDone"' in page and "setOptions({physics: false})" in page


def test_large_graph_keeps_most_mentioned():
    extra = []
    for i in range(1001):
        e = ID[f"org/o{i}"]
        extra += [(e, RDF.type, KG.Organization), (e, RDFS.label, Literal(f"组织{i}", lang="zh"))]
    page = explorer.render(make_graph(extra))
    assert "showing 1,000 of 1,005 entities" in page
    names = by_name(data_of(page))
    assert len(names) == 1000
    assert {"示范科技有限公司", "王小明", "示范县"} <= set(names)  # the mentioned ones are kept

    small = explorer.render(make_graph(), max_nodes=2)
    assert "showing 2 of 4 entities" in small
    assert sorted(by_name(data_of(small))) == ["王小明", "示范科技有限公司"]


def test_empty_graph():
    page = explorer.render(rdflib.Graph())
    assert data_of(page)["nodes"] == [] and "No entities" in page


def test_write_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    explorer.write(make_graph(), target, title="t")
    assert os.listdir(tmp_path) == ["graph.html"]
    assert target.read_bytes() == explorer.render(make_graph(), title="t").encode("utf-8")

    before = target.read_bytes()

    def fail(*args):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", fail)
        with pytest.raises(OSError):
            explorer.write(make_graph(), target, title="other")
    assert os.listdir(tmp_path) == ["graph.html"] and target.read_bytes() == before
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_write_creates_folder(tmp_path):
    target = tmp_path / "out" / "graph.html"
    explorer.write(make_graph(), target)
    assert "王小明" in target.read_text(encoding="utf-8")

STUB = """
const calls = [];
const handlers = {};
const els = {};
function el(id) {
  return els[id] || (els[id] = {id, textContent: "", listeners: {},
    addEventListener(t, f) { this.listeners[t] = f; }});
}
global.document = {
  getElementById: el,
  querySelectorAll: () => [],
};
el("kg-data").textContent = require("fs").readFileSync(process.argv[2], "utf8");
global.vis = {
  DataSet: class { constructor(a) { this.a = a; } get(o) { return this.a.filter(o.filter); } update() {} },
  Network: class {
    constructor(c, d, o) { calls.push(["new", d.nodes.a.length, d.edges.a.length]); }
    on(e, f) { handlers[e] = f; } once(e, f) { handlers[e] = f; }
    setOptions(o) { calls.push(["setOptions", o]); }
    selectNodes(ids) { calls.push(["select", ids]); } focus() {} unselectAll() {}
  },
};
eval(require("fs").readFileSync(process.argv[3], "utf8"));
handlers["stabilizationProgress"]({iterations: 50, total: 200});
const progress = el("status").textContent;
handlers["stabilizationIterationsDone"]();
el("search").listeners["change"]({target: {value: "示范"}});
console.log(JSON.stringify({calls, progress}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_page_script_runs(tmp_path):
    page = explorer.render(make_graph())
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    (tmp_path / "data.json").write_text(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    (tmp_path / "page.js").write_text(scripts[-1])
    (tmp_path / "vis.js").write_text(scripts[0])
    (tmp_path / "stub.js").write_text(STUB)
    check = subprocess.run(["node", "--check", str(tmp_path / "vis.js")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    args = [str(tmp_path / name) for name in ("stub.js", "data.json", "page.js")]
    run = subprocess.run(["node", *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["calls"][0] == ["new", 4, 1]
    assert ["setOptions", {"physics": False}] in out["calls"]
    assert "25%" in out["progress"]
    selected = [c for c in out["calls"] if c[0] == "select"][0][1]
    assert len(selected) == 2  # 示范科技有限公司, 示范县
