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
