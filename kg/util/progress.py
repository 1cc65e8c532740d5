"""A progress bar for long builds (tqdm): documents done, articles found, documents/s and the time left.

Drawn on stderr when it is a terminal, never otherwise (a pipe, a log file, a test) and never when the user asked
for quiet output. :func:`kg.pipeline.run` takes :func:`bar` as its ``progress`` argument.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["bar", "silent"]


def bar(total: int, desc: str = "extract", quiet: bool = False, stream: Any = None) -> Any:
    """A tqdm bar over ``total`` documents (``update(n)``, ``set_postfix``, ``close``); tqdm leaves it off when
    ``stream`` (default stderr) is not a terminal, and ``quiet`` leaves it off always."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="doc", file=stream or sys.stderr, leave=False,
                disable=True if quiet else None, smoothing=0.1)


def silent(total: int) -> Any:
    """A bar that draws nothing (for library calls)."""
    return bar(total, quiet=True)
