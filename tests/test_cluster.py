"""kg build --dask: the per-document stages on a Dask LocalCluster of two worker processes give the local build."""

from pathlib import Path

import pytest

from kg import pipeline
from kg.util.resources import sample_page

GOLD = Path(__file__).resolve().parent / "gold" / "articles"


def test_local_cluster_gives_the_local_build(tmp_path):
    distributed = pytest.importorskip("distributed")
    paths = [Path(sample_page())] + sorted(GOLD.glob("*.txt")) + sorted(GOLD.glob("*.jsonl"))
    local = pipeline.run(paths, jobs=1)
    pipeline.write_outputs(local, tmp_path / "local")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        remote = pipeline.run(paths, dask=c.scheduler_address)
        assert len(c.workers) == 2
        fewer = pipeline.run(paths, dask=c.scheduler_address, disable=["measures", "nested"])  # reaches the workers
    assert any(local.measures.values()) and not any(fewer.measures.values())
    assert not any(m.extractor == "nested" for ms in fewer.mentions.values() for m in ms)
    assert fewer.relations == local.relations
    pipeline.write_outputs(remote, tmp_path / "dask")
    for name in ("graph.nq", "graph.ttl", "graph.trig"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name
    assert local.linked == remote.linked
