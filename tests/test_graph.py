import re

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

KG = Namespace("https://w3id.org/kgnews/ontology#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


def test_every_article_follows_the_public_contract(sample_result):
    g = sample_result.graph
    articles = list(g.subjects(RDF.type, KG.Article))
    assert len(articles) == 8
    for a in articles:
        assert g.value(a, SCHEMA.headline) is not None
        assert str(g.value(a, DCTERMS.source)) == "000_c105894bd2e3e539.txt"
        assert list(g.objects(a, SCHEMA.mentions))
    assert {str(d) for d in g.objects(None, SCHEMA.datePublished)} == {"2025-07-03"}
    assert len(set(g.objects(None, SCHEMA.author))) >= 10


def test_entities_have_one_zh_label_a_specific_class_and_alt_labels(sample_result):
    g = sample_result.graph
    classes = {KG[c] for c in ("Person", "Enterprise", "GovernmentBody", "PartyOrganization", "Organization",
                               "AdministrativeRegion", "Place", "Initiative")}
    entities = {s for c in classes for s in g.subjects(RDF.type, c)}
    assert len(entities) > 50
    for e in entities:
        labels = list(g.objects(e, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "zh"
        assert len(set(g.objects(e, RDF.type)) & classes) == 1
    alts = {str(o) for o in g.objects(None, SKOS.altLabel)}
    assert "湘西州" in alts  # the short form of the autonomous prefecture is kept as an alias


def test_iris_are_ascii_and_without_spaces(sample_result):
    for term in sample_result.graph.all_nodes():
        if isinstance(term, URIRef):
            assert str(term).isascii() and not re.search(r"\s", str(term)), term


def test_mentions_point_at_the_raw_file(sample_result):
    from kg.util.resources import sample_page

    raw = open(sample_page(), encoding="utf-8").read()
    g = sample_result.graph
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert len(mentions) > 80
    for m in mentions:
        begin, end = int(g.value(m, NIF.beginIndex)), int(g.value(m, NIF.endIndex))
        anchor = str(g.value(m, NIF.anchorOf))
        assert "".join(raw[begin:end].split()) == anchor


def test_same_input_gives_the_same_graph(sample_result):
    import kg
    from kg.util.resources import sample_page

    again = kg.build([sample_page()])
    assert again.graph.serialize(format="nt", encoding="utf-8") == sample_result.graph.serialize(format="nt",
                                                                                                 encoding="utf-8")
    assert sorted(again.graph) == sorted(sample_result.graph)


def test_turtle_round_trips_through_rdflib_and_pyoxigraph(sample_result, tmp_path):
    import pyoxigraph

    ttl = sample_result.graph.serialize(format="turtle")
    back = Graph().parse(data=ttl, format="turtle")
    assert len(back) == len(sample_result.graph)
    store = pyoxigraph.Store()
    store.load(ttl.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(sample_result.graph)
    lit = pyoxigraph.Literal("湘西土家族苗族自治州", language="zh")
    assert list(store.quads_for_pattern(None, None, lit))


def test_base_iri_is_configurable():
    import kg
    from kg.util.resources import sample_page

    g = kg.build([sample_page()], base="http://example.org/news/").graph
    subjects = {str(s) for s in g.subjects(RDF.type, KG.Article)}
    assert all(s.startswith("http://example.org/news/article/") for s in subjects)


def test_literal_languages(sample_result):
    g = sample_result.graph
    headline = next(g.objects(None, SCHEMA.headline))
    assert isinstance(headline, Literal) and headline.language == "zh"


def test_facts_are_reified_with_their_evidence_sentence(sample_result):
    from kg.store.query import run

    rows = (run(sample_result.graph, """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?p ?text ?begin ?conf ?extractor WHERE {
          ?st a kg:Statement ; rdf:predicate ?p ; kg:inArticle ?a ; kg:confidence ?conf ; kg:extractor ?extractor ;
              kg:evidence ?s ; nif:beginIndex ?begin .
          ?s nif:anchorOf ?text .
        }""")).rows
    assert len(rows) >= 5
    for p, text, begin, conf, extractor in rows:
        assert str(text) and 0 <= float(conf) <= 1 and str(extractor)
    holds = [str(r[1]) for r in rows if str(r[0]).endswith("holdsPost")]
    from kg.util.resources import words

    cues = words("posts.txt") + ("创办", "创立", "创建")  # a post word, or the founding of what they head
    assert holds and all(any(w in t for w in cues) for t in holds)


def test_memberships_have_posts_and_mentions_their_sentence(sample_result):
    from rdflib import Namespace as NS

    org = NS("http://www.w3.org/ns/org#")
    g = sample_result.graph
    for ms in g.subjects(RDF.type, KG.Membership):
        post = g.value(ms, KG.post)
        assert (post, RDF.type, KG.Post) in g
        assert g.value(post, org.postIn) == g.value(ms, org.organization)
        assert (post, org.heldBy, g.value(ms, org.member)) in g
    mention = next(g.subjects(RDF.type, KG.Mention))
    sentence = g.value(mention, NIF.sentence)
    assert str(g.value(mention, NIF.anchorOf)) in str(g.value(sentence, NIF.anchorOf)).replace(" ", "")


def test_inferred_references_are_not_alt_labels(sample_result):
    g = sample_result.graph
    refs = list(g.subjects(RDF.type, KG.Reference))
    assert refs
    alts = {str(o) for o in g.objects(None, SKOS.altLabel)}
    for r in refs:
        assert float(g.value(r, KG.confidence)) < 0.9 and g.value(r, KG.refersTo) is not None
        assert str(g.value(r, NIF.anchorOf)) not in alts


def test_merge_decisions_are_in_the_graph(sample_result):
    g = sample_result.graph
    decisions = list(g.subjects(RDF.type, KG.MergeDecision))
    assert decisions
    for d in decisions:
        assert g.value(d, KG.reason) is not None and g.value(d, KG.surfaceForm) is not None
        assert 0 < float(g.value(d, KG.confidence)) <= 1
        assert list(g.subjects(KG.mergeDecision, d))


def test_mentions_whose_raw_offsets_coincide_get_one_node_each():
    # a JSONL title has no raw characters of its own: every offset is the record's start
    from kg.rdf.build import build
    from kg.model import Article, Entity, Linked, Mention
    from kg.rdf.vocab import KG

    text = "某某县与某某市签约"
    a = Article(id="t-0", source="t.jsonl", headline=text, text=text, offsets=(0,) * (len(text) + 1),
                body_start=len(text))
    ms = [Mention("t-0", 0, 3, 0, 1, "AdministrativeRegion", "某某县"), Mention("t-0", 4, 7, 0, 1, "AdministrativeRegion", "某某市")]
    linked = Linked(entities=(Entity("region/a", "AdministrativeRegion", "某某县", mentions=(ms[0],)),
                              Entity("region/b", "AdministrativeRegion", "某某市", mentions=(ms[1],))),
                    mention_of={}, facts=(), bylines={})
    g = build([a], linked, "https://example.org/id/")
    nodes = set(g.subjects(KG.mentionOf, None))
    assert len(nodes) == 2 and all(len(set(g.objects(n, KG.mentionOf))) == 1 for n in nodes)
    assert a.span_key(0, 3) == "t0-3"
    b = Article(id="t-1", source="t.txt", headline="", text=text, offsets=tuple(range(5, 15)), body_start=0)
    assert b.span_key(0, 3) == "5-8"  # raw offsets wherever the characters are the source's own


def test_one_fact_in_a_jsonl_headline_and_in_the_first_sentence_is_two_statements():
    # the headline's offsets are all the record's start, the body's first sentence also starts at raw 0
    from kg.rdf.build import build
    from kg.model import Article, Entity, Fact, Linked
    from kg.rdf.vocab import KG

    head, body = "某会在某城开幕", "某会今天在某城开幕。"
    text = head + "\n" + body
    a = Article(id="t-0", source="t.jsonl", headline=head, text=text,
                offsets=(0,) * (len(head) + 1) + tuple(range(len(body) + 1)), body_start=len(head) + 1)
    linked = Linked(entities=(Entity("initiative/a", "Initiative", "某会"), Entity("region/b", "AdministrativeRegion", "某城")),
                    mention_of={}, facts=(Fact("initiative/a", "takesPlaceIn", "region/b", "t-0", 0, 1),
                                          Fact("initiative/a", "takesPlaceIn", "region/b", "t-0", 0, len(body))),
                    bylines={})
    g = build([a], linked, "https://example.org/id/")
    statements = set(g.subjects(RDF.type, KG.Statement))
    assert len(statements) == 2 and all(len(set(g.objects(s, KG.evidence))) == 1 for s in statements)


def test_the_quad_stream_gives_a_sentence_and_an_article_mention_once(sample_result):
    from collections import Counter

    from kg.rdf import quads

    seen: Counter = Counter()
    quads.emit(list(sample_result.articles), sample_result.linked, sample_result.base,
               lambda g, owner, s, p, o: seen.update([(owner, s, p, o)]))
    once = ("nif-core#anchorOf>", "schema.org/mentions>", "nif-core#beginIndex>")
    twice = [q for q, n in seen.items() if n > 1 and q[2].endswith(once)]
    assert not twice  # (sentences with several mentions were written once per mention)
    assert any(q[2].endswith("schema.org/mentions>") for q in seen)
