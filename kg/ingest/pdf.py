"""Read an e-paper PDF into the text of its pages (pdfplumber / pdfminer.six), in reading order.

Each page is cut into columns where a vertical strip of the page holds no characters (a gutter); text set across
several columns (a banner headline, the masthead) cuts the page into bands, read top to bottom, each band column by
column. Inside a column, lines are grouped into blocks by font size and vertical spacing:

- a block in larger type than the page's body text is a headline (its wrapped lines are joined into one line);
- a block in smaller type is a caption, byline or note (one line);
- body text is cut into paragraphs where a line is indented or the line before it stops short of the column's
  right edge; each paragraph is one line.

A headline block follows a blank line, other blocks a line break (a headline sits closer to its body than to the
text above it); pages are separated by a blank line and a form feed. That text is the document's raw text
(``Document.text``): every offset of the graph points into it, and ``kg build`` writes it to
``OUT/sources/<file name>.txt`` so a user can see the characters the offsets point at.

An unreadable, encrypted or image-only PDF gives a one-line warning naming the file, and no document.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Document
from kg.util.resources import table

__all__ = ["read", "read_pages"]

HEAD_RATIO = 1.15  # a block at least this much larger than the body size is a headline
SMALL_RATIO = 0.93  # ... this much smaller is a caption or note
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass
class _Seg:
    """A run of characters on one baseline inside one column (or across several: ``col`` is None)."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str
    col: int | None = None


def read(path: str, warnings: list[str]) -> list[Document]:
    """The PDF at ``path`` as one document whose text is its pages' text ([] and a warning when it has none)."""
    pages, problems = read_pages(path)
    warnings.extend(problems)
    if not pages:
        return []
    text = "\n\n\f".join(p.rstrip("\n") for p in pages).strip("\n") + "\n"
    return [Document(source=os.path.basename(path), path=path, text=text)]


def read_pages(path: str) -> tuple[list[str], list[str]]:
    """(text of each page, warnings). No text at all gives a warning and an empty list."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a dependency
        return [], [f"{path}: cannot read PDF (pdfplumber is not installed) - skipped"]
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor notes on every page
    pages: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(_page_text(page.chars))
    except PDFPasswordIncorrect:
        return [], [f"{path}: encrypted PDF (a password is needed) - skipped"]
    except Exception as err:  # pdfminer raises many kinds of errors for a damaged file
        reason = " ".join(str(err).split())[:80] or type(err).__name__
        if "password" in reason.lower() or "encrypt" in reason.lower():
            return [], [f"{path}: encrypted PDF ({reason}) - skipped"]
        return [], [f"{path}: cannot read PDF ({reason}) - skipped"]
    if not any(p.strip() for p in pages):
        return [], [f"{path}: no text in the PDF (image-only or scanned pages; OCR it first) - skipped"]
    return pages, []


@lru_cache(maxsize=1)
def _glyph_map() -> dict[str, str]:
    """Radical and compatibility code points some fonts give for ordinary characters -> those characters."""
    out = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFADA))}
    out.update({a: b for a, b in table("cjk_radicals.tsv")})  # the table's simplified forms win over NFKC
    out["\u2e3a"], out["\u2e3b"] = "——", "———"  # two- and three-em dash glyphs for a run of dashes
    return out


def _segments(chars: list[dict]) -> tuple[list[_Seg], list[tuple[float, float]]]:
    """Characters grouped into runs on one baseline inside one column, and the page's columns."""
    glyphs = [c for c in chars if c.get("text") and not c["text"].isspace() and c.get("upright", True)]
    fix = _glyph_map()
    spaces = {(round(c["bottom"]), round(c["x1"])) for c in chars if c.get("text", "").isspace()}
    glyphs = [{**c, "text": "".join(fix.get(ch, ch) for ch in c["text"]),
               "spaced": (round(c["bottom"]), round(c["x0"])) in spaces} for c in glyphs]
    sizes = Counter(round(c["size"], 1) for c in glyphs)
    body = sizes.most_common(1)[0][0] if sizes else 0
    cols = _columns([c for c in glyphs if round(c["size"], 1) <= body])  # banners and mastheads cross gutters
    gutters = [(a[1], b[0]) for a, b in zip(cols, cols[1:])]
    glyphs.sort(key=lambda c: (round(c["bottom"], 0), c["x0"]))
    rows: list[list[dict]] = []
    for c in glyphs:
        if rows and abs(rows[-1][-1]["bottom"] - c["bottom"]) <= 0.25 * c["size"]:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        run = [row[0]]
        for c in row[1:]:
            gap, left = c["x0"] - run[-1]["x1"], run[-1]["x1"]
            across = any(left <= g1 and c["x0"] >= g0 for g0, g1 in gutters)
            if gap > 1.6 * max(c["size"], run[-1]["size"]) or (across and gap > 0.4 * c["size"]):
                out.append(_seg(run))
                run = [c]
            elif gap > 0.3 * c["size"] or c["spaced"]:  # a space drawn as a character, or left as a gap
                run.append({**c, "text": " " + c["text"]})
            else:
                run.append(c)
        out.append(_seg(run))
    return out, cols


