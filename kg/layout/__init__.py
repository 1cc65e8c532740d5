"""Stage 2, layout: a page's text normalised (with an offset map to the raw text) and cut into articles."""

__all__: list[str] = []
