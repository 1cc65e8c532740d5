"""Pages whose headlines stand over their bodies (kg.layout.segment), PDF pages (kg.ingest.pdf) and saved web pages (kg.ingest.html).

The pages are invented here; the PDFs are drawn by the test with reportlab's built-in STSong-Light CID font.
"""

from __future__ import annotations

import pytest

from kg.ingest import readers as ingest
from kg.model import Document
from kg.layout.normalise import normalise
from kg.layout.segment import segment


def cut(text: str, source: str = "page.txt"):
    return segment(Document(source, source, text), normalise(text))


def squeeze(s: str) -> str:
    return "".join(s.split())


# Three items, no datelines, as pdftotext gives a page: a masthead, a headline wrapped at the column width, a
# caption between a headline and its body, a sub-head inside a story (no blank line before it).
STANDING = """第2版 · 综合新闻

江城今年新开通三条公交线
路 覆盖城东新区

市交通运输局昨天表示，江城今年新开通三条公交线路，
主要服务城东新区的居民出行，三条线路都在新区设站。
三条线路的首末班时间与地铁衔接，方便换乘。
新区居民表示，出行比以前方便多了。

滨湖公园菊花展开幕
图为市民在滨湖公园观赏菊花。王小明 摄

滨湖公园菊花展昨天开幕，展出菊花五百余个品种，
吸引了大批市民前来观赏。
展期一个月
菊花展将持续到下月中旬，公园延长了开放时间。

新华社北京3月12日电 国家统计局今天发布数据，
全国规模以上工业增加值同比增长百分之五。
"""


def test_headlines_standing_over_bodies_without_datelines():
    arts = cut(STANDING)
    heads = [a.headline for a in arts]
    assert heads[:2] == ["江城今年新开通三条公交线路覆盖城东新区", "滨湖公园菊花展开幕"]  # not read as names
    bus, flowers = arts[0], arts[1]
    assert "新区居民表示" in bus.body and "菊花" not in bus.body
    assert "展期一个月" in flowers.body and "菊花将持续" not in squeeze(bus.body)  # a sub-head stays in its story
    assert flowers.subtitle is None and ("王小明", "摄影") in [(p.name, p.role) for p in flowers.authors]
    assert arts[2].dateline == "新华社北京3月12日电"


def test_nothing_on_the_page_is_dropped():
    arts = cut(STANDING)
    kept = squeeze("".join(a.text for a in arts)) + "".join(squeeze(a.dateline or "") for a in arts)
    # a photo credit is kept as the photographer, a dateline as the dateline
    for line in STANDING.replace("王小明 摄", "").replace("新华社北京3月12日电 ", "").splitlines():
        assert squeeze(line).replace("·", "") in kept.replace("·", ""), line  # the masthead too
    assert any(p.name == "王小明" for a in arts for p in a.authors)


def test_wrapped_headline_is_one_headline_but_a_longer_second_line_is_a_subtitle():
    page = "\n\n".join([
        "第1版\n\n省政府召开常务会议研究部署\n秋冬季安全生产工作",
        "会议指出，要压实安全生产责任，排查整治各类隐患。会议还研究了其他事项。",
        "滨江首个社区食堂开业\n老人每餐优惠三元，周边五个小区的居民都可以就餐",
        "本报讯 滨江首个社区食堂昨天开业，老人每餐优惠三元。"])
    arts = cut(page)
    assert arts[0].headline == "省政府召开常务会议研究部署秋冬季安全生产工作" and arts[0].subtitle is None
    assert arts[1].headline == "滨江首个社区食堂开业"
    assert arts[1].subtitle == "老人每餐优惠三元，周边五个小区的居民都可以就餐"


def test_a_double_spaced_subhead_stays_in_its_story():
    page = ("公园改造完成\n\n本报记者 司马云\n\n今年公园完成改造，新增步道三公里。\n\n"
            "环境提升\n\n改造后的公园绿化面积提高了一成。\n\n市民纷纷点赞。\n")
    arts = cut(page)
    assert len(arts) == 1 and "\n环境提升\n" in arts[0].body


