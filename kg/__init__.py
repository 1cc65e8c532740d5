"""kg: an offline knowledge-graph builder for Chinese news.

    >>> import kg
    >>> result = kg.build(["page.txt"])          # doctest: +SKIP
    >>> result.graph.serialize(format="turtle")  # doctest: +SKIP

The stages live in their own modules (ingest, normalise, segment, extract, relations, link, graph); heavy
libraries are imported only when a stage runs, so ``import kg`` is fast.
"""

from __future__ import annotations

import logging

__version__ = "0.3.0"  # the one place: pyproject.toml reads it (dynamic version)

logging.getLogger(__name__).addHandler(logging.NullHandler())
__all__ = ["__version__", "build"]


def build(paths, base: str | None = None):
    """Run the whole pipeline on ``paths`` (files or folders) and return a :class:`kg.pipeline.Result`."""
    from kg.rdf.build import DEFAULT_BASE
    from .pipeline import run

    return run(paths, base=base or DEFAULT_BASE)
