"""Stage 3, extract: mentions of entities in one article (rules, gazetteer, the learned NER model), kinds of initiative, dates and amounts."""

__all__: list[str] = []
