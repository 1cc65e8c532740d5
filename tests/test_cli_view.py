"""kg view: the explorer page of a graph file or output folder."""


from click.testing import CliRunner

from kg.cli import main
from test_explorer import data_of, make_graph


def write_ttl(tmp_path):
    path = tmp_path / "graph.ttl"
    make_graph().serialize(path, format="turtle")
    return path


def names(page_path):
    return sorted(n["name"] for n in data_of(page_path.read_text(encoding="utf-8"))["nodes"])


def test_help():
    result = CliRunner().invoke(main, ["view", "--help"])
    assert result.exit_code == 0 and "--focus" in result.output and "--hops" in result.output


def test_view_file_and_folder(tmp_path):
    ttl = write_ttl(tmp_path)
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["view", str(ttl), "-o", str(out), "--title", "测试"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert names(out) == ["新计划", "王小明", "示范县", "示范科技有限公司"]
    assert "<title>测试</title>" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["view", str(tmp_path)])
    assert result.exit_code == 0 and (tmp_path / "graph.html").exists()


def test_focus_hops(tmp_path):
    ttl = write_ttl(tmp_path)
    result = CliRunner().invoke(main, ["view", str(ttl), "--focus", "王小明", "--hops", "1"])
    assert result.exit_code == 0, result.output
    assert names(tmp_path / "view.html") == ["王小明", "示范科技有限公司"]


def test_errors_are_one_line(tmp_path):
    ttl = write_ttl(tmp_path)
    result = CliRunner().invoke(main, ["view", str(ttl), "--focus", "没有这个"])
    assert result.exit_code == 2 and "no entity named '没有这个'" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["view", str(tmp_path / "missing.ttl")])
    assert result.exit_code == 2 and "no such graph file" in result.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["view", str(bad)])
    assert result.exit_code == 2 and "cannot parse" in result.output
    result = CliRunner().invoke(main, ["view", str(ttl), "--hops", "-1"])
    assert result.exit_code == 2


def test_view_of_a_store_folder(tmp_path):
    from kg.store import oxigraph

    oxigraph.write(make_graph(), tmp_path / "db")
    result = CliRunner().invoke(main, ["view", str(tmp_path / "db")])
    assert result.exit_code == 0, result.output
    page = tmp_path / "db" / "graph.html"  # where `kg serve db` finds it
    assert names(page) == ["新计划", "王小明", "示范县", "示范科技有限公司"]
    cache = tmp_path / ".db.kg-egraph.pickle"
    assert cache.is_file()
    stamp = cache.stat().st_mtime_ns
    result = CliRunner().invoke(main, ["view", str(tmp_path / "db"), "-o", str(tmp_path / "again.html")])
    assert result.exit_code == 0 and cache.stat().st_mtime_ns == stamp  # the entity graph read from the cache
    assert names(tmp_path / "again.html") == names(page)
