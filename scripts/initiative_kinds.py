"""Initiative F1 per kind on a real-news gold file (meetings, documents, projects, strategies/policies, other).

    python scripts/initiative_kinds.py [tests/realgold/dev.jsonl] [--corpus PATH]

Scores the pipeline as `kg eval` does (kg.eval.realgold.evaluate_real), then sorts every gold initiative, every
found one and every miss into a kind by its own words: meetings are what kg.extract.initiatives calls an Event
(meetings, congresses, plenums, forums, games, fairs), documents a PolicyDocument (laws, regulations, plans,
agreements), projects a Project (works, railways, projects); strategies and policies are the names of
kg/extract/data/named_programmes.tsv and names ending in 战略, 倡议, 政策, 原则, 共识, 方针, 改革 or 开放; the rest is
"other". Only for measuring (the dev file may be read error by error; the test file only scored).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ("meetings", "documents", "projects", "strategies/policies", "other")
_POLICY_ENDS = ("战略", "倡议", "政策", "原则", "共识", "方针", "改革", "开放", "发展")


def kind(name: str) -> str:
    from kg.extract.initiatives import initiative_class
    from kg.util.resources import table

    listed = {row[0] for row in table("named_programmes.tsv") if row[1] == "Initiative"}
    cls = initiative_class(name)
    if cls == "Event":
        return "meetings"
    if cls == "PolicyDocument" and not name.endswith("政策"):
        return "documents"
    if cls == "Project":
        return "projects"
    if name in listed or name.endswith(_POLICY_ENDS):
        return "strategies/policies"
    return "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "realgold" / "dev.jsonl"))
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args(argv)
    from kg.eval.gold import load_gold, text_key
    from kg.eval.realgold import evaluate_real, find_corpus

    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("corpus not found (set KG_CORPUS or --corpus)", file=sys.stderr)
        return 1
    res = evaluate_real(args.gold, corpus)
    report = res.entities
    gold = Counter()
    for g in load_gold(args.gold):
        for t in {text_key(e["text"]) for e in g.get("entities", []) if e["class"] == "Initiative"}:
            gold[kind(t)] += 1
    fn = Counter(kind(m.text) for m in report.false_negatives if m.label == "Initiative")
    fp = Counter(kind(m.text) for m in report.false_positives if m.label == "Initiative")
    print(f"{'kind':<22}{'gold':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'prec':>8}{'recall':>8}{'f1':>8}")
    for k in KINDS + ("all",):
        g = sum(gold.values()) if k == "all" else gold[k]
        n = sum(fn.values()) if k == "all" else fn[k]
        f = sum(fp.values()) if k == "all" else fp[k]
        tp = g - n
        p = tp / (tp + f) if tp + f else 0.0
        r = tp / g if g else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{k:<22}{g:>6}{tp:>6}{f:>6}{n:>6}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
