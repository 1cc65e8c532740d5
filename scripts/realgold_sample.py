"""Draw the real-text gold sample from the corpus: seeded, stratified by year (the same draw every time).

    python scripts/realgold_sample.py [--corpus ../shared/corpus/xwlb.jsonl.gz] [--per-year 8] [--seed 2026]
        [--split dev,test] [--exclude tests/realgold/dev.jsonl ...] -o DIR

Writes DIR/sample.jsonl (one story a line: key = the story's URL, split = dev or test, title, body, date) for the
annotators. Stories whose body is shorter than 80 or longer than 2,000 characters are not drawn (a 20,000-character
speech cannot be annotated by hand in reasonable time); the README states this bias. Within each year the drawn
stories alternate between the names of --split (dev, test) in the order of the draw; stories already in an
--exclude gold file are never drawn again (a second sample is disjoint from the first). The texts stay outside the project: the gold files keep only
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


def draw(corpus: Path, per_year: int, seed: int, splits: tuple[str, ...] = ("dev", "test"),
         exclude: frozenset[str] = frozenset()) -> list[dict]:
    by_year: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            if MIN_BODY <= len(story.get("body") or "") <= MAX_BODY and story["url"] not in exclude:
                by_year[story["date"][:4]].append(story)
    rng = random.Random(seed)
    out = []
    for year in sorted(by_year):
        for i, story in enumerate(rng.sample(by_year[year], per_year)):
            out.append({"key": story["url"], "split": splits[i % len(splits)], "title": story["title"],
                        "body": story["body"], "date": story["date"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/xwlb.jsonl.gz")
    ap.add_argument("--per-year", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--split", default="dev,test", help="the splits the draw alternates between, comma-separated")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="gold files whose stories are not drawn")
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    exclude = frozenset(json.loads(line)["key"] for path in args.exclude
                        for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    stories = draw(args.corpus, args.per_year, args.seed, tuple(args.split.split(",")), exclude)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "sample.jsonl", "w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{len(stories)} stories -> {args.out / 'sample.jsonl'}")


if __name__ == "__main__":
    main()
