"""Recall rules of kg.extract.mentions / kg.extract.ner.learned: countries, cities the model confirms, foreign names next to posts.

Invented text only. The model's spans are injected (monkeypatched kg.extract.ner.learned.spans), so these tests do not need
the model installed and do not depend on what it happens to tag.
"""

from invented import found





def test_country_name_found_without_the_model():
    assert ("卢森堡", "AdministrativeRegion") in found("许多投资者在卢森堡经营业务。", "rules")
    assert ("卢森堡", "AdministrativeRegion") in found("许多投资者在卢森堡经营业务。", "auto")


def test_country_name_before_a_form_of_address_is_no_region():
    assert ("贝宁", "AdministrativeRegion") not in found("贝宁先生今天来了。", "rules")


def test_country_wins_over_a_model_span_glued_to_other_words(model_says):
    text = "他们去年留学挪威，今年回国。"
    got = model_says(text, ("留学挪威", "location"))
    assert ("挪威", "AdministrativeRegion") in got and ("留学挪威", "AdministrativeRegion") not in got


def test_country_and_organisation_word_stay_one_name(model_says):
    text = "坦桑尼亚代表团今天抵达长沙。"
    assert ("坦桑尼亚代表团", "Organization") in model_says(text, ("坦桑尼亚代表团", "org"))
    text = "他说坦桑尼亚同意这个方案。"  # a verb after the country: not one name
    got = model_says(text, ("坦桑尼亚同意", "org"))
    assert ("坦桑尼亚", "AdministrativeRegion") in got and ("坦桑尼亚同意", "Organization") not in got


def test_city_short_form_that_is_also_a_word_needs_the_model(model_says):
    text = "他昨天从合肥出发，晚上到了。"
    assert ("合肥", "AdministrativeRegion") not in found(text, "rules")  # jieba calls 合肥 a common noun
    assert ("合肥", "AdministrativeRegion") in model_says(text, ("合肥", "location"))


def test_county_short_form_is_not_confirmed_by_the_model_alone(model_says):
    text = "要把教育作为兴国之本。"
    assert ("兴国", "AdministrativeRegion") not in model_says(text, ("兴国", "location"))


def test_country_in_brackets_inside_a_company_name(model_says):
    text = "他将参加福瑞斯（中国）有限公司开业典礼。"
    got = model_says(text, ("福瑞斯（中国）有限公司", "company"))
    assert ("福瑞斯（中国）有限公司", "Enterprise") in got and ("中国", "AdministrativeRegion") not in got


# ------------------------------------------------------------------------------------------- people


def test_foreign_name_after_a_post_is_not_cut_after_three_characters():
    got = found("外交部长卡西米罗夫今天抵达长沙。", "rules")
    assert ("卡西米罗夫", "Person") in got and ("卡西米", "Person") not in got


def test_foreign_name_after_a_state_title():
    assert ("塔米拉诺", "Person") in found("总统塔米拉诺今天会见了代表团。", "rules")


def test_dictionary_name_without_a_chinese_surname_next_to_a_cue():
    assert ("索科洛夫", "Person") in found("总理索科洛夫说，双方同意。", "rules")
    assert ("斯米尔诺夫", "Person") in found("斯米尔诺夫表示，合作很好。", "rules")


def test_words_tagged_as_names_that_are_two_words_are_no_person():
    assert not {c for c, cls in found("他鼓励下岗职工努力实现再就业。", "rules") if cls == "Person"}


def test_country_before_a_title_is_no_given_name(model_says):
    text = "应加纳总统邀请，他将出访。"
    got = model_says(text, ("应加纳", "person"))
    assert ("加纳", "AdministrativeRegion") in got and ("应加纳", "Person") not in got


def test_conjunction_before_a_form_of_address_is_no_part_of_the_name():
    got = found("省长王建和夫人出席了晚会。", "rules")
    assert ("王建", "Person") in got and ("王建和", "Person") not in got


def test_model_place_that_is_a_dictionary_name_before_a_title_is_a_person(model_says):
    text = "我们同索科洛夫总统交换了意见。"
    assert ("索科洛夫", "Person") in model_says(text, ("索科洛夫", "location"))


# ------------------------------------------------------------------------------------------- organisations


def test_name_starts_after_a_preposition_jieba_glued_to_it():
    got = found("此案一审由县纪委负责办理。", "rules")
    assert ("县纪委", "PartyOrganization") in got and ("一审由县纪委", "PartyOrganization") not in got


