"""Dates, amounts, counts and percentages (invented text, no names from the sample page)."""

import pytest

from kg.extract.measures import measures, parse_number
from kg.rdf.additions import measure_triples
from kg.model import Article, Entity, Linked, Measure, Mention


def _article(text, date="2025-07-03"):
    return Article(id="t-0", source="t.txt", headline="", text=text, offsets=tuple(range(len(text) + 1)),
                   body_start=0, date=date)


def _mention(text, name, cls, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    return Mention("t-0", s, s + len(name), s, s + len(name), cls, name)


def _graph(articles, found, linked, base):
    """The measures' triples as an rdflib Graph, and how many measures."""
    from rdflib import Graph

    from kg.rdf.ntriples import to_rdflib

    g = Graph()
    n = measure_triples(articles, found, linked, base,
                        lambda _g, _o, s, p, o: g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o))))
    return g, n


def _found(text, ms=(), date="2025-07-03"):
    return {m.text: m for m in measures(_article(text, date), list(ms))}


@pytest.mark.parametrize("num, mult, value", [
    ("2000", "万", 20_000_000), ("27.2", "万", 272_000), ("1.95", "亿", 195_000_000), ("85,593", None, 85_593),
    ("三千", None, 3000), ("十", None, 10), ("百", None, 100), ("两千", "万", 20_000_000),
])
def test_parse_number(num, mult, value):
    assert parse_number(num, mult) == value


def test_amounts_counts_and_percentages_get_values_and_units():
    got = _found("该镇获得贷款2000万元，完成改造27.2万户，完成率达101.1%，培训383人，建成45个站点，"
                 "授信1.95亿元，拨付3.99亿元，流转土地2100余亩，较去年提升近10个百分点。")
    assert (got["2000万元"].kind, got["2000万元"].value, got["2000万元"].unit) == ("amount", 20_000_000, "CNY")
    assert (got["27.2万户"].kind, got["27.2万户"].value, got["27.2万户"].unit) == ("count", 272_000, "户")
    assert (got["101.1%"].kind, got["101.1%"].value, got["101.1%"].unit) == ("percent", 1.011, "ratio")
    assert (got["383人"].value, got["45个"].value) == (383, 45)
    assert got["1.95亿元"].value == 195_000_000 and got["3.99亿元"].value == 399_000_000
    assert (got["2100余亩"].kind, got["2100余亩"].qualifier) == ("quantity", "more than")
    assert got["近10个百分点"].value == pytest.approx(0.1) and got["近10个百分点"].qualifier == "about"


def test_idioms_and_durations_are_not_counts():
    got = _found("服务千家万户，一个典型的小区，历时3个月建成，第10期。")
    assert not any(m.kind in ("count", "amount") for m in got.values()), got


def test_dates_are_normalised_against_the_article_date():
    got = _found("7月3日，项目开工。今年5月，该县出台方案。近三年，事故下降。截至6月30日，共拨付资金。"
                 "该区2024年12月开展培训。记者1日从县里获悉。今年以来，共接待游客。")
    assert got["7月3日"].value == "2025-07-03"
    assert got["今年5月"].value == "2025-05"
    assert got["近三年"].value == "2022/2025"
    assert got["6月30日"].value == "2025-06-30" and got["6月30日"].qualifier == "until"
    assert got["2024年12月"].value == "2024-12"
    assert got["1日"].value == "2025-07-01"
    assert got["今年以来"].value == "2025-01-01/2025-07-03"
    assert all(m.kind == "date" for m in got.values())


def test_a_day_the_calendar_does_not_have_is_no_date():
    got = _found("2月30日，项目开工。2025年13月，方案出台。2月28日，完成验收。", date=None)
    assert "2月30日" not in got and not any("13月" in k for k in got)
    assert got["2月28日"].value == "--02-28"


def test_without_an_article_date_the_year_stays_open():
    got = _found("7月3日，项目开工。", date=None)
    assert got["7月3日"].value == "--07-03"


def test_a_measure_is_about_the_initiative_or_organisation_of_its_sentence():
    text = "5月1日，东溪县农业农村局启动“稻香惠农”行动，发放补贴300万元。东溪县共有农户1.2万户。"
    ms = [_mention(text, "东溪县农业农村局", "GovernmentBody"), _mention(text, "稻香惠农", "Initiative"),
          _mention(text, "东溪县", "AdministrativeRegion", nth=1)]
    got = _found(text, ms)
    assert got["5月1日"].subject == ("t-0", ms[1].start, ms[1].end)  # the date of the initiative launched
    assert got["300万元"].subject == ("t-0", ms[1].start, ms[1].end)
    assert got["1.2万户"].subject == ("t-0", ms[2].start, ms[2].end)  # no organisation: the region


def test_an_amount_before_de_is_about_the_name_after_it():
    text = "东溪农商银行为东溪县青禾农业有限公司提供总额500万元的“丰收贷”产品。"
    ms = [_mention(text, "东溪农商银行", "Enterprise"), _mention(text, "东溪县青禾农业有限公司", "Enterprise"),
          _mention(text, "丰收贷", "Initiative")]
    assert _found(text, ms)["500万元"].subject == ("t-0", ms[2].start, ms[2].end)


