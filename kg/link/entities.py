"""Link mentions across articles: one entity per real-world thing, with every surface form kept.

Finding an entity (kg.extract.mentions) and linking it are separate steps. A mention gets a *linking key* from its
normalised name; mentions with the same key are one entity:

- administrative regions: their GB/T 2260 code (岳阳, 岳阳市 -> 430600), so a region is one node from any article;
  regions below county level (no code in the gazetteer) are keyed by name within the prefecture of the region
  written with them (某县 + 某村), else of their article; a name every article writing its region locates in one
  prefecture joins its other mentions (kg.link.regions.join_located);
- organisations: the region prefix resolved to its code plus the rest of the name with agency short forms expanded
  (恩施州医保局 = 恩施土家族苗族自治州医疗保障局) and a company's legal suffix dropped (X燃气 = X燃气有限公司);
  a lone level character takes the article's region of that level (省科技厅 in a Hunan article = 湖南省科学技术厅,
  see kg.extract.coref); a name without a region prefix joins the one prefixed entity with the same rest, if there is
  exactly one; a company short form (brand without its industry word, or the same brand core with fewer
  business-line words: 某某家居 = 某某智能家居) or an agency abbreviation whose characters appear in order in one
  longer name of the same region joins it; a short form the text declares (某某集团有限公司（简称“某某”）) joins the
  name written before it;
- people: their name, split when the articles disagree (different provinces, posts at different organisations);
- initiatives: their name.
Never merged: different codes (长沙市 / 长沙县), a river or mountain named like a region (浏阳河 is no 浏阳 prefix),
names that differ in a number (二十届三中全会 / 十九届三中全会). Every merge keeps its reason and score
(``Entity.merges``). Generic words (该区, 全市, 该公司) become ``Linked.references``, never surface forms.
Relations and names become facts between the entities in kg.link.facts.
"""

from __future__ import annotations

import bisect

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from kg.extract import coref, gazetteer
from kg.extract.initiatives import without_period
from .facts import Naming, ascii_fact, fact_order, name_facts, one_statement, region_facts, relation_facts
from kg.model import ORGANISATIONS, Article, Entity, Linked, Mention, Merge, Reference, Relation, Text
from .known import alias_class, foreign_before, generic_country, known_name, other_body, region_headed, shared_name
from .persons import day, split_people
from .programmes import join_dashed_short_forms, join_state_prefixed, join_trailers
from .senses import one_sense, one_class_across
from .regions import (article_context, clipped, join_located, located, names_water, needs_region, prefecture,
                      region_prefix, region_spans, scope)
from .shortforms import (class_of, compatible, in_order, join_declared, join_foreign_cities, join_locations,
                         join_short_forms, join_unprefixed, org_parts)
from kg.util.resources import table, words

__all__ = ["link", "org_key", "compatible", "person_name", "region_spans", "CPC_PREFIXES"]

ORGS = ORGANISATIONS
_SLUG = {
    "Person": "person", "Enterprise": "enterprise", "GovernmentBody": "gov", "PartyOrganization": "party",
    "Organization": "org", "AdministrativeRegion": "region", "Place": "place", "Initiative": "initiative",
    "Incident": "incident",
}
_LEGAL = ("股份有限公司", "有限责任公司", "有限公司")
CPC_PREFIXES = ("中国共产党", "中共")
MentionKey = tuple[str, int, int]


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _expand(rest: str) -> tuple[str, str | None]:
    """Replace an agency short form at the end of ``rest`` by its full form (医保局 -> 医疗保障局)."""
    for short, full in sorted(table("abbreviations.tsv"), key=lambda r: -len(r[0])):
        if rest.endswith(short) and not rest.endswith(full):
            return rest[: -len(short)] + full, f"agency short form {short} = {full}"
    return rest, None


_SARS = ("810000", "820000")  # the special administrative regions (香港, 澳门)


