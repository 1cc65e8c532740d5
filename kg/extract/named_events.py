"""Initiatives and incidents as broadcast news names them, mostly without quotes (tests/gold/README.md,
decisions 14 and 19-21).

- numbered sessions whose number is the name: 党的十八大, 中共二十大, 十九届四中全会, 某届全国人大某次会议;
- an organisation's meeting: the organisation found by the other rules (or a known body), then (第N次)(领导人)(常务)
  会议/峰会/全会 (a term before it: 二十届 + 某某四次全会; a host city after it: 某组织 + 某城 + 峰会);
- decisions written out after 关于 (关于某某的决定), with the meeting that issues them;
- names ending in a head word (kg/extract/data/event_heads.tsv): meetings, agreements, regulations, plans, strategies,
  policies, works and projects (Initiative) and disasters, epidemics, crises and battles (Incident), with a
  name-like stem before the head;
- short names of games and fairs (某运会, 某博会, 某洽会), railways and motorways under way (某某高铁, A至B高铁),
  five-year plans (十四五), laws (中华人民共和国某某法, 某某法) and documents in 《》;
- named national strategies, policies and epidemics from a reviewed list (kg/extract/data/named_programmes.tsv);
- typhoons by their quoted name (台风“某某”).

Edition words and years before a name are not part of it (the stems stop at numbers), a numbered session
that is only named by its number keeps the number. The names found by their shape are in kg.extract.event_forms, where a
stem starts is decided in kg.extract.event_stems; kg.extract.mentions calls :func:`named_events` once per text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.spans import occurrences
from .event_forms import COUNTRY_INITIALS, DOC_HEADS, WORKS, forms
from .law_forms import about_documents, adopted_documents
from .event_stems import (
    EDGE_TAGS,
    GRADES,
    EDGE_VERBS,
    EDGE_LEADS,
    N,
    SCOPES,
    at_end,
    at_start,
    clause,
    counted_before,
    countries,
    numbered_body,
    org_after,
    region_chain,
    stem,
    through_fields,
    whole_number,
    without_edition_year,
)
from kg.util.resources import table
from .rules import PROPER_TAGS, Candidate, Doc, is_han, rules
from .stems import is_full_region, namey, not_generic

__all__ = ["COMRADE", "EVENT_CLASSES", "bare_meeting", "listed", "named_events"]

EVENT_CLASSES = ("Initiative", "Incident")
_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_ORD = r"(?:十[一二三四五六七八九]|[二三]十[一二三四五六七八九]?)"  # 11th-39th: never a plain 十大 (ten big ...)
# the congress of another body named by its number after the body's short form (团十八大, 工会十七大, 民建十二大):
# that body's congress, no party congress
_OTHER_CONGRESS = ("共青团", "团", "工会", "妇", "文联", "作协", "侨联", "科协", "民革", "民盟", "民建", "民进", "农工党",
                   "致公党", "九三学社", "台盟", "工商联")
_CONGRESS = re.compile(rf"(中共|党的|{'|'.join(_OTHER_CONGRESS)})?(?<![一二三四五六七八九十百第])({_ORD})大(?![类项批件个种家型])")
_CONGRESS_CUE = ("以来", "精神", "报告", "代表", "召开", "胜利", "前夕", "期间", "开幕", "闭幕", "之后", "后")
_FULL_CONGRESS = re.compile(rf"(?:中国共产党|中共)第{N}+次全国代表大会")
_PLENUM = re.compile(rf"(?:中国共产党|中共|党的)?第?{N}+届(?:中央委员会|中央)?(?:第?{N}次全体会议|{N}中全会)")
_COUNT = "[一二三四五六七八九十百零]"  # the count of a session may pass a hundred (第一百一十三次委员长会议)
_SESSION = re.compile(rf"(?:第?{N}+届)?(?:全国人大常委会|全国人大|全国人民代表大会|全国政协|中国人民政治协商会议|政协)(?:第?{N}+届)?"
                      rf"(?:全国委员会)?(?:常务委员会)?第?{_COUNT}+次(?:全体|委员长|主席)?会议"
                      rf"|第{_COUNT}+次委员长会议")  # the chairmen's meeting of the NPC Standing Committee, named by its count
# a plenum written short, by its number in the term alone (五中全会, 这次六中全会): the number is the name; after
# 届 the full pattern above holds it; of a list (某届二中、三中、四中全会) the last, contiguous form is listed
# (policy 8 of tests/gold/README.md; the dev3 gold: 十八届三中、四中全会 -> 四中全会)
_SHORT_PLENUM = re.compile(rf"(?<![届{N[1:-1]}]){N}中全会")
_FIVE_YEAR = re.compile(r"(?:[“‘]|\")?(十[一二三四五六七八九]五)(?:[”’]|\")?(规划(?:纲要)?)?")  # 十三五规划纲要: the outline
_ORG_MEETING = re.compile(rf"(?:第?(?:{_COUNT}|[0-9])+次|第?{N}+届|{N}中|领导人|非正式|常委会|党组|常务|全体|扩大|专题|年度|"
                          r"联席|工作|执委|理事|集体学习|首脑|紧急|特别|外长|部长级|主席|委员长|[春夏秋冬]季|政策|例行)*"
                          r"(?:会议|峰会|会晤|全会|民主生活会|吹风会|(?:全国|全体)?(?:会员|党员)?代表大会)")  # 国务院 + 政策例行吹风会: its briefing
_NTH_SESSION = re.compile(r"第[0-9一二三四五六七八九十百]+[次届]")  # a numbered session of a body's congress
_TERM = re.compile(rf"第?{N}+届$")  # 二十届 + 中央纪委四次全会: the body's term before a numbered meeting
_NEEDS = ("name", "words", "any", "about", "dash")


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, str, int, str], ...]:
    """(head, class, least stem length, what the stem needs: name, words or any), longest head first."""
    out = []
    for row in table("event_heads.tsv"):
        if len(row) != 4 or row[1] not in EVENT_CLASSES or not row[2].isdigit() or row[3] not in _NEEDS:
            raise ValueError(f"kg/extract/data/event_heads.tsv: expected 'head<TAB>Initiative|Incident<TAB>n<TAB>"
                             f"name|words|any|about|dash', got {row!r}")
        out.append((row[0], row[1], int(row[2]), row[3]))
    return tuple(sorted(out, key=lambda h: -len(h[0])))


# a kind of body and its sitting, the body unnamed (待召开 + 中央委员会全体会议 + 时予以追认: whichever comes next)
_KIND_SITTING = re.compile(r"(?:中央|全国)?(?:委员会|常务委员会)(?:全体)?会议")


def bare_meeting(name: str) -> bool:
    """Is ``name`` only the kind of a body's meeting (部长级会议, 领导人特别会议, 常委会第九次会议, 中央委员会全体会议),
    no body named?"""
    return _ORG_MEETING.fullmatch(name) is not None or _KIND_SITTING.fullmatch(name) is not None


def listed(name: str) -> bool:
    """Is ``name`` a named strategy, policy or epidemic of the reviewed list (kg/extract/data/named_programmes.tsv)?"""
    return name in _named()


@lru_cache(maxsize=1)
def _named() -> dict[str, str]:
    out = {}
    for row in table("named_programmes.tsv"):
        if len(row) != 2 or row[1] not in EVENT_CLASSES:
            raise ValueError(f"kg/extract/data/named_programmes.tsv: expected 'name<TAB>Initiative|Incident', got {row!r}")
        out[row[0]] = row[1]
    return out


def named_events(d: Doc, found=(), hosts=()) -> list[Candidate]:
    """Candidates for the initiatives and incidents of ``d`` (``found``: the other rules' candidates, for the
    organisations that hold a meeting; ``hosts``: more organisations that may hold one but stop no stem, such as
    the known bodies named whole)."""
    sessions = _sessions(d)
    ends = {c.end for c in sessions}
    headed = [c for c in _headed(d, found) if c.end not in ends]  # the session's own pattern has its edges
    meetings = _org_meetings(d, list(found) + list(hosts))
    out = _dash_joined(d, sessions + meetings + headed + _listed(d) + forms(d))
    out += about_documents(d, out)
    out += adopted_documents(d)
    return [c if c.cls != "Initiative" else Candidate(without_edition_year(d.text, c.start, c.end), _phase(d.text, c.end),
                                                      c.cls, c.extractor, c.confidence, c.code) for c in out]


_PHASE = re.compile(r"[一二三四五六七八九]期(?:工程)?")  # the phase of a works programme (某某工程 + 三期, 某某项目 + 一期工程)


def _phase(text: str, e: int) -> int:
    """Where a works programme's name ends once the phase written right after it is kept (某某工程三期: the
    phase is a programme of its own, as the real gold names it)."""
    m = _PHASE.match(text, e) if text.endswith(("工程", "项目"), 0, e) else None
    return m.end() if m else e


_DASHES = "—–-－"


def _dash_joined(d: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A meeting or fair of two parties joined by a dash (中国—某某峰会, 中国—某某博览会): the first party and the
    dash belong to the name."""
    text, out = d.text, []
    for c in cands:
        p = c.start
        if c.cls == "Initiative" and text.endswith("——", 0, p) and text[c.start:c.end].endswith(_SHOWS):
            t = _TITLE.search(text, max(0, p - 16), p - 2)  # “某某某某——某某馆藏精品展”: the title's first part
            if t and t.end() == p - 2:
                c = Candidate(t.start(), c.end, c.cls, c.extractor, c.confidence, c.code)
        elif c.cls == "Initiative" and (a := _dash_party(d, p)) is not None:
            c = Candidate(a, c.end, c.cls, c.extractor, c.confidence, c.code)
        out.append(c)
    return out


