"""A place name followed by a generic term of an area is one Place (某某 + 走廊, 某某 + 高原, 某某 + 盆地).

Real news showed the class (issue #13): the learned model tags the name part as a region and the area term as a
second region (某某 | 走廊 of a corridor's name), so the name was split in two. The area terms are kind ``area`` of
kg/extract/data/place_words.tsv. 地区 is no such term: the real gold keeps 东北地区 whole, but People's Daily 1998 and
MSRA tag the name before it alone (joining it lost 4 and 13 true positives on their first 1,000 sentences).
"""

from __future__ import annotations

from .event_stems import at_end
from .finders import is_country
from .orgclass import area_words
from .rules import Candidate, Doc

__all__ = ["area_names"]

_LOCATIONS = ("AdministrativeRegion", "Place")


def area_names(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` (non-overlapping, sorted) with each place name and the area term right after it made one Place."""
    out: list[Candidate] = []
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
        if nxt is not None and nxt.start < e and (nxt.start, nxt.end) != (c.end, e):
            return None  # another name begins inside the area term
        used = nxt is not None and (nxt.start, nxt.end) == (c.end, e)
        return Candidate(c.start, e, "Place", c.extractor, c.confidence, None), used
    return None
