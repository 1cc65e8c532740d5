"""Turn relations and names into entity-level facts, once kg.link.entities has grouped the mentions into entities.

A relation between two linked mentions becomes a fact between their entities. Names give more: an organisation or
a place is locatedIn the region its name starts with, stated in each article where the name is written so (a region
taken from the article's context, 省科技厅 -> 湖南省, is not; nor is a one-character rest, 某地窑, or the party body of
a named organisation, 某大学党委); a branch (某某保险公司某市分公司) is a subOrganizationOf its company and locatedIn
the region inside its name; a party committee (某单位党委) is a subOrganizationOf its unit; every region is partOf its
parent in the gazetteer. A region inside an initiative's name is its owner or scope (某省重点研发计划), not where it
takes place: takesPlaceIn comes from the text only. Regions and parent companies a fact needs are added to
``entities``. Facts here use linking keys; ``ascii_fact`` maps them to entity keys. kg.link.entities lends its keying and
entity building as a ``Naming``, so this module never imports kg.link.entities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.extract import gazetteer
from kg.model import Entity, Fact, Mention, Relation

__all__ = ["Naming", "ascii_fact", "fact_order", "name_facts", "one_statement", "region_facts", "relation_facts"]

_BRANCH = ("中心支公司", "分公司", "子公司", "支公司", "分行", "支行", "营业部")
_NAMED_AFTER = tuple("路街巷")  # 某地路步行街: a street named after a region, not located in it
_PARENT_HEADS = ("公司", "集团", "银行", "保险")
# class -> (branch words, heads of the parent name)
_BRANCHES = {"Enterprise": (_BRANCH, _PARENT_HEADS), "GovernmentBody": (("分局",), ("局",))}
_COMMITTEES = ("PartyOrganization", "GovernmentBody")  # 某县委, 某市府: a one-character rest after the region
_PARTY_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组")

GAZETTEER = "gazetteer"  # extractor of the region hierarchy facts: background knowledge, not read from a text


@dataclass(frozen=True)
class Naming:
    """How kg.link.entities keys a name and builds an entity that no mention names."""

    org_key: Callable[[str, str, list[str]], str]  # (name, class, region codes) -> organisation linking key
    region_prefix: Callable[[str, list[str]], tuple[str | None, str]]  # name -> (code of leading regions, rest)
    region_entity: Callable[[str], Entity]  # gazetteer code -> the region's entity
    company_entity: Callable[[str, str], Entity]  # (linking key, label) -> an enterprise known only by name
    sentence: Callable[[Mention], tuple[int | None, int | None]] = lambda m: (None, None)  # raw span of its sentence


def relation_facts(relations: dict[str, list[Relation]], mention_key: dict, entities: dict[str, Entity],
                   naming: Naming) -> list[Fact]:
    """Relations between linked mentions as facts between their entities, and each organisation locatedIn the
    region its key names."""
    out = []
    for rels in relations.values():
        for r in rels:
            s, o = mention_key.get(r.subject), mention_key.get(r.object)
            if s is None or o is None or s == o:
                continue
            out.append(Fact(s, r.predicate, o, r.article, r.raw_start, r.raw_end, r.role, r.extractor, r.confidence))
    # The party body of a named organisation (某大学党委) is where its organisation is: the region at the start of
    # its name belongs to the organisation's name.
    party_units = {f.subject for f in out if f.predicate == "subOrganizationOf"
                   and f.subject in entities and entities[f.subject].cls == "PartyOrganization"}
    stated = {(f.subject, f.predicate, f.object, f.article) for f in out}
    # An organisation is located in the region its name starts with, where that name is written: a region taken
    # from the article's context (省科技厅 -> 湖南省) or from another article's longer form is not stated here.
    for key in list(entities):
        if not key.startswith("org|") or not key.split("|")[1] or key in party_units:
            continue
        region = f"region|{key.split('|')[1]}"
        for m, (start, end) in _first_per_article(entities[key].mentions, naming):
            code, rest = naming.region_prefix(m.text, [])
            if (key, "locatedIn", region, m.article) in stated:
                continue  # the text relation of the same name already states it in this article
            if code and (len(rest) >= 2 or entities[key].cls in _COMMITTEES):  # 某县委; not 某地窑, a kiln
                entities.setdefault(region, naming.region_entity(key.split("|")[1]))
                out.append(Fact(key, "locatedIn", region, m.article, start, end, extractor="name-prefix",
                                confidence=0.9))
    return out


def _first_per_article(mentions, naming: Naming) -> list[tuple[Mention, tuple[int | None, int | None]]]:
    """One mention of each surface form in each article, with the raw span of its sentence: the first whose
    sentence has one (a headline block printed after the body has none), else the first."""
    seen: dict[tuple[str, str], tuple[Mention, tuple[int | None, int | None]]] = {}
    for m in sorted(mentions, key=lambda m: (m.article, m.start)):
        got = seen.get((m.article, m.text))
        if got is None or got[1][0] is None:
            span = naming.sentence(m)
            if got is None or span[0] is not None:
                seen[(m.article, m.text)] = (m, span)
    return list(seen.values())


def _strip_regions_at_end(stem: str) -> tuple[str, str | None]:
    """``X公司岳阳市`` -> (``X公司``, code of 岳阳市): region names at the end of a branch name."""
    code = None
    names = gazetteer.names()
    while True:
        hit = next((n for n in range(min(len(stem) - 2, 12), 1, -1) if stem[-n:] in names), None)
        if hit is None:
            return stem, code
        region = gazetteer.resolve(stem[-hit:], [code] if code else [])
        if region is None:
            return stem, code
        code = code or region.code
        stem = stem[:-hit]


def name_facts(entities: dict[str, Entity], keyed: dict[str, list[Mention]], naming: Naming,
               stated: list[Fact] = ()) -> list[Fact]:
    """subOrganizationOf from names (a branch of its company, a party committee of its unit), locatedIn the region
    inside a branch name and the region a place's name starts with (in the articles where it is written so).

    ``keyed`` holds the mentions under each linking key; a fact of ``stated`` (the text relations' facts) is not
    stated again in the same article."""
    out: list[Fact] = []
    known = {(f.subject, f.predicate, f.object, f.article) for f in stated}
    org_keys = [k for k in entities if k.startswith("org|")]
    for key in org_keys:
        e = entities[key]
        code = key.split("|", 2)[1]
        for form in sorted({e.label, *e.alt_labels}, key=lambda f: (-len(f), f)):
            parent = _branch_parent(form, key, e.cls, entities, out, naming) if e.cls in _BRANCHES else None
            if parent is None and e.cls == "PartyOrganization":
                parent = _party_parent(form, code, keyed, naming)
            if parent and parent != key:
                out.append(Fact(key, "subOrganizationOf", parent, extractor="name", confidence=0.85))
                break
    for key in [k for k, e in entities.items() if e.cls == "Place" and not k.startswith("place|river|")]:
        for m, (start, end) in _first_per_article(keyed.get(key, []), naming):  # where the name is written so
            code, rest = _place_prefix(m.text, naming)
            if code and len(rest) >= 2 and not rest.startswith(_NAMED_AFTER) \
                    and (key, "locatedIn", f"region|{code}", m.article) not in known:  # 某市某某国际机场 -> 某市
                region = f"region|{code}"
                entities.setdefault(region, naming.region_entity(code))
                out.append(Fact(key, "locatedIn", region, m.article, start, end, extractor="name-prefix",
                                confidence=0.85))
    return out


def _place_prefix(name: str, naming: Naming) -> tuple[str | None, str]:
    """The region a place's name starts with, and the rest. A county's short name after the city (某市某某国际机场 with
    某某 also a district's short name) is the place's own name, not its locator: the city is kept; a county written
    with its level word (某市某区某公园) is kept."""
    code, rest = naming.region_prefix(name, [])
    chain = gazetteer.split_chain(name[: len(name) - len(rest)]) if code else []
    if len(chain) >= 2 and chain[-1][2].code == code and chain[-1][2].level == "county" \
            and name[chain[-1][0]:chain[-1][1]] != chain[-1][2].name:
        return chain[-2][2].code, name[chain[-1][0]:]
    return code, rest


def _branch_parent(form: str, key: str, cls: str, entities: dict[str, Entity], out: list[Fact],
                   naming: Naming) -> str | None:
    """The company of a branch (某某保险公司某市分公司) or the bureau of a district branch (某市公安局某区分局, only
    when that bureau is an entity), with locatedIn the region named between them."""
    branches, heads = _BRANCHES[cls]
    suffix = next((s for s in branches if form.endswith(s)), None)
    if suffix is None:
        return None
    stem, region = _strip_regions_at_end(form[: -len(suffix)])
    if not stem.endswith(heads) or len(stem) < 4:
        return None
    pkey = naming.org_key(stem, cls, [])
    if pkey not in entities and cls != "Enterprise":
        return None
    if region:
        rkey = f"region|{region}"
        entities.setdefault(rkey, naming.region_entity(region))
        out.append(Fact(key, "locatedIn", rkey, extractor="name-infix", confidence=0.85))
    if pkey not in entities:
        entities[pkey] = naming.company_entity(pkey, stem)
    return pkey


def _party_parent(form: str, code: str, keyed: dict[str, list[Mention]], naming: Naming) -> str | None:
    unit = next((u for u in _PARTY_UNITS if form.endswith(u) and len(form) > len(u) + 1), None)
    if unit is None:
        return None
    stem = form[: -len(unit)]
    for cls in ("Enterprise", "GovernmentBody"):
        pkey = naming.org_key(stem, cls, [code] if code else [])
        if pkey in keyed:
            return pkey
    return None


def region_facts(entities: dict[str, Entity], naming: Naming) -> list[Fact]:
    """partOf along the gazetteer hierarchy, adding the ancestor regions as entities."""
    out = []
    todo = [k for k, e in entities.items() if e.code]
    while todo:
        key = todo.pop()
        parent = gazetteer.get(entities[key].code).parent
        if parent:
            pkey = f"region|{parent}"
            if pkey not in entities:
                entities[pkey] = naming.region_entity(parent)
                todo.append(pkey)
            out.append(Fact(key, "partOf", pkey, extractor=GAZETTEER, confidence=1.0))
    return out


def ascii_fact(f: Fact, ascii_key: dict[str, str]) -> Fact:
    """``f`` with its linking keys replaced by entity keys."""
    return Fact(ascii_key[f.subject], f.predicate, ascii_key[f.object], f.article, f.raw_start, f.raw_end,
                f.role, f.extractor, f.confidence)


def fact_order(f: Fact) -> tuple:
    """Sort key that orders facts deterministically."""
    return (f.subject, f.predicate, f.object, f.article or "", f.raw_start or -1, f.role or "", f.raw_end or -1,
            f.extractor, f.confidence)


def one_statement(facts) -> list[Fact]:
    """``facts`` with one fact per statement (subject, predicate, object, role, article and raw span: what names its
    kg:Statement node), the surest where two rules state it (two mentions of one organisation in a sentence, two
    patterns), so that a statement has one confidence and one extractor."""
    best: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.role, f.article, f.raw_start, f.raw_end)
        got = best.get(key)
        if got is None or (f.confidence, f.extractor) > (got.confidence, got.extractor):
            best[key] = f
    return list(best.values())
