"""kg.extract.people.dotted_names: the last part of a dotted name stops before a word of the sentence (invented text)."""

from kg.extract.people import dotted_names
from kg.extract.rules import Doc


def _names(text: str) -> list[str]:
    d = Doc(text)
    return [text[s:e] for s, e in dotted_names(d)]


def test_the_last_part_stops_before_a_common_word():
    assert _names("候选人玛丽亚·罗塞夫得票率超过半数。") == ["玛丽亚·罗塞夫"]
    assert _names("护士安娜·罗梅罗体内的病毒已被清除。") == ["安娜·罗梅罗"]


def test_a_last_part_of_rare_words_stays_whole():
    assert _names("代表阿不都·热合曼出席会议。") == ["阿不都·热合曼"]


def test_a_body_named_after_a_dotted_name_is_no_person():
    assert _names("记者采访了卡尔·施密特国际学者中心的专家。") == []


def test_a_nations_ren_glued_to_the_first_part_is_no_part_of_the_name():
    assert _names("任教的美国人安妮·罗塞特救助了平民。") == ["安妮·罗塞特"]
