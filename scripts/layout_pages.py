"""Typeset real stories into newspaper pages (HTML in CSS columns, for PDF) and news-site web pages.

Used by scripts/bench_layout.py. Seeded: the same seed and corpus give the same pages. Every page comes with its
truth: the stories on it, each with its headline, the body as printed (dateline included) and its caption.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from dataclasses import dataclass, field

LEADS = ("中国网络电视台消息(新闻联播)：", "中国网络电视台消息（新闻联播）：", "央视网消息（新闻联播）：",
         "央视网消息(新闻联播)：")
CITIES = ("北京", "上海", "长沙", "广州", "成都", "武汉", "西安", "南京", "杭州", "郑州")
AGENCIES = ("新华社{city}{m}月{d}日电", "本报{city}{m}月{d}日电", "中新社{city}{m}月{d}日电")
PAPERS = ("本报讯", "本报讯（记者 {a}）", "本报讯（记者 {a} 通讯员 {b}）")
BROADCAST = ("央视网消息（新闻联播）：", "本台消息，", "据中央广播电视总台中国之声报道，")
NAMES = ("王明", "李华", "张晓燕", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周涛", "吴昊")
SOURCES = ("新华社", "人民日报", "光明日报", "经济日报", "中国新闻网")
FONTS = "'Noto Serif CJK SC','Noto Sans CJK SC',serif"


@dataclass
class Story:
    headline: str
    body: str  # as printed: paragraphs joined by "\n", dateline or lead included
    date: str
    url: str
    caption: str = ""
    author: str = ""
    publisher: str = ""
    paras: list[str] = field(default_factory=list)
    lead: str = ""  # the dateline or broadcast lead printed before the first paragraph


def load_stories(path: str, rng: random.Random, n: int) -> list[dict]:
    """``n`` stories drawn with ``rng`` from the corpus (bodies of 120-3000 characters, one-line titles)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    ok = [r for r in rows if r.get("title") and 120 <= len(r.get("body") or "") <= 3000 and "\n" not in r["title"]
          and 6 <= len(r["title"]) <= 40]
    return rng.sample(ok, n)


def _clean(body: str) -> list[str]:
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    paras = [p for p in paras if not re.match(r"[（(]\s*(视频|文字)编辑", p)]
    if paras:
        for lead in LEADS:
            if paras[0].startswith(lead):
                paras[0] = paras[0][len(lead):]
    return [p for p in paras if p]


def make_story(row: dict, rng: random.Random, budget: int) -> Story:
    """A story from a corpus row: a few paragraphs within ``budget`` characters, and a lead of some kind."""
    paras, kept, size = _clean(row["body"]), [], 0
    for p in paras:
        if kept and size + len(p) > budget:
            break
        if len(p) > budget:
            cut = p[:budget]
            end = max(cut.rfind("。"), cut.rfind("！"), cut.rfind("？"))
            p = cut[:end + 1] if end > 20 else cut
        kept.append(p)
        size += len(p)
    y, m, d = (int(x) for x in row["date"].split("-"))
    kind = rng.choice(("agency", "paper", "broadcast", "none"))
    a, b = rng.sample(NAMES, 2)
    author, lead = "", ""
    if kind == "agency":
        lead = AGENCIES[rng.randrange(3)].format(city=rng.choice(CITIES), m=m, d=d) + " "
    elif kind == "paper":
        form = rng.choice(PAPERS)
        author = a if "{a}" in form else ""
        lead = form.format(a=a, b=b) + " "
    elif kind == "broadcast":
        lead = rng.choice(BROADCAST)
    kept[0] = lead + kept[0]
    caption = ""
    if rng.random() < 0.3:
        caption = f"图为{row['title'][:12]}现场。{rng.choice(NAMES)} 摄"
    return Story(row["title"].strip(), "\n".join(kept), row["date"], row.get("url") or "", caption, author,
                 rng.choice(SOURCES), kept, lead)


def is_broadcast(lead: str) -> bool:
    return lead in BROADCAST


