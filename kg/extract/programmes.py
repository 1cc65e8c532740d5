"""Programme names (Initiative): quoted names marked by a programme word or a launch verb, and strongly
marked unquoted ones (…改革试点, …培训班); quoted team names (“某某”志愿服务队) on the way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import table, words
from kg.util.spans import occurrences
from .rules import NUMERALS, Candidate, Doc, is_han, rules
from .event_stems import without_edition_year
from .named_events import bare_meeting, listed
from .stems import left_words, namey, not_generic

__all__ = ["quoted_initiatives"]


_QUOTE = re.compile(r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|《([^《》\n]{1,30})》"
                    r"|「([^「」\n]{1,24})」|‘([^‘’\n]{1,24})’")


_JOINS = ("", "、", "和", "与", "及")
_AND = ("和", "与", "及")
_LEAD = re.compile(r"[ \t]*(?:等[ \t]*)?(?:[0-9一二三四五六七八九十两]+[ \t]*[大项个类]?)?[ \t]*(?:系列|主题|专项)?")
# a campaign or exercise named by a word and its year (“某某2014”专项行动, “某某·2021”演习): a name, not a figure
_YEAR_NAMED = re.compile(r"[\u4e00-\u9fff]{2,}[·・—-]?(?:19|20)\d\d")
_YEARS = re.compile(r"[（(]\d{4}\s*[—–-]+\s*\d{4}\s*年?[）)]$")
_BAD_IN_QUOTE = set("，,。；;！？!?、+＋—…：:")
# the working bodies set up to run one campaign or programme, named by its quoted name (全国“某某”办公室, “某某”工作
# 协调小组): the quote names the campaign (the real gold lists it as an Initiative inside the body's name)
_RUN_BY = re.compile(r"(?:工作)?(?:领导小组|工作小组|协调小组|办公室|工作组)")


@lru_cache(maxsize=1)
def _programme_lens() -> tuple[int, ...]:
    """The lengths of the programme words (programme_words.tsv)."""
    return tuple(sorted({len(w) for w in rules().programme}))


def _programme_after(text: str, pos: int) -> bool:
    """Does a programme word follow at ``pos`` (after optional 等 / 系列 / N大 ...)?"""
    r = rules()
    m = _LEAD.match(text[pos:pos + 12])
    p = pos + (m.end() if m else 0)
    # a one-character word (月, 日, 节) only right after the quote: “X”\n5月20日 is a date, no programme
    lens = _programme_lens()  # (the words of each length looked up, not every word scanned)
    if any(p + n <= len(text) and text[p:p + n] in r.programme and (n > 1 or p == pos) for n in lens):
        return True
    # “X”技能大赛, “X”区域公用品牌: a short modifier, then a programme word of two or more characters
    for gap in range(1, 5):
        if p + gap > len(text) or not is_han(text[p + gap - 1]) or text[p + gap - 1] in _NOT_IN_GAP:
            return False
        if any(n >= 2 and p + gap + n <= len(text) and text[p + gap:p + gap + n] in r.programme for n in lens):
            return not text.startswith(_HOSTILE, p)  # “某独”分裂活动, “某某”犯罪活动: what one opposes, no programme
    return False


# a title in 《》 (or a run of quoted titles) before one of these words is a broadcast or a film (《某某》等纪录片,
# “某某”“某某”等节目), which names no initiative (decision 20); one quote before 节目 may name the show's acts (“某某村晚”节目)
_SHOWS = ("节目", "栏目", "纪录片", "专题片", "宣传片", "电视剧", "电影", "日报", "晚报", "一书", "白皮书", "杂志")
# a title in 《》 that ends in the word of a book of selections or a reader (《某某论述摘编》, 《某某档案选萃》), or that an
# episode number follows (《某某》第三集), names a book or a series, no initiative (decision 20)
_BOOKS = ("摘编", "选编", "文选", "文集", "选萃", "读本", "白皮书")
_EPISODE = re.compile(r"[ \t]*第[0-9一二三四五六七八九十]+[集期季]")
_SHOW_AFTER = re.compile(r"[ \t]*(?:等[ \t]*)?(?:[0-9一二三四五六七八九十两]+[ \t]*[部集个档期]?)?[ \t]*(?:系列|大型|专题|电视)?[ \t]*"
                         r"(?:" + "|".join(_SHOWS) + ")")


# the people an honour names (时代楷模, 某某之星, 最美某某医生): a quoted honour ending in one names no programme
_HONOURED = ("楷模", "人物", "标兵", "模范", "榜样", "之星", "好人", "能手", "英雄", "奋斗者", "卫士", "先锋", "医生",
             "教师", "家庭", "村官", "少年", "勋章", "奖章")
_HOSTILE = ("分裂", "渗透", "颠覆", "破坏", "犯罪", "违法", "恐怖", "暴力")  # acts against the state or the law


# a campaign or activity named by its theme, a list of slogans in one quote (“某某、某某”主题教育, “某某、某某”活动)
_THEMES = ("主题教育", "主题实践活动", "主题活动", "系列活动", "专项行动", "活动")


_THEME_JOINS = re.compile(r"[、，,]|[ \t\u3000]+")


def _themed(d: Doc, s: int, e: int, qe: int) -> bool:
    """A quote of two to four short phrases joined by 、, a comma or a space right before a campaign word names that
    campaign (“某某某某，某某某某”主题教育, “某某某某 某某某某”活动)."""
    parts = _THEME_JOINS.split(d.text[s:e])
    return 2 <= len(parts) <= 4 and all(2 <= len(p) <= 10 and all(is_han(ch) for ch in p) for p in parts) \
        and d.text.startswith(_THEMES, qe)


# a quoted name ending in a plan's word names that plan (“某某发展规划”, “2030年可持续发展议程”, “某国2030愿景”, decision
# 20), unless the quote is a theme that does something to one (“制定‘十五五’规划”, “高质量完成‘某某’规划”)
_PLAN_HEADS = ("规划", "纲要", "议程", "愿景")


def _plan(d: Doc, s: int, e: int) -> bool:
    inner = d.text[s:e]
    if not inner.endswith(_PLAN_HEADS) or len(inner) < 5 or "‘" in inner or "'" in inner:  # “五年规划”: a kind
        return False
    return not _verb_first(d, s)


# verbs of policy action that open a theme quoted whole (“坚持实施某某政策”, “支持某国某某计划”), with the launch verbs
_GOVERNING = ("坚持", "支持", "推动", "加快", "深化", "落实", "加强", "完善", "促进", "实现", "构建", "打赢", "打好")


def _governed(d: Doc, s: int) -> bool:
    """Does a verb of policy action or a launch verb open the quote at ``s`` (a theme, no programme's name)?"""
    first = d.tokens[d.token_at(s)]
    return first[0] == s and (first[2] in _GOVERNING or first[2] in rules().launch)


def _verb_first(d: Doc, s: int) -> bool:
    """Does a verb open the quote at ``s`` (“制定某某规划”, “坚持实施某某政策”: a theme, no name)?"""
    first = d.tokens[d.token_at(s)]
    return first[0] == s and (d.tag(first[2]) or "").startswith("v")


# a campaign, an exercise or an event called by its quoted name (名为“某某”的运动, 代号为“某某”的联合军事演习)
_CALLED = re.compile(r"(?:名为|代号为?|称作)$")
_CALLED_KIND = re.compile(r"的[^，。；：“”、\n]{0,14}?(?:行动|运动|活动|演习|军演|比赛|大赛|展览|计划|工程|项目|论坛|晚会)"
                          r"(?![\u4e00-\u9fff])")


_NOT_IN_GAP = set("的了和与及或在里中内上是将把被为对从向也都就等已又还")


def _quoted_event(inner: str) -> bool:
    """Does a quoted name end in an event word of two or more characters after a name of its own (“某某国际研讨会”,
    “中某友好年”)? The quote is then the event's whole name (decision 7). Not in 《》: a title there ending in an
    event word names a show or a book (《某某听写大会》, decision 20)."""
    core = inner.replace(" ", "")
    return any(len(h) >= 2 and core.endswith(h) and len(core) >= len(h) + 2 for h in _event_heads())


_DASHES = re.compile(r"—{1,2}|――")


def _titled(inner: str) -> bool:
    """A title and a subtitle joined by a dash in one quote, the subtitle naming an event (“某某某某——某某成就展”,
    “某某2021—某某发布仪式”): a dash is no clause break there. A subtitle ending in a programme word is a theme
    (“某某——基于某某的解决方案”, “攻坚克难——坚决打赢某某攻坚战”) and keeps the dash a break."""
    parts = _DASHES.split(inner.replace(" ", ""))
    return len(parts) == 2 and all(len(p) >= 2 for p in parts) and not any(ch in _BAD_IN_QUOTE for p in parts for ch in p) \
        and any(parts[1].endswith(h) and len(parts[1]) >= len(h) + 2 for h in _event_heads())


# a package of measures named by its field and its count of articles (“某某经济20条”, “新十条”): a policy's name;
# no 第 (“维护宪法第九条” cites an article of a law)
_PACKAGE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,4})条")


