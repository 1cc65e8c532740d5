import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SMALL = str(Path(__file__).parent / "analysis" / "small.ttl")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", ["stats", "central", "communities", "path", "timeline"])
def test_help(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "GRAPH" in result.output


def test_stats_table_and_json(runner):
    result = runner.invoke(main, ["stats", SMALL])
    assert result.exit_code == 0, result.output
    assert "GovernmentBody" in result.output and "most-mentioned entities" in result.output
    data = json.loads(runner.invoke(main, ["stats", SMALL, "--json", "--top", "1"]).output)
    assert data["articles"] == 3 and len(data["most_mentioned"]) == 1


def test_stats_of_an_output_folder(runner, tmp_path):
    shutil.copy(SMALL, tmp_path / "graph.ttl")
    result = runner.invoke(main, ["stats", str(tmp_path), "--json"])
    assert json.loads(result.output)["entities"] == 8


def test_stats_plot_writes_pngs(runner, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "pics"
    result = runner.invoke(main, ["stats", SMALL, "--plot", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["classes.png", "mentions.png", "regions.png"]
    assert f"wrote {out / 'regions.png'}" in result.output


def test_stats_plot_goes_next_to_the_graph_not_the_working_folder(runner, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    folder, elsewhere = tmp_path / "out", tmp_path / "cwd"
    folder.mkdir()
    elsewhere.mkdir()
    shutil.copy(SMALL, folder / "graph.ttl")
    monkeypatch.chdir(elsewhere)
    assert runner.invoke(main, ["stats", str(folder), "--plot"]).exit_code == 0
    assert runner.invoke(main, ["stats", str(folder / "graph.ttl"), "--plot"]).exit_code == 0
    assert (folder / "classes.png").is_file() and list(elsewhere.iterdir()) == []


def test_stats_of_a_store_folder_match_the_graph_file(runner, tmp_path):
    from kg.store import oxigraph as store
    from kg.store.query import load

    store.write(load(SMALL), tmp_path / "db")
    on_store = json.loads(runner.invoke(main, ["stats", str(tmp_path / "db"), "--json"]).output)
    on_file = json.loads(runner.invoke(main, ["stats", SMALL, "--json"]).output)
    # the store recounts kg:mentionCount from the mentions it holds (small.ttl's counts are hand-written)
    same = ("articles", "mentions", "entities", "entities_per_class", "relations", "relations_per_type",
            "articles_per_date", "mentions_per_date")
    assert {k: on_store[k] for k in same} == {k: on_file[k] for k in same} and on_file["entities"] == 8


def test_stats_plot_with_json_keeps_stdout_json(runner, tmp_path):
    pytest.importorskip("matplotlib")
    try:
        separate = CliRunner(mix_stderr=False)  # click 8.1
    except TypeError:
        separate = CliRunner()  # click >= 8.2 keeps stderr apart
    result = separate.invoke(main, ["stats", SMALL, "--json", "--plot", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"] == 3


def test_missing_graph_is_one_line(runner, tmp_path):
    result = runner.invoke(main, ["stats", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2 and "no such graph file" in result.output
    assert "Traceback" not in result.output


def test_central(runner):
    result = runner.invoke(main, ["central", SMALL, "--top", "3"])
    assert result.exit_code == 0
    assert result.output.splitlines()[2].startswith("甲市") and "(3 rows)" in result.output
    rows = json.loads(runner.invoke(main, ["central", SMALL, "--class", "Organization", "--json"]).output)
    assert {r["class"] for r in rows} == {"Enterprise", "GovernmentBody"}
    bad = runner.invoke(main, ["central", SMALL, "--class", "Unicorn"])
    assert bad.exit_code == 2 and "unknown class" in bad.output


def test_communities(runner):
    result = runner.invoke(main, ["communities", SMALL])
    assert result.exit_code == 0 and "广场开放" in result.output
    data = json.loads(runner.invoke(main, ["communities", SMALL, "--json", "--min-size", "3"]).output)
    assert all(c["size"] >= 3 for c in data)


def test_path(runner):
    result = runner.invoke(main, ["path", SMALL, "丁行动", "丙科技"])
    assert result.exit_code == 0
    assert "1. 丁行动 -> 甲市: co-mentioned in 甲市召开会议" in result.output
    assert "「丙科技位于甲市。」" in result.output
    hops = json.loads(runner.invoke(main, ["path", SMALL, "乙局", "王明", "--json"]).output)
    assert hops[0]["relation"] == "^holdsPost"


def test_path_errors(runner):
    none = runner.invoke(main, ["path", SMALL, "王明", "赵六"])
    assert none.exit_code == 1 and "no connection" in none.output
    unknown = runner.invoke(main, ["path", SMALL, "王明", "丙科"])
    assert unknown.exit_code == 2 and "did you mean: 丙科技有限公司" in unknown.output


def test_timeline(runner):
    result = runner.invoke(main, ["timeline", SMALL, "王明"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "王明 (Person)"
    assert "王明 holdsPost 甲市乙局 (局长)" in result.output and "2025-01-05" in lines[-2]
    data = json.loads(runner.invoke(main, ["timeline", SMALL, "乙局", "--json"]).output)
    assert data["label"] == "甲市乙局"
    missing = runner.invoke(main, ["timeline", SMALL, "无名"])
    assert missing.exit_code == 2 and "no entity named" in missing.output


def test_commands_on_the_sample(runner, sample_result, tmp_path):
    (tmp_path / "graph.ttl").write_text(sample_result.graph.serialize(format="turtle"), encoding="utf-8")
    for args in (["stats"], ["central", "--class", "Person"], ["communities"]):
        result = runner.invoke(main, [args[0], str(tmp_path), *args[1:]])
        assert result.exit_code == 0, result.output
        assert result.output.strip()


def test_results_do_not_depend_on_the_hash_seed(sample_result, tmp_path):
    import os
    import subprocess
    import sys

    graph = tmp_path / "graph.ttl"
    graph.write_text(sample_result.graph.serialize(format="turtle"), encoding="utf-8")
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = [subprocess.run([sys.executable, "-m", "kg.cli", cmd, str(graph), "--json"], env=env, check=True,
                              capture_output=True, text=True).stdout for cmd in ("communities", "central")]
        outputs.add(tuple(out))
    assert len(outputs) == 1


def test_build_summary_counts_what_stats_counts(runner, tmp_path):
    """kg build's summary and kg stats on its store report the same articles, mentions, entities and relations
    (a relation two articles state is one relation in the graph)."""
    built = runner.invoke(main, ["build", "-o", str(tmp_path / "out"), "--store", str(tmp_path / "db")])
    assert built.exit_code == 0, built.output
    summary = dict(line.split(None, 1) for line in built.output.splitlines() if line[:1].isalpha() and " " in line)
    stats = json.loads(runner.invoke(main, ["stats", str(tmp_path / "db"), "--json"]).output)
    for key in ("articles", "mentions", "entities", "relations"):
        assert int(summary[key].split()[0]) == stats[key], key
    per_type = dict(part.rsplit(" ", 1) for part in summary["relations"].split("(", 1)[1].rstrip(")").split(", "))
    assert {p: int(n) for p, n in per_type.items()} == stats["relations_per_type"]
