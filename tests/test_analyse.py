"""The per-document stages on a process pool (kg build --jobs N): the same output for any N and input order."""

import random
from pathlib import Path

from kg import analyse, pipeline
from kg.ingest import readers as ingest
from kg.util.resources import sample_page

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "articles"


def _inputs():
    return [Path(sample_page())] + sorted(GOLD.glob("*.txt")) + sorted(GOLD.glob("*.jsonl"))


def _nquads(paths, jobs, out):
    result = pipeline.run(paths, jobs=jobs)
    pipeline.write_outputs(result, out)
    return result, (out / "graph.nq").read_bytes()


def test_same_bytes_for_any_number_of_processes_and_input_order(tmp_path):
    paths = _inputs()
    assert len(ingest.read(paths)[0]) > 16  # several batches of 8 documents
    one, a = _nquads(paths, 1, tmp_path / "one")
    shuffled = paths[:]
    random.Random(7).shuffle(shuffled)
    two, b = _nquads(shuffled, 2, tmp_path / "two")
    assert a == b
    assert [x.id for x in one.articles] == [x.id for x in two.articles]
    assert one.linked == two.linked
    assert one.mentions == two.mentions and one.measures == two.measures


def test_batches_keep_document_order():
    docs, _ = ingest.read(_inputs()[:5])
    assert [d for b in analyse.batches(docs, 2) for d in b] == docs
    assert [len(b) for b in analyse.batches(docs, 2)] == [2, 2, 1]
    assert analyse.default_jobs() >= 1
