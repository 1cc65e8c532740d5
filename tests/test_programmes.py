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
