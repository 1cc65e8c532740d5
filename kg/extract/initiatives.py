"""Kinds of initiative: which subclass of kg:Initiative a programme name is, from the words that say so.

The head-word table is data (``kg/extract/data/initiative_classes.tsv``). Mentions keep ``cls == "Initiative"`` (scoring
and linking work on the top class); the kind goes in ``Mention.subtype`` and becomes an extra, more specific
``rdf:type`` of the entity in the graph.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from kg.util.resources import table

if TYPE_CHECKING:
    from kg.model import Mention

__all__ = ["SUBCLASSES", "initiative_class", "is_kind_word", "subtype_at", "entity_subtype", "without_period"]

SUBCLASSES = ("Campaign", "Pilot", "PolicyDocument", "TrainingProgramme", "InsuranceProduct", "Event",
              "Project", "Brand", "Mechanism")
_CLOSERS = "”\"》」’』)）"
_LEAD = re.compile(r"(?:[、和及与]?[“\"「‘『][^“”\"「」‘’『』\n]{1,24}[”\"」’』])*"  # more quoted names in a row
                   r"\s*(?:等\s*)?(?:[0-9一二三四五六七八九十两]+\s*[大项个类]?)?\s*(?:系列|主题|专项)?")
_CLAUSE = re.compile(r"是([^，,。；;！？!?\n]{1,20})")


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, str], tuple[str, ...]]:
    """(head word -> class, generic trailers), from the data file (checked once)."""
    heads, trailers = {}, []
    for row in table("initiative_classes.tsv"):
        if len(row) != 2 or not row[0]:
            raise ValueError(f"kg/extract/data/initiative_classes.tsv: expected 'head<TAB>class', got {row!r}")
        word, cls = row
        if cls == "-":
            trailers.append(word)
        elif cls in SUBCLASSES:
            heads[word] = cls
        else:
            raise ValueError(f"kg/extract/data/initiative_classes.tsv: unknown class {cls!r} for {word!r}")
    return heads, tuple(sorted(trailers, key=len, reverse=True))


_PERIOD = re.compile(r"[（(][^（）()]*[）)]$")


def without_period(title: str) -> str:
    """``title`` without the period in brackets it ends with (某某行动计划（2021—2023年） -> 某某行动计划)."""
    return _PERIOD.sub("", title)


def is_kind_word(name: str) -> bool:
    """Is ``name`` only a kind of initiative, a head word of the table with no name before it (决定, 通知,
    实施意见, 会议, 公报: 《决定》指出 refers back to a document and names none; tests/gold/README.md, policy 3)?"""
    heads, _ = _heads()
    return "".join(name.split()) in heads


_CONGRESS = re.compile(r"[十二三][一二三四五六七八九十]?大$")  # 党的十八大, 中共二十大: a numbered congress


def _ending(name: str) -> str | None:
    """The class of the longest head word that ends ``name`` (a generic trailer such as 工作 stripped first)."""
    if _CONGRESS.search(name):
        return "Event"
    heads, trailers = _heads()
    for t in trailers:
        if name.endswith(t) and len(name) > len(t):
            name = name[: -len(t)]
            break
    for n in range(min(len(name), 5), 0, -1):
        cls = heads.get(name[-n:])
        if cls:
            return cls
    return None


def _starting(text: str) -> str | None:
    heads, _ = _heads()
    for n in range(min(len(text), 5), 0, -1):
        cls = heads.get(text[:n])
        if cls:
            return cls
    return None


def initiative_class(name: str, after: str = "", before: str = "") -> str | None:
    """The subclass of kg:Initiative that ``name`` is (e.g. ``"Campaign"``), or None when nothing says so.

    ``after``/``before`` are the text right after and right before the name (quotation marks included):
    ``《name》`` is a policy document; otherwise the head word ending the name, then one right after it
    (“X”行动; “A”“B”等5大计划), then a clause naming it (“X”是…劳务品牌).
    """
    name = "".join(name.split())
    if before.rstrip().endswith("《"):
        return "PolicyDocument"
    got = _ending(name)
    if got:
        return got
    rest = after.lstrip()
    while rest[:1] and rest[0] in _CLOSERS:
        rest = rest[1:]
    m = _LEAD.match(rest)
    follow = rest[m.end() if m else 0:]
    got = _starting(follow)
    if got:
        return got
    m = _CLAUSE.match(rest)
    return _ending(m.group(1)) if m else None


def subtype_at(text: str, start: int, end: int) -> str | None:
    """:func:`initiative_class` of ``text[start:end]`` read in its context."""
    return initiative_class(text[start:end], after=text[end:end + 40], before=text[max(0, start - 2):start])


def entity_subtype(mentions: Iterable["Mention"]) -> str | None:
    """The kind most of an entity's mentions agree on (ties: alphabetical), or None."""
    counts = Counter(m.subtype for m in mentions if getattr(m, "subtype", None))
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))
