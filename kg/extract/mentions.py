"""Find entity mentions in an article: regions from the gazetteer, names ending in suffix words, quoted
programme names and people next to role words.

Rules are general (suffix classes, word lists under kg/data/, the cpca gazetteer and jieba word boundaries);
candidates from all rules are made non-overlapping (longest, then most specific) and returned sorted.

>>> from kg.model import Article
>>> t = "岳阳市科技局表示，湖南蓝湾环保科技有限公司负责人张三说。"
>>> a = Article(id="x-0", source="x.txt", headline="", text=t, offsets=tuple(range(len(t) + 1)), body_start=0)
>>> [(m.text, m.cls) for m in mentions(a)]
[('岳阳市科技局', 'GovernmentBody'), ('湖南蓝湾环保科技有限公司', 'Enterprise'), ('张三', 'Person')]
"""

from __future__ import annotations

from . import gazetteer
from kg.extract.ner import learned
from . import merge_model
from .bodies import (armies, central_groups, destination_team, country_bodies, led_parties, numbered_armies,
                     party_words, periodicals, owned_bodies, quoted_groups, region_parliaments, services, subunits)
from .area_names import area_names, strips
from .finish import finish, places_named_as_people
from .foreign_regions import (cities_after_verbs, foreign_regions, level_after, state_short_forms, titled_countries,
                              transliterated_cities)
from .orgclass import place_names
from .head_rules import left_trim
from .finders import (
    REGISTERED,
    STRONG_COMPANY,
    after_township,
    brand_enterprises,
    coordinated,
    country_hits,
    region_hits,
    suffix_candidates,
)
from .initiatives import subtype_at
from .known_bodies import headquarters, known_bodies
from .listed_regions import listed_regions
from kg.model import Article, Mention
from .event_forms import body_sessions
from .named_events import COMRADE, named_events
from .name_shapes import ADDRESS_FORMS
from .not_persons import not_persons
from .people import persons
from .programmes import quoted_initiatives
from .rules import LEVEL_CHARS, Candidate, Doc, is_han, rules
from .stems import is_full_region
from kg.util.sentences import sentences
from kg.util.spans import occurrences

__all__ = ["mentions", "mentions_all", "rule_candidates", "reconcile", "to_mentions", "Candidate", "candidates",
           "CLASSES"]

CLASSES = ("Person", "Enterprise", "GovernmentBody", "PartyOrganization", "Organization",
           "AdministrativeRegion", "Place", "Initiative", "Incident")
# more specific classes win a tie between candidates of the same span
_SPECIFIC = {"Enterprise": 6, "GovernmentBody": 6, "PartyOrganization": 6, "Organization": 4,
             "Initiative": 3, "Place": 3, "AdministrativeRegion": 5, "Person": 5, "Incident": 3}


def candidates(text: str, authors=()) -> list[Candidate]:
    """All candidates of all rules, overlapping, in no particular order (with the repeats of kept names)."""
    d, found = _found(text, authors)
    return found + _propagate(d, _resolve_overlaps(found), found)


