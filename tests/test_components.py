"""kg.components: the per-article stages as one ordered list of named components (kg build --disable NAME)."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import components, pipeline
from kg.cli import main
from kg.model import Document

ROOT = Path(__file__).resolve().parents[1]
# invented: a person with a post, regions inside an organisation's name, an amount and a date
TEXT = ("湖南省长沙市农业农村局局长张三介绍，长沙市农业农村局于2025年3月启动“稻香工程”，投入资金1200万元。"
        "村民王秀兰和李国强在湖南省长沙市望城区种植蔬菜。\n")


def _doc(text: str = TEXT) -> Document:
    return Document(source="t.txt", path="t.txt", text=text)


def _table(text: str) -> list[tuple[str, str, str]]:
    """The rows (name, reads, adds) of the first table whose header is ``name | reads | adds``."""
    rows, inside = [], False
    for line in text.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if cells[:3] == ["name", "reads", "adds"]:
            inside = True
        elif inside and line.startswith("|") and not set(line) <= set("|- :"):
            rows.append(tuple(cells[:3]))
        elif inside and not line.startswith("|"):
            break
    return rows


def test_the_readme_lists_the_components_in_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = _table(readme)
    assert listed == [(c.name, c.reads, c.adds) for c in components.COMPONENTS]


def test_the_module_docstring_names_them_in_order():
    rows = re.findall(r"^(\w+)\s{2,}", components.__doc__.split("=====\n", 2)[2], flags=re.M)
    assert tuple(r for r in rows if r in components.names()) == components.names()


def test_everything_enabled_is_the_build():
    docs = components.run([_doc()])
    mentions = [m for d in docs for m in d.mentions]
    assert any(m.extractor == "nested" for m in mentions)
    assert any(r.predicate == "holdsPost" for d in docs for r in d.relations)
    assert any(x.kind == "amount" for d in docs for x in d.measures)


@pytest.mark.parametrize("name", ["relations", "nested", "measures", "mentions"])
def test_a_disabled_component_adds_nothing(name):
    full = components.run([_doc()])
    less = components.run([_doc()], [name])
    got = {
        "relations": lambda ds: [r for d in ds for r in d.relations],
        "nested": lambda ds: [m for d in ds for m in d.mentions if m.extractor == "nested"],
        "measures": lambda ds: [x for d in ds for x in d.measures],
        "mentions": lambda ds: [m for d in ds for m in d.mentions],
    }[name]
    assert got(full) and not got(less)
    assert [d.article for d in less] == [d.article for d in full]  # the articles stay


def test_without_ner_the_model_is_not_asked(monkeypatch):
    from kg.extract.ner import learned

    def refuse(texts):
        raise AssertionError("the learned model ran")

    monkeypatch.setattr(learned, "tag", refuse)
    monkeypatch.setattr(learned, "spans", refuse)
    docs = components.run([_doc()], ["ner"])
    assert docs and all(d.model is None for d in docs)
    assert not any(m.extractor == "ner" for d in docs for m in d.mentions)
    assert any(m.cls == "Person" for d in docs for m in d.mentions)  # the rules still find people


def test_model_spans_are_carried_on_the_document(monkeypatch):
    """The model's spans go from ``ner`` to ``mentions`` on each article's document: two batches tagged one
    after the other keep their own (no module-level cache between them)."""
    from kg.extract.ner import learned

    def tag(texts):  # every 张三 and 李四 is a person
        return [[(m.start(), m.end(), "person") for m in re.finditer("张三|李四", t)] for t in texts]

    monkeypatch.setattr(learned, "_model", lambda: object())
    monkeypatch.setattr(learned, "tag", tag)
    state = _containers(learned)
    one = components.run([_doc("张三在长沙。\n")], ["rules"])
    two = components.run([_doc("李四在岳阳。\n")], ["rules"])
    assert {m.text for d in one for m in d.mentions if m.cls == "Person"} == {"张三"}
    assert {m.text for d in two for m in d.mentions if m.cls == "Person"} == {"李四"}
    assert _containers(learned) == state  # nothing was kept in the module between the batches


def _containers(module) -> dict:
    return {name: repr(value) for name, value in vars(module).items() if isinstance(value, (dict, list, set))}


def test_unknown_or_required_names_are_refused_in_one_line():
    with pytest.raises(components.UnknownComponent, match="the components are: normalise, segment, ner"):
        components.check(["nre"])
    with pytest.raises(components.UnknownComponent, match="cannot be disabled"):
        components.check(["segment"])
    assert components.check(("ner", "ner")) == {"ner"}


def test_cli_disable(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    full = runner.invoke(main, ["build", str(src), "-o", str(tmp_path / "full"), "--no-validate"])
    assert full.exit_code == 0, full.output
    less = runner.invoke(main, ["build", str(src), "-o", str(tmp_path / "less"), "--no-validate",
                                "--disable", "measures", "--disable", "relations", "--disable", "nested"])
    assert less.exit_code == 0, less.output
    whole = (tmp_path / "full" / "graph.nq").read_text(encoding="utf-8")
    part = (tmp_path / "less" / "graph.nq").read_text(encoding="utf-8")
    assert "measureKind" in whole and "measureKind" not in part
    assert "holdsPost" in whole and "holdsPost" not in part
    assert '"nested"' in whole and '"nested"' not in part
    assert "mentionOf" in part


def test_cli_unknown_component_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "o"), "--disable", "relation"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "'relation'" in lines[0] and "relations" in lines[0] and "measures" in lines[0]
    assert not (tmp_path / "o" / "graph.nq").exists()


def test_processes_get_the_disabled_set(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for n in range(24):  # more than one batch of 8: the process pool runs
            f.write(json.dumps({"title": f"第{n}条消息", "body": TEXT}, ensure_ascii=False) + "\n")
    result = pipeline.run([path], jobs=2, disable=["measures", "nested"])
    assert len(result.articles) == 24
    assert not any(result.measures.values())
    assert not any(m.extractor == "nested" for ms in result.mentions.values() for m in ms)
    assert any(result.relations.values())
