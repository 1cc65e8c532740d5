from dataclasses import replace

from invented import article as art
from invented import mention as ment

from kg.relations.text import relations, sentences


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
    a = art("华兴纸业公司党委书记、董事长王明调研。荣家湾镇党委书记李华介绍。")
    found = [ment(a, "华兴纸业公司", "Enterprise"), ment(a, "王明", "Person"),
             ment(a, "荣家湾镇党委", "PartyOrganization"), ment(a, "李华", "Person")]
    assert triples(a, found) == {("王明", "holdsPost", "华兴纸业公司", "董事长"),
                                 ("王明", "holdsPost", "华兴纸业公司", "党委书记"),
                                 ("李华", "holdsPost", "荣家湾镇党委", "书记")}


def test_a_government_head_post_is_not_held_in_the_party_committee():
    a = art("岳阳县委副书记、县长王明调研。青禾市委副书记、常务副市长李华出席。")
    found = [ment(a, "岳阳县委", "PartyOrganization"), ment(a, "王明", "Person"),
             ment(a, "青禾市委", "PartyOrganization"), ment(a, "李华", "Person")]
    assert triples(a, found) == {("王明", "holdsPost", "岳阳县委", "副书记"), ("李华", "holdsPost", "青禾市委", "副书记")}


def test_a_post_in_an_unnamed_body_after_a_committee_post():
    a = art("青禾县白沙镇党委书记、人大主席王明说，镇里将做好服务。")
    found = [ment(a, "青禾县白沙镇党委", "PartyOrganization"), ment(a, "王明", "Person")]
    assert triples(a, found) == {("王明", "holdsPost", "青禾县白沙镇党委", "书记")}


def test_a_founder_holds_a_post_at_what_they_founded():
    a = art("白沙村的王明是返乡青年。2018年，他创办青禾农业科技有限公司。李华于2015年创立青禾种养合作社。")
    spans = sentences(a.text)
    found = [replace(m, sentence=next(i for i, (s, e) in enumerate(spans) if s <= m.start < e)) for m in (
        ment(a, "王明", "Person"), ment(a, "青禾农业科技有限公司", "Enterprise"), ment(a, "李华", "Person"),
        ment(a, "青禾种养合作社", "Enterprise"))]
    assert triples(a, found) == {("王明", "holdsPost", "青禾农业科技有限公司", "创办人"),
                                 ("李华", "holdsPost", "青禾种养合作社", "创办人")}


def test_sub_organization_from_a_named_parent():
    a = art("湖南大学党委召开会议。湖南大学表示。华兴纸业有限公司岳阳分公司开业，华兴纸业有限公司说。华兴纸业有限公司员工到场。")
    found = [ment(a, "湖南大学党委", "PartyOrganization"), ment(a, "湖南大学", "Organization", nth=1),
             ment(a, "华兴纸业有限公司岳阳分公司", "Enterprise"), ment(a, "华兴纸业有限公司", "Enterprise", nth=1),
             ment(a, "华兴纸业有限公司员工", "Organization")]
    got = {t for t in triples(a, found) if t[1] == "subOrganizationOf"}
    assert got == {("湖南大学党委", "subOrganizationOf", "湖南大学", None),
                   ("华兴纸业有限公司岳阳分公司", "subOrganizationOf", "华兴纸业有限公司", None)}


def _sorted(found):
    return sorted(found, key=lambda m: m.start)


def test_event_held_in_a_region_chain_takes_place_in_its_deepest_region_and_venue():
    a = art("第二届青山茶叶博览会在江北省临川市东湖区明珠会展中心开幕。")
    found = _sorted([ment(a, "青山茶叶博览会", "Initiative"), ment(a, "江北省", "AdministrativeRegion"),
                     ment(a, "临川市", "AdministrativeRegion"), ment(a, "东湖区", "AdministrativeRegion"),
                     ment(a, "明珠会展中心", "Place")])
    got = {t for t in triples(a, found) if t[1] == "takesPlaceIn"}
    assert got == {("青山茶叶博览会", "takesPlaceIn", "东湖区", None), ("青山茶叶博览会", "takesPlaceIn", "明珠会展中心", None)}


def test_held_at_a_venue_before_the_initiative_and_landing_in_a_region():
    a = art("甲市人社局在东湖区星光广场举办“春风招聘”专场招聘会。“惠农保”落地南山县。")
    found = _sorted([ment(a, "甲市人社局", "GovernmentBody"), ment(a, "东湖区", "AdministrativeRegion"),
                     ment(a, "星光广场", "Place"), ment(a, "春风招聘", "Initiative"), ment(a, "惠农保", "Initiative"),
                     ment(a, "南山县", "AdministrativeRegion")])
    got = triples(a, found)
    assert ("春风招聘", "takesPlaceIn", "东湖区", None) in got and ("春风招聘", "takesPlaceIn", "星光广场", None) in got
    assert ("甲市人社局", "runs", "春风招聘", None) in got
    assert ("惠农保", "takesPlaceIn", "南山县", None) in got


