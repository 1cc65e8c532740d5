"""Explorer benchmark on real graphs: python scripts/bench_explorer.py GRAPH [GRAPH ...] [--replicate K] [--runs 3].

GRAPH is a `kg build` output folder, a graph file or a store folder (read as `kg view` reads it: the entity graph
cached beside the store). For each, writes the explorer page (and,
with --replicate K, the page of the entity graph copied K times under new IRIs, articles and entities alike)
and prints one Markdown row: entities, articles, page size, page generation time (wall clock and CPU seconds: the
machine is shared), time from navigation start to
the first stable view in headless Debian Chromium (median of --runs), the smallest label size in screen pixels
among the 30 most central drawn entities, the share of drawn entities without a drawn edge (co-mentions on),
the median and the longest of ten searches over the whole index (the first one builds the search columns unless
the page did so while idle), and the time to open the entity panel of the most central entity (headlines,
evidence and texts are parsed from their blocks on first use).
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import browser_context  # noqa: E402

MEASURE = """() => {
  const K = window.KG, ix = K.ix, net = K.network, scale = net.getScale();
  const drawn = K.nodes.get();
  const top = drawn.map(n => n.id).sort((a, b) => ix.rankPos[a] - ix.rankPos[b]).slice(0, 30);
  const px = top.map(id => K.nodes.get(id).font.size * scale);
  const linked = new Set();
  K.edges.get().forEach(e => { linked.add(e.from); linked.add(e.to); });
  const isolated = drawn.filter(n => !linked.has(n.id)).length;
  const step = Math.max(1, Math.floor(ix.N / 10)), queries = [];
  for (let i = 0; i < ix.N && queries.length < 10; i += step) { const nm = ix.name(i); queries.push(nm.slice(1, 3) || nm); }
  const times = queries.map(q => { const t = performance.now(); K.find(q.toLowerCase(), 30); return performance.now() - t; });
  times.sort((a, b) => a - b);
  let t = performance.now();
  K.select(ix.byRank[0]);
  const panelMs = performance.now() - t;
  return {drawn: drawn.length, minPx: Math.min(...px), isolated: isolated / Math.max(1, drawn.length),
          searchMs: times[Math.floor(times.length / 2)], searchMax: times[times.length - 1],
          readyMs: window.kgDrawnMs, panelMs: panelMs};
}"""


def replicate(eg, k: int):
    """The entity graph copied k times (IRIs suffixed ``~i``), to measure pages larger than the real graph."""
    from kg.analysis.egraph import EntityGraph

    if k <= 1:
        return eg
    out = EntityGraph()
    def tag(i: int):
        return lambda iri: iri if i == 0 else f"{iri}~{i}"

    for i in range(k):
        t = tag(i)
        out.entities += [t(e) for e in eg.entities]
        for name in ("label", "cls", "kind", "count", "extra"):
            getattr(out, name).update({t(e): copy.copy(v) for e, v in getattr(eg, name).items()})
        out.aliases.update({t(e): v for e, v in eg.aliases.items()})
        out.arts.update({t(e): [t(a) for a in v] for e, v in eg.arts.items()})
        out.articles.update({t(a): v for a, v in eg.articles.items()})
        out.relations += [(t(s), p, t(o)) for s, p, o in eg.relations]
        out.statements.update({(t(s), p, t(o)): [dict(r, article=t(r["article"]) if r["article"] else "") for r in v]
                               for (s, p, o), v in eg.statements.items()})
        out.roles.update({(t(a), t(b)): v for (a, b), v in eg.roles.items()})
        out.mentions.update({t(a): [(t(e), x, b) for e, x, b in v] for a, v in eg.mentions.items()})
    out.entities.sort(key=lambda e: (out.label[e], e))
    out.relations.sort()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graphs", nargs="+")
    ap.add_argument("--replicate", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800)
    args = ap.parse_args()

    from kg.analysis import egraph, storeview
    from kg.store.oxigraph import is_store
    from kg.store.query import load
    from kg.viz import explorer

    print("| graph | entities | articles | page MB | generate (s, wall / CPU) | first stable view (s) | top-30 label px (min) "
          "| isolated drawn | search ms (median / max) | first panel (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for path in args.graphs:
        eg = storeview.entity_graph(path) if is_store(path) else egraph.read(load(path))
        eg = replicate(eg, args.replicate)
        with tempfile.TemporaryDirectory() as tmp:
            t0, c0 = time.perf_counter(), time.process_time()
            page = explorer.write(eg, Path(tmp) / "graph.html", title=Path(path).name)
            gen, cpu = time.perf_counter() - t0, time.process_time() - c0
            size = page.stat().st_size
            ready, panel, last = [], [], None
            with browser_context(args.width, args.height) as ctx:
                for _ in range(args.runs):
                    tab = ctx.new_page()
                    tab.on("pageerror", lambda e: print("page error:", e, file=sys.stderr))
                    tab.goto(page.as_uri(), timeout=120000)
                    tab.wait_for_selector("html[data-ready='1']", timeout=120000)
                    last = tab.evaluate(MEASURE)
                    ready.append(last["readyMs"] / 1000)
                    panel.append(last["panelMs"] / 1000)
                    tab.close()
        name = Path(path).name + (f" x{args.replicate}" if args.replicate > 1 else "")
        print(f"| {name} | {len(eg.entities):,} | {len(eg.articles):,} | {size / 1e6:.1f} | "
              f"{gen:.1f} / {cpu:.1f} | {statistics.median(ready):.2f} | {last['minPx']:.1f} | {100 * last['isolated']:.0f}% | "
              f"{last['searchMs']:.1f} / {last['searchMax']:.1f} | {statistics.median(panel):.2f} |", flush=True)


if __name__ == "__main__":
    main()
