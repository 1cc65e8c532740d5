import pytest

from invented import article as art
from invented import mention as ment

from kg.link.entities import link, org_key
from kg.model import Author, Relation


def by_label(linked):
    return {e.label: e for e in linked.entities}


def test_short_and_full_region_names_are_one_entity_keyed_by_code():
    a, b = art(aid="a", text="岳阳市召开会议。"), art(aid="b", text="岳阳今年发展很快。")
    linked = link([a, b], {"a": [ment(a, "岳阳市", "AdministrativeRegion", "430600")],
                           "b": [ment(b, "岳阳", "AdministrativeRegion")]}, {})
    region = by_label(linked)["岳阳市"]
    assert region.key == "region/430600" and region.alt_labels == ("岳阳",)
    assert region.level == "prefecture" and region.lat is not None
    assert {m.article for m in region.mentions} == {"a", "b"}


def test_city_and_county_with_the_same_stem_stay_apart():
    a = art(aid="a", text="长沙市和长沙县都在推进。")
    linked = link([a], {"a": [ment(a, "长沙市", "AdministrativeRegion"), ment(a, "长沙县", "AdministrativeRegion")]}, {})
    labels = by_label(linked)
    assert labels["长沙市"].key != labels["长沙县"].key
    assert labels["长沙县"].parent == labels["长沙市"].key


def test_agency_short_form_and_autonomous_prefecture_short_form_join():
    a = art(aid="a", text="恩施土家族苗族自治州医疗保障局发布通知。")
    b = art(aid="b", text="恩施州医保局表示。")
    linked = link([a, b], {"a": [ment(a, "恩施土家族苗族自治州医疗保障局", "GovernmentBody")],
                           "b": [ment(b, "恩施州医保局", "GovernmentBody")]}, {})
    gov = [e for e in linked.entities if e.cls == "GovernmentBody"]
    assert len(gov) == 1
    assert gov[0].label == "恩施土家族苗族自治州医疗保障局" and gov[0].alt_labels == ("恩施州医保局",)


def test_military_units_keep_the_short_form_they_are_named_with():
    a = art(aid="a", text="南京军区举行演习，北京卫戍区、东海舰队和解放军参加。")
    linked = link([a], {"a": [ment(a, "南京军区", "GovernmentBody"), ment(a, "北京卫戍区", "GovernmentBody"),
                              ment(a, "东海舰队", "GovernmentBody"), ment(a, "解放军", "GovernmentBody")]}, {})
    # (解放 is also a county's short form, 解放区: a common word, with nothing of its province in the article)
    assert {e.label for e in linked.entities if e.cls == "GovernmentBody"} == {"南京军区", "北京卫戍区", "东海舰队",
                                                                                 "解放军"}


def test_a_cooperative_named_with_and_without_its_legal_form_is_one_node():
    a = art(aid="a", text="岳阳县青禾种养农民专业合作社扩大规模。")
    b = art(aid="b", text="岳阳县青禾种养合作社负责运营，青禾种养专业合作社也参与。")
    linked = link([a, b], {"a": [ment(a, "岳阳县青禾种养农民专业合作社", "Enterprise")],
                           "b": [ment(b, "岳阳县青禾种养合作社", "Enterprise"), ment(b, "青禾种养专业合作社", "Enterprise")]},
                  {})
    coops = [e for e in linked.entities if e.cls == "Enterprise"]
    assert len(coops) == 1 and {m.article for m in coops[0].mentions} == {"a", "b"}


def test_company_with_and_without_legal_suffix_join_but_different_brands_do_not():
    a = art(aid="a", text="岳阳华兴纸业有限公司投产。岳阳华兴纸业表示。岳阳华丰纸业也在。")
    found = [ment(a, "岳阳华兴纸业有限公司", "Enterprise"), ment(a, "岳阳华兴纸业", "Enterprise", nth=1),
             ment(a, "岳阳华丰纸业", "Enterprise")]
    linked = link([a], {"a": found}, {})
    companies = sorted(e.label for e in linked.entities if e.cls == "Enterprise")
    assert companies == ["岳阳华丰纸业", "岳阳华兴纸业有限公司"]


def test_org_without_region_prefix_joins_the_single_prefixed_one():
    a, b = art(aid="a", text="岳阳华兴纸业有限公司投产。"), art(aid="b", text="华兴纸业表示。")
    linked = link([a, b], {"a": [ment(a, "岳阳华兴纸业有限公司", "Enterprise")],
                           "b": [ment(b, "华兴纸业", "Enterprise")]}, {})
    assert [e.label for e in linked.entities if e.cls == "Enterprise"] == ["岳阳华兴纸业有限公司"]


def test_org_is_located_in_its_prefix_region_and_regions_form_a_hierarchy():
    a = art(aid="a", text="岳阳市科技局发布。")
    linked = link([a], {"a": [ment(a, "岳阳市科技局", "GovernmentBody")]}, {})
    labels = {e.key: e.label for e in linked.entities}
    facts = {(labels[f.subject], f.predicate, labels[f.object]) for f in linked.facts}
    assert ("岳阳市科学技术局", "locatedIn", "岳阳市") in facts  # the full official name is the label
    assert ("岳阳市", "partOf", "湖南省") in facts


def test_relations_become_facts_between_entities_and_bylines_are_people():
    a = art(aid="a", text="华兴纸业董事长王明说。", authors=(Author("李华", "记者", 0, 0),))
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
    a, b = art(aid="a", text="岳阳市召开会议。"), art(aid="b", text="岳阳今年发展很快。")
    found = {"a": [ment(a, "岳阳市", "AdministrativeRegion")], "b": [ment(b, "岳阳", "AdministrativeRegion")]}
    assert link([a, b], found, {}) == link([b, a], found, {})


def test_org_key_expands_agency_short_forms():
    assert org_key("岳阳市人社局", "GovernmentBody") == org_key("岳阳市人力资源和社会保障局", "GovernmentBody")
    assert org_key("岳阳市人社局", "GovernmentBody")[0] == "430600"


def post(person, org, role):
    key = lambda m: (m.article, m.start, m.end)  # noqa: E731
    return Relation(person.article, "holdsPost", key(person), key(org), 0, 13, 0, 13, role=role)


def labels_of(linked):
    return {e.key: e.label for e in linked.entities}


def fact_set(linked):
    lab = labels_of(linked)
    return {(lab[f.subject], f.predicate, lab[f.object]) for f in linked.facts}


def test_level_character_takes_the_articles_region_and_joins_the_full_name():
    a = art(aid="a", text="岳阳市召开会议，省科技厅和市工伤认定委员会参加。岳阳市表示。")
    b = art(aid="b", text="湖南省科学技术厅发布通知。")
    found_a = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "省科技厅", "GovernmentBody"),
               ment(a, "市工伤认定委员会", "GovernmentBody"), ment(a, "岳阳市", "AdministrativeRegion", "430600", nth=1)]
    linked = link([a, b], {"a": found_a, "b": [ment(b, "湖南省科学技术厅", "GovernmentBody")]}, {})
    by = by_label(linked)
    dept = by["湖南省科学技术厅"]
    assert dept.alt_labels == ("省科技厅",) and {m.article for m in dept.mentions} == {"a", "b"}
    assert "岳阳市工伤认定委员会" in by
    reasons = {d.form: d for d in dept.merges}
    assert "article context" in reasons["省科技厅"].reason and reasons["省科技厅"].score < 0.9


def test_level_character_without_context_stays_apart():
    a, b = art(aid="a", text="省科技厅发布通知。"), art(aid="b", text="湖南省科学技术厅发布通知。")
    linked = link([a, b], {"a": [ment(a, "省科技厅", "GovernmentBody")],
                           "b": [ment(b, "湖南省科学技术厅", "GovernmentBody")]}, {})
    assert len([e for e in linked.entities if e.cls == "GovernmentBody"]) == 2


def test_same_level_word_in_two_provinces_gives_two_departments():
    a = art(aid="a", text="岳阳市召开会议，省科技厅出席。")
    b = art(aid="b", text="赣州市召开会议，省科技厅出席。")
    linked = link([a, b], {"a": [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "省科技厅", "GovernmentBody")],
                           "b": [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, "省科技厅", "GovernmentBody")]},
                  {})
    labels = sorted(e.label for e in linked.entities if e.cls == "GovernmentBody")
    assert labels == ["江西省科学技术厅", "湖南省科学技术厅"]


