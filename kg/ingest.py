"""Read input files into ``Document`` values: .txt pages and .jsonl articles, files or folders.

``read(paths)`` never raises for bad input: it returns the documents it could read and a list of
warnings, each naming the file (and line) and what was skipped.

``Document.text`` is the decoded text with ``"\\n"`` line endings (``"\\r\\n"`` and ``"\\r"`` are turned
into ``"\\n"`` here, once); every offset downstream indexes that string.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable
from datetime import date, datetime

from kg.model import Document

__all__ = ["read", "parse_date"]

SUFFIXES = (".txt", ".jsonl", ".pdf", ".html", ".htm")
FORMATS = {".pdf": "kg.pdf", ".html": "kg.html", ".htm": "kg.html"}  # suffix -> module with read(path, warnings)

# JSONL field names, first match wins.
BODY_FIELDS = ("body", "content", "text")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "publish_time", "pub_date", "published", "datePublished", "pubDate", "publish_date",
               "publishTime", "publishedAt", "pubtime")
SOURCE_FIELDS = ("source", "publisher", "site", "media")
URL_FIELDS = ("url", "link")

_NEWLINES_RE = re.compile(r"\r\n?")
_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)|(\d{4})(\d{2})(\d{2})(?!\d)")
_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HANZI_RE = re.compile("[\u3400-\u9fff]")
_ASCII_RE = re.compile("[\x00-\x7f]+")


def read(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> tuple[list[Document], list[str]]:
    """Read .txt and .jsonl files (folders recursively) into documents, sorted by path then line.

    In a folder, files with other suffixes and hidden files and folders are skipped silently; a file named
    explicitly is read as .txt whatever its suffix. The same file given twice is read once.
    Returns ``(documents, warnings)``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    warnings: list[str] = []
    files: dict[str, str] = {}  # real path -> path as spelt (the smallest spelling, for determinism)
    for given in paths:
        for path in _expand(os.fspath(given), warnings):
            key = os.path.realpath(path)
            if key not in files or path < files[key]:
                files[key] = path
    docs: list[Document] = []
    for path in sorted(files.values()):
        if path.lower().endswith(".jsonl"):
            docs.extend(_read_jsonl(path, warnings))
        elif os.path.splitext(path)[1].lower() in FORMATS:
            docs.extend(_read_format(path, warnings))
        else:
            doc = _read_txt(path, warnings)
            if doc is not None:
                docs.append(doc)
    return docs, warnings


def _expand(path: str, warnings: list[str]) -> list[str]:
    """The files a given path stands for."""
    if os.path.isdir(path):
        found = []

        def fail(err: OSError) -> None:
            warnings.append(f"{err.filename}: cannot read folder ({err.strerror}) - skipped")

        for root, dirs, names in os.walk(path, onerror=fail):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, n) for n in sorted(names)
                         if not n.startswith(".") and n.lower().endswith(SUFFIXES))
        return found
    if os.path.isfile(path):
        return [path]
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
    text, problem = _decode(data)
    if text is None:
        warnings.append(f"{path}: {problem} - skipped")
        return None
    if problem:
        warnings.append(f"{path}: {problem}")
    if not text.strip():
        warnings.append(f"{path}: empty file - skipped")
        return None
    return _NEWLINES_RE.sub("\n", text)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else GB18030 when it reads as Chinese.

    Returns ``(text, None)``, ``(text, note)`` when some bytes had to be replaced, or ``(None, reason)``
    for a binary file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return None, "binary file (NUL bytes)"
    try:
        return _check_binary(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return _check_binary(text)
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad > 0.1 * len(text):
        return None, "binary file or unknown encoding"
    text, problem = _check_binary(text)
    return text, problem or f"not valid UTF-8 ({bad} undecodable bytes replaced by U+FFFD)"


def _check_binary(text: str) -> tuple[str | None, str | None]:
    if len(_CONTROL_RE.findall(text)) > 0.05 * len(text):
        return None, "binary file (control characters)"
    return text, None


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters are hanzi and common ones (GB2312), as in real Chinese text."""
    wide = _ASCII_RE.sub("", text)
    if not wide:
        return True
    rare = wide.encode("gb2312", errors="replace").count(b"?")
    return len(_HANZI_RE.findall(wide)) >= 0.5 * len(wide) and rare <= 0.1 * len(wide)


def _read_format(path: str, warnings: list[str]) -> list[Document]:
    """A PDF or saved web page, read by its own module (kg.pdf, kg.html): its documents, warnings appended."""
    from importlib import import_module

    return import_module(FORMATS[os.path.splitext(path)[1].lower()]).read(path, warnings)


def _read_txt(path: str, warnings: list[str]) -> Document | None:
    text = _load(path, warnings)
    if text is None:
        return None
    return Document(source=os.path.basename(path), path=path, text=text)


def _read_jsonl(path: str, warnings: list[str]) -> list[Document]:
    text = _load(path, warnings)
    if text is None:
        return []
    docs = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line, strict=False)
        except json.JSONDecodeError as err:
            warnings.append(f"{where}: malformed JSON ({err.msg}: column {err.colno}) - line skipped")
            continue
        if not isinstance(record, dict):
            warnings.append(f"{where}: expected a JSON object, got {_type(record)} - line skipped")
            continue
        doc = _document(record, path, number, where, warnings)
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


def _document(record: dict, path: str, number: int, where: str, warnings: list[str]) -> Document | None:
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
    return Document(
        source=os.path.basename(path),
        path=path,
        text=_NEWLINES_RE.sub("\n", body or ""),
        line=number,
        title=title.strip() if title else None,
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
