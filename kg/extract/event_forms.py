"""Initiatives and incidents recognised by the shape of their name (kg.extract.named_events calls :func:`forms`).

Short names of games and fairs (某运会, 某博会), railways and motorways (某某高铁, A至B高铁), laws and documents
in 《》, leaders' meetings (中某元首会晤), named craft (某某N号), works named after a dash (…工程——某某工程),
anniversary events (纪念/庆祝 … N周年大会), numbered talks (六方会谈), typhoons by their quoted name and
incidents named by their date (某地7·21特大暴雨); variants of craft (某某二号丙运载火箭), aircraft by type code (C919
大型客机, 运-20) and national programmes named by formula (某某强国战略, 美丽中国建设).
"""

from __future__ import annotations

import re

from .event_stems import EDGE_VERBS, at_end, at_start, countries, stem
from .incident_forms import incidents
from .initiatives import without_period
from .law_forms import laws
from .rules import Candidate, Doc, is_han, rules
from .stems import left_words, namey, not_generic

__all__ = ["COUNTRY_INITIALS", "DOC_HEADS", "WORKS", "body_sessions", "forms"]

_LAW = re.compile(r"中华人民共和国[\u4e00-\u9fff]{2,16}?法(?![律规院官人治制庭学])")
_GAMES = re.compile(r"(?:运|奥|博|洽|交|贸|园)会")  # 园会: a horticultural expo (世园会)
_FAIR_SCOPES = ("海峡两岸", "两岸")  # cross-strait fairs (海峡两岸 + 某博会), as the Taiwan Affairs Office names them
_SEASONS = ("冬季", "夏季")  # 冬季 + 奥运会: the season is part of the games' name
_ROUTE = re.compile(r"(?:高速铁路|城际铁路|高铁|铁路|高速公路|高速(?=新线|[^\u4e00-\u9fff]|$))")  # 某某高速、: an expressway
_ROUTE_CHAIN = re.compile(r"[\u4e00-\u9fff]{2,4}(?:至[\u4e00-\u9fff]{2,4}){1,3}(?:高速铁路|城际铁路|高铁|铁路|高速公路)")
# storms are named by the WMO regional lists (台风“某某”, 飓风“某某”, 热带风暴“某某”): the quoted name is the incident
_TYPHOON = re.compile(r"(?:台风|飓风|热带风暴|热带气旋|风暴)[“\"]([\u4e00-\u9fff·]{2,6})[”\"]"
                      r"|[“\"]([\u4e00-\u9fff]{2,4})[”\"]号?(?:台风|飓风)")
# one-character short forms of countries in leaders' meetings (中美, 中俄, 中法): Xinhua style guide usage
COUNTRY_INITIALS = "中美俄日韩朝英法德意印巴越老泰缅蒙澳欧非"
# (中俄总理 + 第二十五次 + 定期会晤: the heads of government's regular meeting, numbered, is one name too; so is
# its mechanism, 某某定期会晤机制; 某某定期会晤委员会 is a body)
# the partners of China's regular leaders' and heads of government's meetings named by a short form that is no
# country initial elsewhere (中哈: Kazakhstan, 中拉: Latin America, 中新: Singapore)
_SUMMIT_INITIALS = COUNTRY_INITIALS + "哈拉新"
_SUMMIT = re.compile(rf"中[{_SUMMIT_INITIALS}](?:两国)?(?:元首|首脑|领导人|总理(?=第|定期))"
                     r"(?:第[0-9一二三四五六七八九十]+次)?(?:定期|非正式)?(?:会晤|峰会)(?:机制)?(?!委员会|委)")
