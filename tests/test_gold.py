"""The multi-article gold set (tests/gold/articles.jsonl over tests/gold/articles/) is well formed, and
kg.eval.score reads its optional ``id`` field and scores linking and symmetric relations."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from kg.eval.score import match_articles, mention_texts, score_links, score_relations
from kg.eval.gold import CLASSES, PREDICATES, GoldError, load_gold, text_key
from kg.model import Article, Mention, Relation

GOLD_DIR = Path(__file__).resolve().parent / "gold"
ARTICLES = GOLD_DIR / "articles"
GOLD = GOLD_DIR / "articles.jsonl"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def source_text(g: dict) -> str:
    """The whitespace-free text of the input a gold article comes from (its own line for JSONL)."""
    path = ARTICLES / g["source"]
    if path.suffix != ".jsonl":
        return text_key(path.read_text(encoding="utf-8"))
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if text_key(row.get("title")) == text_key(g["headline"]):
            return text_key(row["title"] + "\n" + row["body"])
    raise AssertionError(f"{g['source']}: no line titled {g['headline']}")


def test_gold_loads_and_is_big_enough(gold):
    assert len(gold) >= 24
    assert sum(len(g["entities"]) for g in gold) >= 300
    assert sum(len(g["relations"]) for g in gold) >= 120
    assert len({g["source"] for g in gold}) >= 10


def test_every_input_file_is_annotated_and_every_source_exists(gold):
    files = {p.name for p in ARTICLES.iterdir() if p.suffix in (".txt", ".jsonl")}
    assert files == {g["source"] for g in gold}


@pytest.mark.parametrize("field", ["headline", "subtitle", "body_start"])
def test_article_texts_occur_in_the_source(gold, field):
    missing = [(g["source"], g[field]) for g in gold if g[field] and text_key(g[field]) not in source_text(g)]
    assert missing == []


def test_every_entity_occurs_in_its_source_text(gold):
    missing = [(g["source"], e["text"]) for g in gold for e in g["entities"] if e["text"] not in source_text(g)]
    assert missing == []


def test_classes_predicates_and_relation_ends(gold):
    for g in gold:
        texts = {e["text"] for e in g["entities"]}
        assert all(e["class"] in CLASSES for e in g["entities"])
        for r in g["relations"]:
            assert r["predicate"] in PREDICATES
            assert r["subject"] in texts and r["object"] in texts, (g["source"], r)
            assert (r["role"] is not None) == (r["predicate"] == "holdsPost")


def test_nested_entities_are_regions_inside_another_entity(gold):
    for g in gold:
        for e in g["entities"]:
            if e["nested"]:
                assert e["class"] == "AdministrativeRegion", e
                assert any(e["text"] in o["text"] and o["text"] != e["text"] for o in g["entities"]), e


def test_every_entity_has_an_id_with_one_class(gold):
    classes = defaultdict(set)
    for g in gold:
        for e in g["entities"]:
            assert e.get("id"), (g["source"], e["text"])
            classes[e["id"]].add(e["class"])
    assert {i: c for i, c in classes.items() if len(c) > 1} == {}


def test_linking_cases_are_present(gold):
    """The multi-article cases the gold is for: one id under several forms, one form under several ids."""
    forms, ids, articles = defaultdict(set), defaultdict(set), defaultdict(set)
    for n, g in enumerate(gold):
        for e in g["entities"]:
            forms[e["id"]].add(e["text"])
            ids[e["text"]].add(e["id"])
            articles[e["id"]].add(n)
    assert {"湖南湘瑞建工集团有限公司", "湘瑞集团", "湘瑞建工"} <= forms["org:xiangrui"]
    assert {"省科技厅", "湖南省科学技术厅"} <= forms["org:hunan-kjt"]
    assert {"株洲市人社局", "株洲市人力资源和社会保障局", "市人社局"} <= forms["org:zhuzhou-rsj"]
    for text in ("沅江", "李卫东", "彭立新", "省科技厅", "省应急管理厅"):
        assert len(ids[text]) == 2, text  # same surface form, two different things
    assert ids["长沙"] != ids["长沙县"]
    assert sum(len(a) >= 2 for a in articles.values()) >= 30


# ------------------------------------------------------------------ kg.eval.score: the id field


def write(tmp_path, entity):
    path = tmp_path / "gold.jsonl"
    row = {"source": "a.txt", "headline": None, "body_start": "星河市", "entities": [entity]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_load_gold_keeps_an_optional_id(tmp_path):
    with_id = load_gold(write(tmp_path, {"text": "星河市", "class": "AdministrativeRegion", "id": "region:1"}))
    assert with_id[0]["entities"][0]["id"] == "region:1"
    without = load_gold(write(tmp_path, {"text": "星河市", "class": "AdministrativeRegion"}))
    assert "id" not in without[0]["entities"][0]


@pytest.mark.parametrize("bad", [7, "", ["x"]])
def test_load_gold_rejects_a_bad_id(tmp_path, bad):
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: id must be"):
        load_gold(write(tmp_path, {"text": "星河市", "class": "AdministrativeRegion", "id": bad}))


# ------------------------------------------------------------------ kg.eval.score: linking and symmetric relations


def article(aid, text, source):
    return Article(id=aid, source=source, headline="", text=text, offsets=tuple(range(len(text) + 1)), body_start=0)


def mentions(art, *texts):
    out = []
    for t in texts:
        s = art.text.index(t)
        out.append(Mention(art.id, s, s + len(t), s, s + len(t), "Enterprise", t))
    return out


def gold_article(source, body_start, *entities):
    return {"source": source, "headline": None, "subtitle": None, "kind": "article", "date": None,
            "body_start": body_start, "authors": [], "relations": [], "line": 1,
            "entities": [{"text": t, "class": "Enterprise", "nested": False, "id": i} for t, i in entities]}


def test_score_links_counts_one_node_split_missed_and_false_merges():
    a = article("a-0", "红叶集团和蓝天公司与绿地公司签约。", "a.txt")
    b = article("b-0", "红叶集团有限公司、蓝天股份和白云公司", "b.txt")
    gold = [gold_article("a.txt", "红叶集团和蓝天公司", ("红叶集团", "org:hy"), ("蓝天公司", "org:lt"), ("绿地公司", "org:ld")),
            gold_article("b.txt", "红叶集团有限公司", ("红叶集团有限公司", "org:hy"), ("蓝天股份", "org:lt"),
                         ("白云公司", "org:ld"))]
    ma, mb = mentions(a, "红叶集团", "蓝天公司", "绿地公司"), mentions(b, "红叶集团有限公司", "蓝天股份")
    entity_of = {(m.article, m.start, m.end): k for m, k in zip(ma + mb, ["E1", "E2", "E3", "E1", "E4"])}
    pairs = match_articles([a, b], gold)
    report = score_links(pairs, {"a-0": ma, "b-0": mb}, entity_of)
    assert report.multi == ("org:hy", "org:ld", "org:lt")
    assert (report.one_node, report.split, report.missed) == (("org:hy",), ("org:lt",), ("org:ld",))
    assert report.false_merges == ()
    merged = score_links(pairs, {"a-0": ma, "b-0": mb}, {k: "E1" for k in entity_of})
    assert (merged.one_node, merged.merged, merged.split) == ((), ("org:hy", "org:lt"), ())
    assert merged.false_merges == (("E1", ("org:hy", "org:ld", "org:lt")),)
    assert "1/3 one node" in report.format()


def test_partners_with_is_scored_in_either_order():
    a = article("a-0", "红叶集团与蓝天公司合作。", "a.txt")
    ms = mentions(a, "红叶集团", "蓝天公司")
    g = gold_article("a.txt", "红叶集团与蓝天公司", ("红叶集团", "org:hy"), ("蓝天公司", "org:lt"))
    g["relations"] = [{"subject": "红叶集团", "predicate": "partnersWith", "object": "蓝天公司", "role": None},
                      {"subject": "红叶集团", "predicate": "runs", "object": "蓝天公司", "role": None}]
    key = lambda m: (m.article, m.start, m.end)  # noqa: E731
    rels = [Relation("a-0", p, key(ms[1]), key(ms[0]), 0, 1, 0, 1) for p in ("partnersWith", "runs")]
    report = score_relations(match_articles([a], [g]), rels, mention_texts(ms))
    assert (report.rows["partnersWith"].tp, report.rows["runs"].tp, report.rows["runs"].fp) == (1, 0, 1)
