"""kg.util.sentences: the one sentence splitter and its variants."""

from kg.util.sentences import sentence_start, sentences


def test_plain_sentences_cover_the_text():
    text = "甲说。乙；丙！\n丁"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["甲说。", "乙；", "丙！", "\n", "丁"]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert sentences("") == [] and sentences("无标点") == [(0, 3)]


def test_without_semicolons_a_clause_stays_in_its_sentence():
    text = "甲；乙。丙"
    assert [text[s:e] for s, e in sentences(text, semicolons=False)] == ["甲；乙。", "丙"]
    assert sentence_start(text, 2) == 2 and sentence_start(text, 2, semicolons=False) == 0
    assert sentence_start(text, 4, semicolons=False) == 4


def test_runs_keep_marks_and_closing_quotes_together():
    text = "他说：“好。”又走了！！\n再见"
    got = [text[s:e] for s, e in sentences(text, runs=True, closing=True)]
    assert got == ["他说：“好。”", "又走了！！", "\n", "再见"]
    assert [text[s:e] for s, e in sentences(text, runs=True)][:2] == ["他说：“好。", "”又走了！！"]
    assert [text[s:e] for s, e in sentences(text)][:3] == ["他说：“好。", "”又走了！", "！"]
