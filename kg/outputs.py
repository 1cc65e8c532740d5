"""Write a build's files from the quad stream of :mod:`kg.rdf.quads`: graph.ttl, graph.trig, graph.nq and graph.html,
as one generation (:mod:`kg.util.generation`), in bounded memory.

Every quad goes, as one line of N-Triples terms, into two external sorts (:class:`kg.util.extsort.Sorter`): the
quads (graph first) and the triples (their union: a triple several articles state is one triple). The sorted,
unique lines are written by :mod:`kg.rdf.write`: graph.nq and graph.trig from the quads, graph.ttl from the
triples; the page's entity graph is read from the triples as graph.ttl is written (:mod:`kg.viz.explorer_lines`:
no store loaded for it). The triples are exactly those of :mod:`kg.rdf.quads` (every literal's lexical form kept)
and the order is the sorted order, so identical inputs give identical bytes whatever the order the quads came in
(the number of processes, the order of the input files).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from kg.util import generation
from kg.util.extsort import Sorter
from kg.rdf.build import PREFIXES

__all__ = ["NAMES", "Files", "QuadFile", "write"]

NAMES = ["graph.ttl", "graph.trig", "graph.nq", "graph.html"]
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SORT_LIMIT = 300_000  # lines per sort kept in memory (about 90 MB); more go to sorted runs on disk


class QuadFile:
    """The store layout of a build as an N-Quads file: ``add(graph, owner, s, p, o)`` (a :data:`kg.rdf.quads.Add`
    sink) writes each triple once, in its store graph ``owner``."""

    def __init__(self, path: Path, base: str) -> None:
        self.path, self.base = path, base
        self._fh = open(path, "w", encoding="utf-8", newline="\n")
        self._names: dict[str, str] = {}
        self._buffer: list[str] = []

    def add(self, graph: str, owner: str, s: str, p: str, o: str) -> None:
        self.add_line(owner, f"{s} {p} {o}")

    def add_line(self, owner: str, spo: str) -> None:
        """:meth:`add` of a triple already written as ``"s p o"``."""
        term = self._names.get(owner)
        if term is None:
            term = self._names[owner] = f"<{self.base}{owner}>"
        self._buffer.append(f"{spo} {term} .\n")
        if len(self._buffer) >= 20000:
            self._fh.write("".join(self._buffer))
            self._buffer.clear()

    def close(self, tail: Iterable[str] = ()) -> Path:
        """Write what is buffered, then the lines ``tail``, and close the file (once)."""
        if not self._fh.closed:
            try:
                self._fh.write("".join([*self._buffer, *tail]))
            finally:
                self._buffer.clear()
                self._fh.close()
        return self.path


def write(emit: Callable[[Callable], None], out_dir: str | os.PathLike, base: str, facts: Iterable[str],
          also: Callable | None = None, timer=None, stats: dict | None = None,
          streamed: Callable[[], None] | None = None, tally: dict | None = None) -> list[Path]:
    """Write graph.ttl, graph.trig, graph.nq and graph.html into ``out_dir`` as one generation.

    ``emit(add)`` streams the build's quads into ``add(graph, owner, s, p, o)``; ``facts`` are the fact predicate
    IRIs (``<...>``) the explorer draws as edges; ``also(owner, "s p o")`` (optional) receives every quad too (for
    ``--store``: :meth:`QuadFile.add_line`), and
    ``streamed()`` (optional) is called once they all have been (e.g. to start loading the store meanwhile).
    ``timer(name)`` marks the end of a stage; ``stats["triples"]`` is set to the number of triples; ``tally``
    (optional) is filled with the ``kg stats`` tally of the triples (:meth:`kg.viz.explorer_lines.Reader.tally`)
    (:attr:`Files.entity_graph` then keeps the entity graph it was counted on)."""
    files = Files(out_dir, base, also)
    try:
        emit(files.add)
    except BaseException:
        files.discard()
        raise
    return files.finish(facts, timer, stats, streamed, tally)


class Files:
    """:func:`write` in steps, for a build that streams its quads as its stages give them: ``add`` (a
    :data:`kg.rdf.quads.Add` sink) any number of times, then :meth:`finish` once (or :meth:`discard`)."""

    def __init__(self, out_dir: str | os.PathLike, base: str, also: Callable | None = None) -> None:
        self.gen = generation.stage(out_dir)
        self._writer: _QuadWriter | None = None
        self.entity_graph = None  # the page's entity graph, kept when finish is asked for the kg stats tally
        self.quads, self.triples = Sorter(self.gen, SORT_LIMIT), Sorter(self.gen, SORT_LIMIT)
        names: dict[str, str] = {}
        quad_lines: list[str] = []
        triple_lines: list[str] = []
        self._pending = quad_lines, triple_lines

        def add(graph: str, owner: str, s: str, p: str, o: str) -> None:
            g = names.get(graph)
            if g is None:
                g = names[graph] = f"<{base}{graph}> "
            spo = f"{s} {p} {o}"
            quad_lines.append(g + spo)
            triple_lines.append(spo)
            if also is not None:
                also(owner, spo)
            if len(quad_lines) >= 50000:
                self._flush()

        self.add = add

    def _flush(self) -> None:
        quad_lines, triple_lines = self._pending
        self.quads.extend(quad_lines)
        self.triples.extend(triple_lines)
        quad_lines.clear()
        triple_lines.clear()

    def finish(self, facts: Iterable[str], timer=None, stats: dict | None = None,
               streamed: Callable[[], None] | None = None, tally: dict | None = None) -> list[Path]:
        """Every quad is in: write the files and commit the generation (see :func:`write` for the arguments)."""
        from kg.viz import explorer, explorer_lines
        from kg.rdf.write import write_nquads_trig, write_turtle

        mark = timer or (lambda name: None)
        gen = self.gen
        try:
            self._flush()
            mark("rdf")
            if streamed is not None:
                streamed()
            if self.quads.piped:  # graph.nq and graph.trig written by another process as graph.ttl is here
                self._writer = _QuadWriter(self.quads, gen / "graph.nq", gen / "graph.trig")
            else:
                with open(gen / "graph.nq", "w", encoding="utf-8", newline="\n") as nq, \
                        open(gen / "graph.trig", "w", encoding="utf-8", newline="\n") as trig:
                    write_nquads_trig(self.quads.unique(), nq, trig, PREFIXES)
            reader = explorer_lines.Reader()  # the page's entity graph, read from the triples as they are written
            with open(gen / "graph.ttl", "w", encoding="utf-8", newline="\n") as ttl:
                count = write_turtle(self.triples.unique(), ttl, PREFIXES, reader.add)
            if self._writer is not None:
                self._writer.wait()
                self._writer = None
            if stats is not None:
                stats["triples"] = count
            mark("serialise")
            eg = reader.graph()
            if tally is not None:
                tally.update(reader.tally(eg))
                self.entity_graph = eg
            explorer.write(eg, gen / "graph.html")
            mark("explorer")
            return generation.commit(gen, NAMES)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove what was staged (the build failed)."""
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        self.quads.close()
        self.triples.close()
        generation.discard(self.gen)


