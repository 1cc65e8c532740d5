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
    # a region launches nothing: the initiative takes place there
    assert ("乡村工匠", "takesPlaceIn", "平江县", None) in got
    assert not any(t[0] == "平江县" and t[1] == "runs" for t in got)


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


def test_participates_in_an_initiative():
    a = art("居民王明参加了该区举办的“数字工匠”培训班。")
    found = [ment(a, "王明", "Person"), ment(a, "数字工匠", "Initiative")]
    assert triples(a, found) == {("王明", "participatesIn", "数字工匠", None)}


def test_partners_with_needs_a_joint_verb():
    a = art("华兴纸业与岳阳港务集团签署战略合作协议。华兴纸业和岳阳港务集团的员工都来了。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "岳阳港务集团", "Enterprise"),
             ment(a, "华兴纸业", "Enterprise", nth=1), ment(a, "岳阳港务集团", "Enterprise", nth=1)]
    rels = relations(a, found)
    assert [(r.predicate, r.start) for r in rels] == [("partnersWith", 0)]


def test_insurer_lender_and_funder_from_the_sentence():
    a = art("由平安财险岳阳分公司承保，为华兴纸业提供保险。岳阳银行为华兴纸业授信5亿元。"
            "岳阳市财政局向岳阳市第一中学拨付资金。华兴纸业贷款到账。")
    found = [ment(a, "平安财险岳阳分公司", "Enterprise"), ment(a, "华兴纸业", "Enterprise"),
             ment(a, "岳阳银行", "Enterprise"), ment(a, "华兴纸业", "Enterprise", nth=1),
             ment(a, "岳阳市财政局", "GovernmentBody"), ment(a, "岳阳市第一中学", "Organization"),
             ment(a, "华兴纸业", "Enterprise", nth=2)]
    got = triples(a, found)
    assert got == {("平安财险岳阳分公司", "insures", "华兴纸业", None), ("岳阳银行", "lendsTo", "华兴纸业", None),
                   ("岳阳市财政局", "funds", "岳阳市第一中学", None)}


def test_name_prefix_and_branch_region_give_located_in():
    a = art("岳阳市推进。岳阳市总工会发布，某银行岳阳分行支持。岳阳市场监督管理局检查。荣家湾村党支部也来了。荣家湾村很美。")
    found = [ment(a, "岳阳市", "AdministrativeRegion", code="430600"), ment(a, "岳阳市总工会", "Organization"),
             ment(a, "某银行岳阳分行", "Enterprise"), ment(a, "岳阳市场监督管理局", "GovernmentBody"),
             ment(a, "荣家湾村党支部", "PartyOrganization"), ment(a, "荣家湾村", "AdministrativeRegion", nth=1)]
    got = {t for t in triples(a, found) if t[1] == "locatedIn"}
    assert got == {("岳阳市总工会", "locatedIn", "岳阳市", None), ("荣家湾村党支部", "locatedIn", "荣家湾村", None)}


def test_name_prefix_needs_the_whole_region_name():
    a = art("岳阳今年推进。岳阳市总工会发布。")
    found = [ment(a, "岳阳", "AdministrativeRegion", code="430600"), ment(a, "岳阳市总工会", "Organization")]
    assert not any(t[1] == "locatedIn" for t in triples(a, found))


def test_place_after_a_region_and_located_verb():
    a = art("荣家湾镇新华小区改造。华兴纸业位于岳阳县。")
    found = [ment(a, "荣家湾镇", "AdministrativeRegion"), ment(a, "新华小区", "Place"),
             ment(a, "华兴纸业", "Enterprise"), ment(a, "岳阳县", "AdministrativeRegion", code="430621")]
    got = triples(a, found)
    assert ("新华小区", "locatedIn", "荣家湾镇", None) in got and ("华兴纸业", "locatedIn", "岳阳县", None) in got


def test_coordinated_runners_and_the_partner_they_work_with():
    a = art("岳阳市委、岳阳市政府今年将与湖南大学合作开设“数字工匠”培训班。")
    found = [ment(a, "岳阳市委", "PartyOrganization"), ment(a, "岳阳市政府", "GovernmentBody"),
             ment(a, "湖南大学", "Organization"), ment(a, "数字工匠", "Initiative")]
    got = triples(a, found)
    for runner in ("岳阳市委", "岳阳市政府", "湖南大学"):
        assert (runner, "runs", "数字工匠", None) in got
    assert ("岳阳市委", "partnersWith", "湖南大学", None) in got
    assert ("岳阳市政府", "partnersWith", "湖南大学", None) in got


def test_initiative_run_in_named_regions_takes_place_there():
    a = art("岳阳市人社局会同岳阳市总工会在岳阳楼区、云溪区开设“数字工匠”培训班。")
    found = [ment(a, "岳阳市人社局", "GovernmentBody"), ment(a, "岳阳市总工会", "Organization"),
             ment(a, "岳阳楼区", "AdministrativeRegion", code="430602"),
             ment(a, "云溪区", "AdministrativeRegion", code="430603"), ment(a, "数字工匠", "Initiative")]
    got = triples(a, found)
    assert ("数字工匠", "takesPlaceIn", "岳阳楼区", None) in got and ("数字工匠", "takesPlaceIn", "云溪区", None) in got
    assert ("岳阳市人社局", "partnersWith", "岳阳市总工会", None) in got
    assert ("岳阳市总工会", "runs", "数字工匠", None) in got


def test_company_word_before_the_verb_runs_the_initiative_of_the_named_company():
    a = art("华兴纸业扩产。公司通过线上宣传营造氛围：发放资料；开展“安全月”行动。该企业员工参加。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "安全月", "Initiative")]
    rels = relations(a, found)
    runs = [r for r in rels if r.predicate == "runs"]
    assert [(r.subject, r.extractor) for r in runs] == [(("a", 0, 4), "coref")] and runs[0].confidence < 0.8
    assert a.text[runs[0].start:runs[0].end].startswith("公司通过")


def test_two_posts_at_one_organisation_and_a_party_post():
    a = art("岳阳县委副书记、县长王明调研。荣家湾镇党委书记李华介绍。")
    found = [ment(a, "岳阳县委", "PartyOrganization"), ment(a, "王明", "Person"),
             ment(a, "荣家湾镇党委", "PartyOrganization"), ment(a, "李华", "Person")]
    assert triples(a, found) == {("王明", "holdsPost", "岳阳县委", "县长"), ("王明", "holdsPost", "岳阳县委", "副书记"),
                                 ("李华", "holdsPost", "荣家湾镇党委", "书记")}


def test_sub_organization_from_a_named_parent():
    a = art("湖南大学党委召开会议。湖南大学表示。华兴纸业有限公司岳阳分公司开业，华兴纸业有限公司说。华兴纸业有限公司员工到场。")
    found = [ment(a, "湖南大学党委", "PartyOrganization"), ment(a, "湖南大学", "Organization", nth=1),
             ment(a, "华兴纸业有限公司岳阳分公司", "Enterprise"), ment(a, "华兴纸业有限公司", "Enterprise", nth=1),
             ment(a, "华兴纸业有限公司员工", "Organization")]
    got = {t for t in triples(a, found) if t[1] == "subOrganizationOf"}
    assert got == {("湖南大学党委", "subOrganizationOf", "湖南大学", None),
                   ("华兴纸业有限公司岳阳分公司", "subOrganizationOf", "华兴纸业有限公司", None)}
