"""One sense per article (kg.link.senses): the occurrences of one name in one article are one entity."""

from dataclasses import replace

from invented import article as art
from invented import mention as ment

from kg.link.entities import link
from kg.link.senses import one_sense


def tagged(a, surface, cls, nth=0, code=None):
    """A mention the learned model found (no rule's evidence)."""
    return replace(ment(a, surface, cls, code=code, nth=nth), extractor="ner")


def nodes(linked, surface):
    return {e.key for e in linked.entities if any(m.text == surface for m in e.mentions)}


def test_a_titled_person_tagged_as_a_region_and_a_company_elsewhere_is_one_person():
    a = art(aid="a", text="某国总统阿尔贝托表示支持。阿尔贝托说，合作很好。阿尔贝托感谢东道主。")
    found = [tagged(a, "阿尔贝托", "Person"), tagged(a, "阿尔贝托", "AdministrativeRegion", nth=1),
             tagged(a, "阿尔贝托", "Enterprise", nth=2)]
    assert [m.cls for m in one_sense(a.text, found)] == ["Person"] * 3
    linked = link([a], {"a": found}, {})
    keys = nodes(linked, "阿尔贝托")
    assert len(keys) == 1 and next(iter(keys)).startswith("person/")


def test_a_person_tag_without_a_title_or_a_rule_does_not_retype_the_other_occurrences():
    a = art(aid="a", text="在罗布湾发现了化石。罗布湾的湖水干涸。")
    found = [tagged(a, "罗布湾", "AdministrativeRegion"), tagged(a, "罗布湾", "Person", nth=1)]
    assert [m.cls for m in one_sense(a.text, found)] == ["AdministrativeRegion", "Person"]


def test_a_known_place_stays_a_place_even_after_a_title():
    a = art(aid="a", text="莫斯科的冬天很冷。大使莫斯科表示。")
    found = [tagged(a, "莫斯科", "AdministrativeRegion"), tagged(a, "莫斯科", "Person", nth=1)]
    out = one_sense(a.text, found)
    assert [m.cls for m in out] == ["AdministrativeRegion", "Person"]  # the tag stays where it was


def test_a_regions_short_form_gives_the_region_sense_no_extra_vote():
    a = art(aid="a", text="东风与某公司合作，东风汽车销量增长。")
    found = [tagged(a, "东风", "Enterprise"), tagged(a, "东风", "AdministrativeRegion", nth=1)]
    assert [m.cls for m in one_sense(a.text, found)] == ["Enterprise", "Enterprise"]


def test_tagged_organisation_and_region_senses_follow_the_majority_and_take_its_code():
    a = art(aid="a", text="联合合作组织表示，联合合作组织将支持，联合合作组织的工作。")
    found = [tagged(a, "联合合作组织", "Organization"), tagged(a, "联合合作组织", "AdministrativeRegion", nth=1),
             tagged(a, "联合合作组织", "Organization", nth=2)]
    assert {m.cls for m in one_sense(a.text, found)} == {"Organization"}
    b = art(aid="b", text="岳阳表示，岳阳的企业。")
    found = [ment(b, "岳阳", "AdministrativeRegion", code="430600"), tagged(b, "岳阳", "Enterprise", nth=1)]
    out = one_sense(b.text, found)
    assert [(m.cls, m.code) for m in out] == [("AdministrativeRegion", "430600")] * 2


def test_two_senses_each_found_by_a_rule_stay_two_entities_and_other_names_are_untouched():
    a = art(aid="a", text="黄山风景区游客多，黄山市政府表示，黄山的旅游业。")
    found = [ment(a, "黄山", "Place"), ment(a, "黄山市政府", "GovernmentBody"),
             ment(a, "黄山", "AdministrativeRegion", code="341000", nth=2)]
    assert one_sense(a.text, found) == found


def test_doctests():
    import doctest

    import kg.link.senses

    assert doctest.testmod(kg.link.senses).failed == 0


def test_a_title_after_a_place_and_before_a_persons_name_is_no_person_cue():
    a = art(aid="a", text="会见桑加岛总统谢安。中国同桑加岛的友好合作。")
    found = [tagged(a, "桑加岛", "Person"), tagged(a, "谢安", "Person"), tagged(a, "桑加岛", "AdministrativeRegion", nth=1)]
    assert [m.cls for m in one_sense(a.text, found)] == ["Person", "Person", "AdministrativeRegion"]


def test_a_name_tagged_otherwise_takes_the_class_the_rest_of_the_build_gives_it_by_evidence():
    a = art(aid="a", text="某国总统阿尔贝托表示支持。")
    b = art(aid="b", text="某国总统阿尔贝托会见来宾。")
    c = art(aid="c", text="阿尔贝托的讲话引起关注。")  # the model took the name for a company here
    found = {"a": [tagged(a, "阿尔贝托", "Person")], "b": [tagged(b, "阿尔贝托", "Person")],
             "c": [tagged(c, "阿尔贝托", "Enterprise")]}
    keys = nodes(link([a, b, c], found, {}), "阿尔贝托")
    assert keys and all(k.startswith("person/") for k in keys)  # (whether one person: kg.link.persons decides)
    # without a title in two articles the tags stay as they are
    b2 = art(aid="b", text="阿尔贝托会见来宾。")
    keys = nodes(link([a, b2, c], {**found, "b": [tagged(b2, "阿尔贝托", "Person")]}, {}), "阿尔贝托")
    assert any(k.startswith("enterprise/") for k in keys)


