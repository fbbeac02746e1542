"""Make a realistic news corpus of any size (up to millions) by sampling and recombining the
paragraphs, titles, dates and sources of the real corpora (or, where ../shared/corpora is
absent, of the template-written stories of tests/helpers/newswire.py), with a fixed seed.

Streaming: the source corpora are read once into paragraph pools (about 120,000 paragraphs,
~40 MB); the output is written article by article, never held in memory.

With `--names K`, each article also quotes K people of names made up for it (given name and
surname of random syllables: nearly every one new to the corpus), so the corpus's distinct
actor keys grow with its articles, as a real corpus's do (the recombined paragraphs' stop
at about 49,000): the clustering's memory by distinct keys is measured on them.

Run:  .venv/bin/python -m tests.bench.generate_corpus N OUT.jsonl [--seed S] [--first K]
      [--sources ...] [--names K]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from tests.helpers import newswire
from tests.helpers.paths import CORPORA

DEFAULT_SOURCES = [CORPORA / "bbc-news-2225.jsonl", CORPORA / "reuters-21578.jsonl"]


def read(sources: list[Path]) -> Iterator[dict]:
    for path in sources:
        with path.open(encoding="utf-8") as handle:
            yield from map(json.loads, handle)


def default_records() -> Iterable[dict]:
    """The real corpora when they are beside the checkout, else stories of our own."""
    if all(path.is_file() for path in DEFAULT_SOURCES):
        return read(DEFAULT_SOURCES)
    return newswire.records()


class Pools:
    """Titles, paragraphs, sources and dates seen in the source records."""

    def __init__(self, records: Iterable[dict]) -> None:
        self.titles: list[str] = []
        self.paragraphs: list[str] = []
        self.lengths: list[int] = []  # paragraphs per article, to keep lengths realistic
        self.sources: list[str] = []
        self.dates: list[datetime] = []
        for record in records:
            paragraphs = [p.strip() for p in record["text"].split("\n") if p.strip()]
            if not paragraphs:
                continue
            self.titles.append(record.get("title") or paragraphs[0][:80])
            self.paragraphs.extend(paragraphs)
            self.lengths.append(len(paragraphs))
            if record.get("source"):
                self.sources.append(record["source"])
            if record.get("date"):
                self.dates.append(datetime.fromisoformat(record["date"]))
        if not self.paragraphs:
            raise SystemExit("no paragraphs in the source corpora")


_SYLLABLES = ("ba", "ko", "ri", "del", "man", "tor", "vi", "sen", "lu", "mar", "go", "ne",
              "zan", "pe", "dro", "li", "kas", "te", "ru", "vo", "hal", "mi", "quin", "sa",
              "bel", "to", "ran", "fe", "lo", "dis", "wen", "cha", "pol", "ny", "gra", "vel")
_SAID = ("said", "told reporters", "added", "said in a statement", "declined to comment")


def made_up_name(rng: random.Random) -> str:
    """A given name of 2 syllables and a surname of 3-4 (36 of each: 1,296 given names,
    1.7 million surnames)."""
    def word(n: int) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()
    return f"{word(2)} {word(rng.choice((3, 4)))}"


def _quotes(rng: random.Random, names: int) -> str:
    return "\n".join(f"{made_up_name(rng)}, a local official, {rng.choice(_SAID)}."
                     for _ in range(names))


def articles(count: int, pools: Pools, seed: int = 42, first: int = 1, names: int = 0
             ) -> Iterator[dict]:
    rng = random.Random(seed)
    made_up = random.Random(seed + 1)  # (the paragraphs drawn are those of no --names)
    start = min(pools.dates) if pools.dates else datetime(2000, 1, 1)
    span = ((max(pools.dates) - start).days if pools.dates else 3650) or 365
    for number in range(first, first + count):
        size = rng.choice(pools.lengths)
        text = "\n".join(rng.choice(pools.paragraphs) for _ in range(size))
        if names:
            text += "\n" + _quotes(made_up, names)
        date = start + timedelta(days=rng.randrange(span * 4), seconds=rng.randrange(86400))
        yield {
            "id": f"gen-{number:07d}",
            "title": rng.choice(pools.titles),
            "date": date.isoformat() if rng.random() > 0.02 else None,
            "source": rng.choice(pools.sources) if pools.sources else None,
            "url": f"https://news.example/{number}",
            "text": text,
        }


def write(count: int, out: Path, seed: int = 42, sources: list[Path] | None = None,
          first: int = 1, names: int = 0) -> int:
    pools = Pools(read(sources) if sources else default_records())
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for article in articles(count, pools, seed, first, names):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sources", nargs="+", type=Path, default=None)
    parser.add_argument("--first", type=int, default=1,
                        help="number of the first article (ids and urls follow from it)")
    parser.add_argument("--names", type=int, default=0, metavar="K",
                        help="people of made-up names quoted in each article (distinct "
                             "keys growing with the articles)")
    args = parser.parse_args(argv)
    written = write(args.count, args.out, args.seed, args.sources, args.first, args.names)
    print(f"{written:,} articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
