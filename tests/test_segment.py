"""Tests for kg.layout.segment: page -> articles, headlines re-attached, bylines, datelines, dates and offsets."""

from __future__ import annotations

import pytest

from kg.model import Article, Document
from kg.layout.normalise import normalise
from kg.util.resources import sample_page
from kg.layout.segment import segment


def cut(text: str, source: str = "page.txt", **kw) -> list[Article]:
    doc = Document(source, source, text, **kw)
    return segment(doc, normalise(text))


def by_body(articles: list[Article], word: str) -> Article:
    found = [a for a in articles if word in a.body]
    assert len(found) == 1, (word, [a.headline for a in found])
    return found[0]


def people(article: Article) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in article.authors]


def check_offsets(article: Article, raw: str) -> None:
    assert len(article.offsets) == len(article.text)
    assert article.text.startswith(article.headline + "\n")
    assert article.text[article.body_start:] == article.body
    for i, ch in enumerate(article.text):
        if ch != "\n":
            assert raw[article.offsets[i]] == ch, (article.id, i, ch)
    for p in article.authors:
        assert raw[p.start:p.end].replace(" ", "") == p.name


@pytest.fixture(scope="module")
def page() -> tuple[str, list[Article]]:
    with open(sample_page(), encoding="utf-8") as f:
        raw = f.read()
    return raw, cut(raw, "000_c105894bd2e3e539.txt")


# ---------------------------------------------------------------- the sample page


def test_sample_page_has_eight_items_in_page_order(page):
    _, arts = page
    assert len(arts) == 8
    assert [a.position for a in arts] == list(range(8))
    assert [a.id for a in arts] == [f"000_c105894bd2e3e539-{i}" for i in range(8)]
    assert [a.kind for a in arts] == ["article"] * 7 + ["caption"]
    assert all(a.source == "000_c105894bd2e3e539.txt" for a in arts)


@pytest.mark.parametrize("word, headline, subtitle", [
    ("燃气安全是民生大事", "多维发力守底线 多措并举治隐患", "长沙新奥燃气织密燃气安全防护网"),
    ("火焰社区", "雨花区坚持党建引领基层治理", "各类服务载体让居民找得到、叫得应、帮得忙、解得急"),
    ("柑橘", "西洞庭管理区党建赋能产业链", "全区45个产业链党组织为43家企业、合作社解决各类问题82个"),
    ("保险+信贷", "郴州落地全省首单", "“中试综合保险”"),
    ("后付制", "湘西州基本医保基金", "即时结算试点见成效"),
    ("钢城文化广场", "废旧厂房变身文化广场", None),
])
def test_printed_headlines_attached_to_their_bodies(page, word, headline, subtitle):
    art = by_body(page[1], word)
    assert art.headline.replace(" ", "") == headline.replace(" ", "")
    assert art.subtitle == subtitle


@pytest.mark.parametrize("word, start", [("工伤认定规程", "每个劳动者的背后都是一个家庭"),
                                         ("无人机驾驶", "我利用培训学习的AI视频剪辑和视频制作技术")])
def test_missing_headline_falls_back_to_first_clause(page, word, start):
    art = by_body(page[1], word)
    assert art.headline == start
    assert art.subtitle is None
    assert art.body.lstrip("“").startswith(art.headline)


def test_section_subheads_stay_in_the_body(page):
    arts = page[1]
    first = by_body(arts, "燃气安全是民生大事")
    for sub in ("多维宣传发力", "狠抓隐患治理", "以练为战砺精兵"):
        assert f"\n{sub}\n" in first.body
        assert all(sub not in a.headline for a in arts)


@pytest.mark.parametrize("word, expected", [
    ("燃气安全是民生大事", [("王文", "作者")]),
    ("工伤认定规程", [("熊旭东", "作者"), ("黄玲玲", "作者"), ("邹娜妮", "作者")]),
    ("火焰社区", [("曾楚禹", "记者")]),
    ("柑橘", [("李杰", "记者"), ("丁慧", "通讯员")]),
    ("保险+信贷", [("张思齐", "记者"), ("周蓉", "通讯员")]),
    ("后付制", [("张颐佳", "记者"), ("黄馨怡", "通讯员"), ("李呢喃", "通讯员")]),
    ("无人机驾驶", [("唐曦", "记者"), ("龙青", "通讯员"), ("谢睿", "通讯员")]),
    ("钢城文化广场", [("吴永华", "摄影")]),
])
def test_authors_and_roles(page, word, expected):
    assert people(by_body(page[1], word)) == expected


