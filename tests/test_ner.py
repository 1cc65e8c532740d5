"""kg.extract.ner.network and scripts/convert_ner.py: protobuf reader, conversion and network code on tiny hand-made models
(always), the shipped model when present."""

from __future__ import annotations

import importlib.util
import json
import struct
import zipfile
from pathlib import Path

import pytest

from kg.extract.ner import network as ner

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "convert_ner.py"
_spec = importlib.util.spec_from_file_location("convert_ner", _SCRIPT)
convert_ner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(convert_ner)

# ---------------------------------------------------------------- a tiny protobuf writer for test graphs


def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative ints are 10-byte two's complement, as protobuf writes them
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _len(field: int, payload: bytes) -> bytes:
    return _key(field, 2) + _varint(len(payload)) + payload


def _int(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _tensor(dtype: int, shape, *, content: bytes | None = None, fields: bytes = b"") -> bytes:
    dims = b"".join(_len(2, _int(1, d)) for d in shape)
    body = _int(1, dtype) + _len(2, dims) + fields
    if content is not None:
        body += _len(4, content)
    return body


def _node(name: str, op: str, inputs=(), tensor: bytes | None = None) -> bytes:
    body = _len(1, name.encode()) + _len(2, op.encode())
    body += b"".join(_len(3, i.encode()) for i in inputs)
    body += _len(5, _len(1, b"dtype") + _len(2, _int(6, 1)))  # an attr that is not the value
    if tensor is not None:
        body += _len(5, _len(1, b"value") + _len(2, _len(8, tensor)))
    return _len(1, body)


def _const(name: str, array) -> bytes:
    import numpy as np

    array = np.asarray(array, dtype=np.float32)
    return _node(name, "Const", tensor=_tensor(1, array.shape, content=array.tobytes()))


# ---------------------------------------------------------------- the reader


def test_read_graph_decodes_nodes_and_every_value_encoding():
    np = pytest.importorskip("numpy")
    graph = b"".join(
        [
            _node("x", "Placeholder"),
            _const("w", [[1.5, -2.0, 3.0], [0.0, 4.25, -1.0]]),  # tensor_content
            _node("fill", "Const", tensor=_tensor(1, [2, 2], fields=_len(5, struct.pack("<f", 0.5)))),  # packed
            _node("one", "Const", tensor=_tensor(1, [], fields=_key(5, 5) + struct.pack("<f", 1.0))),  # unpacked
            _node("neg", "Const", tensor=_tensor(3, [2], fields=_len(7, _varint(-1) + _varint(7)))),
            _node("big", "Const", tensor=_tensor(9, [], fields=_int(10, 1 << 40))),
            _node("s", "Const", tensor=_tensor(7, [], fields=_len(8, b"hello"))),
            _node("y", "MatMul", inputs=["x", "w"]),
            _int(3, 27),  # GraphDef.version, ignored
        ]
    )
    nodes, consts = convert_ner.read_graph(graph)
    assert nodes["y"] == ("MatMul", ["x", "w"])
    assert nodes["x"] == ("Placeholder", [])
    assert set(consts) == {"w", "fill", "one", "neg", "big", "s"}
    assert consts["w"].dtype == np.float32 and consts["w"].shape == (2, 3)
    assert consts["w"].tolist() == [[1.5, -2.0, 3.0], [0.0, 4.25, -1.0]]
    assert consts["fill"].tolist() == [[0.5, 0.5], [0.5, 0.5]]  # one value repeated over the shape
    assert float(consts["one"]) == 1.0 and consts["one"].shape == ()
    assert consts["neg"].tolist() == [-1, 7] and consts["neg"].dtype == np.int32
    assert int(consts["big"]) == 1 << 40
    assert consts["s"] == [b"hello"]


def test_read_graph_rejects_bad_bytes():
    with pytest.raises(ValueError):
        convert_ner.read_graph(_len(1, _len(1, b"abc"))[:-1])  # truncated
    with pytest.raises(ValueError):
        convert_ner.read_graph(_key(1, 3) + b"\x00")  # group wire types are not used by GraphDef


# ---------------------------------------------------------------- text helpers


def test_spans_from_tags_bmes_and_bio():
    tags = ["B_person", "M_person", "E_person", "O", "S_location", "S_location", "B_org", "E_org"]
    assert ner.spans_from_tags(tags) == [(0, 3, "person"), (4, 5, "location"), (5, 6, "location"), (6, 8, "org")]
    assert ner.spans_from_tags(["B-ORG", "I-ORG", "O", "B-LOC"]) == [(0, 2, "ORG"), (3, 4, "LOC")]
    # lenient: a run without its E, or a type change inside a run, still gives spans
    assert ner.spans_from_tags(["B_org", "M_org", "O"]) == [(0, 2, "org")]
    assert ner.spans_from_tags(["B_org", "E_company", "M_time"]) == [(0, 1, "org"), (1, 2, "company"), (2, 3, "time")]
    assert ner.spans_from_tags([]) == []


def test_split_sentences_keeps_punctuation_and_caps_length():
    text = "第一句话。第二句！\n\n  第三行没有句号\n" + "很长的一段，" * 60 + "结束。"
    pieces = ner.split_sentences(text, max_len=50)
    assert [text[s:e] for s, e in pieces[:2]] == ["第一句话。第二句！\n", "  第三行没有句号\n"]  # lines apart
    assert all(e - s <= 50 for s, e in pieces)
    assert all(text[e - 1] in "，。！\n" for s, e in pieces)  # long sentence cut after commas
    covered = "".join(text[s:e] for s, e in pieces)
    assert covered.replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert ner.split_sentences("") == [] and ner.split_sentences(" \n ") == []
    assert ner.split_sentences("一二三四五六", max_len=4) == [(0, 4), (4, 6)]  # hard cut without commas
    assert ner.split_sentences("第一句话。第二句！", max_len=6) == [(0, 5), (5, 9)]  # sentences kept whole


# ---------------------------------------------------------------- locating the model


def test_missing_model_is_reported_clearly(tmp_path, monkeypatch):
    monkeypatch.setenv(ner.ENV_VAR, str(tmp_path / "nowhere"))
    assert ner.available() is False
    with pytest.raises(ner.ModelNotFound, match="nowhere.*ships the model converted from foolnltk"):
        ner.load()
    with pytest.raises(ner.ModelNotFound, match="ner.npz"):
        ner.find_model(tmp_path)  # a folder without ner.npz


def test_the_model_ships_with_kg(monkeypatch):
    monkeypatch.delenv(ner.ENV_VAR, raising=False)
    path = ner.find_model()
    assert path.name == "ner.npz" and path.parent.name == "ner_model" and "kg" in path.parts
    assert 2_000_000 < path.stat().st_size < 5_000_000


def test_unreadable_model_names_the_file(tmp_path):
    (tmp_path / "ner.npz").write_bytes(b"\xff\xff\xff")
    with pytest.raises(ner.ModelError, match=r"ner\.npz"):
        ner.Model(tmp_path / "ner.npz")
    (tmp_path / "ner.pb").write_bytes(b"\xff\xff\xff")
    _write_map(tmp_path, ["<PAD>", "<OOV>"], ["O"])
    with pytest.raises(ValueError, match=r"ner\.pb"):
        convert_ner.convert(tmp_path / "ner.pb", tmp_path / "out.npz")


# ---------------------------------------------------------------- the network on a tiny synthetic model

TAGS = ["O", "B_person", "E_person", "S_location"]
CHARS = ["<PAD>", "<OOV>", "</s>", "甲", "乙", "丙", "，"]


def _write_map(folder, chars, tags):
    maps = {"char_map": {c: i for i, c in enumerate(chars)}, "ner_map": {str(i): t for i, t in enumerate(tags)}}
    with zipfile.ZipFile(folder / "map.zip", "w") as z:
        z.writestr("all_map.json", json.dumps(maps, ensure_ascii=False))


def _tiny_model(folder, seed=0, trans=None, emit_zero=False):
    """Same tensor names as FoolNLTK's ner.pb, tiny sizes: char dim 3, LSTM 2, hidden 2, 4 tags."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    dim, lstm, hid, n = 3, 2, 2, len(TAGS)
    parts = [_const("Const_1", np.zeros((1, dim))), _const("char_embeding", rng.normal(size=(len(CHARS), dim)))]
    for d in ("fw", "bw"):
        cell = f"char_bilstm/bidirectional_rnn/{d}/basic_lstm_cell/"
        parts.append(_const(cell + "kernel", rng.normal(size=(dim + lstm, 4 * lstm))))
        parts.append(_const(cell + "bias", rng.normal(size=4 * lstm)))
        parts.append(_const(f"char_bilstm/bidirectional_rnn/{d}/{d}/while/{d}/basic_lstm_cell/add/y", 1.0))
    scale = 0.0 if emit_zero else 1.0
    parts.append(_const("project/hidden/w_tanh", rng.normal(size=(2 * lstm, hid))))
    parts.append(_const("project/hidden/b_tanh", rng.normal(size=hid)))
    parts.append(_const("project/output/w_out", scale * rng.normal(size=(hid, n))))
    parts.append(_const("project/output/b_out", scale * rng.normal(size=n)))
    parts.append(_const("crf_loss/transitions", rng.normal(size=(n + 1, n + 1)) if trans is None else trans))
    (folder / "ner.pb").write_bytes(b"".join(parts))
    _write_map(folder, CHARS, TAGS)
    convert_ner.convert(folder / "ner.pb", folder / "ner.npz")
    return ner.Model(folder / "ner.npz")


def test_tiny_model_follows_crf_transitions(tmp_path):
    np = pytest.importorskip("numpy")
    trans = np.full((5, 5), -10.0)
    trans[4, 1] = trans[1, 2] = trans[2, 1] = 5.0  # start -> B, B -> E, E -> B
    model = _tiny_model(tmp_path, trans=trans, emit_zero=True)
    assert model.tag("甲乙丙甲") == ["B_person", "E_person", "B_person", "E_person"]
    assert model.entities("甲乙 丙甲") == [(0, 2, "person"), (3, 5, "person")]  # space skipped, offsets kept
    assert model.tag("甲乙 丙甲")[2] == "O"
    assert model.tag("甲 乙") == ["B_person", "M_person", "E_person"]  # whitespace inside an entity continues it
    assert model.entities("甲 乙") == [(0, 3, "person")]
    assert model.entities("") == [] and model.tag("") == []


def test_padding_does_not_change_results(tmp_path):
    np = pytest.importorskip("numpy")
    model = _tiny_model(tmp_path, seed=3)
    seqs = [[3, 4, 5, 3, 4, 6, 5], [5], [4, 3, 1, 6]]
    lengths = np.array([len(s) for s in seqs])
    ids = np.zeros((3, 7), dtype=np.int64)
    for r, s in enumerate(seqs):
        ids[r, : len(s)] = s
    together = model._logits(ids, lengths)
    for r, s in enumerate(seqs):
        alone = model._logits(np.array([s]), np.array([len(s)]))[0]
        np.testing.assert_allclose(together[r, : len(s)], alone, rtol=1e-5, atol=1e-5)
    assert model._decode(seqs) == [model._decode([s])[0] for s in seqs]


def test_batch_matches_one_by_one_and_maps_long_texts(tmp_path):
    model = _tiny_model(tmp_path, seed=5)
    long = "甲乙丙" * 150  # 450 chars without punctuation: cut into pieces of MAX_LEN
    texts = ["甲乙，丙。", long, "", "乙丙甲乙丙\n甲 乙"]
    assert model.batch(texts) == [model.entities(t) for t in texts]
    assert len(model.tag(long)) == len(long)
    for s, e, _ in model.entities(long):
        assert 0 <= s < e <= len(long)


def test_load_is_cached(tmp_path):
    _tiny_model(tmp_path)
    assert ner.load(tmp_path) is ner.load(tmp_path / "ner.npz")


def test_conversion_is_deterministic_and_keeps_the_weights(tmp_path):
    np = pytest.importorskip("numpy")
    _tiny_model(tmp_path, seed=7)
    first = (tmp_path / "ner.npz").read_bytes()
    convert_ner.convert(tmp_path / "ner.pb", tmp_path / "again.npz")
    assert (tmp_path / "again.npz").read_bytes() == first
    _, consts = convert_ner.read_graph((tmp_path / "ner.pb").read_bytes())
    with np.load(tmp_path / "ner.npz") as w:
        assert w["chars"].tolist() == CHARS and w["tags"].tolist() == TAGS
        for key, name in convert_ner.WEIGHTS.items():
            assert np.array_equal(w[key], consts[name]), key
        assert np.array_equal(w["emb"][1:], consts["char_embeding"])


# ---------------------------------------------------------------- the real model (skipped when not installed)


@pytest.fixture(scope="module")
def real():
    if not ner.available():
        pytest.skip("NER model file kg/extract/ner/ner_model/ner.npz absent")
    return ner.load()


def _found(model, text):
    return {(text[s:e], t) for s, e, t in model.entities(text)}


def test_real_model_finds_people_orgs_places(real):
    text = "王小明昨天在上海市浦东新区参加了华为技术有限公司举办的发布会。"
    found = _found(real, text)
    assert {("王小明", "person"), ("上海市浦东新区", "location"), ("华为技术有限公司", "company")} <= found
    text = "2024年3月5日，湖北省武汉市人民政府召开常务会议，市长张伟主持。"
    found = _found(real, text)
    assert {("湖北省武汉市人民政府", "org"), ("张伟", "person"), ("市长", "job")} <= found
    assert {t for _, t in found} <= set(ner.LABELS)


def test_real_model_tags_every_character(real):
    text = "清华大学和北京大学的学生在天安门广场参观。"
    tags = real.tag(text)
    assert len(tags) == len(text)
    assert tags[:4] == ["B_org", "M_org", "M_org", "E_org"]
    assert ("天安门广场", "location") in _found(real, text)


def test_real_model_long_text_and_batch(real):
    sentence = "国务院总理李强今天在北京会见了来访的法国总统马克龙，双方就两国关系交换了意见"
    long = "，".join([sentence] * 12) + "。"  # > MAX_LEN, one sentence
    spans = real.entities(long)
    assert sum(long[s:e] == "李强" for s, e, _ in spans) >= 10
    assert real.batch([long, "", sentence]) == [spans, [], real.entities(sentence)]


def test_lstm_steps_are_bit_for_bit_the_plain_formula():
    """Model._lstm (rows sorted by length, each step written into buffers made once) gives exactly the floats of the
    step formula written plainly (a new array for each operation, the rows still running only): the model's tags
    must not move by a bit when its loop is made faster."""
    np = pytest.importorskip("numpy")
    try:
        model = ner.load()
    except ner.ModelNotFound:
        pytest.skip("the shipped NER model is not installed")
    rng = np.random.default_rng(7)
    lengths = np.sort(rng.integers(1, 40, size=23))
    ids = np.zeros((len(lengths), int(lengths.max())), dtype=np.int64)
    for r, length in enumerate(lengths):
        ids[r, :length] = rng.integers(1, len(model.char_to_id), size=length)
    n = model.hidden
    for direction in (0, 1):
        table, w_h, forget_bias = model.dirs[direction]
        x = table[ids]
        h = np.zeros((len(ids), n), np.float32)
        c = np.zeros_like(h)
        plain = np.zeros((len(ids), ids.shape[1], n), np.float32)
        for t in range(ids.shape[1]):
            k = int(np.searchsorted(lengths, t, side="right"))
            z = x[k:, t] + h[k:] @ w_h
            i, j, f, o = z[:, :n], z[:, n:2 * n], z[:, 2 * n:3 * n] + forget_bias, z[:, 3 * n:]
            c[k:] = c[k:] * ner._sigmoid(f) + ner._sigmoid(i) * np.tanh(j)
            h[k:] = np.tanh(c[k:]) * ner._sigmoid(o)
            plain[k:, t] = h[k:]
        fast = model._lstm(ids, lengths, direction)
        assert fast.dtype == np.float32 and fast.shape == plain.shape
        assert np.array_equal(fast.view(np.uint32), plain.view(np.uint32))


def test_viterbi_is_a_plain_crf_decode_with_first_best_on_ties(tmp_path):
    """Model._viterbi against the CRF decode written out in Python floats (the same float64 sums; a tie goes to the
    first previous tag, as numpy's argmax): small whole-number scores make many ties."""
    np = pytest.importorskip("numpy")
    model = _tiny_model(tmp_path, seed=11)
    rng = np.random.default_rng(11)
    n = len(TAGS)
    model.trans = rng.integers(-2, 3, size=(n + 1, n + 1)).astype(np.float64)
    lengths = np.array([1, 2, 5, 5, 9])
    logits = rng.integers(-3, 4, size=(len(lengths), 9, n)).astype(np.float32)

    def plain(row, length):
        trans = model.trans.tolist()
        score = [trans[n][j] + float(logits[row, 0, j]) for j in range(n)]
        back = []
        for t in range(1, length):
            best = [max(range(n), key=lambda i: (score[i] + trans[i][j], -i)) for j in range(n)]
            back.append(best)
            score = [score[best[j]] + trans[best[j]][j] + float(logits[row, t, j]) for j in range(n)]
        path = [max(range(n), key=lambda j: (score[j], -j))]
        for best in reversed(back):
            path.append(best[path[-1]])
        return path[::-1]

    assert model._viterbi(logits.copy(), lengths) == [plain(r, int(length)) for r, length in enumerate(lengths)]


def test_unknown_characters_are_read_by_their_nfkc_form_else_oov(tmp_path):
    model = _tiny_model(tmp_path)
    ids = model._ids(["甲", "\u2f04", "丁", "丙"])  # ⼄ (a Kangxi radical) is 乙 by NFKC; 丁 is not in the map
    assert ids == [CHARS.index("甲"), CHARS.index("乙"), 1, CHARS.index("丙")]
