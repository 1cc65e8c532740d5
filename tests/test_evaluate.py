"""Tests for kg.eval.score: gold loading, article matching and the scores, on hand-made values and the sample gold."""

import json
import re
from pathlib import Path

import pytest

from kg.eval.score import Score, match_articles, mention_texts, score_articles, score_entities, score_relations
from kg.eval.gold import CLASSES, PREDICATES, TOP_LEVEL, GoldError, load_gold, text_key
from kg.model import Article, Author, Mention, Relation

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "sample.jsonl"
PAGE = ROOT / "kg" / "data" / "samples" / "000_c105894bd2e3e539.txt"


# ------------------------------------------------------------------------------------------ helpers


def article(aid, body, headline="", source="page.txt", **kw):
    head = headline + "\n" if headline else ""
    text = head + body
    return Article(id=aid, source=source, headline=headline, text=text, offsets=tuple(range(len(text) + 1)),
                   body_start=len(head), **kw)


def mention(art, text, cls, start=None):
    start = art.text.index(text) if start is None else start
    return Mention(art.id, start, start + len(text), start, start + len(text), cls, text)


def gold(body_start, entities=(), relations=(), headline=None, source="page.txt", **kw):
    return {"source": source, "headline": headline, "subtitle": kw.get("subtitle"), "kind": "article",
            "date": kw.get("date"), "body_start": body_start, "authors": kw.get("authors", []),
            "entities": [{"text": t, "class": c, "nested": n} for t, c, *rest in entities for n in [bool(rest)]],
            "relations": [{"subject": s, "predicate": p, "object": o, "role": role}
                          for s, p, o, *r in relations for role in [r[0] if r else None]],
            "line": 1}


BODY = "星河市光明区红叶科技有限公司总经理王小明表示，公司参加了“绿色工厂”行动。"
ENTS = [("星河市", "AdministrativeRegion"), ("光明区", "AdministrativeRegion"),
        ("红叶科技有限公司", "Enterprise"), ("王小明", "Person"), ("绿色工厂", "Initiative")]


def write(tmp_path, *lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**kw):
    obj = {"source": "page.txt", "headline": None, "body_start": "星河市光明区"} | kw
    return json.dumps(obj, ensure_ascii=False)


# ---------------------------------------------------------------------------------------- load_gold


def test_load_gold_fills_defaults(tmp_path):
    path = write(tmp_path, line(entities=[{"text": "星河市", "class": "AdministrativeRegion"}]), "", line(body_start="另一篇"))
    g = load_gold(path)
    assert len(g) == 2
    assert g[0]["entities"] == [{"text": "星河市", "class": "AdministrativeRegion", "nested": False}]
    assert g[0]["authors"] == [] and g[0]["relations"] == [] and g[0]["date"] is None
    assert (g[0]["line"], g[1]["line"]) == (1, 3)


@pytest.mark.parametrize(
    "bad, words",
    [
        ("{not json", ["not valid JSON"]),
        (line(entities=[{"text": "星河市", "class": "City"}]), ["unknown class", "City"]),
        (line(relations=[{"subject": "甲", "predicate": "runs", "object": "乙"}]), ["not an entity"]),
        (line(entities=[{"text": "甲", "class": "Person"}, {"text": "乙", "class": "Enterprise"}],
              relations=[{"subject": "甲", "predicate": "worksFor", "object": "乙"}]), ["unknown predicate"]),
        (line(entities=[{"text": "甲", "class": "Person"}, {"text": "乙", "class": "Enterprise"}],
              relations=[{"subject": "甲", "predicate": "holdsPost", "object": "乙"}]), ["role"]),
        (line(date="2025-13-01"), ["date"]),
        (line(heading="x"), ["unknown field", "heading"]),
        (json.dumps({"source": "page.txt", "headline": None}), ["missing", "body_start"]),
        (line(entities=[{"text": "星河 市", "class": "Place"}]), ["no spaces"]),
        (line(entities=[{"text": "甲", "class": "Person"}, {"text": "甲", "class": "Person"}]), ["twice"]),
        ("[1, 2]", ["JSON object"]),
    ],
)
def test_load_gold_errors_name_file_and_line(tmp_path, bad, words):
    path = write(tmp_path, line(), bad)
    with pytest.raises(GoldError) as err:
        load_gold(path)
    message = str(err.value)
    assert message.startswith(f"{path}:2: ")
    for word in words:
        assert word in message


