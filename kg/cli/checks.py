"""Checks the commands run on their arguments before any work, so a bad path is one sentence, not a traceback
after minutes of work: output folders and files that cannot be written, and graphs given as store folders."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

__all__ = ["folder_problem", "file_problem", "require_folder", "require_file", "load_rdflib"]


def folder_problem(path: str | os.PathLike) -> str | None:
    """Why files cannot be written into the folder ``path`` (created if missing), or None."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        return f"{p} is a file, not a folder"
    probe = p
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        return f"{p} cannot be created: {probe} is a file, not a folder"
    try:  # a real write: permissions, read-only mounts, full disks and ACLs all show here
        fd, name = tempfile.mkstemp(prefix=".kg-write-test-", dir=probe)
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        return f"{p} is not writable ({exc.strerror or exc})"
    return None


def file_problem(path: str | os.PathLike) -> str | None:
    """Why the file ``path`` cannot be written, or None."""
    p = Path(path)
    if p.is_dir():
        return f"{p} is a folder, not a file"
    return folder_problem(p.parent) if str(p.parent) else None


def require_folder(path: str | os.PathLike, option: str = "-o") -> None:
    problem = folder_problem(path)
    if problem:
        click.echo(f"error: {option}: {problem}", err=True)
        sys.exit(2)


def require_file(path: str | os.PathLike, option: str = "-o") -> None:
    problem = file_problem(path)
    if problem:
        click.echo(f"error: {option}: {problem}", err=True)
        sys.exit(2)


def load_rdflib(path: str | os.PathLike):
    """GRAPH as an rdflib graph: a graph file, an output folder, or a store folder (its graphs merged);
    errors are one line (exit status 2)."""
    from kg.store.query import QueryError, load
    from kg.store.oxigraph import is_store, to_graph

    try:
        g = load(path)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    return to_graph(g) if is_store(path) else g
