"""Read input files into ``Document`` values: .txt pages and .jsonl articles, files or folders.

``read(paths)`` never raises for bad input: it returns the documents it could read and a list of
warnings, each naming the file (and line) and what was skipped.

``Document.text`` is the decoded text with ``"\\n"`` line endings (``"\\r\\n"`` and ``"\\r"`` are turned
into ``"\\n"`` here, once); every offset downstream indexes that string. For a JSONL record it is the body
with HTML markup removed, preceded by the title and a blank line unless the body already opens with the title,
so mentions in a title have offsets of their own. ``Document.source`` is the file's name relative to the input
root (a file given by name: its name; a file in a given folder: its path from that folder's parent, e.g.
``archive/2025-07-03/page1.txt``) and ``Document.key`` its identity in article ids (:mod:`kg.ingest.identity`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import PurePath

from kg.ingest.decode import decode, strip_html
from kg.ingest.identity import identify
from kg.model import Document

__all__ = ["read", "parse_date"]

SUFFIXES = (".txt", ".jsonl", ".pdf", ".html", ".htm")
FORMATS = {".pdf": "kg.ingest.pdf", ".html": "kg.ingest.html", ".htm": "kg.ingest.html"}  # suffix -> module with read(path, warnings)

# JSONL field names, first match wins.
BODY_FIELDS = ("body", "content", "text")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "publish_time", "pub_date", "published", "datePublished", "pubDate", "publish_date",
               "publishTime", "publishedAt", "pubtime")
SOURCE_FIELDS = ("source", "publisher", "site", "media")
URL_FIELDS = ("url", "link")

_NEWLINES_RE = re.compile(r"\r\n?")
_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)|(\d{4})(\d{2})(\d{2})(?!\d)")
LONG_TEXT = 1_000_000  # characters in one article above which a warning says the build will take a while


def read(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> tuple[list[Document], list[str]]:
    """Read .txt and .jsonl files (folders recursively) into documents, sorted by path then line.

    In a folder, files with other suffixes and hidden files and folders are skipped silently; a file named
    explicitly is read as .txt whatever its suffix. The same file given twice is read once.
    Returns ``(documents, warnings)``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    warnings: list[str] = []
    files: dict[str, tuple[str, str]] = {}  # real path -> (name, path as spelt): the smallest, for determinism
    for given in paths:
        for path, name in _expand(os.fspath(given), warnings):
            key = os.path.realpath(path)
            if key not in files or (len(name), name, path) < (len(files[key][0]), *files[key]):
                files[key] = (name, path)
    docs: list[Document] = []
    for name, path in sorted(files.values(), key=lambda np: (np[1], np[0])):
        if path.lower().endswith(".jsonl"):
            docs.extend(_read_jsonl(path, name, warnings))
        elif os.path.splitext(path)[1].lower() in FORMATS:
            docs.extend(_read_format(path, name, warnings))
        else:
            doc = _read_txt(path, name, warnings)
            if doc is not None:
                docs.append(doc)
    return identify(docs), warnings


def _expand(path: str, warnings: list[str]) -> list[tuple[str, str]]:
    """The files a given path stands for, each with its name relative to the input root: a file's own name, or
    for a file in a folder its path from that folder's parent (``2025-07-03/page1.txt``, "/" as separator).
    Folders are walked without recursion, so any depth works."""
    if os.path.isdir(path):
        found = []
        top = os.path.abspath(path)
        root_of_names = os.path.dirname(top) if os.path.basename(top) else top

        stack = [path]
        while stack:  # depth-first, without recursion: folders nested thousands deep are fine
            root = stack.pop()
            try:
                with os.scandir(root) as it:
                    entries = sorted((e.name, e.is_dir()) for e in it if not e.name.startswith("."))
            except OSError as err:
                warnings.append(f"{root}: cannot read folder ({err.strerror or err}) - skipped")
                continue
            rel = os.path.relpath(os.path.join(top, os.path.relpath(root, path)), root_of_names)
            found.extend((os.path.join(root, n), PurePath(rel, n).as_posix()) for n, is_dir in entries
                         if not is_dir and n.lower().endswith(SUFFIXES))
            stack.extend(os.path.join(root, n) for n, is_dir in reversed(entries) if is_dir)
        return found
    if os.path.isfile(path):
        return [(path, os.path.basename(path))]
    if os.path.exists(path):
        warnings.append(f"{path}: not a file or folder - skipped")
    else:
        warnings.append(f"{path}: no such file or folder - skipped")
    return []


