"""Questions about a built graph (networkx): statistics, central entities, communities, paths, plots."""

__all__: list[str] = []
