"""Worker processes that run SPARQL queries for ``kg serve``, so a query can really be stopped.

Oxigraph cannot cancel a running query, and a thread cannot be killed; a process can. The pool forks ``size``
workers when the server starts (each gets the store: a copy-on-write view of an in-memory store, or its own
read-only handle on a store folder). A request takes an idle worker, hands it the query over a pipe and waits;
a worker still busy at the deadline is killed (SIGKILL) and a fresh one forked in its place, and a worker that
crashes (a parser stack overflow, out of memory) is replaced the same way: the server itself never dies.

Fairness: a query still running after ``nice_after`` seconds has its worker's priority lowered (nice 19), so slow
queries take the processor only when quick ones leave it idle; and at most ``size - reserve`` slow queries run
to the full time-out at once: a query found slow while that many are running is stopped after ``light`` seconds,
so the ``reserve`` workers keep answering quick queries. Requests waiting for a worker are bounded (``queue``);
beyond that, or after waiting ``timeout`` seconds, the answer is 503.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from multiprocessing.connection import Pipe

__all__ = ["Pool", "Busy", "Stopped", "Crashed"]


class Busy(Exception):
    """No worker became free in time, or too many requests are waiting."""


class Stopped(Exception):
    """The query ran past its deadline and its worker was killed."""


class Crashed(Exception):
    """The worker died while running the query (it was replaced)."""


class _Worker:
    __slots__ = ("pid", "conn")

    def __init__(self, pid: int, conn):
        self.pid, self.conn = pid, conn


class Pool:
    """``size`` forked workers; ``opener()`` runs in each worker and returns what ``handler(state, job)`` gets."""

    def __init__(self, opener, handler, size: int = 8, reserve: int = 4, light: float = 1.0, queue: int = 512,
                 nice_after: float = 0.25):
        self.opener, self.handler = opener, handler
        self.size, self.reserve, self.light, self.queue = size, min(reserve, size - 1), light, queue
        self.nice_after = nice_after
        self.cond = threading.Condition()
        self.idle: list[_Worker] = []
        self.everyone: dict[int, _Worker] = {}
        self.waiting = self.slow = 0  # requests waiting for a worker; queries running past nice_after
        self.generation = 0  # bumped by refresh(): workers of an older generation are replaced
        self.born: dict[int, int] = {}
        self.closed = False
        for _ in range(size):
            self.idle.append(self._spawn())

    # ------------------------------------------------------------ running a job

    def run(self, job, timeout: float):
        """Result of ``handler(state, job)`` in a worker; raises Busy, Stopped or Crashed."""
        deadline = time.monotonic() + timeout
        with self.cond:
            if self.waiting >= self.queue:
                raise Busy(f"{self.waiting} requests are already waiting")
            self.waiting += 1
            try:
                while not self.idle:
                    left = deadline - time.monotonic()
                    if left <= 0 or self.closed:
                        raise Busy(f"no worker became free within {timeout:g} s")
                    self.cond.wait(left)
            finally:
                self.waiting -= 1
            worker = self.idle.pop()
        return self._ask(worker, job, max(deadline - time.monotonic(), 0.05))

    def _ask(self, worker: _Worker, job, budget: float):
        slow = admitted = False
        try:
            worker.conn.send(job)
            ready = worker.conn.poll(min(budget, self.nice_after))
            if not ready and budget > self.nice_after:  # a slow query
                with self.cond:
                    slow, admitted = True, self.slow < self.size - self.reserve
                    self.slow += 1
                _lower_priority(worker.pid)  # it yields the processor to quick queries
                left = budget if admitted else min(self.light, budget)
                ready = worker.conn.poll(max(left - self.nice_after, 0))
            result = worker.conn.recv() if ready else None
        except (EOFError, OSError):
            self._replace(worker)
            raise Crashed("the worker running the query died") from None
        finally:
            if slow:
                with self.cond:
                    self.slow -= 1
        if not ready:
            self._replace(worker)
            raise Stopped(budget if admitted or not slow else min(self.light, budget), admitted or not slow)
        self._give_back(worker)
        return result

    def _give_back(self, worker: _Worker) -> None:
        with self.cond:
            if self.closed:
                self._kill(worker)
                return
            if self.born.get(worker.pid) != self.generation:
                self._kill(worker)
                worker = self._spawn()
            self.idle.append(worker)
            self.cond.notify()

    def _replace(self, worker: _Worker) -> None:
        with self.cond:
            self._kill(worker)
            if not self.closed:
                self.idle.append(self._spawn())
                self.cond.notify()

    # ------------------------------------------------------------ life cycle

    def refresh(self) -> None:
        """Replace every worker (idle ones now, busy ones when they finish), e.g. after the store changed."""
        with self.cond:
            self.generation += 1
            old, self.idle = self.idle, []
            for w in old:
                self._kill(w)
                self.idle.append(self._spawn())
            self.cond.notify_all()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            for w in list(self.everyone.values()):
                self._kill(w)
            self.idle = []
            self.cond.notify_all()

    def _spawn(self) -> _Worker:
        parent_end, child_end = Pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                _worker_main(child_end, self.opener, self.handler)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        child_end.close()
        worker = _Worker(pid, parent_end)
        self.everyone[pid] = worker
        self.born[pid] = self.generation
        return worker

    def _kill(self, worker: _Worker) -> None:
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(worker.pid, 0)
        except ChildProcessError:
            pass
        worker.conn.close()
        self.everyone.pop(worker.pid, None)
        self.born.pop(worker.pid, None)


def _worker_main(conn, opener, handler) -> None:
    """In the forked worker: drop every inherited descriptor but the pipe (sockets of the server and its
    clients, other workers' pipes), then answer jobs until the pipe closes. Only the server holds the other end
    of the pipe, so when the server ends, however it ends, the worker reads end-of-file and exits. (Not
    PR_SET_PDEATHSIG: it fires when the forking thread ends, and request threads end all the time.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, _max_fd())
    state = opener()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(handler(state, job))


def _lower_priority(pid: int) -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 19)
    except (OSError, AttributeError):
        pass


def _max_fd() -> int:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        return soft if 0 < soft < 1 << 20 else 65536
    except (ImportError, ValueError, OSError):
        return 65536
