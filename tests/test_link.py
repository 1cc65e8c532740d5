from kg.link import link, org_key
from kg.model import Article, Author, Mention, Relation


def art(aid, text, authors=()):
    return Article(id=aid, source=f"{aid}.txt", headline=text[:5], text=text, offsets=tuple(range(len(text) + 1)),
                   body_start=0, authors=authors)


def ment(a, surface, cls, code=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(surface, start + 1)
    return Mention(a.id, start, start + len(surface), start, start + len(surface), cls, surface, code=code)


def by_label(linked):
    return {e.label: e for e in linked.entities}


def test_short_and_full_region_names_are_one_entity_keyed_by_code():
    a, b = art("a", "岳阳市召开会议。"), art("b", "岳阳今年发展很快。")
    linked = link([a, b], {"a": [ment(a, "岳阳市", "AdministrativeRegion", "430600")],
                           "b": [ment(b, "岳阳", "AdministrativeRegion")]}, {})
    region = by_label(linked)["岳阳市"]
    assert region.key == "region/430600" and region.alt_labels == ("岳阳",)
    assert region.level == "prefecture" and region.lat is not None
    assert {m.article for m in region.mentions} == {"a", "b"}


def test_city_and_county_with_the_same_stem_stay_apart():
    a = art("a", "长沙市和长沙县都在推进。")
    linked = link([a], {"a": [ment(a, "长沙市", "AdministrativeRegion"), ment(a, "长沙县", "AdministrativeRegion")]}, {})
    labels = by_label(linked)
    assert labels["长沙市"].key != labels["长沙县"].key
    assert labels["长沙县"].parent == labels["长沙市"].key


def test_agency_short_form_and_autonomous_prefecture_short_form_join():
    a = art("a", "恩施土家族苗族自治州医疗保障局发布通知。")
    b = art("b", "恩施州医保局表示。")
    linked = link([a, b], {"a": [ment(a, "恩施土家族苗族自治州医疗保障局", "GovernmentBody")],
                           "b": [ment(b, "恩施州医保局", "GovernmentBody")]}, {})
    gov = [e for e in linked.entities if e.cls == "GovernmentBody"]
    assert len(gov) == 1
    assert gov[0].label == "恩施土家族苗族自治州医疗保障局" and gov[0].alt_labels == ("恩施州医保局",)


def test_company_with_and_without_legal_suffix_join_but_different_brands_do_not():
    a = art("a", "岳阳华兴纸业有限公司投产。岳阳华兴纸业表示。岳阳华丰纸业也在。")
    found = [ment(a, "岳阳华兴纸业有限公司", "Enterprise"), ment(a, "岳阳华兴纸业", "Enterprise", nth=1),
             ment(a, "岳阳华丰纸业", "Enterprise")]
    linked = link([a], {"a": found}, {})
    companies = sorted(e.label for e in linked.entities if e.cls == "Enterprise")
    assert companies == ["岳阳华丰纸业", "岳阳华兴纸业有限公司"]


def test_org_without_region_prefix_joins_the_single_prefixed_one():
    a, b = art("a", "岳阳华兴纸业有限公司投产。"), art("b", "华兴纸业表示。")
    linked = link([a, b], {"a": [ment(a, "岳阳华兴纸业有限公司", "Enterprise")],
                           "b": [ment(b, "华兴纸业", "Enterprise")]}, {})
    assert [e.label for e in linked.entities if e.cls == "Enterprise"] == ["岳阳华兴纸业有限公司"]


def test_org_is_located_in_its_prefix_region_and_regions_form_a_hierarchy():
    a = art("a", "岳阳市科技局发布。")
    linked = link([a], {"a": [ment(a, "岳阳市科技局", "GovernmentBody")]}, {})
    labels = {e.key: e.label for e in linked.entities}
    facts = {(labels[f.subject], f.predicate, labels[f.object]) for f in linked.facts}
    assert ("岳阳市科技局", "locatedIn", "岳阳市") in facts
    assert ("岳阳市", "partOf", "湖南省") in facts


def test_relations_become_facts_between_entities_and_bylines_are_people():
    a = art("a", "华兴纸业董事长王明说。", authors=(Author("李华", "记者", 0, 0),))
    org, person = ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")
    rel = Relation("a", "holdsPost", (a.id, person.start, person.end), (a.id, org.start, org.end), 0, 10, 0, 10,
                   role="董事长")
    linked = link([a], {"a": [org, person]}, {"a": [rel]})
    labels = {e.key: e.label for e in linked.entities}
    assert [(labels[f.subject], f.predicate, labels[f.object], f.role) for f in linked.facts] == [
        ("王明", "holdsPost", "华兴纸业", "董事长")]
    ((key, role),) = linked.bylines["a"]
    assert labels[key] == "李华" and role == "记者"


def test_result_does_not_depend_on_article_order():
    a, b = art("a", "岳阳市召开会议。"), art("b", "岳阳今年发展很快。")
    found = {"a": [ment(a, "岳阳市", "AdministrativeRegion")], "b": [ment(b, "岳阳", "AdministrativeRegion")]}
    assert link([a, b], found, {}) == link([b, a], found, {})


def test_org_key_expands_agency_short_forms():
    assert org_key("岳阳市人社局", "GovernmentBody") == org_key("岳阳市人力资源和社会保障局", "GovernmentBody")
    assert org_key("岳阳市人社局", "GovernmentBody")[0] == "430600"