def _dash_party(d: Doc, p: int) -> int | None:
    """Where the first party of a name joined by a dash starts, when a country or region and a dash stand right
    before ``p`` (中国— + 某某峰会); else None."""
    if p < 3 or d.text[p - 1] not in _DASHES:
        return None
    a, b, w = d.tokens[d.token_at(p - 2)]
    if b == p - 1 and len(w) >= 2 and (w in countries() or w in rules().regions) and at_start(d, a):
        return a
    return None


_TREATIES = ("协定", "条约", "议定书", "协议", "公约")
_PARTIES_AND = ("和", "与", "同")
_PARTY_TAGS = ("ns", "nt", "j")


def _first_party(d: Doc, p: int, names=None) -> int | None:
    """Where the name of a first party that ends right before ``p`` (a dash or 和) starts: a country, a region or a
    word jieba tags a place, a body or a short form (澜沧江, 东盟) with ``names`` None, else one of ``names``."""
    if p < 2 or p not in d.ends:
        return None
    a, b, w = d.tokens[d.token_at(p - 1)]
    if b != p or len(w) < 2 or not at_start(d, a):
        return None
    known = w in countries() or w in rules().regions or d.tag(w) in _PARTY_TAGS if names is None else w in names
    return a if known else None


_SHOWS = ("展", "展览", "展览会")
_TITLE = re.compile(r"(?<=[“\"《「：:，,。\n])[\u4e00-\u9fff·]{2,12}")


