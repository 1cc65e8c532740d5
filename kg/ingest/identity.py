"""Article identity: a short ASCII key per input file, unique within a build.

The key comes from the file's name relative to the input root (``2025-07-03/page1.txt`` ->
``2025-07-03_page1``; see :func:`kg.ingest.readers.read`), so files with the same name in different folders differ. When
two files still get the same key (names that differ only in spaces or punctuation: ``page 1.txt``,
``page_1.txt``; or non-ASCII names), each gets a short hash of its relative name appended, so no two inputs ever
share an article IRI. Article ids are ``<key>-<n>`` (n-th article on a page) or ``<key>-L<line>`` (JSONL).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import PurePosixPath

from kg.model import Document

__all__ = ["identify", "slug"]


def slug(name: str) -> str:
    """The key of a relative file name before any collision is resolved: the name without its suffix, characters
    outside ``[A-Za-z0-9_.-]`` as ``_`` ("/" too); a non-ASCII name as the first 10 hex digits of its SHA-1."""
    stem = str(PurePosixPath(name).with_suffix("")) if PurePosixPath(name).suffix else name
    if not stem.isascii():
        return hashlib.sha1(stem.encode("utf-8")).hexdigest()[:10]
    return re.sub(r"[^A-Za-z0-9_.-]", "_", stem)


def _short_hash(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def identify(docs: list[Document]) -> list[Document]:
    """``docs`` with ``key`` set: the slug of their source, plus ``-<hash>`` where two sources share a slug."""
    sources: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        sources[slug(d.source)].add(d.source)
    out = []
    for d in docs:
        key = slug(d.source)
        if len(sources[key]) > 1:
            key = f"{key}-{_short_hash(d.source)}"
        out.append(replace(d, key=key))
    return out
