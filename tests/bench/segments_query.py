"""Query times of indexes of one corpus in different shapes (e.g. as built, and after a
series of adds left small segments beside the large ones: tests/bench/add_series.py),
each measured as tests/bench/scale.py measures newsdesk's queries (a fresh process, a
warm-up, every query timed once), the indexes taken in turn, `--rounds` times: median and
p95 per class over the rounds, and each index's number of segments.

Run:  .venv/bin/python -m tests.bench.segments_query QUERIES.json CORPUS.jsonl WORKDIR...
      [--rounds 3]
      (WORKDIR: holds newsdesk.yaml and index-newsdesk; QUERIES.json from
      tests.bench.queries.save, as tests.bench.scale writes it to its workdir)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from tests.bench.scale import p95, run_queries


def segments(folder: Path) -> int:
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(folder / "whoosh")).open_index()
    try:
        return len(ix._segments())
    finally:
        ix.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("queries", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("workdirs", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    times: dict[Path, dict[str, list[float]]] = {w: {} for w in args.workdirs}
    for _ in range(args.rounds):
        for workdir in args.workdirs:
            found = run_queries("newsdesk", args.corpus.resolve(), workdir.resolve(),
                                args.queries.resolve())
            for cls, values in found["times"].items():
                times[workdir].setdefault(cls, []).extend(values)
    for workdir in args.workdirs:
        shape = segments(workdir / "index-newsdesk")
        cells = ", ".join(f"{cls} {statistics.median(v):.1f}/{p95(v):.1f}"
                          for cls, v in times[workdir].items())
        print(f"{workdir} ({shape} segments), median/p95 ms: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
