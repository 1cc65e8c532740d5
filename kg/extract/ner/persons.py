"""The learned model's person spans, fixed against jieba's words and the rules' word lists (used by
:mod:`kg.extract.ner.learned`): titles and familiar forms cut off (王储 + 某, 某先生), foreign names made whole
(某某 + 某某, 某·某某), a name's end moved off the next word (某某某 + 儿子, 某某 + 为), common words and places
read as people dropped or retyped (铮铮 of 铮铮誓言, 某某和某某 as one state).
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.rules import Candidate, is_han, rules

__all__ = ["trims", "good_person", "address_form", "posts", "untitled", "joined_places", "joined_place",
           "foreign_whole", "common_word", "word_start", "tagged_person", "transliterated", "dotted", "person_end",
           "function_tail", "NO_NAME_TAGS", "long_name_cued"]


@lru_cache(maxsize=1)
def trims() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from kg.util.resources import table

    rows = table("ner_trims.tsv")
    kinds = ("address", "localizer", "subunit")
    by = {k: tuple(sorted((w for w, kind in rows if kind == k), key=len, reverse=True)) for k in kinds}
    return by["address"], by["localizer"], by["subunit"]


def good_person(name: str) -> bool:
    if len(name) < 2 or len(name) > 12 or address_form(name):
        return False
    if all(is_han(c) for c in name):
        return len(name) <= 4 or len(name) <= 8 and _long_foreign(name)
    return all(is_han(c) or c in "·•" for c in name) and "·" in name


# endings of foreign place names as transliterated (某某某斯克, 某某格勒, 某某波尔), no person's
_PLACE_ENDS = ("斯克", "格勒", "波尔", "堡")


def _long_foreign(name: str) -> bool:
    """A transliterated name of five to eight characters written without a middle dot (某某某某斯, 某某某某某夫):
    both ends and all but one character transliteration characters, no place's ending. The model finds such names
    after a title (总统, 外长) and they were all dropped as too long for a Chinese name (issue #13: a second model's
    disagreements on 2,000 stories)."""
    from kg.extract.people import transliteration_chars

    chars = transliteration_chars()
    if name[0] not in chars or name[-1] not in chars or sum(ch not in chars for ch in name) > 1:
        return False
    if name.endswith(_PLACE_ENDS) or any(ch in "和与及同的" for ch in name[1:-1]):
        return False  # 某某格勒; 某丁 + 和 + 某某某: two names
    from kg.extract.rules import tokenizer

    info = tokenizer()[1]  # two well-known names written together (某某思 + 某某斯) are no one name
    return not any(_known_name(info, name[:i]) and _known_name(info, name[i:]) for i in range(3, len(name) - 2))


def _known_name(info, w: str) -> bool:
    """A name the dictionary knows well (tagged nr, frequent): a famous person's, not a given name (卡洛斯)."""
    got = info.get(w)
    return got is not None and (got[1] or "").startswith("nr") and got[0] >= _WELL_KNOWN


_WELL_KNOWN = 300


def long_name_cued(text: str, s: int, e: int) -> bool:
    """Does person evidence stand next to text[s:e], a long transliterated span of the model: a title or role word
    right before it (总统, 所长, 顾问: a role noun's last character), a speech verb or form of address after it
    (某某某某某表示, 某某某某某总统), or list commas on both sides? Without it such a span is as often a club's, a
    town's or a ruin's name (a public set's sports news: 客队 + a club)."""
    r = rules()
    if any(text[s - n:s] in r.cue_before for n in range(2, 9) if s - n >= 0):
        return True
    if text[s - 1:s] == "、" and text[e:e + 1] in ("、", "等"):
        return True  # inside a list of names (某某、某某某某某、某某)
    return text[s - 1:s] in _ROLE_ENDS or text.startswith(tuple(r.cue_after), e)


_ROLE_ENDS = frozenset("员长官问书")  # last characters of role nouns (发言人 aside): 专员, 部长, 指挥官, 顾问, 秘书


