"""partOf and locatedIn as the sentence writes them: a region, place or organisation written right after the
region that contains it (岳麓区橘子洲街道, 某区某公司), ``X位于Y``, ``Y境内的X``.
"""

from __future__ import annotations

import re

from kg.model import Relation
from .common import ORGS, PLACES, Sentence, rel

__all__ = ["part_of", "located"]


def part_of(s: Sentence) -> list[Relation]:
    """partOf / locatedIn of names written one right after the other (a region, then what is in it)."""
    return _part_of(s.article, s.inside, s.evidence)


def located(s: Sentence) -> list[Relation]:
    """locatedIn of ``X位于Y``, ``X坐落于Y``, ``X地处Y``, ``Y境内的X``, ``Y辖区内X``."""
    return _located(s.article, s.text, s.inside, s.evidence)


def _part_of(article, inside, evidence) -> list[Relation]:
    """A region written right after the region containing it is partOf it; a place or organisation written right
    after a region (圭塘街道和润社区某小区, 某区某公司) is locatedIn it."""
    out = []
    for a, b in zip(inside, inside[1:]):
        if a.cls != "AdministrativeRegion" or a.end != b.start:
            continue
        if b.cls == "AdministrativeRegion":
            if a.code and b.code and not _contains(a.code, b.code):
                continue  # two coded regions that are not parent and child
            out.append(rel(article, "partOf", b, a, evidence, confidence=0.9, extractor="adjacency"))
        elif b.cls == "Place" or b.cls in ORGS:
            out.append(rel(article, "locatedIn", b, a, evidence, confidence=0.85, extractor="adjacency"))
    return out


def _located(article, text, inside, evidence) -> list[Relation]:
    """``X位于Y``, ``X坐落于Y``, ``X地处Y``; ``Y境内的X``, ``Y辖区内X``."""
    out = []
    for vm in re.finditer("位于|坐落于|地处", text[evidence[0]:evidence[1]]):
        v = evidence[0] + vm.start()
        subj = [m for m in inside if (m.cls in ORGS or m.cls in PLACES) and m.end <= v and v - m.end <= 2]
        obj = [m for m in inside if m.cls in PLACES and m.start >= vm.end() + evidence[0]]
        if subj and obj:
            out.append(rel(article, "locatedIn", subj[-1], obj[0], evidence, confidence=0.85))
    for vm in re.finditer("境内的?|辖区内的?|辖内的?", text[evidence[0]:evidence[1]]):  # 某县境内的某某水库
        v = evidence[0] + vm.start()
        region = [m for m in inside if m.cls == "AdministrativeRegion" and m.end == v]
        thing = [m for m in inside if (m.cls in ORGS or m.cls == "Place") and m.start == evidence[0] + vm.end()]
        if region and thing:
            out.append(rel(article, "locatedIn", thing[0], region[-1], evidence, confidence=0.8))
    return out


def _contains(outer: str, inner: str) -> bool:
    """True when GB/T 2260 code ``outer`` is a strict ancestor of ``inner``."""
    if outer == inner or outer[:2] != inner[:2]:
        return False
    if outer.endswith("0000"):
        return True
    return outer.endswith("00") and outer[:4] == inner[:4]
