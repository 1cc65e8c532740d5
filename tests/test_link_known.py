"""Known names (kg/link/data/aliases.tsv, kg.link.known): short forms of central party and state organs, their
classes, a state's name before a body's name, foreign regions' short forms and the foreign-namesake check."""

from invented import article as art
from invented import mention as ment

from kg.extract import gazetteer
from kg.link.entities import link
from kg.link.known import alias_class, aliases, known_name, shared_name
from kg.util.resources import table


def nodes(linked, surface):
    return {e.key for e in linked.entities if any(m.text == surface for m in e.mentions)}


def one(linked, *surfaces):
    keys = set().union(*(nodes(linked, s) for s in surfaces))
    assert len(keys) == 1, keys
    return next(e for e in linked.entities if e.key in keys)


def test_a_party_organ_and_its_short_forms_are_one_party_node_whatever_the_mentions_were_typed():
    a = art(aid="a", text="中宣部发布通知。")
    b = art(aid="b", text="中央宣传部召开会议，中共中央宣传部表示。")
    linked = link([a, b], {"a": [ment(a, "中宣部", "GovernmentBody")],
                           "b": [ment(b, "中央宣传部", "PartyOrganization"),
                                 ment(b, "中共中央宣传部", "PartyOrganization")]}, {})
    node = one(linked, "中宣部", "中央宣传部", "中共中央宣传部")
    assert node.cls == "PartyOrganization" and node.label == "中国共产党中央委员会宣传部"


def test_a_peoples_organisation_and_a_democratic_party_link_to_their_full_names():
    a = art(aid="a", text="全国妇联和中华全国妇女联合会，民盟中央与中国民主同盟中央委员会。")
    linked = link([a], {"a": [ment(a, "全国妇联", "Organization"), ment(a, "中华全国妇女联合会", "Organization"),
                              ment(a, "民盟中央", "Organization"),
                              ment(a, "中国民主同盟中央委员会", "PartyOrganization")]}, {})
    assert one(linked, "全国妇联", "中华全国妇女联合会").label == "中华全国妇女联合会"
    assert one(linked, "民盟中央", "中国民主同盟中央委员会").cls == "PartyOrganization"


def test_a_central_broadcaster_and_news_agency_are_one_node_with_their_short_forms():
    a = art(aid="a", text="央视播出了专题片，新华社发布消息。")
    b = art(aid="b", text="中央电视台和新华通讯社记者参加采访。")
    linked = link([a, b], {"a": [ment(a, "央视", "Organization"), ment(a, "新华社", "Organization")],
                           "b": [ment(b, "中央电视台", "Organization"), ment(b, "新华通讯社", "Organization")]}, {})
    assert one(linked, "央视", "中央电视台").label == "中央电视台"
    assert one(linked, "新华社", "新华通讯社").label == "新华通讯社"


def test_a_provincial_propaganda_department_stays_apart_from_the_central_one():
    a = art(aid="a", text="中共湖南省委宣传部和中宣部联合发文，宣传部表示。")
    linked = link([a], {"a": [ment(a, "中共湖南省委宣传部", "PartyOrganization"), ment(a, "中宣部", "GovernmentBody"),
                              ment(a, "宣传部", "PartyOrganization")]}, {})
    central = nodes(linked, "中宣部")
    assert central.isdisjoint(nodes(linked, "中共湖南省委宣传部")) and central.isdisjoint(nodes(linked, "宣传部"))


def test_the_cppcc_typed_as_a_meeting_is_the_organisation_its_short_form_names():
    a = art(aid="a", text="中国人民政治协商会议成立七十周年。")
    b = art(aid="b", text="人民政协是统一战线的组织。")
    linked = link([a, b], {"a": [ment(a, "中国人民政治协商会议", "Initiative")],
                           "b": [ment(b, "人民政协", "Organization")]}, {})
    assert one(linked, "中国人民政治协商会议", "人民政协").cls == "Organization"


def test_a_state_name_before_a_known_body_is_the_same_body_and_a_foreign_country_does_not_split_it():
    a = art(aid="a", text="中华人民共和国国务院新闻办公室发表白皮书。针对美国的指责，国务院新闻办公室回应。")
    b = art(aid="b", text="国新办举行发布会。")
    c = art(aid="c", text="中国外交部发言人说。外交部表示。")
    linked = link([a, b, c], {
        "a": [ment(a, "中华人民共和国国务院新闻办公室", "GovernmentBody"), ment(a, "美国", "AdministrativeRegion"),
              ment(a, "国务院新闻办公室", "GovernmentBody", nth=1)],
        "b": [ment(b, "国新办", "GovernmentBody")],
        "c": [ment(c, "中国外交部", "GovernmentBody"), ment(c, "外交部", "GovernmentBody", nth=1)]}, {})
    node = one(linked, "中华人民共和国国务院新闻办公室", "国务院新闻办公室", "国新办")
    assert "-" not in node.key  # no namesake kept apart under the same label
    assert one(linked, "中国外交部", "外交部").label == "中华人民共和国外交部"


