from kg.extract.coref import level_code, qualify, references
from kg.model import Article, Mention


def art(text):
    return Article(id="a", source="a.txt", headline="h", text=text, offsets=tuple(range(len(text) + 1)), body_start=0)


def ment(a, surface, cls, code=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(surface, start + 1)
    return Mention("a", start, start + len(surface), start, start + len(surface), cls, surface, code=code)


def test_level_code_picks_the_articles_region_of_that_level():
    context = ["430626", "430600"]  # 平江县, 岳阳市
    assert level_code("省", context) == "430000"
    assert level_code("市", context) == "430600"
    assert level_code("县", context) == "430626"
    assert level_code("区", context) is None  # the article names no district
    assert level_code("市", ["110105"]) == "110000"  # 北京: 市 is the municipality
    assert level_code("市", ["430181"]) == "430181"  # 浏阳市 (county-level city) is the article's 市
    assert level_code("省", []) is None


def test_qualify_only_a_lone_level_character():
    assert qualify("省科技厅", ["430600"]) == ("430000", "科技厅")
    assert qualify("市委", ["430600"]) == ("430600", "委")
    assert qualify("岳阳市科技局", ["430600"]) == (None, "岳阳市科技局")  # starts with a region name
    assert qualify("省科技厅", []) == (None, "省科技厅")


def test_references_skip_words_inside_longer_words():
    a = art("华兴纸业投产，各分公司和子公司都参与。全市场适当地调整。平江县发展，该县和全县都在推进。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "平江县", "AdministrativeRegion", "430626")]
    got = [(r.text, r.mention.text if r.mention else r.code) for r in references(a, found, ["430626"])]
    assert got == [("该县", "平江县"), ("全县", "平江县")]


def test_company_word_refers_to_the_nearest_company_before():
    a = art("华兴纸业投产。岳阳港务集团扩建，该公司表示。公司负责人说。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "岳阳港务集团", "Enterprise")]
    refs = references(a, found, [])
    assert [(r.text, r.mention.text) for r in refs] == [("该公司", "岳阳港务集团"), ("公司", "岳阳港务集团")]
    assert refs[0].confidence > refs[1].confidence  # 该公司 is surer than a bare 公司


def test_province_word_without_a_province_mention_uses_the_context():
    a = art("岳阳市推进改革，我省支持。当地群众欢迎。")
    found = [ment(a, "岳阳市", "AdministrativeRegion", "430600")]
    refs = {r.text: r for r in references(a, found, ["430600"])}
    assert refs["我省"].code == "430000" and refs["我省"].mention is None
    assert refs["当地"].mention.text == "岳阳市"


def test_agency_anaphor_refers_to_the_nearest_body_ending_in_its_word():
    from kg.extract.coref import references
    from kg.model import Article, Mention
    text = "甲市数据局召开会议。该局表示将加快推进。"
    a = Article(id="a", source="a.txt", headline="h", text=text, offsets=tuple(range(len(text) + 1)), body_start=0)
    m = Mention("a", 0, 5, 0, 5, "GovernmentBody", "甲市数据局")
    refs = [r for r in references(a, [m], []) if r.text == "该局"]
    assert len(refs) == 1 and refs[0].mention == m and "局" in refs[0].reason