_CRAFT = re.compile(r"([\u4e00-\u9fff]{2})[一二三四五六七八九十]{1,3}号")
_CRAFT_KIND = re.compile(r"([\u4e00-\u9fff]{2,3})号(?=列车|动车组|飞船|火箭|卫星|探测器|潜水器|浮空艇|科考船|空间站)")
# a variant letter (长征二号丙, 某某四号乙型, 某某五号B and its serial 遥四) or a batch (某某三十号03组) and the kind of craft after it
_VARIANT = re.compile(r"([甲乙丙丁]型?|[A-Z](?![A-Za-z0-9])(?:遥[一二三四五六七八九十]+)?|\d{2}组)?(运载火箭|卫星)?")
# the kind of craft or its mission right after a craft's name (某某二号卫星, 某某五号任务, 某某十二号载人飞船)
_CRAFT_TYPE = re.compile(r"载人飞船|货运飞船|飞船|运载火箭|火箭|卫星|探测器|空间实验室|核心舱|任务")
_KINDS = "大型客机|大型运输机|客机|运输机|直升机|无人机|公务机|大飞机|飞机|战斗机"
# aircraft named by a type code (C919, AG600, ARJ21) right before or after their kind; the code alone after it
_CODED = re.compile(rf"(?<![A-Za-z0-9])([A-Z]{{1,3}}\d{{2,4}})({_KINDS})|(?:{_KINDS})([A-Z]{{1,3}}\d{{2,4}})(?![A-Za-z0-9])")
# PLA aircraft designations: the kind's character, a dash and a number (运-20, 歼-20, 直-20, 空警-2000)
_DESIGNATION = re.compile(r"(?:空警|[运歼轰直强教])[-－—]\d{1,4}[A-Z]?")
_CRAFT_DASH = re.compile(r"(?:卫星|火箭|飞船|探测器|潜水器|客机|飞机)——[“\"]([\u4e00-\u9fff]{2,8})[”\"]")
_CLAUSE_CHARS = "在是的了将"  # 都在 + 一号, 4点是 + 高铁: a clause before the number or the line, no name
_NOT_CRAFT = ("楼", "院", "线", "文件", "门", "码头", "桥", "窗口", "公路", "令", "台风", "主席令", "演播厅", "厅", "馆")
_PARTY_TALKS = re.compile(r"[二三四五六]方会谈")
# an incident named by its date (某年7·23, “8·12”): the date, what, and the kind of incident
# (the dot of a date is ·, ・ or •; a full stop only inside quotes, where no decimal is: “8.12”, not 3.2万起)
_DATED = re.compile(r"(?:[“\"]?\d{1,2}[·・•]\d{1,2}[”\"]?|[“\"]\d{1,2}[.．]\d{1,2}[”\"])[\u4e00-\u9fff]{0,18}(?:事故|地震|暴雨|洪灾|洪涝灾害|(?<!暴雨)灾害|火灾|爆炸|事件)")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")  # a notice may run to 60 characters (《关于在某某中…工作的通知》)
DOC_HEADS = ("法", "法典", "条例", "规定", "办法", "方案", "规划", "纲要", "意见", "决定", "协定", "公约", "宪章",
              "准则", "规则", "细则", "章程", "计划", "决议", "议定书", "条约", "通知", "措施", "法案", "修正案")
# in 《》 also declarations, communiqués, agendas, agreements and memoranda (《某某宣言》, 《某某谅解备忘录》)
_BOOK_HEADS = DOC_HEADS + ("宣言", "公告", "公报", "声明", "议程", "协议", "备忘录", "指南", "目录")
_NOT_DOC = ("报告", "讲话", "文选", "选集", "文集", "论", "书", "传", "记")
_ORG_TAILS = ("局", "集团", "公司", "总公司", "部门", "系统", "管理", "运输")


