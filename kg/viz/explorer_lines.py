"""The entity graph of a build (:class:`kg.analysis.egraph.EntityGraph`) read from its sorted triple lines, the lines
graph.ttl is written from (:mod:`kg.outputs`), instead of by SPARQL over a store loaded with every quad only for that.

The result is the one :func:`kg.analysis.egraph.read` gives for the same triples (a test compares them): the same
entities, classes, labels, articles, relations, evidence, posts and mentions. Lines come as ``(s, p, o)``
N-Triples terms, sorted, so all the triples of one subject arrive together: an entity, an article, a mention, a
statement or a membership is read whole when its subject ends, and only what joins two subjects (the articles
that mention an entity, relations, a statement's evidence sentence: a sentence node, never a mention) waits for
the end. Values are as SPARQL
gives them: an IRI without its brackets, a literal's lexical form (unescaped) and its language tag.
"""

from __future__ import annotations

from kg.analysis.egraph import DISPLAY_CLASSES, KG_NS, EntityGraph, best_values, entity_classes, local
from kg.rdf.build import PREFIXES
from kg.rdf.ntriples import _UNESCAPE, _unescape_one

__all__ = ["Reader"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _iri(prefix: str, name: str) -> str:
    return f"<{PREFIXES[prefix]}{name}>"


TYPE = f"<{_RDF}type>"
LABEL, ALT = _iri("rdfs", "label"), _iri("skos", "altLabel")
COUNT, MENTIONS = _iri("kg", "mentionCount"), _iri("schema", "mentions")
EXTRA = {_iri("kg", "regionCode"): "code", _iri("kg", "adminLevel"): "level", _iri("schema", "latitude"): "lat",
         _iri("schema", "longitude"): "lon"}
FIELDS = {_iri("schema", "headline"): "headline", _iri("schema", "datePublished"): "date",
          _iri("schema", "url"): "url", _iri("dcterms", "source"): "source",
          _iri("schema", "alternativeHeadline"): "sub", _iri("schema", "articleBody"): "body"}
ARTICLE, STATEMENT, MENTION = _iri("kg", "Article"), _iri("kg", "Statement"), _iri("kg", "Mention")
ST_S, ST_P, ST_O = (f"<{_RDF}{n}>" for n in ("subject", "predicate", "object"))
CONF, EXTRACTOR, IN_ARTICLE = _iri("kg", "confidence"), _iri("kg", "extractor"), _iri("kg", "inArticle")
EVIDENCE, ROLE, ANCHOR = _iri("kg", "evidence"), _iri("kg", "role"), _iri("nif", "anchorOf")
BEGIN, MENTION_OF = _iri("nif", "beginIndex"), _iri("kg", "mentionOf")
MEMBER, ORGANIZATION, DERIVED = _iri("org", "member"), _iri("org", "organization"), _iri("prov", "wasDerivedFrom")


def _value(term: str) -> tuple[str, str]:
    """An N-Triples term as (value, language tag)."""
    if term[0] == "<":
        return term[1:-1], ""
    end = term.rindex('"')
    text = term[1:end]
    if "\\" in text:
        text = _UNESCAPE.sub(_unescape_one, text)
    rest = term[end + 1:]
    return text, rest[1:] if rest[:1] == "@" else ""


def _int(text) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return 0


class Reader:
    """``add(s, p, o)`` for every triple line in sorted order, then :meth:`graph` for the entity graph."""

    def __init__(self, bodies: bool = True, mentions: bool = True) -> None:
        from kg.analysis.netx import ontology_classes

        self.bodies, self.with_mentions = bodies, mentions
        self.hierarchy = ontology_classes()
        self.kinds = {f"<{KG_NS}{c}>": c for c in entity_classes()}
        self.eg = EntityGraph()
        self.types: dict[str, set[str]] = {}  # entity IRI -> its kg entity classes
        self.articles: dict[str, dict] = {}  # typed article -> its fields' best values
        self.mentioned: list[tuple[str, str]] = []  # (article, entity)
        self.candidates: list[tuple[str, str, str]] = []  # (entity, p, IRI object)
        self.statements: dict[str, dict] = {}
        self.anchors: dict[str, list[str]] = {}  # node but a mention -> nif:anchorOf (a statement's evidence)
        self.pairs: dict[str, tuple[str, str]] = {}
        self.roles: dict[tuple, set] = {}
        self.where: dict[tuple, set] = {}
        self.mention_rows: list[tuple[str, str, str, int]] = []  # (article, entity, anchor, begin)
        self.labels: dict[str, str] = {}
        self.mention_nodes: dict[str, int] = {}  # article -> its kg:Mention nodes
        self.aliases: dict[str, set[str]] = {}
        self.subject: str | None = None
        self.group: list[tuple[str, str]] = []

    def add(self, s: str, p: str, o: str) -> None:
        if s != self.subject:
            if self.group:
                self._subject_done()
            self.subject, self.group = s, []
        self.group.append((p, o))

    def _subject_done(self) -> None:
        s = self.subject or ""
        props: dict[str, list[str]] = {}
        for p, o in self.group:
            props.setdefault(p, []).append(o)
        key = s[1:-1]
        classes = props.get(TYPE, ())
        kinds = {self.kinds[c] for c in classes if c in self.kinds} if s[0] == "<" else set()
        if kinds:
            self._entity(key, kinds, props)
        if ARTICLE in classes:
            self.articles[key] = {name: best_values([[key, *_value(o)] for o in props[p]]).get(key, "")
                                  for p, name in FIELDS.items() if p in props and (self.bodies or name != "body")}
        for o in props.get(MENTIONS, ()):
            if o[0] == "<":
                self.mentioned.append((key, o[1:-1]))
        if MENTION in classes:
            for a in props.get(IN_ARTICLE, ()):
                a = _value(a)[0]
                self.mention_nodes[a] = self.mention_nodes.get(a, 0) + 1
        if ANCHOR in props and MENTION_OF not in props:  # a sentence (a mention's anchor is read with it)
            self.anchors[key] = [_value(o)[0] for o in props[ANCHOR]]
        if STATEMENT in classes and ST_S in props and ST_P in props and ST_O in props:
            self.statements[key] = {
                "triple": (_value(props[ST_S][0])[0], _value(props[ST_P][0])[0], _value(props[ST_O][0])[0]),
                "conf": {_value(o)[0] for o in props.get(CONF, ())}, "ext": {_value(o)[0] for o in props.get(EXTRACTOR, ())},
                "art": {_value(o)[0] for o in props.get(IN_ARTICLE, ())}, "sn": [o[1:-1] for o in props.get(EVIDENCE, ())],
                "roles": {_value(o)[0] for o in props.get(ROLE, ())}}
        if MEMBER in props:
            if ORGANIZATION in props:
                pair = self.pairs[key] = (_value(props[MEMBER][-1])[0], _value(props[ORGANIZATION][-1])[0])
                self.roles.setdefault(pair, set()).update(_value(o)[0] for o in props.get(ROLE, ()))
                self.where.setdefault(pair, set()).update(_value(o)[0] for o in props.get(DERIVED, ()))
        if self.with_mentions and MENTION_OF in props and IN_ARTICLE in props and ANCHOR in props:
            begins: list[str | None] = [_value(o)[0] for o in props.get(BEGIN, ())] or [None]
            for e in props[MENTION_OF]:
                for a in props[IN_ARTICLE]:
                    for t in props[ANCHOR]:
                        for b in begins:  # no nif:beginIndex: 0, as SPARQL's unbound value gives
                            self.mention_rows.append((_value(a)[0], _value(e)[0], _value(t)[0], _int(b)))

    def _entity(self, key: str, kinds: set[str], props: dict) -> None:
        eg, hierarchy = self.eg, self.hierarchy
        self.types[key] = kinds
        eg.kind[key] = min(kinds, key=lambda c: (-len(hierarchy.get(c, ())), c))
        eg.cls[key] = next((d for d in DISPLAY_CLASSES if any(d in hierarchy.get(c, ()) for c in kinds)), "Organization")
        if LABEL in props:
            self.labels[key] = best_values([[key, *_value(o)] for o in props[LABEL]])[key]
        if ALT in props:
            self.aliases[key] = {_value(o)[0] for o in props[ALT]}
        for o in props.get(COUNT, ()):
            eg.count[key] = _int(_value(o)[0])
        for p, name in EXTRA.items():
            if p in props:
                eg.extra.setdefault(key, {})[name] = best_values([[key, *_value(o)] for o in props[p]])[key]
        for p, values in props.items():
            if p != TYPE:
                self.candidates += [(key, p[1:-1], o[1:-1]) for o in values if o[0] == "<" and o[1:-1] != key]

    def graph(self) -> EntityGraph:
        """The entity graph of every triple added."""
        if self.group:
            self._subject_done()
            self.group = []
        eg, types = self.eg, self.types
        for e in types:
            eg.label[e] = self.labels.get(e) or local(e)
        eg.entities = sorted(types, key=lambda e: (eg.label[e], e))
        eg.aliases = {e: sorted(v - {eg.label[e]}) for e, v in self.aliases.items() if v - {eg.label[e]}}
        arts = set(self.articles)
        mentioned: dict[str, set[str]] = {}
        for a, e in self.mentioned:
            if e in types:
                mentioned.setdefault(e, set()).add(a)
                arts.add(a)
        eg.arts = {e: sorted(v) for e, v in mentioned.items()}
        names = ("headline", "date", "url", "source", "sub") + (("body",) if self.bodies else ())
        for a in sorted(arts):
            got = self.articles.get(a, {})
            info = {k: got.get(k, "") for k in names}
            info["headline"] = info["headline"] or info["source"] or local(a)
            info["date"] = info["date"][:10] if info["date"] else None
            eg.articles[a] = info
        eg.relations = sorted({(s, p, o) for s, p, o in self.candidates if o in types})
        for st in sorted(self.statements):
            row = self.statements[st]
            sent = {t for sn in row["sn"] for t in self.anchors.get(sn, ())}
            eg.statements.setdefault(row["triple"], []).append({
                "confidence": max((round(float(c), 3) for c in row["conf"]), default=None),
                "extractor": min(row["ext"], default=""), "article": min(row["art"], default=""),
                "sentence": min(sent, key=lambda x: (len(x), x), default=""), "roles": sorted(row["roles"])})
        for k in eg.statements:
            eg.statements[k].sort(key=lambda r: (not r["sentence"], -(r["confidence"] or 0), r["article"], r["sentence"]))
        eg.roles = {k: sorted(v) for k, v in sorted(self.roles.items())}
        eg.post_arts = {k: sorted(v) for k, v in sorted(self.where.items()) if v}
        for a, e, anchor, begin in self.mention_rows:
            if e in types and a in eg.articles:
                eg.mentions.setdefault(a, []).append((e, anchor, begin))
        for a in eg.mentions:
            eg.mentions[a] = sorted(set(eg.mentions[a]), key=lambda x: (x[2], x[1], x[0]))
        return eg

    def tally(self, eg: EntityGraph) -> dict:
        """What :func:`kg.analysis.counts.tally` reads of a store holding these triples, from :meth:`graph`'s
        ``eg`` (labels of the entities only: the only ones it counts), so that a build's new store needs no
        SPARQL pass for ``kg stats``."""
        return {"types": {e: set(k) for e, k in self.types.items()}, "counts": dict(eg.count),
                "arts": {e: len(v) for e, v in eg.arts.items()}, "labels": dict(self.labels),
                "rels": set(eg.relations), "days": {a: info["date"] for a, info in eg.articles.items()},
                "mentions": dict(self.mention_nodes)}