def _seg(run: list[dict]) -> _Seg:
    size = Counter(round(c["size"], 1) for c in run).most_common(1)[0][0]
    return _Seg(run[0]["x0"], run[-1]["x1"], min(c["top"] for c in run), max(c["bottom"] for c in run), size,
                "".join(c["text"] for c in run))


def _columns(glyphs: list[dict]) -> list[tuple[float, float]]:
    """Column extents: x ranges covered by characters (body type and smaller), split where a strip of the page
    holds almost none."""
    if not glyphs:
        return []
    lo, hi = int(min(c["x0"] for c in glyphs)), int(max(c["x1"] for c in glyphs)) + 1
    cover = [0] * (hi - lo + 2)
    for c in glyphs:
        for x in range(int(c["x0"]) - lo + 1, int(c["x1"]) - lo + 1):
            cover[x] += 1
    floor = max(1.0, 0.03 * max(cover))
    cols: list[list[float]] = []
    start = None
    for x, n in enumerate(cover + [0]):
        if n >= floor and start is None:
            start = x
        elif n < floor and start is not None:
            cols.append([start + lo, x + lo])
            start = None
    merged: list[list[float]] = []
    for c in cols:  # a narrow gap (less than a character) is not a gutter
        if merged and c[0] - merged[-1][1] < 6:
            merged[-1][1] = c[1]
        else:
            merged.append(c)
    return [(a, b) for a, b in merged]


def _page_text(chars: list[dict]) -> str:
    segs, cols = _segments(chars)
    if not segs:
        return ""
    for s in segs:  # a line set across two columns or more cuts the page; one a little wider stays in its column
        overlap = [min(s.x1, b) - max(s.x0, a) for a, b in cols]
        wide = [k for k, o in enumerate(overlap) if o > 2 * s.size]
        s.col = None if len(wide) > 1 else max(range(len(cols)), key=lambda k: overlap[k])
    body = Counter()
    for s in segs:
        body[s.size] += len(s.text)
    body_size = body.most_common(1)[0][0]
    spans = sorted((s for s in segs if s.col is None), key=lambda s: s.top)
    order: list[list[_Seg]] = []
    cuts = [float("-inf")] + [s.top for s in spans] + [float("inf")]
    for k in range(len(cuts) - 1):
        if k:
            order.append([spans[k - 1]])
        for c in range(len(cols)):
            col = sorted((s for s in segs if s.col == c and cuts[k] <= s.top < cuts[k + 1]), key=lambda s: s.top)
            if col:
                order.append(col)
    edges = [(min((s.x0 for s in segs if s.col == c and s.size == body_size), default=a),
              max((s.x1 for s in segs if s.col == c and s.size == body_size), default=b))
             for c, (a, b) in enumerate(cols)]  # where the body text of each column starts and ends
    out, open_end = "", False
    for run in order:
        for kind, text, starts, ends_open in _blocks(run, body_size, edges):
            if kind == "body" and open_end and not starts:  # a paragraph going on in the next column
                out += (" " if _space_needed(out, text) else "") + text
            else:
                out += (("\n\n" if kind == "head" else "\n") if out else "") + text
            open_end = kind == "body" and ends_open
    return out + "\n"


def _blocks(run: list[_Seg], body_size: float, cols: list[tuple[float, float]]
            ) -> list[tuple[str, str, bool, bool]]:
    """One column's lines (top to bottom) as text blocks: headlines and notes one line, body one line a paragraph.

    Each block is (kind, text, whether it starts with a new paragraph, whether its last line runs to the column's
    right edge without ending a sentence: the paragraph goes on in the next block)."""
    groups: list[list[_Seg]] = []
    for s in run:
        prev = groups[-1][-1] if groups else None
        lead = 0.6 if s.size >= HEAD_RATIO * body_size else 0.9  # headlines are set with less leading than text
        if (prev is None or abs(prev.size - s.size) > 0.3
                or s.top - prev.bottom > lead * max(s.size, prev.size)):
            groups.append([s])
        else:
            groups[-1].append(s)
    out = []
    for g in groups:
        size = g[0].size
        if size >= HEAD_RATIO * body_size or size <= SMALL_RATIO * body_size:
            out.append(("head" if size > body_size else "note", _join(s.text for s in g), True, False))
            continue
        left = min(s.x0 for s in g) if g[0].col is None else cols[g[0].col][0]
        right = max(s.x1 for s in g) if g[0].col is None else cols[g[0].col][1]
        paras: list[list[str]] = []
        for k, s in enumerate(g):
            indented = s.x0 - left > 0.8 * s.size
            short_before = k > 0 and right - g[k - 1].x1 > 1.5 * s.size
            if not paras or indented or short_before:
                paras.append([])
            paras[-1].append(s.text)
        starts = g[0].x0 - left > 0.8 * g[0].size
        ends_open = right - g[-1].x1 <= 1.5 * g[-1].size and g[-1].text.rstrip("”’」』）)")[-1:] not in "。！？!?…"
        out.append(("body", "\n".join(_join(p) for p in paras), starts, ends_open))
    return out


def _join(pieces) -> str:
    text = ""
    for p in pieces:
        text += (" " if text and _space_needed(text, p) else "") + p
    return text


def _space_needed(a: str, b: str) -> bool:
    return bool(_LATIN.match(a[-1]) and _LATIN.match(b[0]))
