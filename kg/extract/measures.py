"""Dates, amounts, counts and percentages in an article, normalised, and attached to what the sentence is about.

Dates are normalised against the article date (7月3日 -> 2025-07-03, 今年5月 -> 2025-05, 近三年 -> 2022/2025);
amounts and counts get their value and unit (2000万元 -> 20000000 CNY, 27.2万户 -> 272000 户, 101.1% -> 1.011).
Chinese numerals are read by cn2an; units and relative time words are data (kg/extract/data/units.tsv, time_words.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterable

from kg.model import Article, Measure, Mention
from kg.util.resources import table, words
from kg.util.sentences import sentence_start, sentences
from kg.util.spans import Window

__all__ = ["measures", "parse_number"]

ORG_CLASSES = frozenset({"Initiative", "Enterprise", "GovernmentBody", "PartyOrganization", "Organization"})
_MULT = {"千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_BIG = set("十百千万亿")
_PRE = {"约": "about", "大约": "about", "近": "about", "将近": "about", "接近": "about", "超过": "more than",
        "超": "more than", "逾": "more than", "多达": "more than", "不到": "less than", "不足": "less than",
        "未满": "less than"}
_POST = {"余": "more than", "多": "more than", "以上": "more than", "左右": "about", "以下": "at most",
         "以内": "at most"}
_NOT_AFTER_GE = ("月", "小时", "工作日", "季度", "星期", "多月")  # 3个月: a duration, not a count


@dataclass(frozen=True)
class _Rules:
    units: dict[str, tuple[str, str]]  # word -> (kind, unit)
    rel_years: dict[str, int]
    number: re.Pattern
    dates: tuple[tuple[str, re.Pattern], ...]


def _alt(items: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    units = {}
    for row in table("units.tsv"):
        if len(row) != 3 or not all(row):
            raise ValueError(f"kg/extract/data/units.tsv: expected 'word<TAB>kind<TAB>unit', got {row!r}")
        units[row[0]] = (row[1], row[2])
    rel = {}
    for row in table("time_words.tsv"):
        try:
            rel[row[0]] = int(row[1])
        except (IndexError, ValueError):
            raise ValueError(f"kg/extract/data/time_words.tsv: expected 'word<TAB>year offset', got {row!r}") from None
    pre = _alt(_PRE)
    number = re.compile(
        rf"(?<![\d.A-Za-z第{_CN_DIGITS}])(?P<pre>{pre})?\s*"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_DIGITS}]+)\s*"
        rf"(?P<suf>余|多)?(?P<mult>万亿|[千万亿])?(?P<suf2>余|多)?\s*"
        rf"(?:(?P<pct>[%％])|(?P<unit>{_alt(units)}))(?P<post>以上|以下|以内|左右)?")
    y, r = r"(?P<y>(?:19|20)\d{2})\s*年", rf"(?P<rel>{_alt(rel)})"
    m, d = r"(?P<m>1[0-2]|0?[1-9])\s*月", r"(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]"
    nd = r"(?<![\d.])"
    dates = (
        ("ymd", re.compile(rf"{nd}(?:{y}|{r})\s*{m}\s*(?:份)?\s*{d}")),
        ("md", re.compile(rf"{nd}{m}\s*{d}")),
        ("half", re.compile(rf"{nd}(?:{y}|{r})?(?P<half>上半年|下半年)")),
        ("quarter", re.compile(rf"{nd}(?:{y}|{r})?(?P<upto>前)?第?(?P<q>[一二三四1-4])季度")),
        ("ym", re.compile(rf"{nd}(?:{y}|{r})\s*{m}(?:份)?")),
        ("m", re.compile(rf"{nd}{m}(?:份)?(?![\d一二三四五六七八九十])")),
        ("recent", re.compile(r"近(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年(?:来)?")),
        ("y", re.compile(rf"{nd}{y}(?!\s*\d{{1,2}}\s*月)")),
        ("rel", re.compile(rf"{r}(?!\s*\d{{1,2}}\s*月)")),
        ("d", re.compile(r"(?<![\d.月年])(?P<d>3[01]|[12]\d|[1-9])\s*日(?=\s*[，,从在起上下晚电讯]|\s*[（(]?\s*记者)")),
    )
    return _Rules(units, rel, number, dates)


def parse_number(num: str, mult: str | None = None) -> Decimal | None:
    """The value of an Arabic or Chinese numeral with an optional 千/万/亿 multiplier (27.2 万 -> 272000)."""
    num = num.replace(",", "").strip()
    try:
        if num[:1].isdigit():
            value = Decimal(num)
        else:
            import cn2an

            if num[0] in "十百千万亿" and num[0] != "十":
                num = "一" + num
            value = Decimal(str(cn2an.cn2an(num, "normal")))
    except (InvalidOperation, ValueError, KeyError, IndexError):
        return None
    return value * _MULT[mult] if mult else value


def _num(value: Decimal) -> float:
    return float(value.normalize())


# ---------------------------------------------------------------- dates


def _article_ymd(article: Article) -> tuple[int, int, int] | None:
    if article.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date):
        y, mo, dd = (int(p) for p in article.date.split("-"))
        return y, mo, dd
    return None


def _year(g: dict, base: tuple[int, int, int] | None, rel_years: dict[str, int]) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("rel") and base:
        return base[0] + rel_years[g["rel"]]
    return base[0] if base else None


def _date_value(kind: str, g: dict, base, rel_years) -> str | None:
    year = _year(g, base, rel_years)
    if kind in ("ymd", "md"):
        mo, dd = int(g["m"]), int(g["d"])
        return f"{year:04d}-{mo:02d}-{dd:02d}" if year else f"--{mo:02d}-{dd:02d}"
    if kind in ("ym", "m"):
        mo = int(g["m"])
        return f"{year:04d}-{mo:02d}" if year else f"--{mo:02d}"
    if kind == "quarter":
        if not year:
            return None
        q = int(parse_number(g["q"]))
        first = 1 if g["upto"] else 3 * q - 2
        return f"{year:04d}-{first:02d}/{year:04d}-{3 * q:02d}"
    if kind == "half":
        if not year:
            return None
        return f"{year:04d}-01/{year:04d}-06" if g["half"] == "上半年" else f"{year:04d}-07/{year:04d}-12"
    if kind == "y":
        return f"{int(g['y']):04d}"
    if kind == "rel":
        return f"{year:04d}" if (base and year) else None
    if kind == "recent":
        n = parse_number(g["n"])
        return f"{base[0] - int(n):04d}/{base[0]:04d}" if (base and n) else None
    if kind == "d":
        if not base:
            return None
        y, mo, dd = base[0], base[1], int(g["d"])
        if dd > base[2]:  # "30日" in a paper of 3 July is 30 June
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return f"{y:04d}-{mo:02d}-{dd:02d}"
    return None


def _on_calendar(value: str) -> bool:
    """Is every end of ``value`` (2025-07-03, 2025-07, --02-29, a/b) a day or month of the calendar?"""
    from datetime import date

    for part in value.split("/"):
        y, _, rest = part.partition("-") if not part.startswith("--") else ("2000", "", part[2:])
        fields = [int(x) for x in rest.split("-") if x]
        try:
            date(int(y) or 2000, fields[0] if fields else 1, fields[1] if len(fields) > 1 else 1)
        except ValueError:
            return False
    return True


def _date_qualifier(text: str, s: int, e: int) -> str | None:
    before, after = text[max(0, s - 3):s], text[e:e + 3]
    if before.endswith(("截至", "截止", "到")):
        return "until"
    if after.startswith(("以来", "起", "开始")) or before.endswith(("自", "从")):
        return "since"
    if after.startswith(("以前", "之前")):
        return "before"
    return None


def _past_year(value: str, base: tuple[int, int, int], before: str) -> bool:
    """A month(-day) without a year more than a week after the article date, with no future word before it
    in its sentence (将于, 计划 ...), is last year's."""
    before = before[sentence_start(before, len(before)):]
    if value.startswith("--") or any(w in before for w in words("future_cues.txt")):
        return False
    month = int(value[5:7])
    day = int(value[8:10]) if len(value) > 7 else 1
    return (month, day) > (base[1], base[2] + 7) if month == base[1] else month > base[1]


