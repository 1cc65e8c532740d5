"""Stage 6, rdf: the ontology's names (vocab), the RDF graph, named graphs and SHACL validation."""

__all__: list[str] = []
