"""Load test of ``kg serve`` on loopback: many clients with light queries while slow queries hold workers.

Builds the sample page's graph into a temporary folder, starts ``kg serve`` on 127.0.0.1 (a free port, never
another address) as a subprocess, then for ``--seconds`` runs ``--clients`` client threads that each send light
queries one after the other (keep-alive off, as the server speaks HTTP/1.0), plus ``--slow`` clients that each
send a cross join that runs past the time-out, again and again. Prints light-query latency percentiles, the
request rate, every non-200 answer of a light query (errors), how the slow queries ended, and the server's
resident memory (its own process plus its workers) at the start and at the end.

    python scripts/bench_serve.py [--clients 200] [--seconds 20] [--slow 4] [--timeout 5]
"""

from __future__ import annotations

import argparse
import collections
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only
LIGHT = ["ASK { ?x a kg:Person }",
         "SELECT ?l WHERE { ?x a kg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 20",
         "SELECT (COUNT(*) AS ?n) WHERE { ?m kg:mentionOf ?e }"]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def request(port: int, query: str, timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    except (OSError, http.client.HTTPException):
        return -1, time.perf_counter() - started
    finally:
        conn.close()


def rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its children (the query workers), KiB."""
    total = 0
    for p in [pid] + [int(c) for c in _children(pid)]:
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total


def _children(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return fh.read().split()
    except OSError:
        return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--slow", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=5.0, help="the server's --timeout")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as work:
        out = Path(work) / "out"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(out), "-q", "--no-validate"], env=env,
                       check=True, cwd=work)
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out), "--host", HOST, "--port",
                                   str(port), "--timeout", str(args.timeout)], env=env, cwd=work,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                if request(port, LIGHT[0], 1)[0] == 200:
                    break
                time.sleep(0.1)
            rss_start = rss_kib(server.pid)
            stop = time.monotonic() + args.seconds
            light: list[tuple[int, float]] = []
            slow: list[tuple[int, float]] = []
            lock = threading.Lock()

            def client(n: int) -> None:
                while time.monotonic() < stop:
                    got = request(port, LIGHT[n % len(LIGHT)], 30)
                    with lock:
                        light.append(got)

            def slow_client() -> None:
                while time.monotonic() < stop:
                    got = request(port, SLOW, args.timeout + 30)
                    with lock:
                        slow.append(got)

            threads = [threading.Thread(target=slow_client) for _ in range(args.slow)]
            threads += [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
            started = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
            rss_end = rss_kib(server.pid)
        finally:
            server.terminate()
            server.wait(10)
    ok = sorted(t for s, t in light if s == 200)
    errors = collections.Counter(s for s, _ in light if s != 200)
    q = statistics.quantiles(ok, n=100) if len(ok) >= 100 else [float("nan")] * 99
    print(f"clients {args.clients} + {args.slow} slow, {elapsed:.1f} s, server --timeout {args.timeout:g} s, "
          f"{os.cpu_count()} cores")
    print(f"light queries  {len(light)} ({len(light) / elapsed:.0f}/s); p50 {q[49] * 1000:.0f} ms, "
          f"p90 {q[89] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms, max {max(ok, default=0) * 1000:.0f} ms; "
          f"errors {sum(errors.values())} {dict(errors) if errors else ''}")
    print(f"slow queries   {len(slow)}: " + ", ".join(f"{s}: {n}" for s, n in sorted(collections.Counter(
        s for s, _ in slow).items())) + f"; median answer after {statistics.median([t for _, t in slow] or [0]):.1f} s")
    print(f"server memory  {rss_start / 1024:.0f} MB at the start, {rss_end / 1024:.0f} MB at the end "
          "(server and workers, resident; shared pages counted once per process)")


if __name__ == "__main__":
    main()
