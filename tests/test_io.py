import os

import pytest

from kg.util.io import write_text


def test_write_text_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "graph.ttl"
    write_text(target, "第一版")
    write_text(target, "第二版")
    assert target.read_text(encoding="utf-8") == "第二版"
    assert os.listdir(target.parent) == ["graph.ttl"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    write_text(target, "old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_text(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_written_files_get_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_text(tmp_path / "graph.ttl", "x")
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644
