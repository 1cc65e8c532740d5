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
from .event_stems import at_end, org_after
from .rules import Candidate, Doc, is_han, rules

__all__ = ["about_documents", "adopted_documents", "laws"]

_KINDS = ("not", "cue", "tail", "head", "law")
_STEM_STOP = ("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "m", "mq", "t", "f", "q", "a", "ad",
              "nt")  # 全国人大常委会 + 某某法执法检查: the body checking the law is no word of its name
_ARTICLE = re.compile(r"第[0-9一二三四五六七八九十百零]+条")
_LIST = "、和及与"
_MAX_STEM = 12
_ORGANIC = ("组织法", "议事规则")
_FIELD_TAGS = ("n", "nz", "l", "vn")  # the words of a law's field (民族团结, 科学技术)
_NOT, _AGAINST = "不", "反"  # a law against what is not (反不正当竞争法): the negation is part of its name


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
        if tag == "nt" and d.text.startswith(_ORGANIC, e):
            start, total, k = s, total + len(w), k - 1  # 某某委员会 + 组织法: a body's organic law bears its name
            continue
        if w == _NOT and d.text[s - 1:s] == _AGAINST:
            start, total, k = s, total + len(w), k - 1  # 反 + 不 + 正当竞争 + 法: the law against what is not fair
            continue
        if tag == "d" and len(w) >= 2 and k > 0 and d.tokens[k - 1][1] == s and d.tag(d.tokens[k - 1][2]) in _FIELD_TAGS:
            start, total, k = s, total + len(w), k - 1  # 某某团结 + 进步 + 促进法: jieba's adverb inside a field
            continue
        if tag in _STEM_STOP or tag.startswith("u") or tag.startswith("nr") and len(w) == 2 and tag != "nrt" \
                or tag == "v" and w not in heads:  # 宣传和推广 + 某某法: an action on the law, no word of its name
            if tag in _CUED_TAGS:
                return _after_cue(d, k, start, total, cues) or start
            break
        start, total, k = s, total + len(w), k - 1
    return start


_CUED_TAGS = ("v", "a", "ad")  # a verb or adjective opening a law's field (预防 + 某某犯罪法, 清洁 + 生产促进法)
_ACTIONS = ("加大", "加强", "加快", "推进", "推动", "强化", "完善", "做好", "抓好")  # actions on a law
_AFTER_CUE = ("了", "好")  # 审议 + 了, 落实 + 好: a particle or complement of the cue verb


def _after_cue(d: Doc, k: int, start: int, total: int, cues) -> int | None:
    """Start of a law's name that runs from token ``k`` back to a cue verb (审议(了) + 预防 + 某某犯罪法, 实施 + 某某
    应对法): when only content words stand between the cue and the law, they are all its name; else None."""
    while k >= 0:
        s, e, w = d.tokens[k]
        if e != start:
            return None
        prev = d.tokens[k - 1][2] if k > 0 and d.tokens[k - 1][1] == s else ""
        if w.startswith(cues) or w in _AFTER_CUE and prev.startswith(cues):
            return start
        tag = d.tag(w) or ""
        if not all(is_han(ch) for ch in w) or w in rules().stop or total + len(w) > _MAX_STEM \
                or tag[:1] in ("p", "c", "u", "r", "m", "q", "f", "t") or tag == "nt" or tag.startswith("nr") \
                or tag in _CUED_TAGS and (len(w) < 2 or w in _ACTIONS):
            return None  # 颁布 + 新 + 某某法, 加大 + 某某法 + 宣传力度: a description or an action, no word of the name
        start, total, k = s, total + len(w), k - 1
    return None


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
    return [Candidate(found[i][0], _draft_end(d, found[i][1]), "Initiative", "suffix", 0.8) for i in sorted(ok)]


_DRAFT = re.compile(r"修正案草案|修订草案|修正草案|草案")


def _draft_end(d: Doc, e: int) -> int:
    """End of a draft bill named by its law (某某法 + 修订草案, 某某法 + 草案: the draft is the initiative the
    legislature reads, as in 《某某条例（草案）》), else ``e``."""
    m = _DRAFT.match(d.text, e)
    return m.end() if m and at_end(d, m.end()) else e


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


