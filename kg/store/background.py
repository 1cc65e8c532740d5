"""A build's store write running beside the rest of the build; the new store version is switched in only when the
build asks, after its files are committed, so a build that fails or is killed leaves the store as it was.

- A new store (:class:`Streaming`) is bulk-loaded in a child process from the build's N-Quads file **while the build
  is still writing it**: the child reads the file up to its current end and waits there for more until the build
  tells it the file's final length. The loader, the slowest stage after linking, so starts with the quad stream
  instead of after it, at its own pace (a pipe instead of the file made the quad stream wait for the loader and
  saved nothing: 20,000 stories 280.6 s against 279.9 s), and its reads take no lock from the build's process.
- An existing store (:class:`Loading`) is prepared in a thread once the file is complete
  (:func:`kg.store.oxigraph.prepare_quads`: the file is read several times to find what the build replaces;
  Oxigraph's bulk loader is native code that releases the GIL) while the main thread writes the graph files.

The loader is held to one processor: Oxigraph's loader starts one writer per processor it may use, each holding a
batch of about a million quads, so on one it needs about 500 MB less (1.2 GB instead of 1.7 GB for 6.3 million
quads, measured 2026-12-07) and loads beside the main thread instead of competing with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from .oxigraph import Prepared

__all__ = ["Loading", "Streaming"]


def _one_processor() -> None:
    """Hold this thread (and the threads it starts) to the last processor it may use (Linux)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[-1:])


class Loading:
    """``prepare_quads(nquads, path, sources, base, relabel)`` started in a thread at once."""

    def __init__(self, nquads: str | os.PathLike, path: str | os.PathLike, sources: list[str], base: str,
                 relabel: Iterable[str] = ()) -> None:
        self._args = (nquads, path, list(sources), base, list(relabel))
        self._prepared: Prepared | None = None
        self._error: BaseException | None = None
        self.seconds = 0.0  # wall seconds the preparation took in its thread
        self._thread = threading.Thread(target=self._run, name="kg-store-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from .oxigraph import prepare_quads

        _one_processor()  # this thread only, and the loader threads it starts
        started = time.perf_counter()
        try:
            self._prepared = prepare_quads(*self._args)
        except BaseException as exc:  # handed to the main thread by finish()
            self._error = exc
        finally:
            self.seconds = time.perf_counter() - started

    def finish(self) -> "Prepared":
        """Wait for the new version and switch it in (returned: its ``info`` and ``changes``); raise what the
        preparation raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._prepared is not None
        self._prepared.switch()
        return self._prepared

    def abandon(self) -> None:
        """Wait for the preparation (it writes beside the store) and remove what it made; the store is unchanged."""
        self._thread.join()
        if self._prepared is not None:
            self._prepared.discard()
            self._prepared = None


class Streaming:
    """A new store at ``path`` bulk-loaded by a child process from ``nquads`` while the build writes it; call
    :meth:`ended` once every line is written, then :meth:`finish` (or :meth:`abandon`)."""

    def __init__(self, nquads: str | os.PathLike, path: str | os.PathLike) -> None:
        from kg.util.child import python_module
        from kg.util.generation import clean_siblings, sibling

        from .oxigraph import check_new

        self.nquads, self.target = Path(nquads), Path(path)
        check_new(self.target)
        clean_siblings(self.target)
        self.new = sibling(self.target, "new")
        self.seconds = 0.0  # wall seconds from the start to the end of the load
        self._started = time.perf_counter()
        self._out, self._err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
        self._done: tuple[int, str, str] | None = None
        self._child = python_module("kg.store.background", str(self.nquads), str(self.new),
                                    stdin=subprocess.PIPE, stdout=self._out, stderr=self._err, text=True)

    def ended(self) -> None:
        """Every quad is in the file: tell the loader its length."""
        assert self._child.stdin is not None
        self._child.stdin.write(f"{self.nquads.stat().st_size}\n")
        self._child.stdin.close()

    def _wait(self) -> tuple[int, str, str]:
        """The loader's exit status, output and error output, once it has stopped (at once if told to)."""
        if self._done is None:
            assert self._child.stdin is not None
            self._child.stdin.close()  # (unless ended: the loader stops)
            code = self._child.wait()
            self.seconds = time.perf_counter() - self._started
            texts = []
            for fh in (self._out, self._err):
                fh.seek(0)
                texts.append(fh.read())
                fh.close()
            self._done = (code, texts[0], texts[1])
        return self._done

    def finish(self) -> "Prepared":
        """Wait for the new store and switch it in; raise OSError with the loader's message if it failed."""
        from .oxigraph import Prepared

        code, out, err = self._wait()
        if code != 0:
            shutil.rmtree(self.new, ignore_errors=True)
            lines = err.strip().splitlines() or [f"exit status {code}"]
            raise OSError(f"{self.target}: the store's loader failed: {lines[-1]}")
        prepared = Prepared(self.new, self.target, True, {"articles": int(out), "replaced": 0})
        prepared.switch()
        return prepared

    def abandon(self) -> None:
        """Stop the loader (unless it has ended) and remove what it made; no store is made."""
        self._wait()
        shutil.rmtree(self.new, ignore_errors=True)


class _Growing:
    """The build's N-Quads file, read while it is written (:class:`Streaming`): at its current end the reader waits
    for more until the build writes the file's final length on ``control`` (one line); ``control`` closed without
    it means the build stopped, and the load fails."""

    def __init__(self, path: str, control: IO[str]) -> None:
        self._file = open(path, "rb")
        self._size: int | None = None
        self._stopped = False
        threading.Thread(target=self._listen, args=(control,), daemon=True).start()

    def _listen(self, control: IO[str]) -> None:
        line = control.readline().strip()
        if line.isdigit():
            self._size = int(line)
        else:
            self._stopped = True

    def read(self, n: int = -1) -> bytes:
        while True:
            data = self._file.read(n)
            if data:
                return data
            if self._size is not None and self._file.tell() >= self._size:
                return b""
            if self._stopped:
                raise OSError("the build stopped before every quad was written")
            time.sleep(0.01)


def _load_growing(nquads: str, new: str) -> None:
    """The child process of :class:`Streaming`: load, then print the number of articles."""
    from .oxigraph import load_new

    _one_processor()
    print(load_new(_Growing(nquads, sys.stdin), Path(new)))


if __name__ == "__main__":
    _load_growing(*sys.argv[1:3])
