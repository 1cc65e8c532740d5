"""Small display helpers for notebooks: results as pandas tables, PNG bytes as images, the explorer inline."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from rdflib import Graph

__all__ = ["frame", "image", "explorer", "corpus_slice"]


def frame(result) -> "pd.DataFrame":
    """A pandas DataFrame of a :class:`kg.store.query.Rows` result or of a list of dicts (e.g. from kg.analysis.questions)."""
    import pandas as pd

    from kg.store.query import Rows

    if isinstance(result, Rows):
        return pd.DataFrame(result.rows, columns=result.columns)
    return pd.DataFrame(list(result))


def image(png: bytes | None):
    """An IPython image of PNG bytes (e.g. from kg.analysis.plots); a note when there is nothing to show."""
    from IPython.display import Image, Markdown

    return Image(data=png, format="png") if png else Markdown("*(nothing to draw)*")


def explorer(graph: "Graph", height: int = 600, **options):
    """The HTML explorer of ``graph`` (see :mod:`kg.viz.explorer`) in an iframe, self-contained (no server needed)."""
    from IPython.display import HTML

    from .explorer import render

    page = render(graph, **options)
    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
                f'border:1px solid #ccc"></iframe></div>')


CORPUS = ("shared", "corpus", "xwlb.jsonl.gz")


def corpus_slice(out: str, n: int = 2000, corpus: str | None = None) -> str | None:
    """Write the first ``n`` stories of the news corpus (JSONL, gzip) to ``out`` and return its path; None when
    the corpus is absent. The corpus is ``corpus``, else ``$KG_CORPUS``, else ``shared/corpus/xwlb.jsonl.gz`` in
    a folder above this package. ``$KG_NB_STORIES`` caps ``n`` (the tests run the notebook on a small slice)."""
    import gzip
    import itertools
    import os
    from pathlib import Path

    from kg.util.io import write_text

    here = Path(__file__).resolve()
    candidates = [corpus, os.environ.get("KG_CORPUS")] + [str(p.joinpath(*CORPUS)) for p in here.parents]
    found = next((Path(c) for c in candidates if c and Path(c).is_file()), None)
    if found is None:
        return None
    n = min(n, int(os.environ.get("KG_NB_STORIES") or n))
    with gzip.open(found, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    return str(write_text(out, "".join(lines)))