def _org_key(text: str, cls: str, context: list[str]) -> tuple[str | None, str, list[str], float]:
    """(region code, normalised rest, reasons, score) used to link organisation names."""
    reasons, score = [], 1.0
    if cls == "PartyOrganization":
        for p in CPC_PREFIXES:
            if text.startswith(p) and len(text) > len(p) + 1:
                text = text[len(p):]
                reasons.append(f"{p} prefix dropped")
                if text.endswith("委员会"):
                    text = text[:-3] + "委"
                break
    code, rest = region_prefix(text, context, evidence=True)
    sars = sorted({c for c in context if c in _SARS})
    if code:
        reasons.append("same region code and name")
    elif rest.startswith("特区") and len(sars) == 1:  # 特区政府 in a story about one special administrative region
        code = sars[0]
        reasons.append(f"article context: 特区 = {gazetteer.get(code).name}")
        score = 0.8
    else:
        code, rest = coref.qualify(rest, context)
        if code:
            reasons.append(f"article context: {text[0]} = {gazetteer.get(code).name}")
            score = 0.7
    if code in _SARS:  # 香港特区政府 = 香港特别行政区政府 (no 人民政府 there)
        rest = rest[2:] if rest.startswith("特区") and len(rest) > 3 else rest
        why = None
    else:
        rest, why = _expand(rest)
    if why:
        reasons.append(why)
        score = min(score, 0.95)
    if cls == "Enterprise":
        for suffix in _LEGAL:
            if rest.endswith(suffix) and len(rest) > len(suffix) + 1:
                rest = rest[: -len(suffix)]
                reasons.append("legal suffix dropped")
                score = min(score, 0.9)
                break
    return code, rest, reasons or ["same name"], score


def org_key(text: str, cls: str, context: list[str] = ()) -> tuple[str | None, str]:
    """(region code, normalised rest of the name) used to link organisation names."""
    code, rest, _, _ = _org_key(text, cls, list(context))
    return code, rest


def _mention_key(m: Mention, context: list[str], longer: frozenset[str] = frozenset(),
                 where: tuple[str, str] | None = None) -> tuple[str, str | None, str, float]:
    """(linking key, region code if the mention is a gazetteer region, reason, score). ``longer``: the names of
    the article that end with this one (美国国务院 for 国务院): a known short form is then theirs, not the
    national body's. ``where``: the region the article writes a local name in and the name without it
    (kg.link.regions.located)."""
    canonical = known_name(m.text)
    if canonical is None and m.cls == "Incident" and m.text.endswith(_PANDEMIC) and len(m.text) > len(_PANDEMIC) + 1:
        canonical = known_name(m.text[:-len(_PANDEMIC)] + "疫情")  # 某某病毒大流行 = 某某病毒疫情: one outbreak
    if canonical is not None and m.cls != "Person" and not (longer and m.cls in ORGS):
        why = "known name" if canonical == m.text else f"known short form of {canonical}"
        return f"known|{canonical}", None, f"{why} (kg/link/data/aliases.tsv)", 0.95
    if m.cls == "AdministrativeRegion":
        if m.code and gazetteer.get(m.code):
            return f"region|{m.code}", m.code, "region code", 1.0
        region = gazetteer.resolve(m.text, context)
        if region is not None:
            return f"region|{region.code}", region.code, "region name resolved in the article's regions", 0.9
        if not needs_region(m.text, m.cls):
            return f"region||{m.text}", None, "same name (a name without a code that needs no region)", 0.85
        if where:
            return (f"region|{scope(where[0])}|{where[1]}", None,
                    f"same name within the region written with it ({gazetteer.get(where[0]).name})", 0.85)
        return f"region|{prefecture(context)}|{m.text}", None, "same name within the prefecture", 0.8
    if m.cls == "Place":
        stem = whole_stem(m.text)
        if stem is not None:
            return f"place||{stem}", None, f"a continent with 大陆 after it ({stem})", 0.85
        if not needs_region(m.text, m.cls):
            return f"place||{m.text}", None, "same name (a place name that needs no region)", 0.85
        if where:
            return (f"place|{scope(where[0])}|{where[1]}", None,
                    f"same name within the region written with it ({gazetteer.get(where[0]).name})", 0.85)
        return f"place|{prefecture(context)}|{m.text}", None, "same name within the prefecture", 0.8
    if m.cls in ORGS:
        code, rest, reasons, score = _org_key(m.text, m.cls, context)
        return f"org|{code or ''}|{rest}", None, "; ".join(reasons), score
    if m.cls == "Person":
        name = person_name(m.text)
        return f"Person|{name}", None, "same name" if name == m.text else "same name without the title", 0.9
    if m.cls == "Initiative" and (session := numbered_session(m.text)):
        return f"session|{session}", None, "the same numbered session (党的十八大 = 中国共产党第十八次全国代表大会)", 0.95
    if m.cls == "Initiative" and _SHORT_PLENUM.fullmatch(m.text):  # 四中全会: of which term, only its article says
        return f"{m.cls}|{m.article}|{m.text}", None, "a plenum named by its number alone is its own article's", 0.9
    if m.cls == "Initiative" and m.text in _kind_words():  # 《意见》, 《方案》: a document's short title, this one
        return f"{m.cls}|{m.article}|{m.text}", None, "a bare kind word names a document of its own article", 0.9
    return f"{m.cls}|{m.text}", None, "same name", 0.9


