"""A place name followed by a generic term of an area is one Place (某某 + 走廊, 某某 + 高原, 某某 + 盆地); a foreign
region followed by 地带 is one region (某某 + 地带).

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

__all__ = ["area_names", "strips"]

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
    return _area_tokens(d, [c for c in out if not _countries_counted(d.text[c.start:c.end], c)])


_STRIP = "地带"


def strips(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with a foreign region (no country, no region of China) and 地带 right after it, a word of its own,
    made one region (某某 + 地带: the strip, as the real gold writes it; the learned model tags the name alone). Run
    after kg.extract.finish, whose rules read the name alone."""
    from .rules import rules

    text, regions, out = d.text, rules().regions, []
    starts = {c.start for c in kept}
    for c in kept:
        e, name = c.end + len(_STRIP), text[c.start:c.end]
        if (c.cls == "AdministrativeRegion" and text.startswith(_STRIP, c.end) and c.end in d.starts and e in d.ends
                and len(name) >= 2 and name not in regions and not is_country(name)
                and not any(c.end <= p < e for p in starts)):
            c = Candidate(c.start, e, c.cls, c.extractor, c.confidence, None)
        out.append(c)
    return out


_COUNTS = "一二三四五六七八九十两几多数各诸"


def _countries_counted(name: str, c: Candidate) -> bool:
    """Is the model's region ``name`` a count of countries (三国, 四国, 某某某某 + 四国: countries by their one-character
    short forms and their number) or only such short forms (某某某: 英法德, 俄美)? A group of states, no one place
    (issue #13: held-out news, the model's regions 三国 after a list of three countries)."""
    from kg.util.resources import words

    from .foreign_regions import is_foreign_place

    if c.cls not in _LOCATIONS or c.extractor != "ner" or len(name) < 2 or is_country(name) or is_foreign_place(name):
        return False  # (巴黎: a city whose two characters are both short forms)
    initials = frozenset(words("country_initials.txt")) | {"中"}
    if name.endswith("国") and name[-2] in _COUNTS:
        return all(ch in initials for ch in name[:-2].rstrip(_COUNTS))
    return all(ch in initials for ch in name)


_NATURAL_ENDS = ("瀑布",)
# landform terms of place_words.tsv (kind area) that name one feature after a name the dictionary may not know; not the
# areas that follow ordinary words as often (情系 + 草原, 环省 + 海域, 科创 + 走廊)
_LANDFORMS = ("海峡", "高原", "盆地", "半岛", "群岛", "峡谷", "平原", "沙漠", "三角洲")  # natural features written as one dictionary word with no area term (某某瀑布)


def _area_tokens(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with each word jieba tags a place name (ns) that ends in an area term or 瀑布 (黄土高原, 某某流域,
    某某群岛, 某某瀑布) and is no region of the gazetteer (石景山区) a Place: retyped when a region span is exactly
    that word, added when nothing was found across it (issue #13: held-out stories, a plateau missed and a
    waterfall and an archipelago typed regions); likewise a place name or a word the dictionary does not know and
    a landform term as the next word (某某 + 海峡, 某某 + 高原) where nothing was found."""
    from .rules import rules

    regions, ends = rules().regions, area_words() + _NATURAL_ENDS
    spans = {(c.start, c.end): i for i, c in enumerate(kept)}
    out, added = list(kept), []
    for k, (s, e, w) in enumerate(d.tokens):
        if d.tag(w) != "ns" or w in regions or is_country(w) or not w.endswith(ends) \
                or len(w) - len(next(x for x in ends if w.endswith(x))) < 2:
            continue
        i = spans.get((s, e))
        if i is not None:
            if out[i].cls == "AdministrativeRegion":
                c = out[i]
                out[i] = Candidate(s, e, "Place", c.extractor, c.confidence, None)
        elif not any(c.start < e and s < c.end for c in kept) and not _named_after(d, k):
            added.append(Candidate(s, e, "Place", "jieba", 0.7))
    for k in range(1, len(d.tokens)):
        s, e, w = d.tokens[k - 1]
        _s, e2, term = d.tokens[k]
        if (term in _LANDFORMS and len(w) >= 2 and d.tag(w) in (None, "ns")
                and all("\u4e00" <= ch <= "\u9fff" for ch in w) and w not in regions and not is_country(w)
                and not any(ch in rules().stop for ch in w) and not any(c.start < e2 and s < c.end for c in kept + added)
                and not _named_after(d, k)):
            added.append(Candidate(s, e2, "Place", "jieba", 0.7))  # 某某 + 海峡, 某某 + 高原: one Place
    return sorted(out + added, key=lambda c: (c.start, c.end)) if added else out


def _named_after(d: Doc, k: int) -> bool:
    """Does a body's or place's head word (heads.tsv: 中心, 研究院) end one of the few words after token ``k``
    in the same clause (某某三角洲 + 现代农业技术创新中心): the area begins a longer name there, no Place of its own?"""
    from .rules import is_han, rules

    heads = rules().heads
    for _, _, w in d.tokens[k + 1:k + 6]:
        if not is_han(w[0]):
            return False
        if len(w) >= 2 and any(w.endswith(h) for h in (w, w[-2:]) if h in heads):
            return True
    return False


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
