"""The shape of a page of extracted text, as kg.layout.segment reads it: column width, blank-line density, where headline
lines cluster, and whether headline lines are one headline wrapped at the column width.

Pure functions over line texts, line lengths and blank-line flags; no word lists.
"""

from __future__ import annotations

import re

__all__ = ["wrapped_head", "column_width", "double_spaced", "standing"]


def _width(s: str) -> float:
    """Columns a line takes: a CJK character or full-width mark one, a Latin letter or digit half."""
    return sum(1.0 if ord(c) > 0x2000 else 0.5 for c in s if not c.isspace())


def wrapped_head(heads: list[str], column: float = 0.0) -> bool:
    """Lines of one headline wrapped at the column width: every line but the last as wide as the first (within two
    columns), the last no wider; a subtitle is usually longer than its title. Headline type is at most about twice
    the body's, so a wrapped line holds at least 0.4 of the body ``column`` width (when known): a short masthead
    over a headline is not one headline.

    >>> wrapped_head(["解放军东部战区“正义使", "命-2025”演习进入第二天 多", "军种开展联合立体火力打击"])
    True
    >>> wrapped_head(["老街巷里的新生活", "——记城南旧改一年间"])
    False
    """
    if len(heads) < 2:
        return False
    widths = [_width(h) for h in heads]
    return (all(abs(w - widths[0]) <= 2 for w in widths[:-1]) and widths[-1] <= widths[0] + 1
            and widths[0] >= 0.4 * column)


def column_width(body_lines: list[str]) -> float:
    """The body's column width in characters (median body line length), 0 when the text is not wrapped at a column
    (one line a paragraph, or fewer than five lines to tell)."""
    widths = sorted(len(re.sub(r"\s", "", s)) for s in body_lines)
    if len(widths) < 5:
        return 0.0
    width = widths[len(widths) // 2]
    return float(width) if width <= 60 else 0.0


def double_spaced(gaps: list[bool], k: int, reach: int = 4) -> bool:
    """Blank lines stand before most lines around line ``k`` (``gaps[i]``: a blank line before line i), leaving out
    the line itself and the next: there blank lines separate paragraphs, not items."""
    near = gaps[max(1, k - reach):k] + gaps[k + 2:k + 2 + reach]
    return len(near) > 0 and sum(near) >= 0.5 * len(near)


def standing(runs: list[list[int]]) -> bool:
    """Whether the page sets each headline over its body (True) or in blocks apart from the bodies (False).

    ``runs``: for each run of consecutive headline-shaped lines, the number of lines in each of its blank-separated
    parts. A run of three or more parts, or of two parts of two lines each (title and subtitle pairs), is a block of
    headlines set apart from their bodies.

    >>> standing([[1], [2]]), standing([[2, 2]]), standing([[1, 1, 2]])
    (True, False, False)
    """
    return not any(len(p) >= 3 or (len(p) == 2 and all(n >= 2 for n in p)) for p in runs)
