"""Measure the bare learned NER model (kg.extract.ner.network) on the public benchmarks: span-exact F1 and characters/second.

Run: python scripts/bench_ner.py [--data DIR] [--limit N] [--repeat R]

Reads ../shared/benchmarks/ (or --data / $KG_BENCHMARKS); skips, exit code 0, when the data or the model is absent.
The data is only read for measuring, never copied. Label mapping (gold -> ours, model -> ours):

  peoples_daily_1998, msra:  PER -> PER, LOC -> LOC, ORG -> ORG;
                             model person -> PER, location -> LOC, org + company -> ORG (time, job ignored)
  cluener2020 dev:           name -> person; company, government, organization -> org; address, scene -> location;
                             position -> job;  model person, org + company -> org, location, job
                             (the fine rows compare gold company with model company, gold government +
                             organization with model org)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.ner import network as ner  # noqa: E402
from kg.eval.benchmarks import read_bio  # noqa: E402

BIO_MAP = {"person": "PER", "location": "LOC", "org": "ORG", "company": "ORG"}
CLUE_GOLD = {
    "name": "person",
    "company": "org",
    "government": "org",
    "organization": "org",
    "address": "location",
    "scene": "location",
    "position": "job",
}
CLUE_PRED = {"person": "person", "org": "org", "company": "org", "location": "location", "job": "job"}
CLUE_GOLD_FINE = {"company": "company", "government": "org", "organization": "org"}
CLUE_PRED_FINE = {"company": "company", "org": "org"}


def read_cluener(path: Path, mapping: dict) -> list[tuple[str, set]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = {
            (s, e + 1, mapping[typ])
            for typ, surfaces in row.get("label", {}).items()
            if typ in mapping
            for spans in surfaces.values()
            for s, e in spans
        }
        out.append((row["text"], gold))
    return out


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[int, int, int]]:
    """Per type and "ALL": (true positives, predicted, gold)."""
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in g:
            ng[s[2]] += 1
        for s in p:
            np_[s[2]] += 1
            tp[s[2]] += s in g
    counts = {t: (tp[t], np_[t], ng[t]) for t in sorted(set(ng) | set(np_))}
    counts["ALL"] = (sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return counts


def prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.2%}  R {r:6.2%}  F1 {f:6.2%}  (gold {ngold}, predicted {npred})"


def run(model, name: str, data: list[tuple[str, set]], pred_map: dict, repeat: int) -> list:
    texts = [t for t, _ in data]
    chars = sum(map(len, texts))
    times, found = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = model.batch(texts)
        times.append(time.perf_counter() - t0)
    pred = [{(s, e, pred_map[t]) for s, e, t in spans if t in pred_map} for spans in found]
    sec = statistics.median(times)
    print(f"\n{name}: {len(texts)} sentences, {chars} chars, {sec:.1f} s", end=" ")
    print(f"-> {chars / sec:,.0f} chars/s (median of {repeat})")
    for typ, counts in score([g for _, g in data], pred).items():
        print(f"  {typ:9s} {prf(*counts)}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("KG_BENCHMARKS") or str(ROOT.parent / "shared" / "benchmarks"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences of each set")
    ap.add_argument("--repeat", type=int, default=1, help="time each set R times, report the median")
    args = ap.parse_args(argv)
    data = Path(args.data)
    try:
        model = ner.load()
    except ner.ModelNotFound as e:
        print(f"skipped: {e}")
        return 0
    if not data.is_dir():
        print(f"skipped: no benchmark data at {data}")
        return 0
    print(f"model: {model.path}")
    cut = (lambda rows: rows[: args.limit]) if args.limit else (lambda rows: rows)
    for rel in ("peoples_daily_1998/test.bio", "msra/test.bio"):
        if (data / rel).is_file():
            run(model, rel, cut(read_bio(data / rel)), BIO_MAP, args.repeat)
    clue = data / "cluener2020" / "dev.json"
    if clue.is_file():
        rows = cut(read_cluener(clue, CLUE_GOLD))
        found = run(model, "cluener2020/dev.json", rows, CLUE_PRED, args.repeat)
        fine = cut(read_cluener(clue, CLUE_GOLD_FINE))
        pred = [{(s, e, CLUE_PRED_FINE[t]) for s, e, t in spans if t in CLUE_PRED_FINE} for spans in found]
        print("  fine: gold company vs model company, gold government+organization vs model org")
        for typ, counts in score([g for _, g in fine], pred).items():
            print(f"  {typ:9s} {prf(*counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
