"""Benchmark: time of each stage on ONE long article, to check every stage is linear in its length.

Joins real CCTV stories from ../shared/corpus/xwlb.jsonl.gz into one JSONL body of each given length (characters)
and times ingest, normalise, segment, extract, relations + linking, graph and measures on it. A stage whose time
more than doubles when the length doubles is not linear.

    python scripts/bench_long.py 100000 200000 400000
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next((p / "shared" / "corpus" / "xwlb.jsonl.gz" for p in ROOT.parents
               if (p / "shared" / "corpus" / "xwlb.jsonl.gz").is_file()), ROOT.parent / "shared" / "corpus" / "xwlb.jsonl.gz")
sys.path.insert(0, str(ROOT))


def main() -> None:
    from kg.extract import mentions as extract, measures
    from kg.ingest import readers as ingest
    from kg.layout import normalise, segment
    from kg import pipeline
    from kg.rdf.build import DEFAULT_BASE
    from kg.rdf.build import build as build_graph

    lengths = [int(x) for x in sys.argv[1:]] or [100_000, 200_000, 400_000]
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS}; nothing measured")
        return
    texts, total = [], 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            body = record.get("body") or record.get("content") or ""
            texts.append(body)
            total += len(body) + 1
            if total > max(lengths):
                break
    big = "\n".join(texts)
    extract.mentions_all(segment.segment(*_doc(ingest, normalise, "长沙市人民政府召开会议。")))  # load the models
    print("| characters | ingest | normalise | segment | extract | relations + linking | graph | measures | total |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in lengths:
        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / "long.jsonl"
            path.write_text(json.dumps({"title": "长文", "body": big[:n]}, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            t = [time.perf_counter()]
            docs, _ = ingest.read([path])
            t.append(time.perf_counter())
            norm = normalise.normalise(docs[0].text)
            t.append(time.perf_counter())
            articles = segment.segment(docs[0], norm)
            t.append(time.perf_counter())
            found = extract.mentions_all(articles)
            t.append(time.perf_counter())
            found, _, linked = pipeline.relate_and_link(articles, found)
            t.append(time.perf_counter())
            build_graph(articles, linked, DEFAULT_BASE)
            t.append(time.perf_counter())
            for a in articles:
                measures.measures(a, found[a.id])
            t.append(time.perf_counter())
        steps = [f"{b - a:.1f}" for a, b in zip(t, t[1:])]
        print(f"| {n:,} | " + " | ".join(steps) + f" | {t[-1] - t[0]:.1f} |", flush=True)


def _doc(ingest, normalise, text):
    from kg.model import Document

    doc = Document("warm.txt", "warm.txt", text)
    return doc, normalise.normalise(text)


if __name__ == "__main__":
    main()
