"""Screenshots of the explorer: python scripts/screenshot.py [GRAPH] [-o docs/] [--title T] [--stem explorer].

GRAPH is a `kg build` output folder, a graph file or a store folder (default: the graph of the bundled sample
page). Writes STEM.png (1280x800: the first view), STEM-panel.png (1280x800: the most central entity's
panel) and STEM-mobile.png (390x844, legend folded) in headless Debian Chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import browser_context  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", nargs="?", default=None)
    ap.add_argument("-o", "--out", default="docs", type=Path)
    ap.add_argument("--title", default=None)
    ap.add_argument("--stem", default="explorer", help="file names: STEM.png, STEM-panel.png, STEM-mobile.png")
    args = ap.parse_args()

    from kg import pipeline
    from kg.analysis.storeview import entity_graph
    from kg.store.oxigraph import is_store
    from kg.store.query import load
    from kg.util.resources import sample_page
    from kg.viz import explorer

    if args.graph:
        graph = entity_graph(args.graph) if is_store(args.graph) else load(args.graph)
    else:
        graph = pipeline.run([sample_page()]).graph
    title = args.title or (Path(args.graph).name if args.graph else "kg · sample page 样例版面")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = explorer.write(graph, Path(tmp) / "graph.html", title=title)
        for name, (w, h), panel in ((f"{args.stem}.png", (1280, 800), False),
                                    (f"{args.stem}-panel.png", (1280, 800), True),
                                    (f"{args.stem}-mobile.png", (390, 844), False)):
            with browser_context(w, h) as ctx:
                page = ctx.new_page()
                page.goto(page_file.as_uri())
                page.wait_for_selector("html[data-ready='1']")
                if panel:
                    top = page.evaluate("() => KG.byRank[0]")
                    page.evaluate("id => KG.select(id)", top)
                    page.evaluate("() => KG.network.fit()")
                page.wait_for_timeout(400)
                page.screenshot(path=str(args.out / name))
                print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
