import importlib.util
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.rdf.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_vocab_module_is_generated_from_the_ontology():
    assert (ROOT / "kg" / "rdf" / "vocab.py").read_text(encoding="utf-8") == _generator().render(ONTOLOGY)


def test_unknown_term_is_an_error():
    import pytest

    with pytest.raises(AttributeError):
        KG.Orgnization  # noqa: B018 - a typo must fail


def test_every_term_has_zh_and_en_labels_and_a_definition():
    g = Graph().parse(ONTOLOGY)
    terms = [s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in g.subjects(RDF.type, t)
             if isinstance(s, URIRef)]  # a class expression (the union that is kg:mentionOf's range) is no term
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


def test_every_list_of_entity_classes_follows_the_ontology():
    """The range of kg:mentionOf is the one list of entity classes; linking, the explorer, extraction, the gold
    format and the SHACL shapes all know every class in it."""
    from kg.viz import explorer
    from kg.extract import mentions as extract
    from kg.eval import gold
    from kg.link import entities as link
    from kg.rdf.vocab import ENTITY_CLASSES

    assert "Incident" in ENTITY_CLASSES and "Initiative" in ENTITY_CLASSES
    assert gold.CLASSES == ENTITY_CLASSES
    assert set(link._SLUG) == set(ENTITY_CLASSES)
    assert set(explorer.CLASS_STYLE) == set(ENTITY_CLASSES)
    assert set(extract.CLASSES) == set(ENTITY_CLASSES)
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    sh = "http://www.w3.org/ns/shacl#"
    kgs = "https://w3id.org/kgnews/shapes#"
    targets = {str(o).rsplit("#", 1)[1] for o in shapes.objects(URIRef(kgs + "Entity"), URIRef(sh + "targetClass"))}
    assert targets == set(ENTITY_CLASSES)
    text = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    entity_shape = text[text.index("kgs:EntityClass"):text.index("kgs:Article")]
    assert all(f"kg:{c} ]" in entity_shape for c in ENTITY_CLASSES)
