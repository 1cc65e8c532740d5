from kg.model import Article, Mention
from kg.relations import relations, sentences


def art(text):
    return Article(id="a", source="a.txt", headline="h", text=text, offsets=tuple(range(len(text) + 1)), body_start=0)


def ment(a, surface, cls, nth=0, code=None):
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(surface, start + 1)
    return Mention("a", start, start + len(surface), start, start + len(surface), cls, surface, code=code)


def triples(a, found):
    text = {(m.article, m.start, m.end): m.text for m in found}
    return {(text[r.subject], r.predicate, text[r.object], r.role) for r in relations(a, found)}


def test_sentences_split_after_final_punctuation():
    assert sentences("甲。乙！丙") == [(0, 2), (2, 4), (4, 5)]


def test_org_post_person_and_coordinated_orgs():
    a = art("华兴纸业、岳阳港务集团董事长王明表示，将扩大生产。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "岳阳港务集团", "Enterprise"), ment(a, "王明", "Person")]
    assert triples(a, found) == {("王明", "holdsPost", "岳阳港务集团", "董事长"),
                                 ("王明", "holdsPost", "华兴纸业", "董事长")}


def test_bare_post_refers_to_the_main_enterprise_with_lower_confidence():
    a = art("华兴纸业开展培训。华兴纸业扩产。公司负责人王明说。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "华兴纸业", "Enterprise", nth=1), ment(a, "王明", "Person")]
    (rel,) = relations(a, found)
    assert rel.role == "负责人" and rel.confidence < 0.9 and rel.extractor == "inferred"


def test_no_post_no_relation():
    a = art("华兴纸业员工王明说。")
    assert relations(a, [ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")]) == []


def test_runs_before_and_after_the_initiative():
    a = art("岳阳市商务局启动“湘品出湘”行动。“乡村工匠”是平江县创新推出的劳务品牌。")
    found = [ment(a, "岳阳市商务局", "GovernmentBody"), ment(a, "湘品出湘", "Initiative"),
             ment(a, "乡村工匠", "Initiative"), ment(a, "平江县", "AdministrativeRegion", code="430626")]
    got = triples(a, found)
    assert ("岳阳市商务局", "runs", "湘品出湘", None) in got
    assert ("平江县", "runs", "乡村工匠", None) in got


def test_part_of_for_adjacent_regions_only_when_consistent():
    a = art("岳阳县荣家湾镇和长沙县岳阳楼区。")
    found = [ment(a, "岳阳县", "AdministrativeRegion", code="430621"), ment(a, "荣家湾镇", "AdministrativeRegion"),
             ment(a, "长沙县", "AdministrativeRegion", code="430121"),
             ment(a, "岳阳楼区", "AdministrativeRegion", code="430602")]
    got = triples(a, found)
    assert ("荣家湾镇", "partOf", "岳阳县", None) in got
    assert not any(t[0] == "岳阳楼区" for t in got)


def test_evidence_is_the_sentence_with_raw_offsets():
    a = art("前言。华兴纸业董事长王明说。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "王明", "Person")]
    (rel,) = relations(a, found)
    assert a.text[rel.start:rel.end] == "华兴纸业董事长王明说。"
    assert (rel.raw_start, rel.raw_end) == (3, 14)