def _sessions(d: Doc) -> list[Candidate]:
    """Numbered congresses, plenums and sessions: the number is the name (党的二十大, 十八届三中全会)."""
    text, out = d.text, []
    for rx in (_FULL_CONGRESS, _PLENUM, _SESSION, _SHORT_PLENUM):
        out += [Candidate(m.start(), m.end(), "Initiative", "session", 0.85) for m in rx.finditer(text)]
    for m in _CONGRESS.finditer(text):
        prefixed = m.group(1) is not None
        if prefixed and m.group(1) in _OTHER_CONGRESS and not at_start(d, m.start()):
            continue  # 集团 + 十八大: no body's short form
        if not prefixed and (not m.group(2).startswith("十") and not text.startswith(_CONGRESS_CUE, m.end())):
            continue  # a bare 二十大 only before 以来/精神/代表 ...
        if not prefixed and not at_start(d, m.start(2)):
            continue
        out.append(Candidate(m.start(), m.end(), "Initiative", "session", 0.85))
    for m in _FIVE_YEAR.finditer(text):
        s, e = m.span(1)
        if m.group(2):
            e = m.end(2) if not m.group(0).startswith(("“", "‘", "\"")) else e
        quoted = text[s - 1:s] in "“‘\"" and s > 0 and text[e:e + 1] in "”’\""  # “十五五”, ‘十五五’: the plan by its
        # quoted number (a single quote inside a double one)
        if at_start(d, s) and (m.group(2) or quoted or text.startswith(("时期", "期间", "期末", "以来"), m.end())):
            out.append(Candidate(s, e, "Initiative", "session", 0.8))
    return out