def _package(inner: str) -> bool:
    core = inner.replace(" ", "")
    return _PACKAGE.fullmatch(core) is not None and "第" not in core


# a list the authorities keep, named by its colour or by whom it lists (“白名单”, “不可靠实体清单”, decision 20: a
# named policy); a list of one's own work (“问题清单”, “任务清单”) is the work, no name
_LISTS = ("名单", "清单")
_WORK_LISTS = ("问题", "整改", "任务", "责任", "事实", "流程", "难题", "需求", "项目", "工作", "初步", "补充", "愿望")


def _listing(d: Doc, inner: str) -> bool:
    core = inner.replace(" ", "")
    if not core.endswith(_LISTS) or len(core) < 3 or not all(is_han(ch) for ch in core):
        return False
    stem = core[:-2]
    return not stem.endswith(_WORK_LISTS) and stem not in rules().generic and not (d.tag(stem) or "").startswith("v") \
        and not any(ch in NUMERALS for ch in stem)  # “七张问题清单”: lists counted, none named


def _good_quote(d: Doc, s: int, e: int) -> bool:
    inner = d.text[s:e]
    core = _YEARS.sub("", inner.replace(" ", ""))  # 某某实施方案（2025—2027年）: a year range is no clause
    if core.endswith(("+", "＋")) and len(core) >= 3 and not any(ch in _BAD_IN_QUOTE for ch in core[:-1]):
        core = core[:-1]  # “互联网+”行动: a name ending in a plus (what is added to it follows), no sum of methods
    if len(core) < 2 or any(ch in _BAD_IN_QUOTE for ch in core) and (d.text[s - 1:s] == "《" or not _titled(inner)):
        return False
    digits = sum(ch.isdigit() or ch in "%％" for ch in core)
    if digits * 2 >= len(core) and not _plan(d, s, e) and not _YEAR_NAMED.fullmatch(core):
        return False  # “2063发展规划”, “2030愿景”: a plan named by its years is a name all the same
    for w in rules().programme:  # “二号工程”: a numeral before the programme word is a figure of speech
        if core.endswith(w) and len(core) > len(w):
            stem = core[: -len(w)]
            if all(ch in NUMERALS or ch.isdigit() or ch in "号第" for ch in stem):
                return False
    return True