_PANDEMIC = "大流行"
_MAINLAND = "大陆"  # 非洲大陆: the continent named whole, with the word for its land mass (not 地区: the real gold
# keeps 东北 and 东北地区 apart)


def whole_stem(text: str) -> str | None:
    """The large region a place name is, written with 大陆 after it (某洲大陆 -> the name kg/extract/data/place_words.tsv
    lists whole), else None."""
    from kg.extract.orgclass import region_whole

    stem = text[:-len(_MAINLAND)]
    return stem if text.endswith(_MAINLAND) and region_whole(stem) else None


_NUM = "[一二三四五六七八九十]+"
_SHORT_PLENUM = re.compile(rf"(?:这次|本次)?({_NUM})中全会")
_SESSIONS = (  # the usual written forms of the numbered sessions of the CPC and the NPC -> a canonical key
    ("cpc", re.compile(rf"^(?:中国共产党|中共|党的)?第?({_NUM})(?:次全国代表大会|大)$")),
    ("cpc-plenum", re.compile(rf"^(?:中国共产党|中共|党的)?第?({_NUM})届(?:中央委员会)?第?({_NUM})(?:中全会|次全体会议)$")),
    ("npc", re.compile(rf"^第?({_NUM})届全国(?:人大|人民代表大会)第?({_NUM})次(?:会议|全体会议)$")),
    ("cppcc", re.compile(rf"^(?:中国人民政治协商会议)?第?({_NUM})届全国(?:政协|委员会)第?({_NUM})次(?:会议|全体会议)$")),
    # the five-year plans from the 11th on: 十四五, “十四五”规划, 中华人民共和国国民经济和社会发展第十四个五年规划
    ("plan", re.compile("^“?(十[一二三四五六七八九])五”?(?:规划)?$")),
    ("plan", re.compile("^(?:中华人民共和国)?(?:国民经济和社会发展)?第(十[一二三四五六七八九])个五年规划$")),
)


def numbered_session(text: str) -> str | None:
    """A canonical key for a numbered session or five-year plan written in any of its usual forms (十八大, 党的十八大,
    中共十八大, 中国共产党第十八次全国代表大会 -> cpc|十八; 十九届四中全会 -> cpc-plenum|十九|四; 十四五规划,
    第十四个五年规划 -> plan|十四), else None."""
    for kind, rx in _SESSIONS:
        hit = rx.match(text)
        if hit:
            return "|".join((kind, *hit.groups()))
    return None


