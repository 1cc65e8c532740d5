"""Incidents named by their shape (kg.extract.event_forms calls :func:`incidents`; decision 21 of tests/gold/README.md).

- earthquakes named as the China Earthquake Networks Center names them: the place and the magnitude
  (某省某县6.8级地震), the place right before the magnitude (某地发生6.8级地震 describes one, it names none);
- outbreaks named by their disease (某某流感疫情, 某某热疫情);
- conflicts, wars and crises of two countries named by their one-character short forms (某某冲突 with 巴以, 俄乌,
  美伊: Xinhua style), which jieba cuts into single characters;
- wars, battles, incidents and uprisings of history that jieba's dictionary holds as one proper noun (tag nz: 某某战争,
  某某战役, 某某事变, 某某起义), unless what comes before the head is a common word (人民战争, 革命战争, 游击战争:
  kinds of war).
"""

from __future__ import annotations

import re

from .event_stems import at_end, at_start
from .rules import Candidate, Doc, rules

__all__ = ["incidents"]

_QUAKE = re.compile(r"(?:里氏)?\d{1,2}(?:[.．]\d)?级(?:强烈)?地震")
# one-character short forms of states in the names of conflicts (Xinhua style guide usage)
_INITIALS = "中美俄日韩朝英法德意印巴越老泰缅蒙澳欧非以乌叙伊阿土沙菲墨"
_PAIR = re.compile(rf"([{_INITIALS}])([{_INITIALS}])(?:冲突|战争|危机)")


def _quakes(d: Doc) -> list[Candidate]:
    """某地 + N级地震: the run of region or place words right before the magnitude is the quake's name."""
    out = []
    regions = rules().regions
    for m in _QUAKE.finditer(d.text):
        s = m.start()
        if not at_end(d, m.end()) or s == 0:
            continue
        k = d.token_at(s - 1)
        a = s
        while k >= 0 and d.tokens[k][1] == a:
            w = d.tokens[k][2]
            if w not in regions and d.tag(w) != "ns":
                break
            a, k = d.tokens[k][0], k - 1
        if a < s:
            out.append(Candidate(a, m.end(), "Incident", "suffix", 0.8))
    return out


def _pairs(d: Doc) -> list[Candidate]:
    """巴以冲突, 美伊战争: two different one-character short forms of states and a conflict word."""
    return [Candidate(m.start(), m.end(), "Incident", "suffix", 0.8) for m in _PAIR.finditer(d.text)
            if m.group(1) != m.group(2) and at_start(d, m.start()) and at_end(d, m.end())]


# the last characters of the names of infectious diseases (禽流感, 口蹄疫, 猪瘟, 登革热, 猴痘, 霍乱, 疟疾, 麻疹): the
# National Health Commission's list of notifiable diseases and the WOAH list of animal diseases
_DISEASE_ENDS = ("流感", "疫", "瘟", "热", "痘", "病", "炎", "症", "霍乱", "疟疾", "麻疹", "埃博拉")


_KINDS_OF_DISEASE = ("传染病", "流感", "疾病", "疫病", "病", "疫", "热", "炎", "重大传染病", "动物疫病")  # no one disease


def _epidemics(d: Doc) -> list[Candidate]:
    """某某病 + 疫情: an outbreak named by its disease (jieba often tags a disease as an adverb or a name); the words
    of the disease right before 疫情, a figure code (H7N9) included, nothing else."""
    out = []
    for m in re.finditer("疫情", d.text):
        s = m.start()
        if s == 0 or s not in d.starts or not at_end(d, m.end()):
            continue
        k = d.token_at(s - 1)
        a = s
        while k >= 0 and d.tokens[k][1] == a and s - d.tokens[k][0] <= 10:
            w = d.tokens[k][2]
            if not (w.endswith(_DISEASE_ENDS) or w.isascii() and w.isalnum()):
                break
            a, k = d.tokens[k][0], k - 1
        if a < s and d.text[a:s].endswith(_DISEASE_ENDS) and d.text[a:s] not in _KINDS_OF_DISEASE:
            out.append(Candidate(a, m.end(), "Incident", "suffix", 0.75))
    return out


# a criminal case named in quotation marks (“某某特大走私案”, “某某等人涉黑案”): the quoted name ends in 案; words
# ending in 案 that name a document or a filing (方案, 草案, 议案, 提案, 预案, 档案, 备案, 立案 ...) are no case
_CASE = re.compile(r"[“\"]([^“”\"\n，。、；！？]{4,24}案)[”\"]")
_NOT_CASES = ("方案", "草案", "议案", "提案", "预案", "档案", "答案", "图案", "备案", "教案", "法案", "个案", "专案",
              "立案", "结案", "破案", "投案", "文案", "要案", "议定案", "修正案", "图书案", "在案")  # (记录在案: on record)


def _cases(d: Doc) -> list[Candidate]:
    return [Candidate(m.start(1), m.end(1), "Incident", "quote", 0.8) for m in _CASE.finditer(d.text)
            if not m.group(1).endswith(_NOT_CASES)]


# a crisis of the economy named by its year (and where it spread): the year is part of the name
_YEAR_CRISIS = re.compile(r"(?<!\d)(?:19|20)\d\d年(?:国际|全球|世界|亚洲|欧洲|美国|拉美)?(?:金融|经济|债务|次贷|石油)危机")


def _crises(d: Doc) -> list[Candidate]:
    """2008年(国际)金融危机: a year, where, and the kind of crisis of the economy."""
    return [Candidate(m.start(), m.end(), "Incident", "suffix", 0.8) for m in _YEAR_CRISIS.finditer(d.text)
            if at_end(d, m.end())]


# the heads of wars and incidents of history whose names jieba's dictionary holds as one word, and the tags of a
# common word before them (a kind of war: 人民 n, 革命 vn, 游击 vn, 独立 v, 核 n, 国内 s, 非正义 b)
_HISTORY_HEADS = ("战争", "战役", "事变", "起义")  # (two characters each)
_KIND_TAGS = ("n", "vn", "v", "a", "b", "s", "l", "d", "f")
_LEAST_FREQ = 20  # jieba's rarest dictionary words (frequency 3) are unchecked compounds (发动战争, 化学战争)


def _dictionary_wars(d: Doc) -> list[Candidate]:
    """A war, battle, incident or uprising jieba knows as one proper noun (北伐战争-like words of tag nz), not a kind
    of war (a common word before the head)."""
    out = []
    for s, e, w in d.tokens:
        if len(w) < 3 or w[-2:] not in _HISTORY_HEADS or d.tag(w) != "nz" or d.freq(w) < _LEAST_FREQ \
                or not at_end(d, e):
            continue
        if d.tag(w[:-2]) not in _KIND_TAGS:
            out.append(Candidate(s, e, "Incident", "suffix", 0.8))
    return out


def incidents(d: Doc) -> list[Candidate]:
    """Every incident found by the shape of its name."""
    return _quakes(d) + _pairs(d) + _epidemics(d) + _cases(d) + _crises(d) + _dictionary_wars(d)