def _org_meetings(d: Doc, found) -> list[Candidate]:
    """An organisation's meeting: 某某常委会会议, 国务院常务会议, 某组织第N次领导人非正式会议; a state or party
    body's meeting on a field of work (:func:`_field_meeting`)."""
    out = []
    people = [(c.start, c.end) for c in found if c.cls == "Person"]
    for c in found:
        if c.cls not in _ORGS and c.extractor != "country":
            continue
        name = d.text[c.start:c.end]
        if d.freq(name) >= 50 and d.tag(name) not in PROPER_TAGS:
            continue  # 理事会, 常委会: a kind of body, no named one
        p = _host_city(d, c.end)
        if p == c.end and d.text.startswith("领导人", p) and _host_city(d, p + 3) > p + 3:
            p = _host_city(d, p + 3)  # 某某集团 + 领导人 + 某城 + 峰会: the leaders' summit in its host city
        m = _ORG_MEETING.match(d.text, p, min(len(d.text), p + 20))
        if m and m.group(0).endswith("代表大会") and not _NTH_SESSION.match(m.group(0)):
            continue  # 某党 + 第八次全国代表大会: a body's congress is named by its number (no 某某代表大会 of a kind)
        if m and at_end(d, m.end()) and (c.cls in _ORGS or m.group(0) in ("峰会", "会晤")) \
                and (p == c.end or m.group(0) in ("峰会", "会晤")):
            a = whole_number(d.text, c.start)
            term = _TERM.search(d.text, max(0, a - 6), a)
            if term and re.search(rf"{N}次|{N}中", m.group(0)) and at_start(d, term.start()):
                a = term.start()  # 二十届 + 中央纪委 + 四次全会: the term is part of the numbered meeting's name
            out.append(Candidate(a, m.end(), "Initiative", "meeting", 0.8))
        elif m is None and c.cls in _STATE_BODIES:
            e = _field_meeting(d, c.end, people)
            if e:
                out.append(Candidate(c.start, e, "Initiative", "meeting", 0.8))
    return out + _forum_summits(d)


_STATE_BODIES = ("GovernmentBody", "PartyOrganization")
_FIELD_HEAD = re.compile(r"(?:工作)?会议")
_FIELD_NOT = ("v", "p", "c", "r", "m", "q", "f", "t", "uj", "ul", "ud", "uz", "ug", "uv")
_FIELD_MAX = 6


def _field_meeting(d: Doc, p: int, people) -> int | None:
    """End of a state or party body's meeting on a field of work named with the body (中央某委 + 军事训练 + 会议,
    国务院 + 廉政工作会议, 某某常委会 + 立法工作会议): two to six characters of words that are no verb, title,
    person or function word between the body's name and (工作)会议, else None (某院 + 副总理 + 某某 + 出席 + 会议)."""
    text = d.text
    if p not in d.starts:
        return None
    k, q = d.token_at(p), p
    while k < len(d.tokens) and q - p <= _FIELD_MAX:
        s, e, w = d.tokens[k]
        m = _FIELD_HEAD.match(text, s)
        if m and q - p >= 2 and (m.group(0) != "会议" or w == "会议") and at_end(d, m.end()):
            return m.end()
        tag = d.tag(w) or ""
        if (not all(is_han(ch) for ch in w) or tag in _FIELD_NOT or w in rules().cue_before
                or any(a < e and s < b for a, b in people) or w in rules().stop or w in EDGE_VERBS):
            return None
        q, k = e, k + 1
    return None


def _host_city(d: Doc, p: int) -> int:
    """After a body's name, the city that hosts its summit (某某组织 + 青山 + 峰会): where the meeting words start."""
    if p >= len(d.text) or p not in d.starts:
        return p
    a, b, w = d.tokens[d.token_at(p)]
    if a == p and len(w) >= 2 and (w in rules().regions or d.tag(w) in ("ns", "nrt")):
        return b  # 撒马尔罕 + 峰会: jieba tags a foreign city's transliterated name nrt
    return p


def _forum_summits(d: Doc) -> list[Candidate]:
    """A forum's summit in a city (某某合作论坛 + 某城 + 峰会): the forum, the city and 峰会 are one name."""
    out = []
    for m in re.finditer("论坛", d.text):
        p = _host_city(d, m.end())
        if p > m.end() and d.text.startswith("峰会", p) and at_end(d, p + 2):
            toks = stem(d, m.start())
            if toks and not_generic(toks):
                out.append(Candidate(toks[-1][0], p + 2, "Initiative", "meeting", 0.8))
    return out


_DESCRIPTORS = ("控制性", "节点", "重点", "重大", "配套", "骨干", "标志性", "关键", "控制性节点")


def _head_at(d: Doc, s: int, e: int, head: str) -> bool:
    """Does the head stand as a word: at a token start, or (two characters or more) ending a token?"""
    if s in d.starts or s in d.cuts:
        return len(head) > 1 or (s, e) == d.tokens[d.token_at(s)][:2]
    a, b, _ = d.tokens[d.token_at(s)]
    piece = d.text[a:s]
    # 出席会议 is no name; a head of three characters may end the next word (中某 + 文化交流|年: 文化交流年)
    ends = b == e or (len(head) >= 3 and b < e and e in d.ends and b - s >= 2)
    return len(head) > 1 and ends and s - a >= 2 and not piece.endswith(EDGE_VERBS)


