"""Stage 4, relations: relations stated in one article's text, between its mentions."""

__all__: list[str] = []
