"""kg.relations.registry: the one list of relation types agrees with the ontology, and it governs what is stated."""

from pathlib import Path

import pytest
from invented import article, mention
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.relations import registry, text as relations

ONTOLOGY = Path(__file__).resolve().parents[1] / "kg" / "ontology" / "kg.ttl"
KG = "https://w3id.org/kgnews/ontology#"


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY)


def _local(term) -> str | None:
    return None if term is None else str(term)[len(KG):] if str(term).startswith(KG) else str(term)


def test_every_relation_type_is_an_object_property_with_its_domain_and_range(ontology):
    for t in registry.RELATIONS:
        p = URIRef(KG + t.name)
        assert (p, RDF.type, OWL.ObjectProperty) in ontology, t.name
        assert _local(ontology.value(p, RDFS.domain)) == t.domain, t.name
        assert _local(ontology.value(p, RDFS.range)) == t.range, t.name
        assert ((p, RDF.type, OWL.SymmetricProperty) in ontology) == t.symmetric, t.name


def test_every_fact_property_of_the_ontology_is_registered(ontology):
    props = {_local(p) for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(KG)}
    assert not set(registry.names()) & registry.STRUCTURAL
    assert props - registry.STRUCTURAL == set(registry.names())
    assert registry.STRUCTURAL <= props


def test_patterns_state_registered_types_and_every_type_is_stated():
    stated = set()
    for p in registry.PATTERNS:
        assert p.scope in ("sentence", "article")
        assert callable(p.load()), p.function
        assert registry.states(p) <= set(registry.names()), p.function
        stated |= registry.states(p)
    assert stated == set(registry.names())
    assert len(registry.names()) == len(set(registry.names()))
    assert all(t.rendering in ("statement", "membership") for t in registry.RELATIONS)


def test_a_build_states_only_registered_facts(sample_result):
    facts = sample_result.linked.facts
    assert {f.predicate for f in facts} <= set(registry.names())
    derived = {x for t in registry.RELATIONS for x in t.derived}  # what linking derives says which types it makes
    made = {(f.extractor, f.predicate) for f in facts if f.extractor in derived}
    assert made and all(x in registry.get(p).derived for x, p in made)


def test_a_new_relation_type_is_one_entry(monkeypatch):
    """The README's example: a relation type stated by verbs needs only its registry entry (and its ontology
    property, which test_every_relation_type_is_an_object_property... asks for)."""
    text = "某某财产保险公司向某某种植专业合作社赔付五万元。"
    a = article(text)
    ms = [mention(a, "某某财产保险公司", "Enterprise"), mention(a, "某某种植专业合作社", "Enterprise")]
    assert not any(r.predicate == "compensates" for r in relations.relations(a, ms))
    new = registry.RelationType("compensates", None, None, verbs=("赔付", "理赔"))
    monkeypatch.setattr(registry, "RELATIONS", registry.RELATIONS + (new,))
    got = [(r.predicate, r.subject[1], r.object[1]) for r in relations.relations(a, ms)]
    assert ("compensates", 0, text.index("某某种植")) in got


def test_a_predicate_the_registry_does_not_give_a_pattern_is_dropped(monkeypatch):
    from kg.model import Relation

    a = article("甲乙。")

    def pattern(s):
        return [Relation(a.id, p, (a.id, 0, 1), (a.id, 1, 2), 0, 3, 0, 3) for p in ("runs", "invented")]

    monkeypatch.setattr(registry, "patterns", lambda scope: ((pattern, frozenset({"runs"})),) if scope == "sentence" else ())
    assert [r.predicate for r in relations.relations(a, [])] == ["runs"]
