"""Recall classes found by mining real news with a second model's disagreements (issue #13, 2026-12-07: Baidu LAC
run offline over 2,000 stories, its spans that kg had no mention for grouped by shape), each on invented text."""

from invented import found


def test_a_foreign_city_after_its_country_or_a_part_word_is_a_region():
    got = found("专家在奥地利维也纳开会。土耳其北部城市伊斯坦布尔下雪了，日本大阪举办展览。", "rules")
    assert {("维也纳", "AdministrativeRegion"), ("伊斯坦布尔", "AdministrativeRegion"),
            ("大阪", "AdministrativeRegion")} <= got
    assert ("大阪", "AdministrativeRegion") in found("日本大阪要求延长措施。", "rules")
    assert ("西南", "AdministrativeRegion") not in found("日本西南降雨增多。", "rules")  # a word of the list: no city


def test_a_foreign_city_keeps_its_level_word_but_not_a_title_after_it():
    got = found("叙利亚北部伊德利卜发生冲突。记者来到伊德利卜省东部。", "rules")
    assert {("伊德利卜", "AdministrativeRegion"), ("伊德利卜省", "AdministrativeRegion")} <= got
    got = found("美国首都华盛顿举行集会。华盛顿市长表示关切。", "rules")
    assert ("华盛顿", "AdministrativeRegion") in got and not any(t.startswith("华盛顿市") for t, _ in got)


def test_a_city_glued_to_the_next_name_is_not_cut_out_of_it():
    assert not any(t == "阿拉" for t, _ in found("印尼阿拉扎大学的学生来访。", "rules"))


def test_a_long_transliterated_name_the_model_finds_is_a_person_next_to_a_role_word(model_says):
    text = "会见了马丁内斯、卡洛斯德维尔、罗德里格斯。"  # list commas (a title or speech verb before it: rules find it too)
    assert ("卡洛斯德维尔", "Person") in model_says(text, ("卡洛斯德维尔", "person"))
    assert not any(c == "Person" for _, c in found(text, "rules"))  # no rule finds it: the model's span is kept
    # no role word or speech verb next to it: as often a club's or a town's name
    assert ("卡洛斯德维尔", "Person") not in model_says("客队卡洛斯德维尔迎来三连胜。", ("卡洛斯德维尔", "person"))
    # a Russian-style place ending, or two names joined by 和, are no one person
    assert ("诺沃格罗斯克", "Person") not in model_says("顾问诺沃格罗斯克方向。", ("诺沃格罗斯克", "person"))
    assert ("丁和维吉尔", "Person") not in model_says("诗人但丁和维吉尔说。", ("丁和维吉尔", "person"))
    # two names the dictionary knows, written together, are not one person
    assert ("马克思恩格斯", "Person") not in model_says("学习马克思恩格斯的著作。", ("马克思恩格斯", "person"))


def test_a_county_short_form_right_after_its_province_is_a_region():
    # 监利 is also a dictionary word: alone it needs its prefecture named; right after its province it is the county
    assert ("监利", "AdministrativeRegion") in found("记者来到湖北监利采访。", "rules")
    assert ("正定", "AdministrativeRegion") in found("河北正定的麦田。", "rules")
    assert ("监利", "AdministrativeRegion") not in found("记者来到河北监利采访。", "rules")  # not its province


def test_a_rare_proper_word_after_a_state_title_is_the_leaders_name():
    assert ("普京", "Person") in found("俄总统普京22日表示支持。", "rules")
    assert ("普京", "Person") in found("俄罗斯总统普京现场参观了展览。", "rules")  # a common noun after it ends it too
    assert not any(c == "Person" for _, c in found("美国总统选举结果公布。", "rules"))
    assert not any(t == "英斯" for t, _ in found("州长英斯利表示关切。", "rules"))  # a piece of a longer name
    assert not any(c == "Person" for _, c in found("又称国王海滩。", "rules"))  # a landform's word


def test_a_model_person_ending_inside_a_frequent_adjective_is_no_person(model_says):
    assert not any(c == "Person" for _, c in model_says("我们要弘扬伟大精神。", ("弘扬伟", "person")))
