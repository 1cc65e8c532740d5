"""kg.extract.cut_names: Person spans cut short or run into the next word (invented text, one test per shape)."""

from kg.extract.cut_names import trimmed, whole_name
from kg.extract.not_persons import not_persons
from kg.extract.rules import Candidate, Doc


def _span(text: str, name: str, extractor: str = "ner", nth: int = 0) -> Candidate:
    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    return Candidate(s, s + len(name), "Person", extractor, 0.8)


def _text(d: Doc, c: Candidate | None) -> str | None:
    return None if c is None else d.text[c.start:c.end]


def test_the_start_of_a_name_the_dictionary_knows_is_that_name():
    d = Doc("司马光砸缸的故事流传至今。")
    assert _text(d, whole_name(d, _span(d.text, "司马"), set())) == "司马光"


def test_a_nation_or_two_words_are_no_name_the_dictionary_knows():
    d = Doc("支持也门人主导的进程。")
    assert whole_name(d, _span(d.text, "也门"), set()) is None


def test_a_dotted_name_runs_on_to_punctuation():
    d = Doc("全国人大代表买买·依不拉音：工作报告实事求是。")
    assert _text(d, whole_name(d, _span(d.text, "买买·依"), set())) == "买买·依不拉音"
    d = Doc("出席的有王小明、卡力更·依明巴海、李大伟。")
    assert _text(d, whole_name(d, _span(d.text, "卡力更·依明"), set())) == "卡力更·依明巴海"


def test_a_name_printed_with_a_dash_for_the_middle_dot_runs_on_to_punctuation():
    d = Doc("副委员长卡力更-铁木瓦尔地、副主席阿不来-阿卜都热提等出席。")
    assert _text(d, whole_name(d, _span(d.text, "卡力更"), set())) == "卡力更-铁木瓦尔地"
    assert _text(d, whole_name(d, _span(d.text, "阿不来"), set())) == "阿不来-阿卜都热提"
    d = Doc("外长王小明-李大伟、张三出席。")  # two Chinese names in a pair: not one name
    assert whole_name(d, _span(d.text, "王小明"), set()) is None
    d = Doc("副委员长卡力更-铁木瓦尔地出席会议。")  # no punctuation after the last part: left as it is
    assert whole_name(d, _span(d.text, "卡力更"), set()) is None
    d = Doc("发言人卡洛-史密斯说，报告不实。")  # a speech verb glued to the last part: left as it is
    assert whole_name(d, _span(d.text, "卡洛"), set()) is None


def test_a_dotted_name_does_not_run_into_the_sentence():
    d = Doc("发言人卡洛·安德烈则强调，报告不实。")
    assert whole_name(d, _span(d.text, "卡洛·安德烈"), set()) is None
    d = Doc("总统卡洛·安德烈已辞职 据报道")
    assert whole_name(d, _span(d.text, "卡洛·安德烈"), set()) is None


def test_an_ascii_full_stop_joins_a_foreign_name():
    text = "财政部长安娜.卢共同主持对话。"
    got = not_persons(Doc(text), [_span(text, "安娜", "jieba")])
    assert [text[c.start:c.end] for c in got] == ["安娜.卢"]


def test_a_name_the_article_writes_longer_elsewhere_is_that_name():
    text = "总统卡布布表示欢迎。陪同卡布布访华的有外长。"  # the second cut as 卡布 + 布访华
    d = Doc(text)
    cut = Candidate(text.rindex("卡布布"), text.rindex("卡布布") + 2, "Person", "ner", 0.8)
    assert _text(d, whole_name(d, cut, {"卡布布", "卡布"})) == "卡布布"
    assert whole_name(d, _span(text, "卡布布"), {"卡布布", "卡布"}) is None


def test_a_verb_before_an_aspect_particle_is_no_part_of_the_name():
    d = Doc("受国务院委托，副部长王明作了关于预算的说明。")
    assert _text(d, trimmed(d, _span(d.text, "王明作", "role"), set())) == "王明"
    d = Doc("副部长王明了解到，预算已经通过。")  # 了解 is a word: nothing glued
    assert trimmed(d, _span(d.text, "王明", "role"), set()) is None


def test_a_home_after_a_name_the_article_writes_is_no_part_of_it():
    d = Doc("阿木说，阿木家的新房很宽敞。")
    assert _text(d, trimmed(d, _span(d.text, "阿木家"), {"阿木", "阿木家"})) == "阿木"


