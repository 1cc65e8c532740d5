"""Well-known bodies named whole (kg/extract/known_bodies.py) and the model's company label checked by the words of
the name (kg/extract/finish.py): error classes of real news (issue #13), each on an invented sentence."""

import pytest
from invented import found

from kg.extract import orgclass
from kg.extract.known_bodies import known_bodies, known_class
from kg.extract.rules import Doc


def _known(text):
    return [(text[c.start:c.end], c.cls) for c in known_bodies(Doc(text))]


@pytest.mark.parametrize("text, name, cls", [
    ("两国同意加强在世卫组织框架内的协调。", "世卫组织", "Organization"),
    ("据世界银行统计，塔拉县的贸易指标排名上升。", "世界银行", "Organization"),
    ("双方欢迎塔拉国加入亚投行。", "亚投行", "Organization"),
    ("国务院侨办负责人出席招待会。", "国务院侨办", "GovernmentBody"),
    ("审计署发布公告。", "审计署", "GovernmentBody"),  # a State Council organ's short form alone
    ("塔拉县工商联和工商联会员企业座谈。", "工商联", "Organization"),  # a people's organisation's short form
    ("民革中央主席出席会议。", "民革中央", "PartyOrganization"),  # a democratic party's central committee
    ("中国致公党中央委员会发来贺信。", "中国致公党中央委员会", "PartyOrganization"),  # with 中国 of its full name
])
def test_a_known_body_is_found_whatever_the_model_says(model_says, text, name, cls):
    assert (name, cls) in model_says(text)  # the model tags nothing here


def test_a_region_glued_before_a_known_seat_does_not_hide_it():
    assert ("人民大会堂", "Place") in _known("某某在北京人民大会堂会见塔拉国总统。")


def test_a_known_body_inside_another_word_is_no_mention():
    assert _known("北约翰逊先生表示欢迎。") == []  # 北约 is no word of this text
    assert _known("今年是上合组织峰会举办之年。") == []  # part of a meeting's name


def test_a_known_body_has_its_class_whatever_found_it():
    assert orgclass.classed("世行", "Enterprise") == "Organization"
    assert orgclass.classed("欧佩克", "Person") == "Organization"
    assert orgclass.classed("欧洲议会", "GovernmentBody") == "Organization"
    assert orgclass.classed("世界银行", "Initiative") == "Initiative"  # the class of an event's name is its own
    assert known_class("塔拉国集团") is None


def test_a_longer_model_name_that_begins_with_a_known_body_stays_whole(model_says):
    text = "欧洲议会塔拉联盟党团主席表示祝贺。"
    got = model_says(text, ("欧洲议会塔拉联盟党团", "org"))
    assert ("欧洲议会塔拉联盟党团", "PartyOrganization") in got
    assert ("欧洲议会", "Organization") not in got


def test_a_model_name_without_a_head_word_keeps_out_a_known_body(model_says):
    got = model_says("联合国机构呼吁开放口岸。", ("联合国机构", "org"))
    assert ("联合国", "Organization") in got and not any(n == "联合国机构" for n, _ in got)


@pytest.mark.parametrize("text, span", [
    ("塔拉国欢迎中国企业扩大对塔投资。", "塔投资"),  # a verb inside it
    ("卡方重视中国的作用。", "卡方重视"),  # a side in talks and a verb
    ("产业给塔拉人带来财富的同时。", "财富"),  # one common noun
    ("庆祝塔拉建国60周年华诞。", "华诞"),  # an adjective alone
    ("塔拉州数千民众已经撤离。", "数千民众"),  # a rough count and a noun: a crowd
    ("鼓励企业赴塔投资，希塔拉方提供便利。", "塔拉方"),  # a country and 方: a side in talks
])
def test_a_model_company_made_of_words_that_name_no_company_is_dropped(model_says, text, span):
    got = model_says(text, (span, "company"))
    assert not any(n == span for n, _ in got)


def test_a_model_company_written_as_a_person_named_elsewhere_is_that_person(monkeypatch):
    from kg.extract.ner import learned

    text = "李克强同卡尔多举行会谈。卡尔多积极评价两国合作。"
    first, second = text.index("卡尔多"), text.index("卡尔多", text.index("。"))
    tagged = [(first, first + 3, "person"), (second, second + 3, "company")]
    monkeypatch.setattr(learned, "spans", lambda t: tagged if t == text else [])
    got = found(text)
    assert ("卡尔多", "Person") in got and ("卡尔多", "Enterprise") not in got


def test_a_model_company_before_a_head_of_state_title_is_a_person(model_says):
    got = model_says("两国关系不断发展。卡京总统重视两军合作。", ("卡京", "company"))
    assert ("卡京", "Person") in got and ("卡京", "Enterprise") not in got