def _headed(d: Doc, found=()) -> list[Candidate]:
    """Unquoted names ending in a head word (kg/extract/data/event_heads.tsv) with a name-like stem before it."""
    text, out, seen = d.text, [], set()
    stops = {c.end for c in found if c.cls in _ORGS}
    people = {(c.start, c.end) for c in found if c.cls == "Person"}
    people_ends = {c.end: c.start for c in found if c.cls == "Person"}
    honoured = {(p, q) for p, q in people if text.startswith(COMRADE, q)}  # 某某 + 同志: honoured by name
    found_heads = [(head, cls, least, needs, occurrences(head, text)) for head, cls, least, needs in _heads()]
    stops |= {e for *_, spans in found_heads for _, e in spans}  # one name per head
    incident_ends = {e for _, cls, _, _, spans in found_heads if cls == "Incident" for _, e in spans}
    for head, cls, least, needs, spans in found_heads:
        for s, e in spans:
            if e in seen or not _head_at(d, s, e, head) or not at_end(d, e):
                continue
            if s > 0 and text[s - 1] in "”\"》」’":
                continue  # the quoted name before it is the name (decision 7)
            if head.endswith(("会议", "论坛")) and text.startswith(_VENUE_WORDS, e):
                continue  # 国家会议 + 中心, 某某论坛 + 大厦: the venue, a place (policy 11), no meeting
            if head == "会议" and text.endswith("国", 0, s) and text.startswith("长", e):
                continue  # 某国 + 国会 + 议长: the speaker of a parliament (会议 across two words), no meeting
            if head == "会议" and text.endswith("协商", 0, s):
                continue  # 某国人民(政治)协商会议: a consultative body's name (decision 22), no meeting
            if head in _MODIFIERS and e < len(text) and (d.tag(d.tokens[d.token_at(e)][2]) or "") in ("n", "vn", "l"):
                continue  # 某某战略 + 对话机制: the head word modifies the noun after it
            toks = _country_pair(d, region_chain(numbered_body(d, stem(d, s, stops), s, stops)))
            if cls == "Initiative" and head in _PROGRAMMES:
                toks = through_fields(d, s, toks, stops)
            if cls == "Initiative" and any(_COUNTED.fullmatch(t[2]) for t in toks):
                continue  # 污染防治 + 三大 + 攻坚战, 某新区 + 各大 + 工程: a count of several names none of them
            if not toks and cls == "Initiative" and s in incident_ends:  # 某某疫情 + 表彰大会: named for it
                toks = region_chain(stem(d, s, stops - {s}))
            if not toks and needs == "any":
                toks = _occasion(d, s)
            if not toks and cls == "Incident":
                toks = _incident_verb(d, s, stops)
            if cls == "Incident":
                toks = _incident_words(d, toks)
                if len(toks) == 2 and all(t[2] in rules().regions for t in toks):
                    toks = toks[:1]  # 某省 + 某县 + 大地震: the nearest region names it (decision 5)
                while head in _PLACE_NAMED and len(toks) >= 2 and (_place(d, toks[-1][2]) or d.tag(toks[-1][2])
                                                                    in ("ns", "nr", "nrt")) and namey(d, toks[:1]):
                    toks = toks[:-1]  # 某国 + 某州 + 某岛 + 大火: a wildfire takes the nearest place's name
            if head in _PLACE_NAMED and toks and not (_place(d, toks[0][2]) or d.tag(toks[0][2]) in ("ns", "nrt")
                                                      or toks[0][2] not in d.info and len(toks[0][2]) >= 2):
                continue  # 部分地区 + 山火: a wildfire is named by the place (a known or a new word) right before it
            cut = next((i for i, t in enumerate(toks) if any(p == t[0] for p, _ in honoured)), None)
            if cut is not None:
                toks = toks[:cut + 1]  # 某部 + 班长 + 某某同志先进事迹报告会: the honoured comrade opens the name
            if not toks or s - toks[-1][0] < least or clause(d, toks, people - honoured):
                continue
            if not not_generic(toks) and not (len(toks) >= 2 and toks[-1][2] in SCOPES):
                continue  # generic words name nothing, unless a scope opens them (全国 + 某某 + 活动周)
            if needs == "dash" and _dash_party(d, toks[-1][0]) is None:
                continue  # 合作机制: only the mechanism of two parties joined by a dash (中国—某某国家合作机制) is named
            if needs == "about" and _after_guanyu(d, toks[-1][0], s) == toks[-1][0]:
                continue  # a document head that names only what is written out after 关于
            if cls == "Incident" and not namey(d, [t for t in toks if t[2] not in GRADES]) \
                    and any(t[2] in GRADES for t in toks) and not _place(d, toks[0][2]):
                continue  # 重特大 + 安全生产事故: a grade and a kind name no incident
            if not namey(d, toks) and not (cls == "Incident" and head != "疫情" and len(toks) == 1 and _place(d, toks[0][2])) \
                    and (needs == "name" or (needs == "words" and len(toks) < 2)) \
                    and (cls != "Initiative" or _dash_party(d, toks[-1][0]) is None):  # 某国 + 大地震: a country names it
                # (中国— + 某盟 + 博览会: the two parties joined by a dash name the event)
                continue
            if cls == "Incident" and toks[0][2] not in _INCIDENT_VERBS and (d.tag(toks[0][2]) in EDGE_TAGS
                                                                        and toks[0][2] not in countries() or any(d.tag(w) in ("m", "mq") for _, _, w in toks)):
                continue  # 防控 + 疫情, 一起战胜 + 疫情: an action on it, no name of it
            if head in WORKS and toks[0][2] in _DESCRIPTORS:
                continue  # 某某高速公路控制性工程: a part of the named works, no name of its own
            if cls == "Incident" and is_full_region(toks[-1][2]) and toks[-1][2][-1] in "省市县区" and len(toks) <= 2:
                continue  # 某某市工伤事故: a kind of incident in a region; named ones take the short form
            a = toks[-1][0]
            if head == "大会" and text.endswith("代表", 0, s) and not _NTH_SESSION.search(text, a, s):
                continue  # 某国国民代表大会, 职工代表大会: a body or a kind of assembly (某协会第七次全国代表大会 is one)
            if cls == "Initiative" and bare_meeting(text[a:e]):
                continue  # (第四届 +) 部长级会议, 领导人会议, 紧急会议: the kind of a body's meeting, the body unnamed
            if head.endswith("会议") and any(w.endswith("全会") for _, _, w in toks):
                continue  # 十九届七中全会 + 第二次全体会议: a sitting of the plenum, whose name is the plenum's
            if counted_before(d, a):
                continue
            if cls == "Incident" and _body_after(d, e):
                continue  # 某国国家 + 灾害 + 管理局: the kind of incident a body deals with, in the body's name
            if cls == "Incident" and head == "冲突" and text[a - 1:a] in _WITH:
                continue  # 与 + 某国军队 + 冲突: to clash with someone (a verb), no conflict's name
            if cls == "Incident" and _DAY.search(text, max(0, a - 3), a):
                continue  # 21号 + 化武事件: the incident of a day, told, not named (a dated name is “8·12”某某事故)
            if head == "会晤" and text[a - 1:a] in _WITH and not text.endswith("共同", 0, a):
                continue  # 多次同 + 某国领导人 + 会晤: to meet someone (a verb), no meeting's name (共同主持 + 某某会晤 is one)
            if cls == "Initiative" and text[a - 1:a] == "等":
                continue  # 某某、某某等 + 传统非遗项目: the kind a list closes with, no name (the items before 等 are)
            a = whole_number(text, a)
            if head in _TALKS and a > 1 and text[a - 1] in "与同":
                more = stem(d, a - 1, stops)  # 某组织领导人 + 与 + 某某领导人对话会: both parties name the talks
                if more and (namey(d, more) or not_generic(more)) and not clause(d, more, people):
                    a = more[-1][0]
            if cls == "Initiative" and text[a - 2:a] in _HONOURS and text[a - 4:a - 2] in SCOPES and a >= 4:
                a -= 4  # 全国 + 抗击 + 某某疫情 + 表彰大会: a national meeting named for what it honours
            if head in DOC_HEADS and not text.startswith("的", e):
                a = _after_guanyu(d, a, s)  # (关于 + 批准某某协定 + 的议案: 关于 opens the bill's name, no treaty's)
                if text.startswith(_STACKED, e) and at_end(d, e + 2):
                    seen.add(e)
                    e += 2  # 某某规划 + 纲要: the outline of a plan is the document named
            if text[a - 1:a] == "中" and text[a + 1:a + 2] == "中" and text[a:a + 1] in COUNTRY_INITIALS \
                    and text[a + 2:a + 3] in COUNTRY_INITIALS:
                a += 1  # 中韩 + 中澳自贸协定: two pairs of countries, the nearest names the agreement
            if a > 0 and text[a - 1] == "中" and (text[a] in COUNTRY_INITIALS or d.tag(text[a]) == "ns"
                                              or d.tag(text[a]) == "j" and a - 1 in d.starts) and a + 1 in d.ends:
                a -= 1  # 中 + 俄 + 某某交流年, 中 + 阿 + 合作论坛 (阿 a short form): the pair of country short forms
                # begins the name (中 alone is no word)
            if cls == "Initiative" and head in _TREATIES and text[a - 1:a] in _PARTIES_AND:
                a = _first_party(d, a - 1, countries()) or a  # 某国 + 和 + 某国领事协定: a treaty names both states
            if cls == "Initiative" and text[a - 1:a] in _DASHES:
                a = _first_party(d, a - 1) or a  # 某江— + 某河合作领导人会议, 某国— + 某盟博览会: both parties
            if a > 0 and text[a - 1] in "”\"》」’" and not _place(d, toks[-1][2]) \
                    and not namey(d, [t for t in toks if t[1] in d.ends]):
                continue  # “某某”国际合作(高峰)论坛: the quoted name is the name (decision 7); “某某”中国某某大会 has its own
            if toks[-1][2] == COMRADE and a in people_ends:
                a = people_ends[a]  # 某某 + 同志先进事迹报告会: the comrade the meeting honours is named in it
            seen.add(e)
            battle = head in _BATTLES and (_place(d, text[a:s]) or d.tag(toks[-1][2]) == "ns")
            out.append(Candidate(a, e, "Incident" if battle else cls, "suffix", 0.7))
    return out


