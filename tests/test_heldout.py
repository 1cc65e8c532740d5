"""The blind held-out set (tests/heldout/): written by an annotator who never saw the code, used only to measure
how extraction and linking generalise (never to choose rules). It is well formed, and its floors only go up."""

import json
from pathlib import Path

import pytest

from kg.eval import benchmarks as b
from kg.eval.gold import load_gold, text_key

HELDOUT = Path(__file__).resolve().parent / "heldout"

# Floors a little below what is measured (first blind measurement: entity F1 0.914, facts 0.759; after fixing the
# region-boundary error class it showed: 0.941, 0.800; with regions nested in names as mentions: nested F1 0.945,
# facts 0.807, 13 of 13 multi-article entities one node; rules + model).
ENTITY_F1, FACT_F1, NESTED_F1, ONE_NODE = 0.93, 0.79, 0.93, 12


@pytest.fixture(scope="module")
def gold():
    return load_gold(HELDOUT / "gold.jsonl")


def _source(g: dict) -> str:
    path = HELDOUT / "articles" / g["source"]
    if path.suffix != ".jsonl":
        return text_key(path.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return next(text_key(r["title"] + "\n" + r["body"]) for r in rows if text_key(r["title"]) == text_key(g["headline"]))


def test_heldout_is_well_formed(gold):
    assert len(gold) >= 12 and sum(len(g["entities"]) for g in gold) >= 150
    for g in gold:
        text = _source(g)
        names = {e["text"] for e in g["entities"]}
        assert all(e["text"] in text for e in g["entities"]), g["source"]
        assert all(r["subject"] in names and r["object"] in names for r in g["relations"]), g["source"]


def test_heldout_floors():
    from kg.extract.ner import learned

    if not learned.available():
        pytest.skip("NER model not installed (pip install --no-deps foolnltk==0.1.7)")
    res = b.evaluate_gold(HELDOUT)
    assert res.entities.overall.f1 >= ENTITY_F1, res.entities.format(misses=40)
    assert res.facts.overall.f1 >= FACT_F1, res.facts.format(misses=40)
    assert res.nested.overall.f1 >= NESTED_F1, res.nested.format(misses=40)
    assert len(res.links.one_node) >= ONE_NODE and not res.links.false_merges, res.links.format()
