"""Sorting more lines than fit in memory: sorted runs on disk, merged (an external merge sort), duplicates dropped.

>>> # s = Sorter(folder); s.add("b"); s.add("a"); s.add("a"); list(s.unique()) == ["a", "b"]
"""

from __future__ import annotations

import heapq
import os
import tempfile
from pathlib import Path
from typing import Iterator

__all__ = ["Sorter"]


class Sorter:
    """Collects text lines (without newlines) and gives them back sorted (by code point) and unique.

    At most ``limit`` lines are held in memory; beyond that, sorted runs go to temporary files in ``folder``
    (removed by :meth:`unique` when it is exhausted, or by :meth:`close`)."""

    def __init__(self, folder: str | os.PathLike, limit: int = 1_000_000) -> None:
        self.folder, self.limit = Path(folder), limit
        self._lines: list[str] = []
        self._runs: list[Path] = []
        self.added = 0

    def add(self, line: str) -> None:
        self._lines.append(line)
        self.added += 1
        if len(self._lines) >= self.limit:
            self._spill()

    def extend(self, lines: list[str]) -> None:
        self._lines.extend(lines)
        self.added += len(lines)
        if len(self._lines) >= self.limit:
            self._spill()

    def _spill(self) -> None:
        fd, name = tempfile.mkstemp(prefix=".run-", suffix=".txt", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            previous = None
            for line in sorted(self._lines):
                if line != previous:
                    fh.write(line + "\n")
                    previous = line
        self._runs.append(Path(name))
        self._lines = []

    def unique(self) -> Iterator[str]:
        """The lines added, sorted, each once (consumes the sorter)."""
        if not self._runs:
            lines, self._lines = self._lines, []
            lines.sort()
            previous = None
            for line in lines:
                if line != previous:
                    yield line
                    previous = line
            return
        if self._lines:
            self._spill()
        files = [open(p, encoding="utf-8", newline="\n") for p in self._runs]
        try:
            previous = None
            for line in heapq.merge(*(_stripped(f) for f in files)):
                if line != previous:
                    yield line
                    previous = line
        finally:
            for f in files:
                f.close()
            self.close()

    def close(self) -> None:
        for p in self._runs:
            p.unlink(missing_ok=True)
        self._runs = []
        self._lines = []


def _stripped(fh) -> Iterator[str]:
    for line in fh:
        yield line[:-1]