def _games(d: Doc) -> list[Candidate]:
    """Short names of games and fairs: 某运会, 某奥会, 某博会, 某洽会, 某交会, 某贸会 (a region before it included)."""
    text, out = d.text, []
    for m in _GAMES.finditer(text):
        s, e = m.span()
        if not at_end(d, e) or text.startswith(("对接", "点", "处"), e) or text.endswith("游园会", 0, e):
            continue
        k = d.token_at(s - 1) if s > 0 else -1
        if k < 0:
            continue
        a = d.tokens[k][0]
        while k > 0 and d.tokens[k - 1][1] == a and d.tokens[k - 1][1] - d.tokens[k - 1][0] == 1 \
                and d.tag(d.tokens[k - 1][2]) == "j" and s - d.tokens[k - 1][0] <= 3:
            k -= 1  # 亚 + 残运会: one-character short forms belong to the short name
            a = d.tokens[k][0]
        while a < s and text[a] in "届次第":
            a += 1  # 第17 + 届东 + 博会: jieba glued the edition word to the short name
        if not (1 <= s - a <= 3 and all(is_han(ch) for ch in text[a:s])):
            continue
        if s - a >= 2 and (d.tag(text[a:s]) or "") in ("a", "ad", "d", "v"):
            continue  # 短暂 + 交会, 顺利 + 交会: two trains or craft meeting, no fair
        prev = d.tokens[k - 1][2] if k > 0 else ""
        if prev and (prev in rules().regions or d.tag(prev) == "ns" and len(prev) >= 2 or prev in _FAIR_SCOPES) \
                and d.tokens[k - 1][1] == a:
            a = d.tokens[k - 1][0]
        elif text.endswith(_SEASONS, 0, a) and s - a == 1:
            a -= 2
        out.append(Candidate(a, e, "Initiative", "suffix", 0.75))
    return out


_GLUED = "为在对与和及将从向把被"  # 为 + 京雄 + 高铁: a preposition jieba glued to a new short name


def _routes(d: Doc) -> list[Candidate]:
    """Railways and motorways named by their ends (A至B高铁) or two short forms (某某高铁)."""
    text, out = d.text, []
    for m in _ROUTE_CHAIN.finditer(text):
        s, first = m.start(), text.index("至", m.start())
        while s < first - 2 and (not at_start(d, s) or d.tokens[d.token_at(s)][1] == s + 1):
            s += 1  # 公里的 + 某地至某地高铁, 网中 + 某地至某地高速公路: the name starts at the first city (a word of
            # two characters or more), after a word the match began inside or a particle or preposition
        parts = text[s:m.end()].split("至")
        if at_start(d, s) and all(len(p) >= 2 for p in parts[:-1]):
            out.append(Candidate(s, m.end(), "Initiative", "suffix", 0.75))
    for m in _ROUTE.finditer(text):
        s, e = m.span()
        if s < 2 or not at_end(d, e) or text.startswith(("站", "线路", "网", "列车", "动车"), e):
            continue
        a = s - 2
        three = text[s - 3:s] if s >= 3 else ""
        if s - 3 in d.starts and (s - 2 in d.starts and d.tag(three[:1]) == "j" and three[1:] not in d.info
                                  or d.tokens[d.token_at(s - 3)][1] == s and d.tag(three) in ("ns", "j")):
            a = s - 3  # 沪 + 苏湖 + 高铁, 沪杭甬 + 高铁: three one-character short forms of the cities it joins
        stem = text[a:s]
        glued = a - 1 in d.starts and d.tokens[d.token_at(a - 1)][1] == s and text[a - 1] in _GLUED
        if not all(is_han(ch) for ch in stem) or not (at_start(d, a) or glued) or not (s in d.starts or s in d.cuts):
            continue
        if d.freq(stem) >= 50 and d.tag(stem) not in ("ns", "nz", "j") or stem in countries():
            continue  # 乘坐高铁, 修建铁路: a common word, no name; 中国铁路: the national network
        if text.startswith(_ORG_TAILS, e) or m.group(0) == "高速" and stem in rules().regions:
            continue  # 某某铁路局, 某某高速公路集团: an organisation; 某省 + 高速: a province's motorway company
        unknown = stem not in d.info and a in d.starts and d.tokens[d.token_at(a)][1] == s  # 太锡: one new word
        if stem[0] in rules().stop or stem[0] in rules().name_stop and not unknown \
                or any(ch in _CLAUSE_CHARS for ch in stem) or (d.tag(stem) or "").startswith("v") or stem[-1] == "条":
            continue  # 是对 + 铁路, 新建 + 铁路, 州的 + 高速公路, 通了 + 高速公路: a verb or function word, no name of
            # a line; 首条 + 高铁: a counted line
        if text.startswith("新线", e) and at_end(d, e + 2):
            e += 2  # 某某高速 + 新线: the new line is the works under way
        out.append(Candidate(a, e, "Initiative", "suffix", 0.7))
    return out


