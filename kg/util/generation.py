"""Output files as one generation: written together into a hidden folder beside them, switched in at once.

A build writes every file into ``OUT/.kg-gen-<pid>-<token>/`` and then points the symbolic link
``OUT/.kg-current`` at that folder with one atomic rename; ``OUT/graph.ttl`` and the other outputs are links to
``.kg-current/<name>``. A reader, or a build killed at any moment, therefore sees either all the old files or all
the new ones, never a mix. Folders of builds that died are removed by the next build; the folder of the previous
generation is removed after the switch.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

__all__ = ["stage", "scratch", "commit", "discard", "exchange", "sibling", "clean_siblings", "CURRENT"]

CURRENT = ".kg-current"
_PREFIX = ".kg-gen-"


def stage(out_dir: str | os.PathLike) -> Path:
    """A new, empty generation folder inside ``out_dir`` (created if needed); leftovers of dead builds go."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clean(out)
    gen = out / f"{_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
    gen.mkdir()
    return gen


def scratch(out_dir: str | os.PathLike, suffix: str) -> Path:
    """A path for a temporary file inside ``out_dir``, removed by the next build if this one dies."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out / f"{_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}{suffix}"


def discard(gen: Path) -> None:
    """Remove a generation folder that will not be switched in."""
    shutil.rmtree(gen, ignore_errors=True)


def commit(gen: Path, names: list[str]) -> list[Path]:
    """Switch the files ``names`` of generation folder ``gen`` in together; return the paths users open."""
    out = gen.parent
    for name in names:
        _fsync(gen / name)
    _fsync(gen)
    _adopt_old_files(out, names)
    _point(out / CURRENT, gen.name)  # the switch: one rename
    for name in names:  # new names only: existing links already resolve through .kg-current
        link = out / name
        target = f"{CURRENT}/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            _point(link, target)
    _clean(out)
    return [out / name for name in names]


def _adopt_old_files(out: Path, names: list[str]) -> None:
    """Make the current outputs links into a generation folder holding exactly what they hold now (regular
    files written by an older kg or by `kg view`/`kg remove` are hard-linked into it), so the switch that
    follows changes every file at once. Nothing a reader sees changes here."""
    current = out / CURRENT
    plain = [n for n in names if (out / n).exists() and not (out / n).is_symlink()]
    if not plain and (current.exists() or not any((out / n).is_symlink() for n in names)):
        return
    old = out / f"{_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
    old.mkdir()
    for name in names:
        src = out / name
        if not src.exists():
            continue
        real = src.resolve() if src.is_symlink() else src
        try:
            os.link(real, old / name)
        except OSError:
            shutil.copy2(real, old / name)
    _fsync(old)
    _point(current, old.name)
    for name in names:
        if (old / name).exists():
            _point(out / name, f"{CURRENT}/{name}")


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` atomically (a new link renamed over the old path)."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}.lnk")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _clean(out: Path) -> None:
    """Remove generation folders that are neither current nor being written by a live process, and stray
    temporary links."""
    current = os.readlink(out / CURRENT) if (out / CURRENT).is_symlink() else None
    for entry in out.iterdir():
        name = entry.name
        if name.startswith(_PREFIX) and name != current and not entry.is_symlink():
            pid = name[len(_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            elif not (pid.isdigit() and int(pid) == os.getpid()):  # this build's own scratch files stay
                entry.unlink(missing_ok=True)
        elif name.startswith(".") and name.endswith(".lnk") and entry.is_symlink():
            entry.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sibling(path: str | os.PathLike, kind: str) -> Path:
    """A hidden path beside ``path`` for a new version of it (``kind``: "new" or "old")."""
    p = Path(path)
    return p.parent / f".{p.name}.kg-{kind}-{os.getpid()}-{uuid.uuid4().hex[:12]}"


def clean_siblings(path: str | os.PathLike) -> None:
    """Remove the hidden versions :func:`sibling` made for ``path`` by processes that are gone."""
    p = Path(path)
    if not p.parent.is_dir():
        return
    head = f".{p.name}.kg-"
    for entry in p.parent.iterdir():
        if entry.name.startswith(head) and entry.is_dir():
            parts = entry.name[len(head):].split("-")
            pid = parts[1] if len(parts) >= 3 else ""
            if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
                continue
            shutil.rmtree(entry, ignore_errors=True)


def exchange(a: str | os.PathLike, b: str | os.PathLike) -> None:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE). Where the system has no such call, two
    renames: a crash between them leaves ``b`` under the name ``a`` only (the next call of the same operation
    finds ``a`` missing and a complete version beside it)."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        fn = None
    if fn is not None:
        at_fdcwd, rename_exchange = -100, 2
        if fn(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange) == 0:
            return
        err = ctypes.get_errno()
        if err not in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot; fall back
            raise OSError(err, os.strerror(err), str(a))
    tmp = Path(str(a) + f".kg-swap-{os.getpid()}")
    os.rename(a, tmp)
    os.rename(b, a)
    os.rename(tmp, b)
