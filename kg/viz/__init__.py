"""The interactive explorer page (graph.html) and notebook display helpers."""

__all__: list[str] = []