def test_party_committee_full_and_short_forms_join():
    a, b = art(aid="a", text="中共岳阳市委员会召开全会。"), art(aid="b", text="岳阳市召开会议，市委要求。")
    linked = link([a, b], {"a": [ment(a, "中共岳阳市委员会", "PartyOrganization")],
                           "b": [ment(b, "岳阳市", "AdministrativeRegion", "430600"), ment(b, "市委", "PartyOrganization")]},
                  {})
    party = [e for e in linked.entities if e.cls == "PartyOrganization"]
    assert len(party) == 1 and party[0].label == "岳阳市委"
    assert set(party[0].alt_labels) == {"中共岳阳市委员会", "市委"}


def test_generic_words_are_inferred_references_never_surface_forms():
    a = art(aid="a", text="平江县推进改革。该区不同，全县经济增长。华兴纸业有限公司投产，该公司表示，各分公司也在。我省支持。")
    found = [ment(a, "平江县", "AdministrativeRegion", "430626"), ment(a, "华兴纸业有限公司", "Enterprise")]
    linked = link([a], {"a": found}, {})
    lab = labels_of(linked)
    refs = {(r.text, lab[r.entity]) for r in linked.references}
    assert ("全县", "平江县") in refs and ("该公司", "华兴纸业有限公司") in refs and ("我省", "湖南省") in refs
    assert not any(r.text == "该区" for r in linked.references)  # no region ending in 区 in the article
    assert not any(r.text == "公司" for r in linked.references)  # 分公司 is not the word 公司
    assert all(r.confidence < 0.9 for r in linked.references)
    for e in linked.entities:
        assert not {"全县", "该公司", "我省"} & set(e.alt_labels)
    r = next(r for r in linked.references if r.text == "全县")
    assert a.text[r.start:r.end] == "全县" and (r.raw_start, r.raw_end) == (r.start, r.end)


def test_river_named_like_a_city_is_not_the_city():
    a = art(aid="a", text="浏阳河酒业有限公司在浏阳市。浏阳河水清。")
    found = [ment(a, "浏阳河酒业有限公司", "Enterprise"), ment(a, "浏阳市", "AdministrativeRegion", "430181"),
             ment(a, "浏阳河", "Place", nth=1)]
    linked = link([a], {"a": found}, {})
    facts = fact_set(linked)
    assert not any(s == "浏阳河酒业有限公司" and p == "locatedIn" for s, p, _ in facts)
    assert by_label(linked)["浏阳河"].key != by_label(linked)["浏阳市"].key


def test_same_name_with_posts_in_two_provinces_are_two_people():
    a = art(aid="a", text="岳阳市华兴纸业董事长王明说。")
    b = art(aid="b", text="赣州市赣南水务总经理王明说。")
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")]
    mb = [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, "赣南水务", "Enterprise"), ment(b, "王明", "Person")]
    rels = {"a": [post(ma[2], ma[1], "董事长")], "b": [post(mb[2], mb[1], "总经理")]}
    linked = link([a, b], {"a": ma, "b": mb}, rels)
    people = [e for e in linked.entities if e.label == "王明"]
    assert len(people) == 2


def test_same_name_and_organisation_in_two_articles_is_one_person_titles_dropped():
    a = art(aid="a", text="岳阳市华兴纸业董事长王明说。")
    b = art(aid="b", text="华兴纸业总经理王明董事长表示。")
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")]
    mb = [ment(b, "华兴纸业", "Enterprise"), ment(b, "王明董事长", "Person")]
    rels = {"a": [post(ma[2], ma[1], "董事长")], "b": [post(mb[1], mb[0], "总经理")]}
    linked = link([a, b], {"a": ma, "b": mb}, rels)
    (person,) = [e for e in linked.entities if e.cls == "Person"]
    assert person.label == "王明" and person.alt_labels == ()
    assert any("organisation" in d.reason and d.score >= 0.9 for d in person.merges)


def test_numbers_keep_plenary_sessions_and_years_apart():
    from kg.link.entities import compatible

    assert not compatible("二十届三中全会", "十九届三中全会")
    assert not compatible("2024年工作方案", "2025年工作方案")
    assert compatible("科学技术局", "科技局")
    a = art(aid="a", text="岳阳市委十届三次全会召开。岳阳市委十届四次全会召开。")
    found = [ment(a, "十届三次全会", "Initiative"), ment(a, "十届四次全会", "Initiative")]
    assert len([e for e in link([a], {"a": found}, {}).entities if e.cls == "Initiative"]) == 2


def test_company_brand_and_agency_abbreviation_join_the_full_name():
    a = art(aid="a", text="岳阳华兴燃气有限公司投产。岳阳华兴表示。岳阳市综合行政执法局检查，岳阳市综合执法局说。")
    found = [ment(a, "岳阳华兴燃气有限公司", "Enterprise"), ment(a, "岳阳华兴", "Enterprise"),
             ment(a, "岳阳市综合行政执法局", "GovernmentBody"), ment(a, "岳阳市综合执法局", "GovernmentBody")]
    linked = link([a], {"a": found}, {})
    assert sorted(e.label for e in linked.entities if e.cls == "Enterprise") == ["岳阳华兴燃气有限公司"]
    gov = [e for e in linked.entities if e.cls == "GovernmentBody"]
    assert len(gov) == 1 and any("in order" in d.reason for d in gov[0].merges)


def test_a_name_with_a_qualifying_word_inserted_is_another_body_not_its_abbreviation():
    # 某某 + 残 + 奥委会 and 人民 + 教育 + 出版社 are narrower bodies; 国家 + 航空航天局 and 和 are empty inserts
    a = art(aid="a", text="国际奥委会和国际残奥委会开会。人民出版社与人民教育出版社合作。日本政府和日本地方政府。")
    b = art(aid="b", text="美国国家航空航天局发射探测器。美国航空航天局表示。人力资源和社会保障部、人力资源社会保障部。")
    found = {"a": [ment(a, "国际奥委会", "Organization"), ment(a, "国际残奥委会", "Organization"),
                   ment(a, "人民出版社", "Organization"), ment(a, "人民教育出版社", "Organization"),
                   ment(a, "日本政府", "GovernmentBody"), ment(a, "日本地方政府", "GovernmentBody")],
             "b": [ment(b, "美国国家航空航天局", "GovernmentBody"), ment(b, "美国航空航天局", "GovernmentBody"),
                   ment(b, "人力资源和社会保障部", "GovernmentBody"), ment(b, "人力资源社会保障部", "GovernmentBody")]}
    labels = sorted(e.label for e in link([a, b], found, {}).entities)
    assert {"国际奥委会", "国际残奥委会", "人民出版社", "人民教育出版社", "日本政府", "日本地方政府"} <= set(labels)
    assert "美国航空航天局" not in labels and "人力资源社会保障部" not in labels
    # the narrower body still makes the short name ambiguous: 国科学院 + 电力 ... 研究 is no unique full name of it
    c = art(aid="c", text="中国科学院、中国社会科学院和中国电力科学研究院合作。")
    found = {"c": [ment(c, w, "Organization") for w in ("中国科学院", "中国社会科学院", "中国电力科学研究院")]}
    assert len(link([c], found, {}).entities) == 3


def test_a_node_is_labelled_by_the_longest_name_two_articles_write():
    texts = ("韩国政府表示欢迎。", "韩国政府发表声明。", "韩国新政府重视合作。韩国政府表示。")
    arts = [art(aid=f"a{i}", text=t) for i, t in enumerate(texts)]
    found = {a.id: [ment(a, w, "GovernmentBody", nth=k) for w in ("韩国新政府", "韩国政府") if w in a.text
                    for k in range(a.text.count(w))] for a in arts}
    gov = [e for e in link(arts, found, {}).entities if e.cls == "GovernmentBody"]
    assert [e.label for e in gov] == ["韩国政府"] and "韩国新政府" in gov[0].alt_labels
    one = art(aid="b", text="美国国家航空航天局发射探测器。美国航空航天局表示。")
    found = {"b": [ment(one, "美国国家航空航天局", "GovernmentBody"), ment(one, "美国航空航天局", "GovernmentBody")]}
    assert [e.label for e in link([one], found, {}).entities] == ["美国国家航空航天局"]  # one article: the longest