def test_load_gold_missing_file(tmp_path):
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "nope.jsonl")


def test_duplicate_article_is_an_error(tmp_path):
    with pytest.raises(GoldError, match=":2: same article as line 1"):
        load_gold(write(tmp_path, line(), line()))


# ------------------------------------------------------------------------------------------ matching


def test_match_by_headline_ignoring_spaces_then_body_start():
    a = article("p-0", "正文甲。", headline="星河 市 新 闻")
    b = article("p-1", "星河市光明区 红叶科技有限公司……")
    c = article("p-2", "多出来的一篇。")
    g1 = gold("不相干", headline="星河市新闻")
    g2 = gold("星河市光明区红叶科技")
    g3 = gold("找不到的开头")
    pairs = match_articles([a, b, c], [g1, g2, g3])
    assert pairs == [(a, g1), (b, g2), (None, g3), (c, None)]


def test_match_needs_same_source_and_is_one_to_one():
    a = article("p-0", "同样的开头。", source="other.txt")
    b = article("p-1", "同样的开头。")
    g1, g2 = gold("同样的开头"), gold("同样的开头", headline="标题")
    pairs = match_articles([a, b], [g1, g2])
    assert pairs == [(b, g1), (None, g2), (a, None)]


def test_match_tolerates_a_dateline_left_in_the_body():
    a = article("p-0", "本报7月3日讯（记者 某某）星河市光明区今天……")
    assert match_articles([a], [gold("星河市光明区今天")]) == [(a, gold("星河市光明区今天"))]


def test_null_headline_never_matches_an_empty_one():
    a = article("p-0", "完全不同。")
    assert match_articles([a], [gold("开头")]) == [(None, gold("开头")), (a, None)]


# ------------------------------------------------------------------------------------------ entities


def test_perfect_entities():
    a = article("p-0", BODY)
    g = gold(BODY[:12], ENTS)
    report = score_entities(match_articles([a], [g]), {"p-0": [mention(a, t, c) for t, c in ENTS]})
    assert report.overall == Score(5, 0, 0)
    assert report.overall.f1 == 1.0
    assert report.rows["AdministrativeRegion"] == Score(2, 0, 0)
    assert report.groups["place"] == Score(2, 0, 0)
    assert not report.false_positives and not report.false_negatives


def test_half_right_entities_and_duplicates_count_once():
    a = article("p-0", BODY)
    g = gold(BODY[:12], ENTS[:4])
    pred = [mention(a, "星河市", "AdministrativeRegion"), mention(a, "星河市", "AdministrativeRegion"),
            mention(a, "王小明", "Person"), mention(a, "公司", "Enterprise"), mention(a, "总经理", "Person")]
    report = score_entities(match_articles([a], [g]), {"p-0": pred})
    assert report.overall == Score(2, 2, 2)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0.5, 0.5, 0.5)
    assert {m.text for m in report.false_negatives} == {"光明区", "红叶科技有限公司"}
    assert {(m.text, m.label) for m in report.false_positives} == {("公司", "Enterprise"), ("总经理", "Person")}
    assert all(m.article == "p-0" for m in report.false_positives)


def test_wrong_class_is_a_miss_but_top_level_may_agree():
    a = article("p-0", BODY)
    g = gold(BODY[:12], [("红叶科技有限公司", "Enterprise"), ("光明区", "AdministrativeRegion")])
    pred = [mention(a, "红叶科技有限公司", "Organization"), mention(a, "光明区", "Enterprise")]
    report = score_entities(match_articles([a], [g]), {"p-0": pred})
    assert report.overall == Score(0, 2, 2)
    assert report.rows["Enterprise"] == Score(0, 1, 1)
    assert report.rows["Organization"] == Score(0, 1, 0)
    assert report.groups["organisation"] == Score(1, 1, 0)
    assert report.groups["place"] == Score(0, 0, 1)
    assert report.groups["untyped"] == Score(2, 0, 0)