def address_form(name: str) -> bool:
    """张先生, 王大娘, 李总, 老王: a surname with a form of address, not a name."""
    sur = rules().surnames
    for w in trims()[0]:
        if name.endswith(w) and (name[: -len(w)] in sur or name[1: -len(w)] == "" or
                                 (name[:1] in "老小" and name[1: -len(w)] in sur)):
            return True
    if name[:1] in sur and name[1:] in posts():
        return True  # 江主席, 王总理: a surname with a post
    return name[:1] in "老小" and name[1:] in sur  # 老王, 小李


@lru_cache(maxsize=1)
def posts() -> frozenset[str]:
    from kg.util.resources import table, words

    titles = {row[0] for row in table("title_cues.tsv") if row[1:2] == ("before",)}
    return frozenset(w for w in set(words("posts.txt")) | titles if len(w) >= 2)


def joined_places(text: str, found: list[Candidate]) -> list[Candidate]:
    """Two model person spans joined by 和 that make one dictionary place name (a state named after two
    islands): that place, not two people."""
    out: list[Candidate] = []
    for c in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.cls == c.cls == "Person" and c.start == prev.end + 1
                and text[prev.end] == "和" and joined_place(text[prev.start:c.end])):
            out[-1] = Candidate(prev.start, c.end, "AdministrativeRegion", "ner", 0.85)
            continue
        out.append(c)
    return out


def _title_len(text: str, s: int, e: int) -> int:
    """Length of the title or role word (posts.txt, title_cues.tsv, person_cues.tsv) that text[s:e] begins
    with, 0 if none."""
    cues = rules().cue_before
    return next((n for n in range(min(e - s - 1, 6), 1, -1) if text[s:s + n] in cues), 0)


def _is_title(name: str) -> bool:
    """Is ``name`` a title or role word itself (title_cues.tsv, posts.txt, person_cues.tsv)?"""
    r = rules()
    return name in r.cue_before or name in r.cue_after


def untitled(text: str, found: list[Candidate]) -> list[Candidate]:
    """A model person span that begins with a title (王储 + 某, 总统 + 某某) without it: titles are never part of
    a name (policy 4). A rest of one or two characters followed at once by another model person span is the
    first part of that name (王储穆 + 罕默德 -> 穆罕默德)."""
    out: list[Candidate] = []
    i = 0
    while i < len(found):
        c = found[i]
        n = _title_len(text, c.start, c.end) if c.cls == "Person" else 0
        i += 1
        if c.cls == "Person" and _is_title(text[c.start:c.end]):
            continue  # 某某 + 王子, 某某 + 国王: the title alone names nobody
        if not n:
            out.append(c)
            continue
        s = c.start + n
        nxt = found[i] if i < len(found) else None
        if nxt is not None and nxt.cls == "Person" and nxt.start == c.end and c.end - s <= 2:
            out.append(Candidate(s, nxt.end, "Person", c.extractor, c.confidence))
            i += 1
        elif c.end - s >= 2:
            out.append(Candidate(s, c.end, "Person", c.extractor, c.confidence))
    return out


def joined_place(name: str) -> bool:
    """A dictionary place name with 和 inside (a state named after two islands or lands)."""
    from kg.extract.rules import tokenizer

    got = tokenizer()[1].get(name)
    return "和" in name and got is not None and got[1] == "ns"


_TITLES = ("总统", "总理", "首相", "主席", "国王", "先生", "女士", "夫人", "同志")


def foreign_whole(d, m: Candidate) -> Candidate:
    """A model person span made of transliteration characters that stops one to three of them short of where
    the foreign name ends or begins (卡尔波 of 某卡尔波夫): the whole name (kg.extract.people's transliteration rule)."""
    from kg.extract.people import foreign_name_at

    got = foreign_name_at(d, m.start, m.end)
    return m if got is None else Candidate(got[0], got[1], m.cls, m.extractor, m.confidence)


def common_word(d, m: Candidate) -> bool:
    """A model person span that is one frequent dictionary word not tagged as a name (荣誉, 丛书, 养老)."""
    k = d.token_at(m.start)
    s, e, w = d.tokens[k]
    tag = d.tag(w)
    if (s, e) != (m.start, m.end) or tag is None or tag.startswith("nr") or tag in ("ns", "t"):
        return False  # jieba tags some names as places or times (罗某, 周某某)
    if k > 0 and d.tokens[k - 1][2] in rules().cue_before and tag[:1] not in NO_NAME_TAGS:
        return False  # 记者 + a name that is also a word (a noun: 海燕); 主席 + 建立, 总理 + 会晤 are no names
    return d.freq(w) >= _COMMON


