"""Score extraction on public NER sets (CLUENER2020 dev, People's Daily 1998 test, MSRA test) and on the
project's gold files.

Every benchmark sentence is run through :func:`kg.extract.mentions.mentions` as an article without headline (mentions
on the raw sentence text); our classes are mapped to the set's labels (:data:`SETS`) and spans must match
exactly (start, end, label), micro-averaged. The data is only read, never copied; a set that is absent is skipped.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .score import Report, Score, match_articles, score_articles, score_entities
from .gold import load_gold

__all__ = ["SETS", "ENV_VAR", "BenchResult", "BenchmarkError", "find_benchmarks", "read_bio", "read_cluener",
           "run_set", "run_benchmarks", "gold_sources", "find_gold", "GoldResult", "evaluate_gold", "MAPPING_DOC"]

ENV_VAR = "KG_BENCHMARKS"
_BIO = {"Person": "PER", "AdministrativeRegion": "LOC", "Place": "LOC", "Enterprise": "ORG",
        "GovernmentBody": "ORG", "PartyOrganization": "ORG", "Organization": "ORG"}
_CLUE = {"Person": "name", "Enterprise": "company", "GovernmentBody": "government",
         "PartyOrganization": "organization", "Organization": "organization",
         "AdministrativeRegion": "address", "Place": "scene"}
CLUE_LABELS = ("name", "company", "government", "organization", "address", "scene")

#: name -> (file under the benchmarks folder, format, our class -> the set's label)
SETS = {
    "cluener2020-dev": ("cluener2020/dev.json", "cluener", _CLUE),
    "peoples-daily-1998-test": ("peoples_daily_1998/test.bio", "bio", _BIO),
    "msra-test": ("msra/test.bio", "bio", _BIO),
}
MAPPING_DOC = (
    "PD98/MSRA: Person->PER; AdministrativeRegion, Place->LOC; Enterprise, GovernmentBody, PartyOrganization, "
    "Organization->ORG.  CLUENER: Person->name; Enterprise->company; GovernmentBody->government; "
    "PartyOrganization, Organization->organization; AdministrativeRegion->address; Place->scene "
    "(only those six gold labels are scored).  Initiative is not scored on public sets.  "
    "Convention line: the same spans, one-character spans (gold and found) left out: abbreviations such as 中, "
    "美, 港 and surname-only people; the project lists no one-character mentions (tests/gold/README.md, decision 11)."
)


class BenchmarkError(ValueError):
    """A benchmark or gold file that cannot be read; the message names file:line."""


@dataclass
class BenchResult:
    """Per-label scores of one set, with its size and extraction time."""

    name: str
    rows: dict[str, Score] = field(default_factory=dict)
    sentences: int = 0
    characters: int = 0
    seconds: float = 0.0
    convention: Score = field(default_factory=Score)  # all labels, one-character spans left out

    @property
    def overall(self) -> Score:
        return sum(self.rows.values(), Score())

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        def num(s: Score) -> dict:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        return {"name": self.name, "sentences": self.sentences, "characters": self.characters,
                "seconds": round(self.seconds, 3), "chars_per_second": round(self.chars_per_second),
                "rows": {k: num(v) for k, v in self.rows.items()}, "overall": num(self.overall),
                "convention": num(self.convention)}

    def format(self) -> str:
        lines = [f"{self.name}: {self.sentences} sentences, {self.characters} chars, "
                 f"{self.chars_per_second:,.0f} chars/s",
                 f"  {'label':14s}{'tp':>7s}{'fp':>7s}{'fn':>7s}{'prec':>8s}{'recall':>8s}{'f1':>8s}"]
        for name, s in list(self.rows.items()) + [("all (micro)", self.overall)]:
            lines.append(f"  {name:14s}{s.tp:7d}{s.fp:7d}{s.fn:7d}{s.precision:8.3f}{s.recall:8.3f}{s.f1:8.3f}")
        c = self.convention
        lines.append(f"  {'convention':14s}{c.tp:7d}{c.fp:7d}{c.fn:7d}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}"
                     "  (one-character spans left out)")
        return "\n".join(lines)


# ----------------------------------------------------------------------------------------- locating data


def find_benchmarks(explicit: str | os.PathLike | None = None) -> Path | None:
    """The benchmarks folder: ``explicit``, ``$KG_BENCHMARKS``, else ``../shared/benchmarks`` (or
    ``shared/benchmarks``) seen from the repository root and from the current directory; None if absent."""
    return find_shared("benchmarks", ENV_VAR, explicit, Path.is_dir)


def find_shared(rel: str, env: str, explicit: str | os.PathLike | None, exists) -> Path | None:
    """``explicit``, else ``$env``, else ``../shared/<rel>`` (or ``shared/<rel>``) seen from the repository root and
    from the current directory, when ``exists(path)``; None otherwise (code that reads ../shared skips cleanly)."""
    given = explicit if explicit is not None else os.environ.get(env) or None
    if given is not None:
        p = Path(given).expanduser()
        return p if exists(p) else None
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        for prefix in ("../shared/", "shared/"):
            p = (base / (prefix + rel)).resolve()
            if exists(p):
                return p
    return None


# ----------------------------------------------------------------------------------------- readers


def read_bio(path: str | os.PathLike) -> list[tuple[str, set]]:
    """Sentences of a ``char TAG`` file (space or tab, blank line between sentences) as (text, gold spans)."""
    out, chars, tags = [], [], []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BenchmarkError(f"{path}: cannot read: {e}") from None
    for n, line in enumerate(lines + [""], 1):
        parts = line.split()
        if len(parts) == 2:
            chars.append(parts[0])
            tags.append(parts[1])
            continue
        if parts:
            raise BenchmarkError(f"{path}:{n}: expected 'char TAG', got {line!r}")
        if chars:
            out.append(("".join(chars), _bio_spans(tags)))
        chars, tags = [], []
    return out


def _bio_spans(tags: list[str]) -> set:
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        pos, _, typ = tag.partition("-")
        if start is not None and (pos != "I" or typ != kind):
            spans.add((start, i, kind))
            start = None
        if pos == "B" or (pos == "I" and start is None):
            start, kind = i, typ
    return spans


def read_cluener(path: str | os.PathLike, labels=CLUE_LABELS) -> list[tuple[str, set]]:
    """Sentences of CLUENER JSON lines as (text, gold spans), keeping only ``labels`` (end made exclusive)."""
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BenchmarkError(f"{path}: cannot read: {e}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold = {(s, e + 1, typ) for typ, surfaces in row.get("label", {}).items() if typ in labels
                    for spans in surfaces.values() for s, e in spans}
            out.append((row["text"], gold))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as e:
            raise BenchmarkError(f"{path}:{n}: not a CLUENER line ({type(e).__name__}: {e})") from None
    return out


# ----------------------------------------------------------------------------------------- scoring


def _extract(texts: list[str], ner: str) -> list[list]:
    from kg.extract.ner import learned
    from kg.extract.mentions import mentions
    from kg.model import Article

    out = []
    for start in range(0, len(texts), 512):
        chunk = texts[start:start + 512]
        # the model tags many sentences in one batch: much faster
        tagged = learned.tag(chunk) if ner != "rules" else [None] * len(chunk)
        for i, (t, found) in enumerate(zip(chunk, tagged), start):
            a = Article(id=f"s{i}", source="benchmark", headline="", text=t, offsets=tuple(range(len(t) + 1)),
                        body_start=0)
            out.append(mentions(a, ner=ner, tagged=found))
    return out


def run_set(name: str, data: list[tuple[str, set]], mapping: dict[str, str], ner: str = "auto") -> BenchResult:
    """Extract every sentence of ``data`` and score the mapped spans against its gold spans."""
    texts = [t for t, _ in data]
    _extract(["热身：长沙市人民政府与张三。"], ner)  # load jieba and the model before timing
    started = time.perf_counter()
    found = _extract(texts, ner)
    seconds = time.perf_counter() - started
    labels = sorted({lab for _, g in data for *_, lab in g} | set(mapping.values()))
    counts = {lab: [0, 0, 0] for lab in labels}
    conv = [0, 0, 0]
    for (_, gold), ms in zip(data, found):
        pred = {(m.start, m.end, mapping[m.cls]) for m in ms if m.cls in mapping}
        for s in pred:
            counts[s[2]][0 if s in gold else 1] += 1
            if s[1] - s[0] > 1:
                conv[0 if s in gold else 1] += 1
        for s in gold - pred:
            counts[s[2]][2] += 1
            conv[2] += s[1] - s[0] > 1
    rows = {lab: Score(*c) for lab, c in counts.items()}
    return BenchResult(name, rows, len(texts), sum(map(len, texts)), seconds, Score(*conv))


def run_benchmarks(folder: str | os.PathLike | None = None, names=None, limit: int = 0,
                   ner: str = "auto") -> list[BenchResult]:
    """Run the public sets found in ``folder`` (see :func:`find_benchmarks`); absent sets are skipped."""
    base = find_benchmarks(folder)
    if base is None:
        return []
    out = []
    for name, (rel, fmt, mapping) in SETS.items():
        if names and name not in names:
            continue
        path = base / rel
        if not path.is_file():
            continue
        data = read_cluener(path) if fmt == "cluener" else read_bio(path)
        out.append(run_set(name, data[:limit] if limit else data, mapping, ner))
    return out


# ----------------------------------------------------------------------------------------- project gold


def gold_sources(gold_dir: str | os.PathLike) -> tuple[list[Path], list[Path]]:
    """(gold files, source files they name): sources are looked up next to the gold, in ``articles/``
    beside it, then among the bundled samples. Raises :class:`BenchmarkError` naming a missing source."""
    from importlib.resources import files

    folder = Path(gold_dir)
    golds = sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]
    if not golds or not all(g.is_file() for g in golds):
        raise BenchmarkError(f"{gold_dir}: no gold .jsonl files found")
    samples = Path(str(files("kg").joinpath("data", "samples")))
    where = [folder.parent if folder.is_file() else folder]
    where += [w / "articles" for w in list(where)] + [samples]
    sources: dict[str, Path] = {}
    for g in golds:
        for row in load_gold(g):
            name = os.path.basename(row["source"])
            if name in sources:
                continue
            hit = next((w / name for w in where if (w / name).is_file()), None)
            if hit is None:
                raise BenchmarkError(f"{g}:{row['line']}: source file {name} not found in "
                                     + ", ".join(str(w) for w in where))
            sources[name] = hit
    return golds, sorted(sources.values())


@dataclass
class GoldResult:
    """Entity and article scores of the project's gold, with the time extraction took."""

    entities: Report
    articles: object  # kg.eval.score.ArticleReport
    gold_files: list[Path]
    sources: list[Path]
    characters: int = 0
    seconds: float = 0.0
    nested: Report | None = None  # the same scored with nested gold entities kept (entities is flat)
    facts: Report | None = None  # relations as graph facts (kg.eval.score.score_facts)
    links: object = None  # kg.eval.score.LinkReport: multi-article entities on one node

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        a = self.articles
        return {"gold": [str(g) for g in self.gold_files], "sources": [str(s) for s in self.sources],
                "characters": self.characters, "seconds": round(self.seconds, 3),
                "chars_per_second": round(self.chars_per_second), "entities": self.entities.to_dict(),
                "entities_nested": self.nested.to_dict() if self.nested is not None else None,
                "articles": {"gold": a.gold, "predicted": a.predicted, "matched": a.matched,
                             "headlines": list(a.headlines), "dates": list(a.dates)},
                "facts": self.facts.to_dict() if self.facts is not None else None,
                "links": _links_dict(self.links) if self.links is not None else None}


