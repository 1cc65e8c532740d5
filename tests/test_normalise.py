import random
from pathlib import Path

import pytest

from kg.layout.normalise import normalise

SAMPLE = Path(__file__).resolve().parents[1] / "kg" / "data" / "samples" / "000_c105894bd2e3e539.txt"
FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                      *range(0xFF41, 0xFF5B))}


def check_offsets(raw, t):
    """The offset map's contract: one entry per char plus the end, increasing, pointing at what it says."""
    assert len(t.offsets) == len(t.text) + 1
    assert all(a < b for a, b in zip(t.offsets, t.offsets[1:]))
    for ch, off in zip(t.text, t.offsets):
        src = raw[off]
        if ch == "\n":
            assert src == "\n"  # a paragraph break points at the raw newline it came from
        elif ch == " ":
            assert src.isspace()
        else:
            assert FULLWIDTH_ALNUM.get(src, src) == ch
    if t.text:
        assert t.offsets[-1] == t.offsets[-2] + 1
    for para in t.text.split("\n"):
        assert para and para == para.strip()
    assert "  " not in t.text


@pytest.fixture(scope="module")
def sample():
    raw = SAMPLE.read_text(encoding="utf-8")
    return raw, normalise(raw)


def test_sample_offsets(sample):
    check_offsets(*sample)


def test_sample_letter_spaced_line_joins(sample):
    raw, t = sample
    assert "启 活 动 热 潮" in raw
    assert "开启活动热潮。总经理" in t.text
    assert "超额完成计划任务，完成率达101.1%；" in t.text


def test_sample_break_after_full_stop_is_kept(sample):
    paras = sample[1].text.split("\n")
    assert paras[0].endswith("为城市燃气安全运行提供坚实后盾。")
    assert paras[1] == "多维宣传发力"  # a short headline line stands alone
    assert paras[2].startswith("长沙新奥燃气以“一号位讲安全”开启活动热潮。")


def test_sample_blank_line_inside_paragraph_rejoins(sample):
    paras = sample[1].text.split("\n")
    assert any("普及燃气安全知识；在“6·16安全宣传咨询日”，于万达广场等" in p for p in paras)
    assert any("长沙新奥燃气打破常规" in p for p in paras)
    # the second article has a blank line after every line
    assert "每个劳动者的背后都是一个家庭，如何为劳动者织密工伤“防护网”，让他们安全又安心地工作，是每一座城市的必答题。" in paras


def test_sample_headline_blocks_and_bylines_stand_alone(sample):
    paras = sample[1].text.split("\n")
    for line in ("郴州落地全省首单", "“中试综合保险”", "湘西州基本医保基金", "即时结算试点见成效", "王文",
                 "（熊旭东 黄玲玲 邹娜妮）", "废旧厂房变身文化广场"):
        assert line in paras


def test_sample_datelines_open_paragraphs_and_continue(sample):
    paras = sample[1].text.split("\n")
    starts = [p for p in paras if p.startswith("湖南日报7月3日讯")]
    assert len(starts) == 5
    assert "湖南日报7月3日讯（全媒体记者 李杰通讯员 丁慧）7月1日，常德市" in starts[1]


def test_sample_word_spaces_between_names_are_kept(sample):
    assert "（全媒体记者 唐曦 通讯员 龙青 谢睿）" in sample[1].text
    assert "吴永华 摄（湖南图片库）" in sample[1].text


@pytest.mark.parametrize("raw, expected", [
    ("开 启 活 动", "开启活动"),
    ("通过 AI 视频剪辑", "通过AI视频剪辑"),
    ("PPB 级激光", "PPB级激光"),
    ("掀起“ 以 练 促 防 ”热 潮 ，累 计", "掀起“以练促防”热潮，累计"),
    ("安全知识 ；在", "安全知识；在"),
    ("Hello   world  ！", "Hello world！"),
    ("he said “ yes ” to it", "he said “ yes ” to it"),
    ("２０２５年ＡＩ大会", "2025年AI大会"),
    ("今年 6 月 30 日", "今年6月30日"),
    ("记者 王小明 通讯员 李四", "记者 王小明 通讯员 李四"),
    ("王 文", "王文"),
    ("零\u200b宽\ufeff字符", "零宽字符"),
    ("\u3000\u3000全角空格缩进\u3000", "全角空格缩进"),
])
def test_spaces(raw, expected):
    t = normalise(raw)
    assert t.text == expected
    check_offsets(raw, t)


def test_empty_and_blank():
    for raw in ("", "  \n\n \u3000\n"):
        t = normalise(raw)
        assert t.text == "" and t.offsets == (0,)


def test_wrapped_column_rejoins_and_paragraphs_stay():
    raw = ("今年以来，全市各地积极推进基层治理改\n革，取得明显成效。各区县结合自身实际\n，"
           "探索出一批好做法。\n多部门联合开展专项行动，重点整治群众\n反映强烈的突出问题，推动工作落地见效。\n")
    t = normalise(raw)
    assert t.text.split("\n") == [
        "今年以来，全市各地积极推进基层治理改革，取得明显成效。各区县结合自身实际，探索出一批好做法。",
        "多部门联合开展专项行动，重点整治群众反映强烈的突出问题，推动工作落地见效。",
    ]
    check_offsets(raw, t)


