"""Bodies named after a country: a country, at most four words and a body word make one name (某国 + 劳动党,
某国 + 人民进步党, 某国 + 议会, 某国 + 空军, 某国 + 驻 + 某地 + 大使馆), classed by :mod:`kg.extract.orgclass`;
and parties named by their leader's title after them (某某左翼党主席, 某某党领导人), whatever precedes them.

The country alone is found by :func:`kg.extract.finders.country_hits`; without this rule the party, parliament or embassy
of that country was cut down to its country (a fragment of a longer name).
"""

from __future__ import annotations

import re

from .orgclass import classed
from .rules import BLOCK_TAGS, NUMERALS, Candidate, Doc, is_han, rules

__all__ = ["PARTY_AND_STATE", "SERVICES", "armies", "before_channel", "central_groups", "destination_team", "services", "country_bodies",
           "led_parties", "numbered_armies", "owned_bodies", "party_words", "periodicals", "quoted_groups", "region_parliaments", "state_body",
           "subunits", "BODY_WORDS"]

# words that end a body named after a country (tests/gold/README.md, decision 22)
BODY_WORDS = ("党", "党团", "议会", "国会", "众议院", "参议院", "政府", "空军", "海军", "陆军", "大使馆", "使馆",
              "总领馆", "领事馆", "总领事馆", "法院", "检察院", "检察厅",
              "队", "女排", "男排", "女篮", "男篮", "女足", "男足")  # teams: 某国队, 某国女排, 某国游泳队
_TROOPS = ("部队", "军队")
_MAX_WORDS = 4
_STATES = ("州", "省", "邦")  # a state or province of a foreign country right after it
_MAX_LEN = 10  # characters after the country


def state_body(rest: str) -> bool:
    """Is ``rest``, the words after a country, a state's or province's body (某某州政府, 某某省议会): the state
    named by two or more characters and its level word, then a body word? Its country only locates it."""
    for i in range(len(rest) - 2, 1, -1):
        if rest[i] in _STATES and rest[i + 1:] in BODY_WORDS:
            return True
    return False


def _ministry(d: Doc, s: int, e: int) -> bool:
    """Is text[s:e] a ministry's name, an agency stem and 部 (国防部, 外交部), maybe glued by jieba to its head's
    title (国防部长: the cut after 部 is a possible word end)?"""
    text = d.text
    end = e if text.endswith("部", s, e) else e - 1 if e - 1 in d.cuts and text.endswith("部", s, e - 1) else None
    return end is not None and text[s:end - 1] in rules().agency_stems


_SESSION = re.compile(r"第[0-9一二三四五六七八九十百零]+[次届]")  # 某某 + 第九次全国代表大会: the body names its meeting
_INSTITUTION_ENDS = "部省署院厅局委会社团队台所馆行"  # last characters of bodies' names (ministries to banks)
_STATE_ENDS = "部省署厅局"  # of a state's organs


def _named_body(d: Doc, w: str) -> bool:
    """Is ``w`` one dictionary word that jieba tags as an institution's name (nt) and that begins with a country
    and ends like a body (某国司法部, 某国外务省, 某国作家协会)? Such names are found by nothing else where the
    learned model misses them; a country and a common noun (某国公司, 某国军舰) is none."""
    if len(w) < 4 or d.tag(w) != "nt":  # (before the imports: asked of every word of the text)
        return False
    from .finders import is_country
    from .ner.learned import head_class

    n = next((n for n in range(len(w) - 2, 1, -1) if is_country(w[:n])), None)
    if n is None:
        return False
    rest, r = w[n:], rules()
    if rest in r.generic or rest in r.heads and r.heads[rest][1] not in ("whole", "alone") and rest not in BODY_WORDS:
        return False  # 某国 + 公司: a country's companies, no name
    return w[-1] in _INSTITUTION_ENDS or head_class(w) is not None or w.endswith(BODY_WORDS)


def _dictionary_body(s: int, e: int, w: str) -> Candidate:
    from .ner.learned import head_class

    default = "GovernmentBody" if w[-1] in _STATE_ENDS else head_class(w) or "Organization"
    return Candidate(s, e, classed(w, default), "suffix", 0.8)