def test_bylines_and_datelines_are_cut_from_bodies(page):
    arts = page[1]
    for art in arts:
        for meta in ("讯（", "全媒体记者", "（熊旭东", "湖南图片库", "吴永华", "王 文", "王文"):
            assert meta not in art.body, (art.id, meta)
        if art.dateline:
            assert art.dateline == "湖南日报7月3日讯"
    assert by_body(arts, "保险+信贷").body.startswith("记者1日从郴州市科技局获悉")
    assert by_body(arts, "钢城文化广场").body.endswith("宣教等需求。")


def test_dates(page):
    # six datelines say 7月3日 and the page writes 2025 most often; the two undated items share the page's day
    assert [a.date for a in page[1]] == ["2025-07-03"] * 8


def test_undated_items_stay_undated_when_datelines_disagree():
    raw = WIRE.replace("重庆3月12日电", "重庆3月11日电") + "\n（完）\n\n水利部部署秋汛防御\n\n水利部要求各地做好秋汛防御工作。\n"
    arts = cut(raw, "wire.txt")
    assert [a.date for a in arts] == [None, None, None]
    assert arts[2].headline == "水利部部署秋汛防御" and all("完" not in a.text for a in arts)
    arts = cut(raw.replace("今年", "2024年"), "wire.txt")
    assert [a.date for a in arts] == ["2024-03-12", "2024-03-11", None]


def test_offsets_point_at_the_raw_page(page):
    raw, arts = page
    for art in arts:
        check_offsets(art, raw)


# ---------------------------------------------------------------- other layouts

WIRE = """我国首座海上风电制氢平台投产

新华社福州3月12日电（记者 陈国栋 林晓薇）记者12日从福建省能源局获悉，我国首座海上风电制
氢平台当日在平潭海域正式投产，年产绿氢可达300吨。

据介绍，该平台由福建海峡能源公司建设，总投资约4.5亿元。

西部陆海新通道班列开行突破万列

新华社重庆3月12日电（记者 周思远）记者从重庆市口岸物流办获悉，截至3月11日，西部陆海新通
道班列今年累计开行突破1万列，同比增长12%。

重庆市口岸物流办负责人表示，今年将新增3条班列线路。
"""

# An evening paper: headlines after the bodies, in the other order, plus one for an article not on the page.
EVENING = """本报讯（见习记者 欧阳琳 实习生 顾晓）5日，滨江区首个社区食堂在新桥社区开业，可同时容纳80人
就餐，老年人用餐每餐优惠3元。
社区居民赵大妈说，以后吃饭方便多了。
本报讯（记者 孟凡）记者从市交通局获悉，江北快速路二期工程将于下月通车，全长12.6公里，设互通立交
4座。
（韦思远）
江北快速路二期下月通车

全长12.6公里

滨江首个社区食堂开业

老人每餐优惠3元

全市秋粮收购进度过半
"""


def test_wire_copy_two_articles_with_headlines_above():
    arts = cut(WIRE, "xinhua.txt")
    assert [a.headline for a in arts] == ["我国首座海上风电制氢平台投产", "西部陆海新通道班列开行突破万列"]
    assert [a.dateline for a in arts] == ["新华社福州3月12日电", "新华社重庆3月12日电"]
    assert people(arts[0]) == [("陈国栋", "记者"), ("林晓薇", "记者")]
    assert people(arts[1]) == [("周思远", "记者")]
    assert [a.date for a in arts] == [None, None]  # no year anywhere: never guessed
    assert "我国首座海上风电制氢平台当日" in arts[0].body  # rejoined across the line break
    for art in arts:
        check_offsets(art, WIRE)


def test_year_from_the_file_name():
    arts = cut(WIRE, "xinhua_2024-03-13.txt")
    assert [a.date for a in arts] == ["2024-03-12", "2024-03-12"]