_PRESS = re.compile(r"(?:系列|专题)?(?:主题)?(?:新闻)?发布会")


def quoted_initiatives(d: Doc, stops=()) -> list[Candidate]:
    """Quoted names with a programme word inside, right after, or a launch verb right before the quote,
    quoted names of teams (“某某”志愿服务队), and strongly marked unquoted programme names."""
    r = rules()
    text = d.text
    quotes = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        s, e = m.span(g)
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        quotes.append((m.start(), m.end(), s, e))
    out = []
    i = 0
    while i < len(quotes):
        # a run of adjacent quotes: “A”“B”“C”等5大计划
        j = i
        while j + 1 < len(quotes) and text[quotes[j][1]:quotes[j + 1][0]] in _JOINS:
            j += 1  # “A”“B”和“C”三项某某制度: quotes joined by 和 or 、 are one run too
        run = quotes[i:j + 1]
        if (text[run[0][0]] == "《" or len(run) > 1) and _SHOW_AFTER.match(text, run[-1][1]) \
                or text[run[0][0]] == "《" and (_EPISODE.match(text, run[-1][1]) or text.endswith(_BOOKS, 0, run[-1][3])):
            i = j + 1
            continue  # “某某”节目, 《某某》、《某某》等节目: shows, no initiatives
        after = _programme_after(text, run[-1][1]) or _is_programme_clause(text, run[-1][1]) \
            or _event_after(d, run[-1][1])
        before = any(text.endswith(w, 0, run[0][0]) for w in r.launch + _participate()) \
            or (len(run) == 1 and _CALLED.search(text, max(0, run[0][0] - 3), run[0][0]) is not None
                and _CALLED_KIND.match(text, run[0][1]) is not None)
        org = _org_head_at(text, run[-1][1]) if len(run) == 1 else False
        after = after or (len(run) == 1 and _RUN_BY.match(text, run[-1][1]) is not None
                          and not (text[run[0][2]] in NUMERALS and run[0][3] - run[0][2] <= 3))  # “一对一”工作组
        before = before or any(text[a[1]:b[0]] in _AND and (listed(text[a[2]:a[3]]) or listed(text[b[2]:b[3]]))
                               for a, b in zip(run, run[1:]))  # “一带一路”和“某某”: joined by 和 to a listed name
        for qs, qe, s, e in run:
            if _themed(d, s, e, qe):
                out.append(Candidate(s, e, "Initiative", "quote", 0.8))
                continue
            if not _good_quote(d, s, e):
                continue
            inner = text[s:e]
            if text[qs] != "《" and "的" in inner and (inner.endswith("的") or not (
                    after or before or _quoted_event(inner) or _titled(inner))):
                continue  # “更高水平的某某服务”, “致命且难忘的”报复行动: a phrase quoted, no name (policy 3)
            if "‘" in inner and _PRESS.match(text, qe):
                continue  # “开局起步‘某某五’”专题新闻发布会: the theme of a press conference quotes the programme it is
                # about (the inner name, found by itself), no name of its own
            if inner.endswith(("+", "＋")) and not after:
                continue  # 打造“某某+”: a formula of things added; “互联网+”行动 is named by the word after it
            if not (after or before) and text[qs] != "《" and _governed(d, s):
                continue  # 围绕“坚持实施某某政策”发言: a theme that does something to a programme, no name of one
            if org:
                out.append(Candidate(s, e, "Organization", "quote", 0.7))
                continue
            if not after and inner.endswith(_HONOURED) and not _verb_first(d, s):
                continue  # 发布“某某楷模”, 授予“某某之星”: an honour or the people who bear it (policy 15), no programme
                # (“某某家庭”评选活动 names the campaign; “寻找某某医生” is one by its verb)
            inside = any(inner.endswith(w) and len(inner) > len(w) for w in r.programme) or _plan(d, s, e) \
                or text[qs] != "《" and (_quoted_event(inner) or _titled(inner) or _package(inner) or _listing(d, inner))
            if inside or after or before:
                out.append(Candidate(without_edition_year(text, s, e), e, "Initiative", "quote", 0.8))
        i = j + 1
    out += _unquoted_initiatives(d, stops)
    out += _session_events(d)
    out += _launched(d)
    return out


