"""What a person's name and the words around it tell the person linker (kg.link.persons): whether the name is a
transliterated foreign one, the full name an article gives a surname it also writes alone, the titles (and the title word)
before a mention and the countries they name, and the country an untitled foreign office holder's title means.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from kg.model import Mention
from kg.util.resources import table, words

from kg.extract.finders import country_pattern

from .known import aliases, countries

__all__ = ["foreign", "transliterated", "join_full_forms", "join_japanese_surnames", "complete_cut_names", "title_word", "resolve_nations", "title_run", "nation",
           "title_tails", "run_countries", "own_countries", "office_phrase",
           "same_country"]

_DOTS = "·•・-－‐—."  # (a single dash: 某某—某某; a double one is punctuation; an ASCII full stop: 某某.卢)
_TO_DOT = str.maketrans({c: "·" for c in _DOTS if c != "·"})
_ROLE_ENDS = "长员人手家官者师记席理使督帅管"  # last characters of role nouns (发言人, 助手, 大法官, 高管)


@lru_cache(maxsize=1)
def _chars() -> frozenset[str]:
    return frozenset("".join(words("transliteration_chars.txt")))


def transliterated(name: str) -> bool:
    """Every character of ``name`` a transliteration character (kg/extract/data/transliteration_chars.txt), middle
    dots and dashes aside: a foreign name as Chinese writes it, or a Chinese name made of such characters (罗阳)."""
    return len(name) >= 2 and all(c in _chars() or c in _DOTS for c in name)


def foreign(name: str) -> bool:
    """A transliterated foreign name by its letters alone: a middle dot, or all its characters transliteration
    characters and the first not a Chinese surname (kg/layout/data/surnames.txt; 罗阳 is Chinese, 奥巴马 is not)."""
    return "·" in name or (transliterated(name) and name[0] not in words("surnames.txt"))


_SON_OF = ("本", "宾", "伊本", "本特", "宾特")  # Arabic bin, ibn, bint: the part after it is the father's name


def _father(before: str) -> bool:
    """Does the part of a dotted name before its last part end in 本 (bin, son of)? The last part is then the
    father's name (某某·本·萨某某 is the son; 萨某某 alone is the father)."""
    return before.translate(_TO_DOT).rsplit("·", 1)[-1] in _SON_OF


def join_full_forms(keys: Any) -> None:
    """A name an article writes alone after writing it whole with a middle dot or dash (某某·施某某 … 施某某, 巴某某·某某 …
    巴某某) is that person: the mentions of the short form in that article take the full name's key, when the
    article gives exactly one such full name (not the name after 本, son of: that is the father)."""
    for key in sorted(k for k in keys.keyed if k.startswith("Person|") and k.count("|") == 1):
        dotted = key.translate(_TO_DOT)
        if dotted != key:  # 某某-某某, 某某—某某 and 某某·某某: one name written with another mark
            _move(keys, key, dotted, list(keys.keyed[key]), f"the same name written with a middle dot ({dotted[7:]})")

    def full_forms(name: str, names: dict[str, str]) -> list[str]:
        if any(c in name for c in _DOTS):
            return []
        return [n for n in names if len(n) > len(name) + 1 and (
            (n.endswith(name) and n[-len(name) - 1] in _DOTS and not _father(n[:-len(name) - 1]))
            or (n.startswith(name) and n[len(name)] in _DOTS))]

    _join_in_article(keys, full_forms, "the name the article writes in full")


_JAPAN = "日本"


def join_japanese_surnames(keys: Any, texts: dict[str, str]) -> None:
    """A Japanese name an article writes whole and then by its two-character surname alone (某田某彦 … 某田): in a
    story that names Japan, the mentions of a two-character name take the key of the one longer name of that article
    (three to five characters) that begins with it, as Japanese news style refers to a person named in full."""
    japanese = {a for a, t in texts.items() if _JAPAN in t}
    _join_in_article(keys, lambda name, names: [
        n for n in names if len(name) == 2 and 3 <= len(n) <= 5 and n.startswith(name)
        and not any(c in n for c in _DOTS)], "a Japanese surname alone after the name the article writes in full",
        japanese)