def _load(path: str, warnings: list[str]) -> str | None:
    """Decoded text of a file with "\\n" line endings, or None (and a warning)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        warnings.append(f"{path}: cannot read ({err.strerror or err}) - skipped")
        return None
    text, problem = decode(data)
    if text is None:
        warnings.append(f"{path}: {problem} - skipped")
        return None
    if problem:
        warnings.append(f"{path}: {problem}")
    if not text.strip():
        warnings.append(f"{path}: empty file - skipped")
        return None
    return _NEWLINES_RE.sub("\n", text)


def _squash(text: str) -> str:
    return "".join(text.split())


def _warn_size(where: str, text: str, warnings: list[str]) -> None:
    """Very long texts are read (every stage is linear in the length), but the user is told why it takes time."""
    if len(text) > LONG_TEXT:
        warnings.append(f"{where}: very long text ({len(text):,} characters) read as one article; "
                        "this takes about a second per 20,000 characters")


def _read_format(path: str, name: str, warnings: list[str]) -> list[Document]:
    """A PDF or saved web page, read by its own module (kg.ingest.pdf, kg.ingest.html): its documents, named by ``name``."""
    from importlib import import_module

    docs = import_module(FORMATS[os.path.splitext(path)[1].lower()]).read(path, warnings)
    return [replace(d, source=name) for d in docs]


def _read_txt(path: str, name: str, warnings: list[str]) -> Document | None:
    text = _load(path, warnings)
    if text is None:
        return None
    _warn_size(path, text, warnings)
    return Document(source=name, path=path, text=text)


def _read_jsonl(path: str, name: str, warnings: list[str]) -> list[Document]:
    text = _load(path, warnings)
    if text is None:
        return []
    docs = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line.lstrip("\ufeff"), strict=False)
        except json.JSONDecodeError as err:
            warnings.append(f"{where}: malformed JSON ({err.msg}: column {err.colno}) - line skipped")
            continue
        if not isinstance(record, dict):
            warnings.append(f"{where}: expected a JSON object, got {_type(record)} - line skipped")
            continue
        doc = _document(record, path, name, number, where, warnings)
        if doc is not None:
            docs.append(doc)
    return docs


def _type(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)


def _field(record: dict, names: tuple[str, ...]) -> tuple[str | None, str | None]:
    """First non-empty string among the fields ``names``: ``(value, None)`` or ``(None, problem)``."""
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)  # a body given as a list of paragraphs
        if not isinstance(value, str):
            return None, f"field '{name}' should be a string, got {_type(value)}"
        if value.strip():
            return value, None
    return None, None


def _document(record: dict, path: str, name: str, number: int, where: str, warnings: list[str]) -> Document | None:
    """A document from one JSONL object. Wrong types: body or title skip the line, other fields are dropped."""
    body, problem = _field(record, BODY_FIELDS)
    if problem is None:
        title, problem = _field(record, TITLE_FIELDS)
    if problem is not None:
        warnings.append(f"{where}: {problem} - line skipped")
        return None
    if body is None and title is None:
        warnings.append(f"{where}: no body and no title - line skipped")
        return None
    known = set(BODY_FIELDS + TITLE_FIELDS + DATE_FIELDS + SOURCE_FIELDS + URL_FIELDS)
    unread = sorted(k for k in record if k not in known)
    if body is None and unread:  # the body may be under a name kg does not know: say so
        warnings.append(f"{where}: no body field ({', '.join(BODY_FIELDS)}) - only the title is read; "
                        f"fields not read: {', '.join(unread)}")
    meta = {}
    for key, names in (("date", DATE_FIELDS), ("publisher", SOURCE_FIELDS), ("url", URL_FIELDS)):
        value, problem = _field(record, names)
        if problem is not None:
            warnings.append(f"{where}: {problem} - field ignored")
        meta[key] = value.strip() if value else None
    raw_date = meta["date"]
    iso = parse_date(raw_date) if raw_date else None
    if raw_date and iso is None:
        warnings.append(f"{where}: unrecognised date {raw_date!r} - date left empty")
    body = strip_html(_NEWLINES_RE.sub("\n", body or ""))
    title = " ".join(strip_html(title).split()) if title else None
    if title and _squash(body.lstrip().split("\n", 1)[0]) != _squash(title):
        body = f"{title}\n\n{body}" if body.strip() else title  # the title is part of the text, so its mentions have real offsets
    _warn_size(where, body, warnings)
    return Document(
        source=name,
        path=path,
        text=body,
        line=number,
        title=title or None,
        date=iso,
        url=meta["url"],
        publisher=meta["publisher"],
    )


def parse_date(value: str) -> str | None:
    """ISO ``yyyy-mm-dd`` from common date forms, or None.

    >>> [parse_date(s) for s in ("2025/7/3", "2025年7月3日 10:00", "20250703", "Thu, 03 Jul 2025 10:00:00 +0800")]
    ['2025-07-03', '2025-07-03', '2025-07-03', '2025-07-03']
    """
    text = value.strip()
    m = _DATE_RE.match(text)
    if m:
        y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime  # RFC 2822 dates of RSS feeds; rarely needed

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None
