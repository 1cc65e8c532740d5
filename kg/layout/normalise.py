"""Undo what PDF text extraction does to a newspaper page, keeping a map back to the raw text.

``normalise(raw)`` rejoins lines broken at the column width, keeps real paragraph breaks as one
``"\\n"``, drops letter-spacing (``开 启 活 动`` -> ``开启活动``) and spaces next to CJK characters and
full-width punctuation, and maps full-width digits and letters to ASCII (one char for one char).

Spaces kept: one space between Latin words/digits, and one space between two CJK words of two or more
characters on a line that is not letter-spaced (``记者 张三 通讯员 李四``, ``（王一 李二）``), because such
a space separates names that cannot be told apart otherwise.

A break between two lines is kept when the evidence says so (``_is_break``): the first ends a sentence
(。！？… or a closing quote after one) or is a bracketed line; the next opens a dateline or a list item, or
is indented; both are items of a list whose words a space separates (某国总统 某某, no punctuation), or
one is such an item and the other a line ending in a colon (the heading of a list); the first is clearly
shorter than the column width of its neighbours; the next is a short lone line (author, headline); or a line without punctuation comes before a blank line (where blank lines are not
after every line) or before a much wider line (headlines). A line that ends mid-sentence at full column
width (a letter-spaced line is one stretched to it), that leaves a bracket open, or that is followed by a
line starting with a comma or a closing quote continues into the next non-blank line, even across blank lines.

Input is expected with ``"\\n"`` line endings (``kg.ingest.readers`` gives that); a stray ``"\\r"`` is whitespace.
"""

from __future__ import annotations

import re

from kg.model import Text

__all__ = ["normalise"]

# Every character str.isspace() accepts, and zero-width characters (dropped, never turned into a space).
_ZW = "\u200b\u200c\u200d\u2060\ufeff"
_STRIP = "".join(map(chr, (*range(0x9, 0xE), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                           0x2028, 0x2029, 0x202F, 0x205F, 0x3000))) + _ZW
_CHUNK_RE = re.compile(f"[^{re.escape(_STRIP)}]+")

# CJK ideographs, kana, hangul: one column each; everything else counts half a column.
_WIDE = ("\u1100-\u115f\u2e80-\u2fff\u3040-\u309f\u30a0-\u30ff\u3100-\u31ff\u3200-\u33ff"
         "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff")
_WIDE_RE = re.compile(f"[{_WIDE}]")
_FULLPUNCT_RE = re.compile("[\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20"
                           "\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee]")
_AMBIG = frozenset("“”‘’—–―…·•‧")  # full-width in CJK text, narrow in Latin text

# Full-width digits and letters -> ASCII, one char for one char (offsets stay valid).
_FW = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}

_FINAL = frozenset("。！？!?…")
_CLOSERS = frozenset("”’」』）)】》〕］]")
_NO_START = frozenset("，。、；：？！）」』》〕】”’,.;:?!)]…")  # a paragraph never starts with these
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("「", "」"), ("『", "』"))
_CLAUSE_RE = re.compile("[，。；：！？、,;:.!?]")  # a body line, not a headline, usually has one
_SENTENCE_RE = re.compile("[，。；：！？,;:!?]")
_NEW_PARA_RE = re.compile(
    r"[^，。；！？\s]{0,20}?\d{1,2}月\d{1,2}日(?:电|讯)"  # dateline: 某某日报7月3日讯, 新华社北京7月3日电
    r"|本报讯"
    r"|[一二三四五六七八九十]{1,3}、"  # list items: 一、 （二） 3、 4.
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}(?:、|\.(?!\d))"
    r"|[■□●○◆◇▲△★☆▶►◎※【]"
)

_MAX_COLUMN = 60.0  # wider than any printed column (in CJK characters): lines that long are unwrapped text
_WINDOW = 5  # body lines on each side giving the column width ...
_REACH = 8  # ... looked for within this many lines
_DENSITY_WINDOW = 4  # gaps on each side used to tell a double-spaced region


def _kind(ch: str) -> str:
    """W wide (CJK), P full-width punctuation, A ambiguous punctuation, N narrow (Latin, digits ...)."""
    if ch in _AMBIG:
        return "A"
    if ord(ch) < 0x1100:
        return "N"
    if _FULLPUNCT_RE.match(ch):
        return "P"
    if _WIDE_RE.match(ch):
        return "W"
    return "N"


def _keep_space(a: str, b: str, spaced: bool, wide_a: int, wide_b: int) -> bool:
    """Whether a whitespace run between characters ``a`` and ``b`` becomes one space."""
    ka, kb = _kind(a), _kind(b)
    if "P" in (ka, kb):
        return False
    if ka == "A":
        return kb == "N"
    if kb == "A":
        return ka == "N"
    if ka == "W" and kb == "W":
        return not spaced and wide_a >= 2 and wide_b >= 2
    return ka == kb == "N"