def test_a_foreign_ministry_named_in_full_keeps_its_bare_name_but_a_foreign_country_alone_does_not():
    a = art(aid="a", text="日本财政部发表声明。财政部官员说。")
    b = art(aid="b", text="针对美国的关税措施，外交部发言人表示。")
    c = art(aid="c", text="财政部和外交部发布通知。")
    linked = link([a, b, c], {
        "a": [ment(a, "日本财政部", "GovernmentBody"), ment(a, "财政部", "GovernmentBody", nth=1)],
        "b": [ment(b, "美国", "AdministrativeRegion"), ment(b, "外交部", "GovernmentBody")],
        "c": [ment(c, "财政部", "GovernmentBody"), ment(c, "外交部", "GovernmentBody")]}, {})
    ministries = {e.label: {m.article for m in e.mentions} for e in linked.entities}
    assert ministries["中华人民共和国财政部"] == {"c"}
    assert ministries["中华人民共和国外交部"] == {"b", "c"}


def test_successive_ministries_stay_apart():
    a = art(aid="a", text="文化部召开会议。")
    b = art(aid="b", text="文化和旅游部召开会议。")
    linked = link([a, b], {"a": [ment(a, "文化部", "GovernmentBody")],
                           "b": [ment(b, "文化和旅游部", "GovernmentBody")]}, {})
    assert nodes(linked, "文化部") != nodes(linked, "文化和旅游部")


def test_a_foreign_state_and_its_usual_short_form_are_one_region():
    a = art(aid="a", text="加利福尼亚州发生山火。")
    b = art(aid="b", text="加州州长表示。")
    linked = link([a, b], {"a": [ment(a, "加利福尼亚州", "AdministrativeRegion")],
                           "b": [ment(b, "加州", "Place")]}, {})
    assert one(linked, "加利福尼亚州", "加州").cls == "AdministrativeRegion"


def test_a_foreign_seat_of_government_is_a_government_body():
    a = art(aid="a", text="美国白宫发表声明。白宫发言人说。")
    linked = link([a], {"a": [ment(a, "美国白宫", "GovernmentBody"), ment(a, "白宫", "AdministrativeRegion", nth=1)]}, {})
    assert one(linked, "美国白宫", "白宫").cls == "GovernmentBody"


def test_the_alias_table_is_well_formed():
    forms: dict[str, str] = {}
    for row in table("aliases.tsv"):
        for form in row[1:]:
            assert forms.setdefault(form, row[1]) == row[1], f"{form} is in two rows"
    assert alias_class("中国共产党中央委员会组织部") == "PartyOrganization" and aliases()["中组部"] == "中国共产党中央委员会组织部"
    assert alias_class("长江三角洲") is None  # "-": the mentions decide


def test_no_foreign_or_national_short_form_is_a_chinese_region_name():
    """A known form is keyed before the gazetteer: none may be a region of China (德州, 华州 are left out)."""
    for form, canonical in aliases().items():
        if canonical != "中国":
            assert gazetteer.resolve(form, []) is None, form


def test_known_name_and_shared_name():
    assert known_name("中国外交部") == "中华人民共和国外交部" and known_name("中国美国") is None
    assert shared_name("国务院") and shared_name("外交部") and not shared_name("国新办") and not shared_name("中宣部")
    assert shared_name("中央宣传部") and not shared_name("中共中央宣传部")


def test_another_partys_central_organ_keeps_its_bare_name_in_its_story():
    a = art(aid="a", text="某国劳动党中央宣传部发表文章。中央宣传部表示。")
    b = art(aid="b", text="中宣部召开会议。")
    linked = link([a, b], {"a": [ment(a, "某国劳动党中央宣传部", "PartyOrganization"),
                                 ment(a, "中央宣传部", "PartyOrganization", nth=1)],
                           "b": [ment(b, "中宣部", "PartyOrganization")]}, {})
    assert nodes(linked, "中央宣传部").isdisjoint(nodes(linked, "中宣部"))