def test_a_transliteration_character_left_between_a_title_and_the_name_begins_it():
    d = Doc("国际足联主席因法里诺宣布了任命。")
    s = d.text.index("法里诺")
    assert _text(d, whole_name(d, Candidate(s, s + 3, "Person", "ner", 0.8), set())) == "因法里诺"
    d = Doc("国际足联主席和法里诺出席。")  # 和 is a function word
    s = d.text.index("法里诺")
    assert whole_name(d, Candidate(s, s + 3, "Person", "ner", 0.8), set()) is None


def test_the_report_verb_after_a_name_is_no_part_of_it():
    d = Doc("会议听取了副委员长王明作的关于代表资格的审查报告。")
    assert _text(d, trimmed(d, _span(d.text, "王明作", "role"), set())) == "王明"


def test_a_katakana_middle_dot_joins_a_foreign_name():
    text = "蓝白党领导人安尼・卡茨当选议长。"
    s = text.index("安尼")
    got = not_persons(Doc(text), [Candidate(s, s + 2, "Person", "ner", 0.8)])
    assert [text[c.start:c.end] for c in got] == ["安尼・卡茨"]


def test_a_name_glued_to_what_follows_runs_on_to_punctuation():
    d = Doc("编辑：王佳欣 文字")
    assert _text(d, whole_name(d, _span(d.text, "王佳"), set())) == "王佳欣"
    d = Doc("理事长福田康夫致欢迎辞")  # to the verb inside the word jieba glued
    assert _text(d, whole_name(d, _span(d.text, "福田康"), set())) == "福田康夫"
    d = Doc("村民马以奴斯，今年")  # a rare name of its own before punctuation
    assert _text(d, whole_name(d, _span(d.text, "马以"), set())) == "马以奴斯"
    d = Doc("说小白珍病了，高烧")  # a word that goes on: no name
    assert whole_name(d, _span(d.text, "小白珍"), set()) is None


def test_the_end_of_a_name_the_dictionary_knows_is_that_name():
    d = Doc("汉代文学家司马相如的作品")
    assert _text(d, whole_name(d, _span(d.text, "相如"), set())) == "司马相如"


def test_a_function_word_or_the_start_of_a_verb_after_a_name_is_no_part_of_it():
    d = Doc("总理王立才上任。王立说")
    assert _text(d, trimmed(d, _span(d.text, "王立才"), {"王立"})) == "王立"
    d = Doc("陪同某某书记林丹回到村里。林丹说")
    assert _text(d, trimmed(d, _span(d.text, "林丹回"), {"林丹"})) == "林丹"


def test_a_japanese_given_name_runs_on_to_its_end():
    d = Doc("日本前首相田村纯一郎的顾问")
    assert _text(d, whole_name(d, _span(d.text, "田村纯"), set())) == "田村纯一郎"


def test_a_surname_left_after_a_title_begins_the_name():
    d = Doc("国防委员会副委员长张成明率领代表团")
    assert _text(d, whole_name(d, _span(d.text, "成明"), set())) == "张成明"
    d = Doc("西哈国王和洪明首相交谈")  # 和 is the conjunction
    assert whole_name(d, _span(d.text, "洪明"), set()) is None


def test_a_kinship_word_or_a_preposition_before_a_name_is_no_part_of_it():
    d = Doc("是丈夫蓝小云在生前留下的")
    assert _text(d, trimmed(d, _span(d.text, "丈夫蓝小云"), set())) == "蓝小云"
    d = Doc("总理萨米说，并向萨米总统表示感谢")
    assert _text(d, trimmed(d, _span(d.text, "向萨米"), {"萨米"})) == "萨米"
    d = Doc("副主席向萨米、国务委员")  # after a title: 向 is the surname
    assert trimmed(d, _span(d.text, "向萨米"), {"萨米"}) is None


def test_a_word_of_the_sentence_or_a_country_after_a_name_is_no_part_of_it():
    d = Doc("白宫发言人卡洛当天说")
    assert _text(d, trimmed(d, _span(d.text, "卡洛当天"), set())) == "卡洛"
    d = Doc("瑞典首相 赖因费尔特巴林国王")  # a list of heads of state without separators
    assert _text(d, trimmed(d, _span(d.text, "赖因费尔特巴林"), set())) == "赖因费尔特"
    d = Doc("村民王建国说")  # a surname alone before the word: the whole is the name
    assert trimmed(d, _span(d.text, "王建国"), set()) is None


def test_a_name_runs_on_to_a_function_word_jieba_glued_to_its_last_character():
    d = Doc("韩国总理金滉植在首尔表示")
    got = whole_name(d, _span(d.text, "金滉"), set())
    assert got is None or _text(d, got) == "金滉植"  # (jieba may know the name whole)



