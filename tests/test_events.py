"""Event, participation and partnership patterns of kg.relations.events (through kg.relations.text.relations), on invented text."""

from invented import article as art
from invented import mention as ment

from kg.relations.text import relations


def triples(a, found, predicate):
    text = {(m.article, m.start, m.end): m.text for m in found}
    return {(text[r.subject], text[r.object]) for r in relations(a, found) if r.predicate == predicate}


def test_initiative_after_weiyu_or_lianjie_places_and_de_takes_place_there():
    a = art("8月18日，位于岳阳三荷机场的西货运区扩建工程主体完工。连接岳阳楼区与君山区的洞庭湖二桥工程已开工。")
    found = [ment(a, "岳阳三荷机场", "Place"), ment(a, "西货运区扩建工程", "Initiative"),
             ment(a, "岳阳楼区", "AdministrativeRegion", code="430602"),
             ment(a, "君山区", "AdministrativeRegion", code="430611"), ment(a, "洞庭湖二桥工程", "Initiative")]
    assert triples(a, found, "takesPlaceIn") == {("西货运区扩建工程", "岳阳三荷机场"), ("洞庭湖二桥工程", "岳阳楼区"),
                                                 ("洞庭湖二桥工程", "君山区")}


def test_weiyu_locates_only_the_name_right_after_its_de():
    a = art("位于岳阳楼区，“湘江英才”计划启动。")
    found = [ment(a, "岳阳楼区", "AdministrativeRegion", code="430602"), ment(a, "湘江英才", "Initiative")]
    assert triples(a, found, "takesPlaceIn") == set()


def test_generic_group_subject_participates_for_the_group_named_before():
    a = art("岳阳港务集团有限公司与湖南大学签约。王明介绍，集团今年将参与“智慧港口试点”建设。")
    found = [ment(a, "岳阳港务集团有限公司", "Enterprise"), ment(a, "湖南大学", "Organization"),
             ment(a, "王明", "Person"), ment(a, "智慧港口试点", "Initiative")]
    assert triples(a, found, "participatesIn") == {("岳阳港务集团有限公司", "智慧港口试点")}


def test_huitong_pairs_the_group_right_before_it_not_the_sources_organisation():
    a = art("记者从岳阳市水利局获悉，岳阳市防指办公室、岳阳市应急管理局会同岳阳市气象局、岳阳市自然资源局进行会商。")
    names = ("岳阳市水利局", "岳阳市防指办公室", "岳阳市应急管理局", "岳阳市气象局", "岳阳市自然资源局")
    found = [ment(a, n, "GovernmentBody") for n in names]
    got = {tuple(sorted(p)) for p in triples(a, found, "partnersWith")}
    want = {tuple(sorted((x, y))) for x in names[1:3] for y in names[3:]}
    assert want <= got
    assert not any("岳阳市水利局" in p for p in got)


def test_generic_company_subject_without_a_comma_before_it():
    a = art("岳阳港务集团有限公司开业。集团将参与“智慧港口试点”建设。")
    found = [ment(a, "岳阳港务集团有限公司", "Enterprise"), ment(a, "智慧港口试点", "Initiative")]
    assert triples(a, found, "participatesIn") == {("岳阳港务集团有限公司", "智慧港口试点")}
