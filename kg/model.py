"""Plain typed values passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; no stage reaches back into an earlier one.
Offsets are always character offsets into the *raw* text of the input (``Document.text``), so every
mention and fact can be checked against the source file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

__all__ = ["ORGANISATIONS", "Document", "Offsets", "Text", "Author", "Article", "Mention", "Measure", "Relation", "Entity", "Fact", "Merge", "Reference",
           "Linked"]

# The organisation classes of the ontology (kg:Organization and its subclasses; tests/test_vocab.py checks them).
ORGANISATIONS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")


@dataclass(frozen=True, slots=True)
class Document:
    """One unit of input as read from disk: a whole .txt file or one JSONL line.

    ``text`` is the raw text (for JSONL: the ``body`` field); offsets downstream point into it.
    ``title``/``date``/``url``/``publisher`` are only set when the input states them (JSONL fields).
    """

    source: str  # the input file's name relative to the input root, e.g. "2025-07-03/page1.txt" (dcterms:source)
    path: str  # full path as given
    text: str
    line: int | None = None  # 1-based JSONL line number, None for .txt
    title: str | None = None
    date: str | None = None  # ISO date if the input gives one
    url: str | None = None
    publisher: str | None = None
    key: str = ""  # the file's identity in article ids, unique within a build (kg.ingest.identity); "" = from source


class Offsets(Sequence[int]):
    """An article's ``offsets`` (raw index of every character) kept as runs of consecutive raw indexes: an
    article's text is a few runs of its source (headline, body, the line breaks normalised away), so it costs a few
    numbers instead of one per character (a third of a whole-corpus build's article data as tuples). It reads as the
    tuple of its values: index, slice, iterate, compare."""

    __slots__ = ("_starts", "_raws", "_len", "_rising", "_shared")

    def __init__(self, values: Iterable[int] = ()) -> None:
        starts: list[int] = []
        raws: list[int] = []
        n, prev, rising = 0, None, True
        for v in values:
            if prev is None or v != prev + 1:
                rising = rising and (prev is None or v > prev)
                starts.append(n)
                raws.append(v)
            prev, n = v, n + 1
        self._starts, self._raws, self._len, self._rising = tuple(starts), tuple(raws), n, rising
        self._shared: frozenset[int] | None = None  # raw indexes two characters map to (:meth:`distinct`), when asked

    @classmethod
    def _runs(cls, starts: tuple[int, ...], raws: tuple[int, ...], length: int, rising: bool) -> "Offsets":
        new = cls.__new__(cls)
        new._starts, new._raws, new._len, new._rising = starts, raws, length, rising
        new._shared = None
        return new

    def count_upto(self, raw: int, hi: int) -> int:
        """``bisect_right(self, raw, 0, hi)``: how many of the first ``hi`` raw indexes are at most ``raw``
        (run by run when they rise, as they do from kg.layout)."""
        if not self._rising:
            return bisect_right(self, raw, 0, hi)
        r = bisect_right(self._raws, raw) - 1
        if r < 0:
            return 0
        end = self._starts[r + 1] if r + 1 < len(self._starts) else self._len
        return min(self._starts[r] + min(raw - self._raws[r] + 1, end - self._starts[r]), hi)

    def distinct(self, start: int, end: int) -> bool:
        """Whether ``self[start:end]`` holds ``end - start`` different raw indexes that no other character of the
        text maps to (always, where they rise; a headline made from the body's first words shares its raw indexes
        with the body, so a name in both would otherwise get one raw span twice)."""
        if self._rising and 0 <= start and end <= self._len:
            return True
        values = self[start:end]
        if len(set(values)) < end - start:
            return False
        if self._shared is None:
            seen: set[int] = set()
            shared: set[int] = set()
            for v in self:
                (shared if v in seen else seen).add(v)
            self._shared = frozenset(shared)
        return self._shared.isdisjoint(values)

    def __reduce__(self):
        return Offsets._runs, (self._starts, self._raws, self._len, self._rising)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        starts = self._starts
        if i.__class__ is int and 0 <= i < self._len:  # (the usual case first: one comparison, one bisect)
            r = bisect_right(starts, i) - 1
            return self._raws[r] + i - starts[r]
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(self._len)))
        if not -self._len <= i < 0:
            raise IndexError("offset index out of range")
        return self[i + self._len]

    def __iter__(self) -> Iterator[int]:
        ends = self._starts[1:] + (self._len,)
        for start, end, raw in zip(self._starts, ends, self._raws):
            yield from range(raw, raw + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._starts, self._raws, self._len) == (other._starts, other._raws, other._len)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # the tuple's: equal to it, hashed as it

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Text:
    """A normalised string with a map back to the raw text.

    ``offsets[i]`` is the raw index of normalised character ``i``; ``offsets[len(text)]`` is the raw end.
    """

    text: str
    offsets: Sequence[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the normalised span [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def index_of_raw(self, raw: int) -> int:
        """Normalised index of the first character at or after raw offset ``raw``."""
        if isinstance(self.offsets, Offsets):
            return self.offsets.count_upto(raw - 1, len(self.text))
        return bisect_right(self.offsets, raw - 1, 0, len(self.text))


@dataclass(frozen=True, slots=True)
class Author:
    """A byline person with a role word as printed (记者, 通讯员, 摄影, 作者 ...)."""

    name: str
    role: str
    start: int  # raw offsets of the name
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article (or photo caption) cut out of a document.

    ``text`` is the normalised text the extractors read: headline, subtitle and body joined by "\\n"
    (``body_start`` is where the body begins in ``text``); ``offsets`` maps it to raw offsets of ``source``.
    """

    id: str  # deterministic, ASCII: "<file stem>-<position>" (JSONL: "<file stem>-L<line>")
    source: str
    headline: str
    text: str
    offsets: Sequence[int]  # kept as :class:`Offsets` whatever sequence is given
    body_start: int
    subtitle: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd, only when it can be known
    authors: tuple[Author, ...] = ()
    position: int = 0  # order on the page, 0-based
    kind: str = "article"  # "article" or "caption"
    dateline: str | None = None  # e.g. "湖南日报 7月3日讯"
    url: str | None = None
    publisher: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.offsets, Offsets):
            object.__setattr__(self, "offsets", Offsets(self.offsets))

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of ``text[start:end]``."""
        return Text(self.text, self.offsets).raw_span(start, end)

    def span_key(self, start: int, end: int) -> str:
        """The key of ``text[start:end]`` in node IRIs: its raw offsets ``"<begin>-<end>"``, or ``"t<start>-<end>"``
        (offsets into ``text``) where raw characters are shared (a JSONL title has none of its own, every
        character maps to the record's start), so that two spans never get one node."""
        if not cast(Offsets, self.offsets).distinct(start, end):  # (an Offsets: __post_init__)
            return f"t{start}-{end}"
        raw_start, raw_end = self.raw_span(start, end)
        return f"{raw_start}-{raw_end}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an entity in an article.

    ``start``/``end`` index ``Article.text``; ``raw_start``/``raw_end`` index the raw source file.
    ``cls`` is an ontology class local name (Person, Enterprise, GovernmentBody, PartyOrganization,
    Organization, AdministrativeRegion, Place, Initiative).
    """

    article: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    cls: str
    text: str
    extractor: str = "rules"
    confidence: float = 1.0
    code: str | None = None  # GB/T 2260 code for administrative regions found in the gazetteer
    sentence: int = 0  # index of the sentence in the article
    subtype: str | None = None  # for Initiative: the kg:Initiative subclass the text says it is (kg.extract.initiatives)


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact between two mentions (or a mention and a literal), with the evidence span.

    ``predicate`` is an ontology property local name (holdsPost, locatedIn, partOf, runs, ...).
    ``subject``/``object`` are mention keys ``(article, start, end)``; ``role`` carries the post for holdsPost.
    """

    article: str
    predicate: str
    subject: tuple[str, int, int]
    object: tuple[str, int, int]
    start: int  # evidence span in Article.text
    end: int
    raw_start: int
    raw_end: int
    role: str | None = None
    extractor: str = "rules"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Measure:
    """A date, amount, count or percentage in an article, normalised, with the mention it is about.

    ``kind`` is ``amount`` (``value`` in ``unit`` "CNY"), ``count`` (``unit`` the measure word: 户, 人, 个 ...),
    ``percent`` (``value`` a ratio, 101.1% -> 1.011) or ``date`` (``value`` ISO 8601: ``2025-07-03``,
    ``2025-05``, ``2025``, ``--07-03`` when the year is unknown, or an interval ``2022/2025``).
    ``subject`` is the key ``(article, start, end)`` of the mention the sentence says it is about, or None.
    """

    article: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    kind: str
    value: float | str
    unit: str | None
    text: str
    subject: tuple[str, int, int] | None = None
    qualifier: str | None = None  # "about", "more than", "less than" (约, 余/超, 近/不到 ...)
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing after linking: a stable key, a class, a label and every surface form."""

    key: str  # ASCII, deterministic; becomes the IRI's local part
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    code: str | None = None  # GB/T 2260 code for administrative regions
    level: str | None = None  # province / prefecture / county / township / village
    parent: str | None = None  # key of the parent region
    lat: float | None = None
    lon: float | None = None
    merges: tuple[Merge, ...] = field(default=())  # why surface forms were merged, with a score


@dataclass(frozen=True, slots=True)
class Merge:
    """One linking decision: surface form ``form`` was joined to the entity for ``reason`` with ``score`` (0..1)."""

    form: str
    reason: str  # "region code", "agency short form", "legal suffix", "article context", "unique prefixed name" ...
    score: float
    article: str | None = None  # the article the form was seen in (None: decided from names alone)


@dataclass(frozen=True, slots=True)
class Reference:
    """An inferred link from a generic word (该区, 全市, 我省, 当地, 该公司 ...) to the entity it refers to.

    Never a surface form of the entity: it carries its own lower ``confidence`` and the ``reason``.
    """

    article: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    entity: str  # the entity key
    reason: str
    confidence: float = 0.6


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement between two linked entities (keys), with where it was found.

    Produced by the linker from text relations (``Relation``) and from knowledge it derives itself (a region prefix
    of a name, the gazetteer hierarchy). ``article`` is None for facts that hold independently of any article.
    """

    subject: str
    predicate: str
    object: str
    article: str | None = None
    raw_start: int | None = None
    raw_end: int | None = None
    role: str | None = None
    extractor: str = "rules"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Linked:
    """What the linker hands to the graph stage.

    ``mention_of`` maps a mention key ``(article, start, end)`` to the key of its entity; ``bylines`` maps an
    article id to its credited ``(entity key, role)`` pairs; ``keys`` maps an entity key to its linking keys (the
    one it ended under, then those joined into it), which a store keeps so that later builds find the entity.
    """

    entities: tuple[Entity, ...]
    mention_of: dict[tuple[str, int, int], str]
    facts: tuple[Fact, ...]
    bylines: dict[str, tuple[tuple[str, str], ...]]
    references: tuple[Reference, ...] = ()
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
