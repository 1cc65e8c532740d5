"""Organisation spans on real news, fifth round (issue #13): a body's team or office named right after it is one
name with it, and a span holding a verb that makes a clause is two things glued, whichever found it. Invented text;
the model's spans are injected (the model_says fixture) where a rule works on them."""

from invented import found


def test_a_bodys_team_is_one_name_with_the_body():
    assert ("国务院工作组", "GovernmentBody") in found("国务院工作组已赶赴某地。", "rules")
    assert ("温州青石商会参访团", "Organization") in found("会见温州青石商会参访团全体成员。", "rules")
    assert ("国务院调查组", "GovernmentBody") in found("国务院调查组今天抵达。", "rules")


def test_a_team_posted_somewhere_or_for_an_area_keeps_the_bodys_name():
    got = found("欧盟驻华代表团团长出席。", "rules")
    assert ("欧盟驻华代表团", "Organization") in got and ("欧盟", "Organization") not in got
    assert ("联合国驻伊拉克代表团", "Organization") in found("联合国驻伊拉克代表团发表声明。", "rules")


def test_no_team_of_a_country_a_mission_or_two_listed_bodies():
    assert not any(n.endswith("代表团") for n, _ in found("某国常驻联合国代表团发表声明。", "rules"))
    assert not any(n.endswith("代表团") for n, _ in found("解放军和武警部队代表团讨论。", "rules"))
    assert not any(n.endswith("代表团") for n, _ in found("中国代表团抵达。", "rules"))


def test_a_model_span_over_a_clause_verb_is_no_name(model_says):
    assert model_says("某方愿同中方一道努力。", ("某方愿同中方", "org")) == set()
    got = model_says("某国派出医疗队。", ("某国派出医疗队", "org"))
    assert not any(n.endswith("医疗队") for n, _ in got)


def test_a_rule_name_over_a_clause_verb_is_cut_at_it():
    got = found("中国全国人大愿同法国议会加强交流。", "rules")
    assert ("全国人大", "GovernmentBody") in got and ("法国议会", "GovernmentBody") in got
    assert not any("愿同" in n for n, _ in got)
    assert not any("启用" in n for n, _ in found("上海启用社区卫生服务中心。", "rules"))


def test_a_party_group_begins_at_the_bodys_name_not_at_the_verb_before_it():
    assert ("全国政协党组", "PartyOrganization") in found("会议听取全国政协党组工作汇报。", "rules")
    assert ("最高人民法院党组", "PartyOrganization") in found("会议听取最高人民法院党组工作汇报。", "rules")
    assert not any(n.endswith("党组织") for n, _ in found("作为上级党组织，要负责。", "rules"))


def test_a_nationwide_body_after_its_country_keeps_its_own_name(model_says):
    got = model_says("中国全国政协愿与某国阵线加强往来。", ("中国全国政协", "org"))
    assert ("全国政协", "Organization") in got and ("中国全国政协", "Organization") not in got