def _join_in_article(keys: Any, full_forms: Any, reason: str, articles: set[str] | None = None) -> None:
    """Give the mentions of each person name of an article (of ``articles``: all when None) the key of the one
    longer name of that article that ``full_forms(name, names of the article)`` returns, with ``reason``."""
    by_article: dict[str, dict[str, str]] = defaultdict(dict)  # article -> name -> key
    for key, ms in keys.keyed.items():
        if key.startswith("Person|") and key.count("|") == 1:
            for m in ms:
                if articles is None or m.article in articles:
                    by_article[m.article][key.split("|", 1)[1]] = key
    moved: dict[str, str] = {}  # article|short key -> full key
    for art, names in by_article.items():
        for name, key in names.items():
            full = full_forms(name, names)
            if len(full) == 1:
                moved[f"{art}|{key}"] = names[full[0]]
    for tag, full_key in sorted(moved.items()):
        art, key = tag.split("|", 1)
        _move(keys, key, full_key, [m for m in keys.keyed[key] if m.article == art],
              f"{reason} ({full_key.split('|', 1)[1]})")


def complete_cut_names(keys: Any, texts: dict[str, str]) -> None:
    """A name the extractor cut short (某田康 of 某田康夫, 田佳彦 of 某田佳彦, 约翰 of 约翰-某) where the text around the
    mention spells a longer name that the build holds as a person elsewhere: that person. Up to four characters
    either side; the longest such name wins. Never into the next or previous person of the article (某甲某乙丁某出席,
    an unspaced list: 某乙 + 丁 is no name where 丁某 is a person of its own)."""
    names = {k.split("|", 1)[1] for k in keys.keyed if k.startswith("Person|") and k.count("|") == 1}
    longest = max(map(len, names), default=0)
    people: dict[str, list[tuple[int, int]]] = defaultdict(list)  # article -> spans of its persons
    for key in (k for k in keys.keyed if k.startswith("Person|")):
        for m in keys.keyed[key]:
            people[m.article].append((m.start, m.end))

    def free(m: Mention, start: int, end: int) -> bool:  # no other person inside start..end
        return not any(s < end and start < e and (s, e) != (m.start, m.end) for s, e in people[m.article])

    moves: list[tuple[str, str, Mention]] = []
    for key in sorted(k for k in keys.keyed if k.startswith("Person|") and k.count("|") == 1):
        for m in keys.keyed[key]:
            text = texts.get(m.article, "")
            got = [text[m.start - a:m.end + b] for a in range(0, 5) for b in range(0, 5)
                   if (a or b) and m.start - a >= 0 and m.end - m.start + a + b <= longest
                   and text[m.start - a:m.end + b] in names and free(m, m.start - a, m.end + b)]
            if got:
                moves.append((key, "Person|" + max(got, key=lambda w: (len(w), w)), m))
    whole: dict[tuple[str, str], set[str]] = defaultdict(set)  # the same cut elsewhere in that article: that name
    for key, to, m in moves:
        whole[(m.article, key)].add(to)
        _move(keys, key, to, [m], f"a name cut short in the text, which writes {to[7:]}")
    for (art, key), tos in sorted(whole.items()):
        rest = [m for m in keys.keyed.get(key, ()) if m.article == art]
        if rest and len(tos) == 1:
            to = next(iter(tos))
            _move(keys, key, to, rest, f"the name cut short as the article cuts it elsewhere ({to[7:]})")


