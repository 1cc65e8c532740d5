"""Last clean-up of the kept candidates, whichever rule or model found them: edges of model spans moved to word
boundaries, words that name nothing dropped, classes by name (:mod:`kg.orgclass`).

Real news showed these error classes (issue #13): a model span that starts inside a transliterated name
(旦河西岸 of 约旦河西岸) or ends inside the next word (珠峰 + 海拔); a person glued to the conjunction before it
(和 + 某某); a side in talks (中方); two country short forms (中某, 中某关系).
"""

from __future__ import annotations

import re

from . import orgclass
from .finders import is_country
from .rules import Candidate, Doc, is_han, rules
from .stems import is_full_region

__all__ = ["finish"]

_NAME_TAGS = ("ns", "nr", "nrt", "nz", "nt")
_CONJ = "和与同及"
_SIDE = re.compile(r"[\u4e00-\u9fff]方")  # 中方, 美方, 双方: a side in talks, no name (decision 22)
_RELATION = "关系"


def finish(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` (non-overlapping, sorted) with edges fixed, non-names dropped and classes by name."""
    out: list[Candidate] = []
    for i, c in enumerate(kept):
        prev_end = out[-1].end if out else 0
        c = _edges(d, c, prev_end)
        if c is None or _no_name(d, c):
            continue
        out.append(_classed(d.text, c))
    return out


def _edges(d: Doc, c: Candidate, prev_end: int) -> Candidate | None:
    text = d.text
    if c.cls == "Person":
        name = text[c.start:c.end]
        if name[0] in _CONJ and c.end - c.start >= 3 and c.start > 0 and text[c.start - 1] not in "，、。 ":
            rest = name[1:]
            if rest in rules().cue_before:
                return None  # 同 + 总理: a conjunction and a title
            c = Candidate(c.start + 1, c.end, c.cls, c.extractor, c.confidence, c.code)
        if c.start > 0 and text[c.start - 1] == "在" and name.endswith("中"):
            return None  # 在 + 某某 + 中: a place in a document or event, no person
        c = _joined(d, c)
    if c.extractor != "ner":
        return c
    s, e, w = d.tokens[d.token_at(c.start)]
    if s < c.start < e and all(is_han(ch) for ch in w) and s >= prev_end:
        if d.tag(w) in _NAME_TAGS and e <= c.end and _name_part(text[s:c.start]):
            c = Candidate(s, c.end, c.cls, c.extractor, c.confidence, c.code)  # 旦河西岸 -> 约旦河西岸
        elif c.cls == "Person" and d.tag(w) not in _NAME_TAGS:
            return None  # 育强国 of 教育强国: starts inside a common word
    if c.cls in ("AdministrativeRegion", "Place") and c.end < len(text):
        s, e, w = d.tokens[d.token_at(c.end - 1)]
        if s < c.end < e and d.tag(w) not in _NAME_TAGS:
            if s - c.start < 2:
                return None
            c = Candidate(c.start, s, c.cls, c.extractor, c.confidence, c.code)  # 珠峰 + 海拔
    return c


_JOINS = "-－‐·•"


def _joined(d: Doc, c: Candidate) -> Candidate:
    """A foreign name goes on after a hyphen or middle dot with two or more transliteration characters
    (某某-某某某, 某某·某某): the whole name."""
    from .people import transliteration_chars

    text, chars, e = d.text, transliteration_chars(), c.end
    while e + 2 < len(text) and text[e] in _JOINS:
        q = e + 1
        while q < len(text) and q - e <= 6 and text[q] in chars:
            q += 1
        if q - e - 1 < 2:
            break
        e = q
    return c if e == c.end else Candidate(c.start, e, c.cls, c.extractor, c.confidence, c.code)


def _name_part(prefix: str) -> bool:
    """Can ``prefix`` (the part of a dictionary name before the model's span) begin a name: no function word
    or stop character (当 + 某某, 由西向东)?"""
    r = rules()
    return prefix not in r.stop and prefix[0] not in r.stop and prefix[0] not in r.name_stop


def _no_name(d: Doc, c: Candidate) -> bool:
    """Words that name no entity whatever found them: a side (中方, 某方), a bare 中央, two country short forms
    glued (中某 from the model, 中某关系)."""
    name = d.text[c.start:c.end]
    if _SIDE.fullmatch(name) or name == "中央":
        return True
    if name.endswith(_RELATION) and len(name) <= 4:
        return True
    return (c.extractor == "ner" and len(name) == 2 and name[0] == "中" and name not in rules().regions
            and not is_country(name) and not orgclass.place_word(name))


def _classed(text: str, c: Candidate) -> Candidate:
    """An organisation's class by how its name begins or ends (:func:`kg.orgclass.classed`); a location that
    is a landform, a venue or a large region (:func:`kg.orgclass.place_word`) is a Place."""
    name = text[c.start:c.end]
    cls = orgclass.classed(name, c.cls)
    if cls == "AdministrativeRegion" and orgclass.place_word(name) and not is_full_region(name):
        cls = "Place"
    return c if cls == c.cls else Candidate(c.start, c.end, cls, c.extractor, c.confidence, c.code)