def test_org_at_a_place_and_region_prefix_of_an_initiative():
    a = art("在南山县青石镇的华明家居有限公司车间里，工人忙碌。东湖区“夜经济”消费季开幕。")
    found = _sorted([ment(a, "南山县", "AdministrativeRegion"), ment(a, "青石镇", "AdministrativeRegion"),
                     ment(a, "华明家居有限公司", "Enterprise"), ment(a, "东湖区", "AdministrativeRegion"),
                     ment(a, "夜经济", "Initiative")])
    got = triples(a, found)
    assert ("华明家居有限公司", "locatedIn", "青石镇", None) in got
    assert ("夜经济", "takesPlaceIn", "东湖区", None) in got


def test_speaker_affiliation_is_not_the_subject_of_the_reported_clause():
    a = art("甲县县委书记王明介绍，县里推出“惠企贷”。")
    found = _sorted([ment(a, "甲县县委", "PartyOrganization"), ment(a, "王明", "Person"), ment(a, "惠企贷", "Initiative")])
    assert not any(t[1] == "runs" for t in triples(a, found))


def test_event_word_with_host_refers_back_to_the_named_event():
    a = art("“山城夜市”消费季在东街启动。消费季由甲区商务局和乙区文旅局共同主办。该工程由华建集团承建。")
    found = _sorted([ment(a, "山城夜市", "Initiative"), ment(a, "甲区商务局", "GovernmentBody"),
                     ment(a, "乙区文旅局", "GovernmentBody"), ment(a, "华建集团", "Enterprise")])
    got = triples(a, found)
    assert ("甲区商务局", "runs", "山城夜市", None) in got and ("乙区文旅局", "runs", "山城夜市", None) in got
    assert not any(t[0] == "华建集团" for t in got)  # 该工程: no initiative named 工程 before it


def test_designated_region_hosts_and_listed_partners_act_jointly():
    a = art("青石村被列为全省“稻鱼共生”试点村。甲部、乙部、丙部联合印发通知。")
    found = _sorted([ment(a, "青石村", "AdministrativeRegion"), ment(a, "稻鱼共生", "Initiative"),
                     ment(a, "甲部", "GovernmentBody"), ment(a, "乙部", "GovernmentBody"), ment(a, "丙部", "GovernmentBody")])
    got = triples(a, found)
    assert ("稻鱼共生", "takesPlaceIn", "青石村", None) in got
    assert {t for t in got if t[1] == "partnersWith"} == {("甲部", "partnersWith", "乙部", None),
                                                          ("甲部", "partnersWith", "丙部", None)}


def test_insurer_and_lender_carried_into_a_clause_without_subject():
    a = art("华安财产保险股份有限公司与甲市农业局推出“农机险”，为青山农机合作社提供风险保障800万元。"
            "乙市农村商业银行东城支行推出“夜市贷”，已向丰味餐饮有限公司发放贷款50万元。")
    found = _sorted([ment(a, "华安财产保险股份有限公司", "Enterprise"), ment(a, "甲市农业局", "GovernmentBody"),
                     ment(a, "农机险", "Initiative"), ment(a, "青山农机合作社", "Enterprise"),
                     ment(a, "乙市农村商业银行东城支行", "Enterprise"), ment(a, "夜市贷", "Initiative"),
                     ment(a, "丰味餐饮有限公司", "Enterprise")])
    got = triples(a, found)
    assert ("华安财产保险股份有限公司", "insures", "青山农机合作社", None) in got
    assert ("乙市农村商业银行东城支行", "lendsTo", "丰味餐饮有限公司", None) in got
    assert not any(t[0] == "甲市农业局" and t[1] == "insures" for t in got)  # not an insurer by name


def test_sponsor_funds_the_event_named_just_before():
    a = art("“青年工匠”技能大赛启动。大赛设12个赛项，星河科技有限公司作为赞助单位出资100万元。")
    found = _sorted([ment(a, "青年工匠", "Initiative"), ment(a, "星河科技有限公司", "Enterprise")])
    assert ("星河科技有限公司", "funds", "青年工匠", None) in triples(a, found)


def test_agency_anaphor_at_the_start_of_a_sentence_runs_the_initiative():
    a = art("甲市数据局召开会议。该局今年将推出“数据惠企”行动。")
    found = _sorted([ment(a, "甲市数据局", "GovernmentBody"), ment(a, "数据惠企", "Initiative")])
    got = triples(a, found)
    assert ("甲市数据局", "runs", "数据惠企", None) in got


def test_organisation_written_before_a_quoted_initiative_runs_it():
    a = art("在青石镇的华明家居有限公司“共富车间”里，村民正在忙碌。")
    found = _sorted([ment(a, "青石镇", "AdministrativeRegion"), ment(a, "华明家居有限公司", "Enterprise"),
                     ment(a, "共富车间", "Initiative")])
    assert ("华明家居有限公司", "runs", "共富车间", None) in triples(a, found)