def test_a_japanese_given_name_ending_in_one_runs_on_before_a_function_word():
    d = Doc("友好协会会长加藤宏一在新年致辞")
    assert _text(d, whole_name(d, _span(d.text, "加藤宏"), set())) == "加藤宏一"
    d = Doc("张小三一行抵达")  # a delegation: 一行
    assert whole_name(d, _span(d.text, "张小三"), set()) is None


def test_a_dotted_name_cut_before_the_last_part_the_article_writes_alone_is_made_whole():
    from kg.extract.cut_names import whole_name
    from kg.extract.rules import Candidate, Doc

    text = "总监易卜拉欣·莱希赢得选举。60岁的莱希历任要职。"
    d = Doc(text)
    got = whole_name(d, Candidate(2, 8, "Person", "ner", 0.8), {"易卜拉欣·莱", "莱希"})
    assert got is not None and text[got.start:got.end] == "易卜拉欣·莱希"


def test_a_foreign_name_runs_on_through_shen_jin_and_wu():
    # 申, 津, 武 are transliteration characters (某某申科, 某津采夫, 某武什某某)
    d = Doc("乌克兰总统波罗申科17号出席会议。")
    kept = not_persons(d, [_span(d.text, "波罗")])
    assert [_text(d, c) for c in kept] == ["波罗申科"]
    d = Doc("该组织秘书长梅津采夫等出席。")
    kept = not_persons(d, [_span(d.text, "梅津")])
    assert [_text(d, c) for c in kept] == ["梅津采夫"]


def test_a_name_before_zuo_ends_before_it():
    # 作 (to deliver a report) glued by jieba to the name's last character: the name is whole before it
    from kg.extract.people import persons

    d = Doc("法律委员会副主任委员柳成荣作的关于草案审议结果的报告。")
    assert "柳成荣" in [d.text[c.start:c.end] for c in persons(d)]


def test_when_meeting_a_name_shi_is_no_part_of_it():
    d = Doc("在会见印尼总统佐科时，他说，两国友好。")
    kept = not_persons(d, [_span(d.text, "佐科时", "role")])
    assert [_text(d, c) for c in kept] == ["佐科"]
    d = Doc("会见阿伦·拉斯美时，他说，两国友好。")
    kept = not_persons(d, [_span(d.text, "阿伦·拉斯美", "dotted")])
    assert [_text(d, c) for c in kept] == ["阿伦·拉斯美"]


def test_a_surname_character_and_an_adverb_is_no_name():
    from kg.extract.people import persons

    d = Doc("部长在会晤来访者时则表示，双方合作良好。")
    assert "时则" not in [d.text[c.start:c.end] for c in persons(d)]


def test_a_name_word_of_two_parts_is_a_phrase_only_with_a_phrases_word():
    from kg.extract.people import _phrase_part

    d = Doc("x")
    assert _phrase_part(d, "实现") and _phrase_part(d, "理论") and _phrase_part(d, "今天")
    assert not _phrase_part(d, "太郎")  # a given name's noun


def test_the_day_of_the_month_is_no_part_of_a_name():
    d = Doc("委员会秘书卡鲁比19号说，已责成外交部处理。")
    kept = not_persons(d, [_span(d.text, "卡鲁比19号")])
    assert [_text(d, c) for c in kept] == ["卡鲁比"]


def test_a_name_whose_last_character_jieba_glued_to_jia_or_de_is_whole():
    from kg.extract.people import persons

    d = Doc("镇上的村民柳中美家的农家乐生意红火。")
    assert "柳中美" in [d.text[c.start:c.end] for c in persons(d)]


def test_a_name_cut_at_a_dash_takes_the_name_words_on_the_other_side():
    from kg.extract.name_shapes import dotted_whole

    d = Doc("印度某党主席莎尼娅-甘地在贺函中说，祝贺。")  # a last part jieba tags a noun, half transliteration
    assert _text(d, dotted_whole(d, _span(d.text, "莎尼娅"))) == "莎尼娅-甘地"
    d = Doc("副会长班禅额尔德尼-确吉杰布接受了采访。")  # a Tibetan title-name chain: an unknown last part
    assert _text(d, dotted_whole(d, _span(d.text, "班禅额尔德尼"))) == "班禅额尔德尼-确吉杰布"
    d = Doc("首席执行官威廉-科恩。")  # cut to the last part: the first comes back
    assert _text(d, dotted_whole(d, _span(d.text, "科恩"))) == "威廉-科恩"
    d = Doc("常被与已故主播吉米-萨维尔相提并论。")  # a role word before the dash is no part of the name
    assert _text(d, dotted_whole(d, _span(d.text, "萨维尔"))) == "吉米-萨维尔"
    d = Doc("王储塔米姆-阿勒萨尼。")
    assert _text(d, dotted_whole(d, _span(d.text, "阿勒萨尼"))) == "塔米姆-阿勒萨尼"
    d = Doc("期间，艾哈迈迪-内贾德将会与总统会谈。")  # a verb after the name is no part of it
    assert dotted_whole(d, _span(d.text, "艾哈迈迪-内贾德")) is None
    d = Doc("执行和谐使命—郑和舰任务。")  # a dash between a phrase and a name joins nothing
    assert dotted_whole(d, _span(d.text, "郑和")) is None


