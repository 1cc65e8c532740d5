"""Gold annotations and scores: project gold, real-news gold and the public NER benchmarks."""

__all__: list[str] = []
