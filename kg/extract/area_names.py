"""A place name followed by a generic term of an area is one Place (某某 + 走廊, 东北 + 地区, 某某 + 高原).

Real news showed the class (issue #13): the learned model tags the name part as a region and the area term as a
second region or not at all (河西 | 走廊 of a corridor's name, 东北 of 东北地区), so the name was cut short or split in
two. The area terms are kind ``area`` of kg/extract/data/place_words.tsv. Before 地区 only a large region's name
(a Place by kg/extract/data/place_words.tsv: 东北, 中东) joins; a region or a peak only is located by it (香港地区
is Hong Kong); before a landform term (走廊, 高原, 平原) any place name joins.
"""

from __future__ import annotations

from .event_stems import at_end
from .finders import is_country
from .orgclass import area_words, place_word
from .rules import Candidate, Doc

__all__ = ["area_names"]

_LOCATIONS = ("AdministrativeRegion", "Place")
_ADMIN_AREAS = ("地区",)  # an area term that also follows administrative names as a mere locator


def area_names(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` (non-overlapping, sorted) with each place name and the area term right after it made one Place."""
    text, out = d.text, []
    skip = -1
    for i, c in enumerate(kept):
        if i == skip:
            continue
        joined = _joined(d, c, kept[i + 1] if i + 1 < len(kept) else None)
        if joined is None:
            out.append(c)
            continue
        new, used_next = joined
        out.append(new)
        if used_next:
            skip = i + 1
    return out


def _joined(d: Doc, c: Candidate, nxt: Candidate | None):
    text = d.text
    if c.cls not in _LOCATIONS or c.extractor == "country" or c.end >= len(text):
        return None
    if c.end not in d.starts and d.tokens[d.token_at(c.end)][0] < c.start:
        return None  # the area term's word begins before the name: no term of its own (东北地区 is one word)
    name = text[c.start:c.end]
    if len(name) < 2 or is_country(name) or name.endswith(area_words()):
        return None
    for w in area_words():
        e = c.end + len(w)
        if not text.startswith(w, c.end) or not at_end(d, e):
            continue
        if w in _ADMIN_AREAS and not place_word(name):
            return None  # 某县地区, 某峰地区: only a large region's name (东北, 中东) makes one name with 地区
        if nxt is not None and nxt.start < e and (nxt.start, nxt.end) != (c.end, e):
            return None  # another name begins inside the area term
        used = nxt is not None and (nxt.start, nxt.end) == (c.end, e)
        return Candidate(c.start, e, "Place", c.extractor, c.confidence, None), used
    return None
