"""Move kg's flat modules into stage subpackages, once, and rewrite every import and path that names them.

    python scripts/restructure.py            # in the repository root, on a clean tree; then run the tests
    python scripts/restructure.py --dry-run  # print the plan only

What it does (deterministic: the same tree gives the same result):

1. creates the stage packages of :data:`PACKAGES` (each with an ``__init__.py`` saying what the stage does);
2. moves every module named in :data:`MOVES` (``git mv`` when this folder is a git work tree, else a rename);
   a module that the table does not know stays where it is, with a printed warning (its imports are still
   rewritten, and imports of it keep working);
3. moves each data file of ``kg/data/`` beside the stage that reads it (the earliest stage in pipeline order
   when several do; a file no module names stays, with a warning) and resource folders of :data:`RESOURCES`;
   ``kg/util/resources.py`` gets the table of which package holds which file;
4. rewrites, in kg/, tests/, scripts/, notebooks/, docs and pyproject.toml: relative and absolute imports
   (``from .x import``, ``from . import x``, ``from kg import x``, ``import kg.x``), dotted names in strings
   and docs (``"kg.x.attr"``, ``:mod:`kg.x```), file paths (``kg/x.py``, ``kg/data/NAME``),
   ``Path(__file__)`` arithmetic in moved modules, and setuptools' package-data;
5. keeps ``kg.cli:main`` as the console entry point (``kg/cli/__init__.py``).

It refuses to run twice (``kg/cli/__init__.py`` exists). When the folder is a copy of a git work tree (its
``.git`` points at another work tree's metadata), files are renamed without git, so the original is untouched.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = ROOT / "kg"

#: old module (kg.<name>) -> new dotted path under kg. Modules of other branches are listed too; a name whose file
#: does not exist is skipped.
MOVES: dict[str, str] = {
    # ingest: input files -> Documents
    "ingest": "ingest.readers",
    "decode": "ingest.decode",
    "identity": "ingest.identity",
    "html": "ingest.html",
    "pdf": "ingest.pdf",
    # layout: a page's text -> articles
    "normalise": "layout.normalise",
    "segment": "layout.segment",
    "page_shape": "layout.page_shape",
    # extract: mentions of entities, measures and kinds inside one article
    "extract": "extract.mentions",
    "bodies": "extract.bodies",
    "finish": "extract.finish",
    "orgclass": "extract.orgclass",
    "named_events": "extract.named_events",
    "event_forms": "extract.event_forms",
    "event_stems": "extract.event_stems",
    "finders": "extract.finders",
    "rules": "extract.rules",
    "stems": "extract.stems",
    "gazetteer": "extract.gazetteer",
    "people": "extract.people",
    "programmes": "extract.programmes",
    "initiatives": "extract.initiatives",
    "measures": "extract.measures",
    "coref": "extract.coref",
    "nested": "extract.nested",
    "ner": "extract.ner.network",
    "learned": "extract.ner.learned",
    # relations: relations stated in one article's text
    "relations": "relations.text",
    "events": "relations.events",
    # link: entities across articles, entity-level facts
    "link": "link.entities",
    "facts": "link.facts",
    "audit": "link.audit",
    "known": "link.known",
    "persons": "link.persons",
    "shortforms": "link.shortforms",
    "storeview": "analysis.storeview",
    # rdf: the ontology's names, IRIs, the graph and its named graphs, validation
    "vocab": "rdf.vocab",
    "graph": "rdf.build",
    "named": "rdf.named",
    "validate": "rdf.validate",
    "ntriples": "rdf.ntriples",
    "quads": "rdf.quads",
    "rdfwrite": "rdf.write",
    # store: persistent store, queries, exports, endpoint
    "store": "store.oxigraph",
    "query": "store.query",
    "export": "store.export",
    "push": "store.push",
    "serve": "store.serve",
    "serve_pool": "store.serve_pool",
    "serve_results": "store.serve_results",
    "sparqlcheck": "store.sparqlcheck",
    # analysis: questions about a built graph
    "analysis": "analysis.questions",
    "netx": "analysis.netx",
    "plots": "analysis.plots",
    "egraph": "analysis.egraph",
    # viz: the explorer page and notebook display
    "explorer": "viz.explorer",
    "explorer_data": "viz.explorer_data",
    "nb": "viz.nb",
    # eval: gold files and scores
    "evaluate": "eval.score",
    "gold": "eval.gold",
    "benchmarks": "eval.benchmarks",
    "realgold": "eval.realgold",
    # cli: the kg command (kg.cli:main stays the entry point)
    "cli": "cli",
    "cli_analysis": "cli.analysis",
    "cli_audit": "cli.audit",
    "cli_eval": "cli.eval",
    "cli_graph": "cli.graph",
    "cli_store": "cli.store",
    "cli_view": "cli.view",
    "cli_checks": "cli.checks",
    # util: shared helpers without a stage
    "io": "util.io",
    "resources": "util.resources",
    "logs": "util.logs",
    "generation": "util.generation",
    "extsort": "util.extsort",
    "spans": "util.spans",
}
#: modules that stay at the top of the package on purpose: the API, the document model, the wiring
KEEP = {"__init__", "__main__", "model", "pipeline", "analyse", "cluster", "outputs"}

#: stage packages in pipeline order (a data file read by several stages goes to the earliest), with their docstring
PACKAGES: dict[str, str] = {
    "util": "Shared helpers without a stage: atomic file output, loading the data files, logging set-up, "
    "external sorting, mentions by span.",
    "ingest": "Stage 1, ingest: input files (.txt, .jsonl, ...) read into Document values.",
    "layout": "Stage 2, layout: a page's text normalised (with an offset map to the raw text) and cut into articles.",
    "extract": "Stage 3, extract: mentions of entities in one article (rules, gazetteer, the learned NER model), "
    "kinds of initiative, dates and amounts.",
    "extract.ner": "The learned NER model: the network run in numpy (network) and its spans reconciled with the "
    "rules (learned). The weights are package data (ner_model/).",
    "relations": "Stage 4, relations: relations stated in one article's text, between its mentions.",
    "link": "Stage 5, link: mentions grouped into entities across articles, entity-level facts, the linking audit.",
    "rdf": "Stage 6, rdf: the ontology's names (vocab), the RDF graph, named graphs and SHACL validation.",
    "store": "Stage 7, store: the persistent Oxigraph store, SPARQL queries, exports, push and the endpoint.",
    "analysis": "Questions about a built graph (networkx): statistics, central entities, communities, paths, plots.",
    "viz": "The interactive explorer page (graph.html) and notebook display helpers.",
    "eval": "Gold annotations and scores: project gold, real-news gold and the public NER benchmarks.",
    "cli": None,  # kg/cli.py becomes kg/cli/__init__.py
}
STAGE_ORDER = [p for p in PACKAGES if "." not in p]

#: resource folders under kg/ that move with the module that reads them (kg/ontology and kg/data/samples stay)
RESOURCES = {"explorer_assets": "viz/explorer_assets", "ner_model": "extract/ner/ner_model"}
TEXT_DIRS = ("kg", "tests", "scripts", "notebooks", "docs")
TEXT_FILES = ("README.md", "pyproject.toml")
SKIP = ("docs/structure.md", "scripts/restructure.py")  # written for the new tree already; this script

warnings: list[str] = []


def warn(msg: str) -> None:
    warnings.append(msg)
    print(f"warning: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- the plan


def old_modules() -> dict[str, Path]:
    """Every module of kg as it is now: dotted name (without ``kg.``) -> file."""
    out = {}
    for path in sorted(KG.rglob("*.py")):
        rel = path.relative_to(KG).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
            if not parts:
                continue
        out[".".join(parts)] = path
    return out


def module_file(dotted: str) -> Path:
    """File of a module in the new tree (a package's own code is its __init__.py)."""
    if dotted in PACKAGES or dotted == "cli":
        return KG / Path(*dotted.split(".")) / "__init__.py"
    return KG / (Path(*dotted.split(".")).as_posix() + ".py")


def plan_modules(mods: dict[str, Path]) -> dict[str, str]:
    """old -> new dotted name for every module (identity for those that stay)."""
    mapping = {}
    for name in mods:
        if name in MOVES:
            mapping[name] = MOVES[name]
        else:
            mapping[name] = name
            if name not in KEEP and "." not in name:
                warn(f"kg/{name}.py: not in the mapping table, left in place")
    return mapping


def data_readers(mods: dict[str, Path], mapping: dict[str, str]) -> dict[str, str]:
    """data file name -> package (dotted, under kg) that will hold it."""
    data = KG / "data"
    homes = {}
    sources = {name: path.read_text(encoding="utf-8") for name, path in mods.items()}
    for f in sorted(p for p in data.iterdir() if p.is_file()):
        stem_pat = re.compile(r"[\"']" + re.escape(f.stem) + r"[\"']")
        readers = sorted(n for n, src in sources.items() if f.name in src or stem_pat.search(src))
        stages = sorted({mapping[r].split(".")[0] for r in readers if mapping[r].split(".")[0] in STAGE_ORDER},
                        key=STAGE_ORDER.index)
        if not stages:
            warn(f"kg/data/{f.name}: read by no staged module ({', '.join(readers) or 'none'}), left in kg/data/")
            continue
        homes[f.name] = stages[0]
    return homes


# ---------------------------------------------------------------- moving files


class Mover:
    def __init__(self, dry: bool):
        self.dry = dry
        self.git = not dry and self._is_own_git_tree()

    @staticmethod
    def _is_own_git_tree() -> bool:
        try:
            gitdir = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=ROOT, capture_output=True,
                                    text=True, check=True).stdout.strip()
            top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return False
        if Path(top).resolve() != ROOT:
            return False
        back = Path(gitdir) / "gitdir"  # a linked work tree: its metadata names the .git file it belongs to
        if back.is_file() and Path(back.read_text().strip()).resolve() != (ROOT / ".git").resolve():
            print("note: this folder is a copy of another git work tree; renaming without git", file=sys.stderr)
            return False
        return True

    def move(self, src: Path, dst: Path) -> None:
        print(f"move {src.relative_to(ROOT)} -> {dst.relative_to(ROOT)}")
        if self.dry:
            return
        dst.parent.mkdir(parents=True, exist_ok=True)
        if self.git and self._tracked(src):
            subprocess.run(["git", "mv", str(src), str(dst)], cwd=ROOT, check=True)
        else:
            src.rename(dst)

    def _tracked(self, path: Path) -> bool:
        r = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=ROOT, capture_output=True)
        return r.returncode == 0

    def add(self, path: Path) -> None:
        if self.git:
            subprocess.run(["git", "add", str(path)], cwd=ROOT, check=True)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- rewriting names

