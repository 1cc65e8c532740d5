"""Cut a document into articles (page -> articles).

A page is read raw line by raw line (inside the normalised paragraphs): datelines open articles; author lines,
bracketed author lists and photo credits close them; short unpunctuated lines form headline blocks. The shape of
the page (``kg.layout.page_shape``) says how headlines are set: where they stand over their bodies (a blank line above a
headline, or no blank lines at all and a sentence end above it), a headline opens the article below it, its lines
joined when they are one headline wrapped at the column width, a photo caption under it stays in the article and
parts below a blank line are sub-heads; where they are set in blocks apart from the bodies (PDF-extracted e-paper
pages), each block is re-attached to the article it shares most content with. A headline line no article takes
stays in the text of an article. Bylines, credits, datelines and web information lines: :mod:`kg.layout.bylines`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import page_shape as shape
from .bylines import CLOSERS, HAN, article_date, author_line, credit_line, iso_date, meta_line, named_people, page_date, patterns
from kg.model import Article, Author, Document, Text
from kg.ingest.identity import slug

__all__ = ["segment"]

NO_HEAD_END = "。，、：；,;:…—（(《“"  # a headline never ends with one of these
HEAD_MAX = 40  # longest headline line (the first line of a document may reach 60)
CAPTION_MAX = 200  # longest photo caption
FALLBACK_MAX = 30  # longest headline made from the first clause of a body
MATCH_MIN = 0.3  # lowest (content + layout) score that attaches a headline block to an article
BONUS = {"inside": 0.3, "before": 0.3, "after": 0.1}  # block between body and byline / right before / right after


@dataclass
class _Line:
    start: int  # span in the normalised text
    end: int
    para: int  # normalised paragraph number
    gap: bool  # a blank raw line (or the top of the document) comes before it


@dataclass
class _Item:
    kind: str  # date, meta, author, credit, head, body
    start: int  # the body text the item carries (normalised span)
    end: int
    line: int
    authors: list[Author] = field(default_factory=list)
    data: object = None  # the dateline match, or the meta information


def _lines(text: Text, raw: str) -> list[_Line]:
    """Raw lines inside the normalised paragraphs, stripped, as spans of the normalised text."""
    s, off, out = text.text, text.offsets, []
    start = para = 0
    for i in range(len(s) + 1):
        if i == len(s) or s[i] == "\n" or (i > start and "\n" in raw[off[i - 1] + 1:off[i] + 1]):
            a, b = i - len(s[start:i].lstrip()), start + len(s[start:i].rstrip())
            if a < b:
                prev = off[out[-1].end - 1] + 1 if out else 0
                out.append(_Line(a, b, para, not out or bool(re.search(r"\n[ \t\r\u3000]*\n", raw[prev:off[a]]))))
            newpara = i == len(s) or s[i] == "\n"
            start, para = i + newpara, para + newpara
    return out


def _ends_sentence(s: str) -> bool:
    core = s.rstrip().rstrip(CLOSERS)
    return bool(core) and core[-1] in "。！？!?…"


def _headish(s: str, first: bool) -> bool:
    """Shape of a headline line: short, some Han, no full stop, no dangling punctuation at its end."""
    core, n = s.rstrip(CLOSERS + " "), len(s.replace(" ", ""))
    return (2 <= n <= (60 if first else HEAD_MAX) and bool(re.search(f"[{HAN}]", s)) and s[0] not in "（("
            and not re.search("[。；;]", s) and bool(core) and core[-1] not in NO_HEAD_END)



def _items(text: Text, raw: str, lines: list[_Line]) -> list[_Item]:
    """What each line is; a dateline takes the lines its author bracket wraps over."""
    items: list[_Item] = []
    k = 0
    while k < len(lines):
        ln, prev = lines[k], lines[k - 1] if k else None
        fresh = prev is None or prev.para != ln.para or _ends_sentence(text.text[prev.start:prev.end])
        m = patterns()["dateline"].match(text.text, ln.start) or patterns()["lead"].match(text.text, ln.start)
        br = m.start("br") if m and m.group("br") else -1
        ppl = named_people(raw, *text.raw_span(br + 1, m.end() - 1), "记者", strict=False) if br >= 0 else []
        if m and (fresh or ppl):  # mid-paragraph, only a dateline naming its reporters
            items.append(_Item("date", m.end(), m.end(), k, ppl or [], m))
            while k + 1 < len(lines) and lines[k + 1].start < m.end():
                k += 1
            rest = text.text[m.end():lines[k].end]
            if rest.strip():
                items.append(_Item("body", lines[k].end - len(rest.lstrip()), lines[k].end, k))
        else:
            rs, re_ = text.raw_span(ln.start, ln.end)
            if (info := meta_line(raw, rs, re_)) is not None:
                items.append(_Item("meta", ln.start, ln.start, k, info["authors"], info))
            elif (credit := credit_line(raw, rs, re_)) is not None:
                items.append(_Item("credit", ln.start, text.index_of_raw(credit[0]), k, credit[1]))
            elif (people := author_line(raw, rs, re_)) is not None and not (
                    items and items[-1].kind == "head" and not ln.gap  # bare Han right under a headline line:
                    and re.fullmatch(f"[{HAN}]{{4,}}", raw[rs:re_])):  # its wrapped end, not a byline
                items.append(_Item("author", ln.start, ln.start, k, people))
            else:
                line = text.text[ln.start:ln.end]
                tail = (len(line) == 1 and bool(re.match(f"[{HAN}]", line)) and items and items[-1].kind == "head"
                        and not ln.gap)  # the last character of a headline wrapped at the column width
                items.append(_Item("head" if tail or _headish(line, k == 0) else "body", ln.start, ln.end, k))
        k += 1
    run: list[_Item] = []  # a headline-shaped line in a paragraph with prose is a wrapped prose line
    for it in items + [_Item("end", 0, 0, -1)]:
        same = bool(run) and it.kind in ("head", "body", "credit") and lines[run[-1].line].para == lines[it.line].para
        if (run and not same) or it.kind == "credit":  # a credit ends its caption's paragraph
            if any(r.kind == "body" for r in run) or (same and it.kind == "credit" and it.start < it.end):
                for r in run:
                    r.kind = "body"
            run = []
        if it.kind in ("head", "body"):
            run.append(it)
    return items


@dataclass
class _Draft:
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, paragraph)
    authors: list[Author] = field(default_factory=list)
    dateline: str | None = None
    md: tuple[int, int] | None = None
    date: str | None = None
    publisher: str | None = None
    credit: bool = False
    leading: bool = False  # holds only a photo caption set between its headline and its body
    photo: bool = False  # an article with a photo between its headline and its body (never a caption itself)


@dataclass
class _Block:
    lines: list[_Line]
    after: int | None = None  # index of the draft whose body it follows, stands inside, precedes
    inside: int | None = None
    before: int | None = None
    open: int | None = None
    fixed: int | None = None  # the draft it stands right before, on a page whose headlines precede their bodies
    wrapped: bool = False  # its lines are one headline wrapped at the column width (no subtitle)


def _parts(group: list[_Item], lines: list[_Line]) -> list[list[_Line]]:
    parts: list[list[_Line]] = []
    for it in group:
        if not parts or lines[it.line].gap:
            parts.append([])
        parts[-1].append(lines[it.line])
    return parts


def _blocks(group: list[_Item], lines: list[_Line], standing: bool, text: Text, top: bool = False,
            column: float = 0.0) -> list[_Block]:
    """Split a run of headline lines at blank lines. Where headlines are set in blocks apart from their bodies,
    single lines pair up as (title, subtitle); where they stand over their bodies, each part is one block and the
    lines of a part are one wrapped headline when all but the last fill the same width."""
    parts = _parts(group, lines)
    if not standing:
        if len(parts) > 1 and all(len(p) == 1 for p in parts):
            parts = [sum(parts[i:i + 2], []) for i in range(0, len(parts), 2)]
        return [_Block(p) for p in parts]
    out = []
    for p in parts:
        heads = [text.text[ln.start:ln.end] for ln in p]
        short = len(re.sub(r"\s", "", heads[0])) < 0.4 * column  # narrower than any headline line
        if top and short and len(p) > 1 and (len(p) == 2 or shape.wrapped_head(heads[1:])):
            out.append(_Block(p[:1]))  # a page's first line over a headline: a masthead or section label
            p, heads = p[1:], heads[1:]
            top = False
        out.append(_Block(p, wrapped=shape.wrapped_head(heads, column)))
    return out


def _standing(items: list[_Item], lines: list[_Line]) -> bool:
    """Whether the page sets each headline over its body (see :func:`kg.layout.page_shape.standing`)."""
    runs: list[list[int]] = []
    run: list[_Item] = []
    for it in items + [_Item("end", 0, 0, -1)]:
        if it.kind == "head":
            run.append(it)
            continue
        if run:
            runs.append([len(p) for p in _parts(run, lines)])
        run = []
    return shape.standing(runs)


def _scan(text: Text, items: list[_Item], lines: list[_Line]) -> tuple[list[_Draft], list[_Block]]:
    """Walk the items: datelines open articles, bylines and credits close them, headline blocks are set aside."""
    drafts, blocks, pending = [_Draft()], [], []
    standing = _standing(items, lines)
    gapless = sum(ln.gap for ln in lines[1:]) <= 1  # text extracted without blank lines (pdftotext -raw)
    column = shape.column_width([text.text[it.start:it.end] for it in items if it.kind == "body"])

    def close() -> None:
        if drafts[-1].spans:
            drafts.append(_Draft())

    def add(it: _Item) -> None:
        if it.start < it.end:
            if not drafts[-1].spans:
                for bl in pending:
                    bl.before = len(drafts) - 1
                pending.clear()
            drafts[-1].spans.append((it.start, it.end, lines[it.line].para))
            drafts[-1].leading = drafts[-1].leading and it.kind == "credit"

    def seal() -> None:  # a byline or credit closes the article; blocks standing before it are inside it
        for bl in blocks:
            bl.inside = bl.open if bl.open == len(drafts) - 1 else bl.inside
        close()

    i = 0
    while i < len(items):
        it, cur, j = items[i], drafts[-1], i + 1
        if it.kind == "head":
            while j < len(items) and items[j].kind == "head":
                j += 1
            split = ([k for k in range(i + 1, j) if lines[items[k].line].gap]
                     if standing and cur.spans and not lines[it.line].gap else [])
            if split:  # lines closing the story above, then a headline after a blank line: they stay in the story
                for h in items[i:split[-1]]:
                    add(h)
                i = split[-1]
                it = items[i]
            nxt, prev = items[j].kind if j < len(items) else None, items[i - 1] if i else None
            wrapped = prev is not None and prev.kind == "body" and not _ends_sentence(text.text[prev.start:prev.end])
            opens = (standing and not wrapped and not cur.leading and nxt in ("body", "date", "credit")
                     and (prev is None or lines[it.line].gap or prev.kind in ("author", "credit", "meta")
                          or gapless)  # no blank line on the page: a headline-shaped line after a sentence end
                     and (prev is None or nxt == "date" or not lines[items[j].line].gap
                          or not shape.double_spaced([ln.gap for ln in lines], it.line)))
            if opens:  # a headline standing over the body that follows it
                close()
                new = _blocks(items[i:j], lines, True, text, top=prev is None, column=column)
                if prev is None and len(new) > 1:  # a masthead or section label over the first headline
                    new[0].open = len(drafts) - 1
                    blocks.append(new.pop(0))
                new[0].fixed = len(drafts) - 1
                blocks.append(new[0])
                pending[:] = []
                for bl in new[1:]:  # parts after a blank line below the headline: sub-heads of its story
                    for ln in bl.lines:
                        add(next(h for h in items[i:j] if lines[h.line] is ln))
            elif wrapped or (nxt in ("body", "credit") and (cur.leading or (cur.spans and (
                    j - i == 1 or (standing and not lines[it.line].gap))))):
                for h in items[i:j]:  # a section sub-head, or prose wrapped at the column edge
                    add(h)
            else:
                new = _blocks(items[i:j], lines, standing, text)
                new[0].after = len(drafts) - 1 if cur.spans else (len(drafts) - 2 if len(drafts) > 1 else None)
                for bl in new:
                    bl.open = len(drafts) - 1 if cur.spans else None
                blocks += new
                pending[:] = new[-1:]
                if nxt == "body":
                    close()
        elif it.kind == "date":
            if not (cur.leading and cur.dateline is None):
                close()
            cur, m = drafts[-1], it.data
            cur.dateline = re.sub(r"\s+", "", text.text[m.start():m.start("br") if m.group("br") else m.end()])
            cur.md, cur.authors = ((int(m["m"]), int(m["d"])) if m["m"] else None), cur.authors + it.authors
        elif it.kind == "meta":
            cur.authors += it.authors
            cur.date, cur.publisher = cur.date or it.data["date"], cur.publisher or it.data.get("publisher")
        elif it.kind == "author":
            cur.authors += it.authors
            if cur.spans:
                seal()
        elif it.kind == "credit":
            para = lines[it.line].para
            if it.start == it.end and cur.spans and all(sp[2] != para for sp in cur.spans):
                para = cur.spans[-1][2]  # a credit on a line of its own credits the paragraph above
            mine = [k for k, sp in enumerate(cur.spans) if sp[2] == para] + [len(cur.spans)]
            if mine[0] > 0 and sum(b - a for a, b, _ in cur.spans[mine[0]:]) + it.end - it.start <= CAPTION_MAX:
                caption = cur.spans[mine[0]:]  # a photo caption set right after an article
                del cur.spans[mine[0]:]
                close()
                drafts[-1].spans = caption
            leading = standing and not cur.spans and any(bl.fixed == len(drafts) - 1 for bl in blocks)
            add(it)
            target = drafts[-1] if drafts[-1].spans or len(drafts) == 1 else drafts[-2]
            target.authors += it.authors
            target.credit = True
            if not leading:  # a caption set between a headline and its body belongs to the article
                seal()
            else:
                target.leading = target.photo = True
        else:
            add(it)
        i = j
    return drafts, blocks


def _tokens(s: str) -> set[str]:
    out = set(re.findall(r"\d+(?:\.\d+)?", s)) | {w.lower() for w in re.findall(r"[A-Za-z]{2,}", s)}
    for run in re.findall(f"[{HAN}]+", s):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def _assign(blocks: list[_Block], bodies: list[str], text: Text) -> dict[int, _Block]:
    """Greedy best-first matching of headline blocks to articles: shared bigrams and numbers (idf-weighted), layout."""
    toks = [_tokens(b) for b in bodies]
    df, n, pairs = Counter(t for ts in toks for t in ts), len(bodies), []
    for bi, bl in enumerate(blocks):
        weight = {t: (1.5 if t[0].isdigit() else 1.0) * (1 + math.log((n + 1) / (df[t] + 1)))
                  for t in _tokens("".join(text.text[ln.start:ln.end] for ln in bl.lines))}
        for di, body in enumerate(toks):
            score = sum(w for t, w in weight.items() if t in body) / (sum(weight.values()) or 1.0)
            score += sum(bonus for where, bonus in BONUS.items() if getattr(bl, where) == di)
            if bodies[di] and score >= MATCH_MIN:
                pairs.append((-score, bi, di))
    chosen: dict[int, _Block] = {bl.fixed: bl for bl in blocks if bl.fixed is not None and bodies[bl.fixed]}
    for _, bi, di in sorted(pairs):
        if di not in chosen and all(b is not blocks[bi] for b in chosen.values()):
            chosen[di] = blocks[bi]
    return chosen


def _join(text: Text, spans: list[tuple[int, int, int]]) -> tuple[str, list[int]]:
    """Concatenate spans; a new paragraph starts with "\\n" (mapped to the raw end of the previous piece)."""
    out, offs, prev = [], [], None
    for a, b, para in spans:
        if prev and para != prev[1]:
            out.append("\n")
            offs.append(offs[-1] + 1)
        elif prev and not text.text[prev[0]:a].strip() and "\n" not in text.text[prev[0]:a]:
            out.append(text.text[prev[0]:a])
            offs += text.offsets[prev[0]:a]
        out.append(text.text[a:b])
        offs += text.offsets[a:b]
        prev = (b, para)
    return "".join(out), offs


def _first_clause(body: str) -> tuple[int, int]:
    """Span of the body's first clause (a bare date like "7月1日，" is skipped), for a headline not on the page."""
    for m in re.finditer(r"[^，。！？；：,;!?\n]+", body):
        a = m.end() - len(m.group().lstrip(" “‘「『\""))
        if not re.fullmatch(r"[\d\s年月日号时分上下午晚早凌晨前后]+", body[a:m.end()]):
            return a, min(m.end(), a + FALLBACK_MAX)
    return 0, min(len(body), FALLBACK_MAX)