def test_unmatched_articles_count_fully():
    a = article("p-0", "无人认领的文章，提到王小明。")
    g = gold("没有预测的文章", [("星河市", "AdministrativeRegion"), ("王小明", "Person")])
    pairs = match_articles([a], [g])
    report = score_entities(pairs, {"p-0": [mention(a, "王小明", "Person")], "ghost": [mention(a, "王小明", "Person")]})
    assert report.overall == Score(0, 2, 2)
    assert [m.article for m in report.false_negatives][0].startswith("page.txt:1")


def test_texts_compare_without_spaces():
    a = article("p-0", "星 河 市 光明区")
    g = gold("星河市", [("星河市", "AdministrativeRegion")])
    m = Mention("p-0", 0, 5, 0, 5, "AdministrativeRegion", "星 河 市")
    assert score_entities(match_articles([a], [g]), {"p-0": [m]}).overall == Score(1, 0, 0)
    assert text_key(" 6·16　安全 ") == "6·16安全"


def test_nested_entities_can_be_left_out():
    a = article("p-0", "星河红叶公司在星河市。")
    g = gold("星河红叶", [("星河红叶公司", "Enterprise"), ("星河", "AdministrativeRegion", "nested"),
                          ("星河市", "AdministrativeRegion")])
    pred = [mention(a, "星河红叶公司", "Enterprise"), mention(a, "星河", "AdministrativeRegion"),
            mention(a, "星河市", "AdministrativeRegion")]
    pairs = match_articles([a], [g])
    assert score_entities(pairs, {"p-0": pred}).overall == Score(3, 0, 0)
    assert score_entities(pairs, {"p-0": pred}, nested=False).overall == Score(2, 0, 0)
    assert score_entities(pairs, {"p-0": pred[:1] + pred[2:]}, nested=False).overall == Score(2, 0, 0)


def test_format_is_an_aligned_table():
    a = article("p-0", BODY)
    g = gold(BODY[:12], ENTS)
    report = score_entities(match_articles([a], [g]), {"p-0": [mention(a, "王小明", "Person")]})
    text = report.format(misses=2)
    table = [ln for ln in text.splitlines() if re.search(r"\d\.\d{3}$", ln)]
    assert {"Person", "all (micro)", "person", "untyped"} <= {ln.split("  ")[0].strip() for ln in table}
    assert len({len(ln) for ln in table}) == 1
    assert "false negatives (4):" in text
    assert report.to_dict()["overall"]["tp"] == 1


# ------------------------------------------------------------------------------------------ relations


def relation(a, pred, subj, obj, role=None):
    return Relation(a.id, pred, (a.id, subj.start, subj.end), (a.id, obj.start, obj.end), 0, len(a.text), 0,
                    len(a.text), role=role)


def test_relations_per_predicate_with_dict_and_function():
    a = article("p-0", BODY)
    ms = {t: mention(a, t, c) for t, c in ENTS}
    g = gold(BODY[:12], ENTS, [("王小明", "holdsPost", "红叶科技有限公司", "总经理"),
                               ("光明区", "partOf", "星河市"), ("红叶科技有限公司", "runs", "绿色工厂")])
    rels = [relation(a, "holdsPost", ms["王小明"], ms["红叶科技有限公司"], "董事长"),
            relation(a, "partOf", ms["光明区"], ms["星河市"]),
            relation(a, "locatedIn", ms["红叶科技有限公司"], ms["星河市"])]
    pairs = match_articles([a], [g])
    report = score_relations(pairs, rels, mention_texts(ms.values()))
    assert report.overall == Score(2, 1, 1)
    assert report.rows["runs"] == Score(0, 0, 1)
    assert report.rows["locatedIn"] == Score(0, 1, 0)
    assert report.groups["holdsPost+role"] == Score(0, 1, 1)
    assert report.false_negatives[0].text == "红叶科技有限公司 runs 绿色工厂"
    texts = mention_texts(ms.values())
    assert score_relations(pairs, rels, lambda key: texts[key]).overall == Score(2, 1, 1)
    assert list(report.rows) == [p for p in PREDICATES if p in report.rows]


