"""CPU seconds of one segment merge (storage/segment_merging.py `merge`) on a built index's
real segments: a copy of the index is merged, the original is left as it is.

Run:  .venv/bin/python -m tests.bench.merge_cost INDEX_DIR/whoosh [--smallest N] [--repeat R]
The segments merged: all of them, or the N smallest. To measure another checkout, run it
with that checkout's interpreter (its `newsdesk`) from this directory (this `tests`).
Also reported: the process's peak proportional set size (Pss) during the merges, sampled
every 10 ms, and what it was before the first (Linux only; 0 elsewhere).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from newsdesk.index.storage import segment_merging
from newsdesk.index.storage.codec import NewsdeskCodec


def pss_mb() -> float:
    """This process's proportional set size, MB (0 where /proc has no smaps_rollup)."""
    try:
        with open("/proc/self/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakPss:
    """The highest Pss seen while it runs (a thread sampling every 10 ms)."""

    def __init__(self) -> None:
        self.peak = pss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, pss_mb())

    def __enter__(self) -> PeakPss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, pss_mb())


def merge_once(folder: Path, smallest: int) -> tuple[float, int]:
    """(CPU seconds, articles merged) of merging a copy of `folder`'s segments."""
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "ix"
        shutil.copytree(folder, copy)
        ix = FileStorage(str(copy)).open_index()
        segments = sorted(ix._segments(), key=lambda s: s.doc_count_all())
        chosen = segments[:smallest] if smallest else segments
        writer = ix.writer(codec=NewsdeskCodec())
        try:
            started = time.process_time()
            segment_merging.merge(writer, chosen)
            spent = time.process_time() - started
        finally:
            writer.cancel()
            ix.close()
        return spent, sum(s.doc_count_all() for s in chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--smallest", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    before = pss_mb()
    with PeakPss() as peak:
        runs = [merge_once(args.folder, args.smallest) for _ in range(args.repeat)]
    best = min(spent for spent, _ in runs)
    articles = runs[0][1]
    print(json.dumps({"articles": articles, "cpu_s": round(best, 3),
                      "us_per_article": round(1e6 * best / articles, 1),
                      "pss_before_mb": round(before, 1), "peak_pss_mb": round(peak.peak, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