def test_a_bare_name_joins_the_one_written_with_a_region_only_in_stories_of_that_province():
    a = art(aid="a", text="岳阳市华兴出版社出版新书。")
    b = art(aid="b", text="华兴出版社在长沙出版新书。")  # a story of the same province (湖南)
    c = art(aid="c", text="华兴出版社在广州出版新书。")
    d = art(aid="d", text="华兴出版社在南宁出版新书。")
    found = {x.id: [ment(x, "华兴出版社", "Organization")] for x in (b, c, d)}
    found["a"] = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "岳阳市华兴出版社", "Organization")]
    for x, w, code in ((b, "长沙", "430100"), (c, "广州", "440100"), (d, "南宁", "450100")):
        found[x.id].append(ment(x, w, "AdministrativeRegion", code))
    keys = {m.text: e.key for e in link([a, b, c, d], found, {}).entities for m in e.mentions}
    assert keys["华兴出版社"] != keys["岳阳市华兴出版社"]  # two of three stories name no place of 湖南
    found = {k: v for k, v in found.items() if k in ("a", "b")}
    keys = {m.text: e.key for e in link([a, b], found, {}).entities for m in e.mentions}
    assert keys["华兴出版社"] == keys["岳阳市华兴出版社"]
    many = [art(aid=f"n{i}", text="新书由华兴出版社出版。") for i in range(3)]  # stories of no place, many: national
    found.update({x.id: [ment(x, "华兴出版社", "Organization")] for x in many})
    keys = {m.text: e.key for e in link([a] + many, found, {}).entities for m in e.mentions}
    assert keys["华兴出版社"] != keys["岳阳市华兴出版社"]


def test_a_region_short_form_with_its_kind_before_a_body_gives_the_full_name_once():
    a = art(aid="a", text="新疆自治区人民政府发布通知。")
    labels = [e.label for e in link([a], {"a": [ment(a, "新疆自治区人民政府", "GovernmentBody")]}, {}).entities]
    assert "新疆维吾尔自治区人民政府" in labels


def test_branch_and_party_committee_are_sub_organizations():
    a = art(aid="a", text="华安保险股份有限公司岳阳市分公司承保。华兴纸业有限公司党委书记王明。华兴纸业有限公司投产。")
    found = [ment(a, "华安保险股份有限公司岳阳市分公司", "Enterprise"), ment(a, "华兴纸业有限公司党委", "PartyOrganization"),
             ment(a, "华兴纸业有限公司", "Enterprise", nth=1)]
    facts = fact_set(link([a], {"a": found}, {}))
    assert ("华安保险股份有限公司岳阳市分公司", "subOrganizationOf", "华安保险股份有限公司") in facts
    assert ("华安保险股份有限公司岳阳市分公司", "locatedIn", "岳阳市") in facts
    assert ("华兴纸业有限公司党委", "subOrganizationOf", "华兴纸业有限公司") in facts


def test_region_inside_an_initiative_name_is_its_scope_not_where_it_takes_place():
    # 岳阳市重点研发计划 is the city's programme, carried out anywhere: only the text says where something happens
    a = art(aid="a", text="岳阳市重点研发计划立项名单公布。")
    facts = fact_set(link([a], {"a": [ment(a, "岳阳市重点研发计划", "Initiative")]}, {}))
    assert not any(p == "takesPlaceIn" for _, p, _ in facts)


def test_every_merge_decision_has_a_reason_and_a_score():
    a, b = art(aid="a", text="岳阳市召开会议。"), art(aid="b", text="岳阳今年发展很快。")
    linked = link([a, b], {"a": [ment(a, "岳阳市", "AdministrativeRegion", "430600")],
                           "b": [ment(b, "岳阳", "AdministrativeRegion")]}, {})
    region = by_label(linked)["岳阳市"]
    forms = {d.form: d for d in region.merges}
    assert set(forms) == {"岳阳市", "岳阳"}
    assert forms["岳阳"].article == "b" and 0 < forms["岳阳"].score <= 1 and forms["岳阳"].reason


def test_region_then_market_word_is_not_a_city_prefix():
    a = art(aid="a", text="岳阳市场监督管理局检查，岳阳市市场监管局说。")
    found = [ment(a, "岳阳市场监督管理局", "GovernmentBody"), ment(a, "岳阳市市场监管局", "GovernmentBody")]
    gov = [e for e in link([a], {"a": found}, {}).entities if e.cls == "GovernmentBody"]
    assert len(gov) == 1 and gov[0].label == "岳阳市市场监督管理局"


def test_river_words_after_a_short_region_name_make_it_the_river():
    a = art(aid="a", text="岳阳今年发展。岳阳市召开会议。")
    b = art(aid="b", text="受降雨影响，浏阳干流水位上涨。")
    found = {"a": [ment(a, "岳阳", "AdministrativeRegion"), ment(a, "岳阳市", "AdministrativeRegion", "430600")],
             "b": [ment(b, "浏阳", "AdministrativeRegion", "430181")]}
    linked = link([a, b], found, {})
    assert not any(e.code == "430181" and e.mentions for e in linked.entities)
    (river,) = [e for e in linked.entities if e.label == "浏阳"]
    assert river.cls == "Place"
    assert by_label(linked)["岳阳市"].alt_labels == ("岳阳",)  # 岳阳今年 is still the city


def test_group_short_name_without_the_industry_word_joins():
    a, b = art(aid="a", text="湖南华兴建工集团有限公司投产。"), art(aid="b", text="华兴集团表示。")
    linked = link([a, b], {"a": [ment(a, "湖南华兴建工集团有限公司", "Enterprise")],
                           "b": [ment(b, "华兴集团", "Enterprise")]}, {})
    (company,) = [e for e in linked.entities if e.cls == "Enterprise"]
    assert company.alt_labels == ("华兴集团",)


def test_same_name_in_the_same_province_is_one_person_even_with_other_posts():
    a = art(aid="a", text="岳阳市华兴纸业董事长王明说。")
    b = art(aid="b", text="岳阳市港务局局长王明说。")
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")]
    mb = [ment(b, "岳阳市", "AdministrativeRegion", "430600"), ment(b, "岳阳市港务局", "GovernmentBody"),
          ment(b, "王明", "Person")]
    linked = link([a, b], {"a": ma, "b": mb}, {"a": [post(ma[2], ma[1], "董事长")], "b": [post(mb[2], mb[1], "局长")]})
    (person,) = [e for e in linked.entities if e.cls == "Person"]
    assert any(d.reason == "same name in the same province" for d in person.merges)


def test_company_party_committee_keeps_its_own_name():
    a = art(aid="a", text="湖南华兴建工集团有限公司党委召开会议。")
    linked = link([a], {"a": [ment(a, "湖南华兴建工集团有限公司党委", "PartyOrganization")]}, {})
    assert [e.label for e in linked.entities if e.cls == "PartyOrganization"] == ["湖南华兴建工集团有限公司党委"]


def test_short_region_name_listed_among_rivers_is_a_river():
    a = art(aid="a", text="受强降雨影响，浏阳、信江等12条河超警。浏阳市召开会议。")
    found = [ment(a, "浏阳", "AdministrativeRegion", "430181"), ment(a, "浏阳市", "AdministrativeRegion", "430181")]
    linked = link([a], {"a": found}, {})
    assert by_label(linked)["浏阳市"].alt_labels == ()
    assert by_label(linked)["浏阳"].cls == "Place"


def _keys(linked):
    """Each mention's text -> the key of its entity."""
    return {m.text: e.key for e in linked.entities for m in e.mentions}


def _companies(full, short):
    a, b = art(aid="a", text=f"{full}投产。"), art(aid="b", text=f"{short}表示。")
    linked = link([a, b], {"a": [ment(a, full, "Enterprise")], "b": [ment(b, short, "Enterprise")]}, {})
    return [e for e in linked.entities if e.cls == "Enterprise" and e.mentions]


def test_company_short_form_without_region_line_and_form_words_joins_the_full_name():
    for full, short in (("江西赣东青禾农业发展有限公司", "赣东青禾农业"), ("广州粤盛轩餐饮管理有限公司", "粤盛轩"),
                        ("株洲恒锐精工机电有限公司", "恒锐精工")):
        companies = _companies(full, short)
        assert len(companies) == 1, (full, short)
        assert companies[0].label == full and companies[0].alt_labels == (short,)


def test_same_brand_core_with_fewer_line_words_joins_but_another_line_does_not():
    joined = _companies("浙江明睿智能家居有限公司", "明睿家居")
    assert len(joined) == 1
    assert any("same brand core" in m.reason for m in joined[0].merges)
    assert len(_companies("浙江明睿智能家居有限公司", "明睿物流")) == 2
    assert len(_companies("岳阳华兴纸业有限公司", "华丰纸业")) == 2


def test_brand_short_form_with_two_candidate_companies_stays_apart():
    a = art(aid="a", text="岳阳华兴纸业有限公司投产。株洲华兴物流有限公司开业。")
    b = art(aid="b", text="华兴表示。")
    linked = link([a, b], {"a": [ment(a, "岳阳华兴纸业有限公司", "Enterprise"), ment(a, "株洲华兴物流有限公司", "Enterprise")],
                           "b": [ment(b, "华兴", "Enterprise")]}, {})
    assert len([e for e in linked.entities if e.cls == "Enterprise" and e.mentions]) == 3