def _links_dict(r) -> dict:
    return {"multi": len(r.multi), "one_node": len(r.one_node), "split": list(r.split), "missed": list(r.missed),
            "false_merges": [[k, list(ids)] for k, ids in r.false_merges]}


def find_gold(explicit: str | os.PathLike | None = None) -> Path | None:
    """The gold folder: ``explicit``, else ``tests/gold`` under the repository root or the current directory."""
    if explicit is not None:
        return Path(explicit)
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        if (base / "tests" / "gold").is_dir():
            return base / "tests" / "gold"
    return None


def evaluate_gold(gold_dir: str | os.PathLike, ner: str = "auto") -> GoldResult:
    """Read the sources the gold names, segment and extract them (``ner`` as in kg.extract.mentions.mentions) and
    score entities and articles against the gold: ``entities`` flat (gold entities flagged ``nested`` and
    mentions inside other mentions left out, the main number), ``nested`` with them kept."""
    golds, sources = gold_sources(gold_dir)
    return score_sources([row for g in golds for row in load_gold(g)], sources, golds, ner)


def score_sources(gold: list[dict], sources: list[Path], golds: list[Path], ner: str = "auto") -> GoldResult:
    """Build ``sources`` as `kg build` reads them (extraction timed alone) and score them against ``gold``."""
    from kg.extract import mentions as extract
    from kg.ingest import readers as ingest
    from kg.layout import normalise, segment

    _extract(["热身：长沙市人民政府与张三。"], ner)  # load jieba and the model before timing
    started = time.perf_counter()
    documents, _ = ingest.read([str(s) for s in sources])
    articles = [a for doc in documents for a in segment.segment(doc, normalise.normalise(doc.text))]
    found = extract.mentions_all(articles, ner=ner)
    seconds = time.perf_counter() - started
    pairs = match_articles(articles, gold)
    from .score import score_facts, score_links
    from kg.pipeline import relate_and_link

    found, _, linked = relate_and_link(articles, found)  # relations and linking as the graph gets them (not timed)
    return GoldResult(score_entities(pairs, found, nested=False), score_articles(pairs), golds, sources,
                      sum(len(d.text) for d in documents), seconds, nested=score_entities(pairs, found),
                      facts=score_facts(pairs, linked), links=score_links(pairs, found, linked.mention_of))