def country_bodies(d: Doc, countries: list[Candidate]) -> list[Candidate]:
    """One organisation for every country followed, within its clause, by a body word (longest reading) or right
    by a ministry (某国 + 国防部, also before its head's title: 某国国防部长), and for
    every dictionary word made of a country and a body word (某国政府 as one jieba word)."""
    from .finders import is_country

    text, stop = d.text, rules().stop
    out = [Candidate(s, e, classed(w, "Organization"), "suffix", 0.8) for s, e, w in d.tokens
           if len(w) > 2 and w.endswith(BODY_WORDS) and not w.endswith(_TROOPS) and not _SESSION.match(text, e)
           and any(is_country(w[:n]) for n in range(2, len(w)))]
    out += [_dictionary_body(s, e, w) for s, e, w in d.tokens if _named_body(d, w) and not _SESSION.match(text, e)]
    for c in countries:
        k = d.token_at(c.end) if c.end < len(text) else len(d.tokens)
        best = None
        for _ in range(_MAX_WORDS):
            if k >= len(d.tokens):
                break
            s, e, w = d.tokens[k]
            k += 1
            if s < c.end or e - c.end > _MAX_LEN or not all(is_han(ch) for ch in w):
                break
            if w != "驻" and ((d.tag(w) or "") in BLOCK_TAGS or w in stop) or w in PARTY_AND_STATE:
                break
            if text.endswith(_TROOPS, c.start, e):
                continue  # 某国 + 某某部队: troops, no named body
            if text.endswith(BODY_WORDS, c.start, e) and text[e - 1:e + 1] != "党的" or text.endswith("党", c.start, e):
                best = e
            elif _ministry(d, c.end, e):
                best = e if text.endswith("部", c.end, e) else e - 1  # 某国 + 国防部(长)
        if best is not None:
            start = c.end if state_body(text[c.end:best]) else c.start  # 某国 + 某某州政府: the state's
            name = text[start:best]
            default = "GovernmentBody" if name.endswith("部") else "Organization"
            out.append(Candidate(start, best, classed(name, default), "suffix", 0.8))
    return out


PARTY_AND_STATE = ("党和政府", "党和国家")  # 某国 + 党和政府: a country's party and its government, two bodies and no
# one name; the gold keeps the country alone (org17: 越南党和政府 6 times in 1,500 unread stories)


# titles of a party's leaders: a word ending in 党 before them is a party's name (某某党主席, 某某党领导人)
_LEADERS = ("主席", "副主席", "领导人", "总书记", "第一书记", "党首", "主席团", "秘书长", "候选人")
_PARTY_WORDS = ("政党", "该党", "本党", "全党", "入党", "执政党", "反对党", "在野党", "建党", "爱党", "共产党", "多数党",
                "少数党", "参政党", "友党", "大党", "老党", "各党", "两党", "治党", "管党", "兴党", "强党", "立党",
                "护党", "退党", "脱党", "跨党")


def led_parties(d: Doc) -> list[Candidate]:
    """A party followed by its leader's title: the words before 党 that look like a name (某某左翼党主席; a word
    jieba does not know that ends in 党, 某某党领导人), as a PartyOrganization. Real news names foreign parties
    this way, without a country before them or with a name the rules read as a place (issue #13)."""
    from .stems import left_words, namey, not_generic

    text, out = d.text, []
    for k, (s, e, w) in enumerate(d.tokens):
        if not w.endswith("党") or w in _PARTY_WORDS or not text.startswith(_LEADERS, e):
            continue
        if len(w) >= 3 and w not in d.info:  # 某某党 as one unknown word: the word is the name
            out.append(Candidate(s, e, "PartyOrganization", "suffix", 0.75))
            continue
        if w != "党":
            continue
        toks = left_words(d, s, 8) or []
        for i in range(len(toks) - 1, -1, -1):  # the farthest start whose stem looks like a name
            stem = toks[: i + 1]
            if s - stem[-1][0] >= 2 and namey(d, stem) and not_generic(stem):
                out.append(Candidate(stem[-1][0], e, "PartyOrganization", "suffix", 0.75))
                break
    return out + _named_after_kind(d)


_PARTY_KINDS = ("执政党", "反对党", "在野党", "政党", "参政党")  # 执政党 + 某某党: the kind, then the party's name
_PARTY_NAME_TAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "vn", "a", "j", "d")  # words of a party's name (人民, 进步, 社会)