def test_person_with_and_without_a_title_is_one_person():
    a, b = art(aid="a", text="董事长李明远表示。"), art(aid="b", text="李明远说。")
    linked = link([a, b], {"a": [ment(a, "董事长李明远", "Person")], "b": [ment(b, "李明远", "Person")]}, {})
    people = [e for e in linked.entities if e.cls == "Person"]
    assert [p.label for p in people] == ["李明远"] and {m.article for m in people[0].mentions} == {"a", "b"}


def test_place_named_with_a_region_prefix_is_located_there_but_a_street_named_after_one_is_not():
    a = art(aid="a", text="岳阳港务码头扩建。北京路步行街很热闹。")
    linked = link([a], {"a": [ment(a, "岳阳港务码头", "Place"), ment(a, "北京路步行街", "Place")]}, {})
    labels = {e.key: e.label for e in linked.entities}
    located = {(labels[f.subject], labels[f.object]) for f in linked.facts if f.predicate == "locatedIn"}
    assert ("岳阳港务码头", "岳阳市") in located
    assert not any(s == "北京路步行街" for s, _ in located)


def test_province_prefix_before_a_river_character_and_a_central_sub_branch():
    assert org_key("湖北江城港航集团有限公司", "Enterprise")[0] == "420000"
    assert org_key("浏阳河酒业有限公司", "Enterprise")[0] is None  # a river named like the county
    a = art(aid="a", text="华安财产保险股份有限公司岳阳市中心支公司开业。")
    linked = link([a], {"a": [ment(a, "华安财产保险股份有限公司岳阳市中心支公司", "Enterprise")]}, {})
    labels = {e.key: e.label for e in linked.entities}
    got = {(f.predicate, labels[f.object]) for f in linked.facts}
    assert ("subOrganizationOf", "华安财产保险股份有限公司") in got and ("locatedIn", "岳阳市") in got


def test_declared_short_form_joins_the_full_name_in_every_article():
    a = art(aid="a", text="青川山泉农业投资集团有限公司（简称“青泉农投”）将牵头组建联盟。青泉农投表示。")
    b = art(aid="b", text="青泉农投董事长说。")
    found_a = [ment(a, "青川山泉农业投资集团有限公司", "Enterprise"), ment(a, "青泉农投", "Enterprise"),
               ment(a, "青泉农投", "Enterprise", nth=1)]
    linked = link([a, b], {"a": found_a, "b": [ment(b, "青泉农投", "Enterprise")]}, {})
    companies = [e for e in linked.entities if e.cls == "Enterprise" and e.mentions]
    assert len(companies) == 1 and companies[0].label == "青川山泉农业投资集团有限公司"
    assert {m.article for m in companies[0].mentions} == {"a", "b"}
    assert any("简称" in m.reason for m in companies[0].merges)


def test_short_form_not_declared_and_not_matching_stays_apart():
    a = art(aid="a", text="青川山泉农业投资集团有限公司将牵头组建联盟。青泉农投表示。")
    linked = link([a], {"a": [ment(a, "青川山泉农业投资集团有限公司", "Enterprise"), ment(a, "青泉农投", "Enterprise")]}, {})
    assert len([e for e in linked.entities if e.cls == "Enterprise" and e.mentions]) == 2


def test_region_chain_in_a_name_stops_at_a_region_of_another_province():
    assert org_key("湖南安居福家政服务有限公司", "Enterprise") == ("430000", "安居福家政服务")
    assert org_key("湖南省岳阳市华兴纸业有限公司", "Enterprise")[0] == "430600"


def test_a_bureau_and_its_district_branch_stay_two_nodes_joined_by_sub_organization():
    a = art(aid="a", text="长沙市公安局岳麓分局破获案件。长沙市公安局表示将持续打击。")
    linked = link([a], {"a": [ment(a, "长沙市公安局岳麓分局", "GovernmentBody"),
                              ment(a, "长沙市公安局", "GovernmentBody", nth=1)]}, {})
    labels = {e.key: e.label for e in linked.entities}
    assert sorted(e.label for e in linked.entities if e.cls == "GovernmentBody") == ["长沙市公安局", "长沙市公安局岳麓分局"]
    facts = {(labels[f.subject], f.predicate, labels[f.object]) for f in linked.facts}
    assert ("长沙市公安局岳麓分局", "subOrganizationOf", "长沙市公安局") in facts
    assert ("长沙市公安局岳麓分局", "locatedIn", "岳麓区") in facts


def test_national_office_holder_is_one_person_across_provinces():
    a = art(aid="a", text="国务院总理张明远在岳阳市考察。")
    b = art(aid="b", text="张明远在赣州市主持座谈会。")
    c = art(aid="c", text="中共中央政治局委员、中央书记处书记张明远在贵阳市调研。")
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "张明远", "Person")]
    mb = [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, "张明远", "Person")]
    mc = [ment(c, "贵阳市", "AdministrativeRegion", "520100"), ment(c, "张明远", "Person")]
    linked = link([a, b, c], {"a": ma, "b": mb, "c": mc}, {})
    (person,) = [e for e in linked.entities if e.label == "张明远"]
    assert {m.article for m in person.mentions} == {"a", "b", "c"}
    assert any("national title" in d.reason for d in person.merges)


def test_local_post_holder_is_kept_apart_from_the_national_one_with_the_reason():
    a = art(aid="a", text="国务院总理张明远在岳阳市考察。")
    b = art(aid="b", text="赣州市某村党支部书记张明远说。")
    c = art(aid="c", text="国家主席张明远在贵阳市出席会议。")
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "张明远", "Person")]
    mb = [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, "张明远", "Person")]
    mc = [ment(c, "贵阳市", "AdministrativeRegion", "520100"), ment(c, "张明远", "Person")]
    linked = link([a, b, c], {"a": ma, "b": mb, "c": mc}, {})
    people = sorted(([m.article for m in e.mentions], e) for e in linked.entities if e.label == "张明远")
    assert [arts for arts, _ in people] == [["a", "c"], ["b"]]
    assert any(d.reason.startswith("kept apart") for d in people[1][1].merges)


def test_a_name_without_a_code_is_one_node_across_prefectures_unless_it_needs_its_region():
    a = art(aid="a", text="岳阳市企业赴美国参展，在人民广场和亚洲推介。")
    b = art(aid="b", text="赣州市企业赴美国参展，在人民广场和亚洲推介。")
    found = {x.id: [ment(x, x.text[:3], "AdministrativeRegion", code), ment(x, "美国", "AdministrativeRegion"),
                    ment(x, "人民广场", "Place"), ment(x, "亚洲", "Place")]
             for x, code in ((a, "430600"), (b, "360700"))}
    linked = link([a, b], found, {})
    nodes = {}
    for e in linked.entities:
        nodes.setdefault(e.label, []).append(e)
    assert len(nodes["美国"]) == 1 and len(nodes["亚洲"]) == 1
    assert len(nodes["人民广场"]) == 2  # a generic local name: one per prefecture


def test_known_short_forms_of_national_bodies_and_countries_are_one_node():
    a = art(aid="a", text="中共中央、国务院印发通知。中华人民共和国成立。")
    b = art(aid="b", text="党中央高度重视。中国经济稳中向好。")
    ma = [ment(a, "中共中央", "PartyOrganization"), ment(a, "国务院", "GovernmentBody"),
          ment(a, "中华人民共和国", "AdministrativeRegion")]
    mb = [ment(b, "党中央", "PartyOrganization"), ment(b, "中国", "AdministrativeRegion")]
    linked = link([a, b], {"a": ma, "b": mb}, {})
    labels = {e.label: e for e in linked.entities}
    assert set(labels["中国共产党中央委员会"].alt_labels) == {"中共中央", "党中央"}
    assert labels["中国"].alt_labels == ("中华人民共和国",)
    assert labels["中华人民共和国国务院"].alt_labels == ("国务院",)


def test_generic_local_names_need_their_region_but_a_unique_building_does_not():
    from kg.link.regions import needs_region as _needs_region

    assert _needs_region("人民广场", "Place") and _needs_region("第一中学", "Place")
    assert _needs_region("县人民医院", "Place") and _needs_region("城关镇", "AdministrativeRegion")
    assert not _needs_region("人民大会堂", "Place") and not _needs_region("天安门广场", "Place")