def test_dateline_and_list_items_open_paragraphs():
    raw = ("本地新闻中心负责人介绍，今年共有十二个项目\n已经开工建设，另有八个项目正在办理手续\n"
           "新华社北京7月3日电 记者从有关部门获悉\n一、加强组织领导\n（二）完善工作机制")
    paras = normalise(raw).text.split("\n")
    assert paras[1].startswith("新华社北京7月3日电")
    assert paras[-2:] == ["一、加强组织领导", "（二）完善工作机制"]


def test_unwrapped_web_text_keeps_every_line():
    paras = ["这是第一段，内容很长" * 8 + "。", "小标题没有标点", "另一个小标题", "这是第二段，继续写" * 9 + "。"]
    for sep in ("\n", "\n\n", "\r\n"):
        assert normalise(sep.join(paras)).text.split("\n") == paras


def test_indented_paragraphs():
    raw = "\u3000\u3000第一段的内容，这里是一个完整的段落\n\u3000\u3000第二段开始了，没有句号结尾\n\u3000\u3000第三段。"
    assert normalise(raw).text.split("\n") == ["第一段的内容，这里是一个完整的段落", "第二段开始了，没有句号结尾", "第三段。"]


def test_latin_words_wrapped_across_lines_keep_a_space():
    raw = "The council approved the plan on Monday and\nwork will start next month."
    assert normalise(raw).text == "The council approved the plan on Monday and work will start next month."


# Property-style tests on invented text --------------------------------------------------------------------

HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面方后多定行学法所民得经三之进着等部度家电力里如水化高自理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
    "提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研"
)


def invented_paragraph(rng):
    def clause():
        return "".join(rng.choice(HAN) for _ in range(rng.randint(4, 14)))

    sentences = ["，".join(clause() for _ in range(rng.randint(1, 3))) + rng.choice("。。。！？")
                 for _ in range(rng.randint(2, 4))]
    return "".join(sentences)


def wrap(text, width, rng):
    lines, cap = [], width - 2  # the first line of a paragraph is indented
    while text:
        lines.append(text[:cap])
        text, cap = text[cap:], width + rng.choice((-1, 0, 0, 0, 1))
    return lines


@pytest.mark.parametrize("seed", range(60))
def test_invented_column_text(seed):
    rng = random.Random(seed)
    width = rng.randint(8, 30)
    paras = [invented_paragraph(rng) for _ in range(rng.randint(3, 8))]
    double = seed % 2 == 1  # a blank line after every line, as on some extracted pages
    lines = []
    for p in paras:
        for line in wrap(p, width, rng):
            lines.append(" ".join(line) if rng.random() < 0.1 else line)  # some lines letter-spaced
        if not double and rng.random() < 0.5:
            lines.append("")
    raw = ("\n\n" if double else "\n").join(lines)
    t = normalise(raw)
    check_offsets(raw, t)
    assert t.text.replace("\n", "") == "".join(paras)  # nothing lost, nothing added
    ends, pos = set(), 0
    for p in paras[:-1]:
        pos += len(p)
        ends.add(pos)
    breaks, pos = set(), 0
    for p in t.text.split("\n")[:-1]:
        pos += len(p)
        breaks.add(pos)
    assert ends <= breaks  # every real paragraph end is kept
    assert all(t.text.replace("\n", "")[b - 1] in "。！？" for b in breaks)  # extra breaks only after a sentence


@pytest.mark.parametrize("seed", range(40))
def test_offsets_hold_on_any_text(seed):
    rng = random.Random(seed)
    alphabet = HAN[:40] + "，。、；：“”（）《》！？ab1 Z\u3000\t\r\n\n\n \u200b\uff11\uff41—…·.%"
    raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
    check_offsets(raw, normalise(raw))


def test_a_number_wrapped_across_lines_stays_one_number():
    raw = ("双方将联合实施良种攻关计划，力争二〇二五年至202\n"
           "7年选育新品种二十个以上，推广面积达到百万亩的规\n"
           "模，带动农户增收致富。\n")
    assert "至2027年选育" in normalise(raw).text


def test_a_list_of_titles_and_names_keeps_one_item_a_line():
    """Items of a list whose words a space separates (a title, a space, a name) are one a line, whatever their
    widths: glued, a name would run into the next item's country (某某斯 + 某国总统). A heading ending in a colon
    stands apart from them too."""
    raw = ("发来贺电的有：\n甲国总统 阿布拉\n乙国总统 巴托斯\n丙国共和党主席 总统 卡米拉\n丁国首相 多布\n"
           "向总理致贺的有：\n戊国总理 叶尔肯\n")
    t = normalise(raw)
    check_offsets(raw, t)
    assert t.text.split("\n") == ["发来贺电的有：", "甲国总统 阿布拉", "乙国总统 巴托斯", "丙国共和党主席 总统 卡米拉",
                                  "丁国首相 多布", "向总理致贺的有：", "戊国总理 叶尔肯"]
