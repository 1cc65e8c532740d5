"""Quoted programme names (kg.extract.programmes), on invented sentences."""

import pytest

from kg.extract.programmes import quoted_initiatives
from kg.extract.rules import Doc


def _found(text):
    return {text[c.start:c.end] for c in quoted_initiatives(Doc(text)) if c.cls == "Initiative"}


@pytest.mark.parametrize("text, name", [
    ("全县开展“青山常在、绿水长流”主题活动。", "青山常在、绿水长流"),
    ("全县开展“青山常在，绿水长流”主题教育。", "青山常在，绿水长流"),
    ("全市开展“放歌青山 福满万家”活动。", "放歌青山 福满万家"),
])
def test_a_theme_of_two_phrases_before_a_campaign_word_names_it(text, name):
    assert name in _found(text)


def test_a_quoted_sentence_before_no_campaign_word_is_no_name():
    assert not _found("他说：“青山常在，绿水长流。”大家鼓掌。")


@pytest.mark.parametrize("text, name", [
    ("“青山湖国际茶文化研讨会”在青山举行。", "青山湖国际茶文化研讨会"),
    ("以“中芬友好年”为契机，深化合作。", "中芬友好年"),
    ("代表团参观“山水有约——青山百年成就展”。", "山水有约——青山百年成就展"),
    ("“青山2021—最美园丁发布仪式”今晚播出。", "青山2021—最美园丁发布仪式"),
])
def test_a_quote_ending_in_an_event_word_is_the_events_whole_name(text, name):
    assert name in _found(text)


def test_a_dash_before_a_theme_or_a_show_in_book_marks_stays_a_break():
    assert not _found("大会主题为“青山绿水——基于自然的发展解决方案”。")
    assert not _found("正在播出的《青山汉字听写大会》引发热议。")


def test_the_honour_before_a_ceremony_is_no_initiative():
    assert not _found("2023年“青山工匠年度人物”发布仪式今晚播出。")


def test_an_edition_year_with_a_dot_is_left_out():
    assert "中芬人权研讨会" in _found("“2024·中芬人权研讨会”在青山举行。")


def test_a_quoted_campaign_before_the_body_that_runs_it_is_named():
    assert _found("全国“清网护苗”办公室负责人表示，将加强检查。") == {"清网护苗"}
    assert _found("各地成立“青山绿水”工作协调小组。") == {"青山绿水"}
    assert not _found("成立“一对一”工作组，帮助企业。")  # a short count is a way of working, no campaign


@pytest.mark.parametrize("text", ["随后，李明宣布博览会开幕。", "后，韩国国内抗议活动不断。"])
def test_a_clause_verb_before_an_event_word_names_no_event(text):
    from kg.extract.programmes import _unquoted_initiatives
    assert not _unquoted_initiatives(Doc(text))
