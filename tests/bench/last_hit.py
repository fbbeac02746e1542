"""G's engine cost: every story of a query built (as G did) or only the first page and the
last screen (`build=(50, 8)`, as G does now), alternating, CPU seconds of this process.

    python -m tests.bench.last_hit CORPUS [QUERY]    (the corpus indexed already)"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("query", nargs="?", default="said")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = load_settings()
    settings.corpus.sources = [args.corpus.resolve()]
    with Engine(settings) as engine:
        first = engine.search(args.query, 50, fold=True)
        limit = max(first.total, 1)
        engine.search(args.query, limit, fold=True, build=(50, 8))  # warm
        runs: dict[str, list[float]] = {"all built": [], "lazy": []}
        stories = 0
        for _ in range(args.runs):
            for name, build in (("all built", None), ("lazy", (50, 8))):
                started = time.process_time()
                stories = len(engine.search(args.query, limit, fold=True, build=build).hits)
                runs[name].append(time.process_time() - started)
    print(f"{args.query}: {first.total:,} hits, {stories:,} stories")
    for name, times in runs.items():
        print(f"{name}: median {statistics.median(times):.3f} s CPU "
              f"{[round(t, 3) for t in times]}")


if __name__ == "__main__":
    main()