def test_sentence_without_subject_takes_the_organisation_that_began_the_one_before():
    a = art("华明燃气以“安全月”开启活动。针对用户安检，创新开展“敲门行动”。")
    found = _sorted([ment(a, "华明燃气", "Enterprise"), ment(a, "安全月", "Initiative"), ment(a, "敲门行动", "Initiative")])
    got = triples(a, found)
    assert ("华明燃气", "runs", "安全月", None) in got and ("华明燃气", "runs", "敲门行动", None) in got
    b = art("会议召开。针对用户安检，创新开展“敲门行动”。")
    assert not any(t[1] == "runs" for t in triples(b, [ment(b, "敲门行动", "Initiative")]))


def test_within_a_region_locates_the_place_after_it():
    a = art("南山县境内的青石水库水位上涨。")
    found = _sorted([ment(a, "南山县", "AdministrativeRegion"), ment(a, "青石水库", "Place")])
    assert ("青石水库", "locatedIn", "南山县", None) in triples(a, found)


def test_participants_after_a_recipient_marker_are_not_the_actor():
    a = art("甲银行东城支行为参与商户提供“夜市贷”。乙公司参与“夜市贷”推广。")
    found = _sorted([ment(a, "甲银行东城支行", "Enterprise"), ment(a, "夜市贷", "Initiative"),
                     ment(a, "乙公司", "Enterprise"), ment(a, "夜市贷", "Initiative", nth=1)])
    got = triples(a, found)
    assert ("甲银行东城支行", "participatesIn", "夜市贷", None) not in got
    assert ("乙公司", "participatesIn", "夜市贷", None) in got


def test_generic_company_word_before_a_post_is_the_company_named_just_before():
    a = art("岳阳银行开业。岳阳银行向华兴纸业有限公司发放贷款，公司负责人王明说，产能将提高。")
    found = [ment(a, "岳阳银行", "Enterprise"), ment(a, "岳阳银行", "Enterprise", nth=1),
             ment(a, "华兴纸业有限公司", "Enterprise"), ment(a, "王明", "Person")]
    got = {t for t in triples(a, found) if t[1] == "holdsPost"}
    assert got == {("王明", "holdsPost", "华兴纸业有限公司", "负责人")}


def test_both_posts_go_to_the_company_when_only_its_party_body_is_a_mention():
    a2 = art("华兴纸业有限公司投产。华兴纸业有限公司党委书记、董事长王明揭牌。")
    found2 = [ment(a2, "华兴纸业有限公司", "Enterprise"), ment(a2, "华兴纸业有限公司党委", "PartyOrganization"),
              ment(a2, "王明", "Person")]
    got = {t for t in triples(a2, found2) if t[1] == "holdsPost"}
    assert got == {("王明", "holdsPost", "华兴纸业有限公司", "党委书记"), ("王明", "holdsPost", "华兴纸业有限公司", "董事长")}


def test_organisation_introduced_by_wei_receives_and_does_not_run():
    a = art("由平安财险岳阳分公司承保，为华兴纸业有限公司提供总额100万元的“安心保险”。")
    found = [ment(a, "平安财险岳阳分公司", "Enterprise"), ment(a, "华兴纸业有限公司", "Enterprise"),
             ment(a, "安心保险", "Initiative")]
    got = {t for t in triples(a, found) if t[1] == "runs"}
    assert got == {("平安财险岳阳分公司", "runs", "安心保险", None)}


def test_both_parties_of_an_agreement_run_what_they_launch_together():
    a = art("华兴纸业与岳阳大学签署协议。王明和李华为中心揭牌。\n根据协议，双方将联合实施“湘江英才”计划。")
    found = [ment(a, "华兴纸业", "Enterprise"), ment(a, "岳阳大学", "Organization"), ment(a, "王明", "Person"),
             ment(a, "李华", "Person"), ment(a, "湘江英才", "Initiative")]
    got = {t for t in triples(a, found) if t[1] == "runs"}
    assert got == {("华兴纸业", "runs", "湘江英才", None), ("岳阳大学", "runs", "湘江英才", None)}


def test_sentence_without_subject_after_one_opened_by_gongsi_is_the_companys():
    a = art("华兴纸业有限公司召开大会。公司以方案为纲，建立台账。针对用户安检，创新开展“敲门行动”。")
    found = [ment(a, "华兴纸业有限公司", "Enterprise"), ment(a, "敲门行动", "Initiative")]
    assert ("华兴纸业有限公司", "runs", "敲门行动", None) in triples(a, found)


def test_party_body_of_a_named_organisation_gets_no_prefix_location():
    a = art("岳阳表彰岳阳大学党委。岳阳大学获奖。")
    found = [ment(a, "岳阳", "AdministrativeRegion", code="430600"), ment(a, "岳阳大学党委", "PartyOrganization"),
             ment(a, "岳阳大学", "Organization", nth=1)]
    got = {t for t in triples(a, found) if t[1] == "locatedIn"}
    assert got == {("岳阳大学", "locatedIn", "岳阳", None)}