def _named_after_kind(d: Doc) -> list[Candidate]:
    """A party named right after the word for its kind (执政党 + 某某党, 反对党 + 某某党, 左翼政党 + 某某运动党): the
    words up to the next word ending in 党, when they are all name words of two or more characters in all (no
    verb, function word or mark: 执政党 + 和 + 反对党 is none). Real news names the parties of other countries this
    way without their country (issue #13: 某国执政党某某党 missed)."""
    text, out = d.text, []
    for k, (s, e, w) in enumerate(d.tokens):
        if w not in _PARTY_KINDS:
            continue
        for j in range(k + 1, min(k + 6, len(d.tokens))):
            s2, e2, w2 = d.tokens[j]
            if w2.endswith("党") and w2 not in _PARTY_WORDS and (len(w2) > 1 or j > k + 1) and e2 - e >= 3:
                if e2 == len(text) or not text.startswith(("党员", "党内"), e2 - 1):
                    out.append(Candidate(e, e2, "PartyOrganization", "suffix", 0.75))
                break
            if (len(w2) < 2 or not all(is_han(ch) for ch in w2) or (d.tag(w2) or "x") not in _PARTY_NAME_TAGS
                    or w2 in _PARTY_WORDS):
                break
    return out


_PARTY_TAGS = ("nt", "nz", "n")
_SCOPES = ("中央", "全国", "地方", "基层")  # 中央党 + 的…: a scope and 党的, no party's name
_GENERAL = ("政党", "大党", "小党", "两党", "三党", "各党")  # 某国两党, 右翼政党: parties in general
_BEFORE_TAGS = "pcuvdrmqft"  # function words, verbs, numerals, time words: the party's name begins after them


def party_words(d: Doc) -> list[Candidate]:
    """A party's name that is one dictionary word ending in 党 (某某党 of a foreign country, written without its
    country: 民主党, 工党), as a PartyOrganization; words for parties in general (政党, 执政党, 全党, 两党) are
    none, and neither is the last word of a longer name (某某主义者 + 民主党): the word stands after a mark, a
    function word or a verb. Real news names the parties of other countries this way (issue #13)."""
    out = []
    for k, (s, e, w) in enumerate(d.tokens):
        if (len(w) < 2 or not w.endswith("党") or w in _PARTY_WORDS or d.tag(w) not in _PARTY_TAGS
                or w[:-1] in _SCOPES or not all(is_han(ch) for ch in w) or w.endswith(_GENERAL)):
            continue
        prev = d.tokens[k - 1][2] if k else ""
        if len(prev) == 1 and prev in _initials() and _party_starts(d, k - 1):
            out.append(Candidate(s - 1, e, "PartyOrganization", "suffix", 0.75))  # 某 + 真主党: the country's party
            continue
        if prev and is_han(prev[-1]) and (d.tag(prev) or "n")[:1] not in _BEFORE_TAGS:
            continue
        out.append(Candidate(s, e, "PartyOrganization", "suffix", 0.75))
    return out


def _party_starts(d: Doc, k: int) -> bool:
    """May a party's name begin at token ``k``: after a mark, a function word, a verb or a numeral, as
    :func:`party_words` asks of the party's own word?"""
    prev = d.tokens[k - 1][2] if k else ""
    return not prev or not is_han(prev[-1]) or (d.tag(prev) or "n")[:1] in _BEFORE_TAGS


def _initials() -> frozenset[str]:
    """Countries' one-character short forms (country_initials.txt: 黎 of 黎巴嫩, 俄, 越)."""
    from kg.util.resources import words

    return frozenset(words("country_initials.txt"))


_NOT_ARMY = "机舰"  # 某军 + 机, 舰: the country's warplanes or warships (军机, 军舰), no army


def armies(d: Doc) -> list[Candidate]:
    """An army named by its country's one-character short form (kg/extract/data/country_initials.txt) and 军, as
    one dictionary word (某军 + 称, 对某军): a GovernmentBody, a state's armed forces (tests/gold/README.md,
    decision 22; the dev, dev2 and test2 gold type them so, the test gold Organization). The model finds them
    only in some sentences (issue #13: 以军, 乌军 missed in most stories naming them)."""
    from kg.util.resources import words

    initials, text = frozenset(words("country_initials.txt")), d.text
    return [Candidate(s, e, "GovernmentBody", "suffix", 0.75) for s, e, w in d.tokens
            if len(w) == 2 and w[1] == "军" and w[0] in initials and (e == len(text) or text[e] not in _NOT_ARMY)]


