from pathlib import Path

import pytest

from kg.store.query import load, run

pytest.importorskip("IPython")
pytest.importorskip("pandas")
from kg.viz import nb  # noqa: E402

SMALL = Path(__file__).parent / "analysis" / "small.ttl"


def test_frame_of_rows_and_of_dicts():
    g = load(SMALL)
    df = nb.frame(run(g, "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l"))
    assert list(df.columns) == ["l"] and sorted(df["l"]) == ["王明", "赵六"]
    df = nb.frame([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert df.shape == (2, 2) and list(df["a"]) == [1, 2]


def test_image_and_empty_image():
    from IPython.display import Image, Markdown

    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    assert isinstance(nb.image(png), Image)
    assert isinstance(nb.image(None), Markdown)


def test_explorer_is_an_inline_iframe():
    html = nb.explorer(load(SMALL), height=300).data
    assert html.startswith("<div><iframe srcdoc=") and "height:300px" in html
    assert "&lt;html" in html.lower() and "王明" in html  # the whole page, escaped into the attribute
    assert "<script" not in html  # nothing executes outside the iframe
