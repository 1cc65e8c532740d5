"""SHACL shapes of the public contract (ontology/shapes.ttl), checked with pyshacl."""

import pytest
from click.testing import CliRunner
from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS

pytest.importorskip("pyshacl")

from kg.cli import main  # noqa: E402
from kg.rdf.validate import validate  # noqa: E402

KG = Namespace("https://w3id.org/kgnews/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://example.org/id/")


def test_sample_page_conforms(sample_result):
    report = validate(sample_result.graph)
    assert report.conforms, report.format(20)


def test_broken_graph_names_each_violation(sample_result):
    from rdflib import Graph

    g = Graph()
    g.add((ID.a, RDF.type, KG.Article))  # no source, no headline
    g.add((ID.r, RDF.type, KG.AdministrativeRegion))
    g.add((ID.r, RDFS.label, Literal("某县", lang="zh")))
    g.add((ID.r, KG.adminLevel, Literal("county")))  # a county without its code
    g.add((ID.p, RDF.type, KG.Person))  # no label
    g.add((ID.m, RDF.type, KG.Membership))
    g.add((ID.m, ORG.member, ID.p))  # no organisation, no role
    report = validate(g)
    assert not report.conforms
    focus = {(v.focus, v.path) for v in report.violations}
    assert (str(ID.a), str(DCTERMS.source)) in focus and (str(ID.a), str(SCHEMA.headline)) in focus
    assert (str(ID.p), str(RDFS.label)) in focus
    assert (str(ID.m), str(ORG.organization)) in focus and (str(ID.m), str(KG.role)) in focus
    assert any(v.focus == str(ID.r) for v in report.violations)
    assert "violation" in report.format(2) and "more" in report.format(2)


def test_holds_post_needs_a_person_and_an_organisation():
    from rdflib import Graph

    g = Graph()
    g.add((ID.x, RDF.type, KG.Place))
    g.add((ID.x, RDFS.label, Literal("某广场", lang="zh")))
    g.add((ID.x, KG.holdsPost, ID.x))
    assert {v.focus for v in validate(g).violations} == {str(ID.x)}


def test_validate_command(tmp_path, sample_result):
    good = tmp_path / "good.ttl"
    good.write_text(sample_result.graph.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(good)])
    assert result.exit_code == 0 and "conforms" in result.output
    bad = tmp_path / "bad.ttl"
    bad.write_text(f"<{ID.a}> a <{KG.Article}> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "2 violation(s)" in result.output
    missing = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert missing.exit_code != 0 and "no such file" in missing.output


def test_validate_help():
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0 and "SHACL" in result.output


def test_build_reports_the_shacl_result(tmp_path):
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "SHACL      conforms (0 violations)" in result.output


def test_corpus_stories_with_numbers_in_their_headline_conform(tmp_path):
    """Real stories (../shared/corpus, skipped when absent) whose JSONL title holds numbers: a title has no raw
    characters of its own, so its mentions, measures and facts once fell on the nodes of the body's."""
    import gzip
    import json
    import re

    from kg.pipeline import run
    from kg.eval.realgold import find_corpus

    corpus = find_corpus()
    if corpus is None:
        pytest.skip("corpus ../shared/corpus not found")
    picked = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            story = json.loads(line)
            if i >= 1000 or len(picked) == 12:
                break
            if re.search(r"\d", story.get("title", "")) and len(story.get("body", "")) < 1500:
                picked.append(line)
    src = tmp_path / "slice.jsonl"
    src.write_text("".join(picked), encoding="utf-8")
    report = validate(run([src]).graph)
    assert report.conforms, report.format(10)