SERVICES = ("海军", "空军", "陆军", "火箭军")  # the armed services, named alone in national news
_RANKS = ("上将", "中将", "少将", "大校", "上校", "中校", "少校", "陆战队", "部队")  # a rank, a longer name, troops


def services(d: Doc) -> list[Candidate]:
    """An armed service named alone as a word (某日，空军出动某型战机; 海军第某批护航编队): a GovernmentBody
    (org_classes.tsv), unless a rank follows (空军上将: a person's rank) or a country, region or theatre stands
    before it (某国海军, 某战区空军: the longer name of :func:`country_bodies` or the model holds it)."""
    text, out = d.text, []
    for k, (s, e, w) in enumerate(d.tokens):
        if w not in SERVICES or text.startswith(_RANKS, e):
            continue
        prev = d.tokens[k - 1][2] if k else ""
        if prev and (is_han(prev[-1]) and (d.tag(prev) or "n")[:1] in "nj" or prev.endswith("战区")):
            continue  # a name or noun before it: 某国 + 海军, 人民 + 空军
        after = d.tokens[k + 1][2] if k + 1 < len(d.tokens) else ""
        if after[:1] == "第" or after[:1].isdigit() or d.tag(after) in ("ns", "nt", "m") or after in rules().regions:
            continue  # 空军 + 第四军, 空军 + 某地 + 指挥所: a unit's longer name begins here
        out.append(Candidate(s, e, classed(w, "GovernmentBody"), "suffix", 0.7))
    return out


_GROUP_BREAKS = re.compile(r"[，。、；：“”‘’（）《》\s,;:()!?！？]")
# words that make the text between 中央 and 领导小组 a clause, no group's name (中央 + 成立 + 某某领导小组)
_GROUP_CLAUSE = ("成立", "主持", "会同", "传达", "部署", "召开", "出席", "暨", "总书记", "习近平")
_GROUP_REACH = 20  # characters of a central leading group's name between 中央 and 领导小组


def central_groups(d: Doc) -> list[Candidate]:
    """A leading group of the Central Committee named in full (中央 + 某某工作 + 领导小组: 中央全面深化改革领导小组,
    中央应对某某疫情工作领导小组): from the nearest 中央 that begins a word before 领导小组, when no break or clause
    word lies between. Their names are too long for the stem of the head word's rule, and an initiative's name
    inside them (教育实践活动) was taken for the mention (the dev and dev3 gold, issue #13)."""
    text, out = d.text, []
    for m in re.finditer("领导小组", text):
        hs = m.start()
        p = text.rfind("中央", max(0, hs - _GROUP_REACH), hs - 2)
        if p < 0 or p not in d.starts:
            continue
        between = text[p + 2:hs]
        if _GROUP_BREAKS.search(between) or any(w in between for w in _GROUP_CLAUSE):
            continue
        name = text[p:m.end()]
        out.append(Candidate(p, m.end(), classed(name, "PartyOrganization"), "group", 0.85))  # (not trimmed at 党的)
    return out



_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_POSTED = "驻"  # 某组织 + 驻 + 某地 + 代表团: the body's team posted in a place
_AREAS = ("区域", "地区")  # 某组织 + 某洲 + 区域 + 办事处: the body's office for an area
_PLACE_LEN = 6  # characters of the place between a body and its team
_LISTED = "和与及、"


def subunits(d: Doc, found: list[Candidate]) -> list[Candidate]:
    """A body's team or office named right after it (kg/extract/data/ner_trims.tsv, kind ``subunit``, of two characters
    or more: 某院 + 工作组, 某组织 + 驻华代表团, 某组织 + 某洲区域办事处, 某商会 + 参访团): one name of the body's class.
    The team of no named body (青年宣讲团, 某国代表团) is none: a country is a region, not a body; nor is a body
    posted at (某国常驻 + 某组织 + 代表团: the country's mission) or listed with another (甲和 + 乙 + 代表团: both's) its
    owner."""
    from .ner.persons import trims

    text = d.text
    words = tuple(w for w in trims()[2] if len(w) >= 2)
    out = []
    for c in found:
        if (c.cls not in _ORGS or text[c.start:c.end] in rules().generic
                or text.endswith(_POSTED, 0, c.start) or c.start and text[c.start - 1] in _LISTED):
            continue
        for q in range(c.end, min(c.end + 1 + _PLACE_LEN + 2, len(text))):
            w = next((w for w in words if text.startswith(w, q)), None)
            if w is not None and _team_place(d, text[c.end:q], w):
                out.append(Candidate(c.start, q + len(w), c.cls, c.extractor, c.confidence))
                break
    return out