# ------------------------------------------------------------------ PDF


def _pdf(path, pages, **kw):
    """Draw ``pages`` (lists of (size, x, y, text)) with reportlab's STSong-Light; skip without reportlab."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(420, 400), **kw)
    for page in pages:
        for size, x, y, text in page:
            c.setFont("STSong-Light", size)
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


def _column(x, y, head, lines):
    out = [(18, x, y, head)]
    for k, ln in enumerate(lines):
        out.append((10, x + (20 if ln.startswith("  ") else 0), y - 26 - 14 * k, ln.strip()))
    return out


TWO_COLUMNS = (_column(20, 360, "城东新区开通公交线", ["  城东新区今天开通三条公交", "线路，居民出行更加方便。",
                                                   "  三条线路与地铁衔接。"])
               + _column(230, 360, "菊花展开幕", ["  滨湖公园菊花展今天开幕，", "展出五百余个品种。"]))


@pytest.fixture()
def pdfplumber():
    return pytest.importorskip("pdfplumber")


def test_pdf_columns_headlines_and_paragraphs(tmp_path, pdfplumber):
    from kg.ingest import pdf

    path = _pdf(tmp_path / "page.pdf", [TWO_COLUMNS])
    pages, warnings = pdf.read_pages(str(path))
    assert warnings == []
    assert pages[0] == ("城东新区开通公交线\n城东新区今天开通三条公交线路，居民出行更加方便。\n三条线路与地铁衔接。\n\n"
                        "菊花展开幕\n滨湖公园菊花展今天开幕，展出五百余个品种。\n")
    arts = cut(pages[0], "page.pdf")
    assert [a.headline for a in arts] == ["城东新区开通公交线", "菊花展开幕"]
    assert "地铁" in arts[0].body and "菊花" not in arts[0].body


def test_kg_reads_pdf_files_and_folders(tmp_path, pdfplumber):
    _pdf(tmp_path / "a.pdf", [TWO_COLUMNS, _column(20, 360, "第二页的新闻", ["  第二页正文一句话。"])])
    docs, warnings = ingest.read([tmp_path])
    assert warnings == [] and [d.source.rsplit("/", 1)[-1] for d in docs] == ["a.pdf"]
    assert "\f" in docs[0].text and "第二页正文一句话。" in docs[0].text


def test_broken_encrypted_and_image_only_pdfs_warn_and_the_run_goes_on(tmp_path, pdfplumber):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not a pdf \x00\x01")
    _pdf(tmp_path / "locked.pdf", [TWO_COLUMNS], encrypt="secret")
    _pdf(tmp_path / "scan.pdf", [[]])
    (tmp_path / "ok.txt").write_text("本报讯 一段正文。\n", encoding="utf-8")
    docs, warnings = ingest.read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["ok.txt"]
    assert len(warnings) == 3 and all("\n" not in w for w in warnings)
    by = {w.split(":")[0].rsplit("/", 1)[-1]: w for w in warnings}
    assert "cannot read PDF" in by["broken.pdf"]
    assert "encrypted" in by["locked.pdf"]
    assert "no text" in by["scan.pdf"]


# ------------------------------------------------------------------ HTML

WEB = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>滨江首个社区食堂开业_江城新闻网</title>
<link rel="canonical" href="https://news.example.cn/2024/10/06/food.html">
<meta property="article:published_time" content="2024-10-06T09:30:00+08:00"></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/a/">时政</a></li><li><a href="/b/">财经</a></li></ul></nav>
<div class="ad">广告：品质生活从这里开始</div>
<article><h1>滨江首个社区食堂开业</h1>
<div class="info">2024-10-06 09:30 来源：江城新闻网 作者：欧阳琳</div>
<p>本报讯 滨江首个社区食堂昨天开业，老人每餐优惠三元，周边五个小区的居民都可以就餐。</p>
<p>食堂由街道和社区共同运营，每天供应早中晚三餐，菜品每周更新一次。</p>
<p>街道负责人表示，明年还将在长沙市其他社区推广这一做法，让更多老人吃得好、吃得方便。</p>
</article>
<aside><h3>相关新闻</h3><ul><li><a href="/x.html">江北快速路二期下月通车</a></li></ul></aside>
<section class="comments"><h3>网友评论</h3><p>点赞！</p></section>
<footer>关于我们 | 版权所有 京ICP备00000000号</footer></body></html>"""


