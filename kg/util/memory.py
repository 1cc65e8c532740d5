"""Memory the process no longer uses handed back to the system."""

from __future__ import annotations

import gc

__all__ = ["give_back"]


def give_back() -> None:
    """Collect garbage and ask the C library to return its free memory to the system (glibc's ``malloc_trim``;
    elsewhere only the collection). What a large build lets go of stays resident in the allocators' free lists;
    trimming returns the free pages, so that what runs next (Oxigraph's bulk loader) starts from less."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