_COMMON = 50
NO_NAME_TAGS = "vdapcus"  # verbs, adverbs, adjectives, prepositions, conjunctions, particles, place words (文中)


def word_start(d, m: Candidate) -> bool:
    """A model person span that begins a dictionary word and ends inside it (某某 of 某某领导, 某某誓言), where
    neither is a name in the dictionary: the start of a common word, no person."""
    s, e, w = d.tokens[d.token_at(m.start)]
    if s != m.start or e <= m.end or w not in d.info:
        return False
    return not any((d.tag(x) or "").startswith("nr") for x in (w, d.text[m.start:m.end]))


def tagged_person(d, m: Candidate) -> Candidate:
    """A model place or organisation span that is one word the dictionary knows as a person's name (jieba's
    nr/nrt), no region or country name, and followed by a title (某某总统, 某某先生) is a person: a
    transliterated name the model took for a place."""
    if m.cls == "Person" or m.cls == "Enterprise":
        return m
    k = d.token_at(m.start)
    s, e, w = d.tokens[k]
    if (s, e) != (m.start, m.end) or d.tag(w) not in ("nr", "nrt") or d.freq(w) >= 1000 or len(w) < 2:
        return m
    from kg.extract.finders import is_country

    if w in rules().regions or is_country(w) or not all(is_han(ch) for ch in w):
        return m
    if not d.text.startswith(_TITLES, m.end):
        return m
    return Candidate(m.start, m.end, "Person", m.extractor, m.confidence)


def transliterated(name: str) -> bool:
    """Is ``name`` a foreign name as transliterated: 3 to 10 transliteration characters, nothing else?"""
    from kg.extract.people import transliteration_chars

    return 3 <= len(name) <= 10 and all(ch in transliteration_chars() for ch in name)


def dotted(name: str) -> bool:
    """A foreign name printed whole: Chinese characters in two or more parts joined by middle dots."""
    parts = name.split("·")
    return len(parts) >= 2 and all(p and all(is_han(ch) for ch in p) for p in parts)


def _overrun(d, m: Candidate) -> bool:
    """A four-character Chinese name (a one-character surname, three more) whose last character begins the next
    word (某某某 + 儿子, 某某某 + 理论, 某某某 + 强撑): a given name has at most two characters, so the last one
    belongs to that word."""
    from kg.extract.people import transliteration_chars

    text = d.text
    name = text[m.start:m.end]
    sur = rules().surnames
    if (len(name) != 4 or not all(is_han(ch) for ch in name) or name[0] not in sur or name[:2] in sur
            or all(ch in transliteration_chars() for ch in name) or m.end >= len(text)):
        return False
    s, e, _ = d.tokens[d.token_at(m.end - 1)]
    return (s == m.end - 1 and e > m.end) or d.freq(text[m.end - 1:m.end + 1]) >= 100


def person_end(d, m: Candidate) -> Candidate:
    """A name glued to the next word (巴金生活 -> 巴金): end it where that dictionary word begins."""
    if _overrun(d, m):
        return Candidate(m.start, m.end - 1, m.cls, m.extractor, m.confidence)
    s, e, w = d.tokens[d.token_at(m.end - 1)]
    if e <= m.end or d.freq(w) == 0 or (d.tag(w) or "n")[:1] not in "vdpucrmq":
        return m
    if s - m.start >= 2:
        return Candidate(m.start, s, m.cls, m.extractor, m.confidence)
    return m


def function_tail(d, m: Candidate, r: Candidate) -> bool:
    """A rule person one character longer than the model's, that character a preposition, conjunction,
    adverb or particle (某某 + 为, 某某 + 以): the rules read the next word into the name."""
    if not (m.cls == r.cls == "Person" and m.start == r.start and m.end == r.end - 1 and m.end - m.start >= 2):
        return False
    return (d.tag(d.text[m.end]) or "x")[:1] in "pcdu"
