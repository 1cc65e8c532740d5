"""Screenshot of the sample page's explorer: python scripts/screenshot.py [-o docs/explorer.png].

Builds the graph of the bundled sample page, writes its explorer to a temporary file, opens it in headless
Chromium, searches for the most mentioned enterprise, opens its side panel and saves a PNG.
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
    ap.add_argument("-o", "--out", default="docs/explorer.png", type=Path)
    args = ap.parse_args()

    from kg import explorer, pipeline
    from kg.resources import sample_page

    graph = pipeline.run([sample_page()]).graph
    data = explorer.collect(graph)
    firms = [n for n in data["nodes"] if n["cls"] == "Enterprise"]
    target = max(firms or data["nodes"], key=lambda n: (n["n"], len(n.get("ev", [])), -n["id"]))
    with tempfile.TemporaryDirectory() as tmp:
        page_file = explorer.write(graph, Path(tmp) / "graph.html", title="kg · sample page 样例版面")
        with browser_context() as ctx:
            page = ctx.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_selector("html[data-ready='1']")
            page.fill("#search", target["name"])
            page.keyboard.press("Enter")
            page.wait_for_selector("#panel:not([hidden])")
            page.click("header h1")  # close the result list
            page.evaluate("""id => { const n = kgExplorer.network;
                n.moveTo({position: n.getPositions([id])[id], scale: 0.8}); }""", target["id"])
            page.wait_for_timeout(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
