"""The actor evaluation: newsdesk's actor list of each judged corpus scored against its gold
list (tests/eval/actors/README.md).

    python -m tests.eval.actors [--corpus seeds --corpus bbc ...] [--json] [--details]
                                [--workdir bench-work/eval-actors]

Prints, per corpus and list: P@30 and P@50 (all entries, and the tune and holdout halves),
wrong merges among the top 100, core actors (top 30) split over two or more entries, and
the entries the gold cannot judge (counted wrong: extend the gold with them)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from tests.eval.actors.gold import Gold, gold_files, load_gold
from tests.eval.actors.lists import actor_lists
from tests.eval.actors.score import (
    DEFAULT,
    PLACES,
    Judgement,
    ListScore,
    Precision,
    places_listed_apart,
    score_list,
)
from tests.helpers.paths import CORPORA, ROOT

TOP = 100
KS = (30, 50)


def corpus_path(gold: Gold) -> Path:
    """seeds/ in the repository; anything else in the shared corpora folder."""
    local = ROOT / gold.corpus
    return local if gold.corpus == "seeds" else CORPORA / gold.corpus


def evaluate(name: str, gold: Gold, workdir: Path) -> dict[str, Any]:
    corpus = corpus_path(gold)
    if not corpus.exists():
        return {"corpus": name, "skipped": f"{corpus} is not there"}
    started = time.monotonic()
    lists = actor_lists(corpus, name, workdir, TOP)
    apart = places_listed_apart(lists.default, lists.places)
    # The places list (`--type location`) is scored either way: a city typed as a place is
    # right there, an actor typed as a place is not.
    scores = {DEFAULT: score_list(lists.default, gold, DEFAULT, apart, KS, TOP),
              PLACES: score_list(lists.places, gold, PLACES, apart, KS, TOP)}
    return {"corpus": name, "path": str(corpus), "places_apart": apart,
            "index": "built" if lists.built else "reused", "index_folder": str(lists.folder),
            "seconds": round(time.monotonic() - started, 1),
            "gold": {"actors": len(gold.actors), "not_actors": len(gold.not_actors),
                     "ambiguous": len(gold.ambiguous), **gold.split_counts()},
            "lists": {kind: _list_json(score) for kind, score in scores.items()},
            "_scores": scores}


def _p(p: Precision) -> dict[str, Any]:
    return {"right": p.right, "judged": p.judged,
            "value": None if p.value is None else round(p.value, 3)}


def _judgement_json(j: Judgement) -> dict[str, Any]:
    return {"rank": j.rank, "name": j.entry.name, "type": j.entry.type, "verdict": j.verdict,
            "reasons": j.reasons, "gold": j.actor.name if j.actor else None,
            "gold_types": list(j.actor.types) if j.actor else None,
            "merged": list(j.merged), "split": j.split,
            "aliases": [a for a, _ in j.entry.aliases[:8]]}


def _list_json(score: ListScore) -> dict[str, Any]:
    return {
        "precision": {f"p@{k}": {part: _p(p) for part, p in parts.items()}
                      for k, parts in score.precision.items()},
        "wrong_merges": [{"rank": j.rank, "name": j.entry.name, "joins": list(j.merged)}
                         for j in score.merges],
        "splits": [{"gold": name, "entries": [{"rank": j.rank, "name": j.entry.name}
                                              for j in js]}
                   for name, js in score.splits.items()],
        "unjudged": [{"rank": j.rank, "name": j.entry.name, "type": j.entry.type,
                      "aliases": [a for a, _ in j.entry.aliases[:6]]} for j in score.unjudged],
        "entries": [_judgement_json(j) for j in score.judgements],
    }


def _cell(p: Precision) -> str:
    return "  -  " if p.value is None else f"{p.value:.2f}"


def _safe(text: str) -> str:
    """Corpus text is data: printable ASCII only on the terminal."""
    return ascii(text)[1:-1]


def print_report(results: list[dict[str, Any]], details: bool) -> None:
    header = (f"{'corpus':<8} {'list':<8} {'P@30':>5} {'tune':>5} {'hold':>5}   "
              f"{'P@50':>5} {'tune':>5} {'hold':>5}   {'merges':>6} {'splits':>6} "
              f"{'unjudged':>8}")
    print(header)
    print("-" * len(header))
    for result in results:
        if "skipped" in result:
            print(f"{result['corpus']:<8} skipped: {result['skipped']}")
            continue
        for kind, score in result["_scores"].items():
            p30, p50 = score.precision[30], score.precision[50]
            print(f"{result['corpus']:<8} {kind:<8} {_cell(p30['all']):>5} "
                  f"{_cell(p30['tune']):>5} {_cell(p30['holdout']):>5}   "
                  f"{_cell(p50['all']):>5} {_cell(p50['tune']):>5} {_cell(p50['holdout']):>5}"
                  f"   {len(score.merges):>6} {len(score.splits):>6} "
                  f"{len(score.unjudged):>8}")
    print("\nmerges: entries of the top 100 joining two or more gold actors; splits: gold "
          "actors of the top 30\nlisted as two or more entries of the top 100; unjudged: "
          "entries of the top 100 the gold\ndoes not list (counted wrong).")
    for result in results:
        if "skipped" not in result:
            _print_corpus(result, details)


def _print_corpus(result: dict[str, Any], details: bool) -> None:
    apart = "places listed apart" if result["places_apart"] else "places in the actor list"
    print(f"\n== {result['corpus']} ({result['path']}; {apart}; index {result['index']}, "
          f"{result['seconds']} s)")
    for kind, score in result["_scores"].items():
        shown = score.judgements if details else [j for j in score.judgements[:50]
                                                  if not j.right]
        if shown:
            print(f"  {kind} list, {'every entry' if details else 'wrong in the top 50'}:")
        for j in shown:
            gold = f" -> {_safe(j.actor.name)} ({'/'.join(j.actor.types)})" if j.actor else ""
            merged = f" joins {', '.join(_safe(n) for n in j.merged)}" if j.merged else ""
            print(f"   {j.rank:>4} {_safe(j.entry.name)} [{j.entry.type}]: "
                  f"{', '.join(j.reasons) or 'right'}{gold}{merged}")
        for j in score.merges:
            if j.rank > 50 or details:
                print(f"   merge {j.rank:>4} {_safe(j.entry.name)} joins "
                      f"{', '.join(_safe(n) for n in j.merged)}")
        for name, js in score.splits.items():
            print(f"   split {_safe(name)}: "
                  + ", ".join(f"{_safe(j.entry.name)} (#{j.rank})" for j in js))
        for j in score.unjudged:
            aliases = ", ".join(_safe(a) for a, _ in j.entry.aliases[:5])
            print(f"   unjudged {j.rank:>4} {_safe(j.entry.name)} [{j.entry.type}]"
                  f"{': ' + aliases if aliases else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.actors",
                                     description=__doc__.split("\n\n")[0])
    files = gold_files()
    parser.add_argument("--corpus", action="append", choices=sorted(files),
                        help="a judged corpus (repeatable; all by default)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench-work" / "eval-actors",
                        help="where the indexes are built and kept")
    parser.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    parser.add_argument("--details", action="store_true", help="every entry's judgement")
    args = parser.parse_args(argv)
    names = args.corpus or [n for n in ("seeds", "bbc", "reuters") if n in files]
    results = []
    for name in names:
        if not args.json:
            print(f"[{name}: indexing or reusing the index, listing the actors]",
                  file=sys.stderr, flush=True)
        results.append(evaluate(name, load_gold(files[name]), args.workdir))
    if args.json:
        out = [{k: v for k, v in r.items() if k != "_scores"} for r in results]
        print(json.dumps(out, indent=1, ensure_ascii=True))
    else:
        print_report(results, args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
