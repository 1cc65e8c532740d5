"""Bylines, credits, datelines and web information lines: who wrote, filmed or photographed an article and where
it was filed (the lines :mod:`kg.layout.segment` takes out of the text). Role words, dateline outlets and web
information labels: ``data/bylines.tsv``; surnames: ``data/surnames.txt``.
"""

from __future__ import annotations

import re
from datetime import date as Date
from collections import Counter
from functools import lru_cache
from pathlib import PurePath

from kg.model import Author
from kg.util.resources import table, words

__all__ = ["HAN", "CLOSERS", "patterns", "named_people", "meta_line", "author_line", "credit_line", "iso_date", "page_date", "article_date"]

HAN = "\u4e00-\u9fff"
CLOSERS = "”’」』）)》】"

@lru_cache(maxsize=None)
def _vocab() -> dict:
    out: dict = {"role": {}, "outlet": {}, "stop": {}, "meta": {}, "end": {}}
    for row in table("bylines.tsv"):
        kind, word, value = (row + ("", ""))[:3]
        out[kind][word] = value
    return out | {"surname": frozenset(words("surnames.txt"))}


@lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern[str]]:
    v = _vocab()
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w)))  # noqa: E731
    roles, name = alt(v["role"]), rf"[{HAN}]{{2,4}}"
    names = rf"{name}(?:[ \u3000、]+{name}){{0,3}}"
    lead = rf"(?:^|(?<=[。！？!?…{CLOSERS}\s]))\s*"
    src = rf"(?!据)[{HAN}A-Za-z·]{{0,16}}?(?:{alt(v['outlet'])})[{HAN}·]{{0,8}}?"
    return {
        "dateline": re.compile(rf"(?P<src>{src})\s*(?:(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日\s*(?:讯|电)"
                               rf"|(?:讯|电)(?=[\s（(：:]|$))(?:\s*(?P<br>[（(][^（()）]{{1,80}}[）)]))?"),
        "credit": re.compile(rf"{lead}(?:(?:{roles})\s*)?(?P<n1>{names})\s*[/／]?\s*摄影?"
                             rf"(?:\s*[（(][^（()）]{{0,20}}[）)])?\s*$"
                             rf"|{lead}(?:摄影|图)\s*[：:/／]?\s*(?:(?:{roles})\s*)?(?P<n2>{names})\s*$"
                             rf"|[（(]\s*(?:(?:{roles})\s*)?(?P<n3>{names})\s*[/／]?\s*摄影?\s*[）)]\s*$"),
        # a broadcast or web lead: 央视网消息（新闻联播）：, 中国网络电视台消息(新闻联播)：, 某某网消息： (m, d and br never
        # take part: a lead names no day and no reporters)
        "lead": re.compile(rf"(?P<src>{src})消息\s*(?:[（(][^（()）\n]{{1,12}}[）)])?\s*[：:]"
                           r"(?:(?P<m>(?!))(?P<d>(?!))(?P<br>(?!)))?"),
        "credits": re.compile(rf"[（(](?P<c>\s*(?:{roles})\s*[：:]?\s*{names}"
                              rf"(?:\s*(?:{roles})\s*[：:]?\s*{names})*\s*)[）)]\s*$"),
        "person": re.compile(rf"(?P<role>{roles})|(?P<name>(?:(?!{roles})[{HAN}·])+)"
                             rf"|(?P<sep>[\s、，,：:/／]+)|(?P<x>.)", re.S),
        "meta": re.compile(rf"({alt(v['meta'])})\s*[：:]\s*"),
        "fulldate": re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"),
        "year": re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年"),
        "monthday": re.compile(r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
        "filedate": re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"),
    }


def _name_ok(name: str, surnamed: bool) -> bool:
    v = _vocab()
    if not (2 <= len(name) <= 4 or ("·" in name and len(name) <= 12)):
        return False
    if any(name in v[k] for k in ("role", "outlet", "stop", "meta")):
        return False
    return not surnamed or name[0] in v["surname"] or name[:2] in v["surname"]


def _split_names(chunk: str, surnamed: bool) -> list[int] | None:
    """Lengths of the names an unspaced chunk ("张三李四五") splits into, or None."""
    if len(chunk) > 12 or _name_ok(chunk, surnamed):
        return None if len(chunk) > 12 else [len(chunk)]
    for k in (3, 2, 4):
        rest = _split_names(chunk[k:], True) if len(chunk) - k >= 2 else None
        if rest and _name_ok(chunk[:k], True):
            return [k] + rest
    return None


def named_people(raw: str, start: int, end: int, role: str, strict: bool) -> list[Author] | None:
    """Names with roles in raw[start:end] ("全媒体记者 张三 通讯员\\n李四").

    ``role`` applies until a role word; strict: None if anything but names and role words is there.
    """
    chars = [(c, i) for i, c in enumerate(raw[start:end], start) if c not in "\r\n"]
    if re.fullmatch(rf"\s*[{HAN}](?:[ \u3000][{HAN}]){{1,3}}\s*", "".join(c for c, _ in chars)):  # 王 文
        chars = [(c, i) for c, i in chars if not c.isspace()]
    s, out, after_role = "".join(c for c, _ in chars), [], False
    for m in patterns()["person"].finditer(s):
        if m.lastgroup == "role":
            role, after_role = _vocab()["role"][m.group()], True
        elif m.lastgroup == "name":
            if strict and not after_role and len(m.group()) > 4 and "·" not in m.group():
                return None  # unspaced names with no role word before them: a wrapped headline line, not a byline
            lengths, at = _split_names(m.group(), strict or not after_role), m.start()
            if lengths is None and strict:
                return None
            for n in lengths or []:
                out.append(Author(s[at:at + n], role, chars[at][1], chars[at + n - 1][1] + 1))
                at += n
        elif m.lastgroup == "x" and strict:
            return None
    return out



def meta_line(raw: str, rs: int, re_: int) -> dict | None:
    """A web information line ("2025-07-03 10:20 来源：湖南日报 作者：张三") -> date, publisher, authors."""
    s = raw[rs:re_]
    if len(s.strip()) > 80 or re.search("[。，；！？]", s):
        return None
    labels, fd = list(patterns()["meta"].finditer(s)), patterns()["fulldate"].search(s)
    if not any(m is not None and not s[:m.start()].strip() for m in (labels[0] if labels else None, fd)):
        return None
    info: dict = {"authors": [], "date": fd and iso_date(int(fd[1]), int(fd[2]), int(fd[3]))}
    for k, m in enumerate(labels):
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(s)
        what, value = _vocab()["meta"][m.group(1)], s[m.end():stop].split()
        if what == "publisher" and value:
            info["publisher"] = value[0]
        elif what == "author":
            role = "记者" if m.group(1) == "记者" else "作者"
            info["authors"] += named_people(raw, rs + m.end(), rs + stop, role, strict=False) or []
    return info


def author_line(raw: str, rs: int, re_: int) -> list[Author] | None:
    """A line holding only people: "王 文", "（熊旭东 黄玲玲）", "本报记者 张三 李四"."""
    s = raw[rs:re_]
    if len(s) > 40 or re.search("[。，；！？,;!?]", s):
        return None
    if re.sub(r"[\s（()）]", "", s) in _vocab()["end"]:
        return []  # （完）: the story ends here
    m = (re.fullmatch(r"\s*[（(](?P<b>[^（()）]+)[）)]\s*", s)
         or re.fullmatch(r"\s*(?:文\s*[/／|｜]\s*|[□■◎●]\s*)?(?P<b>[^（()）]+?)\s*", s))
    return (named_people(raw, rs + m.start("b"), rs + m.end("b"), "作者", strict=True) or None) if m else None


def credit_line(raw: str, rs: int, re_: int) -> tuple[int, list[Author]] | None:
    """A photo credit or a bracketed credit line at the end of a line -> (raw start of the credit, people)."""
    m = patterns()["credit"].search(raw, rs, re_)
    g = next((g for g in ("n1", "n2", "n3") if m.group(g)), None) if m else None
    people = named_people(raw, m.start(g), m.end(g), "摄影", strict=True) if m and g else None
    if not m or not people:  # a bracketed credit line ending a paragraph: (视频编辑：张三 文字编辑：李四)
        c = patterns()["credits"].search(raw, rs, re_)
        found = named_people(raw, c.start("c"), c.end("c"), "作者", strict=False) if c else None
        return (c.start(), found) if c and found else None
    cut = m.start() + len(m.group()) - len(m.group().lstrip())
    return cut, [Author(p.name, "摄影", p.start, p.end) for p in people]


def iso_date(y: int, m: int, d: int) -> str | None:
    try:
        return Date(y, m, d).isoformat()
    except ValueError:
        return None


def page_date(source: str, date: str | None, text: str) -> tuple[tuple[int, int, int] | None, int | None]:
    """(publication date from the file name or doc.date, the most frequent year written on the page)."""
    f = patterns()["filedate"].search(PurePath(source).stem) or re.match(r"(\d{4})-(\d\d)-(\d\d)", date or "")
    full = (int(f[1]), int(f[2]), int(f[3])) if f and iso_date(int(f[1]), int(f[2]), int(f[3])) else None
    years = Counter(int(m[1]) for m in patterns()["year"].finditer(text))
    years.update(int(m[1]) for m in patterns()["fulldate"].finditer(text))
    return full, (max(years, key=lambda y: (years[y], y)) if years else None)


def article_date(date: str | None, md: tuple[int, int] | None, body: str, caption: bool, page: tuple) -> str | None:
    """An article's date: its own (a web information line), else its dateline's month and day in the page's year
    (a caption may begin with them), else the page's date."""
    (full, year) = page
    if date:
        return date
    if md is None and caption and (m := patterns()["monthday"].match(body)):
        md = (int(m[1]), int(m[2]))
    if md is None:
        return iso_date(*full) if full else None
    if full:
        year = full[0] - (md[0] > full[1] + 1)  # a December dateline in a January paper
    return iso_date(year, *md) if year else None