def test_entity_iris_come_from_what_the_entity_is_not_from_linking_rules(monkeypatch):
    import kg.link.entities as L

    a = art(aid="a", text="岳阳市华兴纸业有限公司董事长王明说，华兴纸业在岳阳市。")
    found = {"a": [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "华兴纸业有限公司", "Enterprise"),
                   ment(a, "王明", "Person"), ment(a, "华兴纸业", "Enterprise", nth=1)]}
    before = {e.label: e.key for e in link([a], found, {}).entities}
    monkeypatch.setattr(L, "join_short_forms", lambda keys: None)  # an unrelated rule switched off
    after = {e.label: e.key for e in link([a], found, {}).entities}
    assert before["王明"] == after["王明"] and before["岳阳市"] == after["岳阳市"]
    assert before["华兴纸业有限公司"] == after["华兴纸业有限公司"]  # the full name keeps its IRI


def test_a_river_named_before_a_bank_word_is_water_not_the_city():
    a = art(aid="a", text="沅江江畔游人如织。")
    b = art(aid="b", text="沅江市召开会议。")
    linked = link([a, b], {"a": [ment(a, "沅江", "AdministrativeRegion", "430981")],
                           "b": [ment(b, "沅江市", "AdministrativeRegion", "430981")]}, {})
    river = next(e for e in linked.entities if e.label == "沅江")
    assert river.cls == "Place" and river.key != by_label(linked)["沅江市"].key


def test_a_known_short_form_after_a_longer_name_in_the_article_is_not_the_national_body():
    a = art(aid="a", text="美国国务院发表声明。国务院发言人说。")
    b = art(aid="b", text="国务院常务会议召开。")
    linked = link([a, b], {"a": [ment(a, "美国国务院", "GovernmentBody"), ment(a, "国务院", "GovernmentBody", nth=1)],
                           "b": [ment(b, "国务院", "GovernmentBody")]}, {})
    national = by_label(linked)["中华人民共和国国务院"]
    assert {m.article for m in national.mentions} == {"b"}


def test_a_known_short_form_after_a_foreign_country_in_the_paragraph_is_not_the_national_body():
    a = art(aid="a", text="美国军事法庭宣判，国务院表示。")
    b = art(aid="b", text="国务院常务会议召开。")
    linked = link([a, b], {"a": [ment(a, "美国", "AdministrativeRegion"), ment(a, "国务院", "GovernmentBody")],
                           "b": [ment(b, "国务院", "GovernmentBody")]}, {})
    assert {m.article for m in by_label(linked)["中华人民共和国国务院"].mentions} == {"b"}


@pytest.mark.parametrize("text_a, text_b, name, nodes", [
    # a person named without a post in a region is one node across provinces
    ("岳阳市举行报告会，学习研究员林远航的事迹。", "赣州市干部群众学习林远航同志。", "林远航", 1),
    # a common two-character name with different roles in two provinces is two people
    ("岳阳市村民王芳说。", "赣州市医生王芳说。", "王芳", 2),
    # a local title binds a person to the region and apart from the national namesake
    ("国务院总理张明远在岳阳市考察。", "赣州市委书记张明远在赣州市调研。", "张明远", 2),
], ids=["no-post-one-node", "common-name-two-roles", "local-title-apart-from-national"])
def test_a_person_in_two_provinces(text_a, text_b, name, nodes):
    a, b = art(aid="a", text=text_a), art(aid="b", text=text_b)
    ma = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, name, "Person")]
    mb = [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, name, "Person")]
    linked = link([a, b], {"a": ma, "b": mb}, {})
    assert len([e for e in linked.entities if e.label == name]) == nodes


def test_a_body_named_with_its_country_and_then_without_is_one_node():
    a = art(aid="a", text="美国联邦政府宣布，联邦政府将停摆。")
    found = {"a": [ment(a, "美国联邦政府", "GovernmentBody"), ment(a, "联邦政府", "GovernmentBody", nth=1)]}
    linked = link([a], found, {})
    (body,) = [e for e in linked.entities if e.cls == "GovernmentBody"]
    assert body.label == "美国联邦政府" and body.alt_labels == ("联邦政府",)


def test_foreign_office_holders_of_two_countries_are_two_people_and_a_surname_alone_needs_their_country():
    a = art(aid="a", text="英国前首相布朗出席论坛。英国经济复苏。")
    b = art(aid="b", text="美国加州州长布朗访华。")
    c = art(aid="c", text="布朗说，英国将加强合作。")
    d = art(aid="d", text="布朗说，比赛很精彩。")
    found = {x.id: [ment(x, "布朗", "Person")] + [ment(x, w, "AdministrativeRegion") for w in ("英国", "美国")
                                                  if w in x.text]
             for x in (a, b, c, d)}
    linked = link([a, b, c, d], found, {})
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "布朗")
    assert groups == [["a", "c"], ["b"], ["d"]]


def test_anonymised_names_never_join_across_articles():
    a = art(aid="a", text="犯罪嫌疑人张某被抓获。")
    b = art(aid="b", text="张某说自己知错了。")
    linked = link([a, b], {"a": [ment(a, "张某", "Person")], "b": [ment(b, "张某", "Person")]}, {})
    assert len([e for e in linked.entities if e.label == "张某"]) == 2


def test_a_two_character_name_without_posts_joins_across_provinces_only_within_weeks_and_with_company():
    from dataclasses import replace

    a = replace(art(aid="a", text="岳阳市举行报告会，学习罗远和陈立新的事迹。"), date="2012-11-26")
    b = replace(art(aid="b", text="赣州市干部学习罗远和陈立新同志。"), date="2012-12-10")
    c = replace(art(aid="c", text="贵阳市的罗远和陈立新说。"), date="2016-05-01")
    d = replace(art(aid="d", text="昆明市的罗远说。"), date="2012-12-12")
    found = {x.id: [ment(x, x.text[x.text.index("市") - 2:x.text.index("市") + 1], "AdministrativeRegion", code),
                    ment(x, "罗远", "Person")] + ([ment(x, "陈立新", "Person")] if "陈立新" in x.text else [])
             for x, code in ((a, "430600"), (b, "360700"), (c, "520100"), (d, "530100"))}
    linked = link([a, b, c, d], found, {})
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "罗远")
    assert groups == [["a", "b"], ["c"], ["d"]]  # d: within weeks, but another province and no one named in common
    (joined,) = [e for e in linked.entities if e.label == "罗远" and len(e.mentions) == 2]
    assert any("named in both" in d.reason for d in joined.merges)


def test_an_ordinary_persons_role_in_another_province_needs_more_than_the_date():
    a = art(aid="a", text="岳阳市种植户王金花说。")
    b = art(aid="b", text="赣州市的王金花跳起了舞。")
    found = {x.id: [ment(x, x.text[x.text.index("市") - 2:x.text.index("市") + 1], "AdministrativeRegion", code),
                    ment(x, "王金花", "Person")] for x, code in ((a, "430600"), (b, "360700"))}
    linked = link([a, b], found, {})
    people = [e for e in linked.entities if e.label == "王金花"]
    assert len(people) == 2 and any(d.reason.startswith("kept apart") for e in people for d in e.merges)


def test_a_national_title_after_the_name_and_a_role_an_office_holder_may_carry_keep_one_person():
    a = art(aid="a", text="国务院总理张明远在岳阳市考察。")
    b = art(aid="b", text="经张明远总理签批，方案印发。")
    c = art(aid="c", text="大会秘书长张明远主持会议。")
    d = art(aid="d", text="医生张明远在赣州市坐诊。")
    found = {x.id: [ment(x, "张明远", "Person")] for x in (a, b, c, d)}
    linked = link([a, b, c, d], found, {})
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "张明远")
    assert groups == [["a", "b", "c"], ["d"]]


def test_a_foreign_office_holder_named_in_another_countrys_titles_stays_apart():
    a = art(aid="a", text="索马里过渡政府总统艾哈迈托宣布。索马里举行选举。")
    b = art(aid="b", text="印度外交国务部长艾哈迈托到机场迎接。印度和索马里。")
    found = {x.id: [ment(x, "艾哈迈托", "Person")] + [ment(x, w, "AdministrativeRegion") for w in ("索马里", "印度")
                                                       if w in x.text] for x in (a, b)}
    linked = link([a, b], found, {})
    assert len([e for e in linked.entities if e.label == "艾哈迈托"]) == 2


def test_longer_names_in_stories_naming_the_same_national_office_holder_join_across_years():
    from dataclasses import replace

    a = replace(art(aid="a", text="国务院总理张明远会见外宾，吴正平参加。"), date="2017-03-01")
    b = replace(art(aid="b", text="张明远同外宾会谈，吴正平参加。"), date="2020-06-01")
    found = {x.id: [ment(x, "张明远", "Person"), ment(x, "吴正平", "Person")] for x in (a, b)}
    linked = link([a, b], found, {})
    (person,) = [e for e in linked.entities if e.label == "吴正平"]
    assert any("the same national office holder (张明远)" in d.reason for d in person.merges)


