"""The ingest figures of tests/bench/scale.py alone (no queries, no update): each engine's
whole build of one corpus, measured as the scale benchmark measures it (a launcher of its
own: wall and CPU seconds of all its processes, peak memory of them together: `peak_mb`
their proportional set sizes added up, each page once; `peak_rss_sum_mb` their resident
sizes added up, a shared page once per process; then each process at the peak).

Run:  .venv/bin/python -m tests.bench.ingest_only CORPUS.jsonl [--engines newsdesk,whoosh]
      [--workdir DIR]
To set two checkouts side by side, run it with each one's interpreter (and PYTHONPATH at
that checkout): the `newsdesk` measured is the running interpreter's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.bench import compile_sources
from tests.bench.scale import count_records, ingest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--engines", default="newsdesk,whoosh")
    parser.add_argument("--workdir", type=Path, default=Path("bench-work/ingest"))
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    articles = count_records(corpus)
    compile_sources()  # (as an install does: tests/bench/__init__.py)
    for engine in (e for e in args.engines.split(",") if e):
        workdir = (args.workdir / engine).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        at_peak: list[dict] = []
        found = ingest(engine, corpus, workdir, articles, at_peak)
        found["cpu_ms_per_article"] = 1000 * found["cpu_s"] / articles
        print(engine, json.dumps({k: round(v, 2) for k, v in found.items()}), flush=True)
        for process in at_peak:
            print(f"  at the peak: {process['pss_mb']:7.1f} MB Pss {process['rss_mb']:7.1f}"
                  f" MB Rss  {process['command']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
