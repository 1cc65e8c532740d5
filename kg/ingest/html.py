"""Read a saved web page (.html, .htm) into one article document with trafilatura.

Navigation, adverts, related links, comments and footers are left out by trafilatura's main-content extraction;
title, date, author, site name and URL come from the page's metadata (``<title>``, ``<meta>``, JSON-LD, canonical
link) or its visible text.

The document's raw text is what a reader of the page sees of the article: the title, an information line
(``2025-07-03 来源：某某网 作者：张三``, the parts the page gives in its metadata, unless the text has a date line)
and the body paragraphs, one a line. Every
offset of the graph points into that text; ``kg build`` writes it to ``OUT/sources/<file name>.txt``.

A page with no article text (broken, empty or not HTML) gives a one-line warning naming the file, and no document.
"""

from __future__ import annotations

import os
import re

from kg.model import Document

__all__ = ["read"]

_SUFFIX_RE = re.compile(r"\s*[_|｜\-–—]\s*[^_|｜\-–—]{1,20}$")  # "标题_某某网", "标题 - 某某新闻"


def read(path: str, warnings: list[str]) -> list[Document]:
    """[document] for the page at ``path``; [] and a warning appended when no article can be read from it."""
    out = warnings
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        out.append(f"{path}: cannot read ({err.strerror or err}) - skipped")
        return []
    if not data.strip():
        out.append(f"{path}: empty file - skipped")
        return []
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        out.append(f"{path}: not an HTML page (binary data) - skipped")
        return []
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        from trafilatura import bare_extraction
    except ImportError:  # pragma: no cover - a dependency
        out.append(f"{path}: cannot read HTML (trafilatura is not installed) - skipped")
        return []
    try:
        found = bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True,
                                include_images=False, favor_precision=True, deduplicate=False)
    except Exception as err:  # lxml and trafilatura raise many kinds of errors on broken input
        out.append(f"{path}: broken HTML ({' '.join(str(err).split())[:80] or type(err).__name__}) - skipped")
        return []
    meta = _as_dict(found)
    body = (meta.get("text") or "").strip()
    if len(re.sub(r"\s", "", body)) < 8:  # a menu or a title alone is not an article
        out.append(f"{path}: no article text found in the HTML page (broken or not a news page) - skipped")
        return []
    title = _title(meta.get("title") or "", meta.get("sitename") or "")
    date = meta.get("date") if re.fullmatch(r"\d{4}-\d\d-\d\d", meta.get("date") or "") else None
    info = " ".join(x for x in (date or "", f"来源：{meta['sitename']}" if meta.get("sitename") else "",
                                f"作者：{meta['author']}" if meta.get("author") else "") if x)
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    if info and not any(date and date[:4] in ln and re.search(r"\d{4}\D\d{1,2}\D\d{1,2}", ln) for ln in lines[:3]):
        lines.insert(0, info)  # the page shows its date and source outside the text trafilatura keeps
    if title and re.sub(r"\s", "", lines[0]) != re.sub(r"\s", "", title):
        lines.insert(0, title)
    return [Document(source=os.path.basename(path), path=path, text="\n".join(lines) + "\n", title=title or None,
                     date=date, url=meta.get("url") or None, publisher=meta.get("sitename") or None)]


def _as_dict(found) -> dict:
    if found is None:
        return {}
    if isinstance(found, dict):
        return found
    return {k: getattr(found, k, None) for k in ("text", "title", "date", "author", "sitename", "url")}


def _title(title: str, site: str) -> str:
    """The headline without a site name appended to it ("标题_某某网")."""
    title = " ".join(title.split())
    if site and title.endswith(site):
        return _SUFFIX_RE.sub("", title) or title
    return title