def _move(keys: Any, key: str, to: str, ms: list[Mention], reason: str) -> None:
    """Give the mentions ``ms`` of ``key`` the key ``to``, with ``reason``."""
    rest = keys.keyed[key]
    for m in ms:
        rest.remove(m)
        mk = (m.article, m.start, m.end)
        keys.keyed[to].append(m)
        keys.of[mk] = to
        keys.why[mk] = (reason, 0.9)
    if not rest:
        keys.keyed.pop(key)
        keys.joined[to] |= {key} | keys.joined.pop(key, set())


def title_word(run: str) -> str:
    """The title or role word that ends the words before a mention (某国最高法院首席大法官 -> 大法官, 某某的助手 ->
    助手): the longest title, post or role word of the extraction rules or role an office holder carries too
    (kg/link/data/role_kinds.tsv ``office``: 某国领导人 -> 领导人, not 导人) it ends with, else its last two characters
    when they end in a role character; '' when none."""
    from kg.extract.rules import rules

    run = run.strip(" 　、")
    cues = rules().cue_before
    for n in range(min(len(run), 6), 1, -1):
        if run[-n:] in cues or run[-n:] in _office_roles():
            return run[-n:]
    return run[-2:] if len(run) >= 2 and run[-1] in _ROLE_ENDS else ""


@lru_cache(maxsize=1)
def _office_roles() -> frozenset[str]:
    """The roles an office holder carries too (kg/link/data/role_kinds.tsv ``office``: 代表, 领导人, 候选人)."""
    return frozenset(w for w, k in table("role_kinds.tsv") if k == "office")


@lru_cache(maxsize=1)
def national_titles() -> tuple[str, ...]:
    """The titles of offices one person holds at a time (kg/link/data/national_titles.txt: 国家主席, 总统, 外长) and
    the national bodies of China, a post in which is one too (kg/link/data/national_bodies.txt: 全国人大, 国务院)."""
    return tuple(words("national_titles.txt")) + tuple(words("national_bodies.txt"))


def chinese_post(text: str, found: list[Mention], people: list[Mention]) -> bool:
    """Do the titles right before some mention give the person a post at a national body of China (全国人大常委会副
    委员长某某·某某: kg/link/data/national_bodies.txt) and name no foreign country (美国国务院发言人 is no such post)?"""
    bodies = words("national_bodies.txt")
    for m in found:
        run = title_run(text, m, people)
        if any(b in run for b in bodies) and not run_countries(text, [m], people):
            return True
    return False


def office_title(word: str) -> bool:
    """A title of an office (总统, 主席, 部长: kg/link/data/national_titles.txt, kg/extract/data/posts.txt and the
    extraction rules' titles), not a role anyone may have (助手, 法官, 记者)."""
    from kg.extract.rules import rules

    return word in national_titles() or word in words("posts.txt") or (
        word in rules().cue_before and word not in {w for w, *_ in table("person_cues.tsv")})


