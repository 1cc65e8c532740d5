"""What a person's name and the words around it tell the person linker (kg.link.persons): whether the name is a
transliterated foreign one, the full name an article gives a surname it also writes alone, the title word right
before a mention, and the country an untitled foreign office holder's title means.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from kg.util.resources import words

__all__ = ["foreign", "transliterated", "join_full_forms", "title_word", "resolve_nations"]

_DOTS = "·•-－‐—"  # (a single dash: 某某—某某; a double one is punctuation)
_ROLE_ENDS = "长员人手家官者师记席理使督帅管"  # last characters of role nouns (发言人, 助手, 大法官, 高管)


@lru_cache(maxsize=1)
def _chars() -> frozenset[str]:
    return frozenset("".join(words("transliteration_chars.txt")))


def transliterated(name: str) -> bool:
    """Every character of ``name`` a transliteration character (kg/extract/data/transliteration_chars.txt), middle
    dots and dashes aside: a foreign name as Chinese writes it, or a Chinese name made of such characters (罗阳)."""
    return len(name) >= 2 and all(c in _chars() or c in _DOTS for c in name)


def foreign(name: str) -> bool:
    """A transliterated foreign name by its letters alone: a middle dot, or all its characters transliteration
    characters and the first not a Chinese surname (kg/layout/data/surnames.txt; 罗阳 is Chinese, 奥巴马 is not)."""
    return "·" in name or (transliterated(name) and name[0] not in words("surnames.txt"))


def join_full_forms(keys: Any) -> None:
    """A name an article writes alone after writing it whole with a middle dot or dash (某某·施某某 … 施某某, 巴某某·某某 …
    巴某某) is that person: the mentions of the short form in that article take the full name's key, when the
    article gives exactly one such full name."""
    by_article: dict[str, dict[str, str]] = defaultdict(dict)  # article -> name -> key
    for key, ms in keys.keyed.items():
        if key.startswith("Person|") and key.count("|") == 1:
            for m in ms:
                by_article[m.article][key.split("|", 1)[1]] = key
    moved: dict[str, str] = {}  # (article, short key) -> full key
    for art, names in by_article.items():
        for name, key in names.items():
            if any(c in name for c in _DOTS):
                continue
            full = [n for n in names if len(n) > len(name) + 1 and (
                (n.endswith(name) and n[-len(name) - 1] in _DOTS) or (n.startswith(name) and n[len(name)] in _DOTS))]
            if len(full) == 1:
                moved[f"{art}|{key}"] = names[full[0]]
    for tag, full_key in sorted(moved.items()):
        art, key = tag.split("|", 1)
        ms = keys.keyed[key]
        for m in [m for m in ms if m.article == art]:
            ms.remove(m)
            mk = (m.article, m.start, m.end)
            keys.keyed[full_key].append(m)
            keys.of[mk] = full_key
            keys.why[mk] = (f"the name the article writes in full ({full_key.split('|', 1)[1]})", 0.9)
        if not ms:
            keys.keyed.pop(key)
            keys.joined[full_key].add(key)


def title_word(run: str) -> str:
    """The title or role word that ends the words before a mention (某国最高法院首席大法官 -> 大法官, 某某的助手 ->
    助手): the longest title, post or role word of the extraction rules it ends with, else its last two characters
    when they end in a role character; '' when none."""
    from kg.extract.rules import rules

    run = run.strip(" 　、")
    cues = rules().cue_before
    for n in range(min(len(run), 6), 1, -1):
        if run[-n:] in cues:
            return run[-n:]
    return run[-2:] if len(run) >= 2 and run[-1] in _ROLE_ENDS else ""


def resolve_nations(nations: dict[str, str], told: dict[str, set[str]], abroad: dict[str, set[str]]) -> dict[str, str]:
    """The country of each article's foreign office holder (``nations``: the country its title names, '' when it
    names none): the one country the titles before the name mention (``told``), else the one the titles of other
    articles name and this article names too, else the one foreign country the article names (``abroad``); an
    article that leaves it open is an office holder of its own (``?article``), never joined by the title alone."""
    named = set(nations.values()) - {""}
    out = {}
    for art, n in nations.items():
        if not n:
            here = told.get(art) or set()
            fit = here if len(here) == 1 else named & abroad.get(art, set())
            if len(fit) != 1:
                fit = abroad.get(art, set()) if len(abroad.get(art, set())) == 1 else (
                    named if len(named) == 1 and not abroad.get(art) else set())
            n = next(iter(fit)) if len(fit) == 1 else f"?{art}"
        out[art] = n
    return out
