"""Loading the rule data files under kg/data/ (word lists and TSV tables), once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["words", "table", "sample_page"]


def _lines(name: str) -> list[str]:
    text = files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The words of a one-word-per-line file, longest first (so matching prefers the longest)."""
    return tuple(sorted({ln.strip() for ln in _lines(name)}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in ln.split("\t")) for ln in _lines(name))


def sample_page() -> str:
    """Path of the bundled sample page (the default input of ``kg build``)."""
    return str(files("kg").joinpath("data", "samples", "000_c105894bd2e3e539.txt"))