def test_a_tagged_person_is_never_made_an_organisation_and_two_senses_by_evidence_stay_apart():
    a = art(aid="a", text="联合舰队宣布演习。")
    b = art(aid="b", text="联合舰队完成任务。")
    c = art(aid="c", text="联合舰队少将王明表示。")
    found = {"a": [ment(a, "联合舰队", "GovernmentBody")], "b": [ment(b, "联合舰队", "GovernmentBody")],
             "c": [tagged(c, "联合舰队", "Person")]}
    assert len(nodes(link([a, b, c], found, {}), "联合舰队")) == 2  # (a title's word, no fleet to join)
    d = art(aid="d", text="某国总统罗布湾表示。")
    e = art(aid="e", text="某国总统罗布湾说。")
    f = art(aid="f", text="罗布湾的湖水干涸。")
    found = {"d": [tagged(d, "罗布湾", "Person")], "e": [tagged(e, "罗布湾", "Person")],
             "f": [ment(f, "罗布湾", "Place")]}  # a rule's place: evidence of another class, nothing retyped
    assert len(nodes(link([d, e, f], found, {}), "罗布湾")) == 2


def test_a_name_the_tags_give_one_class_in_most_articles_takes_it_in_the_odd_one():
    arts = [art(aid=f"p{i}", text=f"第{i}天，卡洛娃再次出庭受审。") for i in range(4)]
    odd = art(aid="q", text="检方起诉了卡洛娃。")  # the model took the name for a company here
    found = {x.id: [tagged(x, "卡洛娃", "Person")] for x in arts} | {"q": [tagged(odd, "卡洛娃", "Enterprise")]}
    keys = nodes(link(arts + [odd], found, {}), "卡洛娃")
    assert keys and all(k.startswith("person/") for k in keys)
    # three articles are too few to outvote one
    keys = nodes(link(arts[:3] + [odd], {k: v for k, v in found.items() if k != "p3"}, {}), "卡洛娃")
    assert any(k.startswith("enterprise/") for k in keys)
    # an article whose own tags give the other class twice, and more often, keeps its sense (a carmaker named like
    # a region)
    own = art(aid="q", text="江岚的新车上市，江岚销量增长。")
    regions = [art(aid=f"r{i}", text=f"第{i}天，江岚一带有雾。") for i in range(4)]
    found = {x.id: [tagged(x, "江岚", "AdministrativeRegion")] for x in regions}
    found["q"] = [tagged(own, "江岚", "Enterprise"), tagged(own, "江岚", "Enterprise", nth=1)]
    keys = nodes(link(regions + [own], found, {}), "江岚")
    assert any(k.startswith("enterprise/") for k in keys)
    found["q"] = [tagged(own, "江岚", "Enterprise")]  # one stray tag: the build's class
    keys = nodes(link(regions + [own], found, {}), "江岚")
    assert not any(k.startswith("enterprise/") for k in keys)


def test_a_quoted_names_default_class_yields_to_the_class_another_rule_gives_it_elsewhere():
    a = art(aid="a", text="中方愿同青松联盟加强合作。")
    b = art(aid="b", text="青松联盟成员国举行会议。")
    c = art(aid="c", text="俄方提倡建立的“青松联盟”可以实现对接。")  # quoted: a programme by default
    found = {"a": [ment(a, "青松联盟", "Organization")], "b": [ment(b, "青松联盟", "Organization")],
             "c": [replace(ment(c, "青松联盟", "Initiative"), extractor="quote")]}
    keys = nodes(link([a, b, c], found, {}), "青松联盟")
    assert len(keys) == 1 and next(iter(keys)).startswith("org/")
    # a title in 《》 is a work's (an opera named after an incident), not the thing it is named after
    d = art(aid="c", text="剧院上演了京剧《青松联盟》。")
    found["c"] = [replace(ment(d, "青松联盟", "Initiative"), extractor="quote")]
    assert len(nodes(link([a, b, d], found, {}), "青松联盟")) == 2
    # with no other rule's class the quote's stays
    found = {"c": found["c"], "a": [tagged(a, "青松联盟", "Organization")]}
    assert any(k.startswith("initiative/") for k in nodes(link([a, c], {**found, "c": [
        replace(ment(c, "青松联盟", "Initiative"), extractor="quote")]}, {}), "青松联盟"))
    # nor to a place the gazetteer knows by a short form only (a brand named like a city)
    a, b = art(aid="a", text="长沙举行会议。"), art(aid="b", text="长沙发布通知。")
    c = art(aid="c", text="推出了“长沙”等知名品牌。")
    found = {"a": [ment(a, "长沙", "AdministrativeRegion", code="430100")],
             "b": [ment(b, "长沙", "AdministrativeRegion", code="430100")],
             "c": [replace(ment(c, "长沙", "Initiative"), extractor="quote")]}
    assert any(k.startswith("initiative/") for k in nodes(link([a, b, c], found, {}), "长沙"))
