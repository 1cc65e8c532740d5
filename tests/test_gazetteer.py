import subprocess
import sys

import pytest

from kg.extract import gazetteer


def test_get_prefecture():
    r = gazetteer.get("431000")
    assert (r.name, r.short, r.level, r.parent) == ("郴州市", "郴州", "prefecture", "430000")
    assert isinstance(r.lat, float) and isinstance(r.lon, float)
    assert gazetteer.get("431000000000") == r  # 12-digit cpca codes work too
    assert gazetteer.get("999999") is None


def test_province_and_autonomous_region_short_forms():
    assert gazetteer.get("430000").short == "湖南"
    assert gazetteer.get("450000").short == "广西"  # 广西壮族自治区
    assert gazetteer.get("150000").short == "内蒙古"
    assert gazetteer.get("810000").short == "香港"
    assert gazetteer.lookup("湘") == []  # one-character abbreviations are not names


def test_autonomous_prefecture_short_forms():
    r = gazetteer.get("433100")
    assert r.name == "湘西土家族苗族自治州" and r.short == "湘西州"
    assert [x.code for x in gazetteer.lookup("湘西州")] == ["433100"]
    assert [x.code for x in gazetteer.lookup("湘西")] == ["433100"]
    # a prefecture's short form never takes a province's: 海南藏族自治州 is 海南州, 海南 stays the province
    assert [x.code for x in gazetteer.lookup("海南")] == ["460000"]
    assert "632500" in [x.code for x in gazetteer.lookup("海南州")]


def test_county_short_form_never_collides_with_prefecture():
    assert gazetteer.get("430121").short == "长沙县"
    assert [x.code for x in gazetteer.lookup("长沙")] == ["430100"]
    assert gazetteer.get("430112").short == "望城"
    assert [x.code for x in gazetteer.lookup("望城")] == ["430112"]
    assert gazetteer.get("430529").short == "城步县"  # 城步苗族自治县


def test_ambiguous_names_and_resolve():
    assert len(gazetteer.lookup("朝阳区")) >= 2
    assert gazetteer.resolve("朝阳区") is None
    assert gazetteer.resolve("朝阳区", ["110000"]).code == "110105"
    assert gazetteer.resolve("朝阳区", ["220100"]).code == "220104"
    assert gazetteer.resolve("长沙").code == "430100"
    assert gazetteer.resolve("不存在的地方") is None
    assert gazetteer.resolve("鼓楼", ["320100"]).code == "320106"


def test_parents_and_ancestors():
    assert [r.name for r in gazetteer.ancestors("430112")] == ["长沙市", "湖南省"]
    assert gazetteer.get("110105").parent == "110000"  # Beijing districts hang under the municipality
    assert gazetteer.get("429004").parent == "420000"  # a county-level city directly under the province
    assert gazetteer.get("430000").parent is None


def test_split_chain():
    spans = gazetteer.split_chain("湖南省长沙市望城区")
    assert [(s, e, r.code) for s, e, r in spans] == [(0, 3, "430000"), (3, 6, "430100"), (6, 9, "430112")]
    assert [r.code for _, _, r in gazetteer.split_chain("北京市朝阳区")] == ["110000", "110105"]
    assert gazetteer.split_chain("长沙市朝阳区") == []  # not nested
    assert gazetteer.split_chain("长沙市科技局") == []


def test_names_are_clean():
    names = gazetteer.names()
    assert len(names) > 5000
    assert all(len(n) >= 2 for n in names)
    assert "市辖区" not in names and "省直辖县级行政区划" not in names
    assert names["长沙市"][0].code == "430100"
    words = gazetteer.jieba_words()
    assert ("望城", "ns") in words and len(words) == len(names)


def test_import_does_not_load_cpca_or_pandas():
    code = "import kg.extract.gazetteer as g; g.names(); import sys; print('pandas' in sys.modules, 'cpca' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_missing_cpca_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(gazetteer.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuntimeError, match="cpca"):
        gazetteer.data_file()
