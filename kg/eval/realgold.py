"""The real-news gold (tests/realgold/): stories of the corpus named by key, annotated without the code.

The gold files carry only each story's key (its URL) and the annotations; the texts are read from the corpus
(``$KG_CORPUS`` or ``../shared/corpus/xwlb.jsonl.gz``), written to a temporary JSONL file and built as `kg build`
builds any JSONL file. Absent corpus: :func:`find_corpus` returns None and the set is skipped.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from .benchmarks import BenchmarkError, GoldResult, find_shared, score_sources
from .gold import load_gold

__all__ = ["CORPUS_ENV", "SOURCE", "SPLITS", "READ_SPLITS", "find_corpus", "find_realgold", "stories", "evaluate_real"]

CORPUS_ENV = "KG_CORPUS"
SPLITS = ("dev", "dev2", "dev3", "test", "test2", "test3")  # disjoint draws; the test sets are only ever scored
READ_SPLITS = ("dev", "dev2", "dev3")  # the sets that may be read error by error
SOURCE = "realgold.jsonl"  # the name the temporary input file gets (the gold rows' source)


def find_corpus(explicit: str | os.PathLike | None = None) -> Path | None:
    """The corpus file: ``explicit``, ``$KG_CORPUS``, else ``../shared/corpus/xwlb.jsonl.gz`` seen from the
    repository root and from the current directory; None when absent."""
    return find_shared("corpus/xwlb.jsonl.gz", CORPUS_ENV, explicit, Path.is_file)


def find_realgold(explicit: str | os.PathLike | None = None) -> Path | None:
    """The real-news gold folder: ``explicit``, else ``tests/realgold`` of the repository or the current folder."""
    if explicit is not None:
        return Path(explicit)
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        if (base / "tests" / "realgold").is_dir():
            return base / "tests" / "realgold"
    return None


def stories(corpus: str | os.PathLike, keys: set[str]) -> dict[str, dict]:
    """The corpus stories whose URL is in ``keys`` (one pass over the file)."""
    out: dict[str, dict] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            if story.get("url") in keys:
                out[story["url"]] = story
    return out


def evaluate_real(gold_file: str | os.PathLike, corpus: str | os.PathLike, ner: str = "auto") -> GoldResult:
    """Score the pipeline on one real-news gold file (``dev.jsonl``, ``dev2.jsonl``, ``dev3.jsonl``, ``test.jsonl``, ``test2.jsonl``, ``test3.jsonl``)."""
    gold = load_gold(gold_file)
    found = stories(corpus, {g["key"] for g in gold})
    missing = [g for g in gold if g["key"] not in found]
    if missing:
        raise BenchmarkError(f"{gold_file}:{missing[0]['line']}: story {missing[0]['key']} is not in {corpus}")
    with tempfile.TemporaryDirectory(prefix="kg-realgold-") as tmp:
        src = Path(tmp) / SOURCE
        with open(src, "w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps(found[g["key"]], ensure_ascii=False) + "\n")
        for g in gold:
            g["source"] = SOURCE
        return score_sources(gold, [src], [Path(gold_file)], ner)