@pytest.mark.parametrize("text, span, region", [
    ("2011年以来，利比亚政局陷入持续动荡。", "利比亚政局", "利比亚"),  # the political situation
    ("塔拉省北部发生冲突。", "塔拉省北部", "塔拉省"),  # a part of an area
    ("会议围绕工作大局展开。", "工作大局", None),
])
def test_a_model_body_ending_in_a_common_word_is_no_body(model_says, text, span, region):
    got = model_says(text, (span, "org"))
    assert not any(c in ("GovernmentBody", "Organization") for _, c in got)
    assert region is None or (region, "AdministrativeRegion") in got


def test_a_model_span_over_an_honour_guard_review_is_no_body(model_says):
    got = model_says("主席在塔拉总统陪同下检阅仪仗队。", ("下检阅仪仗队", "org"))
    assert not any("检阅" in n for n, _ in got)


def test_a_model_body_begun_on_a_clause_verb_begins_after_it(model_says):
    got = model_says("示威者打出标语，呼吁塔拉政府停止这一政策。", ("呼吁塔拉政府", "org"))
    assert ("塔拉政府", "GovernmentBody") in got and not any(n.startswith("呼吁") for n, _ in got)


@pytest.mark.parametrize("name", ["塔拉国教育部", "塔拉国家移民管理局", "塔拉军校政治部"])
def test_a_model_body_keeps_its_head_word(model_says, name):
    assert (name, "GovernmentBody") in model_says(name + "发布通知。", (name, "org"))


@pytest.mark.parametrize("name", ["塔拉联合酋长国", "塔拉尼西亚联邦", "塔拉新几内亚独立国"])
def test_a_state_s_formal_name_the_model_reads_as_an_organisation_is_a_region(model_says, name):
    assert (name, "AdministrativeRegion") in model_says("应" + name + "总统邀请出访。", (name, "org"))


def test_a_model_company_with_a_brand_name_stays(model_says):
    got = model_says("塔拉动力今天发布新款发动机。", ("塔拉动力", "company"))
    assert ("塔拉动力", "Enterprise") in got


def test_a_company_label_on_a_medium_or_a_news_agency_gives_an_organisation(model_says):
    assert ("塔拉日报社", "Organization") in model_says("塔拉日报社今天报道。", ("塔拉日报社", "company"))
    assert ("塔拉通讯社", "Organization") in model_says("据塔拉通讯社报道。", ("塔拉通讯社", "company"))
    assert orgclass.classed("塔拉旅行社", "Enterprise") == "Enterprise"


def test_a_company_label_on_a_hall_is_no_government_body(model_says):
    got = model_says("塔拉视察新建餐厅与装备馆。", ("塔拉视察新建餐厅", "company"))
    assert not any(cls == "GovernmentBody" for _, cls in got)


def test_a_known_body_before_a_second_body_of_a_region_is_kept():
    assert ("武警部队", "GovernmentBody") in _known("听取了武警部队和武警长沙市支队的汇报。")
    assert _known("塔拉国出席联合国拉美与加勒比经济委员会年会。") == []  # one longer name


@pytest.mark.parametrize("text, name", [
    ("长沙梅溪抗战纪念馆正式开放。", "长沙梅溪抗战纪念馆"),  # the rules began the name after a part they left out
    ("在长沙梅溪坊文化创意产业园，艺人们正在排练。", "长沙梅溪坊文化创意产业园"),
])
def test_an_established_place_name_the_model_reads_whole_stays_whole(model_says, text, name):
    assert (name, "Place") in model_says(text, (name, "location"))


def test_a_model_place_span_over_a_clause_is_not_taken_whole(model_says):
    got = model_says("长沙建成梅溪产业园。", ("长沙建成梅溪产业园", "location"))
    assert ("长沙建成梅溪产业园", "Place") not in got


def test_a_department_named_by_its_task_after_its_body_is_one_name(model_says):
    text = "他生前任长沙市公安局禁毒支队支队长。"
    got = model_says(text, ("长沙市公安局禁毒支队", "org"))
    assert ("长沙市公安局禁毒支队", "GovernmentBody") in got
    got = model_says("长沙市公安局联合开展禁毒行动。", ("长沙市公安局联合开展禁毒行动", "org"))
    assert ("长沙市公安局", "GovernmentBody") in got  # a verb after the body: no department


def _parties(text):
    from kg.extract.bodies import party_words

    return [text[c.start:c.end] for c in party_words(Doc(text))]


def test_a_party_named_by_one_word_is_a_party_organisation():
    assert _parties("奥巴马是民主党总统候选人，迎战共和党候选人。") == ["民主党", "共和党"]


