"""The real-news gold (tests/realgold/): 120 corpus stories annotated by annotators who never saw the code. The
texts stay in ../shared/corpus; these tests skip when it is absent. Floors only go up; the test split is only ever
scored (never read error by error)."""

import json
from pathlib import Path

import pytest

from kg.eval.gold import load_gold
from kg.eval.realgold import evaluate_real, find_corpus

GOLD = Path(__file__).resolve().parent / "realgold"
CORPUS = find_corpus()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="the real-news corpus (../shared/corpus) is absent")

# Floors a little below what is measured on 2026-12-06 (README "Benchmarks"): dev F1 0.862, Person 0.960,
# Initiative 0.852, organisation 0.824, place 0.875, 67 of 74 multi-article entities one node; test F1 0.722, Person
# 0.863, Initiative 0.595, organisation 0.701, place 0.808, 60 of 77; no false merges. Initiatives and incidents
# as real news writes them (issue 13 point 3): dev Initiative 0.872, Incident 1.000; test Initiative 0.601,
# Incident 0.476.
FLOORS = {"dev": {"entities": 0.85, "person": 0.95, "initiative": 0.86, "incident": 0.95, "organisation": 0.81,
                  "place": 0.86, "one_node": 0.89},
          "test": {"entities": 0.71, "person": 0.85, "initiative": 0.59, "incident": 0.45, "organisation": 0.69,
                   "place": 0.80, "one_node": 0.77}}


def test_realgold_is_well_formed_and_keeps_no_story_text():
    for split in ("dev", "test"):
        rows = load_gold(GOLD / f"{split}.jsonl")
        assert len(rows) == 60 and all(r["key"].startswith("https://") for r in rows)
        assert sum(len(r["entities"]) for r in rows) >= 600
        raw = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert not any("body" in r or "text" in r for r in raw)  # the texts stay in the corpus
    keys = [r["key"] for s in ("dev", "test") for r in load_gold(GOLD / f"{s}.jsonl")]
    assert len(set(keys)) == 120  # dev and test are disjoint


@needs_corpus
@pytest.mark.parametrize("split", ["dev", "test"])
def test_real_news_floors(split):
    res = evaluate_real(GOLD / f"{split}.jsonl", CORPUS)
    floor = FLOORS[split]
    assert res.entities.overall.f1 >= floor["entities"]
    for group in ("person", "initiative", "incident", "organisation", "place"):
        assert res.entities.groups[group].f1 >= floor[group], group
    assert len(res.links.one_node) / len(res.links.multi) >= floor["one_node"]
    assert not res.links.false_merges