def _make(doc: Document, text: Text, d: _Draft, head: tuple | None, sub: tuple | None, position: int,
          page: tuple) -> Article:
    body, boffs = _join(text, d.spans)
    if head is None:
        a, b = _first_clause(body)
        head = (body[a:b], boffs[a:b])
    out, offs = head[0], list(head[1])
    for piece, poffs in ([sub] if sub and sub[0] else []) + [(body, boffs)]:
        offs.append(offs[-1] + 1 if offs else (poffs[0] if poffs else 0))
        out, offs = out + "\n" + piece, offs + list(poffs)
    caption = d.credit and len(body) <= CAPTION_MAX and not d.photo
    authors = sorted({(p.start, p.name, p.role): p for p in d.authors}.values(), key=lambda p: (p.start, p.role))
    stem = doc.key or slug(doc.source)
    ident = f"{stem}-L{doc.line}" if doc.line is not None else f"{stem}-{position}"
    return Article(ident, doc.source, head[0], out, tuple(offs), len(out) - len(body), sub[0] if sub else None,
                   article_date(d.date, d.md, body, caption, page), tuple(authors), position,
                   "caption" if caption else "article", d.dateline, doc.url, doc.publisher or d.publisher)


def _record(doc: Document, items: list[_Item], drafts: list[_Draft], lines: list[_Line]) -> _Draft:
    """A JSONL record is one article: all its text but datelines and bylines."""
    whole = _Draft([(it.start, it.end, lines[it.line].para) for it in items if it.kind in ("body", "head", "credit")])
    for d in drafts:
        whole.authors += d.authors
        whole.dateline, whole.md = whole.dateline or d.dateline, whole.md or d.md
        whole.publisher = whole.publisher or d.publisher
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", doc.date or "")
    whole.date = m and iso_date(int(m[1]), int(m[2]), int(m[3]))
    return whole