_OFFICES = ("办事处",)  # 某组织 + 某城 + 办事处: the body's office in a city, named by the city alone


def _team_place(d: Doc, mid: str, word: str = "") -> bool:
    """Is ``mid``, the words between a body and its team ``word``, nothing, 驻 + a place (驻华, 驻某国), a place and
    an area word (某洲区域) or, before an office, a place alone (某组织 + 某城 + 办事处)?"""
    from .foreign_regions import is_foreign_place
    from .orgclass import region_whole

    def place(name: str) -> bool:
        return name in rules().regions or is_foreign_place(name) or region_whole(name)

    if not mid:
        return True
    if mid.startswith(_POSTED):
        return mid[1:] == "华" or place(mid[1:])
    return mid.endswith(_AREAS) and place(mid[:-2]) or word in _OFFICES and place(mid)



_BOOK_TITLE = re.compile(r"《([^《》\n]{2,16})》")
# after a title in 《》: the kind of periodical it is (《某某》杂志); a longer word beginning so is none (报道, 报告)
_PERIODICAL_KINDS = ("杂志社", "杂志", "周刊", "期刊", "报社")
# a title's own last words that make it a newspaper or magazine (《某某报》, 《某某时报》, 《某某周刊》) ...
_PERIODICAL_ENDS = ("报", "周刊", "杂志", "画报")
# ... unless they make it a document or a kind of report (《某某公报》, 《某某年报》, 《某某简报》)
_REPORT_ENDS = ("公报", "通报", "简报", "年报", "月报", "季报", "情报", "汇报", "预报", "警报", "电报", "海报", "喜报",
                "捷报", "学报", "周报")


def periodicals(d: Doc) -> list[Candidate]:
    """A newspaper or magazine named by its whole title in 《》: one ending in 报 or 周刊 (《某某报》, 《某某时报》), or any
    title followed by its kind (《某某》杂志, 《某某》周刊), as an Organization (the media are organisations,
    tests/gold/README.md decision 22; the real gold lists such titles: issue #13). A bulletin or report (《某某公报》,
    《某某年报》) is a document, no medium; a title holding a mark or a space is a work's name."""
    text, out = d.text, []
    for m in _BOOK_TITLE.finditer(text):
        name = m.group(1)
        if not all(is_han(ch) or ch == "·" for ch in name):
            continue
        after = text.startswith(_PERIODICAL_KINDS, m.end())
        own = any(name.endswith(w) and len(name) > len(w) for w in _PERIODICAL_ENDS)
        if after or own and not name.endswith(_REPORT_ENDS):
            out.append(Candidate(m.start(1), m.end(1), "Organization", "title", 0.8))  # (whole: no stem is trimmed)
    return out


_REGION_BODIES = ("议会",)  # 拉丁美洲 + 议会: the parliament of a world region


def region_parliaments(d: Doc) -> list[Candidate]:
    """The parliament of a continent or world region named by it (a large region of place_words.tsv, kind
    ``whole``, right before 议会: 拉丁美洲议会, 拉美议会), as an Organization (org_classes.tsv): an international
    body, which neither a country's nor a region's rule finds (issue #13)."""
    from .orgclass import region_whole

    text, out = d.text, []
    for s, e, w in d.tokens:
        if region_whole(w) and text.startswith(_REGION_BODIES, e):
            end = e + next(len(b) for b in _REGION_BODIES if text.startswith(b, e))
            out.append(Candidate(s, end, classed(text[s:end], "Organization"), "suffix", 0.8))
    return out


