"""Mentions inside a span of text, found by binary search, so a loop over sentences stays linear overall.

A list comprehension over all mentions for every sentence costs sentences x mentions: quadratic in the length of
an article (a 400,000-character body spent minutes there).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

__all__ = ["Window"]


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
