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

from kg import explorer
from test_explorer import ID, KG, SDO, XSS, big_graph, make_graph, mention

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
        return sorted(self.js("() => kgExplorer.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def node_id(self, name):
        return self.js("name => kgExplorer.data.nodes.find(n => n.name === name).id", name)

    def click_node(self, node_id):
        box = self.page.locator("#network canvas").bounding_box()
        pos = self.js("id => { const n = kgExplorer.network;"
                      " return n.canvasToDOM(n.getPositions([id])[id]); }", node_id)
        self.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])

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


def test_draws_every_node_offline(open_graph):
    page = open_graph(make_graph())
    assert page.js("() => kgExplorer.nodes.length") == 4
    assert page.js("() => Object.keys(kgExplorer.network.getPositions()).length") == 4
    assert page.visible() == [0, 1, 2, 3]
    assert page.js("() => kgExplorer.edges.length") == 3
    # something was painted on the canvas
    painted = page.js("""() => { const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) k++; }
        return k; }""")
    assert painted > 500
    assert foreign(page.requests) == []
    assert page.js("() => window.__violations") == []
    assert page.js("() => kgExplorer.network.physics.options.enabled") is False  # stabilised, then frozen


def test_search_finds_node_by_alias(open_graph):
    page = open_graph(make_graph())
    page.page.fill("#search", "示范科技")
    first = page.page.locator("#results li").first
    assert first.inner_text().startswith("示范科技有限公司")
    page.page.keyboard.press("Enter")
    firm = page.node_id("示范科技有限公司")
    assert page.js("() => kgExplorer.network.getSelectedNodes()") == [firm]
    assert page.page.inner_text("#panel h2") == "示范科技有限公司"
    assert "示范科技" in page.page.inner_text("#panel dl")


def test_click_shows_evidence_and_posts(open_graph):
    page = open_graph(make_graph())
    page.click_node(page.node_id("王小明"))
    page.page.wait_for_selector("#panel:not([hidden])")
    assert page.page.inner_text("#panel h2") == "王小明"
    quotes = page.page.locator("#panel blockquote")
    assert quotes.count() == 1
    assert quotes.first.inner_text() == "王小明担任示范科技总经理。"
    assert page.page.inner_text("#panel blockquote mark") == "王小明"
    assert "总经理 · 示范科技有限公司" in page.page.inner_text("#panel")
    assert "示范镇启动新计划" in page.page.inner_text("#panel .art") and "2025-07-03" in page.page.inner_text(
        "#panel .art")
    # a region shows its code and level
    page.click_node(page.node_id("示范县"))
    page.page.wait_for_function("document.querySelector('#panel h2').textContent === '示范县'")
    assert "439999" in page.page.inner_text("#panel dl") and "county" in page.page.inner_text("#panel dl")


def test_filters(open_graph):
    page = open_graph(make_graph())
    ids = {name: page.node_id(name) for name in ("王小明", "示范科技有限公司", "示范县", "新计划")}
    page.page.click("#legend li[data-cls='Person']")
    assert ids["王小明"] not in page.visible() and len(page.visible()) == 3
    page.page.click("#legend li[data-cls='Person']")
    assert len(page.visible()) == 4

    page.page.fill("#f-min", "2")
    assert page.visible() == sorted([ids["示范科技有限公司"], ids["示范县"]])
    page.page.fill("#f-min", "0")

    page.page.select_option("#f-article", label="2025-08-01 某公司扩建厂房")
    assert page.visible() == sorted([ids["示范科技有限公司"], ids["示范县"]])
    page.page.select_option("#f-article", "-1")

    page.page.fill("#f-from", "2025-07-01")
    page.page.fill("#f-to", "2025-07-31")
    page.page.dispatch_event("#f-to", "change")
    assert page.visible() == sorted(ids.values())  # all are mentioned in the July article
    page.page.fill("#f-from", "2025-07-04")
    page.page.fill("#f-to", "")
    page.page.dispatch_event("#f-from", "change")
    assert page.visible() == sorted([ids["示范科技有限公司"], ids["示范县"]])
    page.page.click("#f-reset")
    assert len(page.visible()) == 4


def test_neighbourhood_and_expansion_of_a_large_graph(open_graph):
    page = open_graph(big_graph(), initial_nodes=12)
    assert page.js("() => kgExplorer.nodes.length") == 12
    # search reaches an entity outside the first view and adds it
    page.page.fill("#search", "组织059")
    page.page.keyboard.press("Enter")
    assert page.js("() => kgExplorer.nodes.length") == 13
    assert page.page.inner_text("#panel h2") == "组织059"
    # communities are coloured (large graphs open that way); the checkbox switches back to class colours
    hub = page.node_id("中心组织")
    colour = "id => kgExplorer.nodes.get(id).color"
    assert page.page.is_checked("#f-community")
    palette, comm = page.js("() => kgExplorer.data.palette"), page.js(f"() => kgExplorer.data.nodes[{hub}].comm")
    assert page.js(colour, hub) == palette[comm % len(palette)]
    page.page.uncheck("#f-community")
    assert page.js(colour, hub) == explorer.CLASS_STYLE["Organization"][0]
    # expand the hub: its ten members join the canvas, placed around it
    page.js("id => kgExplorer.select(id)", hub)
    page.page.click("#expand")
    members = [page.node_id(f"组织{i:03d}") for i in range(10)]
    assert page.js("ids => ids.every(id => kgExplorer.nodes.get(id) !== null)", members)
    # neighbourhood of the hub, one hop: the hub and its ten members, everything else hidden
    page.page.fill("#hops", "1")
    page.page.click("#show-hood")
    names = page.js("() => kgExplorer.nodes.get({filter: n => !n.hidden}).map(n => kgExplorer.data.nodes[n.id].name)")
    assert sorted(names) == ["中心组织"] + [f"组织{i:03d}" for i in range(10)]
    assert foreign(page.requests) == []


def test_script_in_labels_and_evidence_is_text(open_graph):
    evil = ID["person/evil"]
    art = ID["article/doc-9"]
    extra = [
        (evil, RDF.type, KG.Person), (evil, RDFS.label, Literal(XSS, lang="zh")),
        (evil, rdflib.SKOS.altLabel, Literal('"><img src=x onerror=alert(5)>', lang="zh")),
        (art, RDF.type, KG.Article), (art, SDO.headline, Literal("</script><script>alert(2)</script>", lang="zh")),
        (art, SDO.articleBody, Literal(f"他说{XSS}来了。", lang="zh")), (art, SDO.mentions, evil),
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
    page.click_node(page.node_id(XSS))
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.js("() => document.querySelectorAll('script').length") == 3
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
        assert page.js("() => kgExplorer.nodes.length") == 4
        assert [u for u in page.requests if u != url] == []
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_empty_graph_page(open_graph):
    page = open_graph(rdflib.Graph())
    assert page.js("() => kgExplorer.nodes.length") == 0
    assert "No entities" in page.page.inner_text("main")
    page.page.fill("#search", "任何")
    assert page.page.inner_text("#status") == "0 found 个结果"
