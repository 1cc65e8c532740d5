"""Context inside one article: what 省科技厅, 市委 or 该区, 全市, 当地, 该公司 refer to.

- :func:`qualify`: a level character standing alone before an agency or party name (省科技厅, 市工伤认定委员会)
  means the article's own region of that level; the linker then keys the name under that region's code.
- :func:`references`: generic words (该区, 全市, 我省, 当地, 公司, 该公司, 该局 ...) and the entity they refer to in the
  article, as inferred links with a lower confidence. They are never surface forms of the entity.
Tables: kg/extract/data/context_prefixes.tsv and kg/extract/data/anaphora.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer
from kg.model import Article, Mention
from kg.util.resources import table

__all__ = ["qualify", "level_code", "references", "Antecedent"]

_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_MUNICIPALITIES = ("11", "12", "31", "50")  # 北京, 天津, 上海, 重庆: 市 is the province level
_NOT_AFTER = {"全市": "场", "全区": "域分别", "全省": "份心", "当地": "时", "公司": "章法", "全县": "城"}
_NOT_BEFORE = {"当地": "适恰相妥正应得", "公司": None}  # None: no Chinese character may come before it


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in table("context_prefixes.tsv")}


@lru_cache(maxsize=1)
def _anaphora() -> tuple[tuple[str, str, float], ...]:
    rows = [(r[0], r[1], float(r[2])) for r in table("anaphora.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def level_code(char: str, context: list[str]) -> str | None:
    """The article's region for a level character (省, 市, 州, 县, 区) given its region codes, most mentioned first."""
    levels = _prefixes().get(char)
    if not levels or not context:
        return None
    for code in context:  # the most mentioned region first, then the levels in table order
        for level in levels:
            region = gazetteer.get(code)
            if region is None:
                continue
            if level == "province":
                return code[:2] + "0000"
            if char == "市" and code[:2] in _MUNICIPALITIES:
                return code[:2] + "0000"
            if level == "prefecture" and region.level != "province":
                pref = gazetteer.get(code[:4] + "00")
                if pref is not None and pref.name.endswith(char):
                    return pref.code
            if level == "county-city" and region.level == "county" and region.name.endswith("市"):
                return code
            if level == "county" and region.level == "county" and region.name.endswith(char):
                return code
    return None


def qualify(text: str, context: list[str]) -> tuple[str | None, str]:
    """(region code, rest) for ``省科技厅``-like names: a level character alone before the name.

    Returns ``(None, text)`` when ``text`` does not start with a lone level character or the article names no
    region of that level.
    """
    if len(text) < 2 or text[0] not in _prefixes() or gazetteer.lookup(text[:2]) or gazetteer.lookup(text[:3]):
        return None, text
    code = level_code(text[0], context)
    return (code, text[1:]) if code else (None, text)


@dataclass(frozen=True)
class Antecedent:
    """A generic word at ``start:end`` of the article text and what it refers to: a mention or a region code."""

    start: int
    end: int
    text: str
    mention: Mention | None
    code: str | None
    reason: str
    confidence: float


def _region_end(m: Mention) -> str:
    if m.code:
        region = gazetteer.get(m.code)
        if region is not None:
            return region.name
    return m.text


def _standalone(text: str, start: int, end: int, word: str) -> bool:
    """False for a word that is part of a longer one (分公司, 适当地, 全市场)."""
    prev = text[start - 1] if start > 0 else ""
    if word in _NOT_BEFORE:
        banned = _NOT_BEFORE[word]
        if banned is None and "\u4e00" <= prev <= "\u9fff":
            return False
        if banned and prev and prev in banned:
            return False
    after = _NOT_AFTER.get(word, "")
    return not (after and end < len(text) and text[end] in after)


def references(article: Article, mentions: list[Mention], context: list[str]) -> list[Antecedent]:
    """Generic words of ``article`` and their antecedents (nearest fitting mention before, else the article's
    region of that level from ``context``). Words inside a mention, or with nothing to refer to, are skipped."""
    text = article.text
    covered = bytearray(len(text) + 1)  # characters inside a mention or a word already resolved
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * max(m.end - m.start, 0)
    out: list[Antecedent] = []
    for word, target, conf in _anaphora():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            free = not any(covered[start:end])
            if free and _standalone(text, start, end, word):
                hit = _antecedent(word, target, conf, start, end, mentions, context)
                if hit is not None:
                    out.append(hit)
                    covered[start:end] = b"\x01" * (end - start)
            start = text.find(word, end)
    return sorted(out, key=lambda a: a.start)


def _antecedent(word, target, conf, start, end, mentions, context) -> Antecedent | None:
    before = [m for m in mentions if m.end <= start]
    if target.startswith("org:"):
        ending = target[4:]
        cands = [m for m in before if m.cls in _ORGS and m.text.endswith(ending)]
        if cands:
            return Antecedent(start, end, word, cands[-1], None, f"nearest organisation ending in {ending} before", conf)
        return None
    if target == "enterprise":
        cands = [m for m in before if m.cls == "Enterprise"]
        if cands:
            return Antecedent(start, end, word, cands[-1], None, "nearest company named before", conf)
        return None
    regions = [m for m in before if m.cls == "AdministrativeRegion"]
    if target != "region":
        regions = [m for m in regions if _region_end(m).endswith(target)]
    if regions:
        why = "nearest region before" if target == "region" else f"nearest region ending in {target} before"
        return Antecedent(start, end, word, regions[-1], None, why, conf)
    if target == "region" and context:
        return Antecedent(start, end, word, None, context[0], "the article's most mentioned region", conf - 0.1)
    if target in _prefixes():
        code = level_code(target, context)
        if code:
            return Antecedent(start, end, word, None, code, f"the article's {target}-level region", conf - 0.1)
    return None
