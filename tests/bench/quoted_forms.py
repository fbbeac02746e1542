"""CPU time of a first search (20 hits, highlighted) by query class, on a built index: the
scale benchmark's classes (tests/bench/queries.py, drawn from the corpus with a fixed
seed) and quoted words, whose matches' texts are read for the words as written
(query/compile.AsWritten). CPU seconds of this process, not wall time: the machine is
shared. Each query is searched once, in order, after one warm-up query (the vocabulary
read): as a person's Enter finds it. Run with one version's interpreter, then the
other's, alternating:

  .venv/bin/python -m tests.bench.quoted_forms --corpus DIR [--per-class 20]

(DIR: the corpus folder of a built index, `newsdesk index --corpus DIR`; its .jsonl file
the queries are drawn from.)"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.bench.queries import build

SKIP = ("actor filter", "date range")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=20)
    parser.add_argument("--extra", nargs="*", default=['"universe"', '"generous"',
                                                       '"interest rates"',
                                                       "\"prime minister's\""])
    args = parser.parse_args(argv)
    corpus = next(args.corpus.glob("*.jsonl"))
    queries = [(q.cls, q.newsdesk) for q in build(corpus, args.per_class, [])
               if q.cls not in SKIP]
    queries += [("quoted word", f'"{q}"') for cls, q in list(queries)
                if cls in ("common term", "rare term")]
    settings = load_settings()
    settings.corpus.sources = [args.corpus]
    times: dict[str, list[tuple[float, str]]] = defaultdict(list)
    with Engine(settings) as engine:
        engine.search("zzzq*")  # the vocabulary, read once a process
        for cls, query in queries:
            start = time.process_time()
            engine.search(query, limit=20)
            times[cls].append((time.process_time() - start, query))
        extra = []
        for query in args.extra:
            start = time.process_time()
            found = engine.search(query, limit=20)
            extra.append((query, found.total, time.process_time() - start, found.notes))
        print(f"{engine.doc_count:,} articles")
    for cls, found in times.items():
        values = [seconds for seconds, _ in found]
        slowest = max(found)
        print(f"{cls:<14} n={len(values):<3} median {statistics.median(values) * 1000:7.2f} ms"
              f"  max {slowest[0] * 1000:8.2f} ms CPU ({slowest[1]})")
    for query, total, seconds, notes in extra:
        print(f"{query:<22} {total:>6} hits  {seconds * 1000:8.2f} ms CPU  {notes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