_DOTTED = re.compile(r"(?<![\w./-])kg\.(\w+)(?![\w-])")


def rewrite_dotted(text: str, mapping: dict[str, str]) -> str:
    """``kg.x`` -> ``kg.<new>`` for every top-level old module x (in code, strings and docs)."""

    def sub(m: re.Match) -> str:
        new = mapping.get(m.group(1))
        return f"kg.{new}" if new else m.group(0)

    return _DOTTED.sub(sub, text)


def rewrite_paths(text: str, mapping: dict[str, str], homes: dict[str, str]) -> str:
    """``kg/x.py`` and ``kg/data/NAME`` and resource folders in prose and strings."""

    def mod(m: re.Match) -> str:
        new = mapping.get(m.group(1))
        return module_file(new).relative_to(ROOT).as_posix() if new else m.group(0)

    text = re.sub(r"(?<![\w.-])kg/(\w+)\.py\b", mod, text)

    def data(m: re.Match) -> str:
        home = homes.get(m.group(1))
        return f"kg/{home.replace('.', '/')}/data/{m.group(1)}" if home else m.group(0)

    text = re.sub(r"(?<![\w.-])kg/data/([\w.-]+\.(?:txt|tsv|csv|json))", data, text)
    for old, new in RESOURCES.items():
        text = re.sub(r"(?<![\w.-])kg/" + re.escape(old) + r"\b", f"kg/{new}", text)

    # the same as path joins: "kg" / "x.py", "kg" / "data" / "NAME", "kg" / "explorer_assets"
    def joined(parts: list[str], q: str) -> str:
        return " / ".join(f"{q}{p}{q}" for p in parts)

    def mod_join(m: re.Match) -> str:
        new = mapping.get(m.group(2))
        if not new:
            return m.group(0)
        return joined(list(module_file(new).relative_to(ROOT).parts), m.group(1))

    text = re.sub(r"([\"'])kg\1 / \1(\w+)\.py\1", mod_join, text)

    def data_join(m: re.Match) -> str:
        home = homes.get(m.group(2))
        return joined(["kg", *home.split("."), "data", m.group(2)], m.group(1)) if home else m.group(0)

    text = re.sub(r"([\"'])kg\1 / \1data\1 / \1([\w.-]+\.(?:txt|tsv|csv|json))\1", data_join, text)
    for old, new in RESOURCES.items():
        text = re.sub(r"([\"'])kg\1 / \1" + re.escape(old) + r"\1",
                      lambda m, new=new: joined(["kg", *new.split("/")], m.group(1)), text)
    return text


