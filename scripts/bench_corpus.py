"""Build the first N stories of the real corpus (or all) as `kg build` does and report the speed, stage by stage.

Run: python scripts/bench_corpus.py [--limit N] [--jobs J] [--store] [--no-peers] [--keep DIR]

Reads ../shared/corpus/xwlb.jsonl.gz (or $KG_CORPUS, or --corpus); exits 0 with a note when it is absent. The stories are
written to a temporary JSONL file (never into the repository) and built with kg.pipeline exactly as
`kg build FILE -o OUT [--store DB] --jobs J --no-validate` does. Prints characters, articles, triples, seconds per
stage and in all (CPU of the main process, its threads included, and of the child processes), characters/s (of wall time and of
CPU time), the peak memory of the main process and of the largest worker, and the machine
(cores, CPU, load average before and after: other jobs on a shared machine slow every number). With peers (the
default) it also measures, in CPU seconds on the first 2,000 texts, jieba's tokenizer as kg runs it, jieba's POS
tagger (jieba.posseg: kg does not call it) and the NER model alone (kg.extract.ner.learned's model, batched).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# ../shared beside the repository (or beside the folder of worktrees), or $KG_CORPUS
CORPUS = next((p for p in (Path(os.environ.get("KG_CORPUS", "")),
                           ROOT.parent / "shared" / "corpus" / "xwlb.jsonl.gz",
                           ROOT.parent.parent / "shared" / "corpus" / "xwlb.jsonl.gz") if p.is_file()),
              ROOT.parent / "shared" / "corpus" / "xwlb.jsonl.gz")


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


class _TreeMemory:
    """The resident memory of this process and all its descendants together, sampled every second in a thread
    (Linux /proc; elsewhere nothing): the workers, GNU sort and the store's loader run beside the main process."""

    def __init__(self) -> None:
        import threading

        self.peak, self.at, self.parts = 0.0, 0.0, ""  # the peak, when (seconds after the start), and its parts
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if Path("/proc/self/status").is_file():
            self._thread.start()

    @staticmethod
    def _tree() -> tuple[float, dict[str, float]]:
        """The resident MB of this process's tree, and per kind of process (the command's last word or module)."""
        parents: dict[int, int] = {}
        rss: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = dict(line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line)
                parents[int(entry.name)] = int(fields["PPid"])
                rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
            except (OSError, KeyError, ValueError):
                continue
        mine = {os.getpid()}
        grew = True
        while grew:
            grew = False
            for pid, parent in parents.items():
                if parent in mine and pid not in mine:
                    mine.add(pid)
                    grew = True
        kinds: dict[str, float] = {}
        for pid in mine:
            try:
                argv = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            words = [w.decode(errors="replace") for w in argv if w]
            kind = ("main" if pid == os.getpid() else "worker" if any("multiprocessing" in w for w in words)
                    else next((w for w in words if w.startswith("kg.")), None) or Path(words[0]).name if words else "?")
            kinds[kind] = kinds.get(kind, 0.0) + rss.get(pid, 0.0)
        return sum(rss.get(pid, 0.0) for pid in mine), kinds

    def _run(self) -> None:
        started = time.perf_counter()
        while not self._stop.wait(1.0):
            total, kinds = self._tree()
            if total > self.peak:
                self.peak, self.at = total, time.perf_counter() - started
                self.parts = ", ".join(f"{k} {v:,.0f}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))

    def stop(self) -> float:
        self._stop.set()
        return self.peak


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}"


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def _stories(corpus: Path, limit: int | None, folder: Path) -> Path:
    path = folder / f"corpus-{limit or 'all'}.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if limit is not None and n >= limit:
                break
            dst.write(line)
    return path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class _Timer:
    """pipeline.Timer's marks, also keeping at each mark the CPU seconds of this process (all its threads: the
    store's loader runs in threads of it) and of the child processes that ended during the stage (extraction
    workers, GNU sort), and the peak memory of this process."""

    def __init__(self) -> None:
        from kg import pipeline

        self.timer = pipeline.Timer()
        self.cpu: dict[str, float] = {}
        self.child_cpu: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self._last = time.process_time()
        self._last_children = _children_cpu()

    def __call__(self, name: str) -> None:
        self.timer(name)
        now, children = time.process_time(), _children_cpu()
        self.cpu[name] = self.cpu.get(name, 0.0) + now - self._last
        self.child_cpu[name] = self.child_cpu.get(name, 0.0) + children - self._last_children
        self._last, self._last_children = now, children
        self.peak[name] = _peak_mb(resource.RUSAGE_SELF)

    def __getattr__(self, name):
        return getattr(self.timer, name)