@pytest.mark.parametrize("text", [
    "两国执政党加强交流。",  # a party in general
    "两党关系不断发展。",
    "中央党的群众路线教育实践活动领导小组",  # a scope before 党的
    "塔拉社会主义者民主党代表团抵达。",  # the last word of a longer name
])
def test_words_for_parties_in_general_or_parts_of_longer_names_are_none(text):
    assert _parties(text) == []


@pytest.mark.parametrize("text, party", [
    ("塔拉执政党人民团结党在大选中获胜。", "人民团结党"),  # the kind, then the party's name
    ("主要反对党工人社会党提出弹劾。", "工人社会党"),
    ("左翼政党进步主义运动党候选人彼得罗进入第二轮。", "进步主义运动党"),
])
def test_a_party_named_after_the_word_for_its_kind_is_a_party_organisation(text, party):
    assert (party, "PartyOrganization") in found(text, "rules")


@pytest.mark.parametrize("text", ["执政党和反对党都表示支持。", "要加强执政党建设，提高执政党党员素质。"])
def test_words_for_parties_alone_give_no_party(text):
    assert not any(c == "PartyOrganization" for _, c in found(text, "rules"))


def test_a_party_leader_cue_includes_its_candidate():
    from kg.extract.bodies import led_parties

    text = "塔拉左翼党候选人杜克得票最多。"
    assert [text[c.start:c.end] for c in led_parties(Doc(text))] == ["塔拉左翼党"]


@pytest.mark.parametrize("text, names", [
    ("塔拉队2比0战胜卡塔队，率先晋级。", {"塔拉队", "卡塔队"}),  # a match result between two teams
    ("首场比赛由塔拉队对阵卡塔队。", {"塔拉队", "卡塔队"}),
    ("张三获聘塔拉红十字会名誉会长。", {"塔拉红十字会"}),  # an appointment before the body
])
def test_a_clause_verb_before_a_suffix_name_starts_it_after_the_verb(text, names):
    got = {n for n, c in found(text, "rules") if c == "Organization"}
    assert names <= got and not any("战胜" in n or "对阵" in n or "获聘" in n for n in got)


@pytest.mark.parametrize("text, name", [
    ("主席张三代表中华全国总工会致辞。", "中华全国总工会"),  # on behalf of a body the dictionary knows whole
    ("塔拉队利用反击威胁英格兰队的球门。", "英格兰队"),  # a verb before it
])
def test_a_known_body_after_a_verb_or_on_behalf_of_starts_the_name(text, name):
    got = {n for n, c in found(text, "rules") if c == "Organization"}
    assert name in got and not any(n.endswith(name) and n != name for n in got)


def test_party_organs_and_short_forms_are_party_organisations():
    assert orgclass.classed("塔拉人民解放运动政治局书记处", "Organization") == "PartyOrganization"
    assert orgclass.classed("塔拉人民运动政治局", "GovernmentBody") == "PartyOrganization"
    assert ("俄共", "PartyOrganization") in _known("俄共高度评价两国关系。")


def test_a_model_company_in_a_list_of_people_is_dropped(model_says):
    text = "张某某、塔拉钢、王某某、李某某出席会议。"
    got = model_says(text, ("张某某", "person"), ("塔拉钢", "company"), ("王某某", "person"), ("李某某", "person"))
    assert not any(n == "塔拉钢" for n, _ in got)


def test_two_model_companies_in_a_list_of_people_are_dropped(model_says):
    # two people of one list the model read as companies: each has the other as a neighbour, yet two people too
    text = "张某某、塔拉钢、王某某、梅拉荣、李某某出席会议。"
    got = model_says(text, ("张某某", "person"), ("塔拉钢", "company"), ("王某某", "person"), ("梅拉荣", "company"),
                     ("李某某", "person"))
    assert not any(c == "Enterprise" for _, c in got)


def test_model_companies_in_a_list_of_brands_with_two_names_stay(model_says):
    # two brands read as people do not outnumber the brands: the list is of brands
    text = "塔拉康、塔拉海、梅溪熊、塔拉荣、梅溪豹等品牌热销。"
    got = model_says(text, ("塔拉康", "company"), ("塔拉海", "company"), ("梅溪熊", "person"), ("塔拉荣", "company"),
                     ("梅溪豹", "person"))
    assert ("塔拉荣", "Enterprise") in got and ("塔拉海", "Enterprise") in got


def test_a_model_company_in_a_list_of_brands_stays(model_says):
    text = "塔拉康、塔拉海、梅溪熊、塔拉荣等品牌热销。"
    got = model_says(text, ("塔拉康", "company"), ("塔拉海", "company"), ("梅溪熊", "person"), ("塔拉荣", "company"))
    assert ("塔拉荣", "Enterprise") in got and ("塔拉海", "Enterprise") in got