def _import_text(level_pkg: str | None, module: str, names: list[tuple[str, str | None]]) -> str:
    """``from <module> import a, b as c``; relative (one dot) when ``level_pkg`` is the module's package."""
    parts = [n if a is None or a == n else f"{n} as {a}" for n, a in names]
    if level_pkg is not None:
        src = "." + module[len(level_pkg) + 1 :] if module != level_pkg else "."
    else:
        src = module
    line = f"from {src} import {', '.join(parts)}"
    if len(line) <= 110:
        return line
    return f"from {src} import (\n    " + ",\n    ".join(parts) + ",\n)"


def rewrite_imports(src: str, old_pkg: str, new_pkg: str | None, mapping: dict[str, str]) -> str:
    """Rewrite ``from . import x``, ``from .x import y`` and ``from kg import x`` (ast-located, so imports inside
    functions and parenthesised imports are found). ``old_pkg``: the file's package before the move (dotted,
    "kg" for a top-level module; "" for files outside kg). ``new_pkg``: its package after (None outside kg)."""
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        warn(f"cannot parse ({e.msg}, line {e.lineno}): imports left as they are")
        return src
    lines = src.splitlines(keepends=True)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln))
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = old_pkg.split(".")
            if node.level > 1:
                base = base[: -(node.level - 1)]
            absolute = ".".join(base + ([node.module] if node.module else []))
        elif node.module == "kg":
            absolute = "kg"
        else:
            continue  # absolute kg.x imports were rewritten as dotted names
        if not absolute.startswith("kg"):
            continue
        # (source module, whether it is a package whose submodules are imported) -> names
        groups: dict[tuple[str, bool], list[tuple[str, str | None]]] = {}
        for alias in node.names:
            full = f"{absolute}.{alias.name}".removeprefix("kg.")
            if full in mapping:  # a module imported by name
                parent, leaf = ("kg." + mapping[full]).rsplit(".", 1)
                groups.setdefault((parent, True), []).append((leaf, alias.asname or alias.name))
            else:  # a name imported from a module
                mod = absolute.removeprefix("kg").removeprefix(".")
                new_mod = "kg." + mapping.get(mod, mod) if mod else "kg"
                groups.setdefault((new_mod, False), []).append((alias.name, alias.asname))
        here = f"kg.{new_pkg}" if new_pkg else ("kg" if new_pkg == "" else None)
        stmts = []
        for (m, is_pkg), names in groups.items():
            same = here is not None and (m == here if is_pkg else m.rsplit(".", 1)[0] == here and m != "kg")
            stmts.append(_import_text(here if same else None, m, names))
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        indent = " " * node.col_offset
        rest = lines[node.end_lineno - 1][node.end_col_offset :]
        comment = rest.strip() if rest.strip().startswith("#") else ""
        if len(stmts) > 1 and comment:
            stmts = [s + "  " + comment for s in stmts[:-1]] + stmts[-1:]
        text = ("\n" + indent).join(s.replace("\n", "\n" + indent) for s in stmts)
        if src[start:end] != text:
            if "#" in src[start:end]:
                warn(f"a comment inside a multi-line import was dropped: {src[start:end][:60]!r}")
            edits.append((start, end, text))
    for start, end, text in sorted(edits, reverse=True):
        src = src[:start] + text + src[end:]
    return src