def _body_after(d: Doc, e: int) -> bool:
    """Does the word right after ``e`` end in the head of a body's name (管理局, 委员会, 指挥部)?"""
    if e >= len(d.text) or e not in d.starts:
        return False
    w = d.tokens[d.token_at(e)][2]
    heads = rules().heads
    return len(w) >= 2 and (w in heads or w[-1] in heads)


def _country_pair(d: Doc, toks):
    """中 + a country's one-character short form cut in two (中 + 德 + 政府磋商; 中 + 阿 + 友好年, a short form jieba
    tags as one) is the pair of countries, one word
    (a longer stem gets its 中 when its start is known: 中 + 俄 + 某某交流年)."""
    if len(toks) == 1 and len(toks[-1][2]) == 1 and toks[-1][0] > 0 and d.text[toks[-1][0] - 1] == "中" \
            and toks[-1][0] - 1 in d.starts and (toks[-1][2] in COUNTRY_INITIALS or d.tag(toks[-1][2]) in ("ns", "j")):
        return toks[:-1] + [(toks[-1][0] - 1, toks[-1][1], "中" + toks[-1][2])]
    return toks


_OCCASIONS = "节庆春旦秋宵午"  # the last character of a festival's name (国庆, 春节, 元旦, 中秋, 新春, 元宵, 端午)
# verbs that say what the incident was (列车 + 脱轨 + 事故, 大桥 + 坍塌 + 事故), not an action on it (防控, 应对)
_INCIDENT_VERBS = ("脱轨", "出轨", "爆炸", "坍塌", "垮塌", "泄漏", "坠毁", "失事", "相撞", "溃坝", "决堤", "沉没",
                   "起火", "踩踏", "断裂", "倾覆", "翻沉", "飞行")


