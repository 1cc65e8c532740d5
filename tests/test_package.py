"""Package hygiene: every public module declares __all__ and exports what it declares; `import kg` stays light."""

import importlib
import pkgutil
import subprocess
import sys

import kg

MODULES = sorted(m.name for m in pkgutil.iter_modules(kg.__path__) if not m.name.startswith(("cli", "vocab")))


def test_every_module_declares_an_existing_all():
    for name in MODULES:
        module = importlib.import_module(f"kg.{name}")
        assert hasattr(module, "__all__"), name
        missing = [n for n in module.__all__ if not hasattr(module, n)]
        assert missing == [], (name, missing)


def test_import_kg_does_not_load_heavy_libraries():
    code = ("import sys, kg, kg.cli; heavy = {'rdflib', 'jieba', 'pyvis', 'pyoxigraph', 'numpy', 'networkx', "
            "'pandas', 'matplotlib'}; print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_saved_queries_are_package_data_and_work_outside_the_repository(sample_result, tmp_path, monkeypatch):
    import tomllib
    from pathlib import Path

    from click.testing import CliRunner

    from kg.cli import main

    root = Path(__file__).resolve().parents[1]
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "queries/*.rq" in data["tool"]["setuptools"]["package-data"]["kg"]
    assert sorted(p.name for p in (root / "kg" / "queries").glob("*.rq")) == \
        sorted(p.name for p in (root / "queries").glob("*.rq"))
    sample_result.graph.serialize(tmp_path / "graph.ttl", format="turtle")
    monkeypatch.chdir(tmp_path)  # no queries/ folder here
    result = CliRunner().invoke(main, ["query", "graph.ttl", "people-posts", "--format", "csv"])
    assert result.exit_code == 0 and result.output.count("\n") > 3, result.output