_WORKS = ("工程", "项目", "隧洞", "铁路", "高铁", "高速公路", "电站", "水库", "枢纽", "基地")
_APPOSITION = re.compile("(?:" + "|".join(_WORKS) + r")——")
_ANNIVERSARY = re.compile(r"\d{1,3}周年(?:纪念|庆祝)?(?:大会|活动|招待会|座谈会|文艺晚会|晚会|音乐会|(?:大型)?(?:成就展|主题展览|主题展|特展|展览))")
# what an anniversary counts from (某自治区成立60周年, 某某胜利80周年, 两国建交50周年): the event before the number
_VIEW = ("参观", "观看", "走进", "举办", "开幕", "闭幕")  # what visitors and hosts do (jieba tags 参观 a noun)
_SINCE = ("成立", "建立", "诞辰", "胜利", "建交", "回归", "解放", "创建", "建党", "建军", "发表", "召开")


def _appositions(d: Doc) -> list[Candidate]:
    """A works named after a dash that says what it is (某地最长输水隧洞——某某隧洞, 重点项目——“某某”): the quoted
    name, or the words up to the nearest works word (工程, 项目, 隧洞 ...) in the same clause."""
    text, out = d.text, []
    for m in _APPOSITION.finditer(text):
        p = m.end()
        q = re.match(r"[“\"]([^“”\"\n]{2,24})[”\"]", text[p:])
        if q:
            out.append(Candidate(p + q.start(1), p + q.end(1), "Initiative", "quote", 0.8))
            continue
        clause = re.match(r"[^，,。；;！？!?、：:\n“”\"]{2,40}", text[p:])
        if not clause:
            continue
        ends = [p + i + len(w) for w in _WORKS for i in [clause.group(0).find(w)] if i >= 2]
        ends = [e for e in ends if at_end(d, e) or text.startswith(_WORKS, e)]  # 某某输电工程|项目的工地
        if ends:
            out.append(Candidate(p, min(ends), "Initiative", "suffix", 0.75))
    return out


def _anniversaries(d: Doc) -> list[Candidate]:
    """Anniversary events: (纪念|庆祝) + what + N周年 + (纪念)大会/活动 (庆祝某某回归25周年大会)."""
    text, out = d.text, []
    for m in _ANNIVERSARY.finditer(text):
        s = m.start()
        toks, k = [], d.token_at(s - 1) if s > 0 else -1
        while k >= 0 and s - d.tokens[k][0] <= 24:  # the words of the clause before the number
            a, b, w = d.tokens[k]
            if not all(is_han(ch) for ch in w) or (d.tag(w) or "")[:1] in ("p", "u", "r", "d", "c"):
                break
            toks.append((a, b, w))
            k -= 1
        at = [i for i, t in enumerate(toks) if t[2] in ("纪念", "庆祝")]
        if at:
            toks = toks[:max(at) + 1]
        elif toks and toks[0][2] in _SINCE:  # 某某自治区 + 成立 + 60周年成就展: what is counted from, whole
            cut = next((i for i, t in enumerate(toks) if i and ((d.tag(t[2]) or "").startswith("v")
                                                                or t[2] in EDGE_VERBS or t[2] in _VIEW)), len(toks))
            toks = toks[:cut]  # 参观 + 新中国成立70周年成就展: a verb before it opens no name
            j = next((i for i, t in enumerate(toks) if t[2] == "暨"), None)
            if j is not None and j + 1 < len(toks) and toks[j + 1][2].endswith(("会", "会议", "活动")):
                toks = toks[:j]  # 某某代表大会 + 暨 + 某某成立70周年纪念大会: two events, each its own name
            if any(t[2].startswith("周年") for t in toks):
                toks = []  # 两国建交65 + 周年暨某某成立65周年招待会: two anniversaries, kept whole or not at all
            toks = toks if len(toks) >= 2 and (namey(d, toks[1:]) or not_generic(toks[1:])
                                               or any(t[2] in countries() for t in toks)) else []
        else:
            toks = stem(d, s) if toks else []
        if toks and s - toks[-1][0] >= 2:
            out.append(Candidate(toks[-1][0], m.end(), "Initiative", "suffix", 0.75))
    return out


