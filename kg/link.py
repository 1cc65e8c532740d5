"""Link mentions across articles: one entity per real-world thing, with every surface form kept.

Finding an entity (kg.extract) and linking it are separate steps. A mention gets a *linking key* from its
normalised name; mentions with the same key are one entity:

- administrative regions: their GB/T 2260 code (岳阳, 岳阳市 -> 430600), so a region is one node from any article;
  regions below county level (no code in the gazetteer) are keyed by name within their prefecture;
- organisations: the region prefix resolved to its code plus the rest of the name with agency short forms expanded
  (恩施州医保局 = 恩施土家族苗族自治州医疗保障局) and a company's legal suffix dropped (X燃气 = X燃气有限公司); a name
  without a region prefix joins the one prefixed entity with the same rest, if there is exactly one;
- people and initiatives: their name.
Similar strings that differ in code or in the rest of the name (长沙市 / 长沙县) stay apart.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from . import gazetteer
from .model import Article, Entity, Fact, Linked, Mention, Relation
from .resources import table

__all__ = ["link", "org_key"]

ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_SLUG = {
    "Person": "person", "Enterprise": "enterprise", "GovernmentBody": "gov", "PartyOrganization": "party",
    "Organization": "org", "AdministrativeRegion": "region", "Place": "place", "Initiative": "initiative",
}
_LEGAL = ("股份有限公司", "有限责任公司", "有限公司")
_LEVELS = {"province": 0, "prefecture": 1, "county": 2}


def _group(cls: str) -> str:
    return "org" if cls in ORGS else cls


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _expand(rest: str) -> str:
    """Replace an agency short form at the end of ``rest`` by its full form (医保局 -> 医疗保障局)."""
    for short, full in sorted(table("abbreviations.tsv"), key=lambda r: -len(r[0])):
        if rest.endswith(short) and not rest.endswith(full):
            return rest[: -len(short)] + full
    return rest


def _region_prefix(text: str, context: list[str]) -> tuple[str | None, str]:
    """Strip leading region names (a whole chain) from ``text``: (deepest region code, rest)."""
    code, rest = None, text
    names = gazetteer.names()
    while True:
        hit = next((rest[:n] for n in range(min(len(rest) - 1, 12), 1, -1) if rest[:n] in names), None)
        if hit is None:
            return code, rest
        region = gazetteer.resolve(hit, ([code] if code else []) + context)
        if region is None or (code and region.parent is None):
            return code, rest
        code, rest = region.code, rest[len(hit):]


def org_key(text: str, cls: str, context: list[str] = ()) -> tuple[str | None, str]:
    """(region code, normalised rest of the name) used to link organisation names."""
    code, rest = _region_prefix(text, list(context))
    rest = _expand(rest)
    if cls == "Enterprise":
        for suffix in _LEGAL:
            if rest.endswith(suffix) and len(rest) > len(suffix) + 1:
                rest = rest[: -len(suffix)]
                break
    return code, rest


def _context(mentions: list[Mention]) -> list[str]:
    """Region codes of an article, most mentioned first (used to pick among same-named regions)."""
    counts = Counter(m.code for m in mentions if m.code)
    return [c for c, _ in counts.most_common()]


def _prefecture(context: list[str]) -> str:
    """The article's main prefecture-level code ('' when it names none)."""
    for code in context:
        if not code.endswith("0000"):
            return code[:4] + "00"
    return context[0] if context else ""


def _mention_key(m: Mention, context: list[str]) -> tuple[str, str | None]:
    """(linking key, region code if the mention is a gazetteer region)."""
    if m.cls == "AdministrativeRegion":
        region = gazetteer.get(m.code) if m.code else gazetteer.resolve(m.text, context)
        if region is not None:
            return f"region|{region.code}", region.code
        return f"region|{_prefecture(context)}|{m.text}", None
    if m.cls == "Place":
        return f"place|{_prefecture(context)}|{m.text}", None
    if m.cls in ORGS:
        code, rest = org_key(m.text, m.cls, context)
        return f"org|{code or ''}|{rest}", None
    return f"{m.cls}|{m.text}", None