def test_headline_blocks_after_bodies_in_another_paper_style():
    arts = cut(EVENING, "evening_20241006.txt")
    assert len(arts) == 2
    food, road = by_body(arts, "社区食堂"), by_body(arts, "快速路")
    assert (food.headline, food.subtitle) == ("滨江首个社区食堂开业", "老人每餐优惠3元")
    assert (road.headline, road.subtitle) == ("江北快速路二期下月通车", "全长12.6公里")
    # a headline whose article is not on the page heads nothing, but stays in the text of an article (never dropped)
    assert all("秋粮" not in (a.headline, a.subtitle) for a in arts)
    assert sum("全市秋粮收购进度过半" in a.body for a in arts) == 1
    assert people(food) == [("欧阳琳", "记者"), ("顾晓", "实习生")]
    assert people(road) == [("孟凡", "记者"), ("韦思远", "作者")]
    assert food.dateline == "本报讯" and food.date == "2024-10-06"  # no dateline day: the page's date
    for art in arts:
        check_offsets(art, EVENING)


FEATURE = """乡村振兴看新貌

本报记者 司马云 通讯员 白露

初秋时节，走进桃源县茶庵铺镇，漫山茶园郁郁葱葱，一派丰收景象。

产业兴旺

近年来，该镇大力发展茶叶产业，茶园面积已达3万亩，带动农户增收。

茶农在采摘秋茶。 （记者 欧阳雪 摄）

图片新闻

9月18日，市民在滨湖公园观赏菊花展。本届菊花展共展出菊花500余个品种。
摄影 方振华

人民网北京9月18日电 （记者 贾鹏）国家统计局18日发布数据显示，8月份全国规模以上工业增加值同比增长4.5%。
"""


def test_feature_page_with_byline_on_top_subheads_and_photo_credits():
    arts = cut(FEATURE, "feature-2024-09-19.txt")
    assert [(a.headline, a.kind) for a in arts] == [
        ("乡村振兴看新貌", "article"), ("茶农在采摘秋茶", "caption"), ("图片新闻", "caption"),
        ("国家统计局18日发布数据显示", "article")]
    assert people(arts[0]) == [("司马云", "记者"), ("白露", "通讯员")]
    assert "\n产业兴旺\n" in arts[0].body
    assert people(arts[1]) == [("欧阳雪", "摄影")] and arts[1].body == "茶农在采摘秋茶。"
    assert people(arts[2]) == [("方振华", "摄影")] and arts[2].date == "2024-09-18"
    assert arts[3].dateline == "人民网北京9月18日电" and people(arts[3]) == [("贾鹏", "记者")]
    for art in arts:
        check_offsets(art, FEATURE)


def test_page_without_any_year_has_no_dates():
    raw = "本报讯（记者 韩雪梅 通讯员 罗志强）10月8日，滨江区首个社区食堂在新桥社区开业。\n\n居民说，吃饭方便多了。\n"
    (art,) = cut(raw, "page.txt")
    assert art.date is None
    assert art.headline == "滨江区首个社区食堂在新桥社区开业"  # a bare date clause is skipped
    assert people(art) == [("韩雪梅", "记者"), ("罗志强", "通讯员")]


@pytest.mark.parametrize("info, date, publisher", [
    ("来源：江汉日报 时间：2024-11-05", "2024-11-05", "江汉日报"),
    ("2024-11-05 09:30 来源：江汉日报 作者：刘明远", "2024-11-05", "江汉日报"),
    ("发布时间：2024年11月5日", "2024-11-05", None),
])
def test_web_article(info, date, publisher):
    raw = (f"长江中游城市群协同发展再提速\n{info}\n11月4日，三省在岳阳召开合作会议，联合发布了十项合作清单。\n\n"
           "会议明确，三省将共同推进跨省高铁通道建设。\n")
    (art,) = cut(raw, "web_article.txt")
    assert art.headline == "长江中游城市群协同发展再提速"
    assert art.date == date and art.publisher == publisher
    assert art.body.startswith("11月4日，三省") and "来源" not in art.body
    assert ("刘明远", "作者") in people(art) or "作者" not in info
    check_offsets(art, raw)