def test_numbers_inside_a_mention_are_not_measures():
    text = "该县印发《2025年水利建设实施方案》。"
    s = text.index("2025")
    ms = [Mention("t-0", s, s + 12, s, s + 12, "Initiative", text[s:s + 12])]
    assert _found(text, ms) == {}


def test_raw_offsets_follow_the_offset_map():
    text = "拨付3.99亿元"
    a = Article(id="t-0", source="t.txt", headline="", text=text, offsets=tuple(range(10, 10 + len(text) + 1)),
                body_start=0)
    (m,) = measures(a, [])
    assert (m.raw_start, m.raw_end, m.text) == (12, 18, "3.99亿元")


def test_measures_in_the_graph():
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD

    from kg.rdf.vocab import KG

    schema = Namespace("https://schema.org/")
    text = "5月1日，东溪县农业农村局启动“稻香惠农”行动，发放补贴300万元。"
    ms = [_mention(text, "东溪县农业农村局", "GovernmentBody"), _mention(text, "稻香惠农", "Initiative")]
    base = "https://example.org/id/"
    linked = Linked(entities=(Entity("k/1", "Initiative", "稻香惠农", mentions=(ms[1],)),), mention_of={("t-0", m.start, m.end): f"k/{i}" for i, m in enumerate(ms)},
                    facts=(), bylines={})
    found = {"t-0": measures(_article(text), ms)}
    g, n = _graph([_article(text)], found, linked, base)
    assert n == 2
    money = next(g.subjects(RDF.type, schema.QuantitativeValue))
    assert g.value(money, schema.value) == Literal("3000000", datatype=XSD.decimal)
    assert str(g.value(money, schema.unitText)) == "CNY"
    assert g.value(money, KG.measureOf) == URIRef(base + "k/1")
    assert g.value(money, KG.inArticle) == URIRef(base + "article/t-0")
    date = next(g.subjects(RDF.type, KG.TimeExpression))
    assert g.value(date, KG.timeValue) == Literal("2025-05-01", datatype=XSD.date)
    assert int(g.value(date, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex"))) == 4
    # 5月1日，<org> 启动 <initiative>: the date is the initiative's start
    assert g.value(URIRef(base + "k/1"), schema.startDate) == Literal("2025-05-01", datatype=XSD.date)


def test_the_sample_page_has_its_amounts(sample_result):
    values = {(m.text, m.value) for ms in sample_result.measures.values() for m in ms}
    assert ("2000万元", 20_000_000) in values and ("27.2万户", 272_000) in values and ("101.1%", 1.011) in values
    assert any(m.kind == "date" and m.value == "2025-06-30" for ms in sample_result.measures.values() for m in ms)
    assert all(isinstance(m, Measure) for ms in sample_result.measures.values() for m in ms)


def test_quarters_halves_and_counts_with_yu_after_wan():
    got = _found("今年前三季度，全县增长5.8%。上半年接待游客12万余人。")
    assert got["今年前三季度"].value == "2025-01/2025-09"
    assert got["上半年"].value == "2025-01/2025-06"
    assert (got["12万余人"].value, got["12万余人"].qualifier) == (120_000, "more than")


def test_a_month_day_well_after_the_article_date_is_last_year_unless_the_text_says_future():
    got = _found("11月20日，博览会开幕。运动会将于9月在省城举行。7月5日，项目开工。")
    assert got["11月20日"].value == "2024-11-20"
    assert got["9月"].value == "2025-09"
    assert got["7月5日"].value == "2025-07-05"  # within a week of the paper's date


def test_the_sample_graph_conforms_to_the_measure_shape(sample_result):
    pytest.importorskip("pyshacl")
    from kg.rdf import validate

    report = validate.validate(sample_result.graph)
    assert not [v for v in report.violations if "measure" in v.focus], report.violations[:5]


def test_measures_whose_raw_offsets_coincide_are_two_nodes_with_one_kind_each():
    # a headline from a JSONL title has no raw characters: every offset is the record's start
    from kg.rdf.vocab import KG

    text = "上半年出口增长8%"
    a = Article(id="t-0", source="t.jsonl", headline=text, text=text, offsets=(0,) * (len(text) + 1),
                body_start=len(text), date="2025-07-03")
    found = {"t-0": measures(a, [])}
    assert {m.kind for m in found["t-0"]} == {"date", "percent"}
    g, _ = _graph([a], found, Linked(entities=(), mention_of={}, facts=(), bylines={}), "https://example.org/id/")
    nodes = set(g.subjects(KG.measureKind, None))
    assert len(nodes) == 2 and all(len(set(g.objects(n, KG.measureKind))) == 1 for n in nodes)
    assert {str(n).rsplit("/", 1)[1] for n in nodes} == {"t0-3", "t7-9"}  # text offsets where raw ones coincide


def test_the_leap_day_of_the_articles_year_stays_in_it():
    got = _found("商户免交2月29日的租金。", date="2020-02-07")
    assert got["2月29日"].value == "2020-02-29"  # (read as last year's, it would be 2019-02-29: no such day)
