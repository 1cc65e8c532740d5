"""Entity-level facts derived from names (kg.link.facts, through kg.link.entities.link), on invented text."""

from invented import article as art
from invented import mention as ment

from kg.link.entities import link, org_key
from kg.relations.text import relations


def facts_of(linked):
    """(subject label, predicate, object label, article) of every fact."""
    lab = {e.key: e.label for e in linked.entities}
    return {(lab[f.subject], f.predicate, lab[f.object], f.article) for f in linked.facts}


def test_name_prefix_located_in_is_stated_where_the_prefixed_name_is_written():
    a = art(aid="a", text="岳阳华兴纸业有限公司投产。")
    b = art(aid="b", text="华兴纸业扩产，湖南省支持。")
    linked = link([a, b], {"a": [ment(a, "岳阳华兴纸业有限公司", "Enterprise")],
                           "b": [ment(b, "华兴纸业", "Enterprise"), ment(b, "湖南省", "AdministrativeRegion", "430000")]},
                  {})
    got = {f for f in facts_of(linked) if f[1] == "locatedIn"}
    assert got == {("岳阳华兴纸业有限公司", "locatedIn", "岳阳市", "a")}  # with its article, not in b as well
    fact = next(f for f in linked.facts if f.predicate == "locatedIn")
    assert (fact.raw_start, fact.raw_end) == (0, len(a.text))  # the evidence is the sentence


def test_region_taken_from_the_articles_context_is_not_a_located_in_fact():
    a = art(aid="a", text="岳阳市召开会议，市工伤认定委员会参加。")
    found = [ment(a, "岳阳市", "AdministrativeRegion", "430600"), ment(a, "市工伤认定委员会", "GovernmentBody")]
    linked = link([a], {"a": found}, {})
    assert "岳阳市工伤认定委员会" in {e.label for e in linked.entities}  # still linked to the city's body
    assert not any(p == "locatedIn" for _, p, _, _ in facts_of(linked))


def test_region_with_a_one_character_rest_is_a_name_word_not_a_locator():
    a = art(aid="a", text="醴陵窑和醴陵瓷业有限公司参展。")
    found = [ment(a, "醴陵窑", "Enterprise"), ment(a, "醴陵瓷业有限公司", "Enterprise")]
    got = {(s, o) for s, p, o, _ in facts_of(link([a], {"a": found}, {})) if p == "locatedIn"}
    assert got == {("醴陵瓷业有限公司", "醴陵市")}


def test_party_body_of_a_named_organisation_is_not_located_by_its_prefix():
    a = art(aid="a", text="岳阳华兴纸业有限公司党委组织学习。岳阳华兴纸业有限公司投产。")
    found = [ment(a, "岳阳华兴纸业有限公司党委", "PartyOrganization"), ment(a, "岳阳华兴纸业有限公司", "Enterprise", nth=1)]
    got = {(s, p, o) for s, p, o, _ in facts_of(link([a], {"a": found}, {"a": relations(a, found)}))}
    assert ("岳阳华兴纸业有限公司党委", "subOrganizationOf", "岳阳华兴纸业有限公司") in got
    assert ("岳阳华兴纸业有限公司", "locatedIn", "岳阳市") in got
    assert not any(s == "岳阳华兴纸业有限公司党委" and p == "locatedIn" for s, p, _ in got)


def test_a_region_party_committee_keeps_its_region():
    a = art(aid="a", text="岳阳县委部署工作。")
    got = facts_of(link([a], {"a": [ment(a, "岳阳县委", "PartyOrganization")]}, {}))
    assert ("岳阳县委", "locatedIn", "岳阳县", "a") in got


def test_city_district_short_name_right_after_the_province_is_a_name_word():
    assert org_key("湖南雨花鑫源科技有限公司", "Enterprise")[0] == "430000"  # not 长沙's 雨花区
    assert org_key("湖南醴陵鑫源瓷业有限公司", "Enterprise")[0] == "430281"  # a county-level city is named so
    assert org_key("湖南长沙雨花鑫源科技有限公司", "Enterprise")[0] == "430111"  # with its city it is the district
    assert org_key("重庆渝北鑫源科技有限公司", "Enterprise")[0] == "500112"  # a municipality's districts


def test_place_keeps_the_city_when_a_district_short_name_is_its_own_name():
    a = art(aid="a", text="岳阳君山国际机场扩建，岳阳市君山区采桑湖公园开园。")
    found = [ment(a, "岳阳君山国际机场", "Place"), ment(a, "岳阳市君山区采桑湖公园", "Place")]
    got = {(s, o) for s, p, o, _ in facts_of(link([a], {"a": found}, {})) if p == "locatedIn"}
    assert got == {("岳阳君山国际机场", "岳阳市"), ("岳阳市君山区采桑湖公园", "君山区")}


def test_one_statement_per_fact_node_keeps_the_surest():
    """Two rules stating one fact at one span (two mentions of one body in a sentence) make one kg:Statement node:
    one fact, the surer one, so that the node has one confidence and one extractor (SHACL maxCount 1)."""
    from kg.link.facts import one_statement
    from kg.model import Fact

    a = Fact("org|x", "runs", "Initiative|y", "doc-1", 50, 99, None, "pattern", 0.6)
    b = Fact("org|x", "runs", "Initiative|y", "doc-1", 50, 99, None, "pattern", 0.8)
    elsewhere = Fact("org|x", "runs", "Initiative|y", "doc-1", 120, 140, None, "pattern", 0.6)
    assert sorted(one_statement([a, b, elsewhere]), key=lambda f: f.raw_start) == [b, elsewhere]