def _dated(d: Doc) -> list[Candidate]:
    """Incidents named by their date (“7·21”特大暴雨, 某地8·12特别重大火灾爆炸事故): from the date to the kind of
    incident, in one clause."""
    text, out = d.text, []
    for m in _DATED.finditer(text):
        if not at_end(d, m.end()) or (m.start() > 0 and text[m.start() - 1].isdigit()) \
                or m.group(0)[:1] in "“\"" and m.group(0).count("”") + m.group(0).count("\"") != 1:
            continue
        s = m.start()
        toks = left_words(d, s, 6) or []
        k = d.token_at(toks[-1][0] - 1) if toks and toks[-1][0] > 0 else -1
        if toks and namey(d, toks) and not (k >= 0 and namey(d, [d.tokens[k]])):
            s = toks[-1][0]  # the place it happened is part of the name (某港8·12…事故), not the tail of a longer one
        out.append(Candidate(s, m.end(), "Incident", "suffix", 0.8))
    return out


def _craft(d: Doc) -> list[Candidate]:
    """Named craft and trains of a national programme: 某某N号 (a two-character name and a number), or 某某号
    before the kind of craft (某某号列车, 某某号科考船)."""
    text, out = d.text, []
    for m in _CRAFT.finditer(text):
        s, e = m.span()
        stem = m.group(1)
        if not at_start(d, s) or stem in rules().generic or stem in rules().stop or "第" in stem or stem[0] in "至到" \
                or any(ch in _CLAUSE_CHARS for ch in stem):
            continue  # 第二十一号 + 至 + 第二十八号主席令: numbered orders, no craft
        if d.tag(stem) in ("m", "q", "r", "f", "p", "t", "v", "d") or text.startswith(_NOT_CRAFT, e):
            continue
        v = _VARIANT.match(text, e)  # 某某二号 + 丙 + 运载火箭, 某某三十号 + 03组 + 卫星: a variant or a batch
        if v and v.group(1) and (v.group(2) or text[v.end(1):v.end(1) + 1] not in "型号"):
            e = v.end()  # the variant's name goes through the kind of craft right after it
        elif (k := _CRAFT_TYPE.match(text, e)) and at_end(d, k.end()):
            e = k.end()  # 某某二号 + 卫星, 某某五号 + 任务: an unquoted name keeps its type word (policy 7)
        out.append(Candidate(s, e, _craft_class(text, s, e, e), "suffix", 0.7))
    for m in _CODED.finditer(text):  # C919 + 大型客机: a type code and its kind of aircraft
        if m.group(1):
            out.append(Candidate(m.start(1), m.end(), "Initiative", "suffix", 0.7))
        else:
            out.append(Candidate(m.start(3), m.end(3), "Initiative", "suffix", 0.7))
    for m in _DESIGNATION.finditer(text):
        if not (m.end() < len(text) and text[m.end()].isdigit()):
            out.append(Candidate(m.start(), m.end(), "Initiative", "suffix", 0.7))
    for m in _CRAFT_DASH.finditer(text):  # 某某卫星——“某某”: the craft's name after the dash
        out.append(Candidate(m.start(1), m.end(1), "Initiative", "quote", 0.8))
    for m in _CRAFT_KIND.finditer(text):
        s, name = m.start(), m.group(1)
        if len(name) == 3 and name[0] in _CLAUSE_CHARS:
            s, name = s + 1, name[1:]  # 一个月的 + 复兴号列车: the particle before the name is no part of it
        if at_start(d, s) and name not in rules().generic and d.tag(name) not in ("r", "m"):
            out.append(Candidate(s, m.end(1) + 1, _craft_class(text, s, m.end(1) + 1, m.end()), "suffix", 0.7))
    return out


