"""Convert FoolNLTK 0.1.7's NER model (a frozen TensorFlow 1 GraphDef ``ner.pb`` + ``map.zip``) into the
compact ``kg/extract/ner/ner_model/ner.npz`` that :mod:`kg.extract.ner.network` loads.

    pip install --no-deps foolnltk==0.1.7          # only to run this script; kg itself never needs it
    python scripts/convert_ner.py                  # finds <sys.prefix>/fool/ner.pb, writes kg/extract/ner/ner_model/ner.npz
    python scripts/convert_ner.py path/to/ner.pb -o out.npz

The GraphDef is read with a small protobuf wire-format reader (no TensorFlow, no protobuf package). Only the
weights the network needs are kept, unchanged (float32; the embedding with its padding row prepended), with the
character vocabulary (``chars[i]`` has id ``i``) and the tag list (``tags[i]`` is tag ``i``). The output is
deterministic: the same ``ner.pb`` gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

__all__ = ["read_graph", "convert", "WEIGHTS"]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "kg" / "extract" / "ner" / "ner_model" / "ner.npz"

_CELL = "char_bilstm/bidirectional_rnn/{0}/basic_lstm_cell/{1}"
_FORGET = "char_bilstm/bidirectional_rnn/{0}/{0}/while/{0}/basic_lstm_cell/add/y"
#: npz key -> tensor name in FoolNLTK's ner.pb (``emb`` is Const_1 + char_embeding, see :func:`convert`)
WEIGHTS = {
    **{f"{d}_{part}": _CELL.format(d, part) for d in ("fw", "bw") for part in ("kernel", "bias")},
    **{f"{d}_forget_bias": _FORGET.format(d) for d in ("fw", "bw")},
    "w_tanh": "project/hidden/w_tanh",
    "b_tanh": "project/hidden/b_tanh",
    "w_out": "project/output/w_out",
    "b_out": "project/output/b_out",
    "transitions": "crf_loss/transitions",
}

# ---------------------------------------------------------------- protobuf wire format (GraphDef subset)

_DTYPES = {1: "<f4", 2: "<f8", 3: "<i4", 4: "u1", 5: "<i2", 6: "i1", 9: "<i8", 10: "?"}  # TF DataType enum
_VAL_FIELDS = {5: "f", 6: "d", 7: "i", 10: "i", 11: "i"}  # TensorProto float/double/int/int64/bool_val


def _varint(buf, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, i
        shift += 7


def _fields(buf):
    """Yield (field number, wire type, value) of one message; value is int or a memoryview."""
    i, n = 0, len(buf)
    while i < n:
        key, i = _varint(buf, i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            val, i = _varint(buf, i)
        elif wire == 2:
            size, i = _varint(buf, i)
            val = buf[i : i + size]
            i += size
        elif wire == 5:
            val = buf[i : i + 4]
            i += 4
        elif wire == 1:
            val = buf[i : i + 8]
            i += 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire} at byte {i}")
        if i > n:
            raise ValueError("truncated protobuf message")
        yield num, wire, val


def _scalars(kind: str, wire: int, val) -> list:
    """Decode one repeated scalar field entry, packed (wire 2) or not."""
    if kind in "fd":
        size = 4 if kind == "f" else 8
        raw = bytes(val) if wire != 0 else b""
        return list(struct.unpack(f"<{len(raw) // size}{kind}", raw))
    if wire == 0:
        ints = [val]
    else:
        ints, j = [], 0
        while j < len(val):
            v, j = _varint(val, j)
            ints.append(v)
    return [v - (1 << 64) if v >= 1 << 63 else v for v in ints]


def _tensor(buf):
    """TensorProto -> numpy array (numeric dtypes; DT_STRING as a list of bytes)."""
    import numpy as np

    dtype, shape, content, values, strings = 1, [], None, [], []
    for num, wire, val in _fields(buf):
        if num == 1:
            dtype = val
        elif num == 2:  # TensorShapeProto: repeated Dim dim = 2 { int64 size = 1 }
            for f, _, dim in _fields(val):
                if f == 2:
                    shape.append(next((s for g, _, s in _fields(dim) if g == 1), 0))
        elif num == 4:
            content = bytes(val)
        elif num == 8:
            strings.append(bytes(val))
        elif num in _VAL_FIELDS:
            values.extend(_scalars(_VAL_FIELDS[num], wire, val))
    if dtype == 7:
        return strings
    if dtype not in _DTYPES:
        raise ValueError(f"unsupported tensor dtype {dtype}")
    size = int(np.prod(shape)) if shape else 1
    if content is not None:
        arr = np.frombuffer(content, dtype=_DTYPES[dtype]).copy()
    elif values:  # TF rule: fewer values than elements -> the last one is repeated
        arr = np.array(values + values[-1:] * (size - len(values)), dtype=_DTYPES[dtype])
    else:
        arr = np.zeros(size, dtype=_DTYPES[dtype])
    if arr.size != size:
        raise ValueError(f"tensor has {arr.size} values for shape {shape}")
    return arr.reshape(shape)


def read_graph(data: bytes) -> tuple[dict[str, tuple[str, list[str]]], dict]:
    """Parse a serialized TensorFlow GraphDef.

    Returns ``(nodes, consts)``: ``nodes[name] = (op, inputs)`` for every node and ``consts[name]`` = the
    numpy value of every ``Const`` node. Only the fields needed for that are decoded.
    """
    nodes, consts = {}, {}
    for num, _, node in _fields(memoryview(data)):
        if num != 1:  # GraphDef.node = 1
            continue
        name, op, inputs, value = "", "", [], None
        for f, _, val in _fields(node):  # NodeDef: name 1, op 2, input 3, attr 5 (map entry: key 1, value 2)
            if f == 1:
                name = bytes(val).decode()
            elif f == 2:
                op = bytes(val).decode()
            elif f == 3:
                inputs.append(bytes(val).decode())
            elif f == 5:
                entry = dict((g, v) for g, _, v in _fields(val))
                if bytes(entry.get(1, b"")) == b"value":
                    value = next((t for g, _, t in _fields(entry.get(2, b"")) if g == 8), None)  # AttrValue.tensor
        nodes[name] = (op, inputs)
        if op == "Const" and value is not None:
            consts[name] = _tensor(value)
    return nodes, consts


# ---------------------------------------------------------------- conversion


def _foolnltk_model() -> Path:
    """``ner.pb`` of the installed foolnltk package (its data files land in ``<prefix>/fool/``)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("foolnltk")
    except PackageNotFoundError:
        sys.exit("error: foolnltk is not installed: pip install --no-deps foolnltk==0.1.7 (or give ner.pb)")
    for f in dist.files or ():
        if f.name == "ner.pb":
            return Path(str(dist.locate_file(f))).resolve()
    sys.exit("error: the installed foolnltk has no ner.pb")