def _found(text: str, authors=()) -> tuple[Doc, list[Candidate]]:
    d = Doc(text)
    regions = region_hits(d)
    found: list[Candidate] = []
    for s, e, code in regions:
        found.append(Candidate(s, e, "AdministrativeRegion", "gazetteer", 0.95, code))
    suffixed = suffix_candidates(d, regions)
    if d.names:  # township names seen anywhere make other names likelier: a second pass sees them all
        suffixed = suffix_candidates(d, regions)
    found += suffixed
    found += brand_enterprises(d, regions)
    found += coordinated(d, found)
    found += after_township(d, found)
    found += quoted_initiatives(d, stops={c.end for c in found})
    found += persons(d, authors)
    countries = _country_names(d) + titled_countries(d)  # 中非 + 总统: a short form is a country by its title
    found += countries + country_bodies(d, countries) + led_parties(d) + party_words(d) + place_names(d)
    found += foreign_regions(d, countries)  # 某国 + 某某州: a state of a country the gazetteer lacks
    found += cities_after_verbs(d, countries)  # 在 / 某国 / 北部 + 某某 (a city of world_places.txt)
    found += transliterated_cities(d)  # 某某某市: a transliterated name and 市
    found += state_short_forms(d, found)  # 某州 after 某某某州 in the text
    known = known_bodies(d)  # 世卫组织, 北约, 白宫: known bodies named whole (not a stem of an event's name)
    found += named_events(d, found, known)  # kg.extract.named_events: meetings, documents, projects, strategies, incidents
    found += known  # (a known body still holds its meetings: 某组织领导人第N次会晤)
    found += headquarters(d)  # 某组织 + 总部: the seat, a Place
    found += armies(d) + services(d) + numbered_armies(d)  # 某军: an army by its country's short form; 空军 named alone
    found += central_groups(d)  # 中央 + 某某工作 + 领导小组
    found += periodicals(d) + region_parliaments(d)  # 《某某报》, 《某某》杂志; 拉丁美洲 + 议会
    found += quoted_groups(d)  # 极端组织“某某”, “某某”武装: a group named in quotes
    found += owned_bodies(d, found)  # 某国 + 贸易代表办公室, 全国人大 + 某某委员会: a body its owner names
    found += subunits(d, found)  # 某院 + 工作组, 某组织 + 驻华代表团: a body's team is one name with it
    found = [left_trim(d, c) for c in found]
    found = [c for c in found if c.cls not in _ORG_CLASSES or not merge_model.clause_inside(d, c.start, c.end)
             and not destination_team(text, c.start, c.end)]
    return d, _region_cuts(d, _brand_gap(d, found))


def _country_names(d: Doc) -> list[Candidate]:
    """Country names (kg/extract/data/countries.txt) at word boundaries, unless a form of address follows (贝宁先生)."""
    return [Candidate(c.start, c.end, c.cls, "country", 0.9) for c in country_hits(d)
            if not d.text.startswith(ADDRESS_FORMS, c.end)]




_ORG_BODIES = ("GovernmentBody", "PartyOrganization")
_TOWNSHIP = ("镇", "乡", "村", "街道")


def _region_spans(d: Doc, cands: list[Candidate]) -> set[tuple[int, int]]:
    """Spans of region names: region candidates that are gazetteer or township names, and every occurrence
    of a full gazetteer name found as a region elsewhere in the text (jieba may cut it: 名/山区 of 名山区)."""
    text = d.text
    regions = rules().regions
    out = {(c.start, c.end) for c in cands if c.cls == "AdministrativeRegion"
           and (text[c.start:c.end] in regions or text.endswith(_TOWNSHIP, c.start, c.end))}
    for name in d.regions:
        if len(name) >= 3 and is_full_region(name):
            for ms, me in occurrences(name, text):
                s, e, _ = d.tokens[d.token_at(ms)]
                # at a word start, and no word of its own ends inside it (会同 of 会同县 is a verb)
                if s == ms and (e - s == 1 or e >= me):
                    out.add((ms, me))
    return out