def resolve_nations(nations: dict[str, str], told: dict[str, set[str]], abroad: dict[str, set[str]],
                    offices: dict[str, str] | None = None, texts: dict[str, str] | None = None) -> dict[str, str]:
    """The country of each article's foreign office holder (``nations``: the country its title names, '' when it
    names none): the one country the titles before the name mention (``told``), else the one the titles of other
    articles name and this article names too, else the one foreign country the article names (``abroad``), else
    (no country resolved anywhere) the one foreign country all the open articles name; an article that leaves it
    open is an office holder of its own (``?article``). Articles whose ``offices`` (the article's
    :func:`office_phrase`) are the same and whose titles name no one country are one office (``?phrase``, or the one
    country all of them resolve to or name), then the one country resolved elsewhere that any of them names; an open
    article whose text writes the country of the one office of that name (a country, or the words of a shared title
    before its national title) is that office. Countries that may be one (印尼, 印度尼西亚) get one label."""
    nations = _one_label(nations)
    named = set(nations.values()) - {""}

    def lab(c: str) -> str:  # a country the titles give under another form (印尼 of 印度尼西亚)
        fit = [n for n in named if same_country(c, n)]
        return fit[0] if len(fit) == 1 else c

    # (only the articles of ``nations`` are read below: ``abroad`` may be every article of the build)
    told = {a: {lab(c) for c in told.get(a, ())} for a in nations}
    abroad = {a: {lab(c) for c in abroad.get(a, ())} for a in nations}
    out = {}
    phrases = {a: p for a, p in (offices or {}).items() if p and not nations.get(a)}
    shared = {p for p in phrases.values() if list(phrases.values()).count(p) >= 2}
    for art, n in nations.items():
        if not n:
            here = told.get(art) or set()
            fit = here if len(here) == 1 else named & abroad.get(art, set())
            if len(fit) != 1:
                fit = abroad.get(art, set()) if len(abroad.get(art, set())) == 1 else (
                    named if len(named) == 1 and not abroad.get(art) else set())
            n = next(iter(fit)) if len(fit) == 1 else ""
        out[art] = n
    for p in shared:  # one title written alike: one office, the one country all its stories resolve to, else open
        group = [a for a, q in phrases.items() if q == p and len(told.get(a) or ()) != 1]  # for all (某某总理 of a
        got = {out[a] for a in group} - {""}  # country the list does not know, in stories naming other countries;
        one = next(iter(got)) if len(got) == 1 else ""  # an open story too when it names that country)
        for a in group:
            out[a] = one if one and all(out[b] or one in abroad.get(b, ()) for b in group) else f"?{p}"
    found = set(out.values()) - {""} - {f"?{p}" for p in shared}  # second: the one country resolved elsewhere that the article names too
    for art, n in out.items():
        if not n:
            fit = found & abroad.get(art, set())
            out[art] = next(iter(fit)) if len(fit) == 1 else ""
    for p in shared:  # (one title written alike: the country resolved elsewhere its stories name, if one)
        group = [a for a, n in out.items() if n == f"?{p}"]
        fit = found & set().union(*(abroad.get(a, set()) for a in group))
        for a in group:
            out[a] = next(iter(fit)) if len(fit) == 1 else out[a]
    # third: nothing resolved, the one foreign country every open article names (肯尼亚总理 written 现任总理 in two
    # stories about Kenya and other countries)
    # fourth: the one office of this name (a country, a title written alike) whose country the story writes (总统某某 in
    # a story on a country the country list knows only by a longer form: 某某 of 某某总统 in other stories)
    offices_named = {n: _office_country(n) for n in set(out.values()) if n}
    for art in [a for a, n in out.items() if not n]:
        text = (texts or {}).get(art, "")
        fit = {n for n, c in offices_named.items() if c and c in text}
        if len(fit) == 1:
            out[art] = next(iter(fit))
    open_ = [art for art, n in out.items() if not n]
    common = set.intersection(*(set(abroad.get(a, ())) for a in open_)) if len(open_) >= 2 and not found else set()
    for art in open_:
        # (else the office the same title names: 某组织秘书长发言人, 某某共和国总统 written alike in two stories)
        phrase = (offices or {}).get(art, "")
        out[art] = next(iter(common)) if len(common) == 1 else f"?{phrase}" if phrase else f"?{art}"
    return _one_label(out)


def _office_country(label: str) -> str:
    """The country an office label names: a country, or the words of a shared title (?某某总理) before its national
    title when two or more characters (某某); '' when none."""
    if not label.startswith("?"):
        return label
    words_ = label[1:]
    for t in sorted(national_titles(), key=len, reverse=True):
        if words_.endswith(t) and len(words_) - len(t) >= 2:
            return words_[:-len(t)]
    return ""


def _one_label(out: dict[str, str]) -> dict[str, str]:
    """One label for the countries of one name's offices that may be one country (印尼 and 印度尼西亚:
    :func:`same_country`): the one most articles give, else the longest."""
    counts: dict[str, int] = defaultdict(int)
    for n in out.values():
        if n and not n.startswith("?"):
            counts[n] += 1
    label = {n: max((m for m in counts if same_country(n, m)), key=lambda m: (counts[m], len(m), m)) for n in counts}
    return {art: label.get(n, n) for art, n in out.items()}


