"""The one sentence splitter of kg: where Chinese (and Western) sentences end, with the variants the stages need
as parameters.

A sentence ends after 。！？； (and !?;) and at a line break. Variants:

- ``semicolons=False``: a ；/; does not end the sentence (the "full" sentence a clause belongs to);
- ``runs=True``: a run of end marks stays with its sentence (。。, ？！), and ``closing=True`` keeps the closing
  quotes and brackets written after them too (……。” belongs to the sentence it closes); the NER model's pieces
  (kg.extract.ner.network) are cut so.

>>> sentences("甲说。乙；丙\\n丁")
[(0, 3), (3, 5), (5, 7), (7, 8)]
>>> sentences("他说：“好。”又走了！！", runs=True, closing=True)
[(0, 6), (6, 11)]
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["END_MARKS", "CLOSING", "sentences", "sentence_start"]

END_MARKS = "。！？；!?;"  # end a sentence (with a line break)
_NO_SEMICOLONS = "。！？!?"
CLOSING = "”’」』）)"  # closing quotes and brackets that may follow an end mark


@lru_cache(maxsize=None)
def _pattern(semicolons: bool, runs: bool, closing: bool) -> re.Pattern:
    marks = re.escape(END_MARKS if semicolons else _NO_SEMICOLONS)
    if not runs:
        return re.compile(f"[{marks}\n]")
    after = f"[{re.escape(CLOSING)}]*" if closing else ""
    return re.compile(f"[^{marks}\n]*(?:[{marks}]+{after}|\n|$)")


def sentences(text: str, *, semicolons: bool = True, runs: bool = False, closing: bool = False
              ) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, covering it without gaps; never an empty one."""
    if runs:
        return [m.span() for m in _pattern(semicolons, True, closing).finditer(text) if m.end() > m.start()]
    spans, start = [], 0
    for m in _pattern(semicolons, False, False).finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_start(text: str, pos: int, *, semicolons: bool = True) -> int:
    """Start of the sentence that ``text[pos]`` belongs to (just after the last end mark or line break before
    ``pos``; 0 when there is none)."""
    marks = (END_MARKS if semicolons else _NO_SEMICOLONS) + "\n"
    return max(text.rfind(c, 0, pos) for c in marks) + 1