# programme nouns that end an unquoted name only right after a verb that launches it (实施 + 某某某某行动)
_DOCUMENTS = ("工作方案", "实施方案", "方案", "管理办法", "办法", "规划")  # 发布 + 某地某某工作方案: a document
_LAUNCHED_HEADS = ("专项行动", "行动计划", "行动", "计划", "工程", "攻坚战", "系列活动", "主题活动", "活动") + _DOCUMENTS
_LAUNCH_GAP = re.compile(r"(?:了|好)?[ \t]*(?:\d{4}年度?|新一轮|新一批|第[0-9一二三四五六七八九十]+轮|为期[^，。；的]{1,6}的)?")


def _noun_after(d: Doc, e: int) -> bool:
    """Does a noun continue the phrase after ``e`` (某某工程 + 管理模式: the programme word is no head there)?"""
    if e >= len(d.text) or not is_han(d.text[e]):
        return False
    tag = d.tag(d.tokens[d.token_at(e)][2]) or ""
    return tag[:1] in ("n", "j", "l") or tag == "vn"


def _verb_after(d: Doc, e: int) -> bool:
    """某某委员会计划 + 继续发射: 计划 is the verb "plans to" when a verb follows it."""
    return e < len(d.text) and is_han(d.text[e]) and (d.tag(d.tokens[d.token_at(e)][2]) or "").startswith("v")


