"""The ingest figures of tests/bench/scale.py alone (no queries, no update): each engine's
whole build of one corpus, measured as the scale benchmark measures it (a launcher of its
own: wall and CPU seconds of all its processes, peak memory of them together).

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
    for engine in (e for e in args.engines.split(",") if e):
        workdir = (args.workdir / engine).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        found = ingest(engine, corpus, workdir, articles)
        found["cpu_ms_per_article"] = 1000 * found["cpu_s"] / articles
        print(engine, json.dumps({k: round(v, 2) for k, v in found.items()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