def _plenum_in_full(m: Mention, found: list[Mention]) -> Mention | None:
    """The plenum with its term that a plenum named by its number alone (四中全会) stands for in its article: the
    only one of that number the article names in full, in one or several forms (十九届四中全会, 党的十九届四中全会)."""
    short = _SHORT_PLENUM.fullmatch(m.text)
    if short is None:
        return None
    full = {k: o for o in sorted(found, key=lambda o: o.start) if o.cls == "Initiative"
            and (k := numbered_session(o.text)) and k.startswith("cpc-plenum|") and k.endswith("|" + short.group(1))}
    return next(iter(full.values())) if len(full) == 1 else None


_LISTED_PLENUM = re.compile(rf"(中共|党的|{_NUM}大[和、])?({_NUM})届(?:{_NUM}中全会[、和]|{_NUM}中[、和])+$")


def _plenum_of_the_list(m: Mention, article: Article) -> str | None:
    """The key of the plenum a plenum named by its number alone ends a list of one term's plenums with (党的十九大和十九届
    二中、三中、四中全会: the nineteenth term's fourth): the party's when the party (中共, 党的) or its congress (十九大和)
    heads the term or the term is the one in office on the article's date; '' (its article's own) when another
    term heads the list (某学社十三届二中、三中全会: another party's); None when no list ends in it."""
    short = _SHORT_PLENUM.fullmatch(m.text)
    hit = _LISTED_PLENUM.search(article.text, max(0, m.start - 60), m.start) if short else None
    if hit is None or short is None:
        return None
    terms = [term for closed, term in _cpc_terms() if article.date and closed <= article.date[:10]]
    if hit.group(1) or (terms and terms[-1] == hit.group(2)):
        return f"session|cpc-plenum|{hit.group(2)}|{short.group(1)}"
    return ""


@lru_cache(maxsize=1)
def _cpc_terms() -> tuple[tuple[str, str], ...]:
    """(closing day of the congress, term) of every term of the CPC Central Committee (kg/link/data/cpc_terms.tsv)."""
    return tuple(sorted((day, term) for term, day in table("cpc_terms.tsv")))


def _plenum_of_the_day(m: Mention, article: Article, found: list[Mention]) -> tuple[str, None] | None:
    """The key of the plenum a plenum named by its number alone (四中全会) stands for in an article that names no
    plenum in full (:func:`_plenum_in_full` did not find one) and no foreign country (越共 + 四中全会 is another
    party's): the plenum of that number of the term in office on the article's date, else None."""
    from kg.extract.finders import foreign_countries

    short = _SHORT_PLENUM.fullmatch(m.text)
    if short is None or not article.date or foreign_countries(article.text) or any(
            o.cls == "Initiative" and (k := numbered_session(o.text)) and k.startswith("cpc-plenum|") for o in found):
        return None
    terms = [term for closed, term in _cpc_terms() if closed <= article.date[:10]]
    return (f"session|cpc-plenum|{terms[-1]}|{short.group(1)}", None) if terms else None


def _named_in_full(m: Mention, found: list[Mention]) -> Mention | None:
    """The initiative a bare kind word (意见, 方案, 条例) stands for in its article: the nearest one named before it
    whose name ends in that word, else the only one named after it."""
    full = [o for o in found if o.cls == "Initiative" and len(o.text) > len(m.text)
            and without_period(o.text).endswith(m.text)]  # 《某某行动计划（2021—2023年）》 … 《计划》
    before = [o for o in full if o.end <= m.start]
    if before:
        return max(before, key=lambda o: (o.end, -o.start))
    return full[0] if len({o.text for o in full}) == 1 else None


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The head words that say which kind an initiative is (kg/extract/data/initiative_classes.tsv: 意见, 方案, 行动 …)."""
    return frozenset(row[0] for row in table("initiative_classes.tsv"))


@lru_cache(maxsize=1 << 16)  # (a name recurs in many articles; each call tries every post at both ends)
def person_name(text: str) -> str:
    """A person's name without a post or title written before or after it (书记张三, 张三董事长 -> 张三)."""
    for w in words("posts.txt"):
        if text.startswith(w) and len(text) - len(w) >= 2:
            return person_name(text[len(w):])
        if text.endswith(w) and len(text) - len(w) >= 2:
            return person_name(text[: -len(w)])
    return text


