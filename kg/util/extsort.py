"""Sorting more lines than fit in memory: sorted runs on disk, merged (an external merge sort), duplicates dropped.

Lines beyond what one sort keeps in memory go to GNU ``sort`` where the system has it (``LC_ALL=C sort -u``: bytes of
UTF-8 compare as Python compares code points, so the order and the lines are the same): a separate process that
sorts while the caller goes on producing lines, in C, on another core. Without it, sorted runs go to temporary
files and are merged in Python.

>>> # s = Sorter(folder); s.add("b"); s.add("a"); s.add("a"); list(s.unique()) == ["a", "b"]
"""

from __future__ import annotations

import functools
import heapq
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterator, cast

__all__ = ["Sorter"]

PIPED = 20_000  # lines held before they are written to a running GNU sort


class Sorter:
    """Collects text lines (without newlines) and gives them back sorted (by code point) and unique.

    At most ``limit`` lines are held in memory; beyond that, they go to a GNU ``sort`` process (``external``: None
    to use it where there is one, False never) or sorted runs go to temporary files in ``folder`` (removed by
    :meth:`unique` when it is exhausted, or by :meth:`close`; GNU sort keeps its own there and removes them)."""

    def __init__(self, folder: str | os.PathLike, limit: int = 1_000_000, external: bool | None = None) -> None:
        self.folder, self.limit = Path(folder), limit
        self._lines: list[str] = []
        self._runs: list[Path] = []
        self._command = _gnu_sort() if external is not False else None
        self._proc: subprocess.Popen | None = None
        self._pipe: io.TextIOWrapper | None = None
        self.added = 0

    def add(self, line: str) -> None:
        self._lines.append(line)
        self.added += 1
        if len(self._lines) >= self._threshold():
            self._spill()

    def extend(self, lines: list[str]) -> None:
        self._lines.extend(lines)
        self.added += len(lines)
        if len(self._lines) >= self._threshold():
            self._spill()

    def _threshold(self) -> int:
        # once GNU sort runs, lines go to it as they come (it sorts in its own memory): held here they would be
        # a second copy of its buffer in this process (about 180 MB for the two sorts of a whole-corpus build)
        return self.limit if self._pipe is None else min(self.limit, PIPED)

    def _spill(self) -> None:
        if self._command is not None:
            if self._pipe is None:
                self._proc = subprocess.Popen(
                    # (--batch-size: a whole corpus makes dozens of runs; merged in one pass, not two)
                    [self._command, "-u", "-S", f"{max(64, self.limit // 3000)}M", "--batch-size=64", "-T",
                     str(self.folder)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    env=dict(os.environ, LC_ALL="C"))
                self._pipe = io.TextIOWrapper(cast(IO[bytes], self._proc.stdin), encoding="utf-8", newline="\n",
                                              write_through=True)
            self._lines.append("")
            self._pipe.write("\n".join(self._lines))
            self._lines = []
            return
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
        if self._proc is not None:
            yield from self._sorted_by_process()
            return
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

    @property
    def piped(self) -> bool:
        """Whether the lines are sorted by a running GNU sort (then :meth:`piped_output` may be used)."""
        return self._proc is not None

    def piped_output(self) -> tuple[IO[bytes], Callable[..., None]]:
        """When :attr:`piped`, instead of :meth:`unique`: GNU sort's output (the sorted unique lines, each ending in a
        newline) for another process to read (give it as that process's standard input, then close it here), and
        ``wait()``, which waits for the sort and raises OSError if it failed, or ``wait(False)``, which stops it
        (the reader gave up). Consumes the sorter."""
        if self._lines:
            self._spill()
        proc, pipe, self._proc, self._pipe = self._proc, self._pipe, None, None
        assert proc is not None and pipe is not None
        try:
            pipe.close()
        except BaseException:
            _stop(proc)
            raise

        def wait(read: bool = True) -> None:
            try:
                if not read:
                    return
                error = cast(IO[bytes], proc.stderr).read().decode("utf-8", "replace").strip()
                if proc.wait() != 0:
                    raise OSError(f"sort failed ({proc.returncode}): {error}")
            finally:
                _stop(proc)

        return cast(IO[bytes], proc.stdout), wait

    def _sorted_by_process(self) -> Iterator[str]:
        output, wait = self.piped_output()
        read = False
        try:
            for line in io.TextIOWrapper(output, encoding="utf-8", newline="\n"):
                yield line[:-1]
            read = True
        finally:
            wait(read)

    def close(self) -> None:
        if self._proc is not None:
            _stop(self._proc)
            self._proc = self._pipe = None
        for p in self._runs:
            p.unlink(missing_ok=True)
        self._runs = []
        self._lines = []


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _stripped(fh) -> Iterator[str]:
    for line in fh:
        yield line[:-1]


@functools.lru_cache(maxsize=1)
def _gnu_sort() -> str | None:
    """The path of GNU sort, if the system has it."""
    path = shutil.which("sort")
    if path is None:
        return None
    try:
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return path if "GNU coreutils" in version else None
