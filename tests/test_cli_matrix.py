"""Every command with bad arguments: a one-line error (or a warning), never a traceback."""

import pytest
from click.testing import CliRunner

from kg.cli import main

NESTED = "SELECT * WHERE { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }"


@pytest.fixture(scope="module")
def places(sample_result, tmp_path_factory):
    from kg.store import oxigraph as store

    root = tmp_path_factory.mktemp("matrix")
    good = root / "good"
    good.mkdir()
    sample_result.graph.serialize(good / "graph.ttl", format="turtle")
    (root / "page.txt").write_text("这不是 RDF。\n", encoding="utf-8")
    (root / "empty").mkdir()
    store.write(sample_result.graph, root / "db")
    return {"M": str(root / "missing"), "T": str(root / "page.txt"), "D": str(root / "empty"),
            "S": str(root / "db"), "G": str(good), "F": str(root / "page.txt"), "R": str(root)}


CASES = [
    ["build", "{M}", "-o", "{R}/out-m"],
    ["build", "{T}", "-o", "{F}"],  # -o names a file
    ["build", "{T}", "-o", "{F}/sub"],  # -o inside a file
    ["build", "{T}", "--base", "not an iri"],
    ["build", "{T}", "-o", "{R}/out-s", "--store", "{F}"],
    ["build", "--bogus"],
    ["query", "{M}", "ASK {}"], ["query", "{T}", "ASK {}"], ["query", "{D}", "ASK {}"],
    ["query", "{G}", "SELECT ?x WHERE {"], ["query", "{G}", "no-such-saved-query"], ["query", "{G}", "-p", "=x", "ASK {}"],
    ["query", "{S}", NESTED], ["query", "{G}", NESTED], ["query", "{G}"],
    ["view", "{M}"], ["view", "{T}"], ["view", "{S}", "-o", "{F}/x.html"], ["view", "{G}", "--focus", "无此实体"],
    ["view", "{G}", "-o", "{F}/sub/x.html"],
    ["validate", "{M}"], ["validate", "{T}"], ["validate", "{D}"],
    ["remove", "x", "--graph", "{M}"], ["remove", "x", "--graph", "{D}"], ["remove", "x", "--graph", "{S}"],
    ["remove", "x", "--graph", "{T}"],
    ["export", "{M}", "--format", "turtle"], ["export", "{T}", "--format", "turtle"],
    ["export", "{G}", "--format", "turtle", "-o", "{F}/sub/x.ttl"], ["export", "{G}", "--format", "bogus"],
    ["push", "{G}", "--endpoint", "ftp://x"], ["push", "{G}", "--endpoint", "http://[::1/x"],
    ["push", "{M}", "--endpoint", "http://127.0.0.1:1/store"], ["push", "{G}", "--endpoint", "http://127.0.0.1:1/store"],
    ["serve", "{M}"], ["serve", "{T}"], ["serve", "{D}"], ["serve", "{G}", "--port", "99999"],
    ["serve", "{G}", "--host", "256.1.1.1", "--port", "0"], ["serve", "{S}", "--memory", "--allow-update"],
    ["eval", "--gold", "{M}", "--no-benchmarks"], ["eval", "--set", "no-such-set", "--no-gold"],
]
for name in ("stats", "central", "communities", "audit"):
    CASES += [[name, "{M}"], [name, "{T}"], [name, "{D}"], [name, "{S}"]]
CASES += [["stats", "{G}", "--plot", "-o", "{F}"], ["path", "{S}", "甲", "乙"], ["path", "{G}", "甲", "乙"],
          ["timeline", "{S}", "甲"], ["timeline", "{M}", "甲"], ["central", "{G}", "--class", "NoSuchClass"]]


def test_every_command_is_covered():
    assert {c[0] for c in CASES} == set(main.commands)


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c)[:60] for c in CASES])
def test_no_traceback(places, args):
    argv = []
    for a in args:
        for key, value in places.items():
            a = a.replace("{" + key + "}", value)
        argv.append(a)
    result = CliRunner().invoke(main, argv)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code != 0:
        errors = [ln for ln in result.output.splitlines() if ln.lower().startswith(("error", "usage", "try "))]
        assert errors, result.output


def test_a_read_only_output_folder_is_refused_before_the_pipeline_runs(tmp_path, monkeypatch):
    from kg.cli import checks as cli_checks
    from kg import pipeline

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    def never(*args, **kwargs):
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(cli_checks.tempfile, "mkstemp", refuse)  # as on a read-only mount (root ignores chmod)
    monkeypatch.setattr(pipeline, "run", never)
    (tmp_path / "ro").mkdir()
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "ro")])
    assert result.exit_code == 2 and result.output.strip() == f"error: -o: {tmp_path / 'ro'} is not writable " \
                                                              "(Permission denied)"


def test_jieba_keeps_its_cache_in_the_users_cache_folder(tmp_path, monkeypatch):
    import subprocess
    import sys
    from pathlib import Path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    root = Path(__file__).resolve().parents[1]
    code = "from kg.extract.rules import tokenizer; tokenizer()"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(root)}, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing in the shared temporary folder
    assert any((tmp_path / "cache" / "kg").glob("jieba*.cache"))
