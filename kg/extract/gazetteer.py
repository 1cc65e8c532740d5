"""China's administrative divisions (province, prefecture, county) from the cpca package's data files.

The table is cpca's ``resources/adcodes.csv`` (GB/T 2260 codes with coordinates); it is read directly,
without importing cpca (which imports pandas). Everything is built lazily on first use and cached.

>>> get("430600").name
'岳阳市'
>>> [r.name for r in lookup("恩施")]
['恩施土家族苗族自治州']
"""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Region", "get", "lookup", "resolve", "ancestors", "split_chain", "names", "jieba_words", "data_file"]

# rows of adcodes.csv that are placeholders, not places
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


@dataclass(frozen=True)
class Region:
    """One administrative division; ``code`` is the 6-digit GB/T 2260 code."""

    code: str
    name: str
    short: str
    level: str  # "province" | "prefecture" | "county"
    parent: str | None
    lat: float | None
    lon: float | None


def data_file(name: str = "adcodes.csv") -> Path:
    """Path of a file in cpca's ``resources`` folder, found without importing cpca."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is not installed: it provides the gazetteer (pip install cpca)")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / name
    if not path.is_file():
        raise RuntimeError(f"{path}: missing from the cpca package")
    return path


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    """Ethnic group names, with and without 族 (自治州 names use both), longest first."""
    out = set()
    with open(data_file("56_nations.csv"), encoding="utf-8") as f:
        for line in f:
            n = line.strip()
            if n:
                out.add(n)
                if n.endswith("族") and len(n) > 2:
                    out.add(n[:-1])
    out.add("各族")
    return tuple(sorted(out, key=len, reverse=True))


def _strip_nations(stem: str) -> str:
    """``恩施土家族苗族`` -> ``恩施``: drop ethnic group names from the end, repeatedly."""
    changed = True
    while changed:
        changed = False
        for n in _nations():
            if stem.endswith(n) and len(stem) > len(n) + 1:
                stem = stem[: -len(n)]
                changed = True
                break
    return stem


@lru_cache(maxsize=1)
def _rows() -> dict[str, tuple[str, float | None, float | None]]:
    rows = {}
    path = data_file()
    with open(path, encoding="utf-8", newline="") as f:
        for i, rec in enumerate(csv.DictReader(f), start=2):
            try:
                code, name = rec["adcode"][:6], rec["name"].strip()
            except (KeyError, TypeError):
                raise RuntimeError(f"{path}:{i}: expected columns adcode,name,longitude,latitude") from None
            if name in _PLACEHOLDERS or not code.isdigit() or len(code) != 6:
                continue
            rows[code] = (name, _float(rec.get("latitude") or ""), _float(rec.get("longitude") or ""))
    return rows


def _upper_forms(name: str, level: str) -> list[str]:
    """Short forms of a province or prefecture, most usual first."""
    for suffix in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        return []
    if suffix in ("自治区", "自治州"):
        stem = _strip_nations(stem)
    if len(stem) < 2:
        return []
    if suffix == "自治州":
        return [stem + "州", stem]
    return [stem]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Region], dict[str, tuple[str, ...]]]:
    """All regions by code, and every surface form (full name first) by code."""
    rows = _rows()
    forms: dict[str, list[str]] = {}
    upper_names: set[str] = set()
    for code, (name, _, _) in rows.items():
        forms[code] = [name]
        if _level(code) != "county":
            forms[code] += _upper_forms(name, _level(code))
            upper_names.update(forms[code])
    full_names = {name for name, _, _ in rows.values()}
    # a short form of a higher level wins over an equal one of a lower level (海南州 -> not 海南)
    for code in forms:
        if _level(code) == "prefecture":
            forms[code] = [forms[code][0]] + [
                f for f in forms[code][1:] if not any(f in forms[p] for p in forms if _level(p) == "province")
            ]
    reserved = full_names | {f for code in forms if _level(code) != "county" for f in forms[code]}
    for code, (name, _, _) in rows.items():
        if _level(code) != "county":
            continue
        extra: list[str] = []
        if name.endswith(("自治县", "自治旗")):
            stem = _strip_nations(name[:-3])
            if len(stem) >= 2:
                extra.append(stem + name[-1])
                extra.append(stem)
        elif name.endswith(("区", "县", "市", "旗")) and len(name) >= 3:
            stem = name[:-1]
            extra.append(stem)
            if name.endswith("县") and stem not in reserved:  # many counties have since become cities or districts
                extra += [stem + "市"] + ([stem + "区"] if not stem.endswith("新") else [])
                # (not 某新 + 区: read into a new area's name, 某安新区 would give the county 安新县)
        forms[code] += [f for f in extra if len(f) >= 2 and f not in reserved and f != name]
    regions = {}
    for code, (name, lat, lon) in rows.items():
        level = _level(code)
        shorts = [f for f in forms[code][1:] if not f.endswith(("市", "区")) or level != "county"]
        short = shorts[0] if shorts else name
        regions[code] = Region(code, name, short, level, _parent(code, rows), lat, lon)
    return regions, {c: tuple(dict.fromkeys(f)) for c, f in forms.items()}


def _parent(code: str, rows) -> str | None:
    level = _level(code)
    if level == "province":
        return None
    if level == "county" and code[:4] + "00" in rows:
        return code[:4] + "00"
    return code[:2] + "0000" if code[:2] + "0000" in rows else None


def get(code: str) -> Region | None:
    """The region with this 6-digit (or 12-digit) code, or None."""
    return _table()[0].get(str(code)[:6])


def forms(code: str) -> tuple[str, ...]:
    """Every surface form of a region, full name first."""
    return _table()[1].get(str(code)[:6], ())


@lru_cache(maxsize=1)
def names() -> dict[str, list[Region]]:
    """Every full name and short form (of length >= 2) -> the regions it may mean, highest level first."""
    regions, all_forms = _table()
    out: dict[str, list[Region]] = {}
    for code, fs in all_forms.items():
        for f in fs:
            if len(f) >= 2:
                out.setdefault(f, []).append(regions[code])
    for rs in out.values():
        rs.sort(key=lambda r: (_LEVEL_RANK[r.level], r.code))
    return out


def lookup(name: str) -> list[Region]:
    """Regions whose full name or a short form is ``name`` (several for 朝阳区, 鼓楼区 ...)."""
    return list(names().get(name, ()))


def _related(a: str, b: str) -> int:
    """How closely two codes agree: 2 same prefecture, 1 same province, 0 otherwise."""
    if a[:4] == b[:4] and a[2:4] != "00":
        return 2
    return 1 if a[:2] == b[:2] else 0


def resolve(name: str, context: Iterable[str] = ()) -> Region | None:
    """The one region ``name`` means, given codes already seen (``context``); None when still ambiguous."""
    cands = lookup(name)
    if len(cands) <= 1:
        return cands[0] if cands else None
    ctx = [str(c)[:6] for c in context if c]
    if ctx:
        scores = [max(_related(r.code, c) for c in ctx) for r in cands]
        best = max(scores)
        if best > 0:
            cands = [r for r, s in zip(cands, scores) if s == best]
            if len(cands) == 1:
                return cands[0]
    top = min(_LEVEL_RANK[r.level] for r in cands)
    highest = [r for r in cands if _LEVEL_RANK[r.level] == top]
    return highest[0] if len(highest) == 1 else None


def ancestors(code: str) -> list[Region]:
    """Parent, grandparent ... of a region (nearest first)."""
    out: list[Region] = []
    r = get(code)
    while r is not None and r.parent:
        r = get(r.parent)
        if r is not None:
            out.append(r)
    return out


def _is_ancestor(a: str, b: str) -> bool:
    return any(r.code == a for r in ancestors(b))


@lru_cache(maxsize=1)
def _max_len() -> int:
    return max(len(n) for n in names())


def split_chain(text: str) -> list[tuple[int, int, Region]]:
    """Split a run of nested region names (``湖南省长沙市望城区``) into (start, end, region) spans.

    Returns [] unless the whole text is a chain in which each region lies inside the one before.
    """

    def walk(i: int, prev: Region | None) -> list[tuple[int, int, Region]] | None:
        if i == len(text):
            return []
        for j in range(min(len(text), i + _max_len()), i + 1, -1):
            for r in names().get(text[i:j], ()):
                if prev is None or _is_ancestor(prev.code, r.code):
                    rest = walk(j, r)
                    if rest is not None:
                        return [(i, j, r)] + rest
        return None

    return walk(0, None) or []


def jieba_words() -> list[tuple[str, str]]:
    """(word, POS tag) for a jieba user dictionary: every name and short form, tagged ``ns``."""
    return [(n, "ns") for n in sorted(names())]