def test_web_article_with_subtitle_and_photo_credit():
    raw = ("老街巷里的新生活\n——记城南旧改一年间\n\n城南片区改造一年来，两千多户居民住进了新房。\n\n"
           "居民们说，日子越过越有奔头。\n\n改造后的城南片区。 郝建国/摄\n")
    arts = cut(raw, "web.txt")
    assert arts[0].headline == "老街巷里的新生活" and arts[0].subtitle == "——记城南旧改一年间"
    assert arts[-1].kind == "caption" and people(arts[-1]) == [("郝建国", "摄影")]
    assert "郝建国" not in arts[-1].body


def test_jsonl_record_is_one_article():
    body = "本报讯（记者 韩雪梅）滨江区首个社区食堂开业。\n\n小标题\n\n居民说，吃饭方便多了。"
    (art,) = cut(body, "feed.jsonl", line=3, title="滨江社区食堂开业", date="2025-07-01", url="http://x.test/1")
    assert art.id == "feed-L3"
    assert art.headline == "滨江社区食堂开业" and art.date == "2025-07-01" and art.url == "http://x.test/1"
    assert art.body == "滨江区首个社区食堂开业。\n小标题\n居民说，吃饭方便多了。"
    assert people(art) == [("韩雪梅", "记者")]


def test_jsonl_title_repeated_at_the_top_maps_to_raw():
    body = "滨江社区食堂开业\n滨江区首个社区食堂开业，居民说，吃饭方便多了。"
    (art,) = cut(body, "feed.jsonl", line=1, title="滨江社区食堂开业")
    assert art.body.startswith("滨江区首个") and art.date is None
    check_offsets(art, body)


def test_jsonl_record_with_a_title_only():
    (art,) = cut("", "feed.jsonl", line=7, title="只有标题的记录")
    assert (art.id, art.headline, art.body) == ("feed-L7", "只有标题的记录", "")


def test_ids_are_ascii():
    (art,) = cut("标题一则\n正文第一句，正文第二句。\n", "湖南日报第5版.txt")
    assert art.id.isascii() and art.id.endswith("-0") and " " not in art.id


def test_empty_document():
    assert cut("", "empty.txt") == []
    assert cut("\n \n", "blank.txt") == []


def test_broadcast_credit_line_gives_authors_with_their_roles_not_body_text(tmp_path):
    a = _one_record(tmp_path, "某市今天召开会议。\n(视频编辑：王小明 文字编辑：见晓明)")
    assert [(x.name, x.role) for x in a.authors] == [("王小明", "视频编辑"), ("见晓明", "文字编辑")]
    assert "王小明" not in a.body


def test_credit_line_at_the_end_of_the_last_paragraph_gives_authors(tmp_path):
    a = _one_record(tmp_path, "某市今天召开会议。(视频编辑：王小明 文字编辑：见晓明)")
    assert [(x.name, x.role) for x in a.authors] == [("王小明", "视频编辑"), ("见晓明", "文字编辑")]
    assert a.body.endswith("某市今天召开会议。")


def test_a_credit_line_naming_an_editor_gives_the_editor_with_the_role(tmp_path):
    a = _one_record(tmp_path, "某市今天召开会议。\n（责任编辑：王小明）")  # decision 18 of tests/gold/README.md
    assert a.body.rstrip().endswith("某市今天召开会议。") and "王小明" not in a.body
    assert [(x.name, x.role) for x in a.authors] == [("王小明", "责任编辑")]


def test_a_broadcast_lead_is_the_dateline_not_body_text(tmp_path):
    a = _one_record(tmp_path, "某某网消息（晚间新闻）：某市今天召开会议。")
    assert a.dateline == "某某网消息（晚间新闻）：" and a.body.startswith("某市今天召开会议")


def _one_record(tmp_path, body: str):
    """The one article of a JSONL record titled 某市召开会议 with ``body``."""
    import json

    from kg.ingest import readers as ingest
    from kg.layout import normalise, segment

    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"title": "某市召开会议", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,), _ = ingest.read([p])
    (a,) = segment.segment(doc, normalise.normalise(doc.text))
    return a
