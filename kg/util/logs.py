"""Diagnostics go through :mod:`logging` under the ``kg`` logger; the ``kg`` command shows them on stderr.

User-facing output (summaries, tables) and the one-line ``warning:``/``error:`` messages stay plain output; log
records are for what a user asks to see with ``-v`` (which model was loaded, how long a stage took) and for
messages that ``-q`` silences.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["configure", "level_for"]

_HANDLER_NAME = "kg-cli"


def level_for(verbose: int, quiet: bool) -> int:
    """Logging level of the ``kg`` command: WARNING, ERROR with ``-q``, INFO with ``-v``, DEBUG with ``-vv``."""
    if quiet:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


def configure(verbose: int = 0, quiet: bool = False) -> None:
    """Send ``kg`` log records at the chosen level to stderr, as ``kg: message`` (once per process)."""
    logger = logging.getLogger("kg")
    logger.setLevel(level_for(verbose, quiet))
    if not any(h.get_name() == _HANDLER_NAME for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter("kg: %(message)s"))
        logger.addHandler(handler)
