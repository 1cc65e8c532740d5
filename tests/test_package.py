"""Package hygiene: every public module declares __all__ and exports what it declares; `import kg` stays light."""

import importlib
import pkgutil
import subprocess
import sys

import kg

MODULES = sorted(m.name.removeprefix("kg.") for m in pkgutil.walk_packages(kg.__path__, "kg.")
                 if not m.name.startswith(("kg.cli", "kg.rdf.vocab")))


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


def test_python_dash_m_kg_is_the_kg_command():
    out = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"kg, version {kg.__version__}"


def test_version_is_written_once():
    from pathlib import Path

    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'attr = "kg.__version__"' in pyproject
    assert f'version = "{kg.__version__}"' not in pyproject


def test_verbose_and_quiet_set_the_log_level():
    import logging

    from click.testing import CliRunner

    from kg.cli import main
    from kg.util.logs import level_for

    assert [level_for(v, False) for v in (0, 1, 2, 3)] == [logging.WARNING, logging.INFO, logging.DEBUG, logging.DEBUG]
    assert level_for(2, True) == logging.ERROR
    logger = logging.getLogger("kg")
    before = logger.level
    try:
        for args, level in ((["-v"], logging.INFO), (["-q"], logging.ERROR), ([], logging.WARNING)):
            assert CliRunner().invoke(main, [*args, "view", "--help"]).exit_code == 0
            assert logger.level == level
    finally:
        logger.setLevel(before)


def test_model_load_is_logged(caplog):
    import logging

    from kg.extract.ner import network as ner

    if not ner.available():
        import pytest

        pytest.skip("NER model file absent")
    ner._load.cache_clear()
    with caplog.at_level(logging.INFO, logger="kg"):
        ner.load()
    assert any("NER model loaded from" in r.getMessage() for r in caplog.records)


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
