"""Shared helpers without a stage: atomic file output, loading the data files, logging set-up, external sorting, mentions by span."""

__all__: list[str] = []
