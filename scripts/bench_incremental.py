"""Benchmark and check of incremental store builds (kg build NEW --store DIR into a store holding earlier builds).

Two measurements:

- ``--add FILE --store DIR [DIR ...]``: the time of ``kg build FILE --store COPY -v --no-validate`` into a copy of
  each store (a RocksDB checkpoint: the stores themselves are not changed), with the seconds of every stage and the
  size of the store, so the time can be read against the store's size; an empty store is measured too.
- ``--compare N M [M ...]``: the stories 30,000.. of the real corpus cut into slices of N, M ... stories, built at
  once into one store and slice by slice into another; prints entities, nodes sharing a label and class, and the
  share of mentions that fall into the same entities in both (IRIs may differ: the first build names a node).

    python scripts/bench_incremental.py --add new1000.jsonl --store db20000
    python scripts/bench_incremental.py --compare 300 100
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KG = "https://w3id.org/kgnews/ontology#"


def _kg(*args: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "kg.cli", *args], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, out.stdout


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def add(file: Path, stores: list[Path], jobs: int) -> None:
    from kg.store import oxigraph as st

    print("| store | quads | articles | wall s | stages (s) |\n|---|---|---|---|---|")
    for store in [None, *stores]:
        with tempfile.TemporaryDirectory(prefix="kg-incr-") as tmp:
            db, quads, articles = Path(tmp) / "db", 0, 0
            if store is not None:
                s = st.open_store(store)  # (a checkpoint needs a store opened for writing)
                quads = len(s)
                articles = int(next(iter(s.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{KG}Article> }} }}")))[0].value)
                s.backup(str(db))
                del s
            secs, out = _kg("build", str(file), "-o", str(Path(tmp) / "out"), "--store", str(db), "-v",
                            "--no-validate", "-j", str(jobs))
            stages = ", ".join(f"{m[0]} {float(m[1]):.1f}" for m in re.findall(r"^  (\w+)\s+([\d.]+) s$", out, re.M))
            name = "empty" if store is None else store.name
            print(f"| {name} | {quads:,} | {articles:,} | {secs:.1f} | {stages} |", flush=True)


def _entities(db: Path) -> list[tuple]:
    from kg.store import oxigraph as st

    s = st.open_store(db, read_only=True)
    q = (f"SELECT ?e ?l ?t WHERE {{ GRAPH ?g {{ ?e <{KG}mentionCount> ?n ; a ?t ; "
         f"<http://www.w3.org/2000/01/rdf-schema#label> ?l }} FILTER (STRSTARTS(STR(?t), \"{KG}\")) }}")
    return [(r[0].value, r[1].value, r[2].value) for r in s.query(q)]


def _mentions(db: Path) -> dict[str, str]:
    from kg.store import oxigraph as st

    s = st.open_store(db, read_only=True)
    return {r[0].value: r[1].value for r in s.query(f"SELECT ?m ?e WHERE {{ GRAPH ?g {{ ?m <{KG}mentionOf> ?e }} }}")}


def compare(sizes: list[int], jobs: int) -> None:
    from kg.eval.realgold import find_corpus

    corpus = find_corpus()
    if corpus is None:
        print("no corpus in ../shared (or $KG_CORPUS): nothing measured")
        return
    tmp = Path(tempfile.mkdtemp(prefix="kg-incr-"))
    try:
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            lines = list(itertools.islice(fh, 30000, 30000 + sum(sizes)))
        paths, at = [], 0
        for n, size in enumerate(sizes):
            paths.append(tmp / f"slice{n}.jsonl")
            paths[-1].write_text("".join(lines[at:at + size]), encoding="utf-8")
            at += size
        once, _ = _kg("build", *map(str, paths), "-o", str(tmp / "o"), "--store", str(tmp / "once"), "-q",
                      "--no-validate", "-j", str(jobs))
        times = [_kg("build", str(p), "-o", str(tmp / "o"), "--store", str(tmp / "added"), "-q", "--no-validate",
                     "-j", str(jobs))[0] for p in paths]
        e1, e2 = _entities(tmp / "once"), _entities(tmp / "added")
        same = lambda es: sum(n for n in Counter((e[1], e[2]) for e in es).values() if n > 1)  # noqa: E731
        m1, m2 = _mentions(tmp / "once"), _mentions(tmp / "added")
        ys, xs = defaultdict(set), defaultdict(set)
        for m in m1:
            ys[m1[m]].add(m2.get(m))
            xs[m2.get(m)].add(m1[m])
        agree = sum(1 for m in m1 if ys[m1[m]] == {m2.get(m)} and xs[m2.get(m)] == {m1[m]})
        print(f"slices {sizes}: at once {once:.0f} s, slice by slice {' + '.join(f'{t:.0f}' for t in times)} s")
        print("| store | entity nodes | nodes sharing a label and class | mentions |\n|---|---|---|---|")
        print(f"| built at once | {len({e[0] for e in e1}):,} | {same(e1):,} | {len(m1):,} |")
        print(f"| slice by slice | {len({e[0] for e in e2}):,} | {same(e2):,} | {len(m2):,} |")
        print(f"mentions in the same entity in both: {agree:,} of {len(m1):,} ({agree / max(len(m1), 1):.2%})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--add", type=Path, help="a file of new stories to add")
    ap.add_argument("--store", type=Path, nargs="*", default=[], help="stores to add it to (copies are changed)")
    ap.add_argument("--compare", type=int, nargs="+", metavar="N", help="slice sizes of the consistency check")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.add:
        add(args.add, args.store, args.jobs)
    if args.compare:
        compare(args.compare, args.jobs)
    if not args.add and not args.compare:
        ap.error("give --add FILE --store DIR ... and/or --compare N M ...")


if __name__ == "__main__":
    main()
