"""A precision check of person linking, judged by someone who has not seen the code.

    python scripts/linkcheck.py sample --stories 5000 -o pairs.jsonl [--n 100] [--seed 7]
    python scripts/linkcheck.py score pairs.jsonl judged.jsonl

``sample`` builds (extraction, relations, linking) the first N corpus stories and draws, seeded, ``n`` merged pairs
(two articles whose mentions of one name the linker made one node) and ``n`` kept-apart pairs (two nodes with the
same name), at most one pair per name so that a few national leaders do not fill the sample. Each pair shows, for
both sides, the headline, date and the text around the name: what a judge needs, nothing about the linker's reasons;
the judge gets ``<out>.blind.jsonl``, the same pairs without ``kind`` (merged or kept apart).
``score`` reads the judge's file (one line per pair: ``{"pair": N, "same": true|false|null}``; null = cannot tell)
and prints merge precision (same among judged merged pairs) and split rate (same among judged kept-apart pairs).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _side(article, m) -> dict:
    text = article.text
    return {"headline": article.headline, "date": article.date,
            "context": text[max(0, m.start - 80):m.end + 60], "name": m.text}


def sample(stories: int, n: int, seed: int, corpus: Path) -> list[dict]:
    from kg.extract import mentions as extract
    from kg.ingest import readers as ingest
    from kg.layout import normalise, segment
    from kg.pipeline import relate_and_link

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "slice.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, stories))
        docs, _ = ingest.read([src])
        articles = [a for d in docs for a in segment.segment(d, normalise.normalise(d.text))]
        _, _, linked = relate_and_link(articles, extract.mentions_all(articles))
    return pairs(articles, linked, n, seed)


def pairs(articles, linked, n: int, seed: int) -> list[dict]:
    """The seeded sample of ``n`` merged and ``n`` kept-apart same-name pairs of people of one linked build."""
    by_id = {a.id: a for a in articles}
    nodes: dict[str, list] = defaultdict(list)
    for e in linked.entities:
        if e.cls == "Person" and e.mentions:
            nodes[e.label].append(e)
    rng = random.Random(seed)
    merged, apart = [], []
    for name in sorted(nodes):
        es = nodes[name]
        multi = [e for e in es if len({m.article for m in e.mentions}) >= 2]
        if multi:
            e = rng.choice(multi)
            firsts = {}
            for m in sorted(e.mentions, key=lambda m: (m.article, m.start)):
                firsts.setdefault(m.article, m)
            a, b = rng.sample(sorted(firsts), 2)
            merged.append((firsts[a], firsts[b]))
        if len(es) >= 2:
            e1, e2 = rng.sample(es, 2)
            apart.append((min(e1.mentions, key=lambda m: (m.article, m.start)),
                          min(e2.mentions, key=lambda m: (m.article, m.start))))
    out = []
    for kind, pool in (("merged", merged), ("apart", apart)):
        for a, b in rng.sample(pool, min(n, len(pool))):
            out.append({"kind": kind, "a": _side(by_id[a.article], a), "b": _side(by_id[b.article], b)})
    rng.shuffle(out)
    for i, row in enumerate(out):
        row["pair"] = i
    return out


def score(pairs_file: Path, judged_file: Path) -> str:
    kinds = {}
    for line in open(pairs_file, encoding="utf-8"):
        row = json.loads(line)
        kinds[row["pair"]] = row["kind"]
    tally = {k: {"same": 0, "different": 0, "unsure": 0} for k in ("merged", "apart")}
    for line in open(judged_file, encoding="utf-8"):
        if line.strip():
            j = json.loads(line)
            verdict = {True: "same", False: "different"}.get(j.get("same"), "unsure")
            tally[kinds[j["pair"]]][verdict] += 1
    m, a = tally["merged"], tally["apart"]
    precision = m["same"] / max(1, m["same"] + m["different"])
    split = a["same"] / max(1, a["same"] + a["different"])
    return (f"merged pairs: {m}; merge precision {precision:.3f}\n"
            f"kept-apart pairs: {a}; split rate (same person kept apart) {split:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--stories", type=int, default=5000)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--corpus", type=Path, default=None, help="default: $KG_CORPUS or ../shared/corpus/xwlb.jsonl.gz")
    s.add_argument("-o", "--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("pairs", type=Path)
    c.add_argument("judged", type=Path)
    args = ap.parse_args()
    if args.cmd == "sample":
        from kg.eval.realgold import find_corpus

        corpus = find_corpus(args.corpus)
        if corpus is None:
            sys.exit(f"linkcheck: no corpus at {args.corpus or '$KG_CORPUS or ../shared/corpus/xwlb.jsonl.gz'}")
        rows = sample(args.stories, args.n, args.seed, corpus)
        blind = args.out.with_name(args.out.stem + ".blind.jsonl")  # what the judge reads: no merged/kept-apart
        with open(args.out, "w", encoding="utf-8") as fh, open(blind, "w", encoding="utf-8") as judge:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                judge.write(json.dumps({k: v for k, v in r.items() if k != "kind"}, ensure_ascii=False) + "\n")
        print(f"{len(rows)} pairs -> {args.out} (for the judge, without the linker's decision: {blind})")
    else:
        print(score(args.pairs, args.judged))


if __name__ == "__main__":
    main()
