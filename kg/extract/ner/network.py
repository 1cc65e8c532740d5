"""Learned Chinese NER: FoolNLTK's character BiLSTM-CRF, run in numpy without TensorFlow.

The weights ship with kg as ``kg/extract/ner/ner_model/ner.npz`` (about 3 MB), converted once from the ``foolnltk`` 0.1.7
package's frozen TensorFlow graph (``ner.pb`` + ``map.zip``) by ``scripts/convert_ner.py``; provenance and
licence in ``kg/extract/ner/ner_model/README.md``. The network is redone in numpy: char embedding -> BiLSTM (2 x 100, TF
``BasicLSTMCell``) -> tanh hidden layer -> tag scores -> CRF Viterbi with the learned transition matrix
(row/column 25 is the start tag).

``KG_NER_MODEL`` may point at another converted ``ner.npz`` (or a directory holding one). Nothing is downloaded;
without the file :func:`available` is False and the rest of kg keeps working (rule-based extraction).

Tags are BMES (``B_x``, ``M_x``, ``E_x``, ``S_x``, ``O``); entity types are the model's own labels,
see :data:`LABELS`. Offsets are character offsets into the text given, ``end`` exclusive.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import sys
import unicodedata
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import cast

from kg.util.sentences import sentences

__all__ = [
    "LABELS",
    "ENV_VAR",
    "MAX_LEN",
    "ModelError",
    "ModelNotFound",
    "Model",
    "available",
    "find_model",
    "load",
    "split_sentences",
    "spans_from_tags",
]

log = logging.getLogger(__name__)

#: The model's entity labels (the tag names' suffixes) and what they were seen to cover.
LABELS = {
    "person": "person names",
    "org": "organisations other than companies: government bodies, schools, parties, teams, media",
    "company": "companies and other businesses",
    "location": "places: countries, regions, cities, addresses, landmarks",
    "time": "dates and times",
    "job": "job titles and posts",
}
MAX_LEN = 200  # longest piece fed to the LSTM; longer sentences are cut at commas, then hard
MODEL_DIR, MODEL_FILE = "ner_model", "ner.npz"
ENV_VAR = "KG_NER_MODEL"
INSTALL_HINT = (f"kg ships the model converted from foolnltk 0.1.7 as kg/{MODEL_DIR}/{MODEL_FILE}: reinstall kg, "
                f"or set {ENV_VAR} to a file written by scripts/convert_ner.py")

_SOFT_BREAK = "，,、：:"


class ModelNotFound(FileNotFoundError):
    """The NER model files are not installed (or not where KG_NER_MODEL says)."""


class ModelError(ValueError):
    """The model file exists but cannot be read as the expected network."""


# ---------------------------------------------------------------- locating the model


def _packaged() -> Path:
    return Path(str(files(__package__).joinpath(MODEL_DIR, MODEL_FILE)))


def find_model(path: str | os.PathLike | None = None) -> Path:
    """Path of the converted model (``ner.npz``): ``path``, else ``$KG_NER_MODEL``, else the one shipped with kg.

    ``path`` and ``$KG_NER_MODEL`` may name the file or a directory holding ``ner.npz``. Nothing is downloaded.
    Raises :class:`ModelNotFound` with a message naming what was looked for.
    """
    given = path if path is not None else os.environ.get(ENV_VAR) or None
    npz = Path(given).expanduser() if given is not None else _packaged()
    if npz.is_dir():
        npz = npz / MODEL_FILE
    if npz.is_file():
        return npz
    where = str(given) if path is not None else f"{ENV_VAR}={given}" if given is not None else str(npz)
    raise ModelNotFound(f"NER model not found: {where}; {INSTALL_HINT}")


def available() -> bool:
    """True if the NER model file and numpy can be found (nothing is loaded)."""
    try:
        find_model()
    except ModelNotFound:
        return False
    return importlib.util.find_spec("numpy") is not None


@functools.lru_cache(maxsize=4)
def _load(npz: Path) -> Model:
    model = Model(npz)
    log.info("NER model loaded from %s", npz)
    return model


def load(path: str | os.PathLike | None = None) -> Model:
    """The model at ``path`` (file or directory), else as found by :func:`find_model`; cached."""
    return _load(find_model(path).resolve())


# ---------------------------------------------------------------- text pieces and tags


def split_sentences(text: str, max_len: int = MAX_LEN) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of at most ``max_len`` characters, for the tagger.

    Each line is cut into sentences (after 。！？；), and consecutive sentences of a line are put back together
    while they fit in ``max_len`` (the model sees whole sentences with their context). A sentence over ``max_len``
    is cut after the last comma-like mark that fits, else hard. Blank pieces are dropped.
    """
    out = []
    for start, end in sentences(text, runs=True, closing=True):
        while end - start > max_len:
            cut = max((text.rfind(c, start, start + max_len) for c in _SOFT_BREAK), default=-1)
            cut = cut + 1 if cut > start else start + max_len
            out.append((start, cut))
            start = cut
        if end <= start:
            continue
        prev = out[-1] if out else None
        if prev and prev[1] == start and end - prev[0] <= max_len and text[start - 1] != "\n":
            out[-1] = (prev[0], end)
        else:
            out.append((start, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) runs of BMES (or BIO/BIOES) tags. Lenient: a run missing its B or E still counts."""
    return _spans_from_parts([_tag_parts(tag) for tag in tags])


def _tag_parts(tag: str) -> tuple[str, str]:
    """A tag's position letter and type: B_person -> (B, person), I-ORG -> (I, ORG), O -> (O, "")."""
    pos, _, typ = tag.replace("-", "_").partition("_")
    return pos, typ


def _spans_from_parts(parts: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """:func:`spans_from_tags` of tags already split by :func:`_tag_parts` (the model splits each of its tags once)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, (pos, typ) in enumerate(parts + [("O", "")]):
        if start is not None and (pos in ("B", "S", "O") or typ != kind):
            spans.append((start, i, kind))
            start = None
        if pos in ("B", "S", "M", "I", "E") and typ:
            if start is None:
                start, kind = i, typ
            if pos in ("S", "E"):
                spans.append((start, i + 1, kind))
                start = None
    return spans


# ---------------------------------------------------------------- the network


_BLAS_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _one_blas_thread() -> None:
    """The network's matrices are small: BLAS threads only add overhead (measured 5-15x slower on a busy
    2-core machine). Before numpy loads, the thread variables are defaulted to 1; after, threadpoolctl limits
    the pools if it is installed."""
    if "numpy" not in sys.modules:
        for var in _BLAS_VARS:
            os.environ.setdefault(var, "1")
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1, user_api="blas")


class Model:
    """FoolNLTK's NER network with weights from a converted ``ner.npz``; see the module docstring."""

    BATCH = 64  # pieces per forward pass (sorted by length, so padding stays small)

    def __init__(self, npz: str | os.PathLike):
        _one_blas_thread()
        import numpy as np

        self.path = Path(npz)
        try:
            with np.load(self.path, allow_pickle=False) as w:
                self.char_to_id: dict[str, int] = {ch: i for i, ch in enumerate(w["chars"].tolist())}
                self.id_to_tag: list[str] = w["tags"].tolist()
                self._tag_parts = [_tag_parts(tag) for tag in self.id_to_tag]
                emb = w["emb"]  # row 0 = padding
                self.hidden = w["fw_bias"].shape[0] // 4
                self.dirs = []
                for d in ("fw", "bw"):
                    kernel, b = w[f"{d}_kernel"], w[f"{d}_bias"]
                    dim = kernel.shape[0] - self.hidden
                    # input part of the gates precomputed for every character: one lookup per step
                    self.dirs.append((emb @ kernel[:dim] + b, kernel[dim:].copy(), float(w[f"{d}_forget_bias"])))
                self.w_tanh, self.b_tanh = w["w_tanh"], w["b_tanh"]
                self.w_out, self.b_out = w["w_out"], w["b_out"]
                self.trans = w["transitions"].astype(np.float64)
        except (OSError, KeyError, ValueError, IndexError, zipfile.BadZipFile, EOFError) as e:
            raise ModelError(f"{self.path}: not a readable kg NER model ({type(e).__name__}: {e})") from e
        n = len(self.id_to_tag)
        if self.trans.shape != (n + 1, n + 1) or self.w_out.shape[1] != n:
            raise ModelError(f"{self.path}: tag map has {n} tags but the network has {self.w_out.shape[1]}")

    def __repr__(self) -> str:
        return f"Model({str(self.path)!r})"

    # -- public API

    def tag(self, text: str) -> list[str]:
        """One BMES tag per character of ``text`` (``O`` outside entities)."""
        return self._run([text])[0][0]

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, type) entity spans of ``text``; type is one of :data:`LABELS`."""
        return self._run([text])[0][1]

    def batch(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """:meth:`entities` for many texts at once (faster: pieces of similar length share a forward pass)."""
        return [spans for _, spans in self._run(texts)]

    # -- internals

    def _ids(self, chars) -> list[int]:
        get = self.char_to_id.get
        found: list[int | None] = list(map(get, chars))
        if None not in found:
            return cast(list[int], found)  # (every character has an id)
        return [i if i is not None else get(unicodedata.normalize("NFKC", ch), 1)  # 1 = <OOV>
                for i, ch in zip(found, chars)]

    def _run(self, texts: list[str]) -> list[tuple[list[str], list[tuple[int, int, str]]]]:
        """(tags, spans) of each text: cut into pieces, drop whitespace, tag by batches, map back."""
        out: list[tuple[list[str], list[tuple[int, int, str]]]] = [(["O"] * len(t), []) for t in texts]
        pieces = []  # (text index, original positions of the kept characters)
        for ti, text in enumerate(texts):
            for s, e in split_sentences(text):
                keep = [i for i in range(s, e) if not text[i].isspace()]
                if keep:
                    pieces.append((ti, keep))
        pieces.sort(key=lambda p: len(p[1]))
        id_to_tag, tag_parts = self.id_to_tag, self._tag_parts
        for b in range(0, len(pieces), self.BATCH):
            chunk = pieces[b : b + self.BATCH]
            paths = self._decode([self._ids([texts[ti][i] for i in keep]) for ti, keep in chunk])
            for (ti, keep), path in zip(chunk, paths):
                tags, spans = out[ti]
                for pos, k in zip(keep, path):
                    tags[pos] = id_to_tag[k]
                for s, e, typ in _spans_from_parts([tag_parts[k] for k in path]):
                    spans.append((keep[s], keep[e - 1] + 1, typ))
                    for pos in range(keep[s] + 1, keep[e - 1]):  # whitespace inside an entity continues it
                        if tags[pos] == "O":
                            tags[pos] = "M_" + typ
        for _, spans in out:
            spans.sort()
        return out

    def _decode(self, seqs: list[list[int]]) -> list[list[int]]:
        """Best tag index path for each id sequence."""
        import numpy as np

        lengths = np.array([len(s) for s in seqs])
        ids = np.zeros((len(seqs), lengths.max()), dtype=np.int64)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
        return self._viterbi(self._logits(ids, lengths), lengths)

    def _lstm(self, ids, lengths, direction: int):
        """One LSTM direction over padded ``ids``; outputs are zero past each length (TF dynamic_rnn).

        Rows are sorted by length (:meth:`_run` sorts the pieces), so the rows still running at step ``t`` are the
        last ones: each step works on those rows only, with all four gates' sigmoid taken at once; the arithmetic
        of each value is the same as one gate at a time (same operations, same order). Each step writes into
        buffers made once (``out=``) and reads its inputs from a step-major gather (each step's rows contiguous):
        the same values, without allocating a dozen temporaries a step."""
        import numpy as np

        table, w_h, forget_bias = self.dirs[direction]
        batch, steps = ids.shape
        h = np.zeros((batch, self.hidden), np.float32)
        c = np.zeros_like(h)
        out = np.zeros((batch, steps, self.hidden), np.float32)
        n = self.hidden
        if np.any(lengths[1:] < lengths[:-1]):  # pragma: no cover (never from _run): fall back to masks
            return self._lstm_masked(table[ids], lengths, w_h, forget_bias)
        x = table[ids.T]  # (steps, batch, 4n): one gather instead of one per step
        first = np.searchsorted(lengths, np.arange(steps), side="right")  # first row still running at step t
        z_buf = np.empty((batch, 4 * n), np.float32)
        g_buf = np.empty_like(z_buf)
        j_buf = np.empty_like(h)
        for t in range(steps):
            k = first[t]
            hk = h[k:]
            z = np.matmul(hk, w_h, out=z_buf[k:])
            np.add(x[t, k:], z, out=z)  # x + h @ w_h
            z[:, 2 * n:3 * n] += forget_bias
            g = g_buf[k:]  # _sigmoid(z), step by step: i, j, f, o (BasicLSTMCell gate order; j's sigmoid unused)
            np.multiply(z, 0.5, out=g)
            np.tanh(g, out=g)
            g += 1.0
            g *= 0.5
            ck = c[k:]
            ck *= g[:, 2 * n:3 * n]
            j = np.tanh(z[:, n:2 * n], out=j_buf[k:])
            j *= g[:, :n]
            ck += j
            np.tanh(ck, out=hk)
            hk *= g[:, 3 * n:]
            out[k:, t] = hk
        return out

    def _lstm_masked(self, x, lengths, w_h, forget_bias):
        """:meth:`_lstm` for rows in any order: every row every step, the finished ones masked."""
        import numpy as np

        batch, steps = x.shape[:2]
        n = self.hidden
        h = np.zeros((batch, n), np.float32)
        c = np.zeros_like(h)
        out = np.zeros((batch, steps, n), np.float32)
        for t in range(steps):
            live = (lengths > t)[:, None]
            z = x[:, t] + h @ w_h
            i, j, f, o = z[:, :n], z[:, n:2 * n], z[:, 2 * n:3 * n], z[:, 3 * n:]
            c_new = c * _sigmoid(f + forget_bias) + _sigmoid(i) * np.tanh(j)
            h_new = np.tanh(c_new) * _sigmoid(o)
            c, h = np.where(live, c_new, c), np.where(live, h_new, h)
            out[:, t] = np.where(live, h_new, 0.0)
        return out

    def _logits(self, ids, lengths):
        import numpy as np

        steps = ids.shape[1]
        # backward direction reads each sequence reversed within its own length
        pos = np.arange(steps)[None, :]
        rev = np.where(pos < lengths[:, None], lengths[:, None] - 1 - pos, pos)
        rows = np.arange(len(ids))[:, None]
        fw = self._lstm(ids, lengths, 0)
        bw = self._lstm(ids[rows, rev], lengths, 1)[rows, rev]
        hidden = np.tanh(np.concatenate([fw, bw], axis=2) @ self.w_tanh + self.b_tanh)
        return hidden @ self.w_out + self.b_out

    def _viterbi(self, logits, lengths) -> list[list[int]]:
        """CRF decode. The start tag is the extra last row of the transitions (as FoolNLTK's decode pads it)."""
        import numpy as np

        n = logits.shape[2]
        trans_t = np.ascontiguousarray(self.trans[:n, :n].T)  # trans_t[j, i]: from tag i to tag j
        score = self.trans[n, :n] + logits[:, 0]
        back = np.zeros(logits.shape, dtype=np.int64)
        # rows sorted by length (as _run gives them): the rows still running at step t are the last ones
        ordered = not np.any(lengths[1:] < lengths[:-1])
        live, tags = np.arange(len(lengths))[:, None], np.arange(n)[None, :]  # (index arrays for the max of cand)
        for t in range(1, logits.shape[1]):
            k = int(np.searchsorted(lengths, t, side="right")) if ordered else 0
            # cand[r, j, i] = score[r, i] + trans[i, j]: the previous tag i last, where argmax is fastest
            cand = score[k:, None, :] + trans_t[None]
            idx = cand.argmax(axis=2)
            back[k:, t] = idx
            new = cand[live[: len(cand)], tags, idx] + logits[k:, t]  # the max of cand
            if ordered:
                score[k:] = new
            else:
                score = np.where((lengths > t)[:, None], new, score)
        # back-tracking, all rows at once: row r walks back from its last position lengths[r] - 1
        rows = np.arange(len(lengths))
        best = np.zeros((len(lengths), max(int(lengths.max()), 1)), dtype=np.int64)
        cur = score.argmax(axis=1)
        best[rows, lengths - 1] = cur
        for t in range(logits.shape[1] - 1, 0, -1):
            on = lengths > t
            cur = np.where(on, back[rows, t, cur], cur)
            best[on, t - 1] = cur[on]
        return [best[r, :length].tolist() for r, length in enumerate(lengths.tolist())]


def _sigmoid(x):
    import numpy as np

    return 0.5 * (np.tanh(0.5 * x) + 1.0)
