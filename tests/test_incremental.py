"""A build added to a store holds what building everything at once holds (kg.store.incremental)."""

import gzip
import itertools
import json
from collections import Counter, defaultdict

import pytest

from kg import pipeline
from kg.store import oxigraph as store

KG = "https://w3id.org/kgnews/ontology#"
ENTITIES = f"""SELECT ?e ?l ?t ?n WHERE {{ GRAPH ?g {{ ?e <{KG}mentionCount> ?n ; a ?t ;
    <http://www.w3.org/2000/01/rdf-schema#label> ?l }} FILTER (STRSTARTS(STR(?t), "{KG}")) }}"""
MENTIONS = f"SELECT ?m ?e WHERE {{ GRAPH ?g {{ ?m <{KG}mentionOf> ?e }} }}"


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _build(paths, db):
    pipeline.write_store(pipeline.run(paths), db)


def _entities(db):
    s = store.open_store(db, read_only=True)
    return [(r["e"].value, r["l"].value, r["t"].value[len(KG):], int(r["n"].value)) for r in s.query(ENTITIES)]


@pytest.fixture
def gas(tmp_path):
    """Two invented stories naming one company by two forms (the legal suffix differs)."""
    a = _write(tmp_path / "a.jsonl", [{"title": "湘江燃气有限公司扩建管网", "date": "2026-03-01",
                                       "body": "湘江燃气有限公司今天宣布扩建城区燃气管网，工程年底完工。"}])
    b = _write(tmp_path / "b.jsonl", [{"title": "湘江燃气股份有限公司开展安全检查", "date": "2026-03-05",
                                       "body": "湘江燃气股份有限公司近日开展冬季安全检查，走访用户三千户。"}])
    return a, b


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_later_build_joins_the_entity_the_store_holds(gas, tmp_path, order):
    a, b = gas
    _build([a, b], tmp_path / "once")
    first, second = (a, b) if order == "ab" else (b, a)
    _build([first], tmp_path / "db")
    _build([second], tmp_path / "db")
    once = [e for e in _entities(tmp_path / "once") if e[2] == "Enterprise"]
    added = [e for e in _entities(tmp_path / "db") if e[2] == "Enterprise"]
    assert len(once) == 1 and len(added) == 1  # one node, one label, one class, as built at once
    assert once[0][1:] == added[0][1:] == ("湘江燃气股份有限公司", "Enterprise", once[0][3])
    s = store.open_store(tmp_path / "db", read_only=True)
    alts = {r[0].value for r in s.query(f"SELECT ?a WHERE {{ GRAPH ?g {{ <{added[0][0]}> "
                                        "<http://www.w3.org/2004/02/skos/core#altLabel> ?a } }")}
    assert alts == {"湘江燃气有限公司"}
    if order == "ba":  # the first build named it by the longer form: the IRI is the one building at once gives
        assert added[0][0] == once[0][0]


def _counts_agree(db) -> None:
    """Every entity's kg:mentionCount (one value) is the number of its mentions in the store."""
    s = store.open_store(db, read_only=True)
    stated = Counter(r[0].value for r in s.query(f"SELECT ?e WHERE {{ GRAPH ?g {{ ?e <{KG}mentionCount> ?n }} }}"))
    counted = {r[0].value: int(r[1].value) for r in s.query(
        f"SELECT ?e (COUNT(DISTINCT ?m) AS ?c) WHERE {{ GRAPH ?h {{ ?m <{KG}mentionOf> ?e }} }} GROUP BY ?e")}
    values = {r[0].value: int(r[1].value) for r in s.query(f"SELECT ?e ?n WHERE {{ GRAPH ?g {{ ?e <{KG}mentionCount> ?n }} }}")}
    assert set(stated.values()) == {1}
    assert values == {e: counted.get(e, 0) for e in values}


def _stats_agree(db) -> None:
    """The kg stats tally the builds kept up to date beside the store is what counting the store again gives."""
    from kg.analysis import counts

    assert counts.version(db) is not None  # kept, and for this version of the store
    s = store.open_store(db, read_only=True)
    assert counts.cached(db, s, top=None) == counts.stats(s, top=None)


def test_rebuilding_the_first_file_keeps_the_joined_node(gas, tmp_path):
    a, b = gas
    for paths in ([a], [b], [a]):
        _build(paths, tmp_path / "db")
        _counts_agree(tmp_path / "db")
        _stats_agree(tmp_path / "db")
    assert len([e for e in _entities(tmp_path / "db") if e[2] == "Enterprise"]) == 1


def test_an_empty_store_changes_nothing(gas, tmp_path):
    from kg.store import incremental

    result = pipeline.run([gas[0]])
    linked, relabel = incremental.reconcile(result.linked, tmp_path / "none", result.base)
    assert linked is result.linked and relabel == []


def _corpus_slices(tmp_path, sizes):
    from kg.eval.realgold import find_corpus

    corpus = find_corpus()
    if corpus is None:
        pytest.skip("no corpus in ../shared")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, 30000, 30000 + sum(sizes)))
    paths, at = [], 0
    for n, size in enumerate(sizes):
        p = tmp_path / f"slice{n}.jsonl"
        p.write_text("".join(lines[at:at + size]), encoding="utf-8")
        paths.append(p)
        at += size
    return paths


def test_corpus_slices_added_one_by_one_match_one_build(tmp_path):
    """Real stories: a store built slice by slice has the entities of the store built at once, all but a few."""
    paths = _corpus_slices(tmp_path, [60, 30])
    _build(paths, tmp_path / "once")
    for p in paths:
        _build([p], tmp_path / "db")
    _build([paths[0]], tmp_path / "db")  # the first slice again: its articles replaced, counts kept right
    _counts_agree(tmp_path / "db")
    _stats_agree(tmp_path / "db")
    once, added = _entities(tmp_path / "once"), _entities(tmp_path / "db")
    assert abs(len(added) - len(once)) <= 0.01 * len(once)
    labels = lambda es: Counter((e[1], e[2]) for e in es)  # noqa: E731
    assert sum((labels(added) - labels(once)).values()) <= 0.01 * len(once)  # few nodes a build-at-once lacks
    s1, s2 = (store.open_store(tmp_path / d, read_only=True) for d in ("once", "db"))
    m1 = {r[0].value: r[1].value for r in s1.query(MENTIONS)}
    m2 = {r[0].value: r[1].value for r in s2.query(MENTIONS)}
    assert m1.keys() == m2.keys()
    # the same partition of the mentions into entities (IRIs may differ: the first build names a node)
    ys, xs = defaultdict(set), defaultdict(set)
    for m in m1:
        ys[m1[m]].add(m2[m])
        xs[m2[m]].add(m1[m])
    same = sum(1 for m in m1 if ys[m1[m]] == {m2[m]} and xs[m2[m]] == {m1[m]})
    assert same >= 0.99 * len(m1)
