"""RDF terms as N-Triples strings (what the build streams into Oxigraph), and their rdflib equivalents.

The graph stage (:mod:`kg.rdf.quads`) writes terms with these helpers instead of building rdflib objects: a term is
the string N-Triples and N-Quads use for it (``<iri>``, ``"text"@zh``, ``"3"^^<...#integer>``), so a quad is one
line of text and millions of them cost little. Lexical forms are the ones rdflib gives the same Python values
(``Literal(3)``, ``Literal(28.5)``, ``Literal(Decimal("0.8"))``; a test checks they agree).
"""

from __future__ import annotations

import re

__all__ = ["iri", "literal", "zh", "typed", "integer", "double", "decimal", "from_rdflib", "to_rdflib", "XSD"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = f"^^<{XSD}integer>"
_DOUBLE = f"^^<{XSD}double>"
_DECIMAL = f"^^<{XSD}decimal>"
_STRING = XSD + "string"
# characters N-Triples forbids in an IRI (and spaces): percent-encoded so the line still parses
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def iri(value: str) -> str:
    """``<value>``; characters N-Triples does not allow in an IRI are percent-encoded (UTF-8, upper-case hex)."""
    if _BAD_IRI.search(value):
        value = _BAD_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)
    return f"<{value}>"


def _quote(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)
    return f'"{text}"'


def literal(text: str) -> str:
    """A plain string literal."""
    return _quote(text)


def zh(text: str) -> str:
    """A literal tagged ``@zh``."""
    return _quote(text) + "@zh"


def typed(lexical: str, datatype: str) -> str:
    """A literal of ``datatype`` (a full IRI) with the given lexical form."""
    return f"{_quote(lexical)}^^<{datatype}>"


def integer(value: int) -> str:
    return f'"{int(value)}"{_INTEGER}'


def double(value: float) -> str:
    return f'"{float(value)!r}"{_DOUBLE}'


def decimal(lexical: str) -> str:
    """An xsd:decimal from its lexical form (already canonical: ``0.8``, ``1.0``, ``20000000``)."""
    return f'"{lexical}"{_DECIMAL}'


def from_rdflib(term) -> str:
    """An rdflib URIRef or Literal as an N-Triples term."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return f"{_quote(str(term))}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _STRING:
            return typed(str(term), str(term.datatype))
        return _quote(str(term))
    raise TypeError(f"not an IRI or a literal: {term!r}")


def to_rdflib(term: str):
    """An N-Triples term (as written by this module) as an rdflib term."""
    from rdflib import Literal, URIRef

    if term.startswith("<"):
        return URIRef(term[1:-1])
    end = term.rindex('"')
    text = term[1:end]
    if "\\" in text:
        text = _UNESCAPE.sub(_unescape_one, text)
    rest = term[end + 1:]
    if rest.startswith("@"):
        return Literal(text, lang=rest[1:])
    if rest.startswith("^^<"):
        return Literal(text, datatype=URIRef(rest[3:-1]))
    return Literal(text)


def _unescape_one(m: re.Match) -> str:
    if m.group(1) or m.group(2):
        return chr(int(m.group(1) or m.group(2), 16))
    return _SIMPLE.get(m.group(3), m.group(3))