def test_only_the_state_whose_body_shares_the_name_makes_a_bare_state_council_foreign():
    a = art(aid="a", text="日本首相访华期间，国务院总理会见了他。")
    b = art(aid="b", text="美国军方发表声明，国务院发言人说。")
    c = art(aid="c", text="国务院常务会议召开。")
    linked = link([a, b, c], {"a": [ment(a, "日本", "AdministrativeRegion"), ment(a, "国务院", "GovernmentBody")],
                              "b": [ment(b, "美国", "AdministrativeRegion"), ment(b, "国务院", "GovernmentBody")],
                              "c": [ment(c, "国务院", "GovernmentBody")]}, {})
    national = next(e for e in linked.entities if e.label == "中华人民共和国国务院")
    assert {m.article for m in national.mentions} == {"a", "c"}


def test_other_body_is_a_foreign_states_or_partys_body_and_never_a_fragment_or_a_chinese_body():
    from kg.link.known import other_body

    assert other_body("美国国务院", "国务院") and other_body("日本财政部", "财政部")
    assert other_body("日共中央政治局", "中央政治局") and other_body("某国劳动党中央宣传部", "中央宣传部")
    assert not other_body("京国务院", "国务院") and not other_body("中宣部 教育部", "教育部")
    assert not other_body("共青团中央书记处", "中央书记处") and not other_body("中共十八届中央政治局", "中央政治局")
    assert known_name("国家民政部") == "中华人民共和国民政部"


def test_a_country_headed_abbreviation_keeps_its_country_and_three_characters_after_it():
    a = art(aid="a", text="德国军队开始演习。德国队赢了比赛。美国国防部说，美国防部还表示。印度尼西亚警方和印度警方。")
    found = [ment(a, "德国军队", "Organization"), ment(a, "德国队", "Organization"),
             ment(a, "美国国防部", "GovernmentBody"), ment(a, "美国防部", "GovernmentBody"),
             ment(a, "印度尼西亚警方", "GovernmentBody"), ment(a, "印度警方", "GovernmentBody")]
    linked = link([a], {"a": found}, {})
    assert nodes(linked, "德国队") != nodes(linked, "德国军队")
    assert nodes(linked, "印度警方") != nodes(linked, "印度尼西亚警方")
    assert nodes(linked, "美国防部") == nodes(linked, "美国国防部")


def test_a_country_first_character_before_a_name_is_the_country_written_whole_rather_than_its_army():
    a = art(aid="a", text="俄罗斯北方舰队举行演习，俄北方舰队司令表示。")
    b = art(aid="b", text="俄军北方舰队出动舰艇。")
    linked = link([a, b], {"a": [ment(a, "俄罗斯北方舰队", "GovernmentBody"), ment(a, "俄北方舰队", "GovernmentBody")],
                           "b": [ment(b, "俄军北方舰队", "GovernmentBody")]}, {})
    assert nodes(linked, "俄北方舰队") == nodes(linked, "俄罗斯北方舰队")


def test_a_body_many_states_have_is_the_body_of_the_state_its_story_names():
    a = art(aid="a", text="智利国民议会主席卡洛斯说，国民议会将表决。秘鲁也派了代表。")
    b = art(aid="b", text="秘鲁总统表示，国民议会下周开会。")
    c = art(aid="c", text="智利举行大选。国民议会的选举结果公布。")
    d = art(aid="d", text="国民议会开幕。")  # no state named: the bare name, as before
    found = {x.id: [ment(x, w, "AdministrativeRegion", nth=k) for w in ("智利", "秘鲁") for k in range(x.text.count(w))]
             + [ment(x, "国民议会", "GovernmentBody", nth=k) for k in range(x.text.count("国民议会"))
                if x.text.find("智利国民议会") != x.text.find("国民议会") - 2 or k > 0]
             + ([ment(x, "智利国民议会", "GovernmentBody")] if "智利国民议会" in x.text else []) for x in (a, b, c, d)}
    linked = link([a, b, c, d], found, {})
    nodes = sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.cls == "GovernmentBody")
    assert nodes == [["a", "c"], ["b"], ["d"]]  # Chile's in a and c, Peru's in b, not one node across states
    assert any("of the foreign state its story names (智利)" in g.reason for e in linked.entities for g in e.merges)


def test_the_central_peoples_government_by_its_news_names_is_one_node():
    a = art(aid="a", text="中国政府高度重视。")
    b = art(aid="b", text="中央人民政府支持香港。")
    linked = link([a, b], {"a": [ment(a, "中国政府", "GovernmentBody")], "b": [ment(b, "中央人民政府", "GovernmentBody")]},
                  {})
    one(linked, "中国政府", "中央人民政府")
