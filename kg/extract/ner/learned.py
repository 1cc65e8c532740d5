"""Candidates from the learned NER model (:mod:`kg.extract.ner.network`), turned into ontology classes and cleaned by general
rules: administrative chains split with the gazetteer, organisations typed by their head word (heads.tsv),
list and conjunction glue cut (应急管理部、水利部; 张三和李四).

When the model is not installed, :func:`spans` returns None and prints one notice; extraction keeps to the rules.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from kg.extract import gazetteer
from kg.extract.rules import Candidate, is_han, rules

from .persons import (
    address_form,
    common_word,
    dotted,
    foreign_whole,
    function_tail,
    good_person,
    joined_places,
    person_end,
    tagged_person,
    transliterated,
    trims,
    untitled,
    word_start,
)

__all__ = ["available", "spans", "tag", "candidates", "merge", "head_class", "head_word"]

_notified = False


@lru_cache(maxsize=1)
def _model():
    from . import network as ner

    try:
        return ner.load()
    except (ner.ModelNotFound, ner.ModelError, ImportError) as e:
        global _notified
        if not _notified:
            _notified = True
            print(f"kg: learned NER off, rules only ({e})", file=sys.stderr)
        return None


def available() -> bool:
    """True when the model can be loaded (loads it)."""
    return _model() is not None


def tag(texts: list[str]) -> list[list[tuple[int, int, str]] | None]:
    """The model's spans of each of ``texts``, tagged in one batched pass (faster than one :func:`spans` each);
    None for each when the model is absent. The caller keeps them (kg.components: on the article's document)."""
    model = _model()
    if model is None:
        return [None] * len(texts)
    todo = [t for t in texts if t]
    found = iter(model.batch(todo) if todo else [])
    return [next(found) if t else [] for t in texts]


def spans(text: str) -> list[tuple[int, int, str]] | None:
    """The model's (start, end, label) spans of ``text``, or None when the model is absent."""
    model = _model()
    if model is None:
        return None
    return model.entities(text)


# ------------------------------------------------------------------------------- from model spans to classes


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, str], tuple[int, ...]]:
    heads = {h: cls for h, (cls, _) in rules().heads.items()}
    return heads, tuple(sorted({len(h) for h in heads}, reverse=True))


def head_class(name: str) -> str | None:
    """Class of the longest head word (heads.tsv) ``name`` ends with, if any."""
    heads, lens = _heads()
    for n in lens:
        if n < len(name) and name[-n:] in heads:
            return heads[name[-n:]]
    return None


