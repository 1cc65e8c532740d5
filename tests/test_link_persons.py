"""kg.link.persons and kg.link.person_names: foreign names alone, untitled foreign national titles, titles that
differ, and common Chinese names (invented names and texts, one rule each)."""

from dataclasses import replace

import pytest

from invented import article as art
from invented import mention as ment

from kg.link.entities import link
from kg.link.person_names import chinese_post, foreign, resolve_nations, title_word, transliterated


def _groups(linked, label):
    return sorted(sorted({m.article for m in e.mentions}) for e in linked.entities if e.label == label)


def _found(articles, names, places=()):
    return {x.id: [ment(x, n, "Person", nth=k) for n in names for k in range(x.text.count(n))
                   if not any(o != n and n in o and o in x.text for o in names)  # (施瓦特 inside 卡琳·施瓦特)
                   or x.text.count(n) > sum(x.text.count(o) for o in names if o != n and n in o)]
            + [ment(x, w, "AdministrativeRegion") for w in places if w in x.text] for x in articles}


def test_name_helpers():
    assert transliterated("施瓦特") and not transliterated("王建国")
    assert foreign("卡琳·施瓦特") and foreign("拉夫诺夫") and not foreign("施瓦特")  # 施 is a surname too
    assert title_word("巴西最高法院首席大法官") == "法官" and title_word("某某的助手") == "助手"
    assert title_word("会见了") == ""
    assert title_word("某某组织总干事") == "总干事"  # an international body's head (posts.txt): one title in any year
    nations = {"a": "", "b": "", "c": "巴西"}
    got = resolve_nations(nations, {"a": set(), "b": set()}, {"a": {"智利"}, "b": {"智利", "巴西"}, "c": {"巴西"}})
    assert got == {"a": "智利", "b": "巴西", "c": "巴西"}
    assert resolve_nations({"a": ""}, {}, {"a": {"智利", "秘鲁"}}) == {"a": "?a"}  # left open: an office of its own


def test_a_surname_alone_is_the_full_name_its_article_writes():
    a = art(aid="a", text="智利总统卡琳·施瓦特访华。施瓦特表示，智利重视合作。")
    b = art(aid="b", text="巴西公司董事长施瓦特访问智利。巴西企业。")
    found = {"a": [ment(a, "卡琳·施瓦特", "Person"), ment(a, "施瓦特", "Person", nth=1),
                   ment(a, "智利", "AdministrativeRegion")],
             "b": [ment(b, "施瓦特", "Person"), ment(b, "智利", "AdministrativeRegion"),
                   ment(b, "巴西", "AdministrativeRegion")]}
    linked = link([a, b], found, {})
    (full,) = [e for e in linked.entities if e.label == "卡琳·施瓦特"]
    assert len(full.mentions) == 2 and any("writes in full" in d.reason for d in full.merges)
    assert _groups(linked, "施瓦特") == [["b"]]
    c = art(aid="c", text="智利总统卡琳—施瓦特出席。智利代表团。")  # the name written with a dash: the same name
    found["c"] = [ment(c, "卡琳—施瓦特", "Person"), ment(c, "智利", "AdministrativeRegion")]
    linked = link([a, b, c], found, {})
    assert {m.article for e in linked.entities if e.key.startswith("person") and "卡琳" in e.label
            for m in e.mentions} == {"a", "c"}
    assert len([e for e in linked.entities if "卡琳" in e.label]) == 1


def test_an_untitled_national_title_is_the_office_of_the_country_the_story_names():
    a = art(aid="a", text="会见了智利代总理、财政部长伯洛克。智利经济。")
    b = art(aid="b", text="会见了秘鲁众议长和总理伯洛克。秘鲁经济。")
    c = art(aid="c", text="总理伯洛克说，智利欢迎投资。")
    linked = link([a, b, c], _found([a, b, c], ["伯洛克"], ["智利", "秘鲁"]), {})
    assert _groups(linked, "伯洛克") == [["a", "c"], ["b"]]


def test_a_foreign_name_with_another_title_is_another_person():
    a = art(aid="a", text="当天，总理的助手乔达里表示反对。巴西政局。")
    b = art(aid="b", text="巴西最高法院首席大法官乔达里表示不满。巴西政局，总理回应。")
    linked = link([a, b], _found([a, b], ["乔达里"], ["巴西"]), {})
    assert len(_groups(linked, "乔达里")) == 2


def test_a_foreign_name_with_the_same_title_and_country_joins_in_any_year():
    a = replace(art(aid="a", text="智利外交部发言人萨哈诺娃表示，智利反对制裁。"), date="2017-03-01")
    b = replace(art(aid="b", text="智利外交部发言人萨哈诺娃说，智利将回应。"), date="2026-05-01")
    c = replace(art(aid="c", text="秘鲁外交部发言人萨哈诺娃说，秘鲁将回应。"), date="2026-05-02")
    linked = link([a, b, c], _found([a, b, c], ["萨哈诺娃"], ["智利", "秘鲁"]), {})
    assert _groups(linked, "萨哈诺娃") == [["a", "b"], ["c"]]
    (one,) = [e for e in linked.entities if e.label == "萨哈诺娃" and len(e.mentions) == 2]
    assert any("any year" in d.reason for d in one.merges)


