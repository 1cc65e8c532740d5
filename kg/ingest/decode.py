"""Bytes of an input file to text: the encoding guessed (UTF-8, UTF-16 with or without BOM, GB18030/GBK, Big5),
binary files refused; and HTML markup removed from text that carries it (JSONL bodies scraped from the web).

Every check is one linear pass over the bytes or the text.
"""

from __future__ import annotations

import codecs
import html
import re

__all__ = ["decode", "strip_html"]

_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HANZI_RE = re.compile("[\u3400-\u9fff]")
_ASCII_RE = re.compile("[\x00-\x7f]+")
_MARKUP_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*|!--)>|"
                        r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|<!--")
_BLOCK_TAGS = frozenset("p br div li ul ol tr td th h1 h2 h3 h4 h5 h6 section article header footer blockquote "
                        "pre table hr dd dt dl figure figcaption".split())
_SKIPPED_TAGS = ("script", "style")


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes: UTF-8 (BOM stripped), UTF-16 (with a BOM, or without one when it reads as text),
    GB18030 when it reads as simplified Chinese, Big5 when it reads as traditional Chinese.

    Returns ``(text, None)``, ``(text, note)`` when some bytes had to be replaced, or ``(None, reason)``
    for a binary file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        return _check_binary(text) if text is not None else (None, "binary file (NUL bytes)")
    try:
        return _check_binary(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    for encoding, looks_right in (("gb18030", _looks_chinese), ("cp950", _looks_traditional)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_right(text):
            return _check_binary(text)
    text = _utf16_without_bom(data)  # Chinese UTF-16 with no ASCII character in it has no NUL byte
    if text is not None:
        return _check_binary(text)
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad > 0.1 * len(text):
        return None, "binary file or unknown encoding"
    text, problem = _check_binary(text)
    return text, problem or f"not valid UTF-8 ({bad} undecodable bytes replaced by U+FFFD)"


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a BOM (little- or big-endian, whichever reads as text), or None."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _looks_chinese(text) and not _CONTROL_RE.search(text):
            return text
    return None


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


def _looks_traditional(text: str) -> bool:
    """Most non-ASCII characters are hanzi among Big5's frequent ones (its level 1, A440-C67E) or its symbols."""
    wide = _ASCII_RE.sub("", text)
    if not wide or len(_HANZI_RE.findall(wide)) < 0.5 * len(wide):
        return False
    common = 0
    for ch in wide:
        try:
            code = ch.encode("cp950")
        except UnicodeEncodeError:
            continue
        common += len(code) == 2 and (b"\xa1\x40" <= code <= b"\xa3\xbf" or b"\xa4\x40" <= code <= b"\xc6\x7e")
    return common >= 0.9 * len(wide)


def strip_html(text: str) -> str:
    """``text`` without HTML tags, comments, scripts and styles, entities decoded; block elements (p, br, div,
    li, headings ...) become line breaks. Text without markup is returned as it is."""
    if "<" not in text and "&" not in text or not _MARKUP_RE.search(text):
        return text
    out: list[str] = []
    pos = 0
    for m in _TAG_RE.finditer(text):
        if m.start() < pos:
            continue
        out.append(text[pos:m.start()])
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            pos = len(text) if end < 0 else end + 3
            continue
        name = m.group(2).lower()
        pos = m.end()
        if name in _SKIPPED_TAGS and not m.group(1):
            end = _find_ci(text, f"</{name}", pos)
            pos = len(text) if end < 0 else text.find(">", end) + 1 or len(text)
        elif name in _BLOCK_TAGS:
            out.append("\n")
    out.append(text[pos:])
    return html.unescape("".join(out)).replace("\xa0", " ")


def _find_ci(text: str, needle: str, start: int) -> int:
    m = re.compile(re.escape(needle), re.I).search(text, start)
    return m.start() if m else -1
