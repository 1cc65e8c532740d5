import importlib.util
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal

from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_vocab_module_is_generated_from_the_ontology():
    assert (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8") == _generator().render(ONTOLOGY)


def test_unknown_term_is_an_error():
    import pytest

    with pytest.raises(AttributeError):
        KG.Orgnization  # noqa: B018 - a typo must fail


def test_every_term_has_zh_and_en_labels_and_a_definition():
    g = Graph().parse(ONTOLOGY)
    terms = [s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in g.subjects(RDF.type, t)]
    assert len(terms) > 20
    for term in terms:
        langs = {lit.language for lit in g.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, term
        assert g.value(term, SKOS.definition) is not None, term


def test_classes_are_aligned_to_public_vocabularies():
    g = Graph().parse(ONTOLOGY)
    required = ["Organization", "Enterprise", "GovernmentBody", "PartyOrganization", "Person", "Place",
                "AdministrativeRegion", "Initiative", "Article"]
    public = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
              "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    def ancestors(c):
        seen, todo = set(), [c]
        while todo:
            for parent in g.objects(todo.pop(), RDFS.subClassOf):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    for name in required:
        assert (KG[name], RDF.type, OWL.Class) in g
        assert any(str(a).startswith(public) for a in ancestors(KG[name])), name