def _incident_words(d: Doc, toks) -> list[tuple[int, int, str]]:
    """An incident's name is a place, what it hit and what it was (某地 + 山林 + 火灾): at most six words, none of
    them a verb or an action noun (某地民众 + 抗议 + 某国某某疫情 is a clause)."""
    out: list[tuple[int, int, str]] = []
    for t in toks[:6]:
        if t[2] not in d.info and len(t[2]) >= 2 and t[2][0] in EDGE_LEADS:
            out.append((t[0] + 1, t[1], t[2][1:]))  # 办理 + 涉某 + 某疫情: the glued lead is no part of the name
            break
        if (d.tag(t[2]) or "") in ("v", "vn") and t[2] not in _INCIDENT_VERBS or _verb_pair(d, t[2]):
            break
        if not out and t[2] in _WHAT_HAPPENED:
            return []  # 某地 + 集会 + 冲突, 抗议 + 暴力事件: the clashes of a protest, told, not named
        if _SERIES.search(t[2]) or t[2] in _SPREAD:
            return []  # 新一轮 + 冲突, 一连串 + 暴力事件, 多地 + 交通事故: one of many, no name of one
        if out and _place(d, out[-1][2]) and not _place(d, t[2]):
            break  # the place opens the name: 某地民众抗议 + 某国 + 某某疫情 stops at the country
        out.append(t)
    return out