def _launched(d: Doc) -> list[Candidate]:
    """An unquoted programme named right after a verb that launches it (启动 + 某某就业服务行动, 实施 + 某某重点工程):
    the words from the verb (an edition year or 新一轮 skipped) to the programme noun, in one clause, four or more
    characters of name-like words before the noun, no 的 and no conjunction among them."""
    text, out = d.text, []
    for verb in rules().launch:
        if verb == "组织":
            continue  # 某某武装组织 + 停止军事行动: a noun as often as a verb; 组织实施/组织开展 fire on their second verb
        for ms, me in occurrences(verb, text):
            if me not in d.ends or ms not in d.starts:
                continue
            g = _LAUNCH_GAP.match(text, me)
            p = g.end() if g else me
            if p not in d.starts:
                continue
            run = re.match(r"[\u4e00-\u9fff]{4,18}", text[p:])
            if run is None:
                continue
            ends = sorted(p + i + len(h) for h in _LAUNCHED_HEADS for i in [run.group(0).find(h)] if i >= 4)
            ends = [e for e in ends if e in d.ends and not _noun_after(d, e)
                    and not (text.startswith(("计划", "行动"), e - 2) and _verb_after(d, e))]
            if not ends:
                continue
            e = ends[0]
            k, toks = d.token_at(p), []
            while k < len(d.tokens) and d.tokens[k][1] <= e:
                toks.append(d.tokens[k])
                k += 1
            stem = [t for t in toks if not d.text.startswith(_LAUNCHED_HEADS, t[0]) or t[1] < e - 4]
            if stem and (stem[0][2] in rules().launch or any(t[2] in rules().launch for t in stem)):
                continue  # 组织 + 实施 + 某某行动: the second verb opens the name
            doc = next((h for h in _DOCUMENTS if text.endswith(h, p, e)), "")
            if doc and (e - p - len(doc) < 5 or stem[0][2] in rules().generic):
                continue  # 制定 + 全省 + 某某实施方案, 制定 + 防沙治沙方案: a generic document, no name of one
            activity = text.startswith(_ACTIVITY, e - 2)  # an activity: no time word (中秋国庆 + 特色活动), three words
            bad = ("c", "u", "p", "r", "m", "a", "d", "t") if activity else ("c", "u", "p", "r", "m", "a", "d")
            if any(t[2] in rules().stop and len(t[2]) == 1 or (d.tag(t[2]) or "")[:1] in bad  # 中秋国庆 + 特色活动
                   for t in stem) or not not_generic(stem) or len(stem) < (3 if activity else 2) \
                    or d.tag(stem[0][2]) == "b":  # 祭祀 + 歌舞 + 活动: a kind of activity, no name
                continue
            out.append(Candidate(p, e, "Initiative", "suffix", 0.7))
    return out


# 第三届 / 首届 / 第十五届: a numbered session, so what follows up to an event word is the event's own name.
_SESSION = re.compile(r"(?:第[0-9一二三四五六七八九十百]+|首)届")
_NTH = re.compile(r"第[0-9一二三四五六七八九十百]+次")


