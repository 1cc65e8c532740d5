"""A programme named with a kind word after its own name is that programme (一带一路倡议, 一带一路规划 = 一带一路;
南水北调工程 = 南水北调): the words are listed in kg/link/data/programme_trailers.txt, and the name without the word
must be a programme found in the corpus and end in no kind word of its own (kg/extract/data/initiative_classes.tsv
and the trailers), so that 乡村振兴战略规划 stays apart from 乡村振兴战略. Different numbers never join
(kg.link.shortforms.compatible).

An event or programme written with 中国 before its name (中国某博会) is the one of the name without it, when that
is found as a programme too. A name of two parties joined by a dash (中国－某某体论坛) is also written with the first character of each party
before the same head word (中某论坛): that short form joins it when it is the only such name."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kg.util.resources import table, words
from .shortforms import compatible

__all__ = ["join_dashed_short_forms", "join_state_prefixed", "join_trailers", "trailers"]

_PREFIX = "Initiative|"
_DASHES = "—–－-"


@lru_cache(maxsize=1)
def trailers() -> tuple[str, ...]:
    """The kind words a programme's name may be written with (longest first)."""
    return tuple(sorted(words("programme_trailers.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _kind_heads() -> tuple[str, ...]:
    """Head words that make a name a kind of initiative of its own (规划, 方案, 行动 …; not the trailers 工作, 发展)."""
    heads = {r[0] for r in table("initiative_classes.tsv") if len(r) > 1 and r[1] != "-"}
    return tuple(sorted(heads | set(trailers()), key=len, reverse=True))


def join_trailers(keys: Any) -> None:
    """Move every ``Initiative|<name><trailer>`` key into ``Initiative|<name>`` when that key exists."""
    for key in sorted(k for k in keys.keyed if k.startswith(_PREFIX) and k.count("|") == 1):
        name = key[len(_PREFIX):]
        word = next((w for w in trailers() if name.endswith(w) and len(name) - len(w) >= 2), None)
        if word is None:
            continue
        base = name[: -len(word)]
        target = _PREFIX + base
        if target not in keys.keyed or base.endswith(_kind_heads()) or not compatible(base, name):
            continue
        keys.move(key, target, f"the programme's name with the kind word {word} after it", 0.8)


def dashed_short_forms(name: str) -> list[str]:
    """The short forms of a name of two parties joined by a dash (中国－某某体论坛 -> 中某论坛, 中某体论坛 ...): the first
    character of each party and then a kind word (kg/extract/data/initiative_classes.tsv) the name ends with."""
    for dash in _DASHES:
        first, sep, second = name.partition(dash)
        if sep and len(first) >= 2 and len(second) >= 3 and not any(d in second for d in _DASHES):
            return [first[0] + second[0] + head for head in _kind_heads()
                    if second.endswith(head) and len(second) > len(head)]
    return []


def join_dashed_short_forms(keys: Any) -> None:
    """Move ``Initiative|<short>`` into the one ``Initiative|<A－B…head>`` key it is the short form of (中某论坛)."""
    owners: dict[str, set[str]] = {}
    for key in keys.keyed:
        if key.startswith(_PREFIX) and key.count("|") == 1:
            for short in dashed_short_forms(key[len(_PREFIX):]):
                owners.setdefault(_PREFIX + short, set()).add(key)
    for short, full in sorted(owners.items()):
        if len(full) != 1 or short not in keys.keyed:
            continue
        target = next(iter(full))
        if target in keys.keyed and compatible(short, target):
            keys.move(short, target, "the short form of a name of two parties joined by a dash (first characters "
                                     "and the kind word)", 0.8)


_STATE = "中国"


def join_state_prefixed(keys: Any) -> None:
    """Move ``Initiative|中国<name>`` into ``Initiative|<name>`` when that key exists and ``<name>`` has three or more
    characters and starts with no dash (中国—某某博览会 is a fair of two parties)."""
    for key in sorted(k for k in keys.keyed if k.startswith(_PREFIX + _STATE) and k.count("|") == 1):
        name = key[len(_PREFIX) + len(_STATE):]
        target = _PREFIX + name
        if len(name) >= 3 and name[0] not in _DASHES and target in keys.keyed and name not in _kind_heads():
            keys.move(key, target, "the programme's name with 中国 before it", 0.8)
