"""Streaming writers for sorted N-Triples lines: N-Quads, TriG and Turtle, in bounded memory.

Input lines are N-Triples terms joined by single spaces, already sorted and unique (:class:`kg.util.extsort.Sorter`):
``"<s> <p> o"`` for a triple, ``"<g> <s> <p> o"`` for a quad (graph first, so the quads of one graph are
together). Subjects, predicates and graph names are IRIs. The writers group a subject's triples (``;``) and a
predicate's objects (``,``), write vocabulary IRIs with the usual prefixes and instance IRIs in full (no prefixed
names that need ``\\/`` escapes), and keep every literal's lexical form as it is. The order of the output is the
order of the lines, so the same triples always give the same bytes.
"""

from __future__ import annotations

import io
import json
import re
import sys
from typing import IO, Callable, Iterable

__all__ = ["write_nquads_trig", "write_turtle", "split_triple"]

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def split_triple(line: str) -> tuple[str, str, str]:
    """``"<s> <p> o"`` -> ``("<s>", "<p>", "o")``."""
    i = line.index("> ") + 1
    j = line.index("> ", i + 1) + 1
    return line[:i], line[i + 1:j], line[j + 1:]


class _Names:
    """IRIs as prefixed names where the namespace is known and the local name needs no escape."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.cache: dict[str, str] = {_RDF_TYPE: "a"}

    def iri(self, term: str) -> str:
        short = self.cache.get(term)
        if short is None:
            short = term
            value = term[1:-1]
            for prefix, ns in self.prefixes:
                if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns):]):
                    short = f"{prefix}:{value[len(ns):]}"
                    break
            self.cache[term] = short
        return short

    def obj(self, term: str) -> str:
        if term[0] == "<":
            if term == _RDF_TYPE:
                return term
            short = self.cache.get(term)
            return short if short is not None else self.iri(term)
        if term.endswith(">") and '"^^<' in term:
            i = term.rindex("^^<")
            dt = self.iri(term[i + 2:])
            return term[: i + 2] + dt
        return term

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.prefixes))


class _Body:
    """Turtle statements (one per subject: ``;`` between predicates, ``,`` between objects) for triples given
    in subject order, written to ``out`` as they come."""

    def __init__(self, out: IO[str], names: _Names, indent: str = "") -> None:
        self.out, self.names, self.indent = out, names, indent
        self.subject = self.predicate = None
        self.parts: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        names, parts = self.names, self.parts
        if s != self.subject:
            if self.subject is not None:
                parts.append(" .\n")
                if len(parts) > 4096:
                    self.out.write("".join(parts))
                    parts.clear()
            self.subject, self.predicate = s, p
            parts += [self.indent, s, " ", names.cache.get(p) or names.iri(p), " ", names.obj(o)]
        elif p != self.predicate:
            self.predicate = p
            parts += [" ;\n", self.indent, "\t", names.cache.get(p) or names.iri(p), " ", names.obj(o)]
        else:
            parts += [" , ", names.obj(o)]

    def end(self) -> None:
        if self.subject is not None:
            self.parts.append(" .\n")
        self.out.write("".join(self.parts))
        self.parts.clear()
        self.subject = self.predicate = None


def write_turtle(lines: Iterable[str], out: IO[str], prefixes: dict[str, str],
                 each: Callable[[str, str, str], None] | None = None) -> int:
    """Write sorted triple lines as Turtle; return the number of triples. ``each(s, p, o)`` (optional) is called
    with every triple as it is written."""
    names = _Names(prefixes)
    out.write(names.header() + "\n")
    body = _Body(out, names)
    count = 0
    for line in lines:
        count += 1
        spo = split_triple(line)
        body.add(*spo)
        if each is not None:
            each(*spo)
    body.end()
    return count


def write_nquads_trig(lines: Iterable[str], nquads: IO[str], trig: IO[str], prefixes: dict[str, str]) -> int:
    """Write sorted quad lines (graph first) as N-Quads and as TriG in one pass; return the number of quads."""
    names = _Names(prefixes)
    trig.write(names.header())
    body = _Body(trig, names, "\t")
    count = 0
    graph = None
    nq: list[str] = []
    for line in lines:
        count += 1
        g_end = line.index("> ") + 1
        g, spo = line[:g_end], line[g_end + 1:]
        if g != graph:
            if graph is not None:
                body.end()
                trig.write("}\n")
            trig.write(f"\n{g} {{\n")
            graph = g
        body.add(*split_triple(spo))
        nq.append(f"{spo} {g} .\n")
        if len(nq) >= 8192:
            nquads.write("".join(nq))
            nq.clear()
    if graph is not None:
        body.end()
        trig.write("}\n")
    nquads.write("".join(nq))
    return count


def _main(nquads: str, trig: str, prefixes: str) -> None:
    """``python -m kg.rdf.write NQUADS TRIG PREFIXES``: :func:`write_nquads_trig` in a process of its own, from
    sorted quad lines on standard input (GNU sort's output: :class:`kg.outputs.Files`); ``PREFIXES`` as JSON."""
    lines = (line[:-1] for line in io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="\n"))
    with open(nquads, "w", encoding="utf-8", newline="\n") as nq, open(trig, "w", encoding="utf-8", newline="\n") as tg:
        write_nquads_trig(lines, nq, tg, json.loads(prefixes))


if __name__ == "__main__":
    _main(*sys.argv[1:4])