PEER_TEXTS = 2000  # the peers read the first texts only: their speed, not the corpus, is what they measure


def _peers(texts: list[str]) -> dict[str, float]:
    """chars per CPU-second of jieba's tokenizer as kg runs it (kg.extract.rules.tokenizer: HMM on, kg's words
    added), of jieba's POS tagger (jieba.posseg, which kg does not call) and of the NER model alone (batched)."""
    import jieba
    import jieba.posseg

    from kg.extract import rules
    from kg.extract.ner import learned

    texts = texts[:PEER_TEXTS]
    chars = sum(map(len, texts))
    out = {}
    tk = rules.tokenizer()[0]
    started = time.process_time()
    for t in texts:
        list(tk.tokenize(t))
    out["jieba tokenizer as kg runs it"] = chars / (time.process_time() - started)
    jieba.setLogLevel(60)
    jieba.posseg.lcut("预热")
    started = time.process_time()
    for t in texts:
        jieba.posseg.lcut(t)
    out["jieba POS tagging (not used by kg)"] = chars / (time.process_time() - started)
    model = learned._model()
    if model is not None:
        model.batch(texts[:2])
        started = time.process_time()
        for i in range(0, len(texts), 256):
            model.batch([t for t in texts[i:i + 256] if t])
        out["NER model alone"] = chars / (time.process_time() - started)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=1000, help="first N stories (0: all; default 1000)")
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--store", action="store_true", help="also write an Oxigraph store (kg build --store)")
    ap.add_argument("--no-peers", action="store_true", help="skip the jieba and NER-model peers")
    ap.add_argument("--keep", type=Path, default=None, help="write the outputs here instead of a temporary folder (with --store: the store in KEEP.store)")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found - nothing measured")
        return 0

    from kg import pipeline
    from kg.analyse import default_jobs

    jobs = args.jobs or default_jobs()
    print(f"date       {time.strftime('%Y-%m-%d')}\nmachine    {_machine()}\nload       {_load()} (before)")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        source = _stories(args.corpus, args.limit or None, folder)
        out = args.keep or folder / "out"
        timer, tree = _Timer(), _TreeMemory()
        db = (args.keep.with_name(args.keep.name + ".store") if args.keep else folder / "db") if args.store else None
        with pipeline.Outputs(out, db) as outputs:  # as kg build does (no SHACL check)
            result = pipeline.run([source], timer=timer, jobs=jobs, early=outputs)
            texts = [a.text for a in result.articles[:PEER_TEXTS]] if not args.no_peers else []
            articles = len(result.articles)
            outputs.finish(result, release=True)
        total, tree_peak = timer.total, tree.stop()
        print(f"stories    {args.limit or 'all'} ({articles} articles, {result.characters:,} chars)")
        print(f"jobs       {jobs}")
        print(f"triples    {result.stats.get('triples', 0):,}")
        for name, secs in timer.stages.items():
            print(f"  {name:<10}{secs:9.1f} s wall {timer.cpu.get(name, 0):9.1f} s CPU (main process)"
                  f" {timer.child_cpu.get(name, 0):7.1f} s CPU (children)  peak {timer.peak.get(name, 0):7,.0f} MB")
        if "store_seconds" in result.stats:
            print(f"  (the store's loader ran beside rdf..explorer: {result.stats['store_seconds']:.1f} s wall; a new "
                  "store's in a child process, its CPU in the children's column of the store stage)")
        print(f"total      {total:.1f} s  ({result.characters / total:,.0f} chars/s)")
        main_cpu, workers = (sum(getattr(resource.getrusage(w), f) for f in ("ru_utime", "ru_stime"))
                             for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        cpu = main_cpu + workers
        print(f"cpu        {cpu:.1f} s in all processes ({result.characters / cpu:,.0f} chars per CPU-second; "
              f"main {main_cpu:.1f} s, workers {workers:.1f} s; less sensitive than wall time to other jobs)")
        print(f"memory     {_peak_mb(resource.RUSAGE_SELF):,.0f} MB peak (main), "
              f"{_peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB (largest child), "
              f"{tree_peak:,.0f} MB all processes together (sampled each second; at {tree.at:.0f} s: {tree.parts} MB)")
        for name, rate in (_peers(texts) if texts else {}).items():
            print(f"peer       {name}: {rate:,.0f} chars per CPU-second (first {PEER_TEXTS:,} texts)")
    print(f"load       {_load()} (after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