# documents a body adopts, issues or puts in force, named without 《》 right after the verb and in the list that
# follows it (会议审议通过 + 某某工作要点、某某调研计划、某某监督计划; 实行新的 + 某某管理办法): the NPC's, the CPPCC's
# and the State Council's wording of the documents they pass
_ADOPT = re.compile(r"(?:审议通过|书面审议|审议|通过|实行|施行|印发|出台|公布|发布)(?:了|新的|新修订的|修订后的)*")
_DOC_ENDS = ("工作要点", "要点", "计划", "方案", "办法", "规划", "纲要", "条例", "规定", "细则")
_ITEM = re.compile(r"[\u4e00-\u9fff0-9]{2,30}?(?:" + "|".join(_DOC_ENDS) + r")(?:[（(]草案[)）])?(?=[、，,和及与；;。等]|$)")
_ITEM_JOINS = "、，,和及与"
_YEAR = re.compile(r"(?:19|20)\d\d年度?")
_NOT_IN_NAME = ("d", "p", "c", "r", "u", "m")  # an adverb, preposition, conjunction, pronoun, particle or number


def _not_in_name(d: Doc, w: str) -> bool:
    """A word no document's name holds: 是, an adverb, pronoun, particle, a number that is no year (某某2025年 +
    工作要点 holds one), a conjunction other than 和/与/及 (某某改革和某某转变 + 方案 joins two fields)."""
    if w in ("是", "为", "有"):
        return True
    tag = d.tag(w) or ""
    if w in ("和", "与", "及", "年", "年度") or w.isdigit() and len(w) == 4:
        return False
    return tag.startswith(_NOT_IN_NAME) or w.isdigit()  # 出台 + 22 + 项专项规划: a count of documents
_SKIP = re.compile(r"[^、，,。；;！？!?\n]{2,40}?(?:报告|决定|决议)(?:[（(]草案[)）])?(?=[、，,和及])")
_GENERIC_STARTS = ("有关", "相关", "这个", "这一", "该", "本", "各项", "一系列", "具体", "配套", "新", "工作", "实施")


def adopted_documents(d: Doc) -> list[Candidate]:
    """Documents named without 《》 after a verb that adopts, issues or applies them (审议通过 + 某某工作要点), and
    the other documents of the list that follows it (、某某计划、某某计划等): each item runs from a word start to a
    document word (计划, 要点, 方案, 办法, 规划, 条例 …), with five or more characters of words that are no verb
    before it (an edition year left out) and no 的, 了 or 等 (某某等方面作了 + 规定 is a verb), no adverb,
    pronoun, number or 是 among them (某某是唯一有效 + 办法 is a clause); a generic opening (有关, 相关, 具体, 配套, 实施 …) names none."""
    text, out = d.text, []
    for m in _ADOPT.finditer(text):
        if m.start() not in d.starts:
            continue
        p = m.end()
        while True:
            it = _ITEM.match(text, p)
            if it is None and (sk := _SKIP.match(text, p)) is not None and sk.end() < len(text) \
                    and text[sk.end()] in _ITEM_JOINS:
                p = sk.end() + 1  # 某某会议关于某某工作情况的报告，+ 某某工作要点: a report of the list, read elsewhere
                continue
            if it is None or p not in d.starts:
                break
            a, e = it.start(), it.end()
            core_end = e - (4 if text[e - 1] in ")）" else 0)
            head = next(h for h in _DOC_ENDS if text.endswith(h, a, core_end))
            y = _YEAR.match(text, a, core_end)
            if y:
                a = y.end()  # 2013年 + 某某计划: the year of an edition is no part of the name (decision 14)
            stem = text[a:core_end - len(head)]
            toks = [t for t in d.tokens[d.token_at(a):d.token_at(core_end - 1) + 1]]
            if len(stem) >= 5 and not any(ch in stem for ch in "的了等") and not stem.startswith(_GENERIC_STARTS) \
                    and a in d.starts and core_end in d.ends \
                    and not (d.tag(toks[0][2]) or "").startswith(("v", "m")) \
                    and not any(_not_in_name(d, w) for _, _, w in toks):
                out.append(Candidate(a, core_end, "Initiative", "suffix", 0.75))
            if e >= len(text) or text[e] not in _ITEM_JOINS:
                break
            p = e + 1
    return out
