"""``kg eval``: score extraction against the project's gold files and the public NER benchmarks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["eval_command"]


@click.command("eval")
@click.option("--gold", "gold", type=click.Path(path_type=Path),
              help="Gold folder (or one .jsonl); default tests/gold of the repository or the current directory.")
@click.option("--benchmarks", "bench", type=click.Path(path_type=Path),
              help="Folder of the public sets; default $KG_BENCHMARKS or ../shared/benchmarks.")
@click.option("--set", "sets", multiple=True, help="Only this public set (repeatable): "
              "cluener2020-dev, peoples-daily-1998-test, msra-test.")
@click.option("--corpus", "corpus", type=click.Path(path_type=Path),
              help="The real-news corpus the real gold's stories are read from; default $KG_CORPUS or "
                   "../shared/corpus/xwlb.jsonl.gz.")
@click.option("--no-gold", is_flag=True, help="Skip the project's gold.")
@click.option("--no-real", is_flag=True, help="Skip the real-news gold (tests/realgold: dev, dev2, dev3, test, test2, test3).")
@click.option("--no-benchmarks", is_flag=True, help="Skip the public sets.")
@click.option("--limit", default=0, type=click.IntRange(min=0), help="Only the first N sentences of each set.")
@click.option("--ner", "ner", type=click.Choice(["auto", "rules", "model"]), default="auto", show_default=True,
              help="Extractor: rules + learned model, rules only, or the model only.")
@click.option("--misses", default=0, type=click.IntRange(min=0), help="List up to N gold misses per kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_command(gold, bench, corpus, sets, no_gold, no_real, no_benchmarks, limit, ner, misses, as_json) -> None:
    """Score entity extraction: per-type precision, recall, F1 and characters per second.

    Public sets are scored span-exact after mapping our classes to their labels (see kg.eval.benchmarks.MAPPING_DOC);
    a set that is absent is skipped.
    """
    from kg.eval import benchmarks as b
    from kg.eval.gold import GoldError

    out: dict = {"mapping": b.MAPPING_DOC, "ner": ner, "real": {}, "gold": None, "benchmarks": [], "skipped": []}
    text: list[str] = []
    if not no_real:
        text += _real(out, corpus, ner, misses)
    if not no_gold:
        folder = b.find_gold(gold)
        if folder is None or not folder.exists():
            out["skipped"].append(f"gold: {gold or 'tests/gold'} not found")
        else:
            try:
                res = b.evaluate_gold(folder, ner=ner)
            except (GoldError, b.BenchmarkError) as exc:
                click.echo(f"error: {exc}", err=True)
                sys.exit(2)
            out["gold"] = res.to_dict()
            text += [(f"gold {folder}: {len(res.sources)} source files, {res.characters} chars, "
                      f"{res.chars_per_second:,.0f} chars/s (flat: nested gold entities left out)"),
                     res.entities.format(misses=misses)]
            if res.nested is not None:
                o = res.nested.overall
                text.append(f"nested (gold entities inside other names kept): all (micro) "
                            f"P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f}")
            text.append("")
            if res.facts is not None:  # relations as graph facts, and cross-article linking
                text += [res.facts.format(misses=misses), res.links.format(), ""]
    if not no_benchmarks:
        folder = b.find_benchmarks(bench)
        if folder is None:
            out["skipped"].append(f"benchmarks: {bench or '../shared/benchmarks'} not found")
        else:
            unknown = sorted(set(sets) - set(b.SETS))
            if unknown:
                raise click.BadParameter(f"unknown set {unknown[0]} (one of {', '.join(b.SETS)})",
                                         param_hint="--set")
            for name, (rel, _, _) in b.SETS.items():
                if (not sets or name in sets) and not (folder / rel).is_file():
                    out["skipped"].append(f"{name}: {folder / rel} absent")
            try:
                results = b.run_benchmarks(folder, names=set(sets) or None, limit=limit, ner=ner)
            except b.BenchmarkError as exc:
                click.echo(f"error: {exc}", err=True)
                sys.exit(2)
            for r in results:
                out["benchmarks"].append(r.to_dict())
                text += [r.format(), ""]
            if results:
                text.append("mapping: " + b.MAPPING_DOC)
    text += [f"skipped {s}" for s in out["skipped"]]
    click.echo(json.dumps(out, ensure_ascii=False, indent=2) if as_json else "\n".join(text).rstrip())


def _real(out: dict, corpus, ner: str, misses: int) -> list[str]:
    """Score the real-news gold: dev, dev2 and dev3, then the held-out sets test, test2 and test3 (the headline numbers); misses
    are listed for dev, dev2 and dev3 only (the held-out sets are only ever scored)."""
    from kg.eval import realgold as r
    from kg.eval.benchmarks import BenchmarkError
    from kg.eval.gold import GoldError

    folder, path = r.find_realgold(), r.find_corpus(corpus)
    if folder is None or path is None:
        out["skipped"].append("real-news gold: " + ("tests/realgold not found" if folder is None
                                                    else f"corpus {corpus or '../shared/corpus'} not found"))
        return []
    text = []
    for split in r.SPLITS:
        file = folder / f"{split}.jsonl"
        if not file.is_file():
            out["skipped"].append(f"real-news gold: {file} absent")
            continue
        try:
            res = r.evaluate_real(file, path, ner=ner)
        except (GoldError, BenchmarkError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        out["real"][split] = res.to_dict()
        text += [f"real news, {split} ({res.articles.gold} stories, {res.characters} chars): flat",
                 res.entities.format(misses=misses if split in r.READ_SPLITS else 0)]
        if res.nested is not None:
            o = res.nested.overall
            text.append(f"nested: all (micro) P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f}")
        text += [res.links.format(details=split in r.READ_SPLITS), ""]
    return text