@pytest.fixture()
def trafilatura():
    return pytest.importorskip("trafilatura")


def test_web_page_title_body_date_url_without_boilerplate(tmp_path, trafilatura):
    (tmp_path / "food.html").write_text(WEB, encoding="utf-8")
    docs, warnings = ingest.read([tmp_path])
    assert warnings == [] and len(docs) == 1
    doc = docs[0]
    assert doc.title == "滨江首个社区食堂开业" and doc.date == "2024-10-06"
    assert doc.url == "https://news.example.cn/2024/10/06/food.html"
    assert "菜品每周更新一次" in doc.text and "让更多老人吃得好" in doc.text
    assert not any(w in doc.text for w in ("相关新闻", "网友评论", "版权所有", "广告", "快速路"))
    (art,) = segment(doc, normalise(doc.text))
    assert art.headline == "滨江首个社区食堂开业" and art.date == "2024-10-06"
    assert art.body.startswith("滨江首个社区食堂昨天开业") or "滨江首个社区食堂昨天开业" in art.body
    assert doc.text[art.offsets[0]:art.offsets[0] + 4] == "滨江首个"  # offsets point into the kept text
    assert ("欧阳琳", "作者") in [(p.name, p.role) for p in art.authors]


def test_web_page_in_gbk(tmp_path, trafilatura):
    (tmp_path / "gbk.html").write_bytes(WEB.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    docs, warnings = ingest.read([tmp_path])
    assert warnings == [] and docs[0].title == "滨江首个社区食堂开业" and "菜品每周更新一次" in docs[0].text


def test_broken_html_warns_and_the_run_goes_on(tmp_path, trafilatura):
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    (tmp_path / "junk.htm").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "food.html").write_text(WEB, encoding="utf-8")
    docs, warnings = ingest.read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["food.html"]
    assert len(warnings) == 3 and all("\n" not in w and ".htm" in w for w in warnings)


# ------------------------------------------------------------------ build: the text kept with the graph


def test_build_keeps_the_text_read_from_a_web_page_and_offsets_point_into_it(tmp_path, trafilatura):
    from kg import pipeline

    (tmp_path / "food.html").write_text(WEB, encoding="utf-8")
    result = pipeline.run([tmp_path / "food.html"])
    written = pipeline.write_outputs(result, tmp_path / "out")
    kept = tmp_path / "out" / "sources" / "food.html.txt"
    assert kept in written
    text = kept.read_text(encoding="utf-8")
    assert result.articles and sum(len(m) for m in result.mentions.values()) >= 1
    for found in result.mentions.values():
        for m in found:
            assert text[m.raw_start:m.raw_end] == m.text  # offsets index the kept text, not the HTML


def test_a_short_story_with_a_photo_under_its_headline_is_an_article():
    page = "市民公园开园\n图为开园当天的市民公园。李小华 摄\n本报讯 市民公园昨天开园，占地三百亩。\n"
    (art,) = cut(page)
    assert art.kind == "article" and art.headline == "市民公园开园"
    assert ("李小华", "摄影") in [(p.name, p.role) for p in art.authors]


def test_four_characters_ending_a_wrapped_headline_are_not_a_byline():
    page = ("上一篇报道的最后一段话写到这里为止。\n破纪录的十万亿彰显中国外贸\n强大韧性\n"
            "一季度，我国货物贸易进出口规模历史同期首次突破十万亿元。\n")
    arts = cut(page)
    assert arts[-1].headline == "破纪录的十万亿彰显中国外贸强大韧性" and not arts[-1].authors