_VESSELS = ("船", "舰", "轮", "艇")  # a ship is a built, working structure: a Place (decision 20, policy 11)


def _craft_class(text: str, s: int, e: int, kind_end: int) -> str:
    """A named ship is a Place (调查船“某某六号”, 某某号科考船); spacecraft, rovers and trains of a national
    programme are Initiatives."""
    before = text[max(0, s - 2):s].rstrip("“\"「")
    if before.endswith(_VESSELS) or text[e:kind_end].endswith(_VESSELS) or text.startswith(_VESSELS, kind_end):
        return "Place"
    return "Initiative"


def _summits(d: Doc) -> list[Candidate]:
    """Meetings of two countries' leaders named by their one-character short forms (中某元首会晤)."""
    return [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.75) for m in _SUMMIT.finditer(d.text)
            if at_start(d, m.start()) or d.text[m.start() - 1] not in COUNTRY_INITIALS]


def _documents(d: Doc) -> list[Candidate]:
    """Laws (中华人民共和国某某法) and documents in 《》 whose name ends in a document word (not reports,
    speeches or books)."""
    text, out = d.text, []
    for m in _LAW.finditer(text):
        if at_end(d, m.end()) or text[m.end():m.end() + 1] in "》（(":
            out.append(Candidate(m.start(), m.end(), "Initiative", "suffix", 0.85))
    for m in _BOOK.finditer(text):
        inner = m.group(1).strip()
        core = without_period(inner)
        if _doc_head(core) > _doc_head(core, _NOT_DOC) and "，" not in inner:  # 《决定》 alone: finish drops it
            out.append(Candidate(m.start(1), m.end(1), "Initiative", "quote", 0.85))
    return out


def _doc_head(title: str, heads: tuple[str, ...] = _BOOK_HEADS) -> int:
    """The length of the longest of ``heads`` that ends ``title`` (0: none); the longer word decides (《某某议定书》
    ends in a document word, 议定书, before the book's 书)."""
    return max((len(h) for h in heads if title.endswith(h)), default=0)


_NOT_STORM_NAMES = ("级", "色", "片")  # “最高级”台风警报, “红色”台风预警, 飓风“灾难片”: a grade, a colour, a film


def _typhoons(d: Doc) -> list[Candidate]:
    """台风“某某”, “某某”台风: the quoted name is the incident (decision 21)."""
    out = []
    for m in _TYPHOON.finditer(d.text):
        g = 1 if m.group(1) is not None else 2
        if not m.group(g).endswith(_NOT_STORM_NAMES):
            out.append(Candidate(m.start(g), m.end(g), "Incident", "quote", 0.85))
    return out


# an epidemic named by its pathogen and disease (某某病毒 + 感染(的) + 肺炎 + 疫情): WHO/NHC naming of outbreaks
_EPIDEMIC = re.compile(r"病毒(?:感染的?)?(?:[\u4e00-\u9fff]{0,2}?(?:肺炎|流感|疾病|病))?(?:疫情|大流行)")
_PATHOGEN_WORDS = ("b", "n", "nz", "l", "ng", "j", "nr", "nrt", "ns", None)  # 新型 (b) + 冠状病毒 (l); 猴 + 痘病毒