class _Keys:
    """Mutable state of one linking run: mentions by key, the key of each mention and why it got it."""

    def __init__(self) -> None:
        self.keyed: dict[str, list[Mention]] = defaultdict(list)
        self.of: dict[MentionKey, str] = {}
        self.why: dict[MentionKey, tuple[str, float]] = {}
        self.codes: dict[str, str] = {}
        self.joined: dict[str, set[str]] = defaultdict(set)  # key -> the keys moved into it (kg.store.incremental)

    def add(self, m: Mention, key: str, reason: str, score: float) -> None:
        self.keyed[key].append(m)
        self.of[(m.article, m.start, m.end)] = key
        self.why[(m.article, m.start, m.end)] = (reason, score)

    def move(self, src: str, dst: str, reason: str, score: float) -> None:
        self.joined[dst] |= {src} | self.joined.pop(src, set())
        for m in self.keyed.pop(src):
            mk = (m.article, m.start, m.end)
            old, old_score = self.why[mk]
            self.add(m, dst, f"{old}; {reason}", min(old_score, score))


def link(articles: list[Article], mentions: dict[str, list[Mention]], relations: dict[str, list[Relation]]) -> Linked:
    """Group the mentions of all articles into entities and turn relations into entity facts.

    ``mentions`` and ``relations`` map an article id to what was found in it. Deterministic: the result does not
    depend on the order of the articles.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    keys = _Keys()
    contexts: dict[str, list[str]] = {}
    written: set[str] = set()  # the keys of local names written with their region
    cut: set[str] = set()  # the keys of local names that may be the end of a longer name (南 + 某庄村)
    counties: dict[str, set[str]] = defaultdict(set)  # the counties named by the stories of a bare local name
    sensed = {a.id: one_sense(a.text, mentions.get(a.id, [])) for a in ordered}
    sensed.update(one_class_across({a.id: a.text for a in ordered}, sensed))
    for article in ordered:
        found = sensed[article.id]
        contexts[article.id] = context = article_context(found)
        heads = region_headed(found, context)
        where = located(article.text, found, context)
        county = {c for c in context if not c.endswith("00")}  # a story of a county: its bare names may be local
        for m in found:
            longer: frozenset[str] = frozenset()
            if m.cls in ORGS and shared_name(m.text):
                # 国务院 may be another state's (美国国务院 … 国务院), 中央政治局 another party's; 中共中央, 国新办
                # never are, nor is 国务院 after 中华人民共和国国务院 (kg.link.known.other_body)
                longer = frozenset(o.text for o in found if other_body(o.text, m.text))
                longer |= foreign_before(article.text, m, found)
            at = where.get((m.start, m.end))
            key, code, reason, score = _mention_key(m, context, longer, at)
            if at and key.startswith(("region|", "place|")):
                written.add(key)
            elif key.startswith("region|") and not code:
                if clipped(article.text, m):
                    cut.add(key)
                counties[key] |= county
            if m.cls in ORGS and key == f"org||{m.text}" and (state := generic_country(article.text, m, found)):
                key = f"org||{state}{m.text}"  # 国民议会 in a story of 委内瑞拉: that state's, not every state's
                reason, score = f"a body many states have, of the foreign state its story names ({state})", 0.8
            if m.cls in ORGS and m.text in heads and (not longer or heads[m.text].text in longer):
                # 联邦政府 after 美国联邦政府, 国防部 after 美国国防部: the same body
                full = heads[m.text]
                key, code, _, _ = _mention_key(full, context)
                reason, score = f"the name written with its region earlier in the article ({full.text})", 0.85
            if m.cls == "Initiative" and m.text in _kind_words() and (full := _named_in_full(m, found)):
                key, code, _, _ = _mention_key(full, context)  # 《意见》 after 《关于某某的意见》: that document
                reason, score = f"a bare kind word after the document the article names in full ({full.text})", 0.85
            listed = _plenum_of_the_list(m, article) if m.cls == "Initiative" else None
            if listed:
                key, code = listed, None  # 十九届二中、三中、四中全会: the nineteenth term's fourth
                reason, score = "a plenum named by its number at the end of a list of its term's plenums", 0.9
            elif listed == "":
                pass  # 某学社十三届二中、三中全会: another party's term, its article's own
            elif m.cls == "Initiative" and (full := _plenum_in_full(m, found)):
                key, code, _, _ = _mention_key(full, context)  # 四中全会 after 党的十九届四中全会: that plenum
                reason, score = f"a plenum named by its number after the article names it in full ({full.text})", 0.85
            elif m.cls == "Initiative" and (dated := _plenum_of_the_day(m, article, found)):
                key, code = dated  # 四中全会 in a story of 2019-11: 十九届四中全会
                reason, score = f"a plenum named by its number alone: the term in office on {article.date}", 0.8
            if code and names_water(article.text, m, code):
                key, code = f"place|river|{m.text}", None  # a river crosses prefectures: keyed by its name
                reason, score = "a river or lake named like the region (the words after it say so)", 0.8
            keys.add(m, key, reason, score)
            if code:
                keys.codes[key] = code
    join_declared(keys, ordered, mentions)
    join_locations(keys)
    join_located(keys, written, cut, counties)
    join_foreign_cities(keys)
    join_unprefixed(keys, contexts)
    join_short_forms(keys)
    join_trailers(keys)
    join_dashed_short_forms(keys)
    join_state_prefixed(keys)
    split_people(keys, relations, contexts, {a.id: a.text for a in ordered}, {a.id: day(a.date) for a in ordered})

    bylines: dict[str, tuple[tuple[str, str], ...]] = {}
    authors: dict[str, list[str]] = defaultdict(list)
    for article in ordered:
        pairs = []
        for author in article.authors:
            key = f"Person|{person_name(author.name)}"
            authors[key].append(author.name)
            pairs.append((key, author.role))
        bylines[article.id] = tuple(pairs)

    entities: dict[str, Entity] = {}
    taken: dict[str, str] = {}
    for key in sorted(set(keys.keyed) | set(authors)):
        e = _entity(key, keys.keyed.get(key, []), authors.get(key, []), keys.codes.get(key), keys.why)
        if e.key in taken:  # one name and scope, two entities the linker kept apart: the later one by its key
            e = replace(e, key=f"{e.key}-{_hash(key)[:6]}")
        taken[e.key] = key
        entities[key] = e
    naming = Naming(_org_link_key, region_prefix, _region_entity, _company_entity, _sentence_finder(ordered))
    facts = relation_facts(relations, keys.of, entities, naming)
    facts += name_facts(entities, keys.keyed, naming, facts)
    refs = _references(ordered, mentions, contexts, keys.of, entities)
    facts += region_facts(entities, naming)
    ascii_key = {k: e.key for k, e in entities.items()}
    return Linked(
        entities=tuple(sorted(entities.values(), key=lambda e: e.key)),
        mention_of={mk: ascii_key[k] for mk, k in keys.of.items()},
        facts=tuple(sorted(one_statement({ascii_fact(f, ascii_key) for f in facts}), key=fact_order)),
        bylines={a: tuple((ascii_key[k], role) for k, role in pairs) for a, pairs in bylines.items()},
        references=tuple(Reference(r[0], r[1], r[2], r[3], r[4], r[5], ascii_key[r[6]], r[7], r[8]) for r in refs),
        keys={e.key: (k, *sorted(keys.joined.get(k, ()))) for k, e in entities.items()},
    )


def _canonical(key: str, cls: str, code: str | None) -> str | None:
    """The full official name of an agency or party body keyed under a region code (湖南省 + 科学技术厅)."""
    if not key.startswith("org|") or cls not in ("GovernmentBody", "PartyOrganization"):
        return None
    rcode, rest = org_parts(key)
    region = gazetteer.get(rcode) if rcode else None
    if cls == "PartyOrganization" and len(rest) > 4:
        return None  # 某公司党委: the company's own name, not a regional committee
    if rest.startswith(_SHORT_NAMED):
        return None  # 某某军区, 某某警备区: named with the region's short form, as written
    if not region or not rest:
        return None
    kind = next((k for k in _REGION_KINDS if region.name.endswith(k) and rest.startswith(k)), "")
    return region.name + rest[len(kind):]  # 某某 + 自治区人民政府: 某某维吾尔自治区人民政府, not ...自治区自治区...


_REGION_KINDS = ("自治区", "自治州", "自治县", "特别行政区")  # a region's kind a short form may keep before a body


_SHORT_NAMED = ("军区", "警备区", "军分区", "卫戍区", "舰队", "生产建设兵团")  # named with a short form (PLA usage)


def _entity(key: str, found: list[Mention], author_names: list[str], code: str | None,
            why: dict[MentionKey, tuple[str, float]] | None = None) -> Entity:
    forms = Counter([m.text for m in found] + author_names)
    if code:
        region = gazetteer.get(code)
        label = region.name
        merges = _merges(found, why or {}, label)
        return Entity(
            key=f"region/{code}", cls="AdministrativeRegion", label=label,
            alt_labels=tuple(sorted(f for f in forms if f != label)), mentions=tuple(found), code=code,
            level=region.level, parent=f"region/{region.parent}" if region.parent else None,
            lat=region.lat, lon=region.lon, merges=merges,
        )
    cls = class_of(found) if found else "Person"
    if key.startswith("known|"):  # 中宣部 is a party body however its mentions were typed
        cls = alias_class(key.split("|", 1)[1]) or cls
    if key.startswith("place|"):
        cls = "Place"  # includes a river the extractor took for the region named like it
    named = key.startswith(("known|", "Initiative|")) and key.count("|") == 1  # (a programme: its name without 倡议)
    label = (key.split("|", 1)[1] if named else _canonical(key, cls, code)) \
        or max(_label_forms(found, forms), key=lambda f: (len(f), forms[f], f))
    if key.startswith("Person|"):  # titles are never part of a name, nor an alternative name
        label = key.split("|")[1]
        forms = Counter({f: n for f, n in forms.items() if person_name(f) == f})
    merges = _merges(found, why or {}, label)
    level = _level(label) if cls == "AdministrativeRegion" else None
    return Entity(
        key=f"{_SLUG[cls]}/{_hash(_identity(key, cls, label, found))}", cls=cls, label=label,
        alt_labels=tuple(sorted(f for f in forms if f != label)), mentions=tuple(found), level=level, merges=merges,
    )


def _label_forms(found: list[Mention], forms: Counter) -> list[str]:
    """The forms an entity's label is the longest of: not a form one article writes with words inserted into a
    form two or more articles write (one story's 某国 + 某国 + 政府 or 某国 + 新 + 政府 does not name the node every
    other story calls 某国政府; a full registered name written once and its short form everywhere else stay)."""
    articles: dict[str, set[str]] = defaultdict(set)
    for m in found:
        articles[m.text].add(m.article)
    wide = [f for f, arts in articles.items() if len(arts) >= 2]

    def inserted(form: str) -> bool:
        return any(len(w) < len(form) and w[0] == form[0] and w[-1] == form[-1] and in_order(w, form) for w in wide)

    return [f for f in forms if f in wide or not inserted(f)] or list(forms)


def _level(label: str) -> str:
    """The level of a region the gazetteer has no code for, from its name: a village or community, a township
    (镇, 乡, 街道, 苏木), a state (中国, 某国), else ``other`` (a foreign state's province or city, a county the
    gazetteer does not list): never a Chinese level it was not shown to have."""
    from kg.extract.finders import is_country

    if label.endswith(("村", "社区", "居委会", "嘎查")):
        return "village"
    if label.endswith(("镇", "乡", "街道", "苏木")):
        return "township"
    return "country" if is_country(label) else "other"


def _identity(key: str, cls: str, label: str, found: list[Mention]) -> str:
    """What an entity is, the basis of its IRI: class, canonical name and the region that scopes the name (the
    region code of 某市科技局, the prefecture of a generic 人民广场, ``river`` for a river); for a namesake kept
    apart, the first article that names it. Not the linking key, so that a change of linking rules that leaves an
    entity's name and class alone leaves its IRI alone."""
    parts = key.split("|")
    scope = parts[1] if parts[0] in ("org", "region", "place") and len(parts) == 3 else ""
    if parts[0] == "Person" and len(parts) == 3:  # a namesake kept apart (kg.link.entities._split_people)
        scope = min(m.article for m in found) if found else parts[2]
    return "|".join((cls, label, scope))


