"""Laws named without 《》 or 中华人民共和国, as broadcast news reports the legislature's work (审议 + 某某法修正草案,
通过了新修订的某某法、某某保护法): the words before 法 (or 法典) back to the verb acting on the law.

A word ending in 法 is a law only with evidence: a drafting word after it (草案, 修正草案, 实施条例), a verb acting
on a law before it (审议, 通过, 修改, 实施), a law-making head before 法 (某某保护法, 某某促进法), or a law next to
it in a list (某某法、某某法). The words are data (kg/extract/data/law_words.tsv); kg.extract.event_forms calls
:func:`laws`. Decisions written out after 关于 without 《》 (关于某某的决定) are :func:`about_documents`
(kg.extract.named_events calls it with the meetings that may issue them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import table
from .event_stems import org_after
from .rules import Candidate, Doc, is_han, rules

__all__ = ["about_documents", "laws"]

_KINDS = ("not", "cue", "tail", "head", "law")
_STEM_STOP = ("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "m", "mq", "t", "f", "q", "a", "ad")
_ARTICLE = re.compile(r"第[0-9一二三四五六七八九十百零]+条")
_LIST = "、和及与"
_MAX_STEM = 12


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {k: set() for k in _KINDS}
    for row in table("law_words.tsv"):
        if len(row) != 2 or row[1] not in _KINDS:
            raise ValueError(f"kg/extract/data/law_words.tsv: expected 'word<TAB>not|cue|tail|head|law', got {row!r}")
        out[row[1]].add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


def _heads(d: Doc):
    """(start of the token holding 法, end of the name) for every 法 or 法典 that ends a jieba word."""
    for m in re.finditer("法典|法", d.text):
        e = m.end()
        if e not in d.ends:
            continue
        a, b, w = d.tokens[d.token_at(m.start())]
        if b != e:
            continue
        yield a, m.start(), e, w


def _stem(d: Doc, a: int, cues, heads=frozenset()) -> int:
    """Where the law's name starts: the words before ``a`` back to a cue verb, a function word or punctuation."""
    k = d.token_at(a - 1) if a > 0 else -1
    start, total = a, 0
    stop = rules().stop
    while k >= 0:
        s, e, w = d.tokens[k]
        tag = d.tag(w) or ""
        if e != start or not all(is_han(ch) for ch in w) or w.startswith(cues) or w in stop or total + len(w) > _MAX_STEM:
            break
        if tag in _STEM_STOP or tag.startswith("u") or tag.startswith("nr") and len(w) == 2 and tag != "nrt":
            break
        if tag == "v" and w not in heads:  # 宣传和推广 + 某某法: an action on the law, no word of its name
            break
        start, total, k = s, total + len(w), k - 1
    return start


def _evidence(d: Doc, start: int, hs: int, e: int, w: str, words) -> bool:
    text = d.text
    if text.startswith(tuple(words["tail"]), e) or _ARTICLE.match(text, e):
        return True
    before = text[max(0, start - 8):start]
    before = re.split(r"[，。；：！？,;:!?\s“”\"《》]", before)[-1]
    if any(c in before for c in words["cue"]):
        return True
    prefix = text[max(start, hs - 2):hs]  # 某某保护 + 法
    return prefix in words["head"] and hs - start >= 3


def laws(d: Doc) -> list[Candidate]:
    """Law names ending in 法 or 法典 with evidence that they name a law (see the module docstring)."""
    words = _words()
    found: list[tuple[int, int, bool]] = []
    for a, hs, e, w in _heads(d):
        if org_after(d.text, e):
            continue
        if w in words["not"] or w[-2:] in words["not"] or w[-3:] in words["not"]:
            continue
        if w in words["law"]:  # 宪法, 刑法: a basic law (kg/extract/data/named_programmes.tsv lists 宪法)
            found.append((a, e, True))
            continue
        start = _stem(d, a, tuple(words["cue"]), words["head"])
        if hs - start < 2 or e - start < 3:
            continue
        found.append((start, e, _evidence(d, start, hs, e, w, words)))
    # a law named in a list next to another one is one too (通过了某某法、某某保护法)
    ok = {i for i, f in enumerate(found) if f[2]}
    changed = True
    while changed:
        changed = False
        for i, (s, e, _) in enumerate(found):
            if i in ok:
                continue
            near = [j for j in ok if found[j][1] < s and s - found[j][1] <= 1 and d.text[found[j][1]:s] in _LIST
                    or found[j][0] > e and found[j][0] - e <= 1 and d.text[e:found[j][0]] in _LIST]
            if near:
                ok.add(i)
                changed = True
    return [Candidate(found[i][0], found[i][1], "Initiative", "suffix", 0.8) for i in sorted(ok)]


# a decision or resolution of a legislature written out after 关于 without 《》 (作出 + 关于某某的决定, 通过 + 关于某某的
# 决议): the NPC's and the CPPCC's naming of their acts; a report only when it reports on a state of work (关于某某
# 工作情况的报告), not a committee's report on a draft (关于某某草案审议结果的报告)
_ABOUT = re.compile(r"的(决定|决议|报告)")
_ABOUT_BREAKS = re.compile(r"[，。；：！？、,;:!?“”\"《》\n]")
_ABOUT_SPAN = 60


def about_documents(d: Doc, events=()) -> list[Candidate]:
    """关于 + what + 的决定/决议 (or 的报告 on a state of work): from the nearest 关于 to the head word, one clause.
    A meeting among ``events`` whose name stands right before 关于 issues the document and opens its full title
    (某某主席会议 + 关于某某工作情况的报告); an organisation before it stays its own mention."""
    issuers = {c.end: c.start for c in events if c.cls == "Initiative" and c.extractor in ("meeting", "session")}
    text, out = d.text, []
    for m in _ABOUT.finditer(text):
        e = m.end()
        if not (e in d.ends or e >= len(text) or not is_han(text[e]) or text.startswith("草案", e)):
            continue
        g = text.rfind("关于", max(0, m.start() - _ABOUT_SPAN), m.start())
        inner = text[g + 2:m.start()] if g >= 0 else ""
        if len(inner) < 4 or _ABOUT_BREAKS.search(inner):
            continue
        if m.group(1) == "报告" and (not inner.endswith("情况") or "审议" in inner or "草案" in inner):
            continue
        out.append(Candidate(issuers.get(g, g), e, "Initiative", "suffix", 0.8))
    return out
