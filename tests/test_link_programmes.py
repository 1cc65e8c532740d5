"""A programme named with a kind word after its own name (kg.link.programmes)."""

from invented import article as art
from invented import mention as ment

from kg.link.entities import link


def keyed(*stories):
    arts = [art(aid=f"a{i}", text=t) for i, (t, _) in enumerate(stories)]
    found = {a.id: [ment(a, s, "Initiative") for s in names] for a, (_, names) in zip(arts, stories)}
    linked = link(arts, found, {})
    return {m.text: e for e in linked.entities for m in e.mentions}


def test_a_programme_with_a_kind_word_is_the_programme_and_keeps_its_bare_name_as_label():
    by = keyed(("共建丝路通道倡议得到响应。", ["丝路通道倡议"]), ("推进丝路通道建设。", ["丝路通道"]),
               ("丝路通道规划发布。", ["丝路通道规划"]))
    assert by["丝路通道倡议"].key == by["丝路通道"].key == by["丝路通道规划"].key
    assert by["丝路通道"].label == "丝路通道" and set(by["丝路通道"].alt_labels) == {"丝路通道倡议", "丝路通道规划"}


def test_a_plan_of_a_strategy_and_a_kind_word_alone_stay_apart():
    by = keyed(("山村振兴战略规划印发。", ["山村振兴战略规划"]), ("实施山村振兴战略。", ["山村振兴战略"]),
               ("实施某某方案工程。", ["某某方案工程"]), ("某某方案出台。", ["某某方案"]))
    assert by["山村振兴战略规划"].key != by["山村振兴战略"].key
    assert by["某某方案工程"].key != by["某某方案"].key


def test_without_the_bare_programme_nothing_joins():
    by = keyed(("引水工程开工。", ["引水工程"]), ("引水规划出台。", ["引水规划"]))
    assert by["引水工程"].key != by["引水规划"].key


def test_the_written_forms_of_a_five_year_plan_are_one_node_and_plans_of_other_numbers_are_not():
    from kg.link.entities import numbered_session

    forms = ("十四五", "十四五规划", "“十四五”规划", "第十四个五年规划", "中华人民共和国国民经济和社会发展第十四个五年规划")
    assert {numbered_session(f) for f in forms} == {"plan|十四"}
    assert numbered_session("十三五规划") == "plan|十三" and numbered_session("十五") is None
    by = keyed(("实施十四五规划。", ["十四五规划"]), ("第十四个五年规划开局。", ["第十四个五年规划"]),
               ("十三五收官。", ["十三五"]))
    assert by["十四五规划"].key == by["第十四个五年规划"].key != by["十三五"].key


def test_a_craft_with_its_kind_word_is_the_craft():
    by = keyed(("青云三号载人飞船发射。", ["青云三号载人飞船"]), ("青云三号返回。", ["青云三号"]))
    assert by["青云三号载人飞船"].key == by["青云三号"].key


def test_a_campaign_written_as_its_battle_is_the_campaign():
    by = keyed(("打赢山村攻坚战。", ["山村攻坚战"]), ("推进山村攻坚。", ["山村攻坚"]))
    assert by["山村攻坚战"].key == by["山村攻坚"].key


def test_the_first_characters_of_two_dashed_parties_and_the_kind_word_are_its_short_form():
    by = keyed(("中国－拉某体论坛开幕。", ["中国－拉某体论坛"]), ("中拉论坛举行。", ["中拉论坛"]),
               ("中国－非某论坛闭幕。", ["中国－非某论坛"]), ("中拉峰会举行。", ["中拉峰会"]))
    assert by["中国－拉某体论坛"].key == by["中拉论坛"].key != by["中国－非某论坛"].key
    assert by["中拉峰会"].key != by["中国－拉某体论坛"].key


def test_a_short_form_two_dashed_names_share_joins_neither():
    by = keyed(("中国－某甲论坛开幕。", ["中国－某甲论坛"]), ("中国－某乙论坛开幕。", ["中国－某乙论坛"]),
               ("中某论坛举行。", ["中某论坛"]))
    assert by["中某论坛"].key not in (by["中国－某甲论坛"].key, by["中国－某乙论坛"].key)


def test_a_programme_with_china_before_its_name_is_the_programme():
    by = keyed(("中国某博会开幕。", ["中国某博会"]), ("某博会开幕。", ["某博会"]),
               ("中国—某盟博览会开幕。", ["中国—某盟博览会"]), ("某盟博览会开幕。", ["某盟博览会"]))
    assert by["中国某博会"].key == by["某博会"].key
    assert by["中国—某盟博览会"].key != by["某盟博览会"].key