def _dates(text: str, base) -> list[tuple[int, int, str, str, str | None]]:
    r = _rules()
    out = []
    for kind, pat in r.dates:
        for m in pat.finditer(text):
            value = _date_value(kind, m.groupdict(), base, r.rel_years)
            if value is None or not _on_calendar(value):
                continue  # 2月30日: no day of the calendar, so no date (xsd:date would reject it)
            s, e = m.span()
            if (kind in ("md", "m") and base and not text.startswith(("起", "前", "开始", "底前"), e)
                    and _past_year(value, base, text[max(0, s - 12):s])
                    and _on_calendar(last_year := f"{int(value[:4]) - 1:04d}{value[4:]}")):
                value = last_year  # (2月29日 of a leap year stays in it: the year before has no such day)
            if kind == "rel" and text.startswith("以来", e) and base:  # 今年以来 -> 2025-01-01/2025-07-03
                y = _year(m.groupdict(), base, r.rel_years)
                value = f"{y:04d}-01-01/{base[0]:04d}-{base[1]:02d}-{base[2]:02d}"
                e += 2
            out.append((s, e, kind, value, _date_qualifier(text, s, e)))
    return out


# ---------------------------------------------------------------- amounts, counts, percentages


def _numbers(text: str) -> list[tuple[int, int, str, float, str, str | None]]:
    r = _rules()
    out = []
    for m in r.number.finditer(text):
        g = m.groupdict()
        num = g["num"]
        if not num[0].isdigit():
            if not (_BIG & set(num) or g["suf"] or g["suf2"]):
                continue  # 一个, 三大: a Chinese numeral without 十/百/千/万 is rarely a figure worth keeping
            if num[0] in "百千万亿" and not g["pre"]:
                continue  # 千家万户, 百姓: only 近百家, 约千人 ... count
        value = parse_number(num, g["mult"])
        if value is None:
            continue
        qualifier = (_PRE.get(g["pre"] or "") or _POST.get(g["suf"] or g["suf2"] or "")
                     or _POST.get(g["post"] or ""))
        if g["pct"]:
            kind, unit, value = "percent", "ratio", value / 100
        else:
            kind, unit = r.units[g["unit"]]
            if g["unit"] == "个" and text.startswith(_NOT_AFTER_GE, m.end()):
                continue
            if kind == "percentagepoint":
                kind, value = "percent", value / 100
        out.append((m.start(), m.end(), kind, _num(value), unit, qualifier))
    for m in re.finditer(r"百分之(?P<num>[零〇一二两三四五六七八九十百点\d.]+)", text):
        value = parse_number(m.group("num").replace("点", "."))
        if value is not None:
            out.append((m.start(), m.end(), "percent", _num(value / 100), "ratio", None))
    return out