@lru_cache(maxsize=1)
def _event_heads() -> tuple[str, ...]:
    heads = {row[0] for row in table("initiative_classes.tsv") if len(row) > 1 and row[1] == "Event"}
    return tuple(sorted(heads, key=lambda w: (-len(w), w)))  # one-character heads too (节, 赛): after a session


def _session_events(d: Doc) -> list[Candidate]:
    """``第三届某某数字经济大会``, ``首届某某论坛``: the name between a session number and an event word (the
    number itself is not part of the name), when it is 2-20 characters without punctuation."""
    out = []
    for m in _SESSION.finditer(d.text):
        run = re.match(r"[\u4e00-\u9fff0-9A-Za-z（）()·—–－-]{2,24}", d.text[m.end():])  # 中国—某某博览会
        if run is None:
            continue
        name = run.group(0).split("是")[0]  # 第十五届全运会 + 是某某赛事: the copula ends the name
        ends = [m.end() + i + len(h) for i in range(2, len(name)) for h in _event_heads() if name.startswith(h, i)]
        ends = [e for e in ends if (e in d.ends or _glued_after(d, e)) and not _NTH.search(d.text, m.end(), e)
                and not _verb_between(d, m.end(), e) and not _preposition_between(d, m.end(), e)]
        if len(ends) > 1:  # 第三届某某发展 + 大会: a one-character head (展, 节) that only ends a verb (发展, 开展,
            ends = [e for e in ends if not _verb_ending(d, e)] or ends  # 调节) is no event word when one follows
        if ends:  # 第三届理事会第二次会议: the 届 is the body's term, the meeting is numbered again
            e = min(ends)
            if bare_meeting(d.text[m.end():e]):
                continue  # 某论坛 + 第四届 + 部长级会议: a kind of the body's meeting, no name of its own
            bare = _bare_event(d.text[m.end():e])  # 第二届 + 高峰论坛: no name of its own, the number names it
            out.append(Candidate(m.start() if bare else m.end(), e, "Initiative", "suffix", 0.75))
    return out


def _verb_ending(d: Doc, e: int) -> bool:
    """Does the word ending at ``e`` hold more than the event word's one character and is it a verb or a verbal noun
    (发展, 开展, 进展, 调节: the head character 展 or 节 ends a verb there, no exhibition or festival)?"""
    a, b, w = d.tokens[d.token_at(e - 1)]
    return b == e and len(w) >= 2 and (d.tag(w) or "") in ("v", "vn") \
        and any(len(h) == 1 and w.endswith(h) for h in _event_heads())


_BARE = ("", "高峰")  # 高峰论坛: a kind of event, no name of its own (全国运动会 has one: 第十五届 is left out)


def _bare_event(name: str) -> bool:
    """Is ``name`` only a kind of event (高峰论坛, 世界大会, 峰会), which its session number names (decision 19)?"""
    head = next((h for h in _event_heads() if name.endswith(h)), None)
    return head is not None and name[: len(name) - len(head)] in _BARE


def _glued_after(d: Doc, e: int) -> bool:
    """Did jieba glue a one-character preposition to the event word's last character (某某动漫节 + 在 -> 节在)?"""
    if e >= len(d.text) or d.text[e] not in "在于将已是":
        return False
    a, b, w = d.tokens[d.token_at(e - 1)]
    return a == e - 1 and b == e + 1


_CEREMONIES = ("发布仪式", "颁奖礼", "颁奖典礼")


def _event_after(d: Doc, pos: int) -> bool:
    """A quoted name before the words of an event it names (“某某”中外民间友好论坛): an event word of two or more
    characters ends a word within ten characters of the quote, with no punctuation, verb or 的 between."""
    from .event_stems import EDGE_VERBS

    m = re.match(r"[\u4e00-\u9fff]{2,10}", d.text[pos:pos + 10])
    if m is None:
        return False
    run = m.group(0)
    for h in _event_heads():
        if h in _CEREMONIES:
            continue  # “某某年度人物”颁奖典礼: the quote names the honour, the ceremony has no name of its own
        i = run.find(h)
        if len(h) >= 2 and i >= 0 and pos + i + len(h) in d.ends and "的" not in run[:i] \
                and not any(v in run[:i] for v in EDGE_VERBS) and _nouns_only(d, pos, pos + i):
            return True
    return False


