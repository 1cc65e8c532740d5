from invented import article, mention

from kg.link import nested


def _nested(body: str, *names: tuple[str, str]) -> list[tuple[str, str, int]]:
    a = article(body)
    found = nested.region_mentions(a, [mention(a, t, c) for t, c in names])
    for m in found:
        assert body[m.start:m.end] == m.text and (m.raw_start, m.raw_end) == (m.start, m.end)
        assert m.extractor == nested.EXTRACTOR and m.cls == "AdministrativeRegion"
    return [(m.text, m.code, m.start) for m in found]


def test_a_chain_of_regions_at_the_start_of_a_name_becomes_mentions():
    body = "据悉，湖南省长沙市望城区某某农业发展有限公司今年扩产。"
    assert _nested(body, ("湖南省长沙市望城区某某农业发展有限公司", "Enterprise")) == [
        ("湖南省", "430000", 3), ("长沙市", "430100", 6), ("望城区", "430112", 9)]


def test_party_prefix_is_skipped_and_a_written_region_is_not_repeated():
    body = "中共江西省委召开会议，江西省某某局参加。"
    found = _nested(body, ("中共江西省委", "PartyOrganization"), ("江西省某某局", "GovernmentBody"))
    assert found == [("江西省", "360000", 2), ("江西省", "360000", 11)]
    a = article(body)
    written = mention(a, "江西省", "AdministrativeRegion", code="360000")
    assert nested.region_mentions(a, [written, mention(a, "中共江西省委", "PartyOrganization")]) == []


def test_people_initiatives_and_names_without_a_region_give_nothing():
    body = "某某科技公司推出株洲技能节，张三出席。"
    assert _nested(body, ("某某科技公司", "Enterprise"), ("株洲技能节", "Initiative"), ("张三", "Person")) == []


def test_a_short_county_name_after_the_city_belongs_to_a_place_name():
    body = "旅客从广州白云某某机场出发。"
    assert _nested(body, ("广州白云某某机场", "Place")) == [("广州", "440100", 3)]


def test_a_foreign_country_heading_a_name_becomes_a_mention_without_a_code_but_china_does_not():
    body = "美国联邦政府和俄罗斯国防部宣布，中国人民银行回应。"
    found = _nested(body, ("美国联邦政府", "GovernmentBody"), ("俄罗斯国防部", "GovernmentBody"),
                    ("中国人民银行", "GovernmentBody"))
    assert found == [("美国", None, 0), ("俄罗斯", None, 7)]


def test_a_known_body_holds_no_region_that_locates_it():
    # known_bodies.tsv: a national or international body named after a place or with a county's short form in it
    body = "塔拉国加入上海合作组织，南部战区举行演练。"
    assert _nested(body, ("上海合作组织", "Organization"), ("南部战区", "GovernmentBody")) == []
    assert _nested("上海某某有限公司成立。", ("上海某某有限公司", "Enterprise")) != []


def test_a_region_after_a_groups_short_form_in_a_company_name_becomes_a_mention():
    body = "国网长沙供电公司检修线路，某某科技公司参加。"
    assert _nested(body, ("国网长沙供电公司", "Enterprise"), ("某某科技公司", "Enterprise")) == [("长沙", "430100", 2)]
    body = "某某长沙路店开业。"  # a county or no region after the short form, or nothing left after it: nothing
    assert _nested(body, ("某某长沙路店", "Enterprise")) == []


def test_a_foreign_city_after_its_country_in_a_place_name_becomes_a_mention_too():
    body = "示威者在美国洛杉矶市中心集会。"
    assert _nested(body, ("美国洛杉矶市中心", "Place")) == [("美国", None, 4), ("洛杉矶", None, 6)]
    body = "美国哥伦比亚广播公司报道，叙利亚阿拉伯通讯社报道。"  # a country, or a longer foreign name cut: only the country
    assert _nested(body, ("美国哥伦比亚广播公司", "Organization"), ("叙利亚阿拉伯通讯社", "Organization")) == [
        ("美国", None, 0), ("叙利亚", None, 13)]


def test_a_county_short_form_that_is_a_common_word_needs_its_province_in_the_article():
    body = "国务委员、公安部部长出席会议，解放军某部参加。"  # 公安 (公安县), 解放 (解放区): common words here
    assert _nested(body, ("公安部", "GovernmentBody"), ("解放军某部", "GovernmentBody")) == []
    a = article("湖北省荆州市公安县某某局召开会议，公安某某公司参加。")
    hubei = mention(a, "湖北省", "AdministrativeRegion", code="420000")
    found = nested.region_mentions(a, [hubei, mention(a, "公安某某公司", "Enterprise")])
    assert [(m.text, m.code) for m in found] == [("公安", "421022")]  # the province written: the county it names


def test_a_sea_or_an_ocean_is_no_county():
    body = "海军南海舰队某部出海，科考船驶入太平洋。"  # 南海 (南海区) before 舰队, 太平 (太平区) before 洋
    assert _nested(body, ("海军南海舰队某部", "GovernmentBody"), ("太平洋", "Place")) == []
