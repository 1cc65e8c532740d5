"""Layout bench: real stories typeset into newspaper PDF pages and news-site web pages, read back and scored.

    python scripts/bench_layout.py [--pages 60] [--web 60] [--seed 7] [--keep DIR] [--show N]

Stories come from ../shared/corpus/xwlb.jsonl.gz (seeded draw). PDF pages: HTML in 2-4 CSS columns with
headlines in larger type (some wrap), photo captions, agency and paper datelines, broadcast leads or no lead,
printed by headless Chromium; each page is read with kg.ingest.pdf and with ``pdftotext`` (default reading order and
``-raw``), then normalised and segmented by kg. Web pages: the same kind of stories with nav, ads, related links,
comments and footer, read with kg.ingest.html. Generated files go to a temporary folder (or --keep DIR), never the repo.

Scores (per story): found (an article holds >= 80% of its body sentences), right (that article's headline is the
story's headline, it holds >= 95% of the body and no sentence of another story), and lost (body characters in no
article). Web: title, body (>= 95% of sentences, no boilerplate line) and date right.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import layout_pages as lp  # noqa: E402

CORPUS = ROOT.parent.parent / "shared" / "corpus" / "xwlb.jsonl.gz"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/xwlb.jsonl.gz")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")


_FW = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


def _key(s: str) -> str:
    """Text compared without whitespace, full-width digits and letters as ASCII (as kg.layout.normalise reads them)."""
    return re.sub(r"\s+", "", s).translate(_FW)


def _scored(s: lp.Story) -> str:
    """The body as scored: the agency or paper dateline is kept as the article's dateline, not its text."""
    return s.body[len(s.lead):] if s.lead and not lp.is_broadcast(s.lead) else s.body


def _sentences(body: str) -> list[str]:
    return [k for k in (_key(x) for x in re.findall(r"[^。！？\n]+[。！？]?", body)) if len(k) >= 4]