def _clean_line(raw: str, start: int, end: int) -> tuple[str, list[int] | range, bool]:
    """Normalised text of one stripped line ``raw[start:end]``, the raw index of each character, and
    whether the line is letter-spaced."""
    seg = raw[start:end].translate(_FW)
    chunks = [m.span() for m in _CHUNK_RE.finditer(seg)]
    if len(chunks) == 1:
        return seg, range(start, end), False
    wides = [len(_WIDE_RE.findall(seg, s, e)) for s, e in chunks]
    singles = sum(1 for n in wides if n == 1)
    spaced = singles >= 3 and 2 * singles >= sum(1 for n in wides if n)
    parts = [seg[chunks[0][0]:chunks[0][1]]]
    offs = list(range(start + chunks[0][0], start + chunks[0][1]))
    for k in range(1, len(chunks)):
        (_s0, e0), (s1, e1) = chunks[k - 1], chunks[k]
        gap = seg[e0:s1]
        if gap.strip(_ZW) and _keep_space(seg[e0 - 1], seg[s1], spaced, wides[k - 1], wides[k]):
            parts.append(" ")
            offs.append(start + e0 + len(gap) - len(gap.lstrip(_ZW)))
        parts.append(seg[s1:e1])
        offs.extend(range(start + s1, start + e1))
    return "".join(parts), offs, spaced


class _Line:
    __slots__ = ("text", "offs", "newline", "indent", "ideographic_indent", "spaced", "width", "body", "blank_before")

    def __init__(self, text, offs, spaced, newline, indent, ideographic_indent, blank_before):
        self.text = text
        self.spaced = spaced  # letter-spaced: a justified line stretched to the column width
        self.offs = offs
        self.newline = newline  # raw index of the "\n" ending the line (or len(raw))
        self.indent = indent
        self.ideographic_indent = ideographic_indent  # starts with U+3000: a paragraph start in CJK text
        self.blank_before = blank_before
        wide = len(_WIDE_RE.findall(text))
        self.width = wide + 0.5 * (len(text) - wide)
        self.body = _CLAUSE_RE.search(text) is not None


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pos, n, blank = 0, len(raw), False
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            nl = n
        seg = raw[pos:nl]
        left = seg.lstrip(_STRIP)
        if left:
            core = left.rstrip(_STRIP)
            cs = pos + len(seg) - len(left)
            lead = seg[: cs - pos]
            indent = sum(2 if c == "\u3000" else 4 if c == "\t" else 1 for c in lead)
            lines.append(_Line(*_clean_line(raw, cs, cs + len(core)), nl, indent, "\u3000" in lead, blank))
            blank = False
        else:
            blank = bool(lines)
        pos = nl + 1
    return lines


def _column(widths: list[float]) -> float:
    """The column width shown by some line widths (sorted here): the second largest (paragraph ends are
    short, and one line may be an odd wide one), the largest of two."""
    widths.sort()
    return widths[-2] if len(widths) > 2 else widths[-1]


class _Layout:
    """Column widths and blank-line density around each line."""

    def __init__(self, lines: list[_Line]):
        self.lines = lines
        self._refs: dict[int, tuple] = {}
        acc = [0]
        for line in lines[1:]:
            acc.append(acc[-1] + line.blank_before)
        self._blank_acc = acc  # acc[i]: blank gaps before line i

    def refs(self, i: int) -> tuple[tuple[float, float, int] | None, ...]:
        """(column width, widest line, lines seen) before line ``i`` and after it, from the nearest body lines.

        A side with no body line nearby uses its nearest lines; a side with no line at all gives None.
        Two sides, so that a line where the column width changes matches one of them.
        """
        if i not in self._refs:
            lines, out = self.lines, []
            for side in (range(i - 1, max(-1, i - _REACH - 1), -1), range(i + 1, min(len(lines), i + _REACH + 1))):
                widths = [lines[j].width for j in side if lines[j].body][:_WINDOW]
                if not widths:
                    widths = [lines[j].width for j in side][:_WINDOW]
                out.append((_column(widths), widths[-1], len(widths)) if widths else None)
            self._refs[i] = tuple(out)
        return self._refs[i]

    def full(self, i: int) -> bool:
        """Line ``i`` spans its column, so a break after it is a wrap, not the end of a paragraph.

        Its column is the one before it, or the one after it (seen in two lines or more) when the next line
        is not much wider.
        """
        width, spaced = self.lines[i].width, self.lines[i].spaced
        before, after = self.refs(i)
        if any(side is not None and side[0] > _MAX_COLUMN for side in (before, after)):
            return False  # unwrapped text nearby: one line, one paragraph
        if before is not None and _fits(width, before, spaced):
            return True
        return (after is not None and after[2] >= 2 and _fits(width, after, spaced)
                and self.lines[i + 1].width <= width + 2 * _tolerance(after[0]))

    def very_short(self, i: int) -> bool:
        return all(self.lines[i].width < 0.6 * ref[0] for ref in self.refs(i) if ref is not None)

    def double_spaced(self, i: int) -> bool:
        """Blank lines fall between most lines around the gap before line ``i``: they mean nothing."""
        lo, hi = max(1, i - _DENSITY_WINDOW), min(len(self.lines) - 1, i + _DENSITY_WINDOW)
        return self._blank_acc[hi] - self._blank_acc[lo - 1] >= 0.7 * (hi - lo + 1)


