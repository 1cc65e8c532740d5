"""Checks on a SPARQL text before any engine sees it: size, nesting depth, and clauses that reach the network.

One linear pass over the text with a tokenizer that skips strings, IRIs and comments, so braces in literals and
the word SERVICE inside a string or an IRI do not count. A query nested thousands deep crashes Oxigraph's parser
(a stack overflow kills the process) and exhausts rdflib's recursion; these checks turn that into one line.
"""

from __future__ import annotations

import re

__all__ = ["MAX_QUERY_CHARS", "MAX_DEPTH", "check"]

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 100  # brackets ({ ( [) open at once; real queries stay below 20, Oxigraph crashes near 3,000

_TOKEN_RE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r'|"(?:[^"\\\n]|\\.)*"?'
    r"|'(?:[^'\\\n]|\\.)*'?"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    r"|[?$][^\s{}()\[\].,;]*"
    r"|[A-Za-z_][\w.-]*(?::[^\s{}()\[\],;]*)?"
    r"|:[^\s{}()\[\],;]*"
    r"|[{}()\[\]]"
    r"|[^\s\"'<#?${}()\[\]A-Za-z_:]+"
    r"|\S",
    re.S,
)
_OPEN, _CLOSE = "{([", "})]"
_NETWORK = {"SERVICE": "a SERVICE clause (it makes the server send requests to other servers)",
            "LOAD": "LOAD (it makes the server fetch a URL)"}


class QueryRejected(ValueError):
    """The text is refused before running; the message is one line for the user."""


def check(text: str, allow_service: bool = False, max_chars: int = MAX_QUERY_CHARS,
          max_depth: int = MAX_DEPTH) -> None:
    """Raise :class:`QueryRejected` when ``text`` is longer than ``max_chars``, nests brackets deeper than
    ``max_depth``, or (unless ``allow_service``) uses SERVICE or LOAD."""
    if len(text) > max_chars:
        raise QueryRejected(f"the query is {len(text):,} characters long; at most {max_chars:,} are accepted")
    depth = 0
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if tok in _OPEN:
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, m.start()) + 1
                raise QueryRejected(f"the query nests brackets more than {max_depth} deep (line {line}); "
                                    "write it flatter")
        elif tok in _CLOSE:
            depth = max(depth - 1, 0)
        elif not allow_service and tok.upper() in _NETWORK:
            raise QueryRejected(f"{_NETWORK[tok.upper()]} is not allowed here"
                                + ("" if allow_service else " (kg serve --allow-service enables it)"))