_NOT_AN_OFFICE = ("该", "此", "其", "这", "本", "那", "各", "某", "两", "多")  # 该国总统: which country, the story says
_OFFICE_TAIL = 4


def office_phrase(text: str, found: list[Mention], people: list[Mention]) -> str:
    """The last :data:`_OFFICE_TAIL` characters of the title right before the name, without 共和国 (某某共和国总统
    and 某某总统 are one office), when they end in a national title and name no pronoun (该国总统): two stories that
    write a foreign name after the same such title (某组织秘书长发言人, 某某总理 of a country the country list does not
    know by that short form) speak of one office holder; '' when none."""
    titles = national_titles()
    for m in found:
        run = title_run(text, m, people).strip(" 　、").replace("共和国", "")
        run = re.split(r"[、\s]", run)[-1]
        tail = run[-_OFFICE_TAIL:]
        if len(tail) == _OFFICE_TAIL and not any(c in tail for c in _NOT_AN_OFFICE) and any(t in run for t in titles):
            return tail
    return ""


_TITLE_RUN_STOP = set("，,。：:；;！!？?\n（）()“”\"")


def title_run(text: str, m: Mention, people: list[Mention]) -> str:
    """The titles written before a mention: back to the previous punctuation or other person named (at most 40
    characters): 中共中央政治局委员、中央书记处书记、中央办公厅主任 before the name, without the spaces a list writes
    between a title and the name (某国议长 某某)."""
    start = max(0, m.start - 40)
    for other in people:
        if start <= other.end <= m.start and other is not m:
            start = max(start, other.end)
    i = m.start
    while i > start and text[i - 1] not in _TITLE_RUN_STOP:
        i -= 1
    return text[i:m.start].rstrip(" \u3000\xa0\t")


_LIST_MARKS = ("、", "和", "与", "及")


def list_title_run(text: str, m: Mention, people: list[Mention]) -> str:
    """:func:`title_run`, or for a name listed after other people with nothing of its own before it (航天员某某、某某
    and 某某: the second and the third) the titles before the first name of the list, which the list shares."""
    ends = {o.end: o for o in people}
    run, cur = title_run(text, m, people), m
    for _ in range(20):
        mark = run.strip(" 　")
        prev = ends.get(cur.start - len(run)) if mark in _LIST_MARKS else None
        if prev is None or prev is cur:
            break
        cur, run = prev, title_run(text, prev, people)
    return "" if run.strip(" 　") in _LIST_MARKS else run


@lru_cache(maxsize=1)
def _nation_rx() -> re.Pattern[str]:
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w)))  # noqa: E731
    return re.compile(f"({alt(countries())})(?:前|现任|新任|候任|代理|临时)?(?:{alt(national_titles())})")


def nation(text: str, found: list[Mention], people: list[Mention]) -> str:
    """The country whose national title stands right before the name (英国前首相某某 -> 英国); '' for China or
    when the title names no country (国家主席某某)."""
    for m in found:
        run = title_run(text, m, people)
        hits = [h for h in _nation_rx().finditer(run) if h.end() == len(run)]  # the title right before the name
        if hits:
            country = aliases().get(hits[-1].group(1), hits[-1].group(1))  # 俄罗斯联邦总统 = 俄罗斯总统
            return "" if country == "中国" else country
    return ""


def title_tails(text: str, found: list[Mention], people: list[Mention], runs=title_run) -> set[str]:
    """The last four characters of the titles written before the name (伊朗国防部长某某 -> 国防部长), known names'
    short forms written in full: two stories that give a name the same title speak of one person (``runs``: how
    the titles are read, :func:`title_run` or :func:`list_title_run`)."""
    return {run[-4:] for m in found if len(run := _canonical(runs(text, m, people).strip(" 　、"))) >= 4}


