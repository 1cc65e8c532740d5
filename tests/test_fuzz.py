"""Fuzzing ingest and the pipeline with hypothesis: random Unicode, control characters, mixed encodings, long
lines. No input may crash a stage or hang it; the graph keeps to the SHACL shapes. Bounded to run in seconds."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import readers as ingest

CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=30)
PIECES = st.one_of(
    st.text(max_size=40),  # any Unicode, surrogates excluded, control characters included
    CHINESE,
    st.sampled_from(["长沙市人民政府", "湖南日报记者 张三 报道", "。", "\n", "\r\n", "\x00", "\ufeff", "<p>", "&amp;",
                     "2025年7月3日", "某某有限公司", "、", "“", "（简称“某某”）", "\t", " " * 50, "\u3000"]),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),  # control characters only
)
TEXTS = st.lists(PIECES, max_size=25).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "latin-1"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.tuples(TEXTS, ENCODINGS), min_size=1, max_size=3), junk=st.binary(max_size=200),
       long_line=st.integers(0, 50_000))
def test_ingest_never_raises(tmp_path_factory, parts, junk, long_line):
    folder = tmp_path_factory.mktemp("fuzz")
    data = b"".join(_encode(t, e) for t, e in parts)  # mixed encodings in one file
    (folder / "a.txt").write_bytes(data + junk)
    (folder / "b.txt").write_bytes(_encode(parts[0][0] + "长" * long_line, parts[0][1]))
    records = [json.dumps({"title": t[:20], "body": t, "date": t[:10]}, ensure_ascii=bool(n % 2))
               for n, (t, _) in enumerate(parts)]
    (folder / "c.jsonl").write_bytes("\n".join(records).encode("utf-8") + b"\n" + junk + b"\n{\"body\": ")
    started = time.monotonic()
    docs, warnings = ingest.read([folder])
    assert time.monotonic() - started < 10
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)
    for d in docs:
        assert "\r" not in d.text and d.key and d.source


@pytest.fixture(scope="module")
def shapes_check():
    from kg.rdf import validate

    return validate.validate if validate.available() else None


@settings(max_examples=8, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), title=TEXTS)
def test_the_pipeline_never_raises_and_keeps_to_the_shapes(tmp_path_factory, shapes_check, texts, title):
    from kg import pipeline

    folder = tmp_path_factory.mktemp("fuzzpipe")
    for n, text in enumerate(texts):
        (folder / f"p{n}.txt").write_text(text + "\n长沙市人民政府召开会议。", encoding="utf-8", errors="replace")
    (folder / "f.jsonl").write_text(json.dumps({"title": title, "body": "".join(texts)}) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = pipeline.run([folder])
    assert time.monotonic() - started < 60
    assert len({a.id for a in result.articles}) == len(result.articles)
    if shapes_check is not None and result.articles:
        report = shapes_check(result.graph)
        assert report.conforms, report.format()