_QUOTED = re.compile(r"“([^“”\n]{2,20})”")
# a kind of armed or outlawed group right before a quoted name (极端组织“某某”, 武装派别“某某旅”) ...
_GROUP_KINDS = ("极端组织", "恐怖组织", "武装组织", "邪教组织", "反政府武装", "武装派别", "民兵组织")
# ... or a word right after it that only a group has (“某某”组织, “某某”武装, “某某”发言人)
_GROUP_PARTS = ("组织", "武装", "领导人", "发言人", "头目")
_NAME_MARKS = "·•-—"


def quoted_groups(d: Doc) -> list[Candidate]:
    """An organisation named in quotes and marked as a group by a kind word before the quote (极端组织“某某”) or a
    word after it (“某某”组织, “某某”武装, “某某”领导人): the quoted part, as an Organization (tests/gold/README.md,
    policy 7: “某某”志愿服务队 -> 某某). Without the mark it stays a slogan or a programme's name (issue #13)."""
    text, out = d.text, []
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if not all(is_han(ch) or ch in _NAME_MARKS for ch in name) or name[0] in NUMERALS:
            continue  # “金砖+”: a mark makes a phrase; “两新”组织, “三农”: a count of kinds, no one body
        if text.endswith(_GROUP_KINDS, 0, m.start()) or text.startswith(_GROUP_PARTS, m.end()):
            out.append(Candidate(m.start(1), m.end(1), "Organization", "quote", 0.75))  # (the quote's own rank)
    return out


_CHANNEL = re.compile(r"[\u4e00-\u9fff]{2,4}频道")  # a channel's kind and 频道 (综合频道, 中文国际频道)


def before_channel(d: Doc, c: Candidate) -> bool:
    """Is ``c`` a broadcaster named right before the kind of one of its channels (央视 + 综合频道 + 20点档)? It names the slot a
    programme airs in, no mention of the broadcaster: the real gold lists neither there, and lists the channel
    only now and then (issue #13; dev 2 of 7 channels), so neither is kept. A station named in full (某某电视台,
    中央广播电视总台 + 社会与法频道) is kept: it is the channel's owner."""
    from kg.util.resources import words

    return (c.cls in _ORGS and _CHANNEL.match(d.text, c.end) is not None and not d.text.endswith("台", c.start, c.end)
            and not d.text.startswith(tuple(words("media.txt")), c.end))  # 总台 + 央视综合频道: the channel's owner


_TEAMS = ("医疗队",)  # a team sent somewhere, named by where it goes
_SENT = ("支援", "援", "赴", "返")  # 援 + 鄂 + 医疗队: sent to (or back to) a province