def test_a_documents_bare_kind_word_is_never_merged_across_articles():
    a = art(aid="a", text="中共中央印发《意见》。")
    b = art(aid="b", text="国务院印发《意见》。")
    linked = link([a, b], {"a": [ment(a, "意见", "Initiative")], "b": [ment(b, "意见", "Initiative")]}, {})
    assert len([e for e in linked.entities if e.label == "意见"]) == 2


def test_the_written_forms_of_a_numbered_session_are_one_node():
    from kg.link.entities import numbered_session

    forms = ("十八大", "党的十八大", "中共十八大", "中国共产党第十八次全国代表大会")
    assert len({numbered_session(f) for f in forms}) == 1
    assert numbered_session("十九届四中全会") == numbered_session("中国共产党第十九届中央委员会第四次全体会议")
    assert numbered_session("十九届四中全会") != numbered_session("十九届五中全会")
    assert numbered_session("十四届全国人大一次会议") == numbered_session("第十四届全国人民代表大会第一次会议")
    assert numbered_session("中央经济工作会议") is None


def test_a_local_post_in_the_province_where_the_national_office_holder_holds_one_is_the_same_person():
    a = art(aid="a", text="中共中央政治局委员、广东省委书记张明远观看演出。")
    b = art(aid="b", text="习近平在广东省委书记张明远陪同下考察。")
    c = art(aid="c", text="赣州市委书记张明远在赣州市调研。")
    found = {x.id: [ment(x, "张明远", "Person")] for x in (a, b, c)}
    found["c"].insert(0, ment(c, "赣州市", "AdministrativeRegion", "360700"))
    linked = link([a, b, c], found, {})
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "张明远")
    assert groups == [["a", "b"], ["c"]]


def test_a_name_without_post_or_role_joins_the_only_other_person_of_that_name():
    a = art(aid="a", text="北京市举行座谈会，学习周远义同志先进事迹。")
    b = art(aid="b", text="盘锦市兴隆台区委宣传部长周远义走访群众。")
    found = {"a": [ment(a, "北京市", "AdministrativeRegion", "110000"), ment(a, "周远义", "Person")],
             "b": [ment(b, "盘锦市", "AdministrativeRegion", "211100"), ment(b, "周远义", "Person")]}
    linked = link([a, b], found, {})
    (person,) = [e for e in linked.entities if e.label == "周远义"]
    assert any("the only other person of that name" in d.reason for d in person.merges)


def test_a_name_taken_for_a_place_in_one_article_and_a_region_in_others_is_one_location():
    a = art(aid="a", text="代表团抵达伦敦。")
    b = art(aid="b", text="伦敦举行游行。")
    c = art(aid="c", text="伦敦股市上涨。")
    found = {"a": [ment(a, "伦敦", "Place")], "b": [ment(b, "伦敦", "AdministrativeRegion")],
             "c": [ment(c, "伦敦", "AdministrativeRegion")]}
    linked = link([a, b, c], found, {})
    (london,) = [e for e in linked.entities if e.label == "伦敦"]
    assert london.cls == "AdministrativeRegion" and len(london.mentions) == 3
    assert any("one location" in d.reason for d in london.merges)


def test_a_post_at_a_national_body_makes_a_national_office_holder_across_provinces():
    a = art(aid="a", text="国家发展和改革委员会主任张平在岳阳市调研。")
    b = art(aid="b", text="赣州市座谈会上，张平介绍情况，李克强出席。")
    c = art(aid="c", text="岳阳市华兴纸业董事长张平说。")
    ma = [ment(a, "国家发展和改革委员会", "GovernmentBody"), ment(a, "张平", "Person"),
          ment(a, "岳阳市", "AdministrativeRegion", "430600")]
    mb = [ment(b, "赣州市", "AdministrativeRegion", "360700"), ment(b, "张平", "Person")]
    mc = [ment(c, "岳阳市", "AdministrativeRegion", "430600"), ment(c, "华兴纸业", "Enterprise"), ment(c, "张平", "Person")]
    rels = {"a": [post(ma[1], ma[0], "主任")], "c": [post(mc[2], mc[1], "董事长")]}
    linked = link([a, b, c], {"a": ma, "b": mb, "c": mc}, rels)
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "张平")
    assert groups == [["a"], ["b"], ["c"]]  # b: a common name in a story naming no (other) office holder
    mb.append(ment(b, "李克强", "Person"))
    d = art(aid="d", text="国务院总理李克强考察。")
    linked = link([a, b, c, d], {"a": ma, "b": mb, "c": mc, "d": [ment(d, "李克强", "Person")]}, rels)
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "张平")
    assert groups == [["a", "b"], ["c"]]


def test_a_bare_special_administrative_region_government_takes_the_one_sar_of_the_story():
    a = art(aid="a", text="香港特区政府宣布。")
    b = art(aid="b", text="香港举行活动，特区政府支持。")
    c = art(aid="c", text="香港和澳门举行活动，特区政府支持。")
    found = {"a": [ment(a, "香港特区政府", "GovernmentBody")],
             "b": [ment(b, "香港", "AdministrativeRegion", "810000"), ment(b, "特区政府", "GovernmentBody")],
             "c": [ment(c, "香港", "AdministrativeRegion", "810000"), ment(c, "澳门", "AdministrativeRegion", "820000"),
                   ment(c, "特区政府", "GovernmentBody")]}
    linked = link([a, b, c], found, {})
    (hk,) = [e for e in linked.entities if e.label == "香港特别行政区政府"]
    assert {m.article for m in hk.mentions} == {"a", "b"}  # c: two SARs, the bare name stays unresolved


def test_an_official_with_posts_in_two_provinces_at_different_times_is_one_person_but_not_at_once():
    from dataclasses import replace

    a = replace(art(aid="a", text="赣州市委书记张明远在赣州市调研。"), date="2013-03-01")
    b = replace(art(aid="b", text="岳阳市市长张明远在岳阳市考察。"), date="2016-05-01")
    c = replace(art(aid="c", text="贵阳市副市长张明远在贵阳市考察。"), date="2013-06-01")
    found = {x.id: [ment(x, x.text[x.text.index("市") - 2:x.text.index("市") + 1], "AdministrativeRegion", code),
                    ment(x, "张明远", "Person")] for x, code in ((a, "360700"), (b, "430600"), (c, "520100"))}
    linked = link([a, b], {k: found[k] for k in "ab"}, {})
    (person,) = [e for e in linked.entities if e.label == "张明远"]
    assert any("an official who moved" in d.reason for d in person.merges)
    linked = link([a, b, c], found, {})  # c holds a post while a does (2013, between a and b): two people at once
    assert len([e for e in linked.entities if e.label == "张明远"]) >= 2


def test_a_foreign_surname_alone_joins_across_stories_only_with_the_same_title_or_company():
    a = art(aid="a", text="西班牙队凭借托雷斯的进球夺冠。西班牙欢庆。")
    b = art(aid="b", text="西班牙选手托雷斯完成空中翻转。西班牙车手。")
    c = art(aid="c", text="伊朗国防部长瓦希迪表示。伊朗阅兵。")
    d = art(aid="d", text="援引伊朗国防部长瓦希迪的话说。伊朗无人机。")
    found = {x.id: [ment(x, n, "Person") for n in ("托雷斯", "瓦希迪") if n in x.text] + [
        ment(x, w, "AdministrativeRegion") for w in ("西班牙", "伊朗") if w in x.text] for x in (a, b, c, d)}
    linked = link([a, b, c, d], found, {})
    assert len([e for e in linked.entities if e.label == "托雷斯"]) == 2  # a country in common is not enough
    (minister,) = [e for e in linked.entities if e.label == "瓦希迪"]
    assert any("the same title" in d.reason for d in minister.merges)


def test_a_region_without_a_code_gets_no_chinese_level_it_was_not_shown_to_have():
    from kg.link.entities import _level

    assert _level("美国") == "country" and _level("中国") == "country"
    assert _level("得克萨斯州") == "other"
    assert _level("黄花镇") == "township" and _level("某某街道") == "township"
    assert _level("小岗村") == "village"