def test_a_two_character_name_in_one_province_needs_the_same_weeks_or_company():
    texts = (("a", "岳阳市某厂的李成钻研技术。", "2012-08-26"), ("b", "岳阳市开面馆的李成说。", "2013-02-01"),
             ("c", "岳阳市的李成又说。", "2013-02-10"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = {x.id: [ment(x, "岳阳市", "AdministrativeRegion", "430600"), ment(x, "李成", "Person")] for x in arts}
    assert _groups(link(arts, found, {}), "李成") == [["a"], ["b", "c"]]


def test_a_longer_name_in_another_province_months_apart_needs_company():
    a = replace(art(aid="a", text="贵阳市的村里，打工的杨远涛回乡创业。"), date="2012-12-07")
    b = replace(art(aid="b", text="岳阳市表彰副驾驶陈开远、杨远涛。"), date="2012-07-06")
    found = {"a": [ment(a, "贵阳市", "AdministrativeRegion", "520100"), ment(a, "杨远涛", "Person")],
             "b": [ment(b, "岳阳市", "AdministrativeRegion", "430600"), ment(b, "杨远涛", "Person")]}
    assert len(_groups(link([a, b], found, {}), "杨远涛")) == 2
    b = replace(b, date="2012-11-20")  # within weeks: a story and its follow-up
    assert _groups(link([a, b], found, {}), "杨远涛") == [["a", "b"]]


def test_a_name_cut_short_joins_the_longer_name_the_text_writes_and_the_build_knows():
    a = art(aid="a", text="日本前首相福田康远出席论坛。")
    b = art(aid="b", text="日本的福田康远会见了代表团。福田康说，合作重要。")  # the text writes the whole name around the cut
    c = art(aid="c", text="经理福田康说，公司盈利。")  # the text writes no longer name: 福田康 stays
    found = {"a": [ment(a, "日本", "AdministrativeRegion"), ment(a, "福田康远", "Person")],
             "b": [ment(b, "日本", "AdministrativeRegion"), ment(b, "福田康", "Person"),
                   ment(b, "福田康", "Person", nth=1)],
             "c": [ment(c, "福田康", "Person")]}
    linked = link([a, b, c], found, {})
    assert _groups(linked, "福田康远") == [["a", "b"]]
    assert _groups(linked, "福田康") == [["c"]]


def test_a_name_is_not_completed_into_the_next_person_of_an_unspaced_list():
    # 王立 + 丁 spells 王立丁, which the build holds (one wrong cut elsewhere), but 丁明远 is a person of its own here
    a = art(aid="a", text="会议举行\n张德民王立丁明远出席\n王立说，合作重要。")
    b = art(aid="b", text="张德民王立丁出席。")
    found = {"a": [ment(a, "张德民", "Person"), ment(a, "王立", "Person"), ment(a, "丁明远", "Person"),
                   ment(a, "王立", "Person", nth=1)],
             "b": [ment(b, "张德民", "Person"), ment(b, "王立丁", "Person")]}
    linked = link([a, b], found, {})
    assert _groups(linked, "王立") == [["a"]]
    assert _groups(linked, "王立丁") == [["b"]]


def test_a_two_character_name_in_one_province_months_apart_joins_with_the_same_title_word():
    a = replace(art(aid="a", text="岳阳市的协会主席李成说。"), date="2012-09-21")
    b = replace(art(aid="b", text="岳阳市的商会主席李成又说。"), date="2013-01-02")
    found = {x.id: [ment(x, "岳阳市", "AdministrativeRegion", "430600"), ment(x, "李成", "Person")] for x in (a, b)}
    assert _groups(link([a, b], found, {}), "李成") == [["a", "b"]]
    b = replace(art(aid="b", text="岳阳市的医生李成又说。"), date="2013-01-02")
    found["b"] = [ment(b, "岳阳市", "AdministrativeRegion", "430600"), ment(b, "李成", "Person")]
    assert len(_groups(link([a, b], found, {}), "李成")) == 2


def test_a_two_character_name_listed_among_those_who_attend_a_leaders_meeting_joins_in_any_year():
    texts = (("a", "国家主席张德民会见外宾。李成、王力等参加会见。", "2013-02-01"),
             ("b", "国家主席张德民会见总理。赵明、王力等参加会见。", "2018-06-01"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = _found(arts, ["张德民", "李成", "王力", "赵明"])
    assert _groups(link(arts, found, {}), "王力") == [["a", "b"]]
    texts = (("a", "国家主席张德民会见外宾。村民王力说。", "2013-02-01"),
             ("b", "国家主席张德民会见总理。赵明、王力等参加会见。", "2018-06-01"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = _found(arts, ["张德民", "李成", "王力", "赵明"])
    assert len(_groups(link(arts, found, {}), "王力")) == 2  # one story only: years apart, two people


def test_a_two_character_name_in_a_list_with_national_office_holders_joins_in_any_year():
    """The leaders' circle (the lists of present and former leaders at a state occasion or visited at the Spring
    Festival): a name listed beside two national office holders in two stories is one person, years apart."""
    texts = (("x", "国家主席张德民会见外宾。国务院总理赵明远出席。", "2013-01-01"),
             ("a", "春节前夕，张德民、赵明远、刘思、王力（女）、孙海看望老同志。", "2016-02-01"),
             ("b", "张德民、赵明远和王力、孙海向老同志们致以问候。", "2021-02-01"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    names = ["张德民", "赵明远", "刘思", "王力", "孙海"]
    assert _groups(link(arts, _found(arts, names), {}), "王力") == [["a", "b"]]
    # one office holder in the list is no such list: years apart, two people
    texts = (texts[0], ("a", "春节前夕，张德民、刘思、王力、孙海看望老同志。", "2016-02-01"), texts[2])
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    assert len(_groups(link(arts, _found(arts, names), {}), "王力")) == 2


def test_a_dotted_name_with_a_post_at_a_national_body_of_china_is_no_foreign_name():
    """A middle dot makes a name foreign by its letters, but 全国人大常委会副委员长某某·某某 is a Chinese citizen: the
    countries of the state visits the stories report do not split the person."""
    texts = (("a", "全国人大常委会副委员长阿里木·吐尔洪会见智利议长。智利议会。", "2014-03-01"),
             ("b", "阿里木·吐尔洪率团访问秘鲁。秘鲁总统会见。", "2015-05-01"),
             ("c", "阿里木·吐尔洪出席巴西国庆招待会。巴西大使。", "2016-09-01"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = _found(arts, ["阿里木·吐尔洪"], ["智利", "秘鲁", "巴西"])
    assert _groups(link(arts, found, {}), "阿里木·吐尔洪") == [["a", "b", "c"]]
    # the same stories of a foreign name (no post in China): three countries, kept apart
    arts = [replace(x, text=x.text.replace("全国人大常委会副委员长", "智利众议长")) for x in arts]
    found = _found(arts, ["阿里木·吐尔洪"], ["智利", "秘鲁", "巴西"])
    assert len(_groups(link(arts, found, {}), "阿里木·吐尔洪")) > 1
    text = "美国国务院发言人约翰·史密斯说。"
    a = art(text=text)
    assert not chinese_post(text, [ment(a, "约翰·史密斯", "Person")], [ment(a, "约翰·史密斯", "Person")])


def test_a_foreign_state_post_written_short_and_full_is_one_title_in_any_year():
    a = replace(art(aid="a", text="受到美国加利福尼亚州州长纽塔森等美方代表迎接。"), date="2012-11-15")
    b = replace(art(aid="b", text="加州州长纽塔森同一天表示反对。"), date="2014-07-18")
    found = _found([a, b], ["纽塔森"])
    assert _groups(link([a, b], found, {}), "纽塔森") == [["a", "b"]]


def test_an_open_foreign_title_is_the_office_of_the_one_country_every_open_story_names():
    got = resolve_nations({"a": "", "b": ""}, {}, {"a": {"智利", "秘鲁"}, "b": {"智利", "巴西"}})
    assert got == {"a": "智利", "b": "智利"}
    assert resolve_nations({"a": "", "b": ""}, {}, {"a": {"智利", "秘鲁"}, "b": {"巴西", "古巴"}}) == {"a": "?a", "b": "?b"}


def test_a_foreign_name_after_the_same_country_and_office_joins_in_any_year_a_list_space_aside():
    a = replace(art(aid="a", text="贺电如下：智利国家党主席、议长卡洛夫，秘鲁总统帕斯。"), date="2012-11-19")
    b = replace(art(aid="b", text="贺电如下：智利议长 卡洛夫，巴西众议长 阿维。"), date="2013-03-20")
    c = replace(art(aid="c", text="秘鲁议长卡洛夫说，秘鲁欢迎。"), date="2013-03-21")
    linked = link([a, b, c], _found([a, b, c], ["卡洛夫", "帕斯", "阿维"], ["智利", "秘鲁", "巴西"]), {})
    assert _groups(linked, "卡洛夫") == [["a", "b"], ["c"]]


def test_a_role_an_office_holder_carries_too_is_no_other_title_of_a_foreign_name():
    a = replace(art(aid="a", text="智利副总理卡洛夫与王明共同主持会议。智利经济。"), date="2012-11-29")
    b = replace(art(aid="b", text="智方代表、智利的卡洛夫说，智利重视合作。"), date="2012-12-06")
    linked = link([a, b], _found([a, b], ["卡洛夫", "王明"], ["智利"]), {})
    assert _groups(linked, "卡洛夫") == [["a", "b"]]


def test_a_three_character_name_with_a_rarer_surname_joins_across_provinces_and_months():
    a = replace(art(aid="a", text="北京市某中心主任翟明远介绍了情况。"), date="2012-08-26")
    b = replace(art(aid="b", text="贵阳市举行报告会，翟明远作了发言。"), date="2013-04-10")
    found = {"a": [ment(a, "北京市", "AdministrativeRegion", "110000"), ment(a, "翟明远", "Person")],
             "b": [ment(b, "贵阳市", "AdministrativeRegion", "520100"), ment(b, "翟明远", "Person")]}
    linked = link([a, b], found, {})
    assert _groups(linked, "翟明远") == [["a", "b"]]
    b = replace(b, text="贵阳市举行报告会，村民翟明远作了发言。")  # an ordinary person's role: a namesake
    found["b"] = [ment(b, "贵阳市", "AdministrativeRegion", "520100"), ment(b, "翟明远", "Person")]
    assert len(_groups(link([a, b], found, {}), "翟明远")) == 2


def _three_stories(name):
    """Three stories of ``name`` in three provinces, months apart, no post in a region."""
    texts = (("a", f"北京的颁奖典礼上，冠军{name}登台领奖。", "2012-08-03"),
             ("b", f"湖南的学生们说，{name}是我们的榜样。", "2012-11-13"),
             ("c", f"广东各界学习{name}的事迹。", "2013-04-10"))
    return [replace(art(aid=i, text=t), date=d) for i, t, d in texts], ["北京", "湖南", "广东"]


def test_a_full_name_three_stories_repeat_joins_across_provinces_within_the_year():
    arts, places = _three_stories("王望舒")
    linked = link(arts, _found(arts, ["王望舒"], places), {})
    assert _groups(linked, "王望舒") == [["a", "b", "c"]]
    assert any("stories repeat" in d.reason for e in linked.entities if e.label == "王望舒" for d in e.merges)
    # two stories only: the weeks between decide (a common surname, another province, months apart)
    linked = link(arts[:2], _found(arts[:2], ["王望舒"], places), {})
    assert len(_groups(linked, "王望舒")) == 2
    # an ordinary person's role in one story: a namesake
    arts[1] = replace(arts[1], text="湖南的村民王望舒说，今年收成好。")
    assert ["b"] in _groups(link(arts, _found(arts, ["王望舒"], places), {}), "王望舒")


def test_a_foreign_name_of_five_characters_with_a_country_in_common_joins_within_the_year():
    a = replace(art(aid="a", text="智利大选举行，反对党候选人萨卡洛瓦多表示将接受结果。智利、秘鲁。"), date="2012-10-08")
    b = replace(art(aid="b", text="萨卡洛瓦多8号说，推迟就职违反宪法。智利、巴西。"), date="2013-01-09")
    c = replace(art(aid="c", text="萨卡洛瓦多再次发表讲话。智利、阿根廷。"), date="2014-06-09")  # more than a year
    arts = [a, b, c]
    linked = link(arts, _found(arts, ["萨卡洛瓦多"], ["智利", "秘鲁", "巴西", "阿根廷"]), {})
    assert _groups(linked, "萨卡洛瓦多") == [["a", "b"], ["c"]]
    # four characters: a surname more people carry, the weeks and a title decide
    arts = [replace(x, text=x.text.replace("萨卡洛瓦多", "卡洛瓦多")) for x in (a, b)]
    assert len(_groups(link(arts, _found(arts, ["卡洛瓦多"], ["智利", "秘鲁", "巴西"]), {}), "卡洛瓦多")) == 2
    # no title or role before it in any story: perhaps a group's name taken for a person's
    arts = [replace(a, text="智利大选举行，萨卡洛瓦多表示将接受结果。智利、秘鲁。"), b]
    assert len(_groups(link(arts, _found(arts, ["萨卡洛瓦多"], ["智利", "秘鲁", "巴西"]), {}), "萨卡洛瓦多")) == 2


def test_a_full_foreign_name_of_the_one_country_both_stories_give_joins_in_any_year():
    a = replace(art(aid="a", text="智利上议院议长阿洛·卡萨会见了代表团。"), date="2012-01-29")
    b = replace(art(aid="b", text="王明会见了来访的阿洛·卡萨。智利重视合作。"), date="2013-02-05")
    c = replace(art(aid="c", text="秘鲁商人阿洛·卡萨说，秘鲁欢迎。"), date="2013-02-06")
    linked = link([a, b, c], _found([a, b, c], ["阿洛·卡萨", "王明"], ["智利", "秘鲁"]), {})
    assert _groups(linked, "阿洛·卡萨") == [["a", "b"], ["c"]]


def test_a_two_character_name_with_the_same_title_before_it_joins_in_any_year():
    a = replace(art(aid="a", text="外交部发言人李成今天表示，中方反对。"), date="2012-09-18")
    b = replace(art(aid="b", text="外交部发言人李成在例行记者会上说。"), date="2013-04-07")
    c = replace(art(aid="c", text="岳阳市的村民李成说。"), date="2013-04-08")
    found = {x.id: [ment(x, "李成", "Person")] for x in (a, b)}
    found["c"] = [ment(c, "岳阳市", "AdministrativeRegion", "430600"), ment(c, "李成", "Person")]
    assert _groups(link([a, b, c], found, {}), "李成") == [["a", "b"], ["c"]]


def test_a_foreign_name_with_the_same_role_and_a_country_in_common_joins_within_the_year():
    a = replace(art(aid="a", text="智利影院枪击案的嫌疑人卡洛夫将出庭。智利警方。"), date="2012-07-23")
    b = replace(art(aid="b", text="警方将对枪击案犯罪嫌疑人卡洛夫举行听证会。智利、秘鲁。"), date="2013-01-04")
    linked = link([a, b], _found([a, b], ["卡洛夫"], ["智利", "秘鲁"]), {})
    assert _groups(linked, "卡洛夫") == [["a", "b"]]


def test_a_longer_foreign_name_in_stories_about_the_same_one_country_joins_within_the_year_with_the_same_title():
    a = replace(art(aid="a", text="汤加议长法卡诺会见了王明。"), date="2012-10-29")
    b = replace(art(aid="b", text="会议上，法卡诺说，汤加欢迎。"), date="2013-05-19")
    linked = link([a, b], _found([a, b], ["法卡诺", "王明"], ["汤加"]), {})
    assert len(_groups(linked, "法卡诺")) == 2  # a foreign surname alone: the same title, not the country alone
    b = replace(art(aid="b", text="会议上，议长法卡诺说，汤加欢迎。"), date="2013-05-19")
    c = replace(art(aid="c", text="法卡诺说，斐济欢迎。"), date="2013-05-20")
    linked = link([a, b, c], _found([a, b, c], ["法卡诺", "王明"], ["汤加", "斐济"]), {})
    assert _groups(linked, "法卡诺") == [["a", "b"], ["c"]]


def test_the_same_title_joins_a_national_office_holder_in_any_year():
    a = replace(art(aid="a", text="卢森堡首相容成会见王明。卢森堡经济。"), date="2012-09-09")
    b = replace(art(aid="b", text="欧元集团主席容成说，卢森堡、希腊将合作。"), date="2012-10-09")
    c = replace(art(aid="c", text="欧元集团主席容成13号说，希腊将获援助。"), date="2013-06-14")
    linked = link([a, b, c], _found([a, b, c], ["容成", "王明"], ["卢森堡", "希腊"]), {})
    assert _groups(linked, "容成") == [["a", "b", "c"]]


def test_the_name_after_bin_alone_is_the_father_not_the_son():
    a = art(aid="a", text="某国国王卡米勒出席。王子阿米尔·本·卡米勒表示欢迎。")
    found = {"a": [ment(a, "卡米勒", "Person"), ment(a, "阿米尔·本·卡米勒", "Person")]}
    linked = link([a], found, {})
    (son,) = [e for e in linked.entities if e.label == "阿米尔·本·卡米勒"]
    assert len(son.mentions) == 1


def test_a_japanese_surname_alone_is_the_full_name_its_japanese_story_writes():
    a = art(aid="a", text="日本首相松岛健夫表示，松岛将访问韩国。")
    found = {"a": [ment(a, "松岛健夫", "Person"), ment(a, "松岛", "Person", nth=1)]}
    linked = link([a], found, {})
    (full,) = [e for e in linked.entities if e.label == "松岛健夫"]
    assert len(full.mentions) == 2 and any("Japanese surname" in d.reason for d in full.merges)
    b = art(aid="b", text="省长王家明表示，王家将接受调查。")  # no story about Japan: left alone
    linked = link([b], {"b": [ment(b, "王家明", "Person"), ment(b, "王家", "Person", nth=1)]}, {})
    assert _groups(linked, "王家") == [["b"]]


def test_an_open_foreign_title_written_alike_in_two_stories_is_one_office():
    offices = {"a": "织发言人", "b": "织发言人", "c": "长发言人"}
    abroad = {"a": {"智利", "秘鲁"}, "b": {"巴西", "古巴"}, "c": {"智利", "古巴"}}
    got = resolve_nations({"a": "", "b": "", "c": ""}, {}, abroad, offices)
    assert got["a"] == got["b"] == "?织发言人" != got["c"]  # (another title: another office)


def test_two_forms_of_one_country_are_one_office_and_a_story_writing_the_offices_country_joins_it():
    got = resolve_nations({"a": "印尼", "b": "印度尼西亚", "c": "印度尼西亚", "d": ""}, {},
                          {"d": {"印尼", "智利"}})
    assert set(got.values()) == {"印度尼西亚"}
    offices = {"a": "卡利总理", "b": "卡利总理", "c": ""}
    texts = {"c": "卡利亚工党领袖、总理某某出席。智利、秘鲁代表。"}  # (卡利亚: a country the list does not know)
    got = resolve_nations({"a": "", "b": "", "c": ""}, {}, {"a": {"智利"}, "c": {"智利", "秘鲁"}}, offices, texts)
    assert got == {"a": "?卡利总理", "b": "?卡利总理", "c": "?卡利总理"}


def test_an_international_bodys_spokesman_is_one_person_in_stories_about_many_countries():
    a = replace(art(aid="a", text="智利局势。某某组织秘书长发言人德米特拉科说，智利、秘鲁应克制。"), date="2014-03-01")
    b = replace(art(aid="b", text="巴西选举。某某组织秘书长发言人德米特拉科表示，巴西、古巴应对话。"), date="2019-05-02")
    c = replace(art(aid="c", text="古巴总统德米特拉科表示，古巴、巴西合作。"), date="2019-05-03")
    linked = link([a, b, c], _found([a, b, c], ["德米特拉科"], ["智利", "秘鲁", "巴西", "古巴"]), {})
    assert _groups(linked, "德米特拉科") == [["a", "b"], ["c"]]


def test_a_long_foreign_name_in_stories_about_several_countries_joins_within_weeks():
    a = replace(art(aid="a", text="前雇员德米特拉科的爆料引发风波。智利、秘鲁关注。"), date="2013-06-10")
    b = replace(art(aid="b", text="前雇员德米特拉科已离开秘鲁。巴西、古巴表示关注。"), date="2013-06-25")
    c = replace(art(aid="c", text="这一天德米特拉科说，秘鲁、智利的做法不对。"), date="2013-07-05")
    found = _found([a, b, c], ["德米特拉科"], ["智利", "秘鲁", "巴西", "古巴"])
    assert _groups(link([a, b, c], found, {}), "德米特拉科") == [["a", "b", "c"]]
    c = replace(c, date="2014-07-05")  # a year later: no evidence of one person
    assert len(_groups(link([a, b, c], found, {}), "德米特拉科")) == 2


def test_a_short_form_is_the_one_office_holder_of_that_country_whose_full_name_the_build_writes():
    a = replace(art(aid="a", text="智利总统卡洛·德米特出席。"), date="2015-03-01")
    b = replace(art(aid="b", text="智利总统卡洛·德米特说，智利欢迎。"), date="2015-04-01")
    c = replace(art(aid="c", text="智利总统卡洛表示，智利合作。"), date="2015-05-01")
    d = replace(art(aid="d", text="智利总统卡洛会见王明。智利经济。"), date="2016-05-01")
    e = replace(art(aid="e", text="智利国王阿米·本·卡洛出席。"), date="2015-05-02")  # (卡洛 after 本: the father)
    f = replace(art(aid="f", text="智利国王阿米·本·卡洛说。"), date="2015-05-03")
    found = _found([a, b, c, d, e, f], ["卡洛·德米特", "卡洛", "王明", "阿米·本·卡洛"], ["智利"])
    linked = link([a, b, c, d, e, f], found, {})
    assert _groups(linked, "卡洛·德米特") == [["a", "b", "c", "d"]] and not _groups(linked, "卡洛")
    c = replace(c, date="2021-05-01")  # years after the full name's stories: another of that family, perhaps
    d = replace(d, date="2022-05-01")
    linked = link([a, b, c, d], found, {})
    assert _groups(linked, "卡洛") == [["c", "d"]]


def test_a_full_name_one_story_writes_and_the_short_form_of_another_are_one_office_holder_within_a_term():
    # each name in one story only: the full name after its title, the short form after the same title and country
    a = replace(art(aid="a", text="欢迎智利共和国总统卡洛·德米特对我国进行国事访问。"), date="2015-03-01")
    b = replace(art(aid="b", text="智利总统德米特签署法令。智利国会。"), date="2017-11-20")
    found = _found([a, b], ["卡洛·德米特", "德米特"], ["智利"])
    assert _groups(link([a, b], found, {}), "卡洛·德米特") == [["a", "b"]]
    assert _groups(link([replace(a, date="2010-03-01"), b], found, {}), "卡洛·德米特") == [["a"]]  # two terms apart
    c = replace(art(aid="c", text="秘鲁总理德米特签署法令。秘鲁国会。"), date="2017-11-20")  # another country
    found = _found([a, c], ["卡洛·德米特", "德米特"], ["智利", "秘鲁"])
    assert _groups(link([a, c], found, {}), "卡洛·德米特") == [["a"]]
    # a short form begun with a Chinese surname (穆) is foreign in a story that names a foreign country
    d = replace(art(aid="d", text="欢迎智利总统卡洛·穆尔特访华。"), date="2015-03-01")
    e = replace(art(aid="e", text="智利总统穆尔特签署法令。"), date="2015-06-01")
    assert _groups(link([d, e], _found([d, e], ["卡洛·穆尔特", "穆尔特"], ["智利"]), {}), "卡洛·穆尔特") == [["d", "e"]]


def test_a_name_written_with_the_honorific_comrade_in_stories_years_apart_is_one_person():
    a = replace(art(aid="a", text="江西各界深切缅怀赵明远同志。"), date="2014-06-22")
    b = replace(art(aid="b", text="以赵明远同志为代表的老一辈科学家。"), date="2021-07-01")
    c = replace(art(aid="c", text="赵明远同志因病在浙江逝世。"), date="2022-11-30")
    found = _found([a, b, c], ["赵明远"], ["江西", "浙江"])
    assert _groups(link([a, b, c], found, {}), "赵明远") == [["a", "b", "c"]]
    c = replace(art(aid="c", text="赵明远因病在浙江逝世。"), date="2022-11-30")  # no honorific: nothing in common
    found = _found([a, b, c], ["赵明远"], ["江西", "浙江"])
    assert len(_groups(link([a, b, c], found, {}), "赵明远")) == 2
    d = replace(art(aid="d", text="浙江省某县县委书记赵明远同志出席。"), date="2022-11-30")  # a local post: another man
    found = _found([a, b, d], ["赵明远"], ["江西", "浙江"])
    assert ["d"] in _groups(link([a, b, d], found, {}), "赵明远")
    e = replace(art(aid="e", text="中共中央决定：赵明远同志任浙江省委书记。"), date="2022-11-30")  # an appointment
    found = _found([a, b, e], ["赵明远"], ["江西", "浙江"])
    assert ["e"] in _groups(link([a, b, e], found, {}), "赵明远")


def test_an_academician_named_before_or_after_the_word_is_one_person_in_any_year():
    a = replace(art(aid="a", text="中国工程院院士赵明远在江西考察。"), date="2014-06-22")
    b = replace(art(aid="b", text="赵明远院士在浙江作报告。"), date="2021-07-01")
    found = _found([a, b], ["赵明远"], ["江西", "浙江"])
    assert _groups(link([a, b], found, {}), "赵明远") == [["a", "b"]]
    b = replace(art(aid="b", text="赵明远在浙江作报告。"), date="2021-07-01")  # no 院士 in one: apart, as before
    found = _found([a, b], ["赵明远"], ["江西", "浙江"])
    assert len(_groups(link([a, b], found, {}), "赵明远")) == 2


def test_a_long_foreign_name_many_dotted_names_begin_with_is_a_given_name_the_weeks_do_not_join():
    a = replace(art(aid="a", text="前雇员德米特拉科的爆料引发风波。智利、秘鲁关注。"), date="2013-06-10")
    b = replace(art(aid="b", text="前雇员德米特拉科已离开秘鲁。巴西、古巴表示关注。"), date="2013-06-25")
    c = replace(art(aid="c", text="这一天德米特拉科说，秘鲁、智利的做法不对。"), date="2013-07-05")
    d = art(aid="d", text="德米特拉科·阿洛和德米特拉科·卡萨出席。")
    found = _found([a, b, c, d], ["德米特拉科·阿洛", "德米特拉科·卡萨", "德米特拉科"], ["智利", "秘鲁", "巴西", "古巴"])
    assert len(_groups(link([a, b, c, d], found, {}), "德米特拉科")) == 2


_COUNTRIES = ["智利", "秘鲁", "巴西", "古巴"]


@pytest.mark.parametrize("told, small, names", [
    ("前雇员德米特拉科的爆料引发风波。智利、秘鲁关注。", "这一天德米特拉科提供的文件显示，智利、巴西受到监控。", ["德米特拉科"]),
    # (the title run broken by the name of the one he speaks for)
    ("智利外交部发言人德米特拉科说，智利、秘鲁应克制。", "智利外长卡萨的发言人德米特拉科表示，巴西、智利应对话。", ["德米特拉科", "卡萨"]),
])
def test_a_famous_foreign_name_is_its_dominant_person_in_stories_about_other_countries_years_later(told, small, names):
    big = [replace(art(aid=f"a{n}", text=told), date=f"2013-06-{10 + n}") for n in range(10)]
    later = replace(art(aid="b", text=small), date="2015-03-01")
    coach = replace(art(aid="c", text="教练德米特拉科说，智利、古巴的球队很强。"), date="2016-03-01")
    arts = big + [later, coach]
    groups = _groups(link(arts, _found(arts, names, _COUNTRIES), {}), "德米特拉科")
    assert sorted(map(len, groups)) == [1, 11] and ["c"] in groups  # (教练: another title, another person)
    arts = big[:5] + [later, coach]  # five stories make no figure the news followed for months
    assert ["b"] in _groups(link(arts, _found(arts, names, _COUNTRIES), {}), "德米特拉科")


def test_a_provinces_leader_is_the_national_office_holder_of_that_name_a_citys_is_not():
    a = replace(art(aid="a", text="国务委员、公安部部长王明远出席会议。"), date="2020-01-17")
    b = replace(art(aid="b", text="国务委员王明远主持会议。"), date="2021-01-23")
    c = replace(art(aid="c", text="考察期间，湖南省委书记、省长王明远陪同。"), date="2012-12-06")
    d = replace(art(aid="d", text="广州市委书记王明远汇报了工作。"), date="2013-03-01")
    found = _found([a, b, c, d], ["王明远"])
    groups = _groups(link([a, b, c, d], found, {}), "王明远")
    assert ["a", "b", "c"] in groups and ["d"] in groups


def test_a_dotted_name_listed_among_two_national_office_holders_of_china_is_no_foreign_name():
    texts = (("a", "全国政协主席王大明、全国政协副主席李小红出席。", "2014-03-01"),
             ("b", "全国政协副主席王大明、李小红、阿里木·吐尔洪出席。智利大使参加。", "2015-05-01"),
             ("c", "会议执行主席是王大明、李小红、阿里木·吐尔洪。巴西代表团列席。", "2018-09-01"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    found = _found(arts, ["王大明", "李小红", "阿里木·吐尔洪"], ["智利", "巴西"])
    assert _groups(link(arts, found, {}), "阿里木·吐尔洪") == [["b", "c"]]


def test_a_public_figure_named_over_the_years_without_a_post_is_one_person_in_every_province():
    texts = (("a", "湖南各地弘扬钱望舒精神，开展志愿服务。", "2013-03-05"),
             ("b", "广东的学生们在纪念馆缅怀钱望舒先生。", "2014-04-04"),
             ("c", "今年是钱望舒诞辰100周年，河北各界举行纪念活动。", "2016-11-12"),
             ("d", "浙江的志愿者说，要把钱望舒精神传下去。", "2018-03-05"),
             ("e", "钱望舒的故事在四川广为流传。", "2021-06-17"))
    arts = [replace(art(aid=i, text=t), date=d) for i, t, d in texts]
    places = ["湖南", "广东", "河北", "浙江", "四川"]
    linked = link(arts, _found(arts, ["钱望舒"], places), {})
    assert _groups(linked, "钱望舒") == [["a", "b", "c", "d", "e"]]
    assert any("public figure" in d.reason for e in linked.entities if e.label == "钱望舒" for d in e.merges)
    # a county's party secretary of that name is bound to their province: another person
    f = replace(art(aid="f", text="云南某县县委书记钱望舒主持会议。云南经济。"), date="2019-05-01")
    arts.append(f)
    groups = _groups(link(arts, _found(arts, ["钱望舒"], places + ["云南"]), {}), "钱望舒")
    assert ["f"] in groups and ["a", "b", "c", "d", "e"] in groups
    # the same stories within two calendar years: no figure named over the years, the weeks between decide
    arts = [replace(x, date=f"2013-0{n + 1}-01" if n < 3 else f"2014-1{n - 3}-01") for n, x in enumerate(arts[:5])]
    assert len(_groups(link(arts, _found(arts, ["钱望舒"], places), {}), "钱望舒")) > 1


def test_a_name_of_few_namesakes_with_the_same_title_word_is_one_person_in_any_year():
    a = replace(art(aid="a", text="神舟九号航天员翟远航出舱。"), date="2012-06-20")
    b = replace(art(aid="b", text="执行任务的乘组航天员翟远航返回。"), date="2021-09-17")
    c = replace(art(aid="c", text="村民翟远航种植葡萄。"), date="2016-09-17")  # another title word: another person
    linked = link([a, b, c], _found([a, b, c], ["翟远航"]), {})
    assert ["a", "b"] in _groups(linked, "翟远航") and ["c"] in _groups(linked, "翟远航")
    d = replace(art(aid="d", text="神舟九号航天员王远航出舱。"), date="2012-06-20")  # a most common surname:
    e = replace(art(aid="e", text="执行任务的乘组航天员王远航返回。"), date="2021-09-17")  # the title's last words too
    assert len(_groups(link([d, e], _found([d, e], ["王远航"]), {}), "王远航")) == 2


def test_a_name_listed_after_others_has_the_lists_title():
    a = replace(art(aid="a", text="神舟九号航天员翟远航出舱。"), date="2012-06-20")
    b = replace(art(aid="b", text="执行任务的航天员孟思远、翟远航返回。"), date="2021-09-17")
    linked = link([a, b], _found([a, b], ["翟远航", "孟思远"]), {})
    assert _groups(linked, "翟远航") == [["a", "b"]]
    c = replace(b, text="执行任务的航天员孟思远，翟远航返回。")  # (a comma ends the list)
    assert len(_groups(link([a, c], _found([a, c], ["翟远航", "孟思远"]), {}), "翟远航")) == 2


def test_list_title_run():
    from kg.link.person_names import list_title_run

    a = art(aid="a", text="航天员孟思远、翟远航和王明出舱。")
    people = [ment(a, n, "Person") for n in ("孟思远", "翟远航", "王明")]
    assert [list_title_run(a.text, m, people) for m in people] == ["航天员"] * 3


def test_a_rare_name_without_a_post_is_the_only_other_person_of_that_name_in_any_year():
    a = replace(art(aid="a", text="考察期间，湖南省委书记翟远山陪同。湖南经济。"), date="2013-11-28")
    b = replace(art(aid="b", text="会上，王明、翟远山出席。"), date="2017-04-01")
    linked = link([a, b], _found([a, b], ["翟远山", "王明"], ["湖南"]), {})
    assert _groups(linked, "翟远山") == [["a", "b"]]
    c = replace(art(aid="c", text="考察期间，湖南省委书记王远山陪同。湖南经济。"), date="2013-11-28")  # a common
    d = replace(art(aid="d", text="会上，王明、王远山出席。"), date="2017-04-01")  # surname: within a year only
    assert len(_groups(link([c, d], _found([c, d], ["王远山", "王明"], ["湖南"]), {}), "王远山")) == 2


def test_a_groups_head_is_a_role_a_national_office_holder_carries_too():
    a = replace(art(aid="a", text="中共中央宣传部部长翟远山出席。"), date="2017-03-01")
    b = replace(art(aid="b", text="大会新闻组组长翟远山向记者介绍情况。"), date="2017-10-16")
    assert _groups(link([a, b], _found([a, b], ["翟远山"]), {}), "翟远山") == [["a", "b"]]


def test_a_country_written_as_the_place_of_a_meeting_is_not_the_title_of_the_name_after_it():
    a = replace(art(aid="a", text="俄罗斯总统卡洛夫会见客人。"), date="2014-05-01")
    b = replace(art(aid="b", text="我期待在巴西会晤期间同卡洛夫总统再次会面。俄罗斯客人来访。"), date="2014-07-09")
    linked = link([a, b], _found([a, b], ["卡洛夫"], ["俄罗斯", "巴西"]), {})
    assert _groups(linked, "卡洛夫") == [["a", "b"]]


def test_a_foreign_states_name_ending_like_a_chinese_city_is_still_abroad():
    # 佛罗里达州 ends with 达州 (a city of Sichuan): the governor's post is no local post in China, so the name
    # stays a foreign one and a namesake in another story months later is not "the only other person of that name"
    a = replace(art(aid="a", text="美国枪击案后，佛罗里达州州长卡洛夫称，这是恐怖事件。"), date="2016-06-13")
    b = replace(art(aid="b", text="美国警方枪杀男子卡洛夫，抗议持续。"), date="2016-09-22")
    linked = link([a, b], _found([a, b], ["卡洛夫"], ["美国"]), {})
    assert _groups(linked, "卡洛夫") == [["a"], ["b"]]


def test_a_supreme_leader_is_a_national_office_holder():
    # (kg/link/data/national_titles.txt: 最高领导人, 最高领袖 are held by one person at a time in a country)
    stories = [replace(art(aid=aid, text=text), date=date) for aid, text, date in (
        ("a", "朝鲜最高领导人金明哲出席了阅兵式。", "2017-04-15"),
        ("b", "习近平表示，请转达对金明哲委员长的问候。朝鲜客人表示感谢。", "2016-06-01"),
        ("c", "美国总统会见了记者。他愿与朝鲜最高领导人金明哲会面。", "2017-05-02"))]
    found = _found(stories, ["金明哲", "习近平"], ["朝鲜", "美国"])
    assert _groups(link(stories, found, {}), "金明哲") == [["a", "b", "c"]]


def test_a_run_of_titles_ending_in_a_commanders_title_is_read_for_a_national_office():
    # (统帅 ends a title as 长 or 席 does: 某国总统、某国武装力量最高统帅某某 holds the national office 总统)
    stories = [replace(art(aid=aid, text=text), date=date) for aid, text, date in (
        ("a", "俄罗斯总统卡洛夫会见了来宾。俄罗斯外交。", "2020-07-01"),
        ("b", "根据俄罗斯总统、俄罗斯武装力量最高统帅卡洛夫的命令，乌克兰和俄罗斯边境举行演习。", "2020-07-18"))]
    found = _found(stories, ["卡洛夫"], ["俄罗斯", "乌克兰"])
    assert _groups(link(stories, found, {}), "卡洛夫") == [["a", "b"]]


@pytest.mark.parametrize("text, abroad", [
    ("在美国纽约州，州长卡洛夫说，疫情仍在蔓延。", True),  # (the comma parts the state from the title)
    ("美国疫情最严重的纽约州，该州州长卡洛夫称，病例仍在增加。", True),  # (该州: the state named before)
    ("在湖南长沙市，市长卡洛夫说，疫情仍在蔓延。", False),  # (a city of China: a local post)
    ("州长卡洛夫说，疫情仍在蔓延。", False),  # (no region written: as before, a local title)
])
def test_a_title_that_writes_no_region_is_the_post_of_the_region_named_before_it(text, abroad):
    from kg.link.persons import _foreign_title, _region_run

    a = art(aid="a", text=text)
    m = ment(a, "卡洛夫", "Person")
    assert _foreign_title(_region_run(a.text, m, [m])) is abroad


def test_a_longer_name_with_a_role_of_the_same_public_field_joins_in_any_year():
    # (选手 and 名将 are words of sport: one athlete named years apart; 演员 is art, another person)
    stories = [replace(art(aid=aid, text=text), date=date) for aid, text, date in (
        ("a", "湖南乒乓球选手王思远夺得冠军。", "2013-05-01"),
        ("b", "广东世界名将王思远出席了开幕式。", "2016-09-01"),
        ("c", "四川演员王思远参加了演出。", "2018-03-01"))]
    linked = link(stories, _found(stories, ["王思远"], ["湖南", "广东", "四川"]), {})
    assert sorted(_groups(linked, "王思远")) == [["a", "b"], ["c"]]
    assert any("same field" in d.reason for e in linked.entities if e.label == "王思远" for d in e.merges)
    two = [replace(x, text=x.text.replace("王思远", "王远")) for x in stories[:2]]  # (a name many share: apart)
    assert len(_groups(link(two, _found(two, ["王远"], ["湖南", "广东"]), {}), "王远")) == 2


def test_a_countrys_leader_or_candidate_is_the_office_holder_of_that_name():
    # (领导人 and 候选人 are roles an office holder carries too: kg/link/data/role_kinds.tsv office; not 导人 and 选人)
    assert title_word("古巴领导人") == "领导人" and title_word("总统候选人") == "候选人"
    stories = [replace(art(aid=aid, text=text), date=date) for aid, text, date in (
        ("a", "古巴国务委员会主席卡斯托·罗德里斯会见了客人。古巴经济。", "2014-05-01"),
        ("b", "美国总统与古巴领导人卡斯托·罗德里斯举行会谈。美国、古巴关系。", "2015-04-12"),
        ("c", "古巴医生卡斯托·罗德里斯在巴西行医。巴西、古巴合作。", "2015-06-01"))]
    linked = link(stories, _found(stories, ["卡斯托·罗德里斯"], ["古巴", "美国", "巴西"]), {})
    assert sorted(_groups(linked, "卡斯托·罗德里斯")) == [["a", "b"], ["c"]]  # (医生: another person)


def test_a_famous_foreign_office_holder_named_bare_in_a_story_about_other_countries_is_that_person():
    # (no title, role or country of its own before the name: the office holder the build names in most stories)
    big = [replace(art(aid=f"a{n}", text="智利总统德米特拉科会见了客人。智利、秘鲁合作。"), date=f"2013-06-{10 + n}")
           for n in range(10)]
    bare = replace(art(aid="b", text="会议间隙，德米特拉科还同客人进行了会谈。秘鲁、巴西关注。"), date="2013-09-01")
    coach = replace(art(aid="c", text="教练德米特拉科说，智利、古巴的球队很强。"), date="2016-03-01")
    arts = big + [bare, coach]
    groups = _groups(link(arts, _found(arts, ["德米特拉科"], _COUNTRIES), {}), "德米特拉科")
    assert sorted(map(len, groups)) == [1, 11] and ["c"] in groups


def test_a_famous_foreign_office_holder_addressed_in_a_story_about_other_countries_is_that_person():
    # (德米特拉科总统 where the story names only the countries he meets: an office the story leaves open)
    big = [replace(art(aid=f"a{n}", text="智利总统德米特拉科会见了客人。智利、秘鲁合作。"), date=f"2013-06-{10 + n}")
           for n in range(10)]
    open_ = replace(art(aid="b", text="秘鲁外长表示，欢迎德米特拉科总统访问秘鲁。秘鲁、巴西关注。"), date="2013-09-01")
    arts = big + [open_]
    assert _groups(link(arts, _found(arts, ["德米特拉科"], _COUNTRIES), {}), "德米特拉科") == [
        sorted(x.id for x in arts)]


def test_a_full_name_with_a_common_surname_and_a_given_name_others_carry_needs_more_than_three_stories():
    arts, places = _three_stories("李望舒")
    assert _groups(link(arts, _found(arts, ["李望舒"], places), {}), "李望舒") == [["a", "b", "c"]]
    # the build names a 王望舒 too: 望舒 is a given name two surnames carry, 李望舒 a name of many namesakes
    arts.append(replace(art(aid="d", text="河北的王望舒说，今年收成好。"), date="2012-09-01"))
    assert len(_groups(link(arts, _found(arts, ["李望舒", "王望舒"], places), {}), "李望舒")) > 1


_ROLL = "委员：赵一鸣 钱二川 孙三河（女） 冯四海 周五洋（回族）刘望舒 吴七星 "


def test_a_roll_of_names_joins_no_untitled_local_story_but_the_one_official_of_that_name():
    roll = replace(art(aid="a", text=f"国家主席王建国主持。{_ROLL}当选。"), date="2013-03-14")
    local = replace(art(aid="b", text="深圳的注册大厅里，刚刚大学毕业的刘望舒说，门槛低了。"), date="2013-05-03")
    names = ["王建国", "陈立东", "赵一鸣", "钱二川", "孙三河", "冯四海", "周五洋", "刘望舒", "吴七星"]
    arts = [roll, local]
    linked = link(arts, _found(arts, names, ["深圳"]), {})
    assert _groups(linked, "刘望舒") == [["a"], ["b"]]  # a graduate is not the member the roll lists
    # a title in a story that names a national office holder: the official the roll lists, months later too
    official = replace(art(aid="c", text="国务院总理陈立东会见外宾。研究院副院长刘望舒说，意义重大。"), date="2013-09-20")
    arts = [roll, official]
    linked = link(arts, _found(arts, names, ["深圳"]), {})
    assert _groups(linked, "刘望舒") == [["a", "c"]]
    assert any("roll of names" in d.reason for e in linked.entities if e.label == "刘望舒" for d in e.merges)


def test_a_name_in_two_lists_of_names_with_two_people_in_common_is_one_person_in_any_year():
    listed = "看望了钱二川、孙三河、冯四海、刘望舒和周五洋。"
    a = replace(art(aid="a", text=f"北京，{listed}"), date="2025-01-26")
    b = replace(art(aid="b", text=f"广东，{listed}"), date="2026-02-13")
    names = ["钱二川", "孙三河", "冯四海", "刘望舒", "周五洋"]
    linked = link([a, b], _found([a, b], names, ["北京", "广东"]), {})
    assert _groups(linked, "刘望舒") == [["a", "b"]]
    assert any("lists of names that name 4 other people in common" in d.reason
               for e in linked.entities if e.label == "刘望舒" for d in e.merges)
    # one person in common only: a year apart in two provinces, two namesakes as before
    b = replace(b, text="广东，看望了钱二川、刘望舒和吴七星。")
    linked = link([a, b], _found([a, b], names + ["吴七星"], ["北京", "广东"]), {})
    assert _groups(linked, "刘望舒") == [["a"], ["b"]]