def _nouns_only(d: Doc, s: int, e: int) -> bool:
    """Are the words from ``s`` to ``e`` nouns or names (no 是, 本次, 在: a clause between a quote and an event)?"""
    k = d.token_at(s) if s < len(d.text) else len(d.tokens)
    while k < len(d.tokens) and d.tokens[k][0] < e:
        tag = d.tag(d.tokens[k][2]) or ""
        if tag[:1] in ("v", "p", "d", "r", "c", "u", "m") and tag != "vn":
            return False
        k += 1
    return True


_PREPOSITIONS = ("向", "在", "对", "从", "把", "被", "给", "为", "于")


def _preposition_between(d: Doc, s: int, e: int) -> bool:
    """A preposition between a session number and an event word: the body of that session does something to the
    event (第七届 + 主席团 + 向 + 大会作报告), no event's name."""
    k = d.token_at(s)
    while k < len(d.tokens) and d.tokens[k][1] <= e:
        if d.tokens[k][2] in _PREPOSITIONS and d.tag(d.tokens[k][2]) == "p":
            return True
        k += 1
    return False


_DAYS = ("今天", "昨天", "明天", "今日", "昨日", "明日", "当天", "近日", "日前")


def _verb_between(d: Doc, s: int, e: int) -> bool:
    """A verb (召开, 举行) or a day (7日, 今天) between a session number and an event word: a clause, no name (第十届
    某某委员会7日召开全体会议)."""
    if re.search(r"\d+日", d.text[s:e]):
        return True
    from .event_stems import EDGE_VERBS

    k = d.token_at(s)
    while k < len(d.tokens) and d.tokens[k][1] <= e:
        if d.tokens[k][2] in EDGE_VERBS or d.tokens[k][2] in _DAYS:
            return True  # 今天, 昨天: a day opens the clause after the name (第十届某某活动 + 今天开赛)
        k += 1
    return False


@lru_cache(maxsize=1)
def _participate() -> tuple[str, ...]:
    return tuple(words("participate_verbs.txt")) + tuple(words("quote_cues.txt"))


def _org_head_at(text: str, pos: int) -> bool:
    r = rules()
    for length in r.head_lens:
        got = r.heads.get(text[pos:pos + length])
        if got and got[0] == "Organization" and got[1] == "org" and length >= 2:
            return True
    return False


def _is_programme_clause(text: str, pos: int) -> bool:
    """“X”是…品牌 / “X”是…工程: the quote is named a programme in the same clause."""
    if not text.startswith("是", pos):
        return False
    m = re.match(r"[^，,。；;！？!?\n]{1,16}", text[pos + 1:])
    clause = m.group(0) if m else ""
    return any(clause.endswith(w) for w in rules().programme if len(w) >= 2)


def _unquoted_initiatives(d: Doc, stops=()) -> list[Candidate]:
    r = rules()
    text = d.text
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    out = []
    for word, strength in r.programme.items():
        if strength not in ("strong", "whole", "event"):
            continue
        for s, e in occurrences(word, text):
            if e not in d.ends or s > 0 and text[s - 1] in "“\"《「‘”" or _inside_quote(text, quoted, e):
                continue
            # an event or works takes the region or place named before it (某市某某博览会, 某某大桥扩建工程)
            toks = left_words(d, s, 16, verbs=True) if strength == "event" else \
                left_words(d, s, 10, verbs=True, stops=stops)
            toks = _after_action(d, toks)
            while toks and ((d.tag(toks[-1][2]) or "") in ("c", "p") or toks[-1][2] in _DEGREE):
                toks = toks[:-1]  # 更加 + 注重 + 某某工程: an adverb of degree opens a clause, no name
            if toks and (d.tag(toks[-1][2]) or "") in ("m", "mq") and not toks[-1][2].isdigit():
                continue  # 一系列 + 文化活动, 多项 + 某某活动: a count of doings, none of them named
            after_quote = toks and toks[-1][0] > 0 and text[toks[-1][0] - 1] in "”\"》」’"
            if toks and s - toks[-1][0] >= 4 and (not_generic(toks) or len(toks) >= 2) and not after_quote \
                    and not _clause(d, toks) and (word != _ACTIVITY or _named_activity(d, toks)):
                out.append(Candidate(toks[-1][0], e, "Initiative", "suffix", 0.7))
            elif strength == "whole" and s in d.starts:
                out.append(Candidate(s, e, "Initiative", "suffix", 0.7))
    return out


