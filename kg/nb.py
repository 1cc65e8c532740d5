"""Small display helpers for notebooks: results as pandas tables, PNG bytes as images, the explorer inline."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from rdflib import Graph

__all__ = ["frame", "image", "explorer"]


def frame(result) -> "pd.DataFrame":
    """A pandas DataFrame of a :class:`kg.query.Rows` result or of a list of dicts (e.g. from kg.analysis)."""
    import pandas as pd

    from .query import Rows

    if isinstance(result, Rows):
        return pd.DataFrame(result.rows, columns=result.columns)
    return pd.DataFrame(list(result))


def image(png: bytes | None):
    """An IPython image of PNG bytes (e.g. from kg.plots); a note when there is nothing to show."""
    from IPython.display import Image, Markdown

    return Image(data=png, format="png") if png else Markdown("*(nothing to draw)*")


def explorer(graph: "Graph", height: int = 600, **options):
    """The HTML explorer of ``graph`` (see :mod:`kg.explorer`) in an iframe, self-contained (no server needed)."""
    from IPython.display import HTML

    from .explorer import render

    page = render(graph, **options)
    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
                f'border:1px solid #ccc"></iframe></div>')
