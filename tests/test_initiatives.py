"""Kinds of initiative from the words of the text (invented sentences, no names from the sample page)."""

import pytest

from kg.extract.initiatives import SUBCLASSES, entity_subtype, initiative_class, subtype_at
from kg.model import Mention


@pytest.mark.parametrize("name, expected", [
    ("春风护航专项行动", "Campaign"),
    ("蓝天保卫攻坚战", "Campaign"),
    ("食品安全宣传周", "Campaign"),
    ("乡村治理改革试点工作", "Pilot"),
    ("农村电商人才培训班", "TrainingProgramme"),
    ("果农综合保险", "InsuranceProduct"),
    ("茶叶产业博览会", "Event"),
    ("青年创业大赛", "Event"),
    ("千村美化工程", "Project"),
    ("银发人才行动计划", "Project"),
    ("矛盾纠纷多元化解机制", "Mechanism"),
    ("片区联动模式", "Mechanism"),
    ("山城家政劳务品牌", "Brand"),
    ("城乡供水一体化实施方案", "PolicyDocument"),
    ("河湖保护条例", "PolicyDocument"),
    ("党的二十二大", "Event"),                 # a numbered congress
    ("十九届七中全会", "Event"),
    ("某某委员会常务会议", "Event"),
    ("中俄元首会晤", "Event"),
    ("杭州亚青运会", "Event"),
    ("中华人民共和国种子法", "PolicyDocument"),
    ("区域海运合作协定", "PolicyDocument"),
    ("渝昆高铁", "Project"),
])
def test_the_head_word_names_the_kind(name, expected):
    assert initiative_class(name) == expected
    assert expected in SUBCLASSES


def test_a_strategy_named_for_development_is_no_exhibition():
    assert initiative_class("某某协同发展") is None  # 展 ends 发展 but names no exhibition


def test_a_name_in_book_title_marks_is_a_policy_document():
    assert initiative_class("关于加快发展夜间经济的若干措施", before="《") == "PolicyDocument"


def test_the_word_after_the_quote_decides():
    assert initiative_class("邻里守望", after="”行动，覆盖全镇") == "Campaign"
    assert initiative_class("银龄课堂", after="”“乐学驿站”等3大计划") == "Project"
    assert initiative_class("乡味工匠", after="”是该县打造的劳务品牌。") == "Brand"


def test_nothing_said_means_no_kind():
    assert initiative_class("邻里守望") is None
    assert initiative_class("邻里守望", after="”理念深入人心") is None


def test_subtype_at_reads_the_context_in_the_text():
    text = "该县启动“清河护岸”专项行动，并出台《河长制考核办法》。"
    s = text.index("清河护岸")
    assert subtype_at(text, s, s + 4) == "Campaign"
    s = text.index("河长制考核办法")
    assert subtype_at(text, s, s + 7) == "PolicyDocument"


def test_the_entity_takes_the_kind_most_mentions_agree_on():
    def m(sub, start):
        return Mention("a-0", start, start + 2, start, start + 2, "Initiative", "示范", subtype=sub)

    assert entity_subtype([m("Campaign", 0), m(None, 5), m("Campaign", 9), m("Event", 20)]) == "Campaign"
    assert entity_subtype([m(None, 0)]) is None


def test_extracted_mentions_carry_the_subtype_and_the_graph_the_subclass(tmp_path):
    import kg
    from rdflib.namespace import RDF

    from kg.rdf.vocab import KG

    text = "东溪县人力资源和社会保障局近日启动“技能兴村”专项行动，举办家政服务员培训班。\n"
    f = tmp_path / "doc.txt"
    f.write_text("东溪县开展技能培训\n" + text, encoding="utf-8")
    result = kg.build([str(f)])
    kinds = {m.text: m.subtype for ms in result.mentions.values() for m in ms if m.cls == "Initiative"}
    assert kinds.get("技能兴村") == "Campaign"
    g = result.graph
    campaigns = set(g.subjects(RDF.type, KG.Campaign))
    assert campaigns and all((c, RDF.type, KG.Initiative) in g for c in campaigns)


def test_a_bad_data_row_is_reported(monkeypatch):
    from kg.extract import initiatives

    initiatives._heads.cache_clear()
    monkeypatch.setattr(initiatives, "table", lambda name: (("行动", "Parade"),))
    with pytest.raises(ValueError, match="initiative_classes.tsv.*Parade"):
        initiatives.initiative_class("某某行动")
    initiatives._heads.cache_clear()


@pytest.mark.parametrize("name, bare", [("决定", True), ("实施意见", True), ("会议", True), ("公报", True),
                                        ("河湖保护条例", False), ("工作方案", False), ("某某法", False)])
def test_a_head_word_alone_is_only_a_kind(name, bare):
    from kg.extract.initiatives import is_kind_word

    assert is_kind_word(name) is bare


def test_every_document_word_of_the_finders_is_a_kind_in_the_table():
    from kg.extract.event_forms import _BOOK_HEADS
    from kg.extract.initiatives import is_kind_word

    assert all(is_kind_word(w) for w in _BOOK_HEADS)
