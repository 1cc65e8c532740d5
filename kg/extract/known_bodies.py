"""Well-known bodies named whole (kg/extract/data/known_bodies.tsv): international organisations and their customary
short forms (世卫组织, 北约, 亚投行), foreign state organs and armies (白宫, 美军), national bodies with an official
short form (国务院侨办) and the seats named like them (人民大会堂).

Real news names them without a suffix word the rules know, or with one that reads them wrongly (世界银行 is no
company, 欧洲议会 no government of a state); the learned model finds them only in some sentences (issue #13).

>>> from kg.extract.rules import Doc
>>> t = "世卫组织总干事表示，北约与欧盟将在人民大会堂会谈。"
>>> [(t[c.start:c.end], c.cls) for c in known_bodies(Doc(t))]
[('世卫组织', 'Organization'), ('北约', 'Organization'), ('欧盟', 'Organization'), ('人民大会堂', 'Place')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import table
from .rules import Candidate, Doc, is_han, rules

__all__ = ["known_bodies", "known_class", "headquarters"]

_CLASSES = ("Organization", "GovernmentBody", "PartyOrganization", "Enterprise", "Place")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out = {}
    for r in table("known_bodies.tsv"):
        if len(r) < 2 or r[1] not in _CLASSES:
            raise ValueError(f"kg/extract/data/known_bodies.tsv: expected name<TAB>class ({', '.join(_CLASSES)}), "
                             f"got {r!r}")
        out[r[0]] = r[1]
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_table(), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _event_heads() -> tuple[str, ...]:
    """Head words of meeting and document names (event_heads.tsv): a body right before one names the event
    (某组织峰会), no mention of its own."""
    return tuple(r[0] for r in table("event_heads.tsv"))


def known_class(name: str) -> str | None:
    """The class of ``name`` when it is a known body, else None."""
    return _table().get(name)


def known_bodies(d: Doc) -> list[Candidate]:
    """Known bodies at word boundaries. A region or country glued before one in a dictionary word
    (某地 + 人民大会堂) and a title glued after one (某组织 + 秘书长) do not hide it; a body right before a meeting
    or document word is part of that name."""
    from .finders import country_before, is_country

    text, r, out = d.text, rules(), []
    matches = list(_pattern().finditer(text))
    starts = {m.start() for m in matches}
    for m in matches:
        s, e = m.span()
        if s not in d.starts:
            ts, _, _ = d.tokens[d.token_at(s)]
            before = text[ts:s]
            if not (before in r.regions or is_country(before)):
                continue
        if e < len(text) and e not in d.ends:
            _, te, _ = d.tokens[d.token_at(e)]
            rest = text[e:te]  # 某党 + 中央 as one dictionary word (民革中央): the party's central organ
            if rest not in r.cue_before and rest not in _MEMBERS and not (
                    rest in _CENTRAL_ORGANS and _table()[m.group()] == "PartyOrganization"):
                continue
        if _table()[m.group()] == "GovernmentBody" and any(text.endswith(p, 0, s) for p in r.agency_prefixes):
            continue  # 国家 + 某局: the national prefix belongs to the name, a longer one (国家外汇局)
        if _table()[m.group()] == "Enterprise" and country_before(text, s):
            continue  # 某国 + 国家电网: that country's grid, not the Chinese company of the name
        term = _TERM.match(text, e)  # 某党 + 第十八届 + 中央委员会: the organ of that term, one name
        p = term.end() if term else e
        organ = next((o for o in _CENTRAL_ORGANS if text.startswith(o, p)), None)
        if organ and _table()[m.group()] == "PartyOrganization":  # 某共 + 中央政治局: the party's own organ
            out.append(Candidate(s, p + len(organ), "PartyOrganization", "gazetteer", 0.9))
            continue
        if text.startswith(_event_heads(), e) or _inside_longer(d, e, starts, _table()[m.group()] == "Place"):
            continue
        if _table()[m.group()] == "PartyOrganization" and text.startswith(_MEMBERSHIP, e):
            continue  # 某共 + 党员, 党史: a member or the history of the party, no mention of the party as a body
        out.append(Candidate(s, e, _table()[m.group()], "gazetteer", 0.9))
    return out


_MEMBERSHIP = ("党员", "党史", "党籍", "党龄")
_TERM = re.compile(r"第[一二三四五六七八九十百0-9]+届")
_MEMBERS = ("常任理事国", "理事国", "成员国", "国家")  # 某组织 + 成员国 as one dictionary word: the body's members
_CENTRAL_ORGANS = ("中央委员会", "中央政治局", "中央书记处", "中央")  # longest first
_REACH = 14  # characters after a known body that a longer name holding it may run on
_ORG_HEADS = ("GovernmentBody", "PartyOrganization", "Organization")
_JOINS = ("与", "和", "及")  # 某组织 + 某地 + 与 + 某地 + 经济委员会: one name


def _inside_longer(d: Doc, e: int, starts: set[int], place: bool = False) -> bool:
    """Does the known body ending at ``e`` begin a longer name: nouns and names run on, within the clause, to
    a word ending in a body's head word (某组织 + 某地区 + 经济委员会), with no verb, adverb or another known
    body before it? A body (not a seat, ``place``) before a common word that ends in a head character (部署) does
    not."""
    from .finish import common_head_end

    heads, regions = rules().heads, rules().regions
    k = d.token_at(e) if e < len(d.text) else len(d.tokens)
    joined = False
    while k < len(d.tokens):
        s, te, w = d.tokens[k]
        k += 1
        if te - e > _REACH or s in starts or not is_han(w[0]) or (d.tag(w) or "x")[:1] in "vdp" and w not in _JOINS:
            return False
        if w[0] == "某":  # 某部队 + 某部, 某旅: a unit the news does not name, inside the body, no longer name
            return False
        if joined and w in regions:
            return False  # 某部队 + 和 + 某某 + 北京市 + 总队: a second body of a Chinese region, no longer name
        joined = joined or w in _JOINS
        if common_head_end(d, w) and not place:
            return False  # 某组织 + 部署: a common word that ends in a head character (kg.extract.finish), no name
            # (a seat's hall, 某堂 + 大厅, is part of a longer place)
        if any(w[-n:] in heads and heads[w[-n:]][0] in _ORG_HEADS for n in rules().head_lens if n <= len(w)):
            return not _subunit(w)  # 某组织 + 某洲区域 + 办事处: the body's own office (kg.extract.bodies.subunits)
    return False


def _subunit(word: str) -> bool:
    """Is ``word`` a body's team or office (ner_trims.tsv, kind ``subunit``: 办事处, 代表团), which the body's
    name joins whole after a place (:func:`kg.extract.bodies.subunits`)?"""
    from .ner.persons import trims

    return word in trims()[2]


_SEAT = "总部"  # an international body's headquarters, a building (联合国总部: a Place in the real gold)


def headquarters(d: Doc) -> list[Candidate]:
    """An international organisation or foreign state organ of known_bodies.tsv, maybe a city of world_places.txt,
    and 总部 (某组织 + 总部, 某组织 + 某城 + 总部): the seat, a Place; a foreign city right before the body (纽约 +
    联合国总部, one dictionary word for jieba) is a region of its own. Real news writes the seat where meetings are
    held (在纽约联合国总部会见); the body inside it is the seat's name, no mention of the body acting."""
    from .foreign_regions import is_foreign_place

    text, out = d.text, []
    for m in _pattern().finditer(text):
        s, e = m.span()
        if _table()[m.group()] not in ("Organization", "GovernmentBody"):
            continue
        q = e
        city = next((q + n for n in range(4, 1, -1) if is_foreign_place(text[q:q + n])), None)
        if city is not None and text.startswith(_SEAT, city):
            q = city
        if not text.startswith(_SEAT, q) or q + len(_SEAT) not in d.cuts:
            continue
        ts = d.tokens[d.token_at(s)][0]
        before = text[ts:s]
        if ts != s and not (is_foreign_place(before) and len(before) >= 2):
            continue
        if not before and d.token_at(s) > 0:
            ps, pe, pw = d.tokens[d.token_at(s) - 1]
            if pe == s and len(pw) >= 2 and is_foreign_place(pw):
                ts, before = ps, pw  # 某城 + 某组织总部 as two words: the city, a region of its own too
        if before:
            out.append(Candidate(ts, s, "AdministrativeRegion", "foreign", 0.85))
        out.append(Candidate(s, q + len(_SEAT), "Place", "gazetteer", 0.9))
    return out
