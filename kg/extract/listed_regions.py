"""Foreign places in a list of places: a name between regions in a 、-list (某地、某地、某某和某地) is a region like
its neighbours, whatever the learned model called it (a foreign city read as a person, 罗马; or as a place, 喀山),
and a bare item of such a list that nothing found (a transliterated city the model missed) is one too.

Real news lists the cities and countries of a tour or an event this way (issue #13); the model reads each item by
its own context, and an unfamiliar foreign name in a list is as often read as a person.

>>> from kg.extract.rules import Candidate, Doc
>>> t = "访问了巴黎、柏林、罗马和马德里。"
>>> kept = [Candidate(3, 5, "AdministrativeRegion", "ner", .8), Candidate(6, 8, "AdministrativeRegion", "ner", .8),
...         Candidate(9, 11, "Person", "ner", .8), Candidate(12, 15, "AdministrativeRegion", "ner", .8)]
>>> [(t[c.start:c.end], c.cls) for c in listed_regions(Doc(t), kept)][2]
('罗马', 'AdministrativeRegion')
"""

from __future__ import annotations

from .rules import Candidate, Doc, is_han, rules

__all__ = ["listed_regions"]

_SEPARATORS = ("、", "和", "及", "与")
_REGION = "AdministrativeRegion"
_MIN_REGIONS = 2  # regions in the list besides the item: one neighbour is no evidence


def listed_regions(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` (non-overlapping, sorted) with the persons and places the model found inside a list of regions
    made regions, and the list's bare transliterated items added as regions."""
    text = d.text
    out = list(kept)
    runs: list[list[int]] = []
    for k, c in enumerate(out):
        if runs and text[out[runs[-1][-1]].end:c.start] in _SEPARATORS:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        regions = sum(out[k].cls == _REGION for k in run)
        for k in run:
            c = out[k]
            if (c.cls in ("Person", "Place") and c.extractor == "ner" and regions >= _MIN_REGIONS
                    and regions > len(run) - regions
                    and (_foreign(d, c.start, c.end) or c.cls == "Place" and _bare_place(d, c.start, c.end))):
                out[k] = Candidate(c.start, c.end, _REGION, c.extractor, c.confidence, c.code)
    return sorted(out + _bare_items(d, out), key=lambda c: c.start)


def _foreign(d: Doc, s: int, e: int) -> bool:
    """Is text[s:e] a transliterated name (2-6 transliteration characters), not a Chinese word or name?"""
    from .people import transliteration_chars

    name = d.text[s:e]
    chars = transliteration_chars()
    return 2 <= len(name) <= 6 and all(ch in chars for ch in name) and (d.tag(name) or "ns") in ("ns", "nr", "nrt")


def _bare_place(d: Doc, s: int, e: int) -> bool:
    """A short place name with no place head or area word (喀山, read as a place for its last character)."""
    from .ner.learned import head_class
    from .orgclass import place_word

    name = d.text[s:e]
    return 2 <= len(name) <= 4 and head_class(name) is None and not place_word(name) and d.tag(name) in (None, "ns")


def _bare_items(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Items of a 、-list of regions that no candidate covers: 某地、[某某]、某地 (the item between two regions,
    a whole word or words of transliteration characters, and the list ending in regions on both sides)."""
    text, out = d.text, []
    for k, c in enumerate(kept):  # the last item after 和/及: 某地、某地和[某某]
        p = c.end + 1
        if (c.cls == _REGION and k and kept[k - 1].cls == _REGION and text[kept[k - 1].end:c.start] == "、"
                and text[c.end:p] in ("和", "及") and p in d.starts and (k + 1 == len(kept) or kept[k + 1].start > p)):
            _, e, _ = d.tokens[d.token_at(p)]
            if (k + 1 == len(kept) or kept[k + 1].start >= e) and _foreign(d, p, e):
                out.append(Candidate(p, e, _REGION, "ner", 0.6))
    for a, b in zip(kept, kept[1:]):
        if a.cls != _REGION or b.cls != _REGION or b.start - a.end < 4:
            continue
        gap = text[a.end:b.start]
        if gap[0] != "、" or gap[-1] not in "、和及" or gap.count("、") + (gap[-1] != "、") != 2:
            continue
        s, e = a.end + 1, b.start - 1
        if (s in d.starts and e in d.ends and all(is_han(ch) for ch in text[s:e]) and _foreign(d, s, e)
                and text[s:e] not in rules().stop):
            out.append(Candidate(s, e, _REGION, "ner", 0.6))
    return out