def _merges(found: list[Mention], why: dict[MentionKey, tuple[str, float]], label: str) -> tuple[Merge, ...]:
    """One decision per surface form and reason, when the entity joins several forms or articles (or a form that
    is not its label)."""
    apart = any(why.get((m.article, m.start, m.end), ("",))[0].startswith("kept apart") for m in found)
    if {m.text for m in found} <= {label} and len({m.article for m in found}) < 2 and not apart:
        return ()  # nothing was joined and nothing refused
    out: dict[tuple[str, str], Merge] = {}
    for m in sorted(found, key=lambda m: (m.article, m.start)):
        reason, score = why.get((m.article, m.start, m.end), ("same name", 0.9))
        out.setdefault((m.text, reason), Merge(m.text, reason, round(score, 3), m.article))
    return tuple(sorted(out.values(), key=lambda d: (d.form, d.reason)))


def _sentence_finder(articles: list[Article]):
    """A function giving the raw (start, end) of the sentence a mention stands in, or (None, None) when the raw
    offsets cannot give it back (a headline block printed after the body)."""
    from kg.util.sentences import sentences

    by_id = {a.id: a for a in articles}
    spans: dict[str, list[tuple[int, int]]] = {}

    def find(m: Mention) -> tuple[int | None, int | None]:
        a = by_id.get(m.article)
        if a is None:
            return None, None
        if a.id not in spans:
            spans[a.id] = sentences(a.text)
        sp = spans[a.id]  # sorted and disjoint: the last sentence starting at or before the mention
        i = bisect.bisect_right(sp, (m.start, float("inf"))) - 1
        s, e = sp[i] if i >= 0 and sp[i][0] <= m.start < sp[i][1] else (m.start, m.end)
        raw = a.raw_span(s, e)
        t = Text(a.text, a.offsets)
        return raw if (t.index_of_raw(raw[0]), t.index_of_raw(raw[1])) == (s, e) else (None, None)

    return find