def test_names_joined_by_a_conjunction_inside_are_not_trimmed():
    got = {t for t, _ in found("岳阳市发展和改革委员会今天发布通知。", "rules")}
    assert "岳阳市发展和改革委员会" in got and "改革委员会" not in got
    got = {t for t, _ in found("省环境研究与发展中心今天成立。", "rules")}
    assert "发展中心" not in got


def test_bank_names_jieba_knows_are_found_though_their_stem_is_a_common_word():
    assert ("建设银行", "Enterprise") in found("市民可到建设银行各网点办理。", "rules")
    assert ("中国农业银行湘潭分行", "Enterprise") in found("中国农业银行湘潭分行向企业发放贷款。", "rules")


def test_generic_bank_words_are_no_names():
    got = found("全国17家商业银行发行了理财产品，中央银行表示关注。", "rules")
    assert not {t for t, cls in got if cls == "Enterprise"}


def test_country_inside_a_known_medium_stays_part_of_it():
    got = found("据中国新闻网报道，会议今天召开。", "rules")
    assert ("中国新闻网", "Organization") in got and ("中国", "AdministrativeRegion") not in got


def test_model_person_that_is_a_frequent_common_word_is_dropped(model_says):
    assert ("丛书", "Person") not in model_says("这套丛书很受欢迎。", ("丛书", "person"))


def test_common_word_after_a_role_word_may_be_a_name(model_says):
    assert ("海燕", "Person") in model_says("本报记者海燕报道，会议今天召开。", ("海燕", "person"))


def test_surname_and_post_is_a_form_of_address(model_says):
    assert ("王总理", "Person") not in model_says("王总理今天出席了会议。", ("王总理", "person"))


def test_country_then_city_in_one_model_span_gives_both(model_says):
    got = model_says("代表团访问了芬兰赫尔辛基。", ("芬兰赫尔辛基", "location"))
    assert {("芬兰", "AdministrativeRegion"), ("赫尔辛基", "AdministrativeRegion")} <= got
    got = model_says("暴雨袭击了芬兰东部。", ("芬兰东部", "location"))
    assert ("芬兰", "AdministrativeRegion") in got and ("东部", "AdministrativeRegion") not in got


def test_country_dash_organisation_is_one_name(model_says):
    got = model_says("冰岛—中国友好协会主席出席了会议。", ("冰岛", "location"), ("中国友好协会", "org"))
    assert ("冰岛—中国友好协会", "Organization") in got
    got = model_says("冰岛—中国协会主席出席了会议。", ("冰岛—中国协会", "org"))
    assert ("冰岛—中国协会", "Organization") in got


def test_foreign_name_before_a_speech_verb_is_not_cut_to_a_chinese_name():
    got = found("卡沙莫特介绍说，项目进展顺利。", "rules")
    assert ("卡沙莫特", "Person") in got and ("沙莫特", "Person") not in got


def test_country_before_a_speech_verb_is_no_person():
    assert ("西班牙", "Person") not in found("西班牙说，它将参加比赛。", "rules")


def test_description_ending_in_enterprise_is_no_part_of_the_company_name():
    got = found("省级龙头企业湘鼎茶业集团有限公司投资建设新厂。", "rules")
    assert ("湘鼎茶业集团有限公司", "Enterprise") in got
    got = found("高新技术企业湖南恒睿科技有限公司落户园区。", "rules")
    assert ("湖南恒睿科技有限公司", "Enterprise") in got


def test_enterprise_as_a_business_line_stays_in_the_name():
    got = found("长沙恒钧企业管理咨询有限公司今天成立。", "rules")
    assert ("长沙恒钧企业管理咨询有限公司", "Enterprise") in got or ("恒钧企业管理咨询有限公司", "Enterprise") in got


def test_model_foreign_name_cut_short_is_taken_whole(model_says):
    got = model_says("卡洛斯诺夫今天抵达长沙。", ("卡洛斯诺", "person"))
    assert ("卡洛斯诺夫", "Person") in got and ("卡洛斯诺", "Person") not in got


def test_a_country_whose_name_starts_with_another_is_read_whole():
    from kg.extract.finders import country_before

    text = "几内亚比绍总统表示"
    assert country_before(text, text.index("总统"))
