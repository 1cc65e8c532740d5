"""kg.extract.ner.learned: the NER model's spans combined with the rules (invented text only)."""

import pytest
from invented import article

from kg.extract import mentions as extract
from kg.extract.ner import learned
from kg.extract.ner import persons


def found(text: str, ner: str = "auto") -> set[tuple[str, str]]:
    return {(m.text, m.cls) for m in extract.mentions(article(text, aid="t-0"), ner=ner)}


@pytest.fixture
def model():
    if not learned.available():
        pytest.skip("NER model file kg/extract/ner/ner_model/ner.npz absent")


def test_rules_only_without_the_model(monkeypatch, capsys):
    monkeypatch.setattr(learned, "_model", lambda: None)
    text = "岳阳市科技局表示，湖南蓝湾环保科技有限公司负责人张三说。"
    assert learned.spans(text) is None and learned.candidates(text) is None
    assert found(text) == found(text, "rules")
    assert found(text, "model") == set()


def test_missing_model_gives_one_notice(monkeypatch, tmp_path, capsys):
    from kg.extract.ner import network as ner

    monkeypatch.setenv(ner.ENV_VAR, str(tmp_path / "nowhere"))
    learned._model.cache_clear()
    monkeypatch.setattr(learned, "_notified", False)
    try:
        assert learned.spans("张三在长沙。") is None and learned.spans("李四在岳阳。") is None
        err = capsys.readouterr().err
        assert err.count("learned NER off") == 1 and "foolnltk" in err
    finally:
        learned._model.cache_clear()


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="auto, rules or model"):
        extract.mentions(article("张三", aid="t-0"), ner="bert")


def test_bare_names_in_running_text(model):
    text = "村民王秀兰和李国强在湖南省长沙市望城区白沙洲街道种植蔬菜。"
    got = found(text)
    assert {("王秀兰", "Person"), ("李国强", "Person")} <= got
    assert ("王秀兰和李国强", "Person") not in got
    # the whole administrative chain is split with the gazetteer
    assert {("湖南省", "AdministrativeRegion"), ("长沙市", "AdministrativeRegion"),
            ("望城区", "AdministrativeRegion"), ("白沙洲街道", "AdministrativeRegion")} <= got
    assert not any("长沙市望城区" in t for t, _ in got)


def test_lists_and_joiners_are_cut(model):
    got = found("县公安局会同县市场监管局开展检查，陈建华会同赵丽娟走访企业。")
    assert {("县公安局", "GovernmentBody"), ("县市场监管局", "GovernmentBody"),
            ("陈建华", "Person"), ("赵丽娟", "Person")} <= got
    assert not any(t.startswith("会同") for t, _ in got)
    got = found("应急管理部、水利部近日联合派出工作组。")
    assert {("应急管理部", "GovernmentBody"), ("水利部", "GovernmentBody")} <= got


def test_rules_keep_their_decisions(model):
    got = found("湖南省委、长沙市委有关负责人出席，专家来到鄂州花湖机场调研。")
    assert {("湖南省委", "PartyOrganization"), ("长沙市委", "PartyOrganization"), ("鄂州花湖机场", "Place")} <= got
    got = found("武汉大学和华中科技大学的专家参加。")
    assert {("武汉大学", "Organization"), ("华中科技大学", "Organization")} <= got


def test_media_and_forms_of_address(model):
    got = found("央视网、人民网等媒体进行了报道，王先生和张经理也到场。")
    assert {("央视网", "Organization"), ("人民网", "Organization")} <= got
    assert not any(c == "Person" for _, c in got)


def test_model_extends_a_name_the_rules_cut(model):
    got = found("昨日，泗水县文化市场综合执法局对辖区网吧进行检查。")
    assert ("泗水县文化市场综合执法局", "GovernmentBody") in got
    got = found("本报记者 刘晓明 通讯员 谢红英 王建国 报道")
    assert {("刘晓明", "Person"), ("谢红英", "Person"), ("王建国", "Person")} <= got


def test_place_localizers_are_cut(model):
    assert persons.address_form("张先生") and persons.address_form("老王") and not persons.address_form("张先")
    got = {(c.cls) for c in learned.candidates("华北东部出现降雨。") or []}
    text = "华北东部出现降雨。"
    assert all(text[c.start:c.end] != "华北东部" for c in learned.candidates(text))
    assert got <= {"AdministrativeRegion", "Place"}


def test_unmatched_quote_marks_are_cut_from_model_spans(monkeypatch):
    text = "共建“秦川硬科技孵化器”，首批入驻。"
    s = text.index("秦")
    monkeypatch.setattr(learned, "spans", lambda t: [(s, text.index("，"), "company")])
    assert [text[c.start:c.end] for c in learned.candidates(text)] == ["秦川硬科技孵化器"]
    assert learned._trim_marks("“某某”计划", 0, 6) == (0, 6)  # a quoted part inside the name stays


