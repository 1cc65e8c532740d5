"""Linking people on evidence (kg.link.entities calls :func:`split_people` after keying every mention of a name alike).

A name in several articles is one person only when what the articles say of them agrees: national titles (and
the country they name), local titles, posts at a region's organisations, role words, the countries a story names,
dates. See :func:`split_people` for the rules; every decision keeps its reason in the graph.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from functools import lru_cache, partial
from typing import Any

from .known import aliases, country_at_start
from .person_names import chinese_post, complete_cut_names, list_title_run, foreign as _foreign, join_full_forms, join_japanese_surnames
from .person_names import national_titles, office_phrase, office_title, resolve_nations, title_word, transliterated
from .person_names import nation as _nation, run_countries as _run_countries, title_run as _title_run
from .person_names import own_countries as _own_countries, same_country, title_tails as _title_tails
from .person_names import _father, _move
from kg.extract.foreign_regions import is_foreign_place
from kg.model import Mention, Relation
from kg.util.resources import table, words

__all__ = ["split_people", "day"]


def _national(text: str, found: list[Mention], people: list[Mention]) -> bool:
    """A national office holder: the titles right before some mention of the person (a run that ends in a post
    word), or inside it, name an office one person holds at a time or a national body (:func:`kg.link.person_names.national_titles`: 总书记,
    国务院总理, 总统, 全国人大常委会 ...), as in 中共中央总书记、国家主席、中央军委主席X or 全国人大常委会副委员长兼秘书长X."""
    titles = national_titles()
    enders = titles + words("posts.txt") + tuple("人长员席理记任委官帅") + ("同志",)  # 主持人, 秘书长, 委员, 统帅 ...
    for m in found:
        if m.text.startswith(titles) or _addressed(text, m):
            return True
        run = _title_run(text, m, people)
        if run.endswith(enders) and any(t in run for t in titles):
            return True
    return False


def _addressed(text: str, m: Mention) -> bool:
    """The name is followed by a title only a national office holder is addressed with (习近平主席, 李克强总理,
    普京总统: kg/link/data/address_titles.txt), not by a body that title begins (主席团, 总统府)."""
    for t in words("address_titles.txt"):
        if text.startswith(t, m.end):
            return text[m.end + len(t):m.end + len(t) + 1] not in ("团", "府", "院", "办", "令")
    return False


_LOCAL_TITLE = re.compile(r"[省市县区镇乡村州](?:委|政府|人大|政协|党委|党支部|党总支|副?[长主])")
_LIST_JOINS = ("、", "和", "与", "及")
_ATTENDING = ("等参加", "参加", "等出席", "出席", "等陪同", "陪同", "等一同", "一同")


def _attending(text: str, found: list[Mention], people: list[Mention]) -> bool:
    """Is a mention of ``found`` in a list of names that attend a leader's meeting or event (某某、某某等参加会见,
    某某、某某出席, 某某等陪同): the officials who accompany a national office holder."""
    starts = {m.start: m for m in people}
    for m in found:
        end = m.end
        while True:
            nxt = next((starts[end + len(j)] for j in _LIST_JOINS if end + len(j) in starts
                        and text[end:end + len(j)] == j), None)
            if nxt is None:
                break
            end = nxt.end
        if text.startswith(_ATTENDING, end):
            return True
    return False


_LEADERS_LISTED = 2  # national office holders in a list of names that make it a list of the leaders' circle


def _among_leaders(text: str, found: list[Mention], people: list[Mention], leaders: set[int]) -> bool:
    """Is a mention of ``found`` in a list of names (某某、某某和某某, a 某某（女） too) that names at least
    :data:`_LEADERS_LISTED` others the build knows as national office holders (``leaders``: where their mentions
    start)? Such lists (the present and former leaders who attend a state occasion, those the leaders visit at the
    Spring Festival) name the same circle year after year."""
    return any(sum(1 for x in _list_members(text, m, people) if x.start in leaders) >= _LEADERS_LISTED for m in found)


def _list_members(text: str, m: Mention, people: list[Mention]) -> list[Mention]:
    """The names of the list mention ``m`` stands in, ``m`` first: the names joined to it by 、, 和, 与, 及 (a
    某某（女） too) on either side (某某、某某和某某)."""
    starts, ends = {x.start: x for x in people}, {x.end: x for x in people}
    joins = _LIST_JOINS + tuple(f"（女）{j}" for j in _LIST_JOINS)
    members, cur = [m], m
    while (nxt := next((starts[cur.end + len(j)] for j in joins if cur.end + len(j) in starts
                        and text.startswith(j, cur.end)), None)) is not None:
        members.append(cur := nxt)
    cur = m
    while (prev := next((ends[cur.start - len(j)] for j in joins if cur.start - len(j) in ends
                         and text.startswith(j, cur.start - len(j))), None)) is not None:
        members.append(cur := prev)
    return members


_ROLL = 5  # names in a row, separated by spaces (a note in brackets after some: （女）, （某族）): a roll of names
_ROLL_GAP = re.compile(r"(?:[（(][^（）()\s]{1,10}[）)])?[ \u3000]?")


def _in_roll(text: str, found: list[Mention], people: list[Mention]) -> bool:
    """Is a mention of ``found`` in a roll of :data:`_ROLL` names or more printed with spaces between them (某某 某某某（女）
    某某（某族）某某某 ...: the members a body's notice or a delegation lists)? A roll says nothing of who the person is:
    no title, no role, no place."""
    return any(len(_roll_members(text, m, people)) >= _ROLL for m in found)


def _roll_members(text: str, m: Mention, people: list[Mention]) -> list[Mention]:
    """The names printed with spaces (and notes in brackets) between them in a row with mention ``m``, ``m`` too
    (某某 某某某（女） 某某 ...); [] when ``m`` is none of ``people``."""
    ordered = sorted(people, key=lambda x: x.start)
    at = {(x.start, x.end): i for i, x in enumerate(ordered)}
    linked = lambda a, b: b.start >= a.end and bool(_ROLL_GAP.fullmatch(text, a.end, b.start))  # noqa: E731
    i = at.get((m.start, m.end))
    if i is None:
        return []
    lo = hi = i
    while lo > 0 and linked(ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and linked(ordered[hi], ordered[hi + 1]):
        hi += 1
    return ordered[lo:hi + 1]


_MATES = 2  # other people (no national office holders) two lists of names share that make a name in both one person


def _mates(text: str, found: list[Mention], people: list[Mention], of: dict) -> set[str]:
    """The linking keys of the other people of the lists and rolls of names the mentions ``found`` stand in
    (:func:`_list_members`, :func:`_roll_members`; ``of``: the linking key of each mention)."""
    out = set()
    for m in found:
        out |= {of[(x.article, x.start, x.end)] for x in _list_members(text, m, people) + _roll_members(text, m, people)
                if x is not m and (x.article, x.start, x.end) in of}
    return out - {of.get((m.article, m.start, m.end)) for m in found}


def _post_province(text: str, found: list[Mention], people: list[Mention], context: list[str]) -> str:
    """The province (two-digit code) of the region a local title before the name names (广东省委书记 -> 44,
    盘锦市兴隆台区委宣传部长 -> 21); '' when the title names no region (县委书记 alone)."""
    from kg.extract import gazetteer

    for m in found:
        run = _title_run(text, m, people)
        for hit in _LOCAL_TITLE.finditer(run):
            end = hit.start() + 1  # the level character ends the region's name
            for n in range(min(end, 12), 1, -1):
                region = gazetteer.resolve(run[end - n:end], context) if run[end - n:end] in gazetteer.names() else None
                if region is not None:
                    return region.code[:2]
    return ""


_HEAD_POST = re.compile(r"(?:(?P<a>省|市|自治区)(?:委|党委)(?:副|常务副)?书记|(?P<b>省|市)长|(?P<c>自治区)(?:人民政府)?主席)"
                        r"(?=$|、|，|兼)")


def _provincial_head(text: str, found: list[Mention], people: list[Mention], context: list[str]) -> bool:
    """Does a title right before some mention make the person a province's leader: the party secretary, governor or
    chairman of a province, autonomous region or municipality (广东省委书记, 北京市长, 某某自治区主席; the region's code
    is a province's, 某某0000), not a city's (长沙市委书记)? Few people hold such posts; national leaders rise from
    them."""
    from kg.extract import gazetteer

    for m in found:
        run = _title_run(text, m, people).strip(" 　、")
        for hit in _HEAD_POST.finditer(run):
            end = hit.start() + len(hit.group("a") or hit.group("b") or hit.group("c"))  # (the level ends the region's
            # name; 贵州省委书记、省长: the first)
            for n in range(min(end, 12), 1, -1):
                name = run[end - n:end]
                region = gazetteer.resolve(name, context) if name in gazetteer.names() else None
                if region is not None:
                    if region.code.endswith("0000"):
                        return True
                    break
    return False


_HIGH_TITLE = re.compile(r"(?:[省市州]|自治区)(?:委|政府|人大|政协|党委|副?[长主])")  # 省委书记, 副市长: not 村支书
_COMPANY_POSTS = ("董事长", "总经理", "经理", "总裁", "首席执行官", "行长", "创始人", "法定代表人", "监事长")


def _abroad(region: str) -> bool:
    """Does a title's words up to its level character name a foreign region (美国某某州, 加州 + 州长: a foreign
    state's governor holds no local post in China): a foreign country, or a foreign place its last words name,
    short forms written in full (kg/link/data aliases), and no region of China's gazetteer?"""
    from kg.extract import gazetteer
    from kg.extract.foreign_regions import is_foreign_place

    china = max((n for n in range(2, min(len(region), 12) + 1) if region[-n:] in gazetteer.names()), default=0)
    abroad = max((n for n in range(2, min(len(region), 10) + 1)
                  if is_foreign_place(aliases().get(region[-n:], region[-n:]))), default=0)
    if china >= abroad and china:
        return False  # a region of China (延边朝鲜族自治州), not one a longer foreign name ends with (佛罗里达州: 达州)
    return abroad > 0 or _run_countries_of(region)


def _foreign_title(run: str) -> bool:
    """Do the titles before a name name a foreign region's post (加州 + 州长)?"""
    return any(_post_abroad(run, hit) for hit in _LOCAL_TITLE.finditer(run))


_BACK = 40  # characters before a title read for the region it refers to (该州州长, 某某州，州长)
_REFERS = ("该", "本", "此")  # 该州 + 州长: the state the story named before
_LEVELS = "省市县区州"


def _region_run(text: str, m: Mention, people: list[Mention]) -> str:
    """The titles before a mention (:func:`kg.link.person_names.title_run`); when they write no region of their own,
    a level's title alone right after a comma (纽约州，州长某某) or after a word that refers back (该州州长某某), the
    words before it in the sentence up to the last region of that level they name (某某州) come first: the title is
    that region's."""
    run = _title_run(text, m, people)
    end = m.start
    while end > 0 and text[end - 1] in " \u3000\xa0\t":
        end -= 1
    i = end - len(run)
    if run[:1] in _REFERS and run[1:2] in _LEVELS and _LOCAL_TITLE.search(run[1:4]):  # 该州州长, 该州长
        rest, before = run[1:], text[max(0, i - _BACK):i]
    elif _LOCAL_TITLE.match(run) and i > 0 and text[i - 1] in "，,":
        rest, before = run, text[max(0, i - 1 - _BACK):i - 1]
    else:
        return run
    before = re.split(r"[。！？!?；;\n]", before)[-1]
    at = before.rfind(rest[0])
    return before[:at + 1] + rest[1:] if at >= 0 else run


def _post_abroad(run: str, hit: re.Match) -> bool:
    """Is the region of the local title ``hit`` in ``run`` foreign: its name ends at the level character (某某州 +
    长) or right before it (加州 + 州长)?"""
    return any(_abroad(run[:i]) for i in (hit.start() + 1, hit.start()) if i >= 2)


def _run_countries_of(words_: str) -> bool:
    from kg.extract.finders import country_pattern

    return any(aliases().get(h.group(), h.group()) != "中国" for h in country_pattern().finditer(words_))


def _cues(text: str, found: list[Mention], people: list[Mention]) -> tuple[bool, frozenset[str]]:
    """(a local title, the role words) written before the mentions of a person. A local title names a level below
    the state (县委书记, 某村党支部书记, 副市长) and binds the person to a region; a role word is a company post
    (总经理) or the role of an ordinary person (村民, 医生, 记者: kg/extract/data/person_cues.tsv). A title written after
    the name (某某主席) is a form of address, and a functional role (主持人, 秘书长) says nothing of the kind."""
    cues, longest = _role_cues()
    local, roles = False, set()
    for m in found:
        run = _title_run(text, m, people)
        local = local or bool(_LOCAL_TITLE.search(run))
        roles |= {run[-k:] for k in range(1, min(longest, len(run)) + 1) if run[-k:] in cues}
    return local, frozenset(roles)


@lru_cache(maxsize=1)
def _role_cues() -> tuple[frozenset[str], int]:
    """The role words of :func:`_cues` (company posts, and what kg/extract/data/person_cues.tsv writes before a name
    but 代表), and the longest one's length."""
    cues = frozenset(_COMPANY_POSTS + tuple(w for w, side in table("person_cues.tsv") if side == "before" and w != "代表"))
    return cues, max(map(len, cues))


@lru_cache(maxsize=None)
def _roles(kind: str) -> frozenset[str]:
    """Role words of one kind (kg/link/data/role_kinds.tsv): ``office`` (代表, 秘书长, 总裁: an office holder may carry
    them too) or ``folk`` (村民, 种植户: an ordinary person's role many namesakes share)."""
    return frozenset(w for w, k in table("role_kinds.tsv") if k == kind)


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """The family of each role word that has one (kg/link/data/role_kinds.tsv: sport, art, letters ...)."""
    return {w: k for w, k in table("role_kinds.tsv") if k not in ("office", "folk")}


_PUBLIC_FIELDS = ("sport", "art", "letters")  # fields whose people the national news names for their work


def _fields(roles: frozenset[str] | set[str]) -> set[str]:
    """The public fields (:data:`_PUBLIC_FIELDS`: sport, art, letters) of some role words (选手, 名将 -> sport)."""
    return {f for w in roles if (f := _families().get(w)) in _PUBLIC_FIELDS}


def _same_field(name: str, roles: frozenset[str] | set[str], c: dict) -> bool:
    """A Chinese name of three characters or more with a role of a public field written before it in this story and
    in some story of cluster ``c`` (乒乓球选手某某某 and 世界冠军、名将某某某; 歌手 and 演员 of art), no role that says another
    person: one athlete, artist or writer, in any year (few people of one full name win fame in one field); a
    two-character name, which many share, never."""
    return len(name) > 2 and bool(_fields(roles) & _fields(c["roles"])) and not _clash(roles, c["roles"]) \
        and not (set(roles) | set(c["roles"])) & _roles("folk")


def _clash(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Two sets of role words that say two people: both known and no family in common (选手 and 名将 are one athlete;
    选手 and 医生 are two people)."""
    fam = _families()
    return bool(a and b) and {fam.get(w, w) for w in a}.isdisjoint({fam.get(w, w) for w in b})


_NEAR_DAYS = 60  # a story about a person with a common two-character name is followed up within weeks
_NEAR_DAYS_LONG = 365  # a longer name: within a year
_COMRADE = "同志"  # the honorific after a name: 某某某同志
_ACADEMICIAN = "院士"  # a member of an academy, before or after the name
_APPOINTED = ("任", "兼任", "担任", "不再", "被任命", "调任", "提名")  # after 某某同志: a notice of appointments
_OFFICE_DAYS = 4 * 365  # a foreign office holder's full name and the short form of his title and country: one term
_FAMOUS = 5  # stories naming a person, most without a post in a region: a public figure (a hero, an artist);
# a two-character name with a most common surname (kg/link/data/common_surnames.txt: 李某), twice as many
_KNOWN = 3  # stories naming a full three-character Chinese name, most without a post in a region: a known person
_COMMON_GIVEN = 2  # surnames the build writes before one given name that make it a common given name (李智勇, 王智勇)
_FIGURE_YEARS = 3  # calendar years a famous name's stories span: a public figure named over the years


def day(date: str | None) -> int | None:
    """An ISO date as a day number (None when unknown or malformed)."""
    try:
        return _dt.date.fromisoformat(date).toordinal() if date else None
    except ValueError:
        return None


def _central(org: str, keys: Any) -> bool:
    """A post at a national body: a government or party body named without a region (国家发展和改革委员会, 中共中央
    宣传部, a known national body: kg/link/data/aliases.tsv)."""
    if not (org.startswith("org||") or org.startswith("known|")) or org not in keys.keyed:
        return False
    return all(m.cls in ("GovernmentBody", "PartyOrganization") for m in keys.keyed[org])


def _other_title(a: set[str], b: set[str]) -> bool:
    """Two sets of title words that say two people (某某的助手 and 首席大法官某某): both known, none in common, and not
    both holding an office (主席 and 总统 may be one head of state's two titles); a role an office holder carries too
    (代表, 秘书长: kg/link/data/role_kinds.tsv ``office``) says nothing against an office (某国代表 and 副总理)."""
    a, b = set(a) - _roles("office"), set(b) - _roles("office")
    return _clash(a, b) and not (any(map(office_title, a)) and any(map(office_title, b)))


def _agrees(own: set[str], c: dict) -> bool:
    """Do the countries of the titles right before the name in a story (``own``: 巴基斯坦 of 巴基斯坦新任驻华大使某某)
    agree with those of the stories of cluster ``c``: one of them unknown, or a country in common? Two foreign
    namesakes the titles give two countries (沙特某大臣某某, 巴基斯坦驻华大使某某) are two people."""
    return not own or not c.get("owns") or any(same_country(a, b) for a in own for b in c["owns"])


def _join_the_only_other(clusters: list[dict], by_article: dict[str, list[Mention]], keys: Any,
                         days: dict[str, int | None], rare: bool = False) -> list[dict]:
    """A longer name's mentions with neither post nor role of their own (kept apart only because the articles came
    in another order: 某某同志 before 某区委宣传部长某某) join the one other person of that name, who has a local
    title, when named within a
    year of them (an ordinary person's role: in the same province); a name of few namesakes (``rare``: three
    characters, a less common surname; not a public figure's stories) in any year (某省委书记某某, then 某某 in a list
    years later)."""
    plain = [c for c in clusters if c.get("plain") and not c.get("national") and not c["roles"] - _roles("office")]
    rest = [c for c in clusters if not any(c is p for p in plain)]
    if len(rest) != 1 or not plain or rest[0].get("national") or not rest[0].get("local"):
        return clusters  # (an office holder: by the rules of the titles; two without posts: by the rules of dates)
    other = rest[0]
    kept = [other]
    for c in plain:
        near = rare or any(abs(d - e) <= _NEAR_DAYS_LONG for d in c.get("days", ()) for e in other.get("days", ())) \
            or not c.get("days") or not other.get("days")
        folk = other["roles"] & _roles("folk") and not c["provs"] & other["provs"]  # 种植户某某 in another province
        if not near or folk or not _agrees(c.get("owns", set()), other):  # (nor one another country's title gives)
            kept.append(c)
            continue
        _absorb(other, c, by_article, keys, "same name, no post or role of its own, the only other person of that "
                f"name, named within {_NEAR_DAYS_LONG} days", 0.6)
    return [c for c in clusters if any(c is k for k in kept)]


def _absorb(target: dict, c: dict, by_article: dict[str, list[Mention]], keys: Any, reason: str, score: float) -> None:
    """Cluster ``c``'s stories join cluster ``target``, each mention keeping ``reason`` and ``score``."""
    target["articles"] += c["articles"]
    for art in c["articles"]:
        for m in by_article[art]:
            keys.why[(m.article, m.start, m.end)] = (reason, score)


def _known_fits(roles: frozenset[str], words_: set[str], orgs: set[str], c: dict) -> bool:
    """Does nothing in cluster ``c`` say another person than the known full name (:data:`_KNOWN`) a story names
    with ``roles``, title words ``words_`` and posts at ``orgs``: no role, title or organisation that differs?"""
    return not _clash(roles, c["roles"]) and not _other_title(words_, c.get("words", set())) \
        and not (orgs and c["orgs"] and not orgs & c["orgs"])


def _roll_fits(rolled: bool, words_: set[str], politics: bool, others: set[str], c: dict) -> bool:
    """A roll of names (:func:`_in_roll`) says nothing of who the person is: a story that names them only there
    (``rolled``) joins a cluster of other stories (or a story with title words ``words_`` that names other national
    office holders or not, ``politics``, a cluster of rolls) only when those give the person a title or role, name
    other national office holders (the circle such rolls list), or name someone or some organisation (``others``)
    the other side names too: a graduate in a local story is not the member a national body's roll lists."""
    if rolled == c.get("rolled", False):
        return True
    told_of = (c.get("words") or c.get("politics")) if rolled else (words_ or politics)
    return bool(told_of) or bool(others & c.get("company", set()))


def _join_rolls(clusters: list[dict], by_article: dict[str, list[Mention]], keys: Any) -> list[dict]:
    """The clusters of a name that only rolls of names give (:func:`_in_roll`: the members a national body's notice
    lists, 某某 某某某（女） ...) join the one other cluster of that name whose stories tell of an official the news
    follows: a national office holder of China, a provincial or city post in every story, or a title in a story that
    names national office holders too (某省委书记某某 and the party congress committee's roll; 某某院副院长某某 and the
    NPC standing committee's), named within :data:`_NEAR_DAYS_LONG` days of the roll, no ordinary person's role. Two
    such clusters (namesakes of a common name among officials) or none: the rolls stay apart."""
    rolls = [c for c in clusters if c.get("rolled")]
    if not rolls or len(rolls) == len(clusters):
        return clusters
    told = [c for c in clusters if not c.get("rolled") and not c["roles"] & _roles("folk") and (
        (c.get("national") and not c.get("nation")) or c.get("high") or (c.get("words") and c.get("politics")))]
    if len(told) != 1:
        return clusters
    official = told[0]
    kept = []
    for c in clusters:
        if c is official or not any(c is r for r in rolls) or not any(
                abs(d - e) <= _NEAR_DAYS_LONG for d in c.get("days", ()) for e in official.get("days", ())):
            kept.append(c)
            continue
        _absorb(official, c, by_article, keys, "same name, a roll of names only, the one other person of that name an "
                "official the news follows (a national or provincial post, or a title beside national office holders), "
                f"named within {_NEAR_DAYS_LONG} days", 0.7)
    return [c for c in clusters if any(c is k for k in kept)]


_HONOURED = {  # cluster attribute -> how the stories name the person (the reason of the join)
    "comrade": "written with 同志 in stories that give no post in a region",
    "academician": "called 院士 (某某院士, 院士某某)",
}


def _join_comrades(clusters: list[dict], by_article: dict[str, list[Mention]], keys: Any,
                   how: str = "comrade") -> list[dict]:
    """The clusters of a Chinese name of three characters or more that each have a story writing it with the
    honorific 同志 and no post in a region (``how`` "comrade", 某某某同志: a leader, a hero the news names by it,
    years apart, in the story of another province), or calling it 院士 (``how`` "academician": few people of one
    full name are), none with a local title, no ordinary person's role and no roles that differ: one person (any
    year, any province). Two such clusters are what the order of the stories left apart."""
    comrades = [c for c in clusters if c.get(how) and not c.get("local") and not c["roles"] & _roles("folk")]
    if len(comrades) < 2 or any(_clash(a["roles"], b["roles"]) for a in comrades for b in comrades if a is not b):
        return clusters
    first, rest = comrades[0], comrades[1:]
    for c in rest:
        _absorb(first, c, by_article, keys, f"same name of three characters or more {_HONOURED[how]}, no "
                "conflicting role (any year, any province)", 0.7)
        first["roles"] = first["roles"] | c["roles"]
    return [c for c in clusters if not any(c is r for r in rest)]


_LONG_FOREIGN = 4  # characters of a transliterated name that few namesakes share (a surname alone has two or three)
_LONGER_FOREIGN = 5  # characters of a transliterated name that one person the news follows carries (卡普里莱斯-like)


def _join_near_foreign(clusters: list[dict], by_article: dict[str, list[Mention]], keys: Any,
                       length: int) -> list[dict]:
    """A long foreign name (:data:`_LONG_FOREIGN` characters or more, or with a middle dot) whose stories were kept
    apart only because each names several countries (某某某某 in stories about a crisis that involves many) is one
    person across its clusters named within :data:`_NEAR_DAYS` of each other, with a country in common, no role or
    title that says two people and no two countries in the titles, and (``length`` 0: a famous name of three
    characters; 1: four or more) the same title word, someone or some organisation named in both, or (1) two
    countries in common; (2: a dotted name) nothing more; (3: :data:`_LONGER_FOREIGN` characters or more, undotted:
    a surname few people carry, 某某某某某) as (1), or within :data:`_NEAR_DAYS_LONG` days with a title or role before
    it in some story (a person, not a group's name taken for one). National clusters keep to the rules of their
    titles; a name that begins or ends two or more dotted full names of the build (a given name many share) never
    comes here."""

    def near(a: dict, b: dict, window: int) -> bool:
        return any(abs(d - e) <= window for d in a.get("days", ()) for e in b.get("days", ()))

    def fits(a: dict, b: dict) -> str | None:
        """Why clusters ``a`` and ``b`` are one person, or None."""
        if not (not a.get("national") and not b.get("national") and bool(a["abroad"] & b["abroad"])
                and not _clash(a["roles"], b["roles"]) and not _other_title(a.get("words", set()), b.get("words", set()))
                and _agrees(a.get("owns", set()), b) and not (a.get("told") and b.get("told") and not a["told"] & b["told"])):
            return None
        if length == 3 and near(a, b, _NEAR_DAYS_LONG) and (a.get("words") or b.get("words") or a["roles"] or b["roles"]):
            return (f"same long foreign name ({_LONGER_FOREIGN} characters or more), a country in common, a title or role, "
                    f"no other title, named within {_NEAR_DAYS_LONG} days of its other stories")
        if near(a, b, _NEAR_DAYS) and (length == 2 or bool(a.get("words", set()) & b.get("words", set()))
                                       or bool(a.get("company", set()) & b.get("company", set()))
                                       or (length in (1, 3) and len(a["abroad"] & b["abroad"]) >= 2)):
            return (f"same long foreign name, a country in common, named within {_NEAR_DAYS} days of its other "
                    "stories, the same title word, company or two countries")
        return None

    merged = True
    while merged:
        merged = False
        for i, a in enumerate(clusters):
            b, why = next(((b, w) for b in clusters[i + 1:] if (w := fits(a, b))), (None, None))
            if b is None or why is None:
                continue
            for art in b["articles"]:
                for m in by_article[art]:
                    keys.why[(m.article, m.start, m.end)] = (why, 0.7)
            a["articles"] += b["articles"]
            for f in ("abroad", "roles", "words", "owns", "told", "days", "company"):
                a[f] = set(a.get(f, set())) | set(b.get(f, set()))
            clusters.remove(b)
            merged = True
            break
    return clusters


_DOMINANT = 10  # stories of the largest cluster of a famous foreign name (a figure the news follows for months)


def _open(c: dict) -> bool:
    """Is cluster ``c`` an office the stories leave open (总统某某 in a story that names other countries than the
    office's: :func:`kg.link.person_names.resolve_nations` gives it ``?article``)?"""
    return bool(c.get("national")) and str(c.get("nation", "")).startswith("?")


def _bare(c: dict) -> bool:
    """Does cluster ``c`` name the person bare in all its stories: no title or role word before the name and no
    country in the titles (普京与某某会谈, 某某表示)?"""
    return not c.get("words") and not c["roles"] and not c.get("owns") and not c.get("told")


def _join_dominant_foreign(clusters: list[dict], by_article: dict[str, list[Mention]], keys: Any) -> list[dict]:
    """A foreign name with no national office holder of that name, whose largest cluster holds :data:`_DOMINANT` or
    more stories, more than half of the name's stories and four times as many as any other cluster (a figure the news followed for months: 某某 the
    whistle-blower, named bare in stories about the many countries his leaks touch), is that person in the small
    clusters too that share a country with it, give no role or title that says another person and no country of
    their own in the titles; when that cluster is an office holder's (联合国秘书长发言人某某), the small ones need a
    title word in common with it too (某某的发言人某某, the title run broken by the name of the one he speaks for), or
    no title at all (:func:`_bare`: 某国总统某某 in most stories, 某某表示 in a story about other countries). A
    surname alone that many people share never makes one cluster this large; the rule joins no cluster to another
    small one, and never when another cluster of the name holds a national office of a country (an office left open,
    :func:`_open`, joins like the others: 某某总统 in a story that names only the countries he meets)."""
    if len(clusters) < 2:
        return clusters
    sizes = sorted(((len(c["articles"]), i) for i, c in enumerate(clusters)), reverse=True)
    big = clusters[sizes[0][1]]
    total = sum(n for n, _ in sizes)
    if sizes[0][0] < _DOMINANT or 2 * sizes[0][0] <= total or 4 * sizes[1][0] > sizes[0][0] \
            or any(c.get("national") and not _open(c) for c in clusters if c is not big):
        return clusters
    kept = []
    for c in clusters:
        if c is big or not c["abroad"] & big["abroad"] or _clash(c["roles"], big["roles"]) \
                or (big.get("national") and not c.get("words", set()) & big.get("words", set()) and not _bare(c)) \
                or _other_title(c.get("words", set()), big.get("words", set())) or not _agrees(c.get("owns", set()), big) \
                or (c.get("told") and big.get("told") and not c["told"] & big["told"]):
            kept.append(c)
            continue
        for art in c["articles"]:
            for m in by_article[art]:
                keys.why[(m.article, m.start, m.end)] = (
                    f"same foreign name as the one person of that name the build names in most of its stories "
                    f"({len(big['articles'])} of {total}), a country in common, no other role, title or title country",
                    0.7)
        big["articles"] += c["articles"]
    return [c for c in clusters if c is big or any(c is k for k in kept)]


def split_people(keys: Any, relations: dict[str, list[Relation]], contexts: dict[str, list[str]],
                  texts: dict[str, str], days: dict[str, int | None]) -> None:
    """One name in several articles is one person only when the evidence agrees.

    - A person named after a national title (:func:`_national`) is one person per country named in the titles
      (英国首相某某 and 美国某州州长某某 differ), whatever the province of the article. An article naming the name
      without a post in a region joins the single such person; a common two-character name does so only in a story
      that names other national office holders.
    - A local title or a post at a region's organisation binds a person to the region (:func:`_cues`): a post at
      the same organisation or the same province joins, another province never.
    - A name named without a post in a region joins across provinces only within weeks (:data:`_NEAR_DAYS`), or
      within a year with someone or some organisation named in both stories or the same title (a two-character
      name in the same province too, and not when the role words differ, 村民 / 医生); an anonymised name (张某)
      never joins another article. A name in stories that name the same national office holder joins in any year
      when it is longer than two characters, or listed in each among those who attend (某某、某某等参加会见: the
      officials who accompany the office holder).
    - A foreign name (布朗, 奥尼尔: often a surname alone; :func:`kg.link.person_names.foreign`) is first the full
      name its article writes (某某·布朗); an untitled national title is the office of the one country the
      story names (:func:`kg.link.person_names.resolve_nations`); it joins only where the stories name a foreign
      country in common and the titles before it do not differ (某某的助手 and 首席大法官某某 are two people), and
      with the same title and a country in common in any year; a province says nothing of it.
    - Whatever else agrees, a name whose titles right before it give two countries in two stories (沙特某大臣某某,
      巴基斯坦新任驻华大使某某: :func:`kg.link.person_names.own_countries`) is two people.
    Every decision keeps its reason, a refusal too (``kept apart: …``)."""
    complete_cut_names(keys, texts)
    join_full_forms(keys)
    join_japanese_surnames(keys, texts)
    posts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rels in relations.values():
        for r in rels:
            s, o = keys.of.get(r.subject), keys.of.get(r.object)
            if r.predicate == "holdsPost" and s and o:
                posts[(r.article, s)].add(o)
    people: dict[str, list[Mention]] = defaultdict(list)
    for key in (k for k in keys.keyed if k.startswith("Person|")):
        for m in keys.keyed[key]:
            people[m.article].append(m)
    titled: dict[str, set[str]] = {  # the people each article names with a national title (by linking key)
        a: {keys.of[(m.article, m.start, m.end)] for m in ms if _national(texts.get(a, ""), [m], ms)}
        for a, ms in people.items()}
    office = set().union(*titled.values())  # the names of national office holders anywhere in the build
    leaders = {a: {keys.of[(m.article, m.start, m.end)] for m in ms} & office for a, ms in people.items()}
    office_at = {a: {m.start: k for m in ms if (k := keys.of[(m.article, m.start, m.end)]) in office}
                 for a, ms in people.items()}  # where each article names a national office holder, and whom
    company: dict[str, set[str]] = defaultdict(set)  # the other people and organisations each article names
    for k, ms in keys.keyed.items():
        if (k.startswith("Person|") and k not in office) or (k.startswith("org|") and not k.startswith("org||")):
            for m in ms:
                company[m.article].add(k)
    abroad: dict[str, set[str]] = defaultdict(set)  # the foreign countries each article names, alone or heading a name
    for ms in keys.keyed.values():
        for m in ms:
            country = aliases().get(head, head) if (head := country_at_start(m.text)) else None
            if country and country != "中国":
                abroad[m.article].add(country)
    offices: dict[str, tuple[str, frozenset[str], frozenset[int]]] = {}
    # how many dotted full names of the build begin or end with a name: a given or family name several people
    # share (穆某某德 of 穆某某德·某某 and 穆某某德·某某某) joins no clusters by the weeks alone
    parts: Counter[str] = Counter()
    for full in {k.split("|")[1] for k in keys.keyed if k.startswith("Person|") and "·" in k}:
        bits = full.split("·")
        parts.update({bits[0], bits[-1]})
    # the surnames the build writes before each given name of a full three-character Chinese name (智勇: 李, 王): a
    # given name two surnames carry is a common one
    givens: dict[str, set[str]] = defaultdict(set)
    for full in {k.split("|")[1] for k in keys.keyed if k.startswith("Person|")}:
        if len(full) == 3 and full[0] in words("surnames.txt") and not transliterated(full):
            givens[full[1:]].add(full[0])
    for key in sorted(k for k in keys.keyed if k.startswith("Person|")):
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for m in keys.keyed[key]:
            by_article[m.article].append(m)
        if len(by_article) < 2:
            _single_office(key, by_article, texts, people, abroad, days, offices)
            continue
        name = key.split("|")[1]
        anonymous = name.endswith("某")
        cues = {art: _cues(texts.get(art, ""), ms, people.get(art, [])) for art, ms in by_article.items()}
        # a name of transliteration characters in stories that all name a foreign country, never with a local
        # title, is foreign too (its first character may be a Chinese surname: 施某某, 伯某)
        # (and a name with a local title in some story is a Chinese citizen's: 某某·某某, 村党支部书记)
        # (a post of a foreign region counts as a foreign country named and no local post, for a name no story
        # gives a national title: 加州州长某某)
        posted_abroad = {a: any(_foreign_title(_region_run(texts.get(a, ""), m, people.get(a, []))) for m in ms)
                         for a, ms in by_article.items()}
        if any(_national(texts.get(a, ""), ms, people.get(a, [])) for a, ms in by_article.items()):
            posted_abroad = dict.fromkeys(by_article, False)
        # (nor is a name with a middle dot that some story gives a post at a national body of China, 全国人大常委会副
        # 委员长某某·某某: the Uyghur, Tibetan or Kazakh name of a Chinese citizen, whatever countries the story names)
        # (nor one some story lists among two or more of China's national office holders, 全国政协副主席某某、某某、
        # 某某·某某: the title before the list is theirs too)
        citizen = "·" in name and any(
            chinese_post(texts.get(a, ""), ms, people.get(a, []))
            or _among_leaders(texts.get(a, ""), ms, people.get(a, []),
                              {at for at, k in office_at.get(a, {}).items() if k != key and not _foreign(k.split("|")[1])})
            for a, ms in by_article.items())
        foreign = (_foreign(name) or (transliterated(name) and all(abroad[a] or posted_abroad[a] for a in by_article))) \
            and not citizen and not any(local and not posted_abroad[a] for a, (local, _) in cues.items())
        told_by = {a: _run_countries(texts.get(a, ""), ms, people.get(a, [])) for a, ms in by_article.items()}
        # the country of the title right before the name (巴基斯坦新任驻华大使某某): two stories whose titles give a
        # name two countries speak of two people (沙特某大臣某某 and 巴基斯坦驻华大使某某), whatever else they share
        owns = {a: _own_countries(texts.get(a, ""), ms, people.get(a, [])) for a, ms in by_article.items()}
        # the one foreign country a story gives the person: the titles before the name name it, else the story names
        # no other
        home = {a: next(iter(t)) if len(t := told_by[a] or abroad[a]) == 1 else "" for a in by_article}
        # (a name listed after others with no title of its own has the list's: 航天员某某、某某)
        words_by = {a: {title_word(list_title_run(texts.get(a, ""), m, people.get(a, []))) for m in ms} - {""}
                    for a, ms in by_article.items()}
        nations = {a: _nation(texts.get(a, ""), ms, people.get(a, [])) for a, ms in by_article.items()
                   if _national(texts.get(a, ""), ms, people.get(a, []))
                   or (not foreign and any(_central(o, keys) for o in posts.get((a, key), ())))}
        if foreign:  # 总统某某 beside 美国总统某某: the title without a country is the office of the country named
            nations = resolve_nations(nations, told_by, abroad, {
                a: office_phrase(texts.get(a, ""), by_article[a], people.get(a, [])) for a in nations}, texts)
        elif not foreign and nations:  # a Chinese-looking name holds one national office: the country most named
            counts = Counter(nations.values())
            nations = dict.fromkeys(nations, max(counts, key=lambda n: (counts[n], n == "")))
        clusters: list[dict] = []
        by_nation: dict[str, dict] = {}
        for nation in sorted(set(nations.values())):
            by_nation[nation] = {"articles": [], "provs": set(), "orgs": set(), "roles": set(), "national": True,
                                 "abroad": set().union(*(abroad[a] for a, n in nations.items() if n == nation)),
                                 "nation": nation, "leaders": set(),
                                 "words": set().union(*(words_by[a] for a, n in nations.items() if n == nation)),
                                 "runs": {nation} if nation else set().union(*(
                                     _run_countries(texts.get(a, ""), by_article[a], people.get(a, []))
                                     for a, n in nations.items() if n == nation)),
                                 # the provinces where the office holder holds a local post too (政治局委员、某省委书记)
                                 "posts": {_post_province(texts.get(a, ""), by_article[a], people.get(a, []),
                                                          contexts.get(a) or []) for a, n in nations.items()
                                           if n == nation} - {""}}
            by_nation[nation]["owns"] = {nation} if nation and not nation.startswith("?") else set()
            clusters.append(by_nation[nation])
        # a name many stories repeat, mostly without a post in a region, is a public figure (雷锋), not a common name
        unposted = sum(1 for art, (local, _) in cues.items() if not local and not posts.get((art, key)))
        # a full Chinese name of three characters with a less common surname (翟某某, not 王某某: kg/link/data/
        # common_surnames.txt), a title or role before it in some story (a person, not a word taken for a name), has
        # few namesakes: the province of the story and the weeks between say nothing against it
        rare = len(name) == 3 and not foreign and not anonymous and not transliterated(name) \
            and name[0] in words("surnames.txt") and name[0] not in words("common_surnames.txt") \
            and any(words_by.values())
        # a name of three characters or more, no foreign place's, with a title or role before it in some story (a
        # person, not a word or place taken for a name)
        placeless = len(name) >= 3 and not is_foreign_place(name) and any(words_by.values())
        famous = len(cues) >= _FAMOUS * (2 if len(name) <= 2 and name[0] in words("common_surnames.txt") else 1) \
            and 2 * unposted >= len(cues)
        # a full Chinese name of three characters that :data:`_KNOWN` stories or more repeat, most without a post in
        # a region (a champion, a model worker, a minister the news follows: 某某某 in stories months apart), is one
        # person across provinces within the year when no role says another person: namesakes of a full name
        # seldom reach the national news that often in one year
        # (not a common name: a most common surname, kg/link/data/common_surnames.txt, and a given name the build
        # gives another surname too, 李智勇 beside 王智勇: such a name has namesakes in every province)
        known = len(name) == 3 and not foreign and not anonymous and not transliterated(name) \
            and name[0] in words("surnames.txt") and len(cues) >= _KNOWN and 2 * unposted >= len(cues) \
            and not (name[0] in words("common_surnames.txt") and len(givens[name[1:]]) >= _COMMON_GIVEN)
        # the stories that name the person in a roll of names only (某某 某某某（女） 某某 ...): nothing of who
        rolled = {a: _in_roll(texts.get(a, ""), ms, people.get(a, [])) for a, ms in by_article.items()}
        # the other people of the lists of names it stands in (某某、某某和某某; a roll): the circle it is named with
        # (not the national office holders, whom many lists name: the one who receives them, 某某 and 某某 visit …)
        mates = {a: _mates(texts.get(a, ""), ms, people.get(a, []), keys.of) - office for a, ms in by_article.items()}
        # a public figure named over the years (a hero, a founding father: 某某精神, 某某先生诞辰): a famous Chinese name
        # (a surname and one or two characters, or a citizen's dotted name) whose stories span :data:`_FIGURE_YEARS` calendar years or more is one person in every story that gives no
        # post in a region and no role that says another person, whatever the weeks between
        years = {_dt.date.fromordinal(d).year for a in by_article if (d := days.get(a)) is not None}
        figure = famous and not foreign and not anonymous and len(years) >= _FIGURE_YEARS and (
            citizen or (len(name) <= 3 and name[0] in words("surnames.txt") and not transliterated(name)))
        for art in sorted(by_article):
            ctx = contexts.get(art) or []
            local_title, roles = cues[art]
            where = _post_province(texts.get(art, ""), by_article[art], people.get(art, []), ctx) if local_title else ""
            prov = where or (ctx[0][:2] if ctx else "")  # the province of the post, else of the story
            orgs = posts.get((art, key), set())
            bound = local_title or any(o.startswith("org|") and o.split("|")[1] for o in orgs)  # to a region
            others = company[art] - {key}
            tails = _title_tails(texts.get(art, ""), by_article[art], people.get(art, []), list_title_run)
            high = local_title and any(_HIGH_TITLE.search(_title_run(texts.get(art, ""), m, people.get(art, [])))
                                       for m in by_article[art])
            # the office holder this article may mean: China's (a Chinese name), or the one whose country it names
            # (a foreign office holder whose titles never name the country: one the stories name in common)
            # (and not one whose titles name another country than this article's titles: 印度外交国务部长某某)
            told = _run_countries(texts.get(art, ""), by_article[art], people.get(art, []))
            own_here = owns[art]
            agrees = partial(_agrees, own_here)
            fits = [c for n, c in by_nation.items()
                    if ((n == "" and (not foreign or c["abroad"] & abroad[art])) or n in abroad[art])
                    and (not told or told & c["runs"]) and agrees(c)]
            own = roles - _roles("office")  # 村民, 医生: not 代表, 秘书长, which an office holder may be too
            single = fits[0] if len(fits) == 1 else None
            if single is not None and foreign and _other_title(words_by[art], single["words"]):
                single = None  # 某某的助手 is not the 首席大法官 of that name: a title of its own, another office

            listed = _attending(texts.get(art, ""), by_article[art], people.get(art, [])) or _among_leaders(
                texts.get(art, ""), by_article[art], people.get(art, []),
                {start for start, k in office_at.get(art, {}).items() if k != key})
            target = None
            politics = bool((leaders.get(art, set()) | titled.get(art, set())) - {key})  # names other office holders
            # the name written with the honorific 同志 after it (某某某同志: a leader, a hero, an official the news
            # names by it)
            # (not an appointment notice, 某某同志任某省委书记: the post after it binds the person to a region)
            comrade = any(texts.get(art, "").startswith(_COMRADE, m.end)
                          and not texts.get(art, "").startswith(_APPOINTED, m.end + len(_COMRADE))
                          for m in by_article[art])
            # an academician (中国工程院院士某某某, 某某某院士): few people of one full name are
            academician = any(texts.get(art, "").startswith(_ACADEMICIAN, m.end)
                              or _title_run(texts.get(art, ""), m, people.get(art, [])).endswith(_ACADEMICIAN)
                              for m in by_article[art])
            if anonymous:
                pass
            elif art in nations:
                target = by_nation[nations[art]]
                reason, score = "same name after a national title of the same country (never split by province)", 0.95
            elif single is not None and not bound and not own and (foreign or len(name) > 2 or politics
                                                                    or single["nation"]):  # its country named here
                target, reason, score = single, "same name as a national office holder, no post of its own", 0.85
            elif single is not None and not bound and politics and not own:  # (某中心负责人某某: a role of its own)
                target, reason, score = single, ("same name as a national office holder, in a story that names "
                                                 "national office holders, no post in a region"), 0.8
            elif single is not None and prov in single["posts"] and not own:
                target, reason, score = single, ("same name as a national office holder who holds a post in the "
                                                 "same province"), 0.85
            elif single is not None and not foreign and not own and not single["nation"] \
                    and _provincial_head(texts.get(art, ""), by_article[art], people.get(art, []), ctx):
                target, reason, score = single, ("same name as a national office holder of China, the leader of a "
                                                 "province (national leaders rise from such posts)"), 0.8
            else:
                regular = [c for c in clusters if not c.get("national") and agrees(c)]
                clusters_ok = [c for c in clusters if agrees(c)]
                shared = [c for c in regular
                          if orgs & c["orgs"] and not (prov and c["provs"] and prov not in c["provs"])]
                day = days.get(art)
                window = _NEAR_DAYS if len(name) <= 2 else _NEAR_DAYS_LONG
                near = {c_i for c_i, c in enumerate(clusters)  # (no date known: no evidence against)
                        if day is None or not c.get("days") or any(abs(day - d) <= window for d in c["days"])}
                # (a common two-character name in one province needs the date, a title, a title word or someone
                # named in both too: a province has many namesakes)
                same = [c for c_i, c in enumerate(regular) if prov and prov in c["provs"]
                        and not (len(name) <= 2 and (_clash(roles, c["roles"]) or not (
                            famous or any(c is clusters[i] for i in near) or c.get("company", set()) & others
                            or c.get("tails", set()) & tails or c.get("words", set()) & words_by[art])))
                        and _roll_fits(rolled[art], words_by[art], politics, others, c)]
                # a foreign name with the same title before it, naming no other country: one office holder, any year
                # (or the same office word after the same country: 某国议长 and 某国党主席、议长; or a full name written
                # with a middle dot, 某某·某某, of the one country both stories give it, and no other title)
                same_title = [c for c in regular if foreign and (c.get("tails", set()) & tails or (
                                  told & c.get("told", set()) and any(map(office_title, words_by[art] & c["words"])))
                                  or (words_by[art] & c["words"] and abroad[art] & c["abroad"]
                                      and any(c is clusters[i] for i in near))  # (嫌疑人某某 of one country, that year)
                                  or (home[art] and c.get("homes") == {home[art]} and (
                                      any(map(office_title, words_by[art] & c["words"]))
                                      or ("·" in name and not _other_title(words_by[art], c["words"])))))
                              and not (told and c.get("told") and not told & c["told"])
                              and not _clash(roles, c["roles"])]
                # a Chinese name with the same title written before it (外交部发言人, 驻某国大使, a national office
                # holder's other title: 某某集团主席): one post, any year, unless a post binds it to another province or the role is an ordinary person's
                # (a name of few namesakes, ``rare``, the same title word alone: 某某号航天员 and 乘组航天员某某)
                same_post = [c for c in clusters_ok if not foreign and (rare or tails & c.get("tails", set()))
                             and words_by[art] & c.get("words", set()) and not _clash(roles, c["roles"])
                             and not (roles | c["roles"]) & _roles("folk")
                             and not (bound and prov and c["provs"] and prov not in c["provs"])]
                # a common name (two characters, or an ordinary role in another province) needs more than the
                # date: the same province, or someone or some organisation named in both stories; a longer name in
                # another province more than the year: the same weeks (a common name has namesakes everywhere)
                # (a foreign name, often a surname alone: 约翰逊, 托雷斯, needs company or the same title too)
                # (a foreign full name written with a middle dot, 某某·某某, and a country in common is no common name)
                weak = [c for c in clusters if not famous and not (roles & c["roles"]) - _roles("folk")
                        and not ("·" in name and abroad[art] & c["abroad"])
                        # (nor is a longer name in stories about one foreign country, the same, named within the
                        # year: the story's province is no evidence; not a two-character name, 田某 of one country)
                        # (a foreign surname alone with the same title word only: 托某某 the footballer and the
                        # skier of one country are two people)
                        and not (placeless and home[art] and c.get("homes") == {home[art]}
                                 and (not foreign or words_by[art] & c["words"])
                                 and any(c is clusters[i] for i in near))
                        and not (c.get("company", set()) & others) and not (c.get("tails", set()) & tails)
                        and (foreign or (not (prov and prov in c["provs"]) and (
                            len(name) <= 2 or bool(roles & _roles("folk")) or bool(c["roles"] & _roles("folk"))
                            or not (rare or (known and _known_fits(roles, words_by[art], orgs, c)) or day is None or not c.get("days")
                                    or any(abs(day - d) <= _NEAR_DAYS for d in c["days"])))))]
                plain = [c for c_i, c in enumerate(clusters) if c.get("plain") and not c.get("national") and agrees(c)
                         and (not foreign or c["abroad"] & abroad[art])  # a foreign name: a country in common
                         and (c_i in near  # a story and its follow-ups (a public figure: any year)
                              or (figure and not _clash(roles, c["roles"])))
                         and not any(c is w for w in weak)
                         and not (len(name) <= 2 and _clash(roles, c["roles"]))
                         and not (foreign and _other_title(words_by[art], c["words"]))  # 助手 and 大法官: two people
                         and _roll_fits(rolled[art], words_by[art], politics, others, c)]
                # a longer name in stories that name the same national office holder: the same circle, any year
                # (a two-character name too when both stories list it among those who attend: 某某、某某等参加会见)
                allied = [c for c in clusters_ok if c.get("plain") and not c.get("national")
                          and (len(name) > 2 or (listed and c.get("listed")))
                          and (not foreign or c["abroad"] & abroad[art]) and (c["leaders"] & leaders.get(art, set()))
                          and not _clash(roles, c["roles"]) and not (foreign and _other_title(words_by[art], c["words"]))]
                # a name in lists of names that name :data:`_MATES` other people in common (the leaders at a state
                # occasion, a body's roll, a crew of astronauts): the same circle, any year, any province
                roster = [c for c in clusters_ok if not c.get("national") and not _clash(roles, c["roles"])
                          and len(mates[art] & c.get("mates", set())) >= _MATES]
                if shared:
                    target, reason, score = shared[0], "same name and a post at the same organisation", 0.95
                elif len(same) == 1:
                    target, reason, score = same[0], "same name in the same province", 0.8
                elif len(same_title) == 1:
                    target, reason, score = same_title[0], ("same foreign name, the same title, no other country in it "
                                                            "(any year)"), 0.8
                elif len(same_post) == 1:
                    target, reason, score = same_post[0], "same name and the same title before it (any year)", 0.8
                elif len(roster) == 1:
                    target, reason, score = roster[0], (
                        f"same name in lists of names that name {len(mates[art] & roster[0]['mates'])} other people "
                        "in common (any year)"), 0.8
                elif not bound and len(fielded := [c for c in clusters_ok if _same_field(name, roles, c) and not foreign
                                                   and not (c.get("national") or c.get("local"))]) == 1:
                    target, reason, score = fielded[0], (
                        f"same name, no post in a region, a role of the same field in both "
                        f"({'/'.join(sorted(_fields(roles)))}: {'、'.join(sorted(roles | fielded[0]['roles']))}; any year)"), 0.7
                elif not bound and len(plain) == 1 and figure and not any(plain[0] is clusters[i] for i in near):
                    target, reason, score = plain[0], (
                        f"same name, no post in a region, no conflicting role: a public figure ({len(by_article)} "
                        f"stories over {len(years)} years, most without a post in a region)"), 0.7
                elif not bound and len(plain) == 1:
                    target, reason, score = plain[0], (f"same name, no post in a region, named within {window} days"
                                                       + (", no conflicting role" if len(name) <= 2 else "")
                                                       + (f", a full name {len(cues)} stories repeat, no conflicting role"
                                                          if known else "")
                                                       + (", the same title" if tails & plain[0].get("tails", set())
                                                          else ", a person or organisation named in both"
                                                          if others & plain[0].get("company", set()) else "")), 0.6
                elif not bound and not plain and len(allied) == 1:
                    held = sorted(h.split("|")[1] for h in allied[0]["leaders"] & leaders[art])
                    target, reason, score = allied[0], ("same name, no post in a region, no conflicting role, in "
                                                        f"stories that name the same national office holder ({held[0]})"), 0.7
                elif high and len(name) > 2 and not foreign and day is not None and len(
                        moved := [c for c in regular if c.get("high") and c.get("days") and prov not in c["provs"]
                                  and (day > max(c["days"]) or day < min(c["days"]))]) == 1:
                    target, reason, score = moved[0], ("same name and a provincial or city post in another province at "
                                                       "another time, never two at once (an official who moved)"), 0.7
            if target is None:
                target = {"articles": [], "provs": set(), "orgs": set(), "roles": set(), "abroad": set(),
                          "plain": not bound and not anonymous, "leaders": set()}
                why = ("an anonymised name" if anonymous else
                       "another country in the title before the name than the others of that name"
                       if clusters and not any(map(agrees, clusters)) else
                       "a foreign name in a story about other countries" if foreign and not bound else
                       "a post or role of its own, unlike the national office holder of that name" if nations
                       else "another province, organisation or role than the others of that name")
                reason, score = ("same name" if not clusters else f"kept apart: {why}"), 0.9
                clusters.append(target)
            target["articles"].append(art)
            target["provs"] |= {prov} if prov else set()
            target["orgs"] |= orgs
            target["roles"] |= roles
            target["abroad"] |= abroad[art]
            target.setdefault("owns", set()).update(own_here)
            target["leaders"] |= leaders.get(art, set()) - {key}
            target["listed"] = target.get("listed", True) and listed  # every story lists it among them
            target["rolled"] = target.get("rolled", True) and rolled[art]  # every story names it in a roll of names
            target.setdefault("mates", set()).update(mates[art])
            target["politics"] = target.get("politics", False) or politics  # some story names other office holders
            target["high"] = target.get("high", True) and high  # every article: a provincial or city post
            target["comrade"] = target.get("comrade", False) or (comrade and not bound)  # some story: 某某同志
            target["academician"] = target.get("academician", False) or academician  # some story: 某某院士
            target["local"] = target.get("local", False) or local_title  # some article: a local title (县委书记)
            target.setdefault("company", set()).update(others)
            target.setdefault("tails", set()).update(tails)
            target.setdefault("words", set()).update(words_by[art])
            target.setdefault("told", set()).update(told)
            target.setdefault("homes", set()).update({home[art]} - {""} if home[art] else {"?"})
            target.setdefault("days", set()).update({days[art]} if days.get(art) is not None else set())
            for m in by_article[art]:
                keys.why[(m.article, m.start, m.end)] = (reason, score)
        clusters = [c for c in clusters if c["articles"]]
        if foreign and not anonymous and parts[name] < 2 and (
                len(name) >= _LONG_FOREIGN or "·" in name or (len(name) > 2 and famous)):
            clusters = _join_near_foreign(clusters, by_article, keys, 2 if "·" in name else 3 if len(name) >= _LONGER_FOREIGN
                                          else 1 if len(name) >= _LONG_FOREIGN else 0)
        if foreign and not anonymous and parts[name] < 2 and len(name) > 2:
            clusters = _join_dominant_foreign(clusters, by_article, keys)
        if len(name) > 2 and not anonymous and not foreign:  # (a foreign surname alone: 约翰逊 is many people)
            clusters = _join_the_only_other(clusters, by_article, keys, days, rare and not figure)
        if not anonymous and not foreign:
            clusters = _join_rolls(clusters, by_article, keys)
        if len(name) >= 3 and not anonymous and not foreign:
            clusters = _join_comrades(clusters, by_article, keys)
            clusters = _join_comrades(clusters, by_article, keys, "academician")
        for n, c in enumerate(clusters):  # (the offices of foreign names, for the short forms below)
            if foreign and c.get("national") and c.get("nation") and not c["nation"].startswith("?"):
                offices[key if n == 0 else f"{key}|{n}"] = (c["nation"], frozenset(c.get("words", ())),
                                                             frozenset(c.get("days", ())))
        if len(clusters) > 1:
            mentions = keys.keyed.pop(key)
            for n, c in enumerate(clusters):
                ckey = key if n == 0 else f"{key}|{n}"
                for m in mentions:
                    if m.article in c["articles"]:
                        keys.keyed[ckey].append(m)
                        keys.of[(m.article, m.start, m.end)] = ckey
    _join_short_offices(keys, offices)


def _single_office(key: str, by_article: dict[str, list[Mention]], texts: dict[str, str],
                   people: dict[str, list[Mention]], abroad: dict[str, set[str]], days: dict[str, int | None],
                   offices: dict[str, tuple[str, frozenset[str], frozenset[int]]]) -> None:
    """The office of a foreign name (某某·某某, 某某某) one story names after a national title (智利总统某某·某某), as
    ``offices`` holds those of names in several stories (:func:`_join_short_offices` reads them)."""
    name = key.split("|")[1]
    ((art, ms),) = by_article.items()
    if not (_foreign(name) or (transliterated(name) and abroad[art])) or key.count("|") != 1:
        return  # (a name of transliteration characters in a story naming a foreign country: 穆某某 is foreign there)
    text, ppl = texts.get(art, ""), people.get(art, [])
    if not _national(text, ms, ppl):
        return
    nation = resolve_nations({art: _nation(text, ms, ppl)}, {art: _run_countries(text, ms, ppl)}, abroad,
                             {art: office_phrase(text, ms, ppl)}, texts)[art]
    if nation and not nation.startswith("?") and not same_country(nation, "中国"):
        offices[key] = (nation, frozenset({title_word(list_title_run(text, m, ppl)) for m in ms} - {""}),
                        frozenset() if (day := days.get(art)) is None else frozenset({day}))


def _join_short_offices(keys: Any, offices: dict[str, tuple[str, frozenset[str], frozenset[int]]]) -> None:
    """A foreign office holder named by a part of the name alone (总统某某) is the one office holder of the build
    whose dotted full name begins or ends with that part (某某·某某某; not after 本: the father's name), of the same country, with a title word in
    common and named in the same years (the stories of one within :data:`_NEAR_DAYS` of the span of the other's: two
    of a family hold one office in turn) (``offices``: linking key -> (country, title words, days) of the national
    clusters of foreign names)."""
    def overlap(a: frozenset[int], b: frozenset[int]) -> bool:  # (two of a family may hold one office in turn)
        return bool(a and b) and min(a) <= max(b) + _OFFICE_DAYS and min(b) <= max(a) + _OFFICE_DAYS

    for short in sorted(k for k in offices if "·" not in k):
        country, titles, days = offices[short]
        part = short.split("|")[1]
        full = [k for k, (c, w, d) in offices.items() if "·" in k and same_country(c, country) and w & titles
                and overlap(d, days)
                and (k.split("|")[1].startswith(part + "·") or (k.split("|")[1].endswith("·" + part)
                                                                 and not _father(k.split("|")[1][:-len(part) - 1])))]
        if len(full) == 1 and short in keys.keyed and full[0] in keys.keyed:
            _move(keys, short, full[0], list(keys.keyed[short]),
                  f"the one office holder of that country and title whose full name the build writes ({full[0].split('|')[1]})")