def test_a_ministry_department_is_a_government_body():
    assert orgclass.classed("边界与海洋事务司", "Enterprise") == "GovernmentBody"
    assert orgclass.classed("塔拉投资有限公司", "Enterprise") == "Enterprise"


@pytest.mark.parametrize("pair, label", [("俄中", "location"), ("俄中", "org")])
def test_two_country_initials_from_the_model_are_no_name(model_says, pair, label):
    got = model_says(f"{pair}关系不断发展，双方加强合作。", (pair, label))
    assert not any(n == pair for n, _ in got)


def test_a_model_body_over_a_preposition_is_a_clause(model_says):
    text = "美加州就联邦政府终止拨款提起诉讼。"
    got = model_says(text, ("美加州就联邦政府", "org"))
    assert not any(n == "美加州就联邦政府" for n, _ in got)
    got = model_says("塔拉研究与发展组织发布报告。", ("塔拉研究与发展组织", "org"))
    assert ("塔拉研究与发展组织", "Organization") in got  # 与 joins the words of a name


def test_a_model_body_that_starts_inside_a_longer_word_is_no_name(model_says):
    text = "全力支持特别行政区政府依法施政。"
    got = model_says(text, ("区政府", "org"))
    assert not any(n == "区政府" for n, _ in got)


def test_a_state_government_after_its_country_is_the_states(model_says):
    text = "美国塔拉华州政府24日提起诉讼。"
    got = model_says(text, ("美国塔拉华州政府", "org"))
    assert ("塔拉华州政府", "GovernmentBody") in got and ("美国", "AdministrativeRegion") in got
    got = model_says("美国联邦政府今天宣布。", ("美国联邦政府", "org"))
    assert ("美国联邦政府", "GovernmentBody") in got  # no state: the country's own government


def test_a_place_name_character_that_jieba_tags_a_preposition_is_no_clause(model_says):
    got = model_says("梅从镇党委书记介绍情况。", ("梅从镇党委", "org"))
    assert ("梅从镇党委", "PartyOrganization") in got


def test_a_body_after_a_joiner_glued_to_a_level_word_stays(model_says):
    text = "长沙县推开改革，县委组织部会同县住房和城乡建设局出台办法。"
    got = model_says(text, ("县住房和城乡建设局", "org"))
    assert ("县住房和城乡建设局", "GovernmentBody") in got


def test_a_water_the_dictionary_tags_inside_a_model_company_is_part_of_its_name(model_says):
    text = "其中，四川竹海生态农业开发有限公司将建设楠竹基地。"
    got = model_says(text, ("四川竹海生态农业开发有限公司", "company"))
    assert ("四川竹海生态农业开发有限公司", "Enterprise") in got
    assert ("竹海", "Place") not in got


def test_world_news_agencies_are_organisations_and_chinas_own_are_no_entry():
    from invented import found

    got = found("据路透社报道，塔斯社援引消息人士的话说。")
    assert {("路透社", "Organization"), ("塔斯社", "Organization")} <= got
    assert known_class("新华社") is None  # a story's source in its lead (decision 17)


def test_the_cppcc_by_its_full_name_is_an_organisation_not_a_meeting():
    from invented import found

    assert ("中国人民政治协商会议", "Organization") in found("参加中国人民政治协商会议的各党派人士表示愤慨。")
    assert orgclass.classed("中国人民政治协商会议某某委员会", "GovernmentBody") == "Organization"


@pytest.mark.parametrize("text,name", [
    ("联合国工发组织总干事今天会见来宾。", "联合国工发组织"),
    ("禁化武组织发表声明。", "禁化武组织"),
    ("集安组织秘书长表示欢迎。", "集安组织"),
])
def test_un_system_short_forms_are_known_bodies(text, name):
    assert (name, "Organization") in _known(text)


def test_a_known_body_before_a_common_word_ending_in_a_head_character_is_whole():
    # 部署, 总部 end in 署 and 部, yet are no head word: the known body names itself, no longer name begins
    assert ("国务院安委办", "GovernmentBody") in _known("国务院安委办部署假期安全工作。")
    assert ("国际奥委会", "Organization") in _known("员工从国际奥委会总部撤出。")
    assert ("人民大会堂", "Place") not in _known("会议在人民大会堂北大厅举行。")  # a seat's hall: a longer place


def test_mongolia_by_its_usual_name_is_a_country():
    assert ("蒙古国", "AdministrativeRegion") in found("代表团访问蒙古国。", "rules")