_DOC_IMPORT = re.compile(r"\bfrom kg import ([\w, ]+)")


def rewrite_doc_imports(text: str, mapping: dict[str, str]) -> str:
    """``from kg import a, b`` in prose, docstrings and notebooks' markdown (after the code was rewritten)."""

    def sub(m: re.Match) -> str:
        names = [n.strip() for n in m.group(1).split(",") if n.strip()]
        if not any(n.split(" as ")[0] in mapping and mapping[n.split(" as ")[0]] != n.split(" as ")[0]
                   for n in names):
            return m.group(0)
        out = []
        for n in names:
            name, _, alias = n.partition(" as ")
            new = mapping.get(name, name)
            parent, _, leaf = ("kg." + new).rpartition(".")
            out.append(f"from {parent} import {leaf}" + (f" as {alias or name}" if (alias or name) != leaf else ""))
        return "; ".join(out)

    return _DOC_IMPORT.sub(sub, text)


def rewrite_file_paths(src: str, old_depth: int, new_depth: int, beside: set[str]) -> str:
    """``Path(__file__)`` arithmetic in a module that moved ``new_depth - old_depth`` folders deeper; ``beside``:
    resource folders that moved with it (``with_name`` still finds them)."""
    d = new_depth - old_depth
    if not d:
        return src
    src = re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?\.parents)\[(\d+)\]",
                 lambda m: f"{m.group(1)}[{int(m.group(2)) + d}]", src)

    def with_name(m: re.Match) -> str:
        if m.group(3) in beside:
            return m.group(0)
        return f"{m.group(1)}.parents[{d}] / {m.group(2)}{m.group(3)}{m.group(2)}"

    return re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?)\.with_name\((['\"])(\w+)\2\)", with_name, src)


# ---------------------------------------------------------------- special files


def patch_resources(homes: dict[str, str]) -> None:
    path = KG / "util" / "resources.py"
    src = path.read_text(encoding="utf-8")
    old = 'files("kg").joinpath("data", name)'
    if old not in src:
        warn("kg/util/resources.py: data lookup not recognised; the data files' packages are not wired in")
        return
    table = "".join(f'    "{n}": "kg.{p}",\n' for n, p in sorted(homes.items()))
    src = src.replace(old, 'files(_HOME.get(name, "kg")).joinpath("data", name)')
    anchor = "\n\ndef _lines("
    src = src.replace(anchor, "\n\n#: data file -> the package whose data/ folder holds it (beside the stage that "
                      "reads it; others in kg/data/)\n_HOME = {\n" + table + "}\n" + anchor, 1)
    path.write_text(src, encoding="utf-8")


def package_data_block() -> str:
    """[tool.setuptools.package-data] for the new tree: every non-Python file, by package, folder and extension."""
    pats: dict[str, set[str]] = {}
    for path in sorted(KG.rglob("*")):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        owner = path.parent
        while not (owner / "__init__.py").is_file():
            owner = owner.parent
        rel = path.relative_to(owner)
        pat = (rel.parent / f"*{path.suffix}").as_posix() if path.suffix else rel.as_posix()
        pkg = ".".join(owner.relative_to(ROOT).parts)
        pats.setdefault(pkg, set()).add(pat.removeprefix("./"))
    lines = ["[tool.setuptools.package-data]"]
    for pkg in sorted(pats):
        items = ", ".join(f'"{p}"' for p in sorted(pats[pkg]))
        lines.append(f'"{pkg}" = [{items}]')
    return "\n".join(lines) + "\n"


def patch_pyproject() -> None:
    path = ROOT / "pyproject.toml"
    src = path.read_text(encoding="utf-8")
    m = re.search(r"\[tool\.setuptools\.package-data\]\n(?:.*\S.*\n)*", src)
    if not m:
        warn("pyproject.toml: no [tool.setuptools.package-data] section; package data not listed")
        return
    path.write_text(src[: m.start()] + package_data_block() + src[m.end() :], encoding="utf-8")


def patch_package_test() -> None:
    """tests/test_package.py walked kg's top-level modules only: walk the subpackages too."""
    path = ROOT / "tests" / "test_package.py"
    if not path.is_file():
        return
    src = path.read_text(encoding="utf-8")
    old = 'MODULES = sorted(m.name for m in pkgutil.iter_modules(kg.__path__) if not m.name.startswith(("cli", "vocab")))'
    new = ('MODULES = sorted(m.name.removeprefix("kg.") for m in pkgutil.walk_packages(kg.__path__, "kg.")\n'
           '                 if not m.name.startswith(("kg.cli", "kg.rdf.vocab")))')
    if old in src:
        path.write_text(src.replace(old, new), encoding="utf-8")
    else:
        warn("tests/test_package.py: module listing not recognised; it may check the top level only")


# ---------------------------------------------------------------- main


def text_files() -> list[Path]:
    out = [ROOT / f for f in TEXT_FILES if (ROOT / f).is_file()]
    for d in TEXT_DIRS:
        base = ROOT / d
        if base.is_dir():
            out += [p for p in sorted(base.rglob("*")) if p.is_file() and p.suffix in (".py", ".md", ".ipynb", ".rq")
                    and "__pycache__" not in p.parts and ".venv" not in p.parts
                    and p.relative_to(ROOT).as_posix() not in SKIP]
    return out


def rewrite_python(src: str, old_pkg: str, new_pkg: str | None, mapping, homes) -> str:
    src = rewrite_dotted(src, mapping)
    src = rewrite_imports(src, old_pkg, new_pkg, mapping)
    src = rewrite_doc_imports(src, mapping)
    return rewrite_paths(src, mapping, homes)


def rewrite_notebook(text: str, mapping, homes) -> str:
    nb = json.loads(text)
    for cell in nb.get("cells", []):
        src = "".join(cell.get("source", []))
        if cell.get("cell_type") == "code":
            new = rewrite_python(src, "", None, mapping, homes)
        else:
            new = rewrite_paths(rewrite_doc_imports(rewrite_dotted(src, mapping), mapping), mapping, homes)
        if new != src:
            cell["source"] = new.splitlines(keepends=True)
    indent = 1 if text.startswith("{\n \"") else 2
    return json.dumps(nb, ensure_ascii=False, indent=indent) + ("\n" if text.endswith("\n") else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    args = ap.parse_args(argv)
    if (KG / "cli" / "__init__.py").exists():
        print("error: kg/cli/__init__.py exists: the tree is already restructured", file=sys.stderr)
        return 1
    mods = old_modules()
    nested = [m for m in mods if "." in m]
    mapping = plan_modules(mods)
    for m in nested:
        warn(f"kg/{m.replace('.', '/')}: already in a subpackage, left in place")
    homes = data_readers(mods, mapping)
    mover = Mover(args.dry_run)

    # read every text file first, with the package each Python file is in before and after the move
    files = text_files()
    old_to_new: dict[Path, Path] = {}
    for name, path in mods.items():
        old_to_new[path] = module_file(mapping[name]) if "." not in name else path
    old_to_new[KG / "__init__.py"] = KG / "__init__.py"
    contents = {p: p.read_text(encoding="utf-8") for p in files}

    # 1-2. packages and modules
    for pkg in PACKAGES:
        init = KG / Path(*pkg.split(".")) / "__init__.py"
        if PACKAGES[pkg] is None or init.exists():
            continue
        print(f"create {init.relative_to(ROOT)}")
        if not args.dry_run:
            write(init, f'"""{PACKAGES[pkg]}"""\n\n__all__: list[str] = []\n')
            mover.add(init)
    for name in sorted(mods):
        src, dst = mods[name], old_to_new[mods[name]]
        if src != dst:
            mover.move(src, dst)
    cli_main = KG / "cli" / "__main__.py"  # `python -m kg.cli` keeps working now that kg.cli is a package
    print(f"create {cli_main.relative_to(ROOT)}")
    if not args.dry_run:
        write(cli_main, '"""``python -m kg.cli``: the same command as ``kg``."""\n\nfrom . import main\n\n'
              '__all__: list[str] = []\n\nif __name__ == "__main__":\n    main(prog_name="kg")\n')
        mover.add(cli_main)
    # 3. data and resource folders
    for fname, home in sorted(homes.items()):
        mover.move(KG / "data" / fname, KG / Path(*home.split(".")) / "data" / fname)
    for old, new in sorted(RESOURCES.items()):
        if (KG / old).exists():
            mover.move(KG / old, KG / new)
    if args.dry_run:
        print(f"{len(warnings)} warning(s)")
        return 0

    # 4. rewrite
    for path in files:
        text = contents[path]
        if path.suffix == ".py":
            new_path = old_to_new.get(path, path)
            if path in old_to_new:
                old_pkg = ".".join(("kg",) + path.relative_to(KG).parts[:-1])
                new_rel = new_path.relative_to(KG)
                new_pkg = ".".join(new_rel.parts[:-1])
                new = rewrite_python(text, old_pkg, new_pkg, mapping, homes)
                new = rewrite_file_paths(new, len(path.relative_to(KG).parts), len(new_rel.parts),
                                         {r for r in RESOURCES if _moves_with(r, new_path)})
            else:
                new_path = path
                new = rewrite_python(text, "", None, mapping, homes)
        elif path.suffix == ".ipynb":
            new_path, new = path, rewrite_notebook(text, mapping, homes)
        else:
            new_path = _relocated(path, homes)
            new = rewrite_paths(rewrite_doc_imports(rewrite_dotted(text, mapping), mapping), mapping, homes)
        if new != text:
            new_path.write_text(new, encoding="utf-8")
    patch_resources(homes)
    patch_pyproject()
    patch_package_test()
    if mover.git:
        subprocess.run(["git", "add", "-A", "kg"], cwd=ROOT, check=True)
    print(f"done; {len(warnings)} warning(s). Now: ruff check . && mypy && python -m pytest")
    return 0


def _relocated(path: Path, homes: dict[str, str]) -> Path:
    """Where a non-Python file is after the move (inside a moved resource folder or a moved data file)."""
    rel = path.relative_to(ROOT).as_posix()
    for old, new in RESOURCES.items():
        if rel.startswith(f"kg/{old}/"):
            return ROOT / "kg" / new / rel.removeprefix(f"kg/{old}/")
    if rel.startswith("kg/data/") and path.name in homes:
        return KG / Path(*homes[path.name].split(".")) / "data" / path.name
    return path


def _moves_with(resource: str, module_path: Path) -> bool:
    """Whether a resource folder ends up beside the module (so ``with_name`` still finds it)."""
    return (KG / RESOURCES[resource]).parent == module_path.parent


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
