"""notebooks/explore.ipynb runs top to bottom (on a 30-story slice of the corpus, or the bundled page when the
corpus is absent), and is committed without outputs."""

import json
import re
import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def test_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None, "".join(cell["source"])[:60]


def test_notebook_imports_kg_only():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    imports = [ln.split()[1] for ln in source.splitlines() if ln.startswith(("import ", "from "))]
    assert imports and all(name == "kg" or name.startswith("kg.") for name in imports)
    assert "def " not in source and "for " not in source


def test_notebook_runs_top_to_bottom(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    from jupyter_client import KernelManager

    monkeypatch.setenv("KG_NB_STORIES", "30")  # the kernel inherits it: a small slice of the corpus
    nb = nbformat.read(NOTEBOOK, as_version=4)
    km = KernelManager(kernel_name="python3")
    km.kernel_spec.argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]  # this venv
    client = nbclient.NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "articles" in text and "community 1:" in text and " -> " in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # timeline, map (communities over time when dated)
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h for h in html)
    assert sum("<table" in h for h in html) >= 5  # three SPARQL tables, two rankings
    for name in ("graph.ttl", "graph.html", "classes.png", "mentions.png", "regions.png"):
        assert (tmp_path / "output" / name).is_file()
    if (tmp_path / "stories.jsonl").is_file():  # the corpus was there: the slice was built
        assert len((tmp_path / "stories.jsonl").read_text(encoding="utf-8").splitlines()) == 30
        assert re.search(r"^articles\s+30$", text, re.M)