class _QuadWriter:
    """graph.nq and graph.trig written from a piped sorter's output (GNU sort's, read straight from its pipe) by
    :mod:`kg.rdf.write` in a child process, on the processor the main process leaves free while it writes graph.ttl
    and reads the page's graph (the two halves take about the same time)."""

    def __init__(self, quads: Sorter, nquads: Path, trig: Path) -> None:
        import json
        import subprocess
        import tempfile

        from kg.util.child import python_module

        output, self._sorted = quads.piped_output()
        self._err = tempfile.TemporaryFile("w+")
        try:
            self._child = python_module("kg.rdf.write", str(nquads), str(trig), json.dumps(PREFIXES), stdin=output,
                                        stdout=subprocess.DEVNULL, stderr=self._err, text=True)
        except BaseException:
            self._sorted(False)
            raise
        finally:
            output.close()  # the child's now: the sort sees it gone if the child stops

    def wait(self) -> None:
        """Wait for the files; raise OSError with the writer's (or the sort's) message if it failed."""
        code = self._child.wait()
        self._err.seek(0)
        lines = self._err.read().strip().splitlines()
        self._err.close()
        self._sorted(code == 0)
        if code != 0:
            raise OSError(f"writing graph.nq and graph.trig failed: {lines[-1] if lines else f'exit status {code}'}")

    def stop(self) -> None:
        if self._child.poll() is None:
            self._child.kill()
            self._child.wait()
        self._err.close()
        self._sorted(False)
