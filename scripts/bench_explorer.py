"""Explorer benchmark: python scripts/bench_explorer.py [--sizes 200 2000 20000] [--runs 3].

For synthetic RDF graphs of N entities (people, organisations, regions, initiatives; one article per ten
entities, each mentioning about twenty of them with bodies, mentions and typed relations), prints a Markdown
table: page generation time (kg.explorer.render on an in-memory graph), file size, and the time from navigation
start until the network is drawn and stable (physics stabilised and frozen) in headless Debian Chromium.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import browser_context  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
CLASSES = ["Person", "Enterprise", "GovernmentBody", "AdministrativeRegion", "Initiative", "Place"]


def synthetic_graph(n: int, seed: int = 1):
    """An rdflib graph shaped like graph.ttl (see notes/rdf-shape) with n entities."""
    import rdflib
    from rdflib import RDF, RDFS, SKOS, XSD, Literal, Namespace

    kg = Namespace("https://w3id.org/kgnews/ontology#")
    sdo = Namespace("https://schema.org/")
    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    org = Namespace("http://www.w3.org/ns/org#")
    base = Namespace("https://example.org/id/")
    rnd = random.Random(seed)
    g = rdflib.Graph()
    ents = []
    for i in range(n):
        cls = CLASSES[i % len(CLASSES)]
        name = {"Person": f"{SURNAMES[i % 20]}{chr(0x4E00 + (i * 7) % 20000)}{chr(0x4E00 + (i * 13) % 20000)}",
                "Enterprise": f"测试{i}号科技有限公司", "GovernmentBody": f"第{i}区管理局",
                "AdministrativeRegion": f"样{i}县", "Initiative": f"第{i}号专项行动", "Place": f"样{i}广场"}[cls]
        e = base[f"{cls.lower()}/{i}"]
        g.add((e, RDF.type, kg[cls]))
        g.add((e, RDFS.label, Literal(name, lang="zh")))
        if cls == "Enterprise":
            g.add((e, SKOS.altLabel, Literal(f"测试{i}号", lang="zh")))
        if cls == "AdministrativeRegion":
            g.add((e, kg.regionCode, Literal(f"{430000 + i:06d}")))
            g.add((e, kg.adminLevel, Literal("county")))
        ents.append((e, cls, name))
    by_cls = {c: [x for x in ents if x[1] == c] for c in CLASSES}
    for e, cls, _ in ents:  # typed relations, about one per entity
        if cls == "Person":
            o = rnd.choice(by_cls["Enterprise"] + by_cls["GovernmentBody"])[0]
            g.add((e, kg.holdsPost, o))
            m = base[f"membership/{len(g)}"]
            g.add((m, RDF.type, kg.Membership))
            g.add((m, org.member, e))
            g.add((m, org.organization, o))
            g.add((m, kg.role, Literal("负责人", lang="zh")))
        elif cls in ("Enterprise", "GovernmentBody", "Place"):
            g.add((e, kg.locatedIn, rnd.choice(by_cls["AdministrativeRegion"])[0]))
        elif cls == "Initiative":
            g.add((rnd.choice(by_cls["Enterprise"] + by_cls["GovernmentBody"])[0], kg.runs, e))
        elif cls == "AdministrativeRegion" and rnd.random() < 0.5:
            g.add((e, kg.partOf, rnd.choice(by_cls["AdministrativeRegion"])[0]))
    for k in range(max(1, n // 10)):
        a = base[f"article/{k}"]
        g.add((a, RDF.type, kg.Article))
        g.add((a, sdo.headline, Literal(f"第{k}篇测试报道", lang="zh")))
        g.add((a, sdo.datePublished, Literal(f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}", datatype=XSD.date)))
        chosen = rnd.sample(ents, min(20, len(ents)))
        sentences, offset = [], 0
        for e, _, name in chosen:
            s = f"记者了解到{name}近日开展了相关工作。"
            begin = offset + 5 + 7  # raw offsets: a headline line before the body
            m = base[f"mention/{k}/{begin}"]
            for t in [(m, RDF.type, kg.Mention), (m, kg.mentionOf, e), (m, kg.inArticle, a),
                      (m, nif.anchorOf, Literal(name, lang="zh")), (m, nif.beginIndex, Literal(begin)),
                      (m, nif.endIndex, Literal(begin + len(name))), (a, sdo.mentions, e)]:
                g.add(t)
            sentences.append(s)
            offset += len(s)
        g.add((a, sdo.articleBody, Literal("".join(sentences), lang="zh")))
    return g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 20000])
    ap.add_argument("--runs", type=int, default=3, help="page loads per size (median reported)")
    args = ap.parse_args()

    from kg import explorer

    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser_context() as ctx:
        for n in args.sizes:
            graph = synthetic_graph(n)
            started = time.perf_counter()
            page_text = explorer.render(graph, title=f"bench {n}")
            gen = time.perf_counter() - started
            path = Path(tmp) / f"bench-{n}.html"
            path.write_text(page_text, encoding="utf-8")
            drawn = []
            for _ in range(args.runs):
                page = ctx.new_page()
                page.goto(path.as_uri())
                page.wait_for_selector("html[data-ready='1']", timeout=300000)
                drawn.append(page.evaluate("window.kgDrawnMs") / 1000)
                shown = page.evaluate("kgExplorer.nodes.length")
                page.close()
            rows.append((n, len(graph), shown, gen, path.stat().st_size, statistics.median(drawn)))
            print(f"{n} entities done", file=sys.stderr)
    print("| entities | triples | drawn first | generate page | file size | drawn and stable in Chromium |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, triples, shown, gen, size, drawn in rows:
        print(f"| {n:,} | {triples:,} | {shown:,} | {gen:.2f} s | {size / 1e6:.1f} MB | {drawn:.2f} s |")


if __name__ == "__main__":
    main()