def test_a_dashed_name_runs_on_to_its_last_name_word_before_a_function_word():
    d = Doc("总理诺罗木-阿勒坦呼雅格在贺函中说，祝贺。")
    assert _text(d, whole_name(d, _span(d.text, "诺罗木-阿勒坦"), set())) == "诺罗木-阿勒坦呼雅格"
    d = Doc("总统马哈茂德-阿巴斯今天在会上说，好。")  # a time word is the sentence's
    assert whole_name(d, _span(d.text, "马哈茂德-阿巴斯"), set()) is None


def test_a_three_character_name_cut_before_its_last_character_and_de_is_made_whole():
    d = Doc("这是军分区原副司令员金文元的故事。")
    assert _text(d, whole_name(d, _span(d.text, "金文"), set())) == "金文元"
    d = Doc("这是王某军的驻地。")  # no title, written once, and 军 heads a body: left as it is
    assert whole_name(d, _span(d.text, "王某"), set()) is None
    d = Doc("副司令员金文说的话。")  # a verb is no name's end
    assert whole_name(d, _span(d.text, "金文"), set()) is None


def _model(text: str, name: str) -> list[Candidate]:
    return [_span(text, name, "ner")]


def test_the_model_s_whole_name_mends_a_rule_name_cut_before_words_jieba_does_not_know():
    from kg.extract.cut_names import model_whole

    d = Doc("某国总统哈恰图芒去年签署协议。")  # jieba: 哈恰 | 图芒 (neither known)
    assert _text(d, model_whole(d, _span(d.text, "哈恰"), _model(d.text, "哈恰图芒"))) == "哈恰图芒"
    d = Doc("农业部副部长于明震介绍说，近日。")  # 于 | 明震: a surname jieba reads as a preposition
    assert _text(d, model_whole(d, _span(d.text, "明震"), _model(d.text, "于明震"))) == "于明震"


def test_the_model_s_longer_span_loses_where_it_takes_a_word_of_the_sentence():
    from kg.extract.cut_names import model_whole

    d = Doc("习近平同某国总理白德恩通电话。")  # 通 of 通电话
    assert model_whole(d, _span(d.text, "白德恩"), _model(d.text, "白德恩通")) is None
    d = Doc("习近平主席和佐达总统共同推动。")  # 和: the conjunction, though a surname too
    assert model_whole(d, _span(d.text, "佐达"), _model(d.text, "和佐达")) is None
    d = Doc("驻村第一书记杨再南刚到村里时。")  # 刚 of 刚到: an adverb
    assert _text(d, model_whole(d, _span(d.text, "杨再"), _model(d.text, "杨再南刚"))) == "杨再南"


def test_the_day_of_a_date_before_a_name_is_no_part_of_it():
    d = Doc("自5月25日乔安·弗里曼遇害以来。")
    assert _text(d, trimmed(d, _span(d.text, "日乔安·弗里曼"), set())) == "乔安·弗里曼"


def test_a_title_s_end_or_a_preposition_before_a_dashed_name_is_no_part_of_it():
    d = Doc("国家安全部长本-格兰尔表示。")  # jieba: 国家安全部 | 长本 | - | 格兰尔
    got = not_persons(d, [_span(d.text, "长本-格兰尔")])
    assert [d.text[c.start:c.end] for c in got] == ["本-格兰尔"]
    d = Doc("已请求欧盟对本-格兰尔实施制裁。")
    assert _text(d, trimmed(d, _span(d.text, "对本-格兰尔"), set())) == "本-格兰尔"
    d = Doc("财政部长安娜.卢共同主持对话。")  # 长安 is a word, but no title: the name stays
    assert trimmed(d, _span(d.text, "安娜.卢"), set()) is None