def _region_entity(code: str) -> Entity:
    """The entity of a gazetteer region that no mention names (an ancestor, the region in an organisation's key)."""
    return _entity(f"region|{code}", [], [], code)


def _company_entity(key: str, label: str) -> Entity:
    """An enterprise known only from a branch's name (the company of 某某保险公司某市分公司)."""
    return Entity(key=f"enterprise/{_hash(key)}", cls="Enterprise", label=label)


def _org_link_key(text: str, cls: str, context: list[str]) -> str:
    """The linking key of an organisation name (``org|code|rest``)."""
    code, rest, _, _ = _org_key(text, cls, context)
    return f"org|{code or ''}|{rest}"


def _references(articles: list[Article], mentions: dict[str, list[Mention]], contexts: dict[str, list[str]],
                mention_key: dict, entities: dict[str, Entity]) -> list[tuple]:
    out = []
    for a in articles:
        found = mentions.get(a.id, [])
        for ant in coref.references(a, found, contexts.get(a.id, [])):
            if ant.mention is not None:
                key = mention_key.get((ant.mention.article, ant.mention.start, ant.mention.end))
            else:
                key = f"region|{ant.code}"
                entities.setdefault(key, _region_entity(ant.code))
            if key is None:
                continue
            raw = a.raw_span(ant.start, ant.end)
            out.append((a.id, ant.start, ant.end, raw[0], raw[1], ant.text, key, ant.reason, ant.confidence))
    return out
