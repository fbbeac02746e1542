"""Search as you type, engine side, A/B in one run: every keystroke of a query searched as
it was before (A: the last word whole, `typing=False`) and as the dashboard now searches it
(B: the last word as a bounded prefix, `typing=True`), alternately on the same engine so the
machine's noise falls on both alike. Keystrokes of one or two letters are left out of B's
prefix by design (they search whole, as in A), so only keystrokes of 3+ letters count.

Run:  .venv/bin/python -m tests.bench.typing [--corpus PATH ...] [--workdir DIR] [--rounds N]
With --workdir the index is kept there and reused by the next run.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import QueryError
from newsdesk.index.query.language import MIN_PREFIX
from tests.bench.ui_latency import QUERY_WORDS, p95
from tests.helpers.paths import CORPORA, SEEDS

# What people type: a word, or a second word after one.
TYPED = QUERY_WORDS + [f"{a} {b}" for a, b in zip(QUERY_WORDS, QUERY_WORDS[7:], strict=False)][
    :20] + ["soleimani", "minister blair", '"interest rates" opec', "title:opec"]


def keystrokes(queries: list[str]) -> list[str]:
    """Every state of the box while each query is typed, from MIN_PREFIX letters of its
    last word on."""
    states = []
    for query in queries:
        last = len(query) - len(query.split()[-1])
        states += [query[:n] for n in range(last + MIN_PREFIX, len(query) + 1)]
    return states


def measure(engine: Engine, states: list[str], rounds: int) -> tuple[list[float], list[float],
                                                                      int]:
    """(A times, B times, prefixes searched) over `rounds` passes, A and B alternating."""
    before: list[float] = []
    after: list[float] = []
    prefixed = 0
    for round_number in range(rounds):
        for state in states:
            order = (False, True) if round_number % 2 == 0 else (True, False)
            for typing in order:
                started = time.perf_counter()
                try:
                    results = engine.search(state, typing=typing)
                except QueryError:
                    continue
                (after if typing else before).append(time.perf_counter() - started)
                prefixed += typing and round_number == 0 and results.prefix is not None
    return before, after, prefixed


def line(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"{name:<38} n={len(ms):<5} median {statistics.median(ms):6.2f} ms   "
            f"p95 {p95(ms):7.2f} ms   max {max(ms):7.2f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = args.corpus or ([CORPORA / "reuters-21578.jsonl", CORPORA / "bbc-news-2225.jsonl"]
                             if CORPORA.is_dir() else [SEEDS])
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsdesk-typing-"))
    settings = load_settings()
    settings.corpus.sources = corpus
    settings.index.dir = workdir / "index"
    Indexer(settings).run()
    states = keystrokes(TYPED)
    with Engine(settings) as engine:
        engine.warm_up()
        for state in states:  # caches as a session has them after a few queries
            for typing in (False, True):
                with contextlib.suppress(QueryError):
                    engine.search(state, typing=typing)
        before, after = measure(engine, states, args.rounds)[:2]
        prefixed = measure(engine, states, 1)[2]
        print(f"{engine.doc_count:,} articles; {len(states)} keystrokes of {len(TYPED)} "
              f"queries ({prefixed} searched as a prefix), {args.rounds} rounds")
    print(line("A: last word whole (before)", before))
    print(line("B: last word as a prefix (typing)", after))
    print(f"B/A: median {statistics.median(after) / statistics.median(before):.2f}x, "
          f"p95 {p95(after) / p95(before):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
