"""Stage 7, store: the persistent Oxigraph store, SPARQL queries, exports, push and the endpoint."""

__all__: list[str] = []