def _epidemics(d: Doc) -> list[Candidate]:
    """An epidemic named by its pathogen, maybe its disease, and 疫情 (某某病毒感染肺炎疫情): the incident runs
    from the pathogen's first word (at most three words of two characters or less before 病毒's word)."""
    text, out = d.text, []
    for m in _EPIDEMIC.finditer(text):
        if not at_end(d, m.end()):
            continue
        k = d.token_at(m.start())
        a = d.tokens[k][0]
        words = 0
        while k > 0 and words < 3:
            s, e, w = d.tokens[k - 1]
            if e != a or len(w) > 2 or d.tag(w) not in _PATHOGEN_WORDS or w in EDGE_VERBS or w in rules().stop:
                break
            a, k, words = s, k - 1, words + 1
        if m.start() - a >= 1:
            out.append(Candidate(a, m.end(), "Incident", "suffix", 0.8))
    return out


# military and law-enforcement exercises, operations and missions named by a code word and their year (某某-2016, 某某-2016·某地A), the
# naming of the PLA's and its partners' exercise series; the exercise word near it tells it from a product (某某-2000)
_DRILL = re.compile(r"[\u4e00-\u9fff]{2,6}[-—－]20[0-4]\d(?:[·・][\u4e00-\u9fff]{2,6}[A-Z]?)?")
_DRILL_WORDS = re.compile(r"演习|演练|军演|训练|对抗|比武|联演|联训|战役|行动|任务|比赛")


def _drills(d: Doc) -> list[Candidate]:
    """Exercises named by their code word and year (“某某-2016”联合军演, 某某-2016·某地A): the whole code."""
    text, out = d.text, []
    for m in _DRILL.finditer(text):
        s, e = m.span()
        k = d.token_at(s) if s == 0 or text[s - 1] not in "“\"" else len(d.tokens)  # a quoted code stays whole
        while k < len(d.tokens) and d.tokens[k][1] < e - 6:  # 部队参加 + 某某-2016: the code starts after a verb
            if (d.tag(d.tokens[k][2]) or "")[:1] in ("v", "p", "c"):
                s = d.tokens[k][1]
            k += 1
        if not at_start(d, s) or e < len(text) and (text[e].isdigit() or text[e].isalpha() and not is_han(text[e])):
            continue
        near = text[max(0, s - 12):s] + text[e:e + 16]
        if _DRILL_WORDS.search(near):
            out.append(Candidate(s, e, "Initiative", "suffix", 0.8))
    return out


# a numbered expedition keeps its number, as a numbered session does (第35次南极科考, 第二次青藏科考)
_EXPEDITION = re.compile(r"第[一二三四五六七八九十0-9]+次([\u4e00-\u9fff]{2,4}?)(?:综合)?(?:科考|科学考察)")


def _expeditions(d: Doc) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.8) for m in _EXPEDITION.finditer(d.text)
            if at_end(d, m.end()) and not (d.tag(m.group(1)) or "").startswith(("v", "p", "c", "r", "d"))]


# national strategies named by a formula of PRC policy naming: a field + 强国/强省/中国/优先 + 战略 (制造强国战略,
# 健康中国战略, 就业优先战略; the 14th Five-Year Plan outline), whatever jieba tags the field word
_FORMULA = re.compile(r"([\u4e00-\u9fff]{2})(?:(?:强国|强省|强市|强区|强县|中国|优先)战略|(?:强国|中国)建设)")
# (and the building of one: 美丽中国建设, 平安中国建设, 交通强国建设, as the 20th Congress report names them; a verb
# or no word before 建设 builds something and names no programme: 将在 + 中国建设)


def _formula(d: Doc) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.8) for m in _FORMULA.finditer(d.text)
            if m.start() in d.starts and at_end(d, m.end()) and m.group(1) not in rules().stop
            and (d.tag(m.group(1)) or "")[:1] not in ("p", "c", "r", "m", "d", "u")
            and not (m.group(0).endswith("建设") and (m.group(1) not in d.info or d.tag(m.group(1)) == "v"))]


