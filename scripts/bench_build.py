"""Throughput of the whole build (ingest .. graph quads, without writing files) on one core, in characters per second.

Run: python scripts/bench_build.py [--copies N] [--runs R] [--profile]

The corpus is the bundled sample page and the gold articles (tests/gold/articles/*.txt and *.jsonl), each
repeated N times under different file names in a temporary folder (so nothing is cached by name). Reports the
median of R runs of kg.pipeline.run, after one warm-up build that loads jieba, the gazetteer and the NER model.
With --profile, prints the hottest functions of one run (cProfile).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.ner import learned  # noqa: E402
from kg import pipeline  # noqa: E402
from kg.util.resources import sample_page  # noqa: E402


def make_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` copies of every source file into ``folder``; returns the number of files."""
    articles = ROOT / "tests" / "gold" / "articles"
    sources = [Path(sample_page())] + sorted(articles.glob("*.txt")) + sorted(articles.glob("*.jsonl"))
    for k in range(copies):
        for src in sources:
            shutil.copyfile(src, folder / f"{src.stem}-copy{k:03d}{src.suffix}")
    return len(sources) * copies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10, help="copies of each source text (default 10)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the median is reported (default 3)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_corpus(folder, args.copies)
        pipeline.run([sample_page()])  # warm-up: jieba dictionary, gazetteer, NER model
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            pipeline.run([folder])
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = pipeline.run([folder])
            result.emit(lambda *quad: None)  # the graph stage: every quad as N-Triples terms
            times.append(time.perf_counter() - started)
        sec = statistics.median(times)
        chars = result.characters  # the text of every document read (JSONL: the article bodies)
        print(f"corpus: {files} files, {chars:,} characters, {len(result.articles)} articles")
        print(f"NER model: {'on' if learned.available() else 'off (rules only)'}")
        print(f"build: median {sec:.2f} s of {args.runs} runs -> {chars / sec:,.0f} chars/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
