"""A child process running one of kg's modules (``python -m kg.…``) with the same kg as this process (an editable
checkout, an installed package or ``PYTHONPATH``): for work that runs beside the build on another processor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["python_module"]


def python_module(module: str, *args: str, **popen) -> subprocess.Popen:
    """Start ``python -m module args`` (``popen``: :class:`subprocess.Popen`'s keyword arguments)."""
    import kg

    env = dict(popen.pop("env", None) or os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(kg.__file__).parents[1]), env.get("PYTHONPATH")]))
    return subprocess.Popen([sys.executable, "-m", module, *args], env=env, **popen)
