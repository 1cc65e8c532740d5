"""N-Triples terms (kg.rdf.ntriples): the lexical forms rdflib gives the same values, and back."""

from decimal import Decimal

from rdflib import Literal, URIRef

from kg.rdf import ntriples as nt


def test_lexical_forms_are_rdflib_ones():
    for value in (0, 3, 120000, -5):
        assert nt.integer(value) == Literal(value).n3()
    for value in (28.194, 113.0, round(1 / 3, 6), 1e-07, 123456789.123456):
        assert nt.to_rdflib(nt.double(value)) == Literal(value)
        assert str(nt.to_rdflib(nt.double(value))) == str(Literal(value))
    for value in (0.0, 0.8, 1.0, 0.3333, 0.005, 0.95):
        lexical = str(round(value, 3))
        assert nt.decimal(lexical) == Literal(Decimal(lexical)).n3()
    assert nt.typed("2025-07-03", nt.XSD + "date") == Literal("2025-07-03", datatype=URIRef(nt.XSD + "date")).n3()
    text = '他说"好"\n\\'
    assert nt.to_rdflib(nt.zh(text)) == Literal(text, lang="zh")


def test_round_trip_through_rdflib_terms():
    for term in (URIRef("https://example.org/a b{c}"), Literal("一\r二\"", lang="zh"), Literal("x"),
                 Literal("7", datatype=URIRef(nt.XSD + "integer")), Literal("\\u005C")):
        text = nt.from_rdflib(term)
        back = nt.to_rdflib(text)
        if isinstance(term, URIRef):
            assert back == URIRef("https://example.org/a%20b%7Bc%7D")  # what N-Triples allows
        else:
            assert back == term and back.n3() == term.n3()
