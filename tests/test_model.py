"""kg.model.Offsets reads as the tuple of its values (what an article's offsets were before they were kept as runs)."""

import pickle
import random
from bisect import bisect_right

from kg.model import Article, Offsets, Text


def _values(rng: random.Random, rising: bool) -> list[int]:
    out, v = [], rng.randint(0, 5)
    for _ in range(rng.randint(0, 30)):
        v += rng.choice([1, 1, 1, 2, 5]) if rising or rng.random() > 0.1 else rng.choice([0, -3])
        out.append(v)
    return out


def test_offsets_read_as_their_tuple():
    rng = random.Random(7)
    for trial in range(2000):
        values = _values(rng, rising=trial % 2 == 0)
        o, t = Offsets(values), tuple(values)
        assert list(o) == values and len(o) == len(t) and o == t and hash(o) == hash(t)
        assert [o[i] for i in range(-len(t), len(t))] == [t[i] for i in range(-len(t), len(t))]
        assert o[2:7] == t[2:7] and o[::-2] == t[::-2]
        assert pickle.loads(pickle.dumps(o)) == o
        for start in range(-1, len(t) + 2):
            for end in range(start - 1, len(t) + 3):
                span = t[start:end]  # different raw indexes that no other character maps to
                expected = len(set(span)) >= end - start and all(t.count(v) == 1 for v in span)
                assert o.distinct(start, end) == expected, (values, start, end)
        for raw in range(-2, (max(t) if t else 0) + 3):
            for hi in range(len(t) + 1):
                if trial % 2 == 0:  # (bisect is defined on rising values only)
                    assert o.count_upto(raw, hi) == bisect_right(t, raw, 0, hi), (values, raw, hi)


def test_offsets_keep_runs_not_characters():
    o = Offsets([*range(10, 1010), *range(2000, 3000)])
    assert len(o) == 2000 and o[999] == 1009 and o[1000] == 2000
    assert len(pickle.dumps(o)) < 200  # two runs, not 2,000 numbers
    for bad in (2000, -2001):
        try:
            o[bad]
        except IndexError:
            continue
        raise AssertionError(bad)


def test_an_article_keeps_any_offsets_as_runs_and_maps_back_the_same():
    text = "标题\n正文一二三"
    raw = [0, 1, 5, 6, 7, 8, 9, 10, 11]  # the line break normalised away, the end last
    a = Article(id="x-0", source="x.txt", headline="标题", text=text, offsets=tuple(raw), body_start=3)
    assert isinstance(a.offsets, Offsets) and a.offsets == tuple(raw)
    as_tuple = Text(text, tuple(raw))
    for s in range(len(text)):
        for e in range(s, len(text) + 1):
            assert a.raw_span(s, e) == as_tuple.raw_span(s, e)
    for r in range(-1, 13):
        assert Text(text, a.offsets).index_of_raw(r) == as_tuple.index_of_raw(r)


def test_a_span_whose_raw_characters_another_character_maps_to_is_keyed_by_text_offsets():
    # a headline made from the body's first words maps to the body's raw characters: a name in both gets two keys
    text = "长沙市召开会议\n长沙市召开会议。"
    offsets = list(range(7)) + [7] + list(range(7)) + [7]
    a = Article(id="a", source="s.txt", headline="长沙市召开会议", text=text, offsets=offsets, body_start=8)
    assert a.span_key(0, 3) != a.span_key(8, 11)
    assert a.span_key(0, 3) == "t0-3"
    rising = Article(id="b", source="s.txt", headline="长沙", text="长沙\n长沙市", offsets=[0, 1, 2, 3, 4, 5], body_start=3)
    assert rising.span_key(3, 6) == "3-6"
