"""Reconciliation of the rules' candidates with the learned model's (:mod:`kg.extract.ner.learned`): where they
overlap the rules win, except in the general cases :func:`merge` lists.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extract import gazetteer
from kg.extract.ner.learned import head_class, head_word
from kg.extract.ner.persons import (
    address_form,
    common_word,
    dotted,
    foreign_whole,
    function_tail,
    person_end,
    tagged_person,
    transliterated,
    trims,
    word_start,
)
from kg.extract.bodies import state_body
from kg.extract.head_rules import is_country
from kg.extract.orgclass import classed, place_word
from kg.extract.rules import Candidate, is_han, rules
from kg.extract.stems import is_full_region as _full_region

__all__ = ["clause_inside", "merge", "BANKS", "JOINERS", "DASHES"]


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
        if m.cls in _PLACES:
            m = _whole_word(d, m)
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


def _named(rest: str) -> bool:
    """Is ``rest`` a known medium (kg/ingest/data/media.txt) or a known body (known_bodies.tsv)?"""
    from kg.extract.known_bodies import known_class
    from kg.util.resources import words

    return rest in words("media.txt") or known_class(rest) is not None


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
    if m.cls in _PLACES and _cut_place(d, m):
        return True
    if m.cls == "AdministrativeRegion" and name in _urban_words():
        return True  # 城区, 老城区, 开发区: a kind of urban area the gazetteer also has as a name (region_stop.txt)
    if m.cls == "AdministrativeRegion" and name in r.regions:
        from kg.extract.stems import weak_region

        if any(reg.level in _CONFIRMED for reg in r.regions[name]):
            return False  # a city's short form that is also a word (合肥, 海口): the model's reading confirms it
        return name not in d.regions and weak_region(d, name)
    if m.cls in _ORGS and _model_phrase(d, m, name):
        return True
    if m.cls in _ORGS:
        if name in r.generic or (name in r.heads and r.heads[name][1] != "alone"):
            return True
        head = head_word(name)
        if head and r.heads[head][1] in ("agency", "body", "whole"):
            stem = name[: -len(head)]
            return stem in r.agency_stems or stem in r.generic
    return False


_CONFIRMED = ("province", "prefecture")
_FREQUENT_VERB = 2000  # a one-character verb this frequent (开, 到) between a span's words makes it a clause


def _model_phrase(d, m: Candidate, name: str) -> bool:
    """An organisation the model found with no head word (heads.tsv) whose words make a phrase, no body's name:
    it ends in a title or post (某国 + 议长, 某国 + 外交大臣: title_cues.tsv, posts.txt), in a one-character locative
    (贺电 + 中, 会议 + 上: the place in a text), or holds a frequent one-character verb between its words (某地 + 开
    + 餐饮店: a clause; a longer verb may name a body's task: 某某 + 创新 + 联盟, 某乡劳动 + 保障 + 所). Real news
    showed the model's organisation labels on such phrases (issue #13); the rules' candidates inside the span
    stay (某国 of 某国议长)."""
    from kg.extract.name_shapes import ends_in_title

    if head_class(name) is not None:
        return False
    toks = [w for s, _, w in d.tokens[d.token_at(m.start):] if s < m.end]
    if len(toks) < 2:
        return False
    if ends_in_title(name) or (len(toks[-1]) == 1 and d.tag(toks[-1]) == "f"):
        return True
    return any(len(w) == 1 and d.tag(w) == "v" and d.freq(w) >= _FREQUENT_VERB and w not in rules().heads
               for w in toks[1:-1])


@lru_cache(maxsize=1)
def _urban_words() -> frozenset[str]:
    """The words of region_stop.txt that name a part of a town (城区, 老城区, 新城区, 郊区), not a place: the model
    tags them as regions where they mean the town's own parts (某市城区, 某城老城区). Zones (新区, 开发区, 高新区)
    are not among them: a bare 高新区 is the story's own zone, a name the gold keeps."""
    from kg.util.resources import words

    return frozenset(w for w in words("region_stop.txt") if w.endswith(("城区", "郊区")))


_UNIT_LEN = 6  # characters of a department's name after its body (禁毒支队, 基础教育司)


def _glued(d, m: Candidate) -> bool:
    """A complete name inside the span followed by a preposition, conjunction or verb (某某管理区以产业党支部,
    某学院合作设立某中心, 省农科院共建某中心): two things glued. A complete name ends in a head word, is a
    region, or is one word jieba knows as an organisation or abbreviation. (研究与发展中心 has none before 与.) A verb
    that makes a clause (clause_verbs.txt: 某方 + 愿同 + 中方, 某国 + 派出 + 医疗队) glues whatever stands before it."""
    toks = []
    k = d.token_at(m.start)
    while k < len(d.tokens) and d.tokens[k][0] < m.end:
        toks.append(d.tokens[k])
        k += 1
    if clause_inside(d, m.start, m.end):
        return True  # 某方 + 愿同 + 中方, 某国 + 派出 + 医疗队: a clause (clause_verbs.txt), wherever the span begins
    if not toks or toks[0][0] != m.start:
        return False
    for i in range(1, len(toks)):  # 某市公安局 + 禁毒支队: a department of the body, named by its task
        rest = d.text[toks[i][0]:m.end]
        if (m.cls in _ORGS and len(rest) <= _UNIT_LEN and head_class(d.text[m.start:toks[i][0]]) in _ORGS
                and any(rest.endswith(w) and len(rest) > len(w) for w in trims()[2])):
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


@lru_cache(maxsize=1)
def clause_verbs() -> frozenset[str]:
    """Verbs that make a clause and stand inside no organisation's name (kg/extract/data/clause_verbs.txt)."""
    from kg.util.resources import words

    return frozenset(words("clause_verbs.txt"))


def clause_inside(d, s: int, e: int) -> bool:
    """Does text[s:e] hold, after its first word, a verb that makes a clause (kg/extract/data/clause_verbs.txt:
    某方 + 愿同 + 中方, 某地 + 启用 + 某中心)? Then it is two things glued, no one name. A verb phrase of the list
    that jieba cuts into two words (投资 + 兴业 of 某国 + 投资兴业) counts when its words begin where one starts."""
    verbs, text = clause_verbs(), d.text
    k = d.token_at(s) + 1
    while k < len(d.tokens) and d.tokens[k][1] <= e:
        ts, te, w = d.tokens[k]
        if ts > s and (w in verbs or any(text.startswith(p, ts) and ts + len(p) <= e for p in _phrases(w))):
            return True
        k += 1
    return False


@lru_cache(maxsize=1)
def _clause_phrases() -> dict[str, tuple[str, ...]]:
    """First character -> the verb phrases of clause_verbs.txt longer than two characters (投资兴业)."""
    out: dict[str, list[str]] = {}
    for v in clause_verbs():
        if len(v) > 2:
            out.setdefault(v[0], []).append(v)
    return {ch: tuple(vs) for ch, vs in out.items()}


def _phrases(w: str) -> tuple[str, ...]:
    """The longer clause phrases (:func:`_clause_phrases`) that begin like the word ``w`` and run past it."""
    return tuple(p for p in _clause_phrases().get(w[0], ()) if len(p) > len(w) and p.startswith(w))


_PLACES = ("AdministrativeRegion", "Place")
_NAME_TAGS = ("ns", "nr", "nrt", "nz", "nt")


def _whole_word(d, m: Candidate) -> Candidate:
    """The word edges of a model place or region, before the rules' spans are weighed against it. One that lies
    inside a dictionary place name it begins after (约|旦河西岸, 准|噶尔盆|地) is that whole word, the name the model
    cut (not so in other words: 发展|中国|家, 隆|重庆|祝); one before an area word jieba keeps in the same word
    (某海|地区, 某山|革命公墓) the whole word too, one place as in the gold (东北地区, 萨赫勒地区); one that runs over
    its last word into a common word (长江江|面) ends after its last whole word (not into a name: 大批 + 某国人)."""
    text = d.text
    if m.start > 0 and m.start not in d.cuts:
        s, e, w = d.tokens[d.token_at(m.start)]
        if e >= m.end and d.tag(w) == "ns" and not _known_place(text[s:m.start]):
            return replace(m, start=s, end=e)
        return m
    if not _cut_word(d, m):
        return m
    s, e, w = d.tokens[d.token_at(m.end)]
    name, rest = text[m.start:m.end], text[m.end:e]
    if rest in BANKS and text[m.end - 1] in _landform_chars():
        return m  # 某某湖|边: the lake's name ends before the bank jieba glued to its last character
    if s == m.start and place_word("某" + rest) and not place_word(name) and not _known_place(name):
        return replace(m, end=e, cls="AdministrativeRegion" if _known_place(w) else "Place")
    return replace(m, end=s) if m.start + 2 <= s and d.tag(w) not in _NAME_TAGS else m


def _cut_place(d, m: Candidate) -> bool:
    """A model place or region (after :func:`_whole_word`) that is a piece of a dictionary word: it starts inside one
    (高寒 + 山区, 地雷 + 密集区, 造福 + 某国), or ends inside one it cannot be cut back from (耶路撒|冷,
    某某|抵抗运动, 某|拉疫苗). Not dropped: a name after a region jieba glued to it (广西|南宁, 北京|人民大会堂); a known
    region before a suffix (某国|人); a piece of a person's name (某某某|胡: the person rules take it); a place
    before a word that may follow it (长江|上游, 某洲|国家)."""
    text = d.text
    if m.start > 0 and m.start not in d.cuts:
        s, e, w = d.tokens[d.token_at(m.start)]
        if e <= m.end - 2 and (d.tag(w) or "")[:1] in ("v", "t"):
            return False  # a verb or time word glued before the name (走上 + 某某桥, 当天 + 某地): the name starts
            # after it (kg.extract.finish), not a piece of a word (高寒 + 山区)
        return not _known_place(text[s:m.start])
    if not _cut_word(d, m) or _known_place(text[m.start:m.end]):
        return False
    s, e, w = d.tokens[d.token_at(m.end)]
    if text[m.end:e] in BANKS and text[m.end - 1] in _landform_chars():
        return False  # 某某湖|边, 某某湖|畔: a lake's name before its bank, which jieba glued to the lake's last character
    return s > m.start or not ((d.tag(w) or "").startswith("nr") or _place_after(d, text[m.end:e]))


@lru_cache(maxsize=1)
def _landform_chars() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("landform_chars.txt"))