@pytest.mark.parametrize("role_b, nodes", [("世界名将", 1), ("医生", 2)])
def test_role_words_of_one_family_do_not_keep_a_common_name_apart(role_b, nodes):
    """选手 and 名将 are what one athlete is called in two stories (kg/link/data/role_kinds.tsv); 选手 and 医生 are two
    people."""
    a = art(aid="a", text="岳阳市选手王芳夺冠。")
    b = art(aid="b", text=f"岳阳市{role_b}王芳说。")
    found = {x.id: [ment(x, "岳阳市", "AdministrativeRegion", "430600"), ment(x, "王芳", "Person")] for x in (a, b)}
    linked = link([a, b], found, {})
    assert len([e for e in linked.entities if e.label == "王芳"]) == nodes


def test_a_bare_kind_word_is_the_document_its_article_names_in_full():
    """《意见》 after 《关于某某的指导意见》 in one article is that document; in an article naming none it is a
    document of its own article (two such articles: two nodes)."""
    a = art(aid="a", text="国务院印发《关于推进甲乙工作的指导意见》。《意见》提出三项任务。")
    b = art(aid="b", text="《意见》明确，各地要抓好落实。")
    c = art(aid="c", text="《意见》要求加强领导。")
    found = {"a": [ment(a, "关于推进甲乙工作的指导意见", "Initiative"), ment(a, "意见", "Initiative", nth=1)],
             "b": [ment(b, "意见", "Initiative")], "c": [ment(c, "意见", "Initiative")]}
    linked = link([a, b, c], found, {})
    doc = by_label(linked)["关于推进甲乙工作的指导意见"]
    assert {(m.article, m.text) for m in doc.mentions} == {("a", "关于推进甲乙工作的指导意见"), ("a", "意见")}
    assert len([e for e in linked.entities if e.label == "意见"]) == 2


def test_a_bare_kind_word_is_the_document_whose_title_ends_in_a_period():
    a = art(aid="a", text="国务院印发《甲乙发展行动计划（2031—2033年）》。《计划》提出三项任务。")
    found = {"a": [ment(a, "甲乙发展行动计划（2031—2033年）", "Initiative"), ment(a, "计划", "Initiative")]}
    linked = link([a], found, {})
    assert not [e for e in linked.entities if e.label == "计划"]


def test_a_plenum_named_by_its_number_alone_is_its_articles_and_joins_the_one_named_in_full():
    a = art(aid="a", text="学习党的十九届四中全会精神，贯彻四中全会部署。")
    b = art(aid="b", text="贯彻十八届三中、四中全会精神。")
    found = {"a": [ment(a, "党的十九届四中全会", "Initiative"), ment(a, "四中全会", "Initiative", nth=1)],
             "b": [ment(b, "四中全会", "Initiative")]}
    linked = link([a, b], found, {})
    node = {m.article + m.text: e.key for e in linked.entities for m in e.mentions}
    assert node["a四中全会"] == node["a党的十九届四中全会"] != node["b四中全会"]
    c = art(aid="c", text="十九届四中全会召开。学习党的十九届四中全会精神，贯彻四中全会部署。")  # one plenum, two forms
    found["c"] = [ment(c, "十九届四中全会", "Initiative"), ment(c, "党的十九届四中全会", "Initiative"),
                  ment(c, "四中全会", "Initiative", nth=2)]
    d = art(aid="d", text="回顾十一届三中全会，贯彻十八届三中全会精神，落实三中全会部署。")  # two plenums: its own
    found["d"] = [ment(d, "十一届三中全会", "Initiative"), ment(d, "十八届三中全会", "Initiative"),
                  ment(d, "三中全会", "Initiative", nth=2)]
    node = {m.article + m.text: e.key for e in link([a, b, c, d], found, {}).entities for m in e.mentions}
    assert node["c四中全会"] == node["a党的十九届四中全会"] == node["c十九届四中全会"]
    assert node["d三中全会"] not in (node["d十一届三中全会"], node["d十八届三中全会"])


def test_a_plenum_named_by_its_number_alone_is_the_plenum_of_the_term_in_office_on_its_date():
    from dataclasses import replace

    texts = (("a", "学习党的十九届四中全会精神。", "2019-11-02"), ("b", "深入贯彻四中全会精神。", "2019-12-01"),
             ("c", "贯彻四中全会部署。", "2020-01-20"),
             ("d", "四中全会召开以来，各地积极行动。", "2015-01-10"),  # the eighteenth term's (2014)
             ("e", "越南共产党召开四中全会。", "2019-12-01"),  # another party's: a foreign country named
             ("f", "贯彻四中全会部署。", None))  # no date: its article's own
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = {x.id: [ment(x, w, "Initiative") for w in ("党的十九届四中全会", "四中全会") if w in x.text and
                    (w != "四中全会" or "十九届" not in x.text)] for x in arts}
    linked = link(arts, found, {})
    node = {m.article: e.key for e in linked.entities for m in e.mentions}
    assert node["a"] == node["b"] == node["c"]
    assert len({node["a"], node["d"], node["e"], node["f"]}) == 4


def test_a_large_region_with_a_generic_area_word_is_the_region_but_a_country_with_one_is_not():
    a, b, c = art(aid="a", text="非洲大陆很大。"), art(aid="b", text="非洲很大。"), art(aid="c", text="中国大陆很大。")
    linked = link([a, b, c], {"a": [ment(a, "非洲大陆", "Place")], "b": [ment(b, "非洲", "Place")],
                              "c": [ment(c, "中国大陆", "Place")]}, {})
    keys = _keys(linked)
    assert keys["非洲大陆"] == keys["非洲"] != keys["中国大陆"]


def test_a_known_epidemic_written_as_a_pandemic_is_the_epidemic():
    a, b = art(aid="a", text="新型冠状病毒大流行持续。"), art(aid="b", text="新冠疫情持续。")
    linked = link([a, b], {"a": [ment(a, "新型冠状病毒大流行", "Incident")], "b": [ment(b, "新冠疫情", "Incident")]}, {})
    assert len({e.key for e in linked.entities}) == 1


def test_a_foreign_city_with_and_without_shi_is_one_region_but_a_country_with_shi_is_not():
    a, b = art(aid="a", text="迈阿密市和墨西哥市。"), art(aid="b", text="迈阿密和墨西哥。")
    linked = link([a, b], {"a": [ment(a, "迈阿密市", "AdministrativeRegion"), ment(a, "墨西哥市", "AdministrativeRegion")],
                           "b": [ment(b, "迈阿密", "AdministrativeRegion"), ment(b, "墨西哥", "AdministrativeRegion")]}, {})
    keys = _keys(linked)
    assert keys["迈阿密市"] == keys["迈阿密"] and keys["墨西哥市"] != keys["墨西哥"]


def test_a_national_body_with_china_before_its_name_is_the_body_but_not_another_countrys():
    a, b = art(aid="a", text="中国某某开发银行和中国美国商会。"), art(aid="b", text="某某开发银行和美国商会。")
    linked = link([a, b], {"a": [ment(a, "中国某某开发银行", "Enterprise"), ment(a, "中国美国商会", "Organization")],
                           "b": [ment(b, "某某开发银行", "Enterprise"), ment(b, "美国商会", "Organization")]}, {})
    keys = _keys(linked)
    assert keys["中国某某开发银行"] == keys["某某开发银行"] and keys["中国美国商会"] != keys["美国商会"]


def test_foreign_namesakes_whose_titles_name_two_countries_stay_apart_even_in_stories_of_one_leader():
    from dataclasses import replace

    a = replace(art(aid="a", text="国家主席张明远会见了沙特国防副大臣阿齐兹亲王一行。"), date="2012-01-01")
    b = replace(art(aid="b", text="国家主席张明远接受沙特新任驻华大使卡洛维、巴基斯坦新任驻华大使阿齐兹递交国书。"),
                date="2015-01-05")
    c = replace(art(aid="c", text="张明远会见巴基斯坦前驻华大使阿齐兹。沙特。"), date="2016-03-01")
    found = {x.id: [ment(x, n, "Person") for n in ("张明远", "阿齐兹")]
             + [ment(x, w, "AdministrativeRegion") for w in ("沙特", "巴基斯坦") if w in x.text] for x in (a, b, c)}
    linked = link([a, b, c], found, {})
    groups = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == "阿齐兹")
    assert groups == [["a"], ["b", "c"]]  # the list's second ambassador is Pakistan's, through 新任 and 前
    assert any("another country in the title" in d.reason for e in linked.entities if e.label == "阿齐兹"
               for d in e.merges)


