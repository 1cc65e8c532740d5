"""No import against the stage order: a stage may import earlier stages, kg.util and kg.model, never a later stage
(docs/structure.md). Every import counts, also one inside a function."""

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"
# the stages in the order the data flows; "wiring" is the top-level modules that run them (kg/pipeline.py,
# analyse.py, components.py, cluster.py, outputs.py), used by the evaluation and the command line
ORDER = ["ingest", "layout", "extract", "relations", "link", "rdf", "store", "analysis", "viz", "wiring", "eval",
         "cli"]
ANYWHERE = {"util", "model"}


def _stage(parts: tuple[str, ...]) -> str | None:
    """The stage of the module ``kg.<parts>`` (None: the package itself, e.g. ``kg.__version__``)."""
    if not parts or parts[0] in ("__init__", "__main__", "__version__", "build"):
        return None
    head = parts[0].removesuffix(".py")
    if head in ORDER or head in ANYWHERE:
        return head
    if (KG / f"{head}.py").is_file():
        return "wiring"
    return None


def _imports(path: Path):
    rel = path.relative_to(KG).parts
    package = ["kg", *rel[:-1]]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names = [module] if node.module else [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "kg":
                yield node.lineno, name, tuple(parts[1:])


def _violations() -> list[str]:
    out = []
    for path in sorted(KG.rglob("*.py")):
        rel = path.relative_to(KG).parts
        own = _stage(rel if len(rel) > 1 else (rel[0].removesuffix(".py"),))
        if own is None:
            continue
        for line, name, parts in _imports(path):
            other = _stage(parts)
            if other is None or other == own or other in ANYWHERE:
                continue
            if own in ANYWHERE or ORDER.index(other) > ORDER.index(own):
                out.append(f"kg/{'/'.join(rel)}:{line}: {own} imports {name} ({other})")
    return out


def test_no_stage_imports_a_later_stage():
    assert _violations() == []


def test_the_check_sees_a_violation(tmp_path, monkeypatch):
    """The walk resolves relative imports and imports inside functions (so the test above can fail)."""
    fake = tmp_path / "kg"
    (fake / "extract").mkdir(parents=True)
    (fake / "link").mkdir()
    (fake / "extract" / "x.py").write_text("def f():\n    from ..link import entities\n    from kg.rdf import quads\n")
    (fake / "link" / "y.py").write_text("from kg.extract import x\nfrom . import z\n")
    monkeypatch.setattr(__import__(__name__), "KG", fake)
    got = _violations()
    assert got == ["kg/extract/x.py:2: extract imports kg.link (link)",
                   "kg/extract/x.py:3: extract imports kg.rdf (rdf)"]
