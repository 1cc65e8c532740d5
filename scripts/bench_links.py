"""Graph fact (relation) precision/recall per type and cross-article linking on the gold files (README, Benchmarks).

Run: python scripts/bench_links.py [--misses N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg
from kg.eval import score as ev
from kg.eval.gold import load_gold
from kg.util.resources import sample_page

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="list up to N false positives and negatives")
    parser.add_argument("--text-relations", action="store_true",
                        help="also score the extractor's text relations (before linking)")
    args = parser.parse_args()
    for name, paths in (("sample", [sample_page()]), ("articles", [str(GOLD / "articles")])):
        if not (GOLD / f"{name}.jsonl").is_file():
            continue
        result = kg.build(paths)
        pairs = ev.match_articles(result.articles, load_gold(GOLD / f"{name}.jsonl"))
        mentions = [m for ms in result.mentions.values() for m in ms]
        relations = [r for rs in result.relations.values() for r in rs]
        print(f"== {name}.jsonl: {len(result.articles)} articles")
        print(ev.score_facts(pairs, result.linked).format(misses=args.misses))
        if args.text_relations:
            print(ev.score_relations(pairs, relations, ev.mention_texts(mentions)).format(misses=args.misses))
        print(ev.score_links(pairs, result.mentions, result.linked.mention_of).format())
        print()


if __name__ == "__main__":
    main()
