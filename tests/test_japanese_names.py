"""Japanese full names cut to the surname, one character short or begun inside the surname (issue #14), each on
invented text: the common two-character surname (kg/extract/data/japanese_surnames.txt) and two given characters
make the name in a story naming Japan or after a Japanese title; a function word, speech verb, time word or
numeral and measure after the surname is no given name."""

from invented import found


def _persons(got):
    return {t for t, c in got if c == "Person"}


def test_a_name_cut_to_its_surname_after_a_title_is_made_whole(model_says):
    got = model_says("日本前经济产业大臣高桥万里为候选人助选。", ("高桥", "person"))
    assert "高桥万里" in _persons(got) and "高桥" not in _persons(got)
    got = model_says("前法务大臣佐藤秋明因与财团交往辞职。", ("佐藤", "person"))
    assert "佐藤秋明" in _persons(got)


def test_a_name_one_character_short_runs_on(model_says):
    got = model_says("日中友好协会会长小林纮一在新年会上说，两国关系重要。", ("小林纮", "person"))
    assert "小林纮一" in _persons(got)
    got = model_says("日本侵华战犯石井和男的供词显示，罪行属实。", ("石井和", "person"))
    assert "石井和男" in _persons(got)


def test_a_name_begun_inside_its_surname_gets_the_whole_surname(model_says):
    got = model_says("日本首相山田春树与来访的总统会谈。", ("田春树", "person"))
    assert "山田春树" in _persons(got) and "田春树" not in _persons(got)


def test_a_surname_alone_before_a_verb_time_word_or_numeral_stays_alone(model_says):
    assert "佐藤" in _persons(model_says("日本首相佐藤表示，愿意合作。", ("佐藤", "person")))
    assert "佐藤" in _persons(model_says("日本外相佐藤当天会见了代表团。", ("佐藤", "person")))
    assert "佐藤" in _persons(model_says("日本外相佐藤一行抵达北京。", ("佐藤", "person")))
    got = model_says("日本外相佐藤和铃木会谈。", ("佐藤", "person"), ("铃木", "person"))
    assert {"佐藤", "铃木"} <= _persons(got)


def test_no_japanese_name_without_japan_or_a_japanese_title(model_says):
    got = model_says("地区专员和田春明在会上讲话。", ("和田", "person"))
    assert "和田春明" not in _persons(got)


def test_the_rules_alone_make_the_name_whole():
    assert "高桥万里" in _persons(found("日本前经济产业大臣高桥万里为候选人助选。", "rules"))


def test_a_japanese_name_after_a_title_is_found_where_the_model_finds_none(model_says):
    got = model_says("日本外务大臣中村健治说，日方愿意合作。")
    assert "中村健治" in _persons(got)
    assert "中村" not in _persons(model_says("日本外务大臣中村表示，日方愿意合作。"))


def test_a_name_whose_surname_no_list_holds_is_made_whole_after_a_japanese_title(model_says):
    got = model_says("日本召回驻某国大使武岛正敏，强烈抗议。", ("武岛", "person"))
    assert "武岛正敏" in _persons(got) and "武岛" not in _persons(got)
    got = model_says("会见日本国会众议院副议长海仓田万里。", ("海仓田", "person"))
    assert "海仓田万里" in _persons(got)
    got = model_says("中国驻某国大使程永华夫妇出席。", ("程永华", "person"))  # no Japan named
    assert "程永华" in _persons(got)