def convert(pb: Path, out: Path) -> dict[str, object]:
    """Write the ``.npz`` of the model at ``pb`` (``map.zip`` beside it) to ``out``; returns a summary."""
    import numpy as np

    try:
        data = pb.read_bytes()
        _, c = read_graph(data)
        with zipfile.ZipFile(pb.parent / "map.zip") as z:
            maps = json.loads(z.read("all_map.json").decode("utf-8"))
        char_map, ner_map = maps["char_map"], maps["ner_map"]
        chars = sorted(char_map, key=char_map.__getitem__)
        if [char_map[ch] for ch in chars] != list(range(len(chars))):
            raise ValueError("char_map ids are not 0..n-1")
        arrays = {"emb": np.concatenate([c["Const_1"], c["char_embeding"]]).astype(np.float32)}  # row 0 = padding
        for key, name in WEIGHTS.items():
            arrays[key] = np.asarray(c[name], dtype=np.float32)
        arrays["chars"] = np.array(chars, dtype=str)
        arrays["tags"] = np.array([ner_map[str(i)] for i in range(len(ner_map))], dtype=str)
    except (OSError, KeyError, ValueError, IndexError, zipfile.BadZipFile, UnicodeDecodeError) as e:
        raise ValueError(f"{pb}: not a readable FoolNLTK NER model ({type(e).__name__}: {e})") from e
    arrays["source"] = np.array(f"foolnltk 0.1.7 ner.pb sha256 {hashlib.sha256(data).hexdigest()}")
    buf = io.BytesIO()
    # np.savez_compressed stamps the current time into the zip: write the members ourselves, fixed date
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for key in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.asarray(arrays[key], order="C"), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, member.getvalue(), compresslevel=9)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(out)
    return {"out": str(out), "bytes": out.stat().st_size, "chars": len(arrays["chars"]), "tags": len(arrays["tags"])}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pb", nargs="?", type=Path, help="ner.pb (map.zip beside it); default: the installed foolnltk")
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    try:
        summary = convert(args.pb or _foolnltk_model(), args.out)
    except ValueError as e:
        sys.exit(f"error: {e}")
    print(f"wrote {summary['out']}: {summary['bytes']:,} bytes, {summary['chars']} characters, {summary['tags']} tags")


if __name__ == "__main__":
    main()
