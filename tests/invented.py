"""Articles and mentions built from invented text, for the tests of the stages after extraction."""

from kg.model import Article, Mention


def article(text: str, aid: str = "a", authors: tuple = ()) -> Article:
    """An article whose normalised text is its raw text (offsets one to one)."""
    return Article(id=aid, source=f"{aid}.txt", headline=text[:5], text=text, offsets=tuple(range(len(text) + 1)),
                   body_start=0, authors=authors)


def mention(a: Article, surface: str, cls: str, code: str | None = None, nth: int = 0) -> Mention:
    """The ``nth`` occurrence (0-based) of ``surface`` in ``a`` as a mention of class ``cls``."""
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(surface, start + 1)
    return Mention(a.id, start, start + len(surface), start, start + len(surface), cls, surface, code=code)


def found(text: str, ner: str = "auto") -> set[tuple[str, str]]:
    """(surface, class) of every mention the extractor finds in ``text`` (one article, no headline)."""
    from kg.extract import mentions as extract

    return {(m.text, m.cls) for m in extract.mentions(article(text, aid="t-0"), ner=ner)}
