"""Rule data for kg.extract.mentions: word lists from kg/data/, a jieba tokenizer that knows them, and tokenised text.

Everything is loaded lazily and cached; jieba is imported inside :func:`tokenizer`.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer
from kg.util.resources import table, words

__all__ = ["Rules", "rules", "tokenizer", "subwords", "Doc", "Candidate", "is_han"]

# jieba POS tags that never stand inside a name (prepositions, particles, pronouns, adverbs, time, direction,
# measure words, interjections, punctuation)
BLOCK_TAGS = frozenset("p u uj ul uz ud ug uv ule r rr rz d ad t tg f q y e o x".split())
PROPER_TAGS = frozenset("nr nrt nrfg ns nz nt".split())
NUMERALS = frozenset("一二三四五六七八九十百千零两")
LEVEL_CHARS = frozenset("省市县区州镇乡")
# jieba glues a body and its head's title into one word (外交部长, 财政厅长, 公安局长); the body is named in it
_HEAD_TITLES = frozenset(("部长", "厅长", "局长", "署长"))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def written_apart(text: str, s: int, e: int) -> bool:
    """Is the name at [s, e) of ``text`` written apart: no Han character right before it, or none right after it?"""
    return not (s > 0 and is_han(text[s - 1])) or not (e < len(text) and is_han(text[e]))


@dataclass(frozen=True)
class Rules:
    """All word lists, as sets and maps, loaded once."""

    heads: dict[str, tuple[str, str]]  # head word -> (class, rule)
    head_lens: tuple[int, ...]
    agency_stems: frozenset[str]
    stem_lens: tuple[int, ...]
    programme: dict[str, str]  # word -> strength
    industry: frozenset[str]
    cue_before: frozenset[str]
    cue_after: tuple[str, ...]  # longest first
    stop: frozenset[str]
    generic: frozenset[str]
    surnames: frozenset[str]
    launch: tuple[str, ...]  # verbs that launch a programme, longest first
    name_stop: frozenset[str]  # characters never inside a name
    agency_prefixes: frozenset[str]
    regions: dict[str, list[gazetteer.Region]]  # matchable region names
    region_first: dict[str, tuple[int, ...]]  # first char -> name lengths, longest first


def _check(rows, name: str, width: int):
    for row in rows:
        if len(row) < width or not all(row[:width]):
            raise ValueError(f"kg/data/{name}: expected {width} tab-separated columns, got {row!r}")
    return rows


@lru_cache(maxsize=1)
def rules() -> Rules:
    heads = {r[0]: (r[1], r[2]) for r in _check(table("heads.tsv"), "heads.tsv", 3)}
    stems = frozenset(words("agency_stems.txt"))
    cues = _check(table("person_cues.tsv"), "person_cues.tsv", 2)
    cues += _check(table("title_cues.tsv"), "title_cues.tsv", 2)  # state and foreign titles (总统, 外长)
    before = {w for w, side, *_ in cues if side == "before"} | set(words("posts.txt"))
    after = sorted({w for w, side, *_ in cues if side == "after"}, key=len, reverse=True)
    stop = set(words("stop_words.txt")) | set(words("launch_verbs.txt"))
    region_stop = set(words("region_stop.txt"))
    regions = {n: rs for n, rs in gazetteer.names().items() if n not in region_stop}
    first: dict[str, set[int]] = {}
    for n in regions:
        first.setdefault(n[0], set()).add(len(n))
    return Rules(
        heads=heads,
        head_lens=tuple(sorted({len(h) for h in heads}, reverse=True)),
        agency_stems=stems,
        stem_lens=tuple(sorted({len(s) for s in stems}, reverse=True)),
        programme={r[0]: r[1] for r in _check(table("programme_words.tsv"), "programme_words.tsv", 2)},
        industry=frozenset(words("industry_words.txt")),
        cue_before=frozenset(before),
        cue_after=tuple(after),
        stop=frozenset(stop),
        generic=frozenset(words("generic_words.txt")),
        surnames=frozenset(words("surnames.txt")),
        launch=tuple(words("launch_verbs.txt")),
        name_stop=frozenset(words("name_stop_chars.txt")),
        agency_prefixes=frozenset(words("agency_prefixes.txt")),
        regions=regions,
        region_first={c: tuple(sorted(ls, reverse=True)) for c, ls in first.items()},
    )


@lru_cache(maxsize=1)
def tokenizer():
    """(jieba.Tokenizer with region names and head words added, word -> (freq, tag) of its dictionary)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = cache_dir()  # jieba's default is the shared temporary folder: another user's file there breaks it
    tk.initialize()
    info: dict[str, tuple[int, str]] = {}
    with tk.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                info[parts[0]] = (int(parts[1]), parts[2])
    r = rules()
    # a fixed order: each word's frequency depends on the words added before it
    added = [(w, "ns") for w in r.regions] + [(h, "n") for h in r.heads]
    added += [(w, "n") for w in sorted(r.agency_stems)]
    for w, tag in added:
        if len(w) < 2:
            continue
        if w in info:
            continue
        tk.add_word(w, tk.suggest_freq(w, tune=False), tag)
        info[w] = (0, tag)
    _faster_routes(tk)
    return tk, info


