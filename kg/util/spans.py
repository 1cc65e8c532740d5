"""Mentions inside a span of text, found by binary search, so a loop over sentences stays linear overall; and the
spans of a word in a text, found by ``str.find``.

A list comprehension over all mentions for every sentence costs sentences x mentions: quadratic in the length of
an article (a 400,000-character body spent minutes there).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

__all__ = ["Window", "occurrences"]


class Window:
    """``mentions`` (sorted by start) with a look-up of those inside ``[start, end)``, in their order."""

    __slots__ = ("mentions", "starts")

    def __init__(self, mentions: Sequence):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def inside(self, start: int, end: int) -> list:
        """The mentions ``m`` with ``start <= m.start`` and ``m.end <= end`` (same as filtering the whole list)."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]


def occurrences(word: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) spans of ``word`` in ``text[start:end]``, left to right and not overlapping, as offsets into
    ``text``: the spans of ``re.finditer(re.escape(word), text[start:end])`` shifted by ``start`` (``start`` >= 0),
    without compiling a pattern per word (the extractors look up hundreds of words per article, more than the
    ``re`` module's cache holds)."""
    stop = len(text) if end is None else min(end, len(text))
    if not word:
        return [(start + i, start + i) for i in range(max(0, stop - start) + 1)]
    out, n = [], len(word)
    i = text.find(word, start, stop)
    while i >= 0:
        out.append((i, i + n))
        i = text.find(word, i + n, stop)
    return out
