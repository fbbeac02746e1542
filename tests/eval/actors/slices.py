"""The actor list on parts of a judged corpus read as corpora of their own: BBC's sections
(business, entertainment, politics, sport, tech), Reuters' later months (June and October
1987) and its grain and sugar reports. The rules were tuned on whole corpora; a section's
list ranks other actors first (films and games in entertainment and tech, clubs in sport,
agencies and schemes in grain), so it shows the error classes a new corpus of one domain
would. Dev-time:

    .venv/bin/python -m tests.eval.actors.slices [--workdir DIR] [--top 30]

The slices are written to DIR (a temporary folder by default: corpus text stays out of the
repository), indexed there, and scored against the whole corpus's gold list as
`make eval-actors` scores (tests/eval/actors/README.md). An entry the gold calls ambiguous
may be right in a section (Liverpool in sport is the club), and an unjudged one may be
right: the wrong and unjudged entries of the first `top` are printed for a reader to judge
from the articles."""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.eval.actors.gold import gold_files, load_gold
from tests.eval.actors.lists import actor_lists
from tests.eval.actors.score import DEFAULT, score_list
from tests.helpers.paths import CORPORA

Article = dict[str, object]


def _bbc_section(name: str) -> Callable[[Article], bool]:
    return lambda a: str(a.get("id", "")).startswith(f"bbc-{name}-")


def _month(prefix: str) -> Callable[[Article], bool]:
    return lambda a: str(a.get("date") or "").startswith(prefix)


# Reuters' grain and sugar reports, by the crop their headline names: a commodity desk's
# corpus (agencies, programmes, trade terms), unlike the rest.
_CROPS = re.compile(r"\b(?:GRAINS?|WHEAT|SUGAR|CORN|MAIZE|SOYBEANS?|RICE|BARLEY|SORGHUM|OATS)\b")


def _crops(a: Article) -> bool:
    return bool(_CROPS.search(str(a.get("title") or "")))


SLICES: dict[str, tuple[str, str, Callable[[Article], bool]]] = {
    **{f"bbc-{s}": ("bbc", "bbc-news-2225.jsonl", _bbc_section(s))
       for s in ("business", "entertainment", "politics", "sport", "tech")},
    "reuters-1987-06": ("reuters", "reuters-21578.jsonl", _month("1987-06")),
    "reuters-1987-10": ("reuters", "reuters-21578.jsonl", _month("1987-10")),
    "reuters-grain": ("reuters", "reuters-21578.jsonl", _crops),
}


def write_slice(source: Path, keep: Callable[[Article], bool], out: Path) -> int:
    """The articles of `source` that `keep` takes, as JSON Lines in `out`; how many."""
    n = 0
    with source.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            if line.strip() and keep(article := json.loads(line)):
                w.write(json.dumps(article) + "\n")
                n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.actors.slices",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "newsdesk-actor-slices")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--slice", action="append", choices=sorted(SLICES))
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    golds = gold_files()
    for name in args.slice or list(SLICES):
        gold_name, file, keep = SLICES[name]
        source = CORPORA / file
        if not source.exists():
            print(f"{name}: {source} is not there")
            continue
        path = args.workdir / f"{name}.jsonl"
        if not path.exists():
            write_slice(source, keep, path)
        lists = actor_lists(path, name, args.workdir / "index")
        score = score_list(lists.default, load_gold(golds[gold_name]), DEFAULT, True,
                           (args.top,), 100)
        p = score.precision[args.top]["all"]
        splits = ", ".join(ascii(s)[1:-1] for s in score.splits) or "none"
        print(f"== {name}: P@{args.top} by the gold {p.right}/{p.judged}; "
              f"merges {len(score.merges)}; splits {splits}")
        for j in score.judgements[:args.top]:
            if not j.right:
                print(f"   {j.rank:>3} {ascii(j.entry.name)[1:-1]} [{j.entry.type}]: "
                      f"{', '.join(j.reasons)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