def _tolerance(ref: float) -> float:
    return max(3.0, 0.15 * ref)  # a paragraph's first line is indented two characters


def _fits(width: float, side: tuple[float, float, int], spaced: bool) -> bool:
    """A line of ``width`` fills the column seen on one side: not much shorter, nor much wider than its lines."""
    ref, widest, count = side
    low = 0.6 * ref if spaced else ref - _tolerance(ref)  # a letter-spaced line holds fewer characters
    if count < 2:  # one line seen: the line must match it, not merely be wider than it
        return low <= width <= ref + _tolerance(ref)
    return low <= width <= 1.5 * widest + 2


def _ends_sentence(text: str) -> bool:
    last = text[-1]
    if last in _FINAL:
        return True
    if last in _CLOSERS and len(text) > 1 and text[-2] in _FINAL:
        return True
    return last == "." and len(text) > 1 and text[-2].isascii() and text[-2].isalpha()


def _unclosed(text: str) -> bool:
    return any(text.count(o) > text.count(c) for o, c in _PAIRS)


_ITEM_SPACE_RE = re.compile(f"[{_WIDE}] [{_WIDE}]")
_COLONS = "：:"  # a line ending in one heads a list


def _list_item(line: _Line) -> bool:
    """A line of a list whose words a space separates (某国总统 某某, 某党主席 总统 某某): no clause punctuation, not
    letter-spaced, a space kept between two CJK words. Two such lines in a row are two items, never one line
    wrapped: glued, a name would run into the next item's country (某某斯 + 某国总统)."""
    return not line.body and not line.spaced and _ITEM_SPACE_RE.search(line.text) is not None


def _is_break(layout: _Layout, i: int) -> bool:
    """Whether a real paragraph break lies between line ``i - 1`` and line ``i``."""
    a, b = layout.lines[i - 1], layout.lines[i]
    if b.text[0] in _NO_START:
        return False
    if _ends_sentence(a.text):
        return True
    if a.text[0] in "（(" and a.text[-1] in "）)":
        return True
    if _unclosed(a.text) or (b.text[0].isascii() and b.text[0].islower()):
        return False
    if a.text[-1].isdigit() and b.text[0].isdigit():
        return False  # a number wrapped at the column edge
    if (_list_item(a) or a.text[-1] in _COLONS) and (_list_item(b) or b.text[-1] in _COLONS) \
            and (_list_item(a) or _list_item(b)):
        return True  # 某国总统 某某 / 另一国总理 某某 / 向某某致贺的有：one item or heading a line
    if b.indent > a.indent or b.ideographic_indent or _NEW_PARA_RE.match(b.text):
        return True
    if not layout.full(i - 1):
        return True
    if layout.very_short(i) and not _CLAUSE_RE.search(b.text):
        return True  # a lone short line: author, headline
    if _SENTENCE_RE.search(a.text):
        return False
    # a line without punctuation before a blank line (where blank lines mean something) or before a much
    # wider line is a headline
    # (a full line before a blank line and a line of prose is a paragraph going on in the next column)
    return (b.blank_before and not layout.double_spaced(i) and not b.body) or b.width > 1.5 * a.width + 2


def _wrapped_words(last: str, first: str) -> bool:
    both_latin = last.isascii() and last.isalnum() and first.isascii() and first.isalnum()
    return both_latin and not (last.isdigit() and first.isdigit())


def normalise(raw: str) -> Text:
    """Normalise text extracted from a printed page; ``offsets`` map every character back to ``raw``.

    Paragraphs are separated by one ``"\\n"`` whose offset is the raw newline ending the paragraph's
    last line. ``offsets`` has ``len(text) + 1`` entries; the last is one past the last kept raw char.

    >>> raw = "今年启动了试点\\n工 作 ，成 效 明\\n\\n显。\\n下一段"
    >>> t = normalise(raw)
    >>> t.text
    '今年启动了试点工作，成效明显。\\n下一段'
    >>> t.offsets[7], raw[t.offsets[7]], t.offsets[15], raw[t.offsets[15]]
    (8, '工', 22, '\\n')
    """
    lines = _split_lines(raw)
    if not lines:
        return Text("", (0,))
    layout = _Layout(lines)
    parts = [lines[0].text]
    offsets: list[int] = list(lines[0].offs)
    for i in range(1, len(lines)):
        a, b = lines[i - 1], lines[i]
        if _is_break(layout, i):
            parts.append("\n")
            offsets.append(a.newline)
        elif _wrapped_words(a.text[-1], b.text[0]):
            parts.append(" ")  # Latin words wrapped across lines (a number wrapped across lines is one number)
            offsets.append(a.newline)
        parts.append(b.text)
        offsets.extend(b.offs)
    offsets.append(offsets[-1] + 1)
    return Text("".join(parts), tuple(offsets))
