"""The gold annotation format (tests/gold/README.md): reading and validating gold files.

A malformed line raises :class:`GoldError` naming ``file:line``; texts are compared by :func:`text_key`.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import unicodedata
from typing import Any

from kg.rdf.vocab import ENTITY_CLASSES
from kg.relations import registry

__all__ = ["CLASSES", "PREDICATES", "SYMMETRIC", "TOP_LEVEL", "KINDS", "GoldError", "text_key", "load_gold"]

CLASSES = ENTITY_CLASSES  # from the ontology (the range of kg:mentionOf), through kg/rdf/vocab.py
PREDICATES = registry.names()  # the relation types (kg/relations/registry.py)
SYMMETRIC = registry.symmetric()  # scored without regard to the order of subject and object
TOP_LEVEL = {
    "Person": "person",
    "Enterprise": "organisation",
    "GovernmentBody": "organisation",
    "PartyOrganization": "organisation",
    "Organization": "organisation",
    "AdministrativeRegion": "place",
    "Place": "place",
    "Initiative": "initiative",
    "Incident": "incident",
}
KINDS = ("article", "caption")


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow the format; the message names file:line."""


def text_key(text: str | None) -> str:
    """The form texts are compared in: NFKC-normalised, every whitespace character removed."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).split())


# ---------------------------------------------------------------------------------------------- gold


_REQUIRED = ("headline", "body_start")
_OPTIONAL = ("source", "key", "subtitle", "kind", "date", "authors", "entities", "relations", "url", "note")


def load_gold(path: str | os.PathLike) -> list[dict]:
    """Read and validate a gold JSONL file; blank lines are skipped.

    Each returned dict has every field of the format filled in (defaults for the optional ones), each
    entity a ``nested`` flag, each relation a ``role``, plus ``line``: its 1-based line number.
    Raises :class:`GoldError` naming ``file:line`` for anything malformed.
    """
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold file: {e}") from None
    out: list[dict] = []
    seen: dict[tuple, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{n}: not valid JSON: {e.msg} (column {e.colno})") from None
        try:
            article = _check_article(obj)
        except ValueError as e:
            raise GoldError(f"{path}:{n}: {e}") from None
        ident = (article["source"] or article["key"], text_key(article["headline"]), text_key(article["body_start"]))
        if ident in seen:
            raise GoldError(f"{path}:{n}: same article as line {seen[ident]}")
        seen[ident] = n
        article["line"] = n
        out.append(article)
    return out


def _check_article(obj: Any) -> dict:
    if not isinstance(obj, dict):
        raise ValueError("a line must be a JSON object")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(obj) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")
    if "source" not in obj and "key" not in obj:
        raise ValueError("missing field(s): source (or key, for a story of the real-news corpus)")
    _want_str(obj, "source", optional="key" in obj)
    _want_str(obj, "key", optional=True)
    _want_str(obj, "body_start")
    for k in ("headline", "subtitle", "url", "note"):
        _want_str(obj, k, optional=True)
    date = obj.get("date")
    if date is not None:
        try:
            _dt.date.fromisoformat(date)
        except (TypeError, ValueError):
            raise ValueError(f"date must be YYYY-MM-DD or null, got {date!r}") from None
    kind = obj.get("kind", "article")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    authors = [_check_author(a) for a in _want_list(obj, "authors")]
    entities = [_check_entity(e) for e in _want_list(obj, "entities")]
    pairs = [(e["text"], e["class"]) for e in entities]
    dupes = sorted({p for p in pairs if pairs.count(p) > 1})
    if dupes:
        raise ValueError(f"entity listed twice: {dupes[0][0]} ({dupes[0][1]})")
    texts = {e["text"] for e in entities}
    relations = [_check_relation(r, texts) for r in _want_list(obj, "relations")]
    return {
        "source": obj.get("source"),
        "key": obj.get("key"),
        "headline": obj["headline"],
        "subtitle": obj.get("subtitle"),
        "kind": kind,
        "date": date,
        "body_start": obj["body_start"],
        "url": obj.get("url"),
        "note": obj.get("note"),
        "authors": authors,
        "entities": entities,
        "relations": relations,
    }


def _want_str(obj: dict, key: str, optional: bool = False) -> None:
    value = obj.get(key)
    if value is None and optional:
        return
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string{' or null' if optional else ''}, got {value!r}")


def _want_list(obj: dict, key: str) -> list:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key} must be a list, got {type(value).__name__}")
    return value


def _check_author(a: Any) -> dict:
    if not isinstance(a, dict) or set(a) - {"name", "role"}:
        raise ValueError(f"an author must be an object with name and role, got {a!r}")
    _want_str(a, "name")
    role = a.get("role") or None
    if role is not None and not isinstance(role, str):
        raise ValueError(f"author role must be a string, got {role!r}")
    return {"name": a["name"], "role": role}


def _check_entity(e: Any) -> dict:
    if not isinstance(e, dict) or set(e) - {"text", "class", "nested", "id"}:
        raise ValueError(f"an entity must be an object with text, class (and nested, id), got {e!r}")
    _want_str(e, "text")
    if text_key(e["text"]) != e["text"]:
        raise ValueError(f"entity text must have no spaces and be NFKC-stable: {e['text']!r}")
    cls = e.get("class")
    if cls not in CLASSES:
        raise ValueError(f"unknown class {cls!r} for entity {e['text']!r} (one of: {', '.join(CLASSES)})")
    nested = e.get("nested", False)
    if not isinstance(nested, bool):
        raise ValueError(f"nested must be true or false, got {nested!r}")
    _want_str(e, "id", optional=True)
    out = {"text": e["text"], "class": cls, "nested": nested}
    return out | ({"id": e["id"]} if e.get("id") is not None else {})


def _check_relation(r: Any, texts: set[str]) -> dict:
    if not isinstance(r, dict) or set(r) - {"subject", "predicate", "object", "role"}:
        raise ValueError(f"a relation must be an object with subject, predicate, object (and role), got {r!r}")
    if r.get("predicate") not in PREDICATES:
        raise ValueError(f"unknown predicate {r.get('predicate')!r} (one of: {', '.join(PREDICATES)})")
    for end in ("subject", "object"):
        if r.get(end) not in texts:
            raise ValueError(f"relation {end} {r.get(end)!r} is not an entity of this article")
    role = r.get("role")
    if r["predicate"] == "holdsPost":
        _want_str(r, "role")
    elif role is not None:
        raise ValueError(f"only holdsPost takes a role, got one on {r['predicate']}")
    return {"subject": r["subject"], "predicate": r["predicate"], "object": r["object"], "role": role}


# ------------------------------------------------------------------------------------------ matching
