"""Run a function in a forked child process while this one goes on; its result comes back through a pipe.

For CPU-bound Python work that two cores can do at once (kg.outputs writes the graph files while the explorer
reads the store). The child sees this process's memory as it was at the fork (copy-on-write) and never returns
into the caller's code: it ends with ``os._exit``. Where ``os.fork`` is missing, the function runs at once, here.
"""

from __future__ import annotations

import os
import pickle
from typing import Callable, TypeVar

__all__ = ["start"]

T = TypeVar("T")


def start(job: Callable[[], T]) -> Callable[[], T]:
    """Start ``job()`` in a child process; return ``wait()``, which waits for it and returns its result or raises
    ``OSError`` with the child's error (call it exactly once, also on the error paths)."""
    if not hasattr(os, "fork"):  # pragma: no cover (not POSIX)
        value = job()
        return lambda: value
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the outcome, leave without running the parent's cleanup
        try:
            import gc

            gc.disable()  # a collection would touch (and so copy) every object inherited from the parent
            os.close(read)
            try:
                data = pickle.dumps((True, job()))
            except BaseException as exc:  # sent to the parent
                data = pickle.dumps((False, f"{type(exc).__name__}: {exc}"))
            with os.fdopen(write, "wb") as fh:
                fh.write(data)
        finally:
            os._exit(0)
    os.close(write)

    def wait() -> T:
        with os.fdopen(read, "rb") as fh:
            data = fh.read()
        _, status = os.waitpid(pid, 0)
        ok, value = pickle.loads(data) if data else (False, f"the child process ended with status {status}")
        if not ok:
            raise OSError(value)
        return value

    return wait