def chromium_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}",
               html_path.as_uri()]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def pdftotext(pdf: Path, page: int, mode: str) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8"] + ([mode] if mode else [])
    return subprocess.run(args + [str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def segment_text(text: str, name: str):
    from kg.model import Document
    from kg.layout.normalise import normalise
    from kg.layout.segment import segment

    return segment(Document(name, name, text), normalise(text))


def score_page(stories: list[lp.Story], arts) -> dict:
    texts = [_key(a.text) for a in arts]
    sents = [_sentences(_scored(s)) for s in stories]
    found = right = lost = total = 0
    wrong = []
    for k, (s, ss) in enumerate(zip(stories, sents)):
        total += sum(len(x) for x in ss)
        lost += sum(len(x) for x in ss if not any(x in t for t in texts))
        cover = [sum(x in t for x in ss) / max(1, len(ss)) for t in texts]
        best = max(range(len(arts)), key=lambda i: cover[i]) if arts else None
        if best is None or cover[best] < 0.8:
            wrong.append((s.headline, "not found"))
            continue
        found += 1
        others = [x for j, o in enumerate(sents) if j != k for x in o if len(x) >= 8 and x not in "".join(ss)]
        pure = not any(x in texts[best] for x in others)
        ok = _key(arts[best].headline) == _key(s.headline) and cover[best] >= 0.95 and pure
        right += ok
        if not ok:
            wrong.append((s.headline, f"got {arts[best].headline!r} cover {cover[best]:.2f} pure {pure}"))
    return {"stories": len(stories), "found": found, "right": right, "lost": lost, "chars": total, "wrong": wrong}


def make_paper(rng: random.Random, rows: list[dict], n_pages: int) -> list[list[lp.Story]]:
    pages, at = [], 0
    for _ in range(n_pages):
        k = rng.randrange(3, 6)
        pages.append([lp.make_story(r, rng, rng.randrange(150, 520)) for r in rows[at:at + k]])
        at += k
    return pages


def run_pdf(work: Path, pages: list[list[lp.Story]], rng: random.Random, show: int) -> dict:
    from kg.ingest import pdf as kgpdf

    html_path, pdf_path = work / "paper.html", work / "paper.pdf"
    htmls = [lp.paper_page(p, rng, i + 1) for i, p in enumerate(pages)]
    columns = [int(re.search(r"column-count:(\d)", h)[1]) for h in htmls]
    html_path.write_text(lp.paper_document(htmls), encoding="utf-8")
    t0 = time.perf_counter()
    chromium_pdf(html_path, pdf_path)
    print(f"chromium: {len(pages)} pages in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    ours, warnings = kgpdf.read_pages(str(pdf_path))
    print(f"kg.ingest.pdf: {len(ours)} pages in {time.perf_counter() - t0:.1f} s {warnings or ''}")
    if len(ours) != len(pages):
        raise SystemExit(f"expected {len(pages)} PDF pages, got {len(ours)}: a page overflowed")
    results: dict[str, list[dict]] = {"kg.ingest.pdf": [], "pdftotext": [], "pdftotext -raw": []}
    for i, stories in enumerate(pages):
        texts = {"kg.ingest.pdf": ours[i], "pdftotext": pdftotext(pdf_path, i + 1, ""),
                 "pdftotext -raw": pdftotext(pdf_path, i + 1, "-raw")}
        for name, text in texts.items():
            (work / f"page{i + 1:03d}.{name.replace(' ', '')}.txt").write_text(text, encoding="utf-8")
            sc = score_page(stories, segment_text(text, f"page{i + 1:03d}.txt"))
            raw = _key(text)
            sc["columns"] = columns[i]
            sc["in_order"] = all(x in raw for s in stories for x in _sentences(_scored(s)))
            results[name].append(sc)
    report(results, show)  # errors listed for pages whose text holds every sentence
    print("| reader | pages whose text holds every sentence of every story | right on those pages |"
          " right by columns (2 / 3 / 4) |")
    print("|---|---:|---:|---|")
    for name, rows in results.items():
        kept = [x for x in rows if x["in_order"]]
        n, r = sum(x["stories"] for x in kept), sum(x["right"] for x in kept)
        by = []
        for c in (2, 3, 4):
            cs = [x for x in rows if x["columns"] == c]
            cn, cr = sum(x["stories"] for x in cs), sum(x["right"] for x in cs)
            by.append(f"{cr}/{cn}" if cn else "-")
        print(f"| {name} | {len(kept)} of {len(rows)} | {r / max(1, n):.1%} ({r}/{n}) | {' / '.join(by)} |")
    return results


def report(results: dict[str, list[dict]], show: int) -> None:
    print("| reader | pages | stories | found | right headline over right body | body chars lost |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, rows in results.items():
        n, f, r = (sum(x[k] for x in rows) for k in ("stories", "found", "right"))
        lost, chars = sum(x["lost"] for x in rows), sum(x["chars"] for x in rows)
        print(f"| {name} | {len(rows)} | {n} | {f / n:.1%} | {r / n:.1%} ({r}/{n}) | {lost / chars:.2%} |")
    for name, rows in results.items():
        errs = [(i + 1, w) for i, x in enumerate(rows) for w in x["wrong"] if x.get("in_order", True) or show < 0]
        for page, (head, why) in errs[:abs(show)]:
            print(f"  {name} page {page}: {head!r}: {why}")


def run_web(work: Path, rows: list[dict], rng: random.Random, n: int, show: int) -> dict:
    from kg.ingest import html as kghtml

    stories = [lp.make_story(r, rng, rng.randrange(200, 1500)) for r in rows[:n]]
    folder = work / "web"
    folder.mkdir()
    for i, s in enumerate(stories):
        others = [o for j, o in enumerate(stories) if j != i][:rng.randrange(3, 7)]
        (folder / f"news{i:03d}.html").write_text(lp.web_page(s, rng, others), encoding="utf-8")
    ok = {"title": 0, "body": 0, "date": 0, "all": 0}
    bad = []
    for i, s in enumerate(stories):
        warnings: list[str] = []
        docs = kghtml.read(str(folder / f"news{i:03d}.html"), warnings)
        doc = docs[0] if docs else None
        title = doc is not None and _key(doc.title or "") == _key(s.headline)
        ss = _sentences(s.body)
        text = _key(doc.text) if doc else ""
        boiler = ("相关新闻", "网友评论", "版权所有", "广告", "关于我们", "首页")
        body = doc is not None and sum(x in text for x in ss) >= 0.95 * len(ss) and not any(b in text for b in boiler)
        date = doc is not None and doc.date == s.date
        for k, v in (("title", title), ("body", body), ("date", date), ("all", title and body and date)):
            ok[k] += bool(v)
        if not (title and body and date):
            bad.append((i, s.headline, title, body, date, warnings))
    print(f"| web pages | {n} | title {ok['title'] / n:.1%} | body {ok['body'] / n:.1%} | date {ok['date'] / n:.1%}"
          f" | all three {ok['all'] / n:.1%} ({ok['all']}/{n}) |")
    for row in bad[:show]:
        print("  web", row)
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--web", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="write the generated pages here (not in the repo)")
    ap.add_argument("--show", type=int, default=10, help="errors to print per reader")
    args = ap.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"corpus not found: {CORPUS}")
    if not shutil.which("chromium") or not shutil.which("pdftotext"):
        raise SystemExit("needs chromium and pdftotext (apt-get install chromium fonts-noto-cjk poppler-utils)")
    rng = random.Random(args.seed)  # the paper pages do not depend on --web, nor the web pages on --pages
    rows = lp.load_stories(str(CORPUS), rng, args.pages * 5)
    web_rng = random.Random(args.seed + 1)
    web_rows = lp.load_stories(str(CORPUS), web_rng, args.web) if args.web else []
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-layout-"))
    if args.keep:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    if str(work.resolve()).startswith(str(ROOT)):
        raise SystemExit("--keep must be outside the repository")
    try:
        pages = make_paper(rng, rows, args.pages)
        if args.pages:
            run_pdf(work, pages, rng, args.show)
        if args.web:
            run_web(work, web_rows, web_rng, args.web, args.show)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"pages in {work}" if args.keep else "")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