_WHAT_HAPPENED = ("抗议", "集会", "示威", "游行", "暴力", "骚乱", "冲突")
_VERB_HEADS = ("v", "d")


def _verb_pair(d: Doc, w: str) -> bool:
    """共克 + 疫情, 织牢 + 疫情, 遏控 + 危机: a two-character word jieba does not know that opens with a verb or an
    adverb (a verb and its complement) is an action on the incident; a place (泸定, 通化) is known."""
    return len(w) == 2 and w not in d.info and d.tag(w[0]) in _VERB_HEADS and not _place(d, w)


_WITH = ("与", "同", "跟")
_DAY = re.compile(r"\d{1,2}[号日]$")
_SERIES = re.compile(r"[一二三四五六七八九十两几]+[轮波次起场连串]|^[新首末]一|^第[一二三四五六七八九十0-9]+波")
_SPREAD = ("多地", "多处", "各地", "部分地区", "偏远地区", "地区", "省内", "国内", "大国")


def _place(d: Doc, w: str) -> bool:
    return w in rules().regions or w in countries()


def _occasion(d: Doc, s: int) -> list[tuple[int, int, str]]:
    """A festival jieba tags as a time word names a reception or a gathering (国庆 + 招待会, 春节 + 团拜会)."""
    k = d.token_at(s - 1) if s > 0 else -1
    if k < 0 or d.tokens[k][1] != s:
        return []
    a, b, w = d.tokens[k]
    return [(a, b, w)] if d.tag(w) == "t" and len(w) >= 2 and w[-1] in _OCCASIONS else []


def _incident_verb(d: Doc, s: int, stops) -> list[tuple[int, int, str]]:
    """An incident named by what happened (某地 + 列车 + 脱轨 + 事故): the verb and the name-like words before it."""
    k = d.token_at(s - 1) if s > 0 else -1
    if k < 0 or d.tokens[k][1] != s or d.tokens[k][2] not in _INCIDENT_VERBS:
        return []
    more = stem(d, d.tokens[k][0], stops)
    return [d.tokens[k]] + more if more and namey(d, more) else []


_STACKED = ("纲要",)
_BATTLES = ("保卫战",)
_COUNTED = re.compile(r"[一二三四五六七八九十两几各]+大")  # a campaign (某某保卫战), or a battle when a place names it (某城保卫战)
_PLACE_NAMED = ("山火", "大火", "和平进程")  # named by the place right before it (某州山火, 某国和平进程)
_TALKS = ("对话会", "圆桌会")
# heads of programmes, plans, zones and works whose names hold the verb of their field (某河治理攻坚战)
_PROGRAMMES = ("行动计划", "示范区", "试验区", "攻坚战", "工程", "项目", "规划", "战略", "经济带", "经济走廊", "大赛", "竞赛")
_VENUE_WORDS = ("中心", "大厦", "会展")
_MODIFIERS = ("战略",)  # head words that are also adjectives (战略对话, 战略伙伴)
_HONOURS = ("抗击", "纪念", "庆祝")
_GUANYU = "关于"
COMRADE = "同志"
_TITLE_BREAKS = re.compile(r"[，。；：、！？,;:!?“”\"《》()（）\s]")


def _after_guanyu(d: Doc, a: int, s: int) -> int:
    """A document's name written out after 关于 (某部关于 + 某某某某实施方案) runs from 关于 to its head word,
    verbs and all; without 关于 within the clause the stem's start stays."""
    text = d.text
    g = text.rfind(_GUANYU, max(0, a - 30), a)
    if g < 0:
        return a
    p = g + len(_GUANYU)
    if _TITLE_BREAKS.search(text, p, s) or s - p < 4:
        return a
    return p


def _listed(d: Doc) -> list[Candidate]:
    """Named strategies, policies and epidemics from the reviewed list, whole at word boundaries (a 战略, 规划
    or 倡议 right after stays in the name)."""
    text, out = d.text, []
    for name, cls in _named().items():
        for s, e in occurrences(name, text):
            if not at_start(d, s) and len(name) < 4:
                continue  # a short listed name inside a word is not it; 深化改革开放 cut as 深化改革/开放 is
            for tail in ("战略", "规划", "倡议", "工程"):
                if text.startswith(tail, e) and cls == "Initiative":
                    e += len(tail)
                    break
            if org_after(text, e):
                continue  # 某某法 + 和法律委员会: a word of a body's name, no law (keep the whole name or nothing)
            if at_end(d, e) or text[e:e + 1] in "”\"》":
                out.append(Candidate(s, e, cls, "gazetteer", 0.85))
    return out
