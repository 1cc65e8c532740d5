"""Every input file is its own article(s): same names in different folders, look-alike names, JSONL titles."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import main

PAGE_A = "长沙市人民政府召开会议。湖南日报记者报道，长沙市开展防汛工作。\n"
PAGE_B = "株洲市人民政府召开会议。株洲市开展安全生产月活动。\n"


def _archive(root: Path) -> Path:
    for day, text in (("2025-07-03", PAGE_A), ("2025-07-04", PAGE_B)):
        (root / "archive" / day).mkdir(parents=True)
        (root / "archive" / day / "page1.txt").write_text(text, encoding="utf-8")
    (root / "archive" / "page 1.txt").write_text(PAGE_B, encoding="utf-8")
    (root / "archive" / "page_1.txt").write_text(PAGE_A, encoding="utf-8")
    return root / "archive"


def _sources(graph) -> list[str]:
    from rdflib import RDF, URIRef
    from rdflib.namespace import DCTERMS

    kg_article = URIRef("https://w3id.org/kgnews/ontology#Article")
    return sorted(str(graph.value(a, DCTERMS.source)) for a in graph.subjects(RDF.type, kg_article))


def test_a_dated_archive_and_look_alike_names_give_one_article_each(tmp_path):
    result = pipeline.run([_archive(tmp_path)])
    assert len(result.articles) == 4 and len({a.id for a in result.articles}) == 4
    assert sorted(a.source for a in result.articles) == [
        "archive/2025-07-03/page1.txt", "archive/2025-07-04/page1.txt", "archive/page 1.txt", "archive/page_1.txt"]
    assert _sources(result.graph) == sorted(a.source for a in result.articles)
    bodies = {a.source: a.body for a in result.articles}
    assert "长沙" in bodies["archive/2025-07-03/page1.txt"] and "株洲" in bodies["archive/2025-07-04/page1.txt"]


def test_a_store_keeps_both_days_built_separately(tmp_path):
    archive = _archive(tmp_path)
    store = tmp_path / "store"
    runner = CliRunner()
    for day in ("2025-07-03", "2025-07-04", "2025-07-03"):  # the third build replaces the first, never duplicates
        result = runner.invoke(main, ["build", str(archive / day), "-o", str(tmp_path / "out"), "--store", str(store),
                                      "-q", "--no-validate"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", str(store), "--format", "csv",
                                  "SELECT ?src WHERE { ?a a kg:Article ; dcterms:source ?src } ORDER BY ?src"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["src", "2025-07-03/page1.txt", "2025-07-04/page1.txt"]


def test_mentions_in_a_jsonl_title_have_their_own_offsets(tmp_path):
    record = {"title": "长沙市人民政府与株洲市人民政府签约", "body": "湖南日报讯 两市将合作。"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    from kg.ingest import readers as ingest

    doc = ingest.read([feed])[0][0]
    result = pipeline.run([feed])
    (article,) = result.articles
    in_title = [m for m in result.mentions[article.id] if m.start < len(article.headline)]
    assert len(in_title) >= 2
    spans = {(m.raw_start, m.raw_end) for m in in_title}
    assert len(spans) == len(in_title)  # no two mentions share (0, 1) any more
    for m in in_title:
        assert doc.text[m.raw_start:m.raw_end] == m.text
    assert article.headline == record["title"] and article.body == "两市将合作。"


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_raw_offsets_index_the_document_in_every_format(tmp_path, fmt):
    title, body = "株洲市人民政府发布通知", "长沙市人民政府召开会议。"
    if fmt == "txt":
        path = tmp_path / "page.txt"
        path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    else:
        path = tmp_path / "page.jsonl"
        path.write_text(json.dumps({"title": title, "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    from kg.ingest import readers as ingest

    docs = ingest.read([path])[0]
    result = pipeline.run([path])
    texts = {d.key: d.text for d in docs}
    found = [(a, m) for a in result.articles for m in result.mentions[a.id]]
    assert any(m.text.startswith("株洲") for _, m in found)
    for a, m in found:
        raw = next(t for k, t in texts.items() if a.id.startswith(k))
        assert raw[m.raw_start:m.raw_end] == m.text, (fmt, m)