def test_the_own_country_of_a_title_is_the_one_nearest_the_name_not_a_host_or_a_matter():
    from kg.link.person_names import own_countries

    for text, want in (("沙特新任驻华大使卡洛维、巴基斯坦新任驻华大使阿齐兹说", {"巴基斯坦"}),
                       ("英国驻美国大使阿齐兹说", {"英国"}), ("美国叙利亚问题特使阿齐兹说", {"美国"}),
                       ("中国驻沙特大使阿齐兹说", set()), ("美国和英国针对阿齐兹说", set()), ("也门阿齐兹说", {"也门"}),
                       ("伊朗和某国家联盟秘书长阿齐兹说", set()), ("在埃及首都开罗会见了某盟秘书长阿齐兹", set()),
                       ("美国、德国六国代表、欧盟高级代表阿齐兹", set()), ("美国朝鲜政策特别代表阿齐兹说", {"美国"})):
        a = art(aid="a", text=text)
        m = ment(a, "阿齐兹", "Person")
        assert own_countries(text, [m], [m]) == want, text


def test_short_and_long_forms_of_one_country_are_one_country_for_namesakes():
    from kg.link.person_names import same_country

    assert same_country("沙特", "沙特阿拉伯") and same_country("印尼", "印度尼西亚") and same_country("伊朗", "伊朗伊斯兰共和国")
    assert not same_country("沙特", "巴基斯坦") and not same_country("多米尼加", "多米尼克")


def _village_nodes(linked, name="青禾村"):
    """The nodes of a local name: {frozenset of article ids}."""
    return {frozenset(m.article for m in e.mentions) for e in linked.entities
            if e.cls == "AdministrativeRegion" and any(m.text.endswith(name) for m in e.mentions)}


def test_a_village_written_with_its_county_is_keyed_by_that_county_not_the_article_prefecture():
    a = art(aid="a", text="湖南省平江县青禾村发展茶叶。")
    b = art(aid="b", text="梅州市代表参观了平江县青禾村。")  # another province's story: the village is still 平江's
    c = art(aid="c", text="梅州市代表参观了平江县的青禾村。")  # one 的 between
    d = art(aid="d", text="岳阳市平江县青禾镇青禾村茶叶好。")  # through a township without a code
    found = {"a": [ment(a, "湖南省", "AdministrativeRegion", "430000"), ment(a, "平江县", "AdministrativeRegion", "430626"),
                   ment(a, "青禾村", "AdministrativeRegion")],
             "b": [ment(b, "梅州市", "AdministrativeRegion", "441400"), ment(b, "平江县", "AdministrativeRegion", "430626"),
                   ment(b, "青禾村", "AdministrativeRegion")],
             "c": [ment(c, "梅州市", "AdministrativeRegion", "441400"), ment(c, "平江县", "AdministrativeRegion", "430626"),
                   ment(c, "青禾村", "AdministrativeRegion")],
             "d": [ment(d, "岳阳市", "AdministrativeRegion", "430600"), ment(d, "平江县", "AdministrativeRegion", "430626"),
                   ment(d, "青禾镇", "AdministrativeRegion"), ment(d, "青禾村", "AdministrativeRegion")]}
    assert _village_nodes(link([a, b, c, d], found, {})) == {frozenset("abcd")}


def test_a_village_whose_name_starts_with_its_county_in_full_drops_it_from_the_key():
    a = art(aid="a", text="平江县青禾村发展茶叶。")
    b = art(aid="b", text="岳阳市代表说，青禾村茶叶好。")
    found = {"a": [ment(a, "平江县青禾村", "AdministrativeRegion")],
             "b": [ment(b, "岳阳市", "AdministrativeRegion", "430600"), ment(b, "青禾村", "AdministrativeRegion")]}
    assert _village_nodes(link([a, b], found, {})) == {frozenset("ab")}


def test_an_article_that_writes_a_village_with_its_county_once_locates_its_other_mentions():
    a = art(aid="a", text="长沙市代表到平江县青禾村。青禾村茶叶好。")
    found = {"a": [ment(a, "长沙市", "AdministrativeRegion", "430100"), ment(a, "平江县", "AdministrativeRegion", "430626"),
                   ment(a, "青禾村", "AdministrativeRegion"), ment(a, "青禾村", "AdministrativeRegion", nth=1)]}
    from kg.link.regions import located

    assert set(located(a.text, found["a"], ["430100", "430626"]).values()) == {("430626", "青禾村")}


def _written(aid, where, code):
    a = art(aid=aid, text=f"{where}青禾村茶叶好。")
    return a, [ment(a, where, "AdministrativeRegion", code), ment(a, "青禾村", "AdministrativeRegion")]


def _bare(aid, where, code):
    a = art(aid=aid, text=f"{where}代表说，青禾村茶叶好。")
    return a, [ment(a, where, "AdministrativeRegion", code), ment(a, "青禾村", "AdministrativeRegion")]


def _link(*pairs):
    return link([a for a, _ in pairs], {a.id: f for a, f in pairs}, {})


def test_a_name_every_article_locates_in_one_prefecture_joins_its_bare_mentions_elsewhere():
    # written with 平江县 in two articles: a bare mention in a 梅州 story is that village
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"), _written("b", "平江县", "430626"),
                                 _bare("c", "梅州市", "441400")))
    assert nodes == {frozenset("abc")}


def test_a_name_written_with_its_county_once_joins_only_bare_mentions_in_stories_of_that_province():
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"), _bare("b", "长沙市", "430100"),
                                 _bare("c", "梅州市", "441400")))
    assert nodes == {frozenset("ab"), frozenset("c")}


def test_villages_of_one_name_written_in_two_prefectures_stay_apart_and_bare_mentions_join_neither():
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"), _written("b", "梅县区", "441403"),
                                 _bare("c", "长沙市", "430100"), _written("d", "广东省", "440000")))
    assert nodes == {frozenset("a"), frozenset("bd"), frozenset("c")}  # 广东省 + name: the one in Guangdong


def test_a_county_short_form_alone_at_the_start_of_a_name_is_no_locator():
    from kg.link.regions import located

    a = art(aid="a", text="平江青禾村茶叶好。")
    m = ment(a, "平江青禾村", "AdministrativeRegion")
    assert located(a.text, [m], []) == {}  # (平江 may be the first word of the name itself)


def test_a_bare_name_in_a_story_of_a_county_of_another_province_stays_that_countys():
    c = art(aid="c", text="梅县区代表说，青禾村茶叶好。")  # a story of a county of Guangdong: its own 青禾村
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"), _written("b", "平江县", "430626"),
                                 (c, [ment(c, "梅县区", "AdministrativeRegion", "441403"),
                                      ment(c, "青禾村", "AdministrativeRegion")])))
    assert nodes == {frozenset("ab"), frozenset("c")}


def test_a_bare_name_after_a_character_that_begins_village_names_joins_nothing():
    c = art(aid="c", text="长沙市代表说，南青禾村茶叶好。")  # 南 + 青禾村: maybe 南青禾村, cut
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"),
                                 (c, [ment(c, "长沙市", "AdministrativeRegion", "430100"),
                                      ment(c, "青禾村", "AdministrativeRegion")])))
    assert nodes == {frozenset("a"), frozenset("c")}


def test_a_bare_name_in_a_story_of_another_county_of_the_province_stays_that_countys():
    c = art(aid="c", text="浏阳市代表说，青禾村茶叶好。")  # 浏阳 (长沙) is no county of 岳阳: its own 青禾村
    d = art(aid="d", text="平江县和岳阳市代表说，青禾村茶叶好。")  # a county of the village's prefecture: joins
    nodes = _village_nodes(_link(_written("a", "平江县", "430626"),
                                 (c, [ment(c, "浏阳市", "AdministrativeRegion", "430181"),
                                      ment(c, "青禾村", "AdministrativeRegion")]),
                                 (d, [ment(d, "平江县", "AdministrativeRegion", "430626"),
                                      ment(d, "岳阳市", "AdministrativeRegion", "430600"),
                                      ment(d, "青禾村", "AdministrativeRegion")])))
    assert nodes == {frozenset("ad"), frozenset("c")}


def test_a_plenum_ending_a_list_of_its_terms_plenums_is_that_terms():
    from dataclasses import replace

    texts = (("a", "学习党的十九届四中全会精神。", "2019-11-02"),
             ("b", "越南客人来访。贯彻党的十九大和十九届二中、三中、四中全会精神。", "2021-03-04"),  # (a foreign country)
             ("c", "某学社贯彻十三届二中、三中、四中全会精神。", "2019-12-01"))  # another party's term
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = {x.id: [ment(x, "党的十九届四中全会" if x.id == "a" else "四中全会", "Initiative")] for x in arts}
    node = {m.article: e.key for e in link(arts, found, {}).entities for m in e.mentions}
    assert node["a"] == node["b"] != node["c"]