def test_relations_of_unmatched_articles_and_unknown_mentions():
    a = article("p-0", BODY)
    ms = {t: mention(a, t, c) for t, c in ENTS}
    g = gold("别的文章", ENTS, [("光明区", "partOf", "星河市")])
    rels = [relation(a, "partOf", ms["光明区"], ms["星河市"])]
    report = score_relations(match_articles([a], [g]), rels, mention_texts(ms.values()))
    assert report.overall == Score(0, 1, 1)
    with pytest.raises(ValueError, match="unknown mention"):
        score_relations(match_articles([a], [g]), rels, {})


# ------------------------------------------------------------------------------------------ articles


def test_article_counts():
    a = article("p-0", "星河市光明区今天……", headline="星河市新闻", date="2025-07-03",
                authors=(Author("王小明", "全媒体记者", 0, 3), Author("李四", "", 0, 2)))
    b = article("p-1", "第二篇的正文。", headline="另一个标题", subtitle="副题")
    c = article("p-2", "多余的一篇。", authors=(Author("赵六", "记者", 0, 2),))
    g1 = gold("星河市光明区", headline="星河市新闻", date="2025-07-03",
              authors=[{"name": "王小明", "role": "记者"}, {"name": "李四", "role": "作者"}])
    g2 = gold("第二篇的正文", subtitle="副 题", date="2025-07-03", authors=[{"name": "张三", "role": "通讯员"}])
    g3 = gold("没有匹配", headline="缺席的标题")
    report = score_articles(match_articles([a, b, c], [g1, g2, g3]))
    assert (report.gold, report.predicted, report.matched) == (3, 3, 2)
    assert report.headlines == (1, 2)
    assert report.subtitles == (1, 1)
    assert report.dates == (1, 3)
    assert report.authors == (1, 3)
    assert report.author_names == Score(2, 1, 1)
    assert report.author_roles == (2, 2)
    assert "headlines       1/2" in report.format()


# ------------------------------------------------------------------------------------------ sample gold


@pytest.fixture(scope="module")
def sample():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def page():
    return "".join(PAGE.read_text(encoding="utf-8").split())


def test_sample_gold_has_the_eight_items(sample):
    assert len(sample) == 8
    assert {g["source"] for g in sample} == {PAGE.name}
    assert sum(g["headline"] is None for g in sample) == 2
    assert [g["kind"] for g in sample].count("caption") == 1


def squeeze(text):
    return "".join(text.split())


def test_sample_gold_texts_occur_in_the_page(sample, page):
    for g in sample:
        where = f"line {g['line']}"
        assert squeeze(g["body_start"]) in page, where
        assert len(squeeze(g["body_start"])) == 12, where
        for key in ("headline", "subtitle"):
            if g[key]:
                assert squeeze(g[key]) in page, where
        for a in g["authors"]:
            assert a["name"] in page, where
        for e in g["entities"]:
            assert e["text"] in page, f"{where}: {e['text']}"


def test_sample_gold_classes_and_relations(sample):
    for g in sample:
        texts = {e["text"] for e in g["entities"]}
        assert {e["class"] for e in g["entities"]} <= set(CLASSES)
        authors = {a["name"] for a in g["authors"]}
        assert not texts & authors, "byline authors are not entities"
        for r in g["relations"]:
            assert r["subject"] in texts and r["object"] in texts
            assert r["predicate"] in PREDICATES