def link(articles: list[Article], mentions: dict[str, list[Mention]], relations: dict[str, list[Relation]]) -> Linked:
    """Group the mentions of all articles into entities and turn relations into entity facts.

    ``mentions`` and ``relations`` map an article id to what was found in it. Deterministic: the result does not
    depend on the order of the articles.
    """
    keyed: dict[str, list[Mention]] = defaultdict(list)
    mention_key: dict[tuple[str, int, int], str] = {}
    codes: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        found = mentions.get(article.id, [])
        context = _context(found)
        for m in found:
            key, code = _mention_key(m, context)
            keyed[key].append(m)
            mention_key[(m.article, m.start, m.end)] = key
            if code:
                codes[key] = code
    _join_unprefixed(keyed, mention_key)

    bylines: dict[str, tuple[tuple[str, str], ...]] = {}
    authors: dict[str, list[str]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.id):
        pairs = []
        for author in article.authors:
            key = f"Person|{author.name}"
            authors[key].append(author.name)
            pairs.append((key, author.role))
        bylines[article.id] = tuple(pairs)

    entities: dict[str, Entity] = {}
    for key in sorted(set(keyed) | set(authors)):
        entities[key] = _entity(key, keyed.get(key, []), authors.get(key, []), codes.get(key))
    facts = _facts(relations, mention_key, entities)
    facts += _region_facts(entities)
    ascii_key = {k: e.key for k, e in entities.items()}
    return Linked(
        entities=tuple(sorted(entities.values(), key=lambda e: e.key)),
        mention_of={mk: ascii_key[k] for mk, k in mention_key.items()},
        facts=tuple(sorted({_ascii_fact(f, ascii_key) for f in facts}, key=_fact_order)),
        bylines={a: tuple((ascii_key[k], role) for k, role in pairs) for a, pairs in bylines.items()},
    )


def _join_unprefixed(keyed: dict[str, list[Mention]], mention_key: dict) -> None:
    """Merge ``org||rest`` into the single ``org|code|rest`` entity with the same rest, when there is one."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for key in keyed:
        if key.startswith("org|"):
            _, code, rest = key.split("|", 2)
            if code:
                by_rest[rest].append(key)
    for key in [k for k in keyed if k.startswith("org||")]:
        rest = key[len("org||"):]
        targets = by_rest.get(rest, [])
        if len(targets) == 1:
            for m in keyed.pop(key):
                keyed[targets[0]].append(m)
                mention_key[(m.article, m.start, m.end)] = targets[0]


def _entity(key: str, found: list[Mention], author_names: list[str], code: str | None) -> Entity:
    forms = Counter([m.text for m in found] + author_names)
    if code:
        region = gazetteer.get(code)
        label = region.name
        return Entity(
            key=f"region/{code}", cls="AdministrativeRegion", label=label,
            alt_labels=tuple(sorted(f for f in forms if f != label)), mentions=tuple(found), code=code,
            level=region.level, parent=f"region/{region.parent}" if region.parent else None,
            lat=region.lat, lon=region.lon,
        )
    classes = Counter(m.cls for m in found) or Counter({"Person": 1})
    cls = max(classes, key=lambda c: (classes[c], c != "Organization", c))
    label = max(forms, key=lambda f: (len(f), forms[f], f))
    level = None
    if cls == "AdministrativeRegion":
        level = "village" if label.endswith(("村", "社区", "居委会")) else "township"
    return Entity(
        key=f"{_SLUG[cls]}/{_hash(key)}", cls=cls, label=label,
        alt_labels=tuple(sorted(f for f in forms if f != label)), mentions=tuple(found), level=level,
    )


def _facts(relations: dict[str, list[Relation]], mention_key: dict, entities: dict[str, Entity]) -> list[Fact]:
    out = []
    for rels in relations.values():
        for r in rels:
            s, o = mention_key.get(r.subject), mention_key.get(r.object)
            if s is None or o is None or s == o:
                continue
            out.append(Fact(s, r.predicate, o, r.article, r.raw_start, r.raw_end, r.role, r.extractor, r.confidence))
    # An organisation is located in the region its name starts with.
    for key in list(entities):
        if key.startswith("org|") and key.split("|")[1]:
            region = f"region|{key.split('|')[1]}"
            entities.setdefault(region, _entity(region, [], [], key.split("|")[1]))
            out.append(Fact(key, "locatedIn", region, extractor="name-prefix", confidence=0.9))
    return out


def _region_facts(entities: dict[str, Entity]) -> list[Fact]:
    """partOf along the gazetteer hierarchy, adding the ancestor regions as entities."""
    out = []
    todo = [k for k, e in entities.items() if e.code]
    while todo:
        key = todo.pop()
        parent = gazetteer.get(entities[key].code).parent
        if parent:
            pkey = f"region|{parent}"
            if pkey not in entities:
                entities[pkey] = _entity(pkey, [], [], parent)
                todo.append(pkey)
            out.append(Fact(key, "partOf", pkey, extractor="gazetteer", confidence=1.0))
    return out


def _ascii_fact(f: Fact, ascii_key: dict[str, str]) -> Fact:
    return Fact(ascii_key[f.subject], f.predicate, ascii_key[f.object], f.article, f.raw_start, f.raw_end,
                f.role, f.extractor, f.confidence)


def _fact_order(f: Fact) -> tuple:
    return (f.subject, f.predicate, f.object, f.article or "", f.raw_start or -1, f.role or "")
