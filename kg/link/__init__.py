"""Stage 5, link: mentions grouped into entities across articles, entity-level facts, the linking audit."""

__all__: list[str] = []