def _split_glue(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a span at 、 and at a joiner word between two parts of at least two characters."""
    parts, p = [], s
    i = s
    while i < e:
        w = next((j for j in ("会同", "、", "vs", "VS", "和", "与", "及") if text.startswith(j, i)), None)
        if w and i - p >= 2 and e - (i + len(w)) >= 2 and (w not in "和与及" or _both_names(text, p, i, e)):
            parts.append((p, i))
            p = i + len(w)
            i = p
            continue
        i += 1
    parts.append((p, e))
    return parts


def _both_names(text: str, p: int, i: int, e: int) -> bool:
    """和/与/及 inside a person span: both sides look like names (surname first, 2-3 characters)."""
    sur = rules().surnames
    left, right = text[p:i], text[i + 1:e]
    return all(2 <= len(x) <= 3 and (x[0] in sur or x[:2] in sur) for x in (left, right))


def _region_parts(text: str, s: int, e: int) -> list[Candidate]:
    """A location span: a whole gazetteer chain -> one candidate per region; a chain then a rest -> the
    regions and the rest (typed by its head word); anything else -> one candidate. A trailing localizer
    (东部, 一带, 麓 ...) is cut off first."""
    for w in trims()[1]:
        if text.endswith(w, s, e) and e - len(w) - s >= 2:
            e -= len(w)
            break
    name = text[s:e]
    chain = gazetteer.split_chain(name)
    if chain:
        return [_region(s + a, s + b, r.code) for a, b, r in chain]
    for cut in range(len(name) - 1, 1, -1):
        chain = gazetteer.split_chain(name[:cut])
        if chain:
            rest = name[cut:]
            if len(rest) < 2:
                break
            if len(chain) == 1 and not _full_region(name[:cut]) and head_class(rest) == "Place":
                break  # 鄂州花湖机场: a place named with its region short form stays whole
            out = [_region(s + a, s + b, r.code) for a, b, r in chain]
            return out + _typed(text, s + cut, e, "location")
    return _typed(text, s, e, "location")


def _region(s: int, e: int, code: str | None) -> Candidate:
    return Candidate(s, e, "AdministrativeRegion", "ner", 0.85, code)


def _typed(text: str, s: int, e: int, label: str) -> list[Candidate]:
    name = text[s:e]
    head = head_class(name)
    if label == "location":
        if gazetteer.lookup(name):
            regs = gazetteer.lookup(name)
            return [_region(s, e, regs[0].code if len(regs) == 1 else None)]
        from kg.util.resources import words

        natural = name[-1] in words("landform_chars.txt")  # rivers, lakes, mountains are places
        cls = head if head in ("Place", "AdministrativeRegion") else (
            "Place" if head or natural else "AdministrativeRegion")
        return [Candidate(s, e, cls, "ner", 0.75)]
    if label == "company":
        return [Candidate(s, e, "Enterprise", "ner", 0.8)]
    cls = head if head in ("GovernmentBody", "PartyOrganization", "Organization", "Enterprise") else "Organization"
    return [Candidate(s, e, cls, "ner", 0.75)]


def candidates(text: str, found: list[tuple[int, int, str]] | None = None) -> list[Candidate] | None:
    """Model spans as typed candidates (None when the model is absent); ``found``: the spans when already tagged
    (:func:`tag`), else the model tags ``text`` here."""
    if found is None:
        found = spans(text)
    if found is None:
        return None
    out: list[Candidate] = []
    for s, e, label in found:
        s, e = _trim_marks(text, s, e)
        for a, b in _split_glue(text, s, e) if label in ("person", "org", "company", "location") else ():
            name = text[a:b]
            if len(name.strip()) < 2:
                continue
            if label == "person":
                if good_person(name):
                    out.append(Candidate(a, b, "Person", "ner", 0.8))
            elif label == "location":
                out += _region_parts(text, a, b)
            else:
                out += _typed(text, a, b, label)
    return joined_places(text, untitled(text, out))


_MARKS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〈": "〉"}
_CLOSING = {v: k for k, v in _MARKS.items()}


def _trim_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """A quote or bracket at the edge of a span without its partner inside it is no part of the name
    (某某孵化器” -> 某某孵化器)."""
    while e - s > 1 and text[e - 1] in _CLOSING and _CLOSING[text[e - 1]] not in text[s:e - 1]:
        e -= 1
    while e - s > 1 and text[s] in _MARKS and _MARKS[text[s]] not in text[s + 1:e]:
        s += 1
    return s, e


# ------------------------------------------------------------------------------- combining with the rules

JOINERS = ("会同", "和", "与", "及")  # words that join two names and may look like a region's first part
_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_REGIONS = ("AdministrativeRegion",)


def merge(d, kept: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Rules' non-overlapping candidates ``kept`` plus the model's ``found`` (non-overlapping too).

    A model span goes in where the rules found nothing. Where they overlap the rules win, except in these
    general cases: a person name the rules only saw part of (张家 of 张家平, 朝阳 of 谢朝阳); an organisation
    whose name the rules cut after its region prefix, parent body or a short noun (内蒙古 + 电管局, 教育部 + 某司,
    国网 + 某供电公司 -> one name); a place named with its region short form (鄂州 + 花湖机场); an
    organisation name the rules began too early, on a function word, verb or 会同 (时同俄罗斯队 -> 俄罗斯队);
    a rule name running over a list mark (甲队vs乙队). An administrative chain before a name and a company's
    region locator with a level word (…市) stay separate regions, as in the project's gold. Rule persons that
    are forms of address (王先生) are dropped; known media (media.txt) are added.

    Country names the rules found (kg/extract/data/countries.txt) stay regions, except inside a model organisation or
    place that begins with them (某国代表团) and in a country + city span (split in two); a model person span
    that is one frequent common word (丛书) or a surname with a post (江主席) is dropped; a prefecture short
    form that is also a word (合肥) is taken when the model reads it as a place.
    """
    text = d.text
    kept = [c for c in kept if not (c.cls == "Person" and address_form(text[c.start:c.end]))]
    kept = _split_listed(text, kept, found)
    owner = [-1] * (len(text) + 1)
    for i, c in enumerate(kept):
        for p in range(c.start, c.end):
            owner[p] = i
    drop: set[int] = set()
    add: list[Candidate] = []
    for m in found:
        m = tagged_person(d, m)
        if m.cls == "Person":
            m = foreign_whole(d, person_end(d, m))
            if common_word(d, m) or word_start(d, m):
                continue
        if _unsupported(d, m):
            continue
        inside = sorted({owner[p] for p in range(m.start, m.end) if owner[p] >= 0})
        if not inside:
            add.append(m)
            continue
        rs = [kept[i] for i in inside]
        if all(m.start <= r.start and r.end <= m.end for r in rs):
            new = _wider(d, m, rs)
        elif len(rs) == 1 and rs[0].start < m.start and rs[0].end == m.end:
            new = _later_start(d, m, rs[0])
        elif len(rs) == 1 and function_tail(d, m, rs[0]):
            new = [m]
        else:
            new = None
        if new is not None:
            drop.update(inside)
            add += new
    out = [c for i, c in enumerate(kept) if i not in drop] + add
    media = _media(d)
    in_media = {id(c) for c in out for m in media
                if c.extractor == "country" and m.start <= c.start and c.end <= m.end}
    out = [c for c in out if id(c) not in in_media]  # 中国 of 中国新闻网: the medium's name is whole
    taken = {p for c in out for p in range(c.start, c.end)}
    out += [c for c in media if not any(p in taken for p in range(c.start, c.end))]
    out.sort(key=lambda c: c.start)
    return [c for k, c in enumerate(out) if not _between_names(text, out, k)]


def _full_region(name: str) -> bool:
    from kg.extract.stems import is_full_region

    return is_full_region(name)


def _between_names(text: str, cands: list[Candidate], k: int) -> bool:
    """A region short form right between two person names is the word joining them (张三会同李四)."""
    c = cands[k]
    if c.cls != "AdministrativeRegion" or c.extractor != "gazetteer" or text[c.end - 1] in "省市县区州":
        return False
    before = cands[k - 1] if k > 0 else None
    after = cands[k + 1] if k + 1 < len(cands) else None
    return bool(before and after and before.cls == after.cls == "Person"
                and before.end == c.start and after.start == c.end)


def _media(d) -> list[Candidate]:
    """Known news media named without a suffix word (kg/ingest/data/media.txt), at word boundaries."""
    from kg.util.resources import words

    text, out = d.text, []
    for name in words("media.txt"):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if start in d.starts and (end in d.ends or end == len(text)):
                out.append(Candidate(start, end, "Organization", "gazetteer", 0.9))
            start = text.find(name, end)
    return out


def _split_listed(text: str, kept: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """A rule name running over a list mark (甲队vs乙队, 甲、乙) gives way to the model's parts inside it."""
    out = []
    for c in kept:
        name = text[c.start:c.end]
        listed = any(sep in name for sep in ("vs", "VS", "、"))  # rare: only then look for the parts
        parts = [m for m in found if c.start <= m.start and m.end <= c.end and m.cls == c.cls] if listed else []
        if parts:
            out += parts
        else:
            out.append(c)
    return out


def _unsupported(d, m: Candidate) -> bool:
    """Spans the rules know to be no name: a county short form or common word the gazetteer rules turned
    down (兴国 without its province), a bare agency or type word (城管局, 街道办事处, 应急管理部门)."""
    name = d.text[m.start:m.end]
    r = rules()
    if m.cls != "Person" and (_glued(d, m) or (m.cls in _ORGS and _cut_word(d, m))):
        return True
    if m.cls == "AdministrativeRegion" and name in r.regions:
        from kg.extract.stems import weak_region

        if any(reg.level in _CONFIRMED for reg in r.regions[name]):
            return False  # a city's short form that is also a word (合肥, 海口): the model's reading confirms it
        return name not in d.regions and weak_region(d, name)
    if m.cls in _ORGS:
        if name in r.generic or (name in r.heads and r.heads[name][1] != "alone"):
            return True
        head = _head_of(name)
        if head and r.heads[head][1] in ("agency", "body", "whole"):
            stem = name[: -len(head)]
            return stem in r.agency_stems or stem in r.generic
    return False


_CONFIRMED = ("province", "prefecture")


def _glued(d, m: Candidate) -> bool:
    """A complete name inside the span followed by a preposition, conjunction or verb (某某管理区以产业党支部,
    某学院合作设立某中心, 省农科院共建某中心): two things glued. A complete name ends in a head word, is a
    region, or is one word jieba knows as an organisation or abbreviation. (研究与发展中心 has none before 与.)"""
    toks = []
    k = d.token_at(m.start)
    while k < len(d.tokens) and d.tokens[k][0] < m.end:
        toks.append(d.tokens[k])
        k += 1
    if not toks or toks[0][0] != m.start:
        return False
    for i in range(1, len(toks)):
        before = d.text[m.start:toks[i][0]]
        whole = head_class(before) or before in rules().regions or (
            i == 1 and len(before) >= 3 and (d.tag(before) or "") in ("nt", "j"))
        if not whole:
            continue
        for _, _, w in toks[i:i + 2]:
            tag = d.tag(w) or ""
            if tag in ("v", "p", "c", "d") and (len(w) > 1 or tag != "v"):
                return True
    return False


def _cut_word(d, m: Candidate) -> bool:
    """The span starts or ends inside a dictionary word (深桂劳务协|作)."""
    return m.end not in d.cuts and m.end < len(d.text)


def head_word(name: str) -> str | None:
    """The longest head word (heads.tsv) ``name`` ends with, if any."""
    return _head_of(name)


def _head_of(name: str) -> str | None:
    heads, lens = _heads()
    return next((name[-n:] for n in lens if n < len(name) and name[-n:] in heads), None)


def _prefixed(name: str) -> bool:
    """Does ``name`` begin with a gazetteer region name?"""
    names = gazetteer.names()
    return any(name[:k] in names for k in range(2, min(len(name), 8)))


def _name_prefix(d, s: int, e: int) -> bool:
    """Is text[s:e] (at most 4 characters) made of whole nouns, the kind of word that begins a name?"""
    if e - s > 4 or s not in d.starts or e not in d.ends:
        return False
    k = d.token_at(s)
    while k < len(d.tokens) and d.tokens[k][0] < e:
        w = d.tokens[k][2]
        k += 1
        if (d.tag(w) or "n")[:1] not in "nj" or w in rules().stop or w in rules().generic:
            return False
    return True


def _wider(d, m: Candidate, rs: list[Candidate]) -> list[Candidate] | None:
    """Model span ``m`` covers rule candidates ``rs``: replacement candidates, or None to keep the rules."""
    text = d.text
    if (m.start, m.end) == (rs[0].start, rs[0].end) and len(rs) == 1:
        return None
    if m.cls in _ORGS + ("Place",) and any(r.extractor == "country" for r in rs):
        return _with_country(d, m, rs)
    if m.cls in _REGIONS and len(rs) == 1 and rs[0].extractor == "country" and rs[0].start == m.start:
        return _country_chain(d, m, rs[0])
    if m.cls == "Place":  # 鄂州花湖机场: an established place name keeps its region short form
        # (a zone the rules found by its head word, 某某新区 + 某某工业园, locates the place: it stays split)
        r0 = rs[0]
        if len(rs) == 1 and r0.cls in _REGIONS and r0.start == m.start and m.end - r0.end >= 3 \
                and text[r0.start:r0.end] not in rules().regions and head_class(text[r0.end:m.end]) == "Place":
            return [r0, Candidate(r0.end, m.end, "Place", m.extractor, m.confidence)]
        ok = (len(rs) == 2 and rs[0].cls in _REGIONS and rs[0].start == m.start and rs[1].cls == "Place"
              and rs[1].end == m.end and rs[0].end == rs[1].start and not _full_region(text[rs[0].start:rs[0].end])
              and text[rs[0].start:rs[0].end] in rules().regions)
        return [m] if ok else None
    if m.cls == "Person":
        if dotted(text[m.start:m.end]) and all(r.cls in _REGIONS and r.start > m.start for r in rs):
            return [m]  # 某马里·某某: a foreign name printed whole with a country inside it is one name
        foreign = transliterated(text[m.start:m.end])  # the rules saw part of a foreign name (某某某 of 某某某某某)
        ok = all((r.cls == "Person" and (r.extractor == "jieba" or foreign)) or
                 (r.cls in _REGIONS and r.start > m.start and r.extractor != "country") for r in rs)
        return [m] if ok and (m.end - m.start <= 4 or foreign) else None
    name = text[m.start:m.end]
    subunit = any(name.endswith(w) for w in trims()[2]) and any(r.cls in _ORGS and r.start == m.start for r in rs)
    if m.cls not in _ORGS or (head_class(name) is None and m.cls != "Enterprise" and not subunit):
        return None
    if any(r.cls not in _ORGS + _REGIONS for r in rs) or sum(r.cls in _ORGS for r in rs) > 1:
        return None
    p = m.start
    if rs[0].start > m.start and not _name_prefix(d, m.start, rs[0].start):
        return None
    if rs[0].start > m.start:  # 国网 + 常德供电公司: a short name-like prefix the rules left out
        p = rs[0].start
    for r in rs:  # no gap between candidates; only a tail after the last one
        if r.start != p:
            return None
        p = r.end
    regions = [r for r in rs if r.cls in _REGIONS]
    if len(regions) > 1 and any(r.cls in _ORGS for r in rs):
        return None  # an administrative chain before a name stays split (gazetteer)
    if rs[0].cls not in _REGIONS and rs[0].start == m.start and rs[0].end == m.end:
        return None
    if m.cls == "Enterprise" and regions and rs[-1].cls in _REGIONS and (
            text[regions[-1].end - 1] in "省市县区州" or regions[-1].extractor == "suffix"):  # …市, …镇 locate it
        if m.end - regions[-1].end >= 2:  # the region chain locates the company: keep it, add the company
            return list(rs) + [Candidate(regions[-1].end, m.end, "Enterprise", "ner", m.confidence)]
        return None
    if any(r.cls in _ORGS for r in rs) and regions and (m.cls == "Enterprise" or any(
            _prefixed(text[r.start:r.end]) for r in rs if r.cls in _ORGS)):
        return None  # the rules' name already has its own region prefix, or dropped a company's locator
    return [m]


def _country_chain(d, m: Candidate, r: Candidate) -> list[Candidate] | None:
    """A model place span made of a country and a place name (某国 + 某某市): the two, as a chain of regions,
    when the rest is one or more name words (unknown to the dictionary or tagged as names), not a common word
    (某国 + 首都某某, 某国 + 东部)."""
    k = d.token_at(r.end)
    if r.end not in d.starts or m.end - r.end < 2 or m.end not in d.ends:
        return None
    while k < len(d.tokens) and d.tokens[k][0] < m.end:
        w = d.tokens[k][2]
        k += 1
        tag = d.tag(w)
        if tag is not None and tag not in ("ns", "nr", "nrt", "nz") or not all(is_han(ch) for ch in w):
            return None
    return [r, Candidate(r.end, m.end, m.cls, m.extractor, m.confidence, m.code)]


DASHES = ("—", "－", "-", "–", "——")  # between two names joined into one (某国—中国)


def _with_country(d, m: Candidate, rs: list[Candidate]) -> list[Candidate] | None:
    """Model organisation or place ``m`` holding a country name the rules found: one name when the country
    (or two joined by a dash, 某国—中国友好协会) begins it and the rest begins on a noun and is no bare generic
    word (某国 + 代表团, 某国 + 参议院, 某国 + 某某集团; not 某国 + 同意, 某国 + 政府), or when the country stands
    in brackets inside it (某某（中国）有限公司)."""
    text = d.text
    rs = [r for r in rs if not (r.extractor == "country" and m.start < r.start and r.end < m.end
                                and text[r.start - 1] in "（(" and text[r.end] in "）)")]
    if not rs:
        return [m]
    while (len(rs) > 1 and rs[0].extractor == rs[1].extractor == "country"
           and text[rs[0].end:rs[1].start] in DASHES):
        rs = [Candidate(rs[0].start, rs[1].end, rs[0].cls, "country", rs[0].confidence)] + rs[2:]  # 某国—中国
    r0 = rs[0]
    if r0.extractor != "country" or r0.start != m.start or not _noun_rest(d, r0.end, m.end):
        return None
    rest = rs[1:]
    if not rest:
        return [m]
    if len(rest) == 1 and rest[0].start == r0.end and rest[0].end == m.end and rest[0].cls in _ORGS + ("Place",):
        return [Candidate(m.start, m.end, rest[0].cls, m.extractor, m.confidence)]
    return None


def _noun_rest(d, s: int, e: int) -> bool:
    rest = d.text[s:e]
    if len(rest) < 2 or s not in d.starts or rest in rules().generic:
        return False
    tag = d.tag(d.tokens[d.token_at(s)][2]) or "n"
    if tag[:1] in "pcdufrmqt":
        return False
    return tag[:1] != "v" or tag == "vn" or head_class(rest) is not None  # 某国 + 通用银行: a head word ends it


def _later_start(d, m: Candidate, r: Candidate) -> list[Candidate] | None:
    """Rule span ``r`` ends where model span ``m`` ends but starts earlier: take ``m`` when the part cut off
    holds a function word or verb (the rules reached too far left)."""
    if m.cls not in _ORGS or r.cls not in _ORGS + ("Place",) or m.cls == "Person":
        return None
    if d.text[r.start:m.start] in JOINERS:  # 县公安局会同县市场监管局: the verb, not 会同县
        return [Candidate(m.start, m.end, m.cls, m.extractor, m.confidence)]
    k = d.token_at(r.start)
    while k < len(d.tokens) and d.tokens[k][0] < m.start:
        s, e, w = d.tokens[k]
        k += 1
        if e > m.start:
            return None  # the model cut inside a word
        tag = d.tag(w) or ""
        if tag[:1] in ("p", "d", "c", "u", "v", "f", "t", "r", "m") and tag not in ("vn",):
            return [Candidate(m.start, m.end, r.cls, m.extractor, m.confidence)]
    return None