def _place_after(d, rest: str) -> bool:
    """Is ``rest``, the end of a jieba word after a place name, a word that may follow a place (长江|上游,
    某某|地区, 某洲|国家: a position or a generic noun, generic_words.txt; an area word, place_words.tsv)?
    Not a piece of the name (耶路撒|冷) nor the rest of an organisation's name (某某|抵抗运动)."""
    return len(rest) >= 2 and (rest in rules().generic or place_word("某" + rest) or d.tag(rest) in ("f", "r"))


BANKS = ("畔", "边", "岸")  # the bank or side of a lake, river or sea after its name (某某湖 + 畔)


def _known_place(name: str) -> bool:
    """Is ``name`` a region of the gazetteer or a country?"""
    return name in gazetteer.names() or is_country(name)


def _cut_word(d, m: Candidate) -> bool:
    """The span starts or ends inside a dictionary word (深桂劳务协|作)."""
    return m.end not in d.cuts and m.end < len(d.text)


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
    if (m.cls in _REGIONS + ("Place",) and len(rs) == 1 and rs[0].cls == "Person" and rs[0].start > m.start
            and any(text[rs[0].start - n:rs[0].start] in rules().cue_before for n in range(2, 5))):
        if all(rs[0].start - n < m.start for n in range(2, 5)
               if text[rs[0].start - n:rs[0].start] in rules().cue_before):
            return None  # 外 + 长某某某: the model began inside the title, the rules' person stands
        return [m]  # 某州 + 州长 + 某某 in one model span: kg.extract.finish cuts it into the region and the person
    if m.cls == "Place":  # 鄂州花湖机场: an established place name keeps its region short form
        # (a zone the rules found by its head word, 某某新区 + 某某工业园, locates the place: it stays split)
        r0 = rs[0]
        if len(rs) == 1 and r0.cls in _REGIONS and r0.start == m.start and m.end - r0.end >= 3 \
                and text[r0.start:r0.end] not in rules().regions and head_class(text[r0.end:m.end]) == "Place":
            return [r0, Candidate(r0.end, m.end, "Place", m.extractor, m.confidence)]
        ok = (len(rs) == 2 and rs[0].cls in _REGIONS and rs[0].start == m.start and rs[1].cls == "Place"
              and rs[1].end == m.end and rs[0].end == rs[1].start and not _full_region(text[rs[0].start:rs[0].end])
              and text[rs[0].start:rs[0].end] in rules().regions)
        return [m] if ok or _named_place(d, m, rs) else None
    if m.cls == "Person":
        if dotted(text[m.start:m.end]) and all(r.cls in _REGIONS and r.start > m.start for r in rs):
            return [m]  # 某马里·某某: a foreign name printed whole with a country inside it is one name
        foreign = transliterated(text[m.start:m.end])  # the rules saw part of a foreign name (某某某 of 某某某某某)
        ok = all((r.cls == "Person" and (r.extractor == "jieba" or foreign)) or
                 (r.cls in _REGIONS and r.start > m.start and r.extractor != "country") for r in rs)
        return [m] if ok and (m.end - m.start <= 4 or foreign) else None
    name = text[m.start:m.end]
    if m.cls in _ORGS:  # a water the dictionary tags inside a model organisation is part of its name (某竹海公司)
        rs = [r for r in rs if not (r.cls == "Place" and r.extractor == "jieba")]
        if not rs:
            return [m]
    if len(rs) == 1 and rs[0].extractor == "gazetteer" and rs[0].start == m.start and _named(text[rs[0].end:m.end]):
        return None  # a known body, then a known medium or body (某总台 + 央视): two names, no longer one
    if (len(rs) == 1 and rs[0].extractor == "gazetteer" and rs[0].cls in _ORGS and rs[0].start == m.start
            and m.cls in _ORGS and (head_class(name) is not None or classed(name, m.cls) != m.cls)):
        return [m]  # a known body begins a longer name with a head word (某国际组织 + 某某党团)
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


