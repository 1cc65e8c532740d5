"""Analysis of a store folder (``kg build --store``): the triples :mod:`kg.netx` and :mod:`kg.analysis` read,
fetched from Oxigraph by one SPARQL query, and the networkx projection cached beside the store until it changes.

The analysis commands need entities (their class, label, aliases, counts, coordinates), articles (headline,
date, body, what they mention), mentions (for counts per date), facts between entities and the statements and
memberships that support them: a small part of the store (no sentences, measures, references or offsets), so
neither the whole store nor an rdflib graph of it is ever built.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from .graph import PREFIXES

__all__ = ["triples", "projection", "network"]

_KG, _SDO, _NIF, _ORG = PREFIXES["kg"], PREFIXES["schema"], PREFIXES["nif"], PREFIXES["org"]
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PREDICATES = [
    _KG + "mentionCount", PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "altLabel", _SDO + "headline",
    _SDO + "datePublished", _SDO + "articleBody", PREFIXES["dcterms"] + "source", _SDO + "mentions",
    _SDO + "latitude", _SDO + "longitude", _RDF + "subject", _RDF + "predicate", _RDF + "object", _KG + "role",
    _KG + "evidence", _ORG + "member", _ORG + "organization",
]
_TYPES = ["Article", "Mention", "Statement", "Membership", "Person", "Enterprise", "GovernmentBody",
          "PartyOrganization", "Organization", "AdministrativeRegion", "Place", "Initiative", "Campaign", "Pilot",
          "PolicyDocument", "TrainingProgramme", "InsuranceProduct", "Event", "Project", "Brand", "Mechanism"]
_QUERY = f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in _PREDICATES)} }} GRAPH ?g {{ ?s ?p ?o }} }}
  UNION {{ VALUES ?o {{ {' '.join(f'<{_KG}{t}>' for t in _TYPES)} }} BIND (<{_RDF}type> AS ?p)
           GRAPH ?g {{ ?s ?p ?o }} }}
  UNION {{ VALUES ?p {{ <{_KG}inArticle> <{PREFIXES['prov']}wasDerivedFrom> }} GRAPH ?g {{ ?s ?p ?o }}
           FILTER NOT EXISTS {{ GRAPH ?h {{ ?s <{_RDF}type> <{_NIF}Sentence> }} }} }}
  UNION {{ GRAPH ?g {{ ?st <{_KG}evidence> ?s }} BIND (<{_NIF}anchorOf> AS ?p) GRAPH ?h {{ ?s ?p ?o }} }}
  UNION {{ GRAPH ?g1 {{ ?s <{_KG}mentionCount> ?c1 }} GRAPH ?g2 {{ ?o <{_KG}mentionCount> ?c2 }}
           GRAPH ?g {{ ?s ?p ?o }} }}
}}"""


def triples(store) -> list[tuple]:
    """The triples the analysis reads, as rdflib terms (each term converted once), in a stable order."""
    from .store import from_ox

    cache: dict[str, object] = {}

    def term(t):
        key = str(t)
        found = cache.get(key)
        if found is None:
            found = cache[key] = from_ox(t)
        return found

    rows = sorted(((str(r[0]), str(r[1]), str(r[2])), r) for r in store.query(_QUERY))
    return [(term(r[0]), term(r[1]), term(r[2])) for _, r in rows]


def projection(store):
    """A read-only graph (:class:`kg.outputs.TripleIndex`) of :func:`triples`, for :func:`kg.analysis.stats`."""
    from .outputs import TripleIndex

    return TripleIndex(triples(store))


def _version(path: Path) -> str:
    """Changes whenever a build writes the store (a new version is a new folder; RocksDB rewrites CURRENT)."""
    st = path.stat()
    cur = (path / "CURRENT").stat()
    return f"{st.st_ino}-{cur.st_mtime_ns}-{(path / 'CURRENT').read_text().strip()}"


def network(path: str | os.PathLike, store=None):
    """The entity graph of the store (:func:`kg.netx.to_networkx` of :func:`projection`), cached in a file beside
    the store folder and rebuilt only when the store has changed."""
    from .netx import to_networkx
    from .store import open_store

    p = Path(path).resolve()
    cache = p.parent / f".{p.name}.kg-netx.pickle"
    version = _version(p)
    try:
        with open(cache, "rb") as fh:
            saved_version, G = pickle.load(fh)
        if saved_version == version:
            return G
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    G = to_networkx(projection(store if store is not None else open_store(p, read_only=True)))
    try:
        from .io import write_bytes

        write_bytes(cache, pickle.dumps((version, G), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only place: no cache, same answer
    return G