# ---------------------------------------------------------------- subjects


def _subject(text: str, s: int, e: int, kind: str, sent: tuple[int, int], ms: Window) -> Mention | None:
    """The mention a measure at [s, e) is about (see the README section "Dates and amounts"); ``ms``: the
    article's mentions by position."""
    inside = ms.inside(*sent)
    orgs = [m for m in inside if m.cls in ORG_CLASSES]
    follow = re.match(r"的\s*[“\"《「‘]?", text[e:e + 4])
    if follow:
        at = e + follow.end()
        hit = next((m for m in inside if m.start == at and m.cls != "Person"), None)
        if hit:
            return hit
    before = [m for m in orgs if m.end <= s]
    after = [m for m in orgs if m.start >= e]
    if kind == "date":
        initiatives = [m for m in orgs if m.cls == "Initiative"]
        if initiatives:
            return min(initiatives, key=lambda m: (m.start - e if m.start >= e else s - m.end, m.start))
        if after:
            return after[0]
        if before:
            return before[-1]
        regions = [m for m in inside if m.cls == "AdministrativeRegion"]
        if regions:
            return min(regions, key=lambda m: (m.start - e if m.start >= e else s - m.end, m.start))
    else:
        if before:
            return before[-1]
        regions = [m for m in inside if m.cls == "AdministrativeRegion" and m.end <= s]
        if regions:
            return regions[-1]
        if after:
            return after[0]
    # a sentence that names nothing continues its paragraph: the last organisation or initiative before it
    para = text.rfind("\n", 0, s) + 1
    earlier = [m for m in ms.inside(para, sent[0]) if m.cls in ORG_CLASSES]
    return earlier[-1] if earlier else None


def measures(article: Article, mentions: list[Mention]) -> list[Measure]:
    """The dates, amounts, counts and percentages of ``article``, each with the mention it is about (or None).

    Spans inside a mention (《2025年…方案》) are skipped; overlapping finds keep the longest (dates first).
    """
    text = article.text
    if not text:
        return []
    base = _article_ymd(article)
    found = [(s, e, "date", v, None, q, k) for s, e, k, v, q in _dates(text, base)]
    found += [(s, e, kind, v, unit, q, "number") for s, e, kind, v, unit, q in _numbers(text)]
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    kept = []
    for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2] != "date", f[0])):
        s, e = f[0], f[1]
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append(f)
    kept.sort(key=lambda f: f[0])
    sents = sentences(text) or [(0, 0)]
    ordered = Window(sorted(mentions, key=lambda m: m.start))
    out, i = [], 0
    for s, e, kind, value, unit, qualifier, _ in kept:
        while i + 1 < len(sents) and sents[i][1] <= s:
            i += 1
        subj = _subject(text, s, e, kind, sents[i], ordered)
        raw_start, raw_end = article.raw_span(s, e)
        out.append(Measure(article=article.id, start=s, end=e, raw_start=raw_start, raw_end=raw_end, kind=kind,
                           value=value, unit=unit, text=text[s:e],
                           subject=(subj.article, subj.start, subj.end) if subj else None,
                           qualifier=qualifier, sentence=i))
    return out