def _faster_routes(tk) -> None:
    """Give ``tk`` (its dictionary complete: no word is added after this) faster versions of jieba's ``get_DAG`` and
    ``calc`` (jieba 0.42), which its ``cut`` calls one after the other: the graph keeps each word's log probability
    beside its end (computed once per frequency, from the dictionary in local variables), so ``calc`` neither slices
    nor looks the words up again. The same floats added in the same order: the same route and the same tokens.
    (Its graph is only for this ``calc``; kg never cuts in jieba's full mode, which reads the graph itself.)"""
    from math import log

    get, logtotal = tk.FREQ.get, log(tk.total)
    logp: dict[int, float] = {}  # frequency -> log(frequency or 1) - log(total), as jieba's calc computes it

    def get_DAG(sentence: str) -> dict[int, list[tuple[int, float]]]:
        dag = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i = k
            f = get(sentence[k])
            while f is not None:  # (frequencies are ints; a prefix of a word is in the dictionary with 0)
                if f:
                    p = logp.get(f)
                    if p is None:
                        p = logp[f] = log(f) - logtotal
                    ends.append((i, p))
                i += 1
                if i >= n:
                    break
                f = get(sentence[k:i + 1])
            if not ends:  # the character alone, its frequency 0 or none: log(1) - log(total)
                p = logp.get(0)
                if p is None:
                    p = logp[0] = log(1) - logtotal
                ends.append((k, p))
            dag[k] = ends
        return dag

    def calc(sentence: str, dag: dict[int, list[tuple[int, float]]], route: dict) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        for idx in range(n - 1, -1, -1):
            best = None
            for x, p in dag[idx]:  # ascending: on a tie the later end wins, as max() of (score, x) tuples does
                score = p + route[x + 1][0]
                if best is None or score >= best[0]:
                    best = (score, x)
            route[idx] = best

    tk.get_DAG, tk.calc = get_DAG, calc


def cache_dir() -> str:
    """kg's private cache folder (platformdirs: ~/.cache/kg on Linux), created if needed; a private temporary
    folder when it cannot be."""
    import os
    import tempfile

    from platformdirs import user_cache_dir

    path = user_cache_dir("kg", appauthor=False)
    try:
        os.makedirs(path, exist_ok=True)
        return path
    except OSError:
        return tempfile.mkdtemp(prefix="kg-cache-")


def subwords(piece: str) -> list[str]:
    """Dictionary words of a piece cut out of a token (no HMM: 志愿服务 -> 志愿, 服务)."""
    return tokenizer()[0].lcut(piece, HMM=False)


class Doc:
    """A text with its jieba tokens and quick boundary look-ups."""

    __slots__ = ("text", "tokens", "starts", "ends", "cuts", "_tok_starts", "info", "regions", "names")

    def __init__(self, text: str):
        tk, info = tokenizer()
        self.text = text
        self.info = info
        self.tokens: list[tuple[int, int, str]] = [(s, e, w) for w, s, e in tk.tokenize(text)]
        self.starts = {s for s, _, _ in self.tokens}
        self.ends = {e for _, e, _ in self.tokens}
        # possible word ends: token ends, and every point inside an unknown word that jieba's HMM glued
        # together from single characters (大围山镇楚 -> 镇楚), whose inner boundaries are not to be trusted
        self.cuts = set(self.ends)
        r = rules()
        titled: list[tuple[int, int]] = []
        for s, e, w in self.tokens:
            if e - s > 1 and w not in info:
                self.cuts.update(range(s + 1, e))
            elif e - s > 2:  # 镇党委 = 镇 + 党委, 党委书记 = 党委 + 书记: cut a word made of a head and a head or post
                self.cuts.update(s + i for i in range(1, e - s)
                                 if w[:i] in r.heads and (w[i:] in r.heads or w[i:] in r.cue_before))
                if w[-2:] in _HEAD_TITLES and e - s >= 4 and not text.startswith("官", e):
                    titled.append((s, e))  # 国防部长 = 国防部 + 长: the body before its head's title (not 长官)
        self.cuts.update(e - 1 for s, e in titled if _own_minister(text, s))
        self.regions: set[str] = set()  # region names accepted in this text (set by kg.extract.finders.region_hits)
        self.names: set[str] = set()  # specific parts of township names found so far (穿岩山 of 穿岩山村)
        self._tok_starts = [s for s, _, _ in self.tokens]

    def token_at(self, pos: int) -> int:
        """Index of the token containing character ``pos``."""
        return bisect_right(self._tok_starts, pos) - 1

    def tag(self, word: str) -> str | None:
        got = self.info.get(word)
        return got[1] if got else None

    def freq(self, word: str) -> int:
        got = self.info.get(word)
        return got[0] if got else 0


def _own_minister(text: str, s: int) -> bool:
    """May 某部长 at ``s`` name its ministry (国防部)? Where the text names a foreign country, only when the
    country stands right before it (某国 + 国防部长: that state's); else a bare ministry of a foreign story would be
    taken for China's when linked (某国 … 教育部长某某)."""
    from .finders import country_before, foreign_countries

    return country_before(text, s) or not foreign_countries(text)


@dataclass(frozen=True)
class Candidate:
    """A possible mention: span in the text, ontology class, the rule that found it and how sure it is."""

    start: int
    end: int
    cls: str
    extractor: str
    confidence: float
    code: str | None = None
