"""Draw the real-text gold sample from the corpus: seeded, stratified by year (the same draw every time).

    python scripts/realgold_sample.py [--corpus ../shared/corpus/xwlb.jsonl.gz] [--per-year 8] [--seed 2026] -o DIR

Writes DIR/sample.jsonl (one story a line: key = the story's URL, split = dev or test, title, body, date) for the
annotators. Stories whose body is shorter than 80 or longer than 2,000 characters are not drawn (a 20,000-character
speech cannot be annotated by hand in reasonable time); the README states this bias. Within each year the drawn
stories alternate dev, test in the order of the draw. The texts stay outside the project: the gold files keep only
the key and the annotations, and `kg eval` reads the texts from the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

MIN_BODY, MAX_BODY = 80, 2000


def draw(corpus: Path, per_year: int, seed: int) -> list[dict]:
    by_year: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            if MIN_BODY <= len(story.get("body") or "") <= MAX_BODY:
                by_year[story["date"][:4]].append(story)
    rng = random.Random(seed)
    out = []
    for year in sorted(by_year):
        for i, story in enumerate(rng.sample(by_year[year], per_year)):
            out.append({"key": story["url"], "split": "dev" if i % 2 == 0 else "test", "title": story["title"],
                        "body": story["body"], "date": story["date"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/xwlb.jsonl.gz")
    ap.add_argument("--per-year", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    stories = draw(args.corpus, args.per_year, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "sample.jsonl", "w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{len(stories)} stories -> {args.out / 'sample.jsonl'}")


if __name__ == "__main__":
    main()