def test_zone_then_place_is_split(model):
    got = found("公司将投资3.5亿元在南沙新区青石工业园建设数字化工厂。")
    assert {("南沙新区", "AdministrativeRegion"), ("青石工业园", "Place")} <= got
    assert ("鄂州花湖机场", "Place") in found("鄂州花湖机场今年货运量大增。")  # a region short form stays


def _located(monkeypatch, text: str, name: str) -> list[str]:
    """The model's one location span over ``name`` in ``text``, as the candidates make it."""
    s = text.index(name)
    monkeypatch.setattr(learned, "spans", lambda t: [(s, s + len(name), "location")])
    return [text[c.start:c.end] for c in learned.candidates(text)]


def test_common_words_are_no_places(monkeypatch):
    # a frequent common noun, a localizer or a time word of the dictionary names no place (issue #13)
    assert _located(monkeypatch, "欢迎青年来大陆创业。", "大陆") == []
    assert _located(monkeypatch, "张家口赛区准备就绪。", "赛区") == []
    assert _located(monkeypatch, "飞机在某市以东飞行。", "以东") == []
    # a named site, a rare noun and a country stay
    assert _located(monkeypatch, "游客参观故宫。", "故宫") == ["故宫"]
    assert _located(monkeypatch, "渔船停在竹岛附近。", "竹岛") == ["竹岛"]
    assert _located(monkeypatch, "代表团访问刚果。", "刚果") == ["刚果"]
    assert _located(monkeypatch, "我国中东部地区降雪。", "中东部") == []  # parts of a country by direction
    # two kinds of waters together, a sea of something (place_words.tsv kind common): no one place
    assert _located(monkeypatch, "各地加强河湖保护。", "河湖") == []
    assert _located(monkeypatch, "山坡上一片花海。", "花海") == []
    # administrative levels named together: every unit of those levels, no one place (issue #14)
    assert _located(monkeypatch, "全省十四个市州推进建设。", "市州") == []
    assert _located(monkeypatch, "各县区加快落实。", "县区") == []


def test_direction_and_capital_before_a_place_are_cut(monkeypatch):
    assert _located(monkeypatch, "山火在北部沙斯塔县燃烧。", "北部沙斯塔县") == ["沙斯塔县"]
    assert _located(monkeypatch, "民众在首都墨西哥城集会。", "首都墨西哥城") == ["墨西哥城"]
    assert _located(monkeypatch, "政府军进驻北部重镇曼比季。", "北部重镇曼比季") == ["曼比季"]
    assert _located(monkeypatch, "台风移入北部湾海面。", "北部湾") == ["北部湾"]  # a name that starts so
    assert _located(monkeypatch, "油菜种在秦岭以南。", "秦岭以南") == ["秦岭"]


def test_an_organisation_the_model_finds_on_a_place_is_the_place(monkeypatch):
    text = "浙江金华破获一起案件。"
    monkeypatch.setattr(learned, "spans", lambda t: [(0, 4, "company")])
    assert {(text[c.start:c.end], c.cls) for c in learned.candidates(text)} == {
        ("浙江", "AdministrativeRegion"), ("金华", "AdministrativeRegion")}
    text = "一汽红旗工厂启动建设。"  # a county's short form alone may be a brand
    monkeypatch.setattr(learned, "spans", lambda t: [(2, 4, "company")])
    assert [c.cls for c in learned.candidates(text)] == ["Enterprise"]


def test_a_section_of_a_line_is_no_place(monkeypatch):
    assert _located(monkeypatch, "高铁青禾至某庄段开通运营。", "某庄段") == []


def test_a_country_short_form_and_a_common_noun_is_no_company(monkeypatch):
    text = "俄称打击乌能源设施。"
    s = text.index("乌")
    monkeypatch.setattr(learned, "spans", lambda t: [(s, s + 3, "company")])
    assert not any(m.cls == "Enterprise" for m in extract.mentions(article(text, aid="t-0")))


def test_two_localizers_after_a_model_place_are_cut(monkeypatch):
    text = "军队收复了卡拉维市西部地区。"
    s = text.index("卡")
    monkeypatch.setattr(learned, "spans", lambda t: [(s, text.index("。"), "location")])
    assert [text[c.start:c.end] for c in learned.candidates(text)] == ["卡拉维市"]
    text = "寒潮袭击美国中西部地区。"  # (中西部 is one word of directions: no second cut inside it)
    s = text.index("美")
    monkeypatch.setattr(learned, "spans", lambda t: [(s, text.index("。"), "location")])
    assert "美国中西部" in [text[c.start:c.end] for c in learned.candidates(text)]
    text = "卡拉维多地发生洪灾。"  # 多地: several places of it, no part of the name
    monkeypatch.setattr(learned, "spans", lambda t: [(0, 5, "location")])
    assert [text[c.start:c.end] for c in learned.candidates(text)] == ["卡拉维"]