_COMMON_VERB = 3000  # a verb this frequent (建成, 举办, 位于) makes a clause of a place span; a rarer one (创意) may
# be part of its name


def _named_place(d, m: Candidate, rs: list[Candidate]) -> bool:
    """Is model place ``m`` an established name the rules cut (tests/gold/README.md, policy 11): a region or large
    area at its start (某市 + 某某 + 纪念馆, 东北 + 烈士纪念馆), a place head word at its end, name words between
    (no function word, frequent verb or mark), and no rule name inside but a place that the rules began later, after a name part they
    left out (某市 + 某某 + [抗战纪念馆])?"""
    from kg.extract.orgclass import place_word

    text, r0 = d.text, rs[0]
    if r0.start != m.start or head_class(text[m.start:m.end]) != "Place" or m.end - r0.end < 3:
        return False
    first = text[r0.start:r0.end]
    if not (r0.cls in _REGIONS and first in rules().regions or r0.cls == "Place" and place_word(first)):
        return False
    if any(r.cls != "Place" or r.end != m.end or r.start <= r0.end for r in rs[1:]) or len(rs) > 2:
        return False
    k = d.token_at(r0.end)
    while k < len(d.tokens) and d.tokens[k][0] < m.end:
        w = d.tokens[k][2]
        k += 1
        tag = d.tag(w) or "x"
        if not all(is_han(ch) for ch in w) or tag[:1] in "pcdu" or tag == "v" and d.freq(w) >= _COMMON_VERB:
            return False
    return True


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
        if rest[0].cls in _ORGS and state_body(text[rest[0].start:m.end]):
            return None  # 某国 + 某某州政府: the state's body; the country locates it
        if rest[0].cls in _ORGS and text.startswith(_NATIONWIDE, rest[0].start):
            return None  # 某国 + 全国政协: a national body is named whole by 全国; the country stands before it
        return [Candidate(m.start, m.end, rest[0].cls, m.extractor, m.confidence)]
    return None


_NATIONWIDE = "全国"


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
    if r.extractor == "gazetteer":
        return None  # a known body named whole (中央和国家机关工委): its 和 is part of the name
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