@lru_cache(maxsize=1)
def _activity_kinds() -> tuple[str, ...]:
    return words("activity_kinds.txt")  # a word ending in one is of that kind too (游行示威, 民俗文化)


_ACTIVITY = "活动"
_ANNIVERSARY = re.compile(r"[0-9一二三四五六七八九十百]+周年")


def _named_activity(d: Doc, toks) -> bool:
    """May an unquoted 活动 end a name after these words? Broadcast news calls most doings 活动 (抗议游行活动,
    义务植树活动, 生产经营活动: issue #13); a named one holds a name (a region, a proper noun, an unknown word:
    某某横渡活动) or the anniversary it marks (纪念某某70周年活动); a 实践活动 is a party campaign's kind (某某教育实践活动);
    the word of its kind right before it (activity_kinds.txt: 抗议, 文化) names nothing."""
    if toks[0][2] == "实践" or _ANNIVERSARY.search(d.text, min(t[0] for t in toks), max(t[1] for t in toks)):
        return True
    if toks[0][2].endswith(_activity_kinds()):
        toks = toks[1:]  # 民众 + 抗议 + 活动, 特色 + 文化 + 活动: the kind of activity is no name (nor part of one)
    return namey(d, toks)


# adverbs of degree and manner that open a clause (jieba tags place words such as 首都 as adverbs too)
_DEGREE = ("更加", "更", "进一步", "大力", "积极", "全面", "切实", "不断", "认真", "深入", "努力", "持续", "加快")


def _after_action(d: Doc, toks):
    """The stem (near to far) after the last verb that takes an object inside it: 违规从事 + 营利活动, 挑起 +
    示威活动 name an action on something, no programme (a verb right before the head stays: 某某实践活动; so does
    a one-character verb of a campaign's name: 某某服务进园区活动)."""
    from .event_stems import EDGE_VERBS

    from .merge_model import clause_verbs

    if toks and (toks[0][2].endswith(_ATTEND) or toks[0][2] in clause_verbs()):
        return []  # 纽约 + 出席 + 活动, 某某将出席 + 博览会: one attends the event the text names elsewhere; 某人 + 宣布
        # + 博览会 (开幕), 参观 + 展览: a verb that makes a clause (clause_verbs.txt), no name
    for i in range(1, len(toks or ())):  # the verb nearest the head: 伊朗 + 进行 + 铀浓缩活动 is no 伊朗进行… name
        w = toks[i][2]
        if (d.tag(w) == "v" and len(w) >= 2) or w.startswith(EDGE_VERBS):  # 某某进园区活动: 进 stays
            return toks[:i]
    return toks


_ATTEND = ("出席", "参加", "列席", "举行", "召开", "主持", "举办")  # verbs of attending or holding, never in a name


def _clause(d: Doc, toks) -> bool:
    """Is the stem a clause rather than a name: a person or an adjective in it (某某同志率部活动, 某国猖狂活动)?"""
    return any((d.tag(w) or "").startswith("nr") or d.tag(w) in ("a", "ad") for _, _, w in toks)


def _inside_quote(text: str, quotes: list[tuple[int, int]], e: int) -> bool:
    """Does ``e`` fall inside a quoted name short of its closing mark (“某某试点城市”: no 某某试点)?"""
    return any(qs < e < qe - 1 for qs, qe in quotes)