def _keep_unplaced(blocks: list[_Block], chosen: dict[int, _Block], drafts: list[_Draft]) -> None:
    """Headline-shaped lines no article took (a masthead, a section label) stay in the text of the article they
    stand in or after (at the top of the page: the first article): nothing on the page is dropped."""
    taken = {id(bl) for bl in chosen.values()}
    full = [k for k, d in enumerate(drafts) if d.spans]
    for bl in blocks:
        if id(bl) in taken or not full:
            continue
        first = bl.lines[0].start
        before = [k for k in full if drafts[k].spans[0][0] < first]
        target = before[-1] if before else full[0]
        drafts[target].spans = sorted(drafts[target].spans + [(ln.start, ln.end, -1 - ln.start) for ln in bl.lines])


def segment(doc: Document, text: Text) -> list[Article]:
    """Cut ``doc`` (already normalised into ``text``) into articles, in page order."""
    lines = _lines(text, doc.text)
    if not lines and doc.title is None:
        return []
    items = _items(text, doc.text, lines)
    drafts, blocks = _scan(text, items, lines)
    page = page_date(doc.source, doc.date, text.text)
    if doc.title is not None:
        whole, title = _record(doc, items, drafts, lines), doc.title.strip()
        head = (title, [0] * len(title))  # only when the title is not in the raw text (kg.ingest.readers puts it there)
        first = whole.spans[0] if whole.spans else None
        if first and text.text[first[0]:first[1]].replace(" ", "") == title.replace(" ", ""):
            head = (text.text[first[0]:first[1]], text.offsets[first[0]:first[1]])
            whole.spans.pop(0)
        elif doc.text.startswith(title):  # the title line was read as something else (a dateline, a credit)
            n = bisect.bisect_left(text.offsets, len(title), 0, len(text.text))
            head = (text.text[:n], text.offsets[:n])
            whole.spans = [sp for sp in whole.spans if sp[0] >= n]
        return [_make(doc, text, whole, head, None, 0, page)]
    chosen = _assign(blocks, ["".join(text.text[a:b] for a, b, _ in d.spans) for d in drafts], text)
    _keep_unplaced(blocks, chosen, drafts)
    out, days = [], []
    for di, d in enumerate(drafts):
        if d.spans:
            bl = chosen.get(di)
            k = len(bl.lines) if bl and bl.wrapped else 1
            head = bl and _join(text, [(ln.start, ln.end, 0) for ln in bl.lines[:k]])
            sub = bl and len(bl.lines) > k and _join(text, [(ln.start, ln.end, 0) for ln in bl.lines[k:]]) or None
            out.append(_make(doc, text, d, head, sub, len(out), page))
            days += [out[-1].date] if d.md else []
    if len(days) >= 2 and len(set(days)) == 1 and days[0]:  # datelines agree on one day: the page's date
        out = [a if a.date else replace(a, date=days[0]) for a in out]
    return out
