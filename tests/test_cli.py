import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_help_for_every_command():
    runner = CliRunner()
    assert runner.invoke(main, ["--help"]).exit_code == 0
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, name


def test_build_without_arguments_uses_the_sample_page(built):
    out, output = built
    assert "articles   8" in output
    assert (out / "graph.ttl").stat().st_size > 10_000
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<html" in html.lower() and "https://cdn" not in html


@pytest.mark.parametrize("rq", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_queries_return_rows(built, rq):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out), "-f", str(rq), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"], rq.name


def test_at_least_five_documented_queries():
    assert len(QUERIES) >= 5
    for rq in QUERIES:
        assert rq.read_text(encoding="utf-8").startswith("#"), rq.name


def test_query_syntax_error_is_one_line_without_traceback(built):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out), "SELECT ?x WHERE { ?x ?y"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "line 1" in result.output


def test_query_csv_of_people_posts(built):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out), "-f", str(ROOT / "queries" / "people-posts.rq"),
                                       "--format", "csv"])
    lines = result.output.splitlines()
    assert lines[0] == "person,role,organisation,headline"
    assert any(",董事长," in line for line in lines)


def test_bad_input_warns_and_goes_on(tmp_path):
    good = tmp_path / "web.txt"
    good.write_text("岳阳市召开产业大会\n岳阳市人民政府3日召开大会，部署产业发展工作。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"title": "标题", "body": "岳阳市发布通知。"}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "bad.jsonl:2" in result.output
    assert "articles   2" in result.output


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_graph_is_the_same_whatever_the_hash_seed_and_file_order(tmp_path):
    from kg.util.resources import sample_page

    page = Path(sample_page()).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text("岳阳市召开产业大会\n岳阳市人民政府3日召开大会。\n", encoding="utf-8")
    outputs = []
    for seed, order in (("1", ["a.txt", "b.txt"]), ("2", ["b.txt", "a.txt"])):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        code = ("import sys; from kg.cli import main; sys.argv=['kg','build','-q','-o',sys.argv[1]]+sys.argv[2:]; "
                "main()")
        subprocess.run([sys.executable, "-c", code, str(out)] + [str(tmp_path / f) for f in order], check=True,
                       env=env, cwd=tmp_path)
        from rdflib import Graph

        nt = Graph().parse(out / "graph.ttl").serialize(format="nt")
        outputs.append(sorted(nt.splitlines()))
    assert outputs[0] == outputs[1]
