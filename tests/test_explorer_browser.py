"""graph.html in a real browser: Debian's /usr/bin/chromium driven by Playwright (never a downloaded browser).

Skipped when Chromium or the playwright package is absent (apt-get install -y chromium fonts-noto-cjk;
pip install '.[test]').
"""

import functools
import http.server
import os
import tempfile
import threading

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal

from kg.viz import explorer
from test_explorer import ID, KG, NIF, SDO, XSS, big_graph, make_graph, mention

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} not installed")

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.blockedURI));
"""


@pytest.fixture(scope="module")
def context():
    sync_api = pytest.importorskip("playwright.sync_api")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=ARGS,
                                                   viewport={"width": 1200, "height": 800})
        ctx.add_init_script(WATCH)
        yield ctx
        ctx.close()


class Opened:
    """A page opened in the browser, recording requests, dialogs and console errors."""

    def __init__(self, context, url):
        self.requests, self.dialogs, self.errors = [], [], []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_selector("html[data-ready='1']", timeout=30000)

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def visible(self):
        return sorted(self.js("() => KG.nodes.getIds()"))

    def node_id(self, name):
        return self.js("name => kgExplorer.data.nodes.find(n => n.name === name).id", name)

    def click_node(self, node_id):
        box = self.page.locator("#network canvas").bounding_box()
        pos = self.js("id => { const n = kgExplorer.network;"
                      " return n.canvasToDOM(n.getPositions([id])[id]); }", node_id)
        self.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])

    def at(self, node_id):
        box = self.page.locator("#network canvas").bounding_box()
        pos = self.js("id => { const n = KG.network; return n.canvasToDOM(n.getPositions([id])[id]); }", node_id)
        return box["x"] + pos["x"], box["y"] + pos["y"]

    def edge_ids(self):
        return sorted(self.js("() => KG.edges.getIds()"))

    def close(self):
        assert self.errors == []
        self.page.close()


@pytest.fixture
def open_graph(context, tmp_path):
    pages = []

    def opener(graph, **options):
        path = explorer.write(graph, tmp_path / f"graph{len(pages)}.html", **options)
        pages.append(Opened(context, path.as_uri()))
        return pages[-1]

    yield opener
    for p in pages:
        p.close()


def foreign(urls):
    return [u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))]


def statement(key, s, p, o, sentence, article, confidence=0.8, extractor="rules"):
    st, sn = ID[f"statement/{key}"], ID[f"sentence/{key}"]
    return [(st, RDF.type, KG.Statement), (st, RDF.subject, s), (st, RDF.predicate, p), (st, RDF.object, o),
            (st, KG.confidence, Literal(confidence)), (st, KG.extractor, Literal(extractor)),
            (st, KG.inArticle, article), (st, KG.evidence, sn), (sn, NIF.anchorOf, Literal(sentence, lang="zh"))]


def rich_graph():
    """make_graph() with a URL, a source and the evidence of the holdsPost relation."""
    return make_graph([(ID["article/doc-0"], SDO.url, rdflib.URIRef("https://news.example.org/a/1.html")),
                       (ID["article/doc-0"], rdflib.DCTERMS.source, Literal("page1.txt")),
                       *statement("s1", ID["person/p1"], KG.holdsPost, ID["enterprise/e1"], "王小明担任示范科技总经理。",
                                  ID["article/doc-0"])])


def test_draws_every_node_offline_with_co_mentions(open_graph):
    page = open_graph(make_graph())
    assert page.visible() == [0, 1, 2, 3]
    assert page.js("() => Object.keys(KG.network.getPositions()).length") == 4
    edges = page.edge_ids()
    assert sum(e.startswith("r") for e in edges) == 3 and any(e.startswith("c") for e in edges)
    painted = page.js("""() => { const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) k++; }
        return k; }""")
    assert painted > 500
    assert foreign(page.requests) == [] and page.js("() => window.__violations") == []
    assert page.js("() => KG.network.physics.options.enabled") is False
    # labels readable at open: every drawn label at least 12 px on screen
    assert page.js("() => Math.min(...KG.nodes.get().map(n => n.font.size)) * KG.network.getScale()") >= 12
    # co-mentions off: only the typed relations stay
    page.page.click("#rel-legend button[data-rel='co']")
    assert all(e.startswith("r") for e in page.edge_ids())
    page.page.click("#rel-legend button[data-rel='holdsPost']")
    assert len(page.edge_ids()) == 2 and "rel=holdsPost" in page.page.url and "co=0" in page.page.url


def test_search_finds_by_alias_and_headline(open_graph):
    page = open_graph(make_graph())
    page.page.fill("#search", "示范科技")
    assert page.page.locator("#results li").first.inner_text().startswith("示范科技有限公司")
    assert page.js("() => KG.searchMs") < 200
    page.page.keyboard.press("Enter")
    firm = page.node_id("示范科技有限公司")
    assert page.js("() => KG.network.getSelectedNodes()") == [firm]
    assert page.page.inner_text("#panel h2") == "示范科技有限公司"
    page.page.fill("#search", "扩建厂房")
    page.page.keyboard.press("Enter")
    assert page.page.inner_text("#panel h2") == "某公司扩建厂房"


def test_search_when_lower_casing_changes_a_length(open_graph):
    """A name whose lower case is longer (U+0130) must not shift the entries after it in the search column."""
    odd = ID["org/odd"]
    page = open_graph(make_graph([(odd, RDF.type, KG.Organization), (odd, RDFS.label, Literal("İİİ控股", lang="zh")),
                                  (ID["article/doc-0"], SDO.mentions, odd)]))
    hits = page.js("qs => qs.map(q => KG.find(q, 5).filter(h => h[5] === \"e\").map(h => KG.ix.name(h[3])))",
                   ["控股", "王小明", "示范县", "新计划"])
    assert hits == [["İİİ控股"], ["王小明"], ["示范县"], ["新计划"]]


def test_click_node_shows_evidence_posts_and_articles(open_graph):
    page = open_graph(make_graph())
    page.click_node(page.node_id("王小明"))
    page.page.wait_for_selector("#panel:not([hidden])")
    assert page.page.inner_text("#panel h2") == "王小明"
    quotes = page.page.locator("#panel blockquote")
    assert quotes.count() == 1 and quotes.first.inner_text() == "王小明担任示范科技总经理。"
    assert page.page.inner_text("#panel blockquote mark") == "王小明"
    assert "总经理 · 示范科技有限公司" in page.page.inner_text("#panel")
    assert "示范镇启动新计划" in page.page.inner_text("#panel .art") and "2025-07-03" in page.page.inner_text("#panel .art")
    page.click_node(page.node_id("示范县"))
    page.page.wait_for_function("document.querySelector('#panel h2').textContent === '示范县'")
    assert "439999" in page.page.inner_text("#panel dl") and "county" in page.page.inner_text("#panel dl")
    # the firm: the second mention of 示范科技 is quoted from the third sentence
    page.js("id => KG.select(id)", page.node_id("示范科技有限公司"))
    texts = page.page.locator("#panel blockquote").all_inner_texts()
    assert "示范科技将推进改革，示范科技表示欢迎。" in texts and "示范科技有限公司在示范县投资。" in texts


def test_long_sentence_is_cut_around_the_mention(open_graph):
    g = make_graph()
    g.set((ID["article/doc-0"], SDO.articleBody, Literal("甲" * 300 + "王小明到场" + "乙" * 300 + "。", lang="zh")))
    page = open_graph(g)
    page.js("id => KG.select(id)", page.node_id("王小明"))
    quote = page.page.inner_text("#panel blockquote")
    assert len(quote) <= 140 and page.page.inner_text("#panel blockquote mark") == "王小明"


def test_click_edge_shows_its_evidence(open_graph):
    page = open_graph(rich_graph())
    person, firm = page.node_id("王小明"), page.node_id("示范科技有限公司")
    page.page.click("#rel-legend button[data-rel='co']")  # only typed edges, so the midpoint is this edge's
    (x1, y1), (x2, y2) = page.at(person), page.at(firm)
    page.page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2)
    page.page.wait_for_function("document.querySelector('#panel h2') && "
                                "document.querySelector('#panel h2').textContent.includes('任职于')")
    text = page.page.inner_text("#panel")
    assert "王小明担任示范科技总经理。" in text and "0.8" in text and "rules" in text
    assert page.page.inner_text("#panel blockquote mark") == "王小明"
    page.page.click("#panel a.art-link")
    assert page.page.inner_text("#panel h2") == "示范镇启动新计划"
    # a co-mention edge lists the shared articles
    page.js("(ids) => KG.showEdge('c' + ids[0] + '-' + ids[1])", sorted([page.node_id("示范县"), firm]))
    assert "co-mention" in page.page.inner_text("#panel h2") and "shared articles (2)" in page.page.inner_text("#panel")


def test_article_view(open_graph):
    page = open_graph(rich_graph())
    page.js("() => KG.showArticle(0)")
    link = page.page.locator("#panel h2 a#source-link")
    assert link.inner_text() == "示范镇启动新计划"
    assert link.get_attribute("href") == "https://news.example.org/a/1.html"
    assert "page1.txt" in page.page.inner_text("#panel .meta")
    marks = page.page.locator("#panel .text mark").all_inner_texts()
    assert marks == ["示范县", "王小明", "示范科技", "示范科技"]
    assert sorted(page.page.locator("#panel ul.ents a").all_inner_texts()) == sorted(
        ["示范县", "王小明", "示范科技有限公司", "新计划"])
    page.page.locator("#panel .text mark a").nth(1).click()
    assert page.page.inner_text("#panel h2") == "王小明"


def test_filters_count_over_the_whole_graph(open_graph):
    page = open_graph(big_graph(), initial_nodes=12)
    assert len(page.visible()) == 12
    assert page.page.inner_text("#status").startswith("65 / 65")
    page.page.fill("#f-min", "1")
    assert page.page.inner_text("#status").startswith("4 / 65")  # all four mentioned entities, drawn or not
    assert len(page.visible()) == 4
    page.page.fill("#f-min", "0")
    # the class filter by keyboard: focus the Organization toggle and press Space
    page.page.focus("#legend button[data-cls='Organization']")
    page.page.keyboard.press("Space")
    assert page.page.get_attribute("#legend button[data-cls='Organization']", "aria-pressed") == "false"
    assert page.page.inner_text("#status").startswith("4 / 65")
    assert "off=Organization" in page.page.url
    page.page.click("#f-reset")
    assert page.page.inner_text("#status").startswith("65 / 65") and len(page.visible()) == 12


def test_time_slider(open_graph):
    page = open_graph(make_graph())
    assert page.page.inner_text("#f-dates") == "2025-07-03 – 2025-08-01"
    page.page.locator("#f-from").fill("1")
    assert page.page.inner_text("#f-dates") == "2025-08-01 – 2025-08-01"
    assert sorted(page.visible()) == sorted([page.node_id("示范科技有限公司"), page.node_id("示范县")])
    assert "from=2025-08-01" in page.page.url


def test_search_reaches_entities_outside_the_view_and_expands(open_graph):
    page = open_graph(big_graph(), initial_nodes=12)
    page.page.fill("#search", "组织059")
    page.page.keyboard.press("Enter")
    assert page.page.inner_text("#panel h2") == "组织059" and len(page.visible()) == 13
    hub = page.node_id("中心组织")
    page.js("id => KG.select(id)", hub)
    page.page.click("#expand")
    members = [page.node_id(f"组织{i:03d}") for i in range(10)]
    assert page.js("ids => ids.every(id => KG.nodes.get(id) !== null)", members)
    page.page.fill("#hops", "1")
    page.page.click("#show-hood")
    names = page.js("() => KG.nodes.getIds().map(id => KG.data.nodes[id].name)")
    assert sorted(names) == ["中心组织"] + [f"组织{i:03d}" for i in range(10)]


def test_shortest_path_with_evidence(open_graph):
    page = open_graph(rich_graph())
    page.page.click("#path-open")
    page.page.fill("#path-a", "王小明")
    page.page.fill("#path-b", "示范县")
    page.page.click("#path-go")
    hops = page.page.locator("#panel ol.path li")
    # with co-mentions, one hop: both are in the first article
    assert hops.count() == 1 and "co-mention" in hops.first.inner_text()
    assert "示范镇启动新计划" in hops.first.inner_text()
    assert "path=" in page.page.url
    # typed relations only: two hops, each with its relation and evidence
    page.page.click("#rel-legend button[data-rel='co']")
    page.page.click("#path-go")
    assert hops.count() == 2
    assert "任职于" in hops.nth(0).inner_text() and "王小明担任示范科技总经理。" in hops.nth(0).inner_text()
    assert page.page.inner_text("#panel ol.path li:first-child blockquote mark") == "王小明"
    assert "位于" in hops.nth(1).inner_text()
    assert page.js("() => KG.lastPath.map(id => KG.data.nodes[id].name)") == ["王小明", "示范科技有限公司", "示范县"]
    assert sum(e.startswith("p") for e in page.edge_ids()) == 2


def test_hover_highlights_neighbours(open_graph):
    page = open_graph(make_graph())
    page.page.click("#rel-legend button[data-rel='co']")
    person = page.node_id("王小明")
    page.page.mouse.move(*page.at(person))
    page.page.wait_for_function("KG.hovered !== null && KG.hovered !== undefined")
    assert page.js("() => KG.hovered") == sorted([person, page.node_id("示范科技有限公司")])
    faded = page.js("id => KG.nodes.get(id).color", page.node_id("示范县"))
    assert faded.startswith("rgba(200,200,200")


def test_fit_and_zoom_buttons_and_keyboard(open_graph):
    page = open_graph(make_graph())
    scale = page.js("() => KG.network.getScale()")
    page.page.click("#zoom-in")
    assert page.js("() => KG.network.getScale()") > scale * 1.2
    page.page.click("#zoom-out")
    page.page.click("#zoom-out")
    assert page.js("() => KG.network.getScale()") < scale
    page.page.click("#fit")
    assert abs(page.js("() => KG.network.getScale()") - scale) < 0.05 * scale
    page.page.focus("#network")
    page.page.keyboard.press("n")
    assert page.page.inner_text("#panel h2") == page.js("() => KG.data.nodes[KG.byRank[0]].name")


def test_view_state_in_the_url(open_graph, context):
    page = open_graph(big_graph(), initial_nodes=12)
    page.page.click("#legend button[data-cls='Person']")
    hub = page.node_id("中心组织")
    page.js("id => KG.select(id)", hub)
    url = page.page.url
    assert "off=Person" in url and f"e={hub}" in url
    again = Opened(context, url)
    assert again.page.get_attribute("#legend button[data-cls='Person']", "aria-pressed") == "false"
    assert again.page.inner_text("#panel h2") == "中心组织"
    again.close()


def test_png_and_csv_export(open_graph):
    page = open_graph(make_graph())
    with page.page.expect_download() as got:
        page.page.click("#csv")
    text = open(got.value.path(), encoding="utf-8-sig").read()
    assert text.splitlines()[0].startswith("kind,id,name,class") and "示范科技有限公司" in text
    assert sum(line.startswith("node,") for line in text.splitlines()) == 4
    assert "holdsPost" in text and "co-mention" in text
    with page.page.expect_download() as got:
        page.page.click("#png")
    assert got.value.suggested_filename == "kg-view.png"
    assert open(got.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_community_colouring_only_when_it_separates(open_graph):
    page = open_graph(make_graph())
    assert page.page.is_disabled("#f-community")
    page = open_graph(big_graph())
    assert not page.page.is_disabled("#f-community") and not page.page.is_checked("#f-community")
    page.page.check("#f-community")
    assert page.page.is_visible("#comm-legend") and not page.page.is_visible("#legend")
    assert "中心组织" in page.page.inner_text("#comm-legend")
    hub = page.node_id("中心组织")
    k = page.js("id => KG.data.comm.of[id]", hub)
    assert page.js("id => KG.nodes.get(id).color", hub) == page.js(f"() => KG.data.palette[{k}]")
    page.page.uncheck("#f-community")
    assert page.js("id => KG.nodes.get(id).color", hub) == explorer.CLASS_STYLE["Organization"][0]


def test_mobile_layout_folds_the_legend(context, tmp_path):
    path = explorer.write(make_graph(), tmp_path / "m.html")
    tab = context.new_page()
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(path.as_uri())
    tab.wait_for_selector("html[data-ready='1']")
    assert not tab.is_visible("#legend") and tab.get_attribute("#legend-toggle", "aria-expanded") == "false"
    tab.click("#legend-toggle")
    assert tab.is_visible("#legend")
    tab.evaluate("() => KG.select(0)")
    box = tab.locator("#panel").bounding_box()
    assert box["width"] <= 390 and box["x"] >= 0
    tab.close()


CONTRAST = """() => {
  const lum = c => { const m = c.match(/[\\d.]+/g).map(Number); if (m.length > 3 && m[3] === 0) return null;
    return m.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); };
  const bg = el => { for (; el; el = el.parentElement) { const b = getComputedStyle(el).backgroundColor;
    const l = lum(b); if (l !== null) return l; } return 1; };
  const bad = [];
  document.querySelectorAll('body *').forEach(el => {
    if (!el.offsetParent && el.tagName !== 'BODY') return;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) return;
    const f = lum(getComputedStyle(el).color), b = bg(el);
    const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
    if (ratio < 4.5) bad.push(el.tagName + ' ' + el.textContent.slice(0, 20) + ' ' + ratio.toFixed(2));
  });
  return bad;
}"""


def test_text_contrast_meets_wcag_aa(open_graph):
    page = open_graph(rich_graph())
    assert page.js(CONTRAST) == []
    for name in ("王小明", "示范县", "新计划", "示范科技有限公司"):  # class badges on every class colour
        page.js("id => KG.select(id)", page.node_id(name))
        assert page.js(CONTRAST) == []
    page.js("() => KG.showArticle(0)")
    assert page.js(CONTRAST) == []


def test_script_in_labels_and_evidence_is_text(open_graph):
    evil = ID["person/evil"]
    art = ID["article/doc-9"]
    extra = [
        (evil, RDF.type, KG.Person), (evil, RDFS.label, Literal(XSS, lang="zh")),
        (evil, rdflib.SKOS.altLabel, Literal('"><img src=x onerror=alert(5)>', lang="zh")),
        (art, RDF.type, KG.Article), (art, SDO.headline, Literal("</script><script>alert(2)</script>", lang="zh")),
        (art, SDO.articleBody, Literal(f"他说{XSS}来了。", lang="zh")), (art, SDO.mentions, evil),
        (art, SDO.url, rdflib.URIRef("javascript:alert(6)")),
        *mention(art, "doc-9", evil, XSS, 2),
    ]
    page = open_graph(make_graph(extra), title='<img src=x onerror="alert(3)">')
    assert page.page.inner_text("header h1") == '<img src=x onerror="alert(3)">'
    page.page.fill("#search", "<script>")
    assert page.page.locator("#results li").first.inner_text().startswith(XSS)
    page.page.keyboard.press("Enter")
    assert page.page.inner_text("#panel h2") == XSS
    assert page.page.inner_text("#panel blockquote") == f"他说{XSS}来了。"
    assert page.page.inner_text("#panel blockquote mark") == XSS
    assert '"><img src=x onerror=alert(5)>' in page.page.inner_text("#panel dl")
    page.page.click("#panel a.art-link")
    assert page.page.locator("#panel h2 a").count() == 0  # a javascript: URL is never a link
    page.click_node(page.node_id(XSS))
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    # the vis-network build and the page's own script; every other script element is a JSON block of the page
    assert page.js("() => document.querySelectorAll('script:not([type=\"application/json\"])').length") == 2
    assert page.js("() => [...document.querySelectorAll('script[type=\"application/json\"]')]"
                   ".every(s => /^kg-(data|lazy-[a-z]+)$/.test(s.id))")
    assert page.js("() => document.querySelectorAll('img').length") == 0


def test_served_over_http(context, tmp_path):
    explorer.write(make_graph(), tmp_path / "graph.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/graph.html"
        page = Opened(context, url)
        assert page.js("() => KG.nodes.length") == 4
        assert [u for u in page.requests if u != url] == []
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_empty_graph_page(open_graph):
    page = open_graph(rdflib.Graph())
    assert page.js("() => KG.nodes.length") == 0
    assert "No entities" in page.page.inner_text("main")
    page.page.fill("#search", "任何")
    assert page.page.inner_text("#status") == "0 found 个结果"


def test_page_store_and_networkx_count_the_same(open_graph, sample_result):
    from kg.analysis.questions import stats
    from kg.analysis.netx import CO_MENTION, to_networkx

    page = open_graph(sample_result.graph)
    G = to_networkx(sample_result.graph)
    s = stats(sample_result.graph)
    assert page.js("() => KG.data.nodes.length") == s["entities"] == G.number_of_nodes()
    assert page.js("() => KG.data.edges.length") == s["relations"] == sum(
        1 for *_, d in G.edges(data=True) if d["kind"] == "relation")
    assert page.js("() => KG.coMentionPairs()") == sum(1 for *_, k in G.edges(keys=True) if k == CO_MENTION)
    assert page.js("() => KG.data.articles.length") == s["articles"]


def test_page_decodes_the_data_python_collected(open_graph, sample_result):
    """The columns and lazy blocks the page parses give back every entity, relation and article of collect()."""
    data = explorer.collect(sample_result.graph)
    for n in data["nodes"]:
        del n["rank"]
    page = open_graph(sample_result.graph)
    assert page.js("() => KG.data.nodes") == data["nodes"]
    assert page.js("() => KG.data.edges") == data["edges"]
    assert page.js("() => KG.data.articles") == data["articles"]
    # search over the columns: every entity is found by its own name, first
    names = [n["name"] for n in data["nodes"]]
    found = page.js("names => names.map(q => KG.find(q.toLowerCase(), 50).filter(h => h[0] === 0).map(h => h[3]))",
                    names)
    assert all(i in hits for i, hits in enumerate(found))