# a work meeting named by its scope, its field and its kind (全国 + 某某某某 + 工作会议 / 电视电话会议 / 工作视频会议 /
# 工作动员部署会), as the State Council and the party centre name their national meetings: the scope opens the name
# and the field may hold verbs (全国打击某某工作电视电话会议, 全国优化某某政策电视电话会议), which the stems stop at
_SCOPED = re.compile(r"(?:全国|全省|全军|中央)([\u4e00-\u9fff]{2,14}?)(?:工作(?:电视电话会议|视频会议|会议|动员部署会|部署会|推进会|"
                     r"现场会)|电视电话会议)")
_NOT_IN_FIELD = set("的和与及或在对向于把被将各每该这那此其")
_NOUN_TAGS = ("n", "vn", "nz", "ns", "nt", "j", "nr")


def _scoped_meetings(d: Doc) -> list[Candidate]:
    out = []
    for m in _SCOPED.finditer(d.text):
        a, e, field = m.start(), m.end(), m.group(1)
        if not (at_start(d, a) and at_end(d, e)) or set(field) & _NOT_IN_FIELD or any(v in field for v in EDGE_VERBS):
            continue
        if d.tokens[d.token_at(a)][1] != a + 2:
            continue  # 中央军委 + 某某工作会议: the scope opens a body's name, whose meeting is the body's
        if a > 0 and is_han(d.text[a - 1]) and (d.tag(d.tokens[d.token_at(a - 1)][2]) or "") in _NOUN_TAGS:
            continue  # 某某基金 + 中央 + 某某制度实施工作会议: the name starts before the scope
        out.append(Candidate(a, e, "Initiative", "suffix", 0.8))
    return out


def forms(d: Doc) -> list[Candidate]:
    """Every candidate found by the shape of its name."""
    out = _games(d) + _routes(d) + _documents(d) + _typhoons(d) + _summits(d) + _craft(d) + _appositions(d)
    out += _anniversaries(d) + _dated(d) + _epidemics(d) + laws(d) + incidents(d) + _drills(d) + _expeditions(d)
    out += _formula(d) + _scoped_meetings(d) + _censuses(d)
    out += [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.8) for m in _PARTY_TALKS.finditer(d.text)
            if at_start(d, m.start())]
    return out


# a national census named by its number (第七次全国人口普查, 第五次全国经济普查): the number is the name (decision 19)
_CENSUS = re.compile(r"第[一二三四五六七八九十]+次全国[\u4e00-\u9fff]{2,6}?普查")
# what follows a census's name when the census names another thing (某某普查 + 领导小组, + 电视电话会议, + 公报)
_CENSUS_OF = ("领导小组", "办公室", "会议", "电视电话会议", "工作会议", "公报", "条例", "方案")


def _censuses(d: Doc) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.8) for m in _CENSUS.finditer(d.text)
            if at_start(d, m.start()) and not d.text.startswith(_CENSUS_OF, m.end())]


WORKS = _WORKS


_BODY_KINDS = ("GovernmentBody", "PartyOrganization", "Organization")
# a body's numbered meeting (某某联合委员会 + 第三次会议, 某某领导小组 + 第五次全体会议), or a leading group's meeting
_BODY_SESSION = re.compile(r"第[一二三四五六七八九十百零]+次(?:全体)?会议")
_GROUP_MEETING = re.compile(r"(?:第[一二三四五六七八九十百零]+次)?(?:全体)?会议")


def body_sessions(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A body found whole (by a rule or the model) and its numbered meeting right after it are one meeting's name
    (decision 19: 某某委员会第三次会议, 某某领导小组第五次会议); a leading group's meeting needs no number
    (某某工作领导小组会议). The body's mention gives way to the meeting's (``kept`` holds no overlaps)."""
    text, out, skip_to = d.text, [], -1
    for c in kept:
        if c.start < skip_to:
            continue
        if c.cls in _BODY_KINDS:
            rx = _GROUP_MEETING if text.endswith("领导小组", 0, c.end) else _BODY_SESSION
            m = rx.match(text, c.end)
            if m and at_end(d, m.end()):
                out.append(Candidate(c.start, m.end(), "Initiative", "meeting", 0.8))
                skip_to = m.end()
                continue
        out.append(c)
    return out
