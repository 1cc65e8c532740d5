"""Stage 1, ingest: input files (.txt, .jsonl, ...) read into Document values."""

__all__: list[str] = []
