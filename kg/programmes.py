"""Programme names (Initiative): quoted names marked by a programme word or a launch verb, and strongly
marked unquoted ones (…改革试点, …培训班); quoted team names (“某某”志愿服务队) on the way.
"""

from __future__ import annotations

import re

from .rules import NUMERALS, Candidate, Doc, rules
from .stems import left_words, not_generic

__all__ = ["quoted_initiatives"]


_QUOTE = re.compile(r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|《([^《》\n]{1,30})》"
                    r"|「([^「」\n]{1,24})」|‘([^‘’\n]{1,24})’")


_LEAD = re.compile(r"\s*(?:等\s*)?(?:[0-9一二三四五六七八九十两]+\s*[大项个类]?)?\s*(?:系列|主题|专项)?")
_BAD_IN_QUOTE = set("，,。；;！？!?、+＋—…：:")


def _programme_after(text: str, pos: int) -> bool:
    """Does a programme word follow at ``pos`` (after optional 等 / 系列 / N大 ...)?"""
    r = rules()
    m = _LEAD.match(text[pos:pos + 12])
    p = pos + (m.end() if m else 0)
    return any(text.startswith(w, p) for w in r.programme)


def _good_quote(d: Doc, s: int, e: int) -> bool:
    inner = d.text[s:e]
    core = inner.replace(" ", "")
    if len(core) < 2 or any(ch in _BAD_IN_QUOTE for ch in core):
        return False
    digits = sum(ch.isdigit() or ch in "%％" for ch in core)
    if digits * 2 >= len(core):
        return False
    for w in rules().programme:  # “二号工程”: a numeral before the programme word is a figure of speech
        if core.endswith(w) and len(core) > len(w):
            stem = core[: -len(w)]
            if all(ch in NUMERALS or ch.isdigit() or ch in "号第" for ch in stem):
                return False
    return True


def quoted_initiatives(d: Doc, stops=()) -> list[Candidate]:
    """Quoted names with a programme word inside, right after, or a launch verb right before the quote,
    quoted names of teams (“某某”志愿服务队), and strongly marked unquoted programme names."""
    r = rules()
    text = d.text
    quotes = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        s, e = m.span(g)
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        quotes.append((m.start(), m.end(), s, e))
    out = []
    i = 0
    while i < len(quotes):
        # a run of adjacent quotes: “A”“B”“C”等5大计划
        j = i
        while j + 1 < len(quotes) and quotes[j + 1][0] == quotes[j][1]:
            j += 1
        run = quotes[i:j + 1]
        after = _programme_after(text, run[-1][1]) or _is_programme_clause(text, run[-1][1])
        before = any(text.endswith(w, 0, run[0][0]) for w in r.launch)
        org = _org_head_at(text, run[-1][1]) if len(run) == 1 else False
        for qs, qe, s, e in run:
            if not _good_quote(d, s, e):
                continue
            inner = text[s:e]
            if org:
                out.append(Candidate(s, e, "Organization", "quote", 0.7))
                continue
            inside = any(inner.endswith(w) and len(inner) > len(w) for w in r.programme)
            if inside or after or before:
                out.append(Candidate(s, e, "Initiative", "quote", 0.8))
        i = j + 1
    out += _unquoted_initiatives(d, stops)
    return out


def _org_head_at(text: str, pos: int) -> bool:
    r = rules()
    for length in r.head_lens:
        got = r.heads.get(text[pos:pos + length])
        if got and got[0] == "Organization" and got[1] == "org" and length >= 2:
            return True
    return False


def _is_programme_clause(text: str, pos: int) -> bool:
    """“X”是…品牌 / “X”是…工程: the quote is named a programme in the same clause."""
    if not text.startswith("是", pos):
        return False
    m = re.match(r"[^，,。；;！？!?\n]{1,16}", text[pos + 1:])
    clause = m.group(0) if m else ""
    return any(clause.endswith(w) for w in rules().programme if len(w) >= 2)


def _unquoted_initiatives(d: Doc, stops=()) -> list[Candidate]:
    r = rules()
    text = d.text
    out = []
    for word, strength in r.programme.items():
        if strength not in ("strong", "whole"):
            continue
        for m in re.finditer(re.escape(word), text):
            s, e = m.span()
            if e not in d.ends or text[s - 1:s] in "“\"《「‘”":
                continue
            toks = left_words(d, s, 10, verbs=True, stops=stops)
            after_quote = toks and text[toks[-1][0] - 1:toks[-1][0]] in "”\"》」’"
            if toks and s - toks[-1][0] >= 4 and (not_generic(toks) or len(toks) >= 2) and not after_quote:
                out.append(Candidate(toks[-1][0], e, "Initiative", "suffix", 0.7))
            elif strength == "whole" and s in d.starts:
                out.append(Candidate(s, e, "Initiative", "suffix", 0.7))
    return out