def _canonical(run: str) -> str:
    """``run`` with the short forms of known states and provinces written in full (加州州长 -> 加利福尼亚州州长:
    kg/link/data aliases), so that one title written two ways ends alike."""
    def full(hit: re.Match) -> str:
        whole = aliases()[hit.group()]  # (加利福尼亚 + 州 is written in full already)
        return hit.group() if run.startswith(whole, hit.start()) else whole

    return _alias_pattern().sub(full, run) if run else run


_STATES = ("州", "省", "郡")  # the regions whose short forms titles use (加州 of 加利福尼亚州)


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    forms = sorted((f for f, c in aliases().items() if f != c and len(f) >= 2 and c.endswith(_STATES)), key=len,
                   reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


_AT_PLACE = ("在", "赴", "到", "于")  # words before a country that make it a place, not a title's


def run_countries(text: str, found: list[Mention], people: list[Mention]) -> set[str]:
    """The foreign countries the titles before the name mention anywhere (印度外交国务部长某某 -> 印度), not one
    written as a place (在某国会晤期间同某某, 赴某国: where they meet)."""
    out = set()
    for m in found:
        run = title_run(text, m, people)
        for hit in country_pattern().finditer(run):
            if run[hit.start() - 1:hit.start()] in _AT_PLACE:
                continue
            country = aliases().get(hit.group(), hit.group())
            if country != "中国":
                out.add(country)
    return out


_ABOUT = ("问题", "事务", "政策")  # 某国阿富汗问题特使: the country such a word follows is the matter, not the envoy's
# words between a country and the name that make them a clause or a list, not one title (美国和英国针对某某, 在某国首都
# 某城会见了某组织秘书长某某, 某国、某国六国代表、某组织高级代表某某): no country of the name's own title
_CLAUSE = re.compile("[、和与及同跟向对将把被了在说称]|会见|会谈|访问|表示|首都")


def own_countries(text: str, found: list[Mention], people: list[Mention]) -> set[str]:
    """The foreign country each mention's own title names: the country nearest the name in the titles before it,
    read through 新任, 前, 现任 and the words of the title (巴基斯坦新任驻华大使某某 -> 巴基斯坦; in a list
    某国新任驻华大使某某、另一国新任驻华大使某某 the second name's is the second country), not the country a post is
    held in (英国驻美国大使某某 -> 英国: the country after 驻 is the host's) nor a matter (某国叙利亚问题特使), and only
    when the words between the country and the name are one title (not 美国和英国针对某某, 在某国首都会见了某组织秘书长某某,
    某国和某组织秘书长某某, 某国、某国代表、某组织高级代表某某) or nothing. Empty for China or no country."""
    out = set()
    for m in found:
        run = title_run(text, m, people)
        hits = [h for h in country_pattern().finditer(run) if not run[:h.start()].endswith("驻")
                and not run.startswith(_ABOUT, h.end())]
        rest = run[hits[-1].end():] if hits else ""
        if hits and (not rest or (title_word(run) and not _CLAUSE.search(rest))):  # a title, not a clause
            country = aliases().get(hits[-1].group(), hits[-1].group())
            if country != "中国":
                out.add(country)
    return out


def same_country(a: str, b: str) -> bool:
    """May two country names of titles be one country: equal, or one written as a part of the other, its characters
    in order (沙特 of 沙特阿拉伯, 伊朗 of 伊朗伊斯兰共和国, 印尼 of 印度尼西亚, 阿联酋 of 阿拉伯联合酋长国)? Doubt says
    one country (印度 of 印度尼西亚 too): only countries that cannot be one keep two namesakes apart."""
    short, long_ = sorted((a, b), key=len)
    it = iter(long_)
    return all(c in it for c in short)