def test_classes_exist_in_the_ontology():
    ttl = (ROOT / "kg" / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    classes = set(re.findall(r"^kg:(\w+) a owl:Class", ttl, re.M))
    properties = set(re.findall(r"^kg:(\w+) a owl:ObjectProperty", ttl, re.M))
    assert set(CLASSES) <= classes
    assert set(PREDICATES) <= properties
    assert set(TOP_LEVEL) == set(CLASSES)


def test_sample_gold_scores_itself_perfectly(sample):
    """Articles and mentions built from the gold itself score 1.0 everywhere."""
    arts, mentions, rels = [], {}, []
    for i, g in enumerate(sample):
        body, starts = g["body_start"], {}
        for e in g["entities"]:
            body += "|"
            starts[e["text"]] = len(body)
            body += e["text"]
        head = g["headline"] or ""
        a = article(f"p-{i}", body, headline=head, source=g["source"], date=g["date"], subtitle=g["subtitle"],
                    authors=tuple(Author(x["name"], x["role"], 0, 0) for x in g["authors"]))
        offset = a.body_start
        ms = {e["text"]: mention(a, e["text"], e["class"], offset + starts[e["text"]]) for e in g["entities"]}
        arts.append(a)
        mentions[a.id] = list(ms.values())
        rels += [relation(a, r["predicate"], ms[r["subject"]], ms[r["object"]], r["role"]) for r in g["relations"]]
    pairs = match_articles(arts, sample)
    assert all(p is not None and g is not None for p, g in pairs)
    assert score_entities(pairs, mentions).overall.f1 == 1.0
    rel = score_relations(pairs, rels, mention_texts(m for ms in mentions.values() for m in ms))
    assert rel.overall.f1 == 1.0 and rel.groups["holdsPost+role"].f1 == 1.0
    art = score_articles(pairs)
    assert art.headlines == (6, 6) and art.dates == (8, 8) and art.authors == (8, 8)


def test_score_facts_scores_graph_facts_with_entity_labels_and_derived_facts():
    from kg.eval.score import score_facts
    from kg.model import Article, Entity, Fact, Linked

    text = "青山华明纸业有限公司在东湖区开业。华明纸业总经理王五表示。"
    a = Article(id="a-0", source="a.txt", headline="h", text=text, offsets=tuple(range(len(text) + 1)), body_start=0)
    ents = (Entity("org/1", "Enterprise", "青山华明纸业有限公司", ("华明纸业",)),
            Entity("region/1", "AdministrativeRegion", "青山市", code="999900"),
            Entity("region/2", "AdministrativeRegion", "东湖区", code="999901"),
            Entity("person/1", "Person", "王五"),
            Entity("org/9", "Enterprise", "远方公司"))
    mention_of = {("a-0", 0, 10): "org/1", ("a-0", 11, 14): "region/2", ("a-0", 17, 21): "org/1",
                  ("a-0", 24, 26): "person/1"}
    facts = (Fact("org/1", "locatedIn", "region/1"),  # derived: 青山 is written inside the company's name
             Fact("region/2", "partOf", "region/1"),  # derived, but 青山市 is not in 东湖区's name: not counted here
             Fact("person/1", "holdsPost", "org/1", "a-0", role="总经理"),
             Fact("org/9", "locatedIn", "region/2"))  # derived, 远方公司 not in the article: not counted
    linked = Linked(ents, mention_of, facts, {})
    gold = [{"source": "a.txt", "headline": "h", "body_start": text[:5], "kind": "article", "date": None,
             "subtitle": None, "url": None, "note": None, "authors": [], "entities": [],
             "relations": [{"subject": "青山华明纸业有限公司", "predicate": "locatedIn", "object": "青山", "role": None},
                           {"subject": "王五", "predicate": "holdsPost", "object": "华明纸业", "role": "总经理"},
                           {"subject": "华明纸业", "predicate": "locatedIn", "object": "东湖区", "role": None}]}]
    report = score_facts(match_articles([a], gold), linked)
    assert report.rows["locatedIn"] == Score(1, 0, 1)
    assert report.rows["holdsPost"] == Score(1, 0, 0)
    assert report.rows["partOf"] == Score(0, 0, 0)
    assert report.groups["holdsPost+role"] == Score(1, 0, 0)
    assert [m.text for m in report.false_negatives] == ["华明纸业 locatedIn 东湖区"]
    assert score_facts(match_articles([a], gold), linked, include_derived=False).rows["locatedIn"] == Score(0, 0, 2)