PAGE_CSS = """@page {{ size: {w}mm {h}mm; margin: 10mm; }}
body {{ margin: 0; font-family: {fonts}; }}
.page {{ break-after: page; }}
.masthead {{ font-size: 30px; font-weight: bold; border-bottom: 3px solid #000; margin-bottom: 8px; }}
.cols {{ column-gap: 8mm; column-rule: 1px solid #999; }}
.item {{ break-inside: auto; margin-bottom: 14px; }}
.item h2 {{ margin: 0 0 4px 0; line-height: 1.25; font-weight: bold; break-inside: avoid; break-after: avoid; }}
.item p {{ margin: 0; text-indent: 2em; font-size: 13px; line-height: 1.5; text-align: justify; }}
.photo {{ background: #ccc; height: 60px; margin: 4px 0 2px 0; break-inside: avoid; }}
.caption {{ font-size: 11px; color: #333; margin: 0 0 6px 0; }}
"""


def paper_page(stories: list[Story], rng: random.Random, number: int) -> str:
    """One newspaper page: a masthead, then the stories in 2-4 CSS columns (on some pages the first story's headline
    runs across all the columns)."""
    cols = rng.choice((2, 3, 3, 4))
    parts = [f'<div class="page"><div class="masthead">第{number}版 · 要闻</div>',
             f'<div class="cols" style="column-count:{cols}">']
    banner = rng.random() < 0.3  # the lead story's headline set across all columns
    for k, s in enumerate(stories):
        size = rng.choice((18, 20, 22, 24, 26))
        span = "column-span:all;font-size:30px" if banner and k == 0 else f"font-size:{size}px"
        parts.append(f'<div class="item"><h2 style="{span}">{html.escape(s.headline)}</h2>')
        if s.caption:
            parts.append(f'<div class="photo"></div><div class="caption">{html.escape(s.caption)}</div>')
        parts += [f"<p>{html.escape(p)}</p>" for p in s.paras]
        parts.append("</div>")
    parts.append("</div></div>")
    return "\n".join(parts)


def paper_document(pages: list[str], width: int = 300, height: int = 900) -> str:
    css = PAGE_CSS.format(w=width, h=height, fonts=FONTS)
    return f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head><body>' + "\n".join(
        pages) + "</body></html>"


def web_page(s: Story, rng: random.Random, others: list[Story]) -> str:
    """A news-site article page with its boilerplate: nav, breadcrumbs, ads, related links, comments, footer."""
    e = html.escape
    time_ = f"{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}"
    nav = "".join(f'<li><a href="/{k}/">{w}</a></li>' for k, w in
                  enumerate(("首页", "时政", "国际", "财经", "科技", "体育", "文化", "视频", "专题")))
    related = "".join(f'<li><a href="/news/{k}.html">{e(o.headline)}</a></li>' for k, o in enumerate(others))
    comments = "".join(f'<div class="comment"><span class="user">网友{rng.randrange(1000, 9999)}</span>'
                       f'<p>{rng.choice(("说得好！", "支持！点赞。", "希望越来越好。", "学习了。"))}</p></div>'
                       for _ in range(rng.randrange(1, 4)))
    byline = f'<span class="author">作者：{e(s.author)}</span>' if s.author else ""
    meta_style = rng.choice(("span", "meta"))
    head_meta = (f'<meta property="article:published_time" content="{s.date}T{time_}:00+08:00">'
                 if meta_style == "meta" else "")
    body = "".join(f"<p>{e(p)}</p>" for p in s.paras)
    if s.caption:
        body = f'<figure><img src="/img/{rng.randrange(10**6)}.jpg" alt=""><figcaption>{e(s.caption)}' \
               f'</figcaption></figure>' + body
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(s.headline)}_{e(s.publisher)}</title>
<link rel="canonical" href="{e(s.url)}">{head_meta}
</head><body>
<header><div class="logo">{e(s.publisher)}</div><nav><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="搜索"><button>搜索</button></form></header>
<div class="ad banner">广告 · 品质生活从这里开始，点击了解详情</div>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; 正文</div>
<main><article>
<h1>{e(s.headline)}</h1>
<div class="info"><span class="date">{s.date} {time_}</span> <span class="source">来源：{e(s.publisher)}</span>
{byline}</div>
<div class="content">{body}</div>
<div class="editor">责任编辑：{rng.choice(NAMES)}</div>
</article>
<aside class="related"><h3>相关新闻</h3><ul>{related}</ul></aside>
<div class="ad">广告 · 热门推荐 · 限时优惠</div>
<section class="comments"><h3>网友评论</h3>{comments}</section>
</main>
<footer><p>关于我们 | 联系我们 | 版权声明 | 网站地图</p><p>Copyright © 2012-2026 版权所有 京ICP备00000000号</p></footer>
</body></html>"""