def _region_cuts(d: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A name never starts inside a region or township name right before it (某县某集镇 + 某某合作社, cut by
    jieba as 某/集镇): a government or party body takes the whole region into its name (某山区 + 农业农村局),
    any other name starts where the region ends (the region only locates it)."""
    spans = _region_spans(d, cands)
    if not spans:
        return cands
    inside: dict[int, tuple[int, int]] = {}  # a position inside a region -> that region (the longest)
    for p, q in sorted(spans, key=lambda r: r[1] - r[0]):
        for i in range(p + 1, q):
            inside[i] = (p, q)
    have = {(c.start, c.end) for c in cands}
    out = []
    for c in cands:
        got = inside.get(c.start)
        if got is None or c.cls in ("AdministrativeRegion", "Person") or got[1] > c.end - 2:
            out.append(c)
            continue
        p, q = got
        if d.text[p:c.start] in merge_model.JOINERS:  # 某部会同县某局: the verb 会同, not the county 会同县
            out.append(c)
            continue
        if c.cls in _ORG_BODIES:
            out.append(Candidate(p, c.end, c.cls, c.extractor, c.confidence, c.code))
            continue
        rest = d.text[q:c.end]
        if len(rest) >= 3 and rest not in rules().heads and rest not in rules().generic:
            out.append(Candidate(q, c.end, c.cls, c.extractor, c.confidence, c.code))
        if (p, q) not in have:
            have.add((p, q))
            out.append(Candidate(p, q, "AdministrativeRegion", "gazetteer", 0.9))
    return out


def _brand_gap(d: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A registered company name cut two characters after a full region name (某市 + 林/都 + 某某食品有限公司,
    a two-character brand jieba split into single characters, the second a function word): the name starts
    where the region ends."""
    text = d.text
    ends = {c.end for c in cands if c.cls == "AdministrativeRegion" and is_full_region(text[c.start:c.end])
            and text[c.end - 1] in LEVEL_CHARS}
    taken = {p for c in cands for p in range(c.start, c.end)}
    stop = rules().stop
    out = []
    for c in cands:
        g = c.start - 2
        if (c.cls == "Enterprise" and g in ends and text.endswith(REGISTERED, c.start, c.end)
                and g not in taken and g + 1 not in taken and all(is_han(ch) for ch in text[g:c.start])
                and text[g] not in stop and {g, g + 1} <= d.starts and c.start in d.starts):
            out.append(Candidate(g, c.end, c.cls, c.extractor, c.confidence, c.code))
            continue
        out.append(c)
    return out


def _propagate(d: Doc, kept: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Other occurrences of a name kept elsewhere in the same text (at word boundaries)."""
    text = d.text
    have = {(c.start, c.end) for c in found}
    best: dict[str, Candidate] = {}
    for c in kept:
        name = text[c.start:c.end]
        if len(name) >= 2 and c.extractor != "gazetteer":
            if name not in best or c.confidence > best[name].confidence:
                best[name] = c
    # a comrade honoured in an event's name (某某 + 同志先进事迹报告会) is the same person elsewhere in the text
    events = [(c.start, c.end) for c in kept if c.cls == "Initiative"]
    for c in found:
        name = text[c.start:c.end]
        if c.cls == "Person" and name not in best and len(name) >= 2 and text.startswith(COMRADE, c.end) \
                and any(a <= c.start and c.end <= b for a, b in events):
            best[name] = c
    # a registered company name's stem stands for the company later on (三一重工股份有限公司 -> 三一重工)
    for name, c in list(best.items()):
        if c.cls == "Enterprise" and c.confidence >= 0.9:
            for head in sorted(STRONG_COMPANY, key=len, reverse=True):
                if name.endswith(head):
                    for stem in _short_forms(name[: -len(head)]):
                        if len(stem) >= 3 and stem not in best:
                            best[stem] = Candidate(c.start, c.start + len(stem), c.cls, "suffix", 0.65)
                    break
    out = []
    for name, c in best.items():
        for s, e in occurrences(name, text):
            if (s, e) in have or s not in d.starts:
                continue
            if e not in d.ends and e < len(text) and _word_char(text[e]) and text[e] not in LEVEL_CHARS:
                continue
            if c.extractor == "foreign":
                e += level_after(d, e)  # a foreign city named again with its level word (某某 ... 某某省)
            out.append(Candidate(s, e, c.cls, c.extractor, round(c.confidence * 0.95, 3), c.code))
    return out


_BUSINESS = ("发展", "实业", "投资", "控股")


def _short_forms(stem: str) -> list[str]:
    """Short forms of a registered name's stem: itself, without a trailing 发展/实业 and without a leading
    province or city short form (江西某某农业发展 -> 江西某某农业, 某某农业发展, 某某农业)."""
    forms = [stem]
    for w in _BUSINESS:
        if stem.endswith(w) and len(stem) - len(w) >= 4:
            forms.append(stem[: -len(w)])
    regions = rules().regions
    for f in list(forms):
        for n in (3, 2):
            if f[:n] in regions and len(f) - n >= 4:
                forms.append(f[n:])
                break
    return forms


def _word_char(ch: str) -> bool:
    return ch.isalnum()


def _rank(c: Candidate):
    # a quoted programme name beats a suffix reading of the same span (“万企兴万村”行动 is no village)
    quoted = c.extractor == "quote"
    return (-(c.end - c.start), not quoted, -_SPECIFIC.get(c.cls, 0), -c.confidence, c.start, c.cls, c.extractor)


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    order = sorted(cands, key=_rank)
    taken = bytearray(max((c.end for c in cands), default=0) + 1)
    kept = []
    for c in order:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _codes(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Give every region mention a code, using the other regions of the article as context."""
    sure = [c.code for c in kept if c.code]
    out = []
    prev: Candidate | None = None
    for c in kept:
        if c.cls == "AdministrativeRegion" and c.extractor == "gazetteer" and not c.code:
            ctx = ([prev.code] if prev is not None and prev.code and prev.end == c.start else []) + sure
            r = gazetteer.resolve(text[c.start:c.end], ctx)
            if r is not None:
                c = Candidate(c.start, c.end, c.cls, c.extractor, c.confidence, r.code)
        out.append(c)
        if c.cls == "AdministrativeRegion":
            prev = c
    return out


def _combine(text: str, authors, ner: str, tagged=None) -> list[Candidate]:
    if ner not in ("auto", "rules", "model"):
        raise ValueError(f"ner must be auto, rules or model, got {ner!r}")
    from_model = None if ner == "rules" else learned.candidates(text, tagged)
    if ner == "model":
        return reconcile(text, None, [], from_model)
    d, kept = rule_candidates(text, authors)
    return reconcile(text, d, kept, from_model)


def rule_candidates(text: str, authors=()) -> tuple[Doc, list[Candidate]]:
    """The rules' non-overlapping candidates (with the repeats of kept names) and the text's words."""
    d, found = _found(text, authors)
    return d, _resolve_overlaps(found + _propagate(d, _resolve_overlaps(found), found))


def reconcile(text: str, d: Doc | None, kept: list[Candidate], from_model: list[Candidate] | None
              ) -> list[Candidate]:
    """The rules' candidates ``kept`` (``d``: their words; None when the rules did not run) and the model's
    ``from_model`` (None when it did not run) as the final candidates, with region codes."""
    if d is None:
        return _codes(text, _resolve_overlaps(from_model or []))
    # model spans fill and fix the rules' candidates; without the model only the rule parts of merge apply
    model = None if from_model is None else _resolve_overlaps(
        [m for m in from_model if m.cls not in _ORG_CLASSES or not destination_team(text, m.start, m.end)])
    kept = merge_model.merge(d, kept, model or [])
    kept = _resolve_overlaps(_region_cuts(d, kept))  # the model may start a name inside a region too
    kept = _registered(text, _dash_joined(text, _countries(d, kept)))
    kept = not_persons(d, strips(d, finish(d, area_names(d, kept))), model)
    return _codes(text, listed_regions(d, body_sessions(d, places_named_as_people(d, kept))))


def _countries(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A span that is exactly a country name (kg/extract/data/countries.txt) is a region, whatever the model said
    (科威特 is no person); an organisation keeps its class (意大利 for its national team), unless its name is
    a state's formal name (某某共和国)."""
    spans = {(c.start, c.end) for c in country_hits(d) if not d.text.startswith(ADDRESS_FORMS, c.end)}
    text = d.text
    return [Candidate(c.start, c.end, "AdministrativeRegion", "gazetteer", max(c.confidence, 0.9))
            if (c.start, c.end) in spans and c.cls in ("Person", "Place")
            or text.endswith(_STATE, c.start, c.end) and c.cls != "AdministrativeRegion" and c.end - c.start > 3
            else c for c in kept]


def _dash_joined(text: str, kept: list[Candidate]) -> list[Candidate]:
    """A country, a dash and an organisation are one name (某国—中国友好协会, 中国—某某商务理事会); not a country
    and a known body named alone (中国—东盟 + 博览会, + 对话关系: the two sides of something, two names)."""
    from .known_bodies import known_class

    out: list[Candidate] = []
    for c in kept:
        prev = out[-1] if out else None
        if (prev is not None and prev.extractor == "country" and c.cls in _ORG_CLASSES
                and text[prev.end:c.start] in merge_model.DASHES and known_class(text[c.start:c.end]) is None):
            out[-1] = Candidate(prev.start, c.end, c.cls, c.extractor, c.confidence)
            continue
        out.append(c)
    return out


_ORG_CLASSES = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
# 波兰共和国, 某某联邦, 某某酋长国, 某某独立国: a state's formal name is a place, not an organisation
_STATE = ("共和国", "王国", "合众国", "联邦", "酋长国", "独立国")


_HUBS = ("机场", "火车站", "高铁站", "汽车站", "客运站", "港", "码头")


def _zone(name: str) -> bool:
    """A special zone (某某管理区, 某某开发区): it locates a company, it is no part of a registered name."""
    return any(name.endswith(h) for h, (_, rule) in rules().heads.items() if rule == "zone")


def _registered(text: str, kept: list[Candidate]) -> list[Candidate]:
    """A full-form region right before a registered company name is part of that name (深圳市 + 某某科技有限公司,
    某某镇 + 某某专业合作社: 行政区划 + 字号 + 行业 + 组织形式); a chain of regions (某省某市某区某某公司) and a
    special zone only locate the company (tests/gold/README.md, rule 5)."""
    out: list[Candidate] = []
    for c in kept:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == c.start and prev.cls == "AdministrativeRegion"
                and c.cls == "Enterprise" and text.endswith(REGISTERED, c.start, c.end)
                and text[prev.end - 1] in LEVEL_CHARS and c.start - prev.start >= 3
                and not _zone(text[prev.start:prev.end])
                and not (len(out) > 1 and out[-2].end == prev.start and out[-2].cls == "AdministrativeRegion")):
            out[-1] = Candidate(prev.start, c.end, c.cls, c.extractor, c.confidence)
            continue
        if (prev is not None and prev.end == c.start and prev.cls == "AdministrativeRegion"
                and not is_full_region(text[prev.start:prev.end]) and c.cls == "Place"
                and text.endswith(_HUBS, c.start, c.end)):
            # 某地 + 某某国际机场, 某地 + 某某港: a transport hub is named with its city's short form
            out[-1] = Candidate(prev.start, c.end, c.cls, c.extractor, c.confidence)
            continue
        out.append(c)
    return out


def mentions_all(articles, ner: str = "auto", chunk: int = 256) -> dict[str, list[Mention]]:
    """:func:`mentions` of many articles, by id; the learned model tags them in batches (faster)."""
    articles = list(articles)
    out: dict[str, list[Mention]] = {}
    for i in range(0, len(articles), chunk):
        part = articles[i:i + chunk]
        tagged = learned.tag([a.text for a in part]) if ner != "rules" else [None] * len(part)
        for a, found in zip(part, tagged):
            out[a.id] = mentions(a, ner, found)
    return out


def mentions(article: Article, ner: str = "auto", tagged=None) -> list[Mention]:
    """All entity mentions in ``article.text``, non-overlapping and sorted by start.

    ``ner``: ``"auto"`` = rules, with the learned model (kg.extract.ner.learned) filling what they miss when it is
    installed; ``"rules"`` = rules only; ``"model"`` = the model's spans only (for measuring). ``tagged``: the
    model's spans of the text when already tagged (:func:`kg.extract.ner.learned.tag`), else it tags it here.
    """
    text = article.text
    if not text:
        return []
    return to_mentions(article, _combine(text, article.authors, ner, tagged))


def to_mentions(article: Article, kept: list[Candidate]) -> list[Mention]:
    """The final candidates of ``article`` as mentions, with raw offsets, sentence numbers and initiative kinds."""
    text = article.text
    ends = [e for _, e in sentences(text)]
    out = []
    sent = 0
    for c in kept:
        while sent < len(ends) and ends[sent] <= c.start:
            sent += 1
        raw_start, raw_end = article.raw_span(c.start, c.end)
        out.append(Mention(article=article.id, start=c.start, end=c.end, raw_start=raw_start, raw_end=raw_end,
                           cls=c.cls, text=text[c.start:c.end], extractor=c.extractor,
                           confidence=c.confidence, code=c.code, sentence=sent,
                           subtype=subtype_at(text, c.start, c.end) if c.cls == "Initiative" else None))
    return out
