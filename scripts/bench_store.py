"""Benchmark: the saved queries on an Oxigraph store vs rdflib's in-memory graph, at about a million triples.

The sample page's graph, split into one named graph per article as ``kg build --store`` writes it, is replicated
under new IRIs (``<base>r<n>/...``) until it has ``--triples`` quads, written as N-Quads, bulk-loaded into an
on-disk Oxigraph store (load time, disk size), copied into memory as ``kg serve DIR --memory`` does, and parsed
by rdflib (as N-Triples: the same triples in one graph); then every queries/*.rq without parameters runs
``--repeat`` times on each, over the union of the graphs as ``kg query`` does. Prints a Markdown table (medians).

    python scripts/bench_store.py [--triples 1000000] [--repeat 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def _child(graph, text: str, repeat: int, queue) -> None:
    from kg.store.query import run

    t, out = timed(lambda: run(graph, text), repeat)
    queue.put((t, len(out.rows)))


def rdflib_time(graph, text: str, repeat: int, limit: float) -> tuple[float | None, int | None]:
    """Median time of ``text`` on rdflib, run in a forked child that is stopped after ``limit`` seconds
    (None then): some queries take rdflib many minutes at this size."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(graph, text, repeat, queue))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, None
    return queue.get(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=float, default=300.0, help="Stop an rdflib query after this many seconds.")
    ap.add_argument("--work", type=Path, default=None, help="Folder for the data (default: a temporary one).")
    args = ap.parse_args()

    import pyoxigraph as ox
    from rdflib import Graph

    import kg
    from kg.store import oxigraph as kg_store
    from kg.rdf.build import DEFAULT_BASE
    from kg.store.query import run
    from kg.util.resources import sample_page

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    kg_store.write(kg.build([sample_page()]).graph, work / "one")
    one = kg_store.open_store(work / "one", read_only=True)
    lines = [line for line in one.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines() if line.strip()]
    del one
    copies = max(1, round(args.triples / len(lines)))
    nq, nt = work / "big.nq", work / "big.nt"
    with nq.open("w", encoding="utf-8") as f, nt.open("w", encoding="utf-8") as g:
        for n in range(copies):
            quads = [line.replace(f"<{DEFAULT_BASE}", f"<{DEFAULT_BASE}r{n}/") for line in lines]
            f.write("\n".join(quads) + "\n")
            g.write("\n".join(q.rsplit(" ", 2)[0] + " ." for q in quads) + "\n")  # drop the graph name
    total = copies * len(lines)
    print(f"{copies} copies of the sample graph ({len(lines):,} quads): {total:,} quads, "
          f"{nq.stat().st_size / 1e6:.0f} MB of N-Quads", file=sys.stderr)

    db = work / "store"
    shutil.rmtree(db, ignore_errors=True)
    t = time.perf_counter()
    store = ox.Store(str(db))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    ox_load = time.perf_counter() - t
    del store  # queried read-only below, as `kg query DIR` opens it
    store = kg_store.open_store(db, read_only=True)
    disk = sum(p.stat().st_size for p in db.rglob("*") if p.is_file())
    print(f"oxigraph: loaded {len(store):,} quads in {ox_load:.1f} s, {disk / 1e6:.0f} MB on disk", file=sys.stderr)

    t = time.perf_counter()
    memory = kg_store.copy_to_memory(db)
    mem_load = time.perf_counter() - t
    print(f"oxigraph in memory: copied from the store in {mem_load:.1f} s", file=sys.stderr)

    t = time.perf_counter()
    graph = Graph()
    graph.parse(nt, format="nt")
    rdf_load = time.perf_counter() - t
    print(f"rdflib: parsed {len(graph):,} triples in {rdf_load:.1f} s", file=sys.stderr)

    run(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # warm the store's caches once
    rows = []
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        text = rq.read_text(encoding="utf-8")
        t_ox, a = timed(lambda: run(store, text), args.repeat)
        t_mem, _ = timed(lambda: run(memory, text), args.repeat)
        t_rdf, n_rdf = rdflib_time(graph, text, args.repeat, args.limit)
        rows.append((rq.stem, len(a.rows), t_rdf, t_ox, t_mem, n_rdf))
        print(f"{rq.stem}: rdflib {t_rdf} s, oxigraph {t_ox:.4f} s, rows {len(a.rows)}/{n_rdf}", file=sys.stderr)

    print(f"\n{total:,} quads ({copies} copies of the sample graph, one named graph per article); Oxigraph store: "
          f"bulk load {ox_load:.1f} s, {disk / 1e6:.0f} MB on disk; copied into memory (`kg serve DIR --memory`) in "
          f"{mem_load:.1f} s; rdflib in-memory parse {rdf_load:.1f} s. Medians of {args.repeat} runs, each including the conversion of the rows to Python.\n")
    print("| query | rows | rdflib (s) | Oxigraph store on disk (s) | speed-up | Oxigraph store in memory (s) | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, t_rdf, t_ox, t_mem, n_rdf in rows:
        if t_rdf is None:
            print(f"| `{name}` | {n:,} | > {args.limit:.0f} (stopped) | {t_ox:.3f} | > {args.limit / t_ox:,.0f}x "
                  f"| {t_mem:.3f} | > {args.limit / t_mem:,.0f}x |")
            continue
        differs = "" if n_rdf == n else f" (rdflib {n_rdf:,})"
        print(f"| `{name}` | {n:,}{differs} | {t_rdf:.2f} | {t_ox:.3f} | {t_rdf / max(t_ox, 1e-9):,.0f}x "
              f"| {t_mem:.3f} | {t_rdf / max(t_mem, 1e-9):,.0f}x |")
    if args.work is None:
        del store
        shutil.rmtree(work, ignore_errors=True)
    os.sys.stdout.flush()


if __name__ == "__main__":
    main()