def test_an_armed_group_s_name_in_one_span_is_an_organisation():
    d = Doc("美军称打击胡达武装反舰导弹。")
    got = not_persons(d, [_span(d.text, "胡达武装")])
    assert [(d.text[c.start:c.end], c.cls) for c in got] == [("胡达武装", "Organization")]


def test_a_character_after_a_name_that_the_model_leaves_out_is_no_part_of_it():
    text = "会长韩立为获奖者颁奖。副会长韩立主持大会。"
    d = Doc(text)
    got = not_persons(d, [_span(text, "韩立为", "role")], [_span(text, "韩立", "ner", nth=1)])
    assert [(c.start, text[c.start:c.end]) for c in got][0] == (2, "韩立")
    assert "韩立为" not in [text[c.start:c.end] for c in got]
    text = "副主席何明为出席。"  # the model reads 何明为 whole: the name stays
    d = Doc(text)
    assert [text[c.start:c.end] for c in not_persons(d, [_span(text, "何明为", "role")], [])] == ["何明为"]


def test_the_first_character_of_a_title_or_a_couple_after_a_name_is_no_part_of_it():
    d = Doc("某国主席和菲洛普国王互致贺电。")  # jieba: 菲洛普 | 国王
    assert _text(d, trimmed(d, _span(d.text, "菲洛普国"), set())) == "菲洛普"
    d = Doc("当晚，主席为卢达夫妇举行欢迎宴会。")
    assert _text(d, trimmed(d, _span(d.text, "卢达夫"), set())) == "卢达"
    d = Doc("卡洛维夫夫妇出席。")  # a name ending in 夫 before 夫妇 stays
    assert trimmed(d, _span(d.text, "卡洛维夫"), set()) is None


def test_a_dotted_name_ends_before_a_verb_of_the_sentence():
    d = Doc("同某国总理伊姆卡·汗通电话。")
    assert _text(d, trimmed(d, _span(d.text, "伊姆卡·汗通电话"), set())) == "伊姆卡·汗"
    d = Doc("某国主席朱马里·塔尼颂将访华。")  # one character jieba reads as a verb may end a name
    assert trimmed(d, _span(d.text, "朱马里·塔尼颂"), set()) is None


def test_the_end_of_a_word_before_a_foreign_name_is_no_part_of_it():
    d = Doc("主席致电祝贺默洛尔连任总理。")  # 祝贺: 贺 is no surname here
    assert _text(d, trimmed(d, _span(d.text, "贺默洛尔"), set())) == "默洛尔"
    d = Doc("治沙的美国人赛·考斯达发出邀请。")
    assert _text(d, trimmed(d, _span(d.text, "人赛·考斯达"), set())) == "赛·考斯达"
    d = Doc("农业农村部副部长于康明介绍说。")  # 长于 is a word, but 于 begins a Chinese name
    assert trimmed(d, _span(d.text, "于康明"), set()) is None


def test_a_dotted_name_after_a_title_ending_in_its_first_character_keeps_it():
    d = Doc("研究所所长安东尼·福西5日指出。")  # jieba may read 长安: the title is 所长, the name 安东尼·福西
    assert trimmed(d, _span(d.text, "安东尼·福西"), set()) is None


def test_a_dashed_last_part_jieba_cuts_into_a_rare_word_a_name_and_di_or_glues_to_shuo():
    from kg.extract.name_shapes import dotted_whole

    d = Doc("副委员长阿布力-铁力卡尔地出席会议。")  # 铁力 (rare) | 卡尔 (a name) | 地 | 出席会议
    assert _text(d, dotted_whole(d, _span(d.text, "阿布力"))) == "阿布力-铁力卡尔地"
    d = Doc("外长雅各达-卢说，愿意合作。")  # 卢说: jieba's unknown word
    assert _text(d, dotted_whole(d, _span(d.text, "雅各达"))) == "雅各达-卢"
    d = Doc("总统马哈茂德-阿巴斯今天在会上说，好。")  # a frequent word after the dash stays out
    assert dotted_whole(d, _span(d.text, "马哈茂德-阿巴斯")) is None


def test_the_model_s_whole_name_takes_a_character_jieba_glued_to_a_verb_before_an_aspect_particle():
    from kg.extract.cut_names import model_whole

    d = Doc("某某部部长孟干杰作了说明。")  # jieba: 孟干 | 杰作 | 了
    assert _text(d, model_whole(d, _span(d.text, "孟干"), _model(d.text, "孟干杰"))) == "孟干杰"
    d = Doc("某某部部长王明理论指导工作。")  # no aspect particle: the model's longer span loses
    assert model_whole(d, _span(d.text, "王明"), _model(d.text, "王明理")) is None
