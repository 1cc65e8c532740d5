import sys
import warnings
from pathlib import Path

import pytest

from kg.analysis.questions import stats
from kg.store.query import load

pytest.importorskip("matplotlib")
import kg.analysis.plots as plots  # noqa: E402

SMALL = Path(__file__).parent / "analysis" / "small.ttl"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def small():
    return load(SMALL)


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_classes_and_timeline_are_pngs(small):
    s = stats(small)
    for png in (plots.classes_png(s), plots.timeline_png(s)):
        assert png.startswith(PNG)
        w, h = _size(png)
        assert w > 200 and h > 200


def test_regions_are_the_mentioned_ones_with_coordinates(small):
    assert plots.regions(small) == [{"label": "甲市", "lat": 28.2, "lon": 112.9, "mentions": 3}]
    assert plots.map_png(small).startswith(PNG)


def test_map_is_none_without_coordinates():
    from rdflib import Graph

    assert plots.map_png(Graph()) is None


def test_write_plots(small, tmp_path):
    written = plots.write_plots(small, tmp_path / "out")
    assert [p.name for p in written] == ["classes.png", "mentions.png", "regions.png"]
    assert all(p.read_bytes().startswith(PNG) for p in written)
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == ["classes.png", "mentions.png", "regions.png"]


def test_sample_plots(sample_result, tmp_path):
    written = plots.write_plots(sample_result.graph, tmp_path)
    assert len(written) == 3
    assert len(plots.regions(sample_result.graph)) >= 3


@pytest.mark.skipif(not Path("/usr/share/fonts/opentype/noto").is_dir(), reason="fonts-noto-cjk not installed")
def test_noto_cjk_font_is_used_when_present():
    plots.cjk_font.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "CJK" in plots.cjk_font()


def test_missing_cjk_font_falls_back_with_a_warning(small, monkeypatch, tmp_path):
    monkeypatch.setattr(plots, "NOTO_DIR", tmp_path)
    monkeypatch.setattr(plots, "_CJK_NAMES", ("No Such Font Family",))
    plots.cjk_font.cache_clear()
    try:
        with pytest.warns(UserWarning, match="no CJK font"):
            assert plots.cjk_font() is None
        assert plots.classes_png(stats(small)).startswith(PNG)
    finally:
        plots.cjk_font.cache_clear()


def test_missing_matplotlib_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(plots.PlotError, match=r"pip install 'kg\[plot\]'"):
        plots._matplotlib()
