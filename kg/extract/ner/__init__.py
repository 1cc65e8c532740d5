"""The learned NER model: the network run in numpy (network) and its spans reconciled with the rules (learned). The weights are package data (ner_model/)."""

__all__: list[str] = []