def destination_team(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a team named only by where it is sent (援鄂医疗队, 支援 + 湖北医疗队, 返吉医疗队, 赴 + 湖北恩施医疗队):
    a kind of team, no one body's name (tests/gold/README.md policy 3; the dev3 gold lists none, issue #13)? A team
    named by its sender (广东医疗队, 某某医院 + 援鄂医疗队) is a name; the region stays a mention of the region."""
    from .ner.learned import PROVINCE_INITIALS

    name = text[start:end]
    team = next((t for t in _TEAMS if name.endswith(t)), None)
    if team is None:
        return False
    stem = name[:-len(team)]
    sent = next((w for w in _SENT if stem.startswith(w)), "")
    if not sent and not text.endswith(_SENT, 0, start):
        return False  # 广东 + 医疗队: the team Guangdong sends
    rest = stem[len(sent):]
    return len(rest) == 1 and rest in PROVINCE_INITIALS or _regions_only(rest)  # 援 + 鄂, 湖北恩施


def _regions_only(text: str) -> bool:
    """Is ``text`` one region name or a chain of them (湖北, 湖北恩施)?"""
    regions = rules().regions
    if not text:
        return False
    return any(text[:n] in regions and (n == len(text) or _regions_only(text[n:])) for n in range(len(text), 1, -1))


_OWNED_HEADS = ("管理委员会", "委员会", "办公室", "领导小组", "指挥部", "事务中心", "中心")
_OWNED_STEM = 8  # characters of the stem between the owner and the head
_INNER_JOINERS = ("和", "与")


def owned_bodies(d: Doc, found: list[Candidate]) -> list[Candidate]:
    """A committee, office, group or centre named right after a body or a country that owns it (某国 + 贸易代表 +
    办公室, 某国 + 总统办公室, 全国人大 + 宪法和法律 + 委员会, 某军 + 选举委员会): one name, of the head's class. The head
    rule for such words (heads.tsv, rule ``body``) needs a region or level word before the stem; a country or a named
    body is as good an owner (issue #13: the model and the rules missed them). The stem is nouns and names, one
    joiner between two of them at most (宪法 + 和 + 法律), no verb, time word or generic word alone."""
    from .finders import is_country

    text, out = d.text, []
    for c in found:
        name = text[c.start:c.end]
        owner = c.cls in _ORGS or c.cls == "AdministrativeRegion" and is_country(name)
        if not owner or c.end not in d.starts or name in rules().generic:
            continue
        k = d.token_at(c.end)
        stem: list[tuple[int, int, str]] = []
        while k < len(d.tokens) and sum(len(t[2]) for t in stem) < _OWNED_STEM:
            s, e, w = d.tokens[k]
            head = next((h for h in _OWNED_HEADS if text.startswith(h, s)), None)
            if head is None:  # a head jieba glued to the stem's last word (法律委员会)
                head = next((h for h in _OWNED_HEADS if w.endswith(h) and len(w) > len(h)), None)
                if head is not None:
                    stem.append((s, e - len(head), w[:-len(head)]))
                    s = e - len(head)
            if head is not None:
                end = s + len(head)
                if stem and (end in d.cuts or text.startswith("主任", end)) and _owned_stem(d, stem):
                    out.append(Candidate(c.start, end, classed(text[c.start:end], rules().heads[head][0]),
                                         "suffix", 0.75))
                break
            stem.append((s, e, w))
            k += 1
    return out


def _owned_stem(d: Doc, stem: list[tuple[int, int, str]]) -> bool:
    """May ``stem`` name a body's committee or office: nouns and names (a joiner only between two), no verb, time
    word, numeral or punctuation, not generic words alone?"""
    from .stems import not_generic

    words = [w for _s, _e, w in stem]
    for i, w in enumerate(words):
        if w in _INNER_JOINERS:
            if i == 0 or i == len(words) - 1 or words.count(w) > 1:
                return False
            continue
        tag = d.tag(w) or "n"
        if (not all(is_han(ch) for ch in w) or tag[:1] not in "nj" and tag != "vn" or tag in _NAME_TAGS
                or w in rules().stop or w in _SOME):
            return False
    if any(w in _INNER_JOINERS for w in words) and any(w in rules().cue_before for w in words):
        return False  # 某理事会 + 主席和某盟 + 委员会: two bodies and a post, no committee's name
    return not_generic(stem)


_NAME_TAGS = ("ns", "nt", "nr", "nrt")  # a place, a body or a person inside the stem: another name (某国媒体援引某国…)
_SOME = ("有关", "相关", "其他", "其它", "下属", "所属", "各", "专门")  # 某人大 + 有关专门委员会: which ones, no name


_NUMBERED_ARMY = re.compile(r"第[0-9一二三四五六七八九十]{1,4}集团军")


def numbered_armies(d: Doc) -> list[Candidate]:
    """A group army named by its number (第某集团军): a GovernmentBody by itself, as the real gold names a fleet
    after its service (海军 + 某海舰队); a service or a military region before it (陆军 + 第某集团军, 某地军区 +
    第某集团军) is a body of its own, found here too (issue #13: the rules and the model missed such armies, whose
    stem is only a number, or made one name of the region and the army)."""
    text, regions, out = d.text, rules().regions, []
    for m in _NUMBERED_ARMY.finditer(text):
        out.append(Candidate(m.start(), m.end(), "GovernmentBody", "suffix", 0.8))
        p = m.start()
        service = next((w for w in SERVICES if text.endswith(w, 0, p)), None)
        if service is not None:  # 陆军 + 第某集团军: the service, a body of its own
            out.append(Candidate(p - len(service), p, "GovernmentBody", "suffix", 0.8))
            p -= len(service)
        if text.endswith("军区", 0, p):  # 某地 + 军区 + 第某集团军: the military region, a body of its own
            q = next((p - 2 - n for n in (3, 2) if text[p - 2 - n:p - 2] in regions), None)
            if q is not None:
                out.append(Candidate(q, p, "GovernmentBody", "suffix", 0.8))
    return out
