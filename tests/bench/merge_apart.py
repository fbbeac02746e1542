"""One merge made as an add's merges are (storage/merge_process.py: built beside the index,
swapped in under Whoosh's write lock), of the index's N smallest segments whatever its size
classes say: how long a merge of that size builds, and how long it holds the lock (its
line of merge.log). Start an add beside it (tests.bench.add_series --adds 1) to see the
add not wait for it. The index is changed: run it on a copy.

Run:  .venv/bin/python -m tests.bench.merge_apart INDEX_DIR --smallest N
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsdesk.index import locations
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage import merge_process, segment_merging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("index", type=Path, help="the index folder (holding whoosh/)")
    parser.add_argument("--smallest", type=int, required=True)
    args = parser.parse_args(argv)
    chosen: list[bool] = []

    def once(segments: list[Any]) -> list[Any]:
        if chosen:
            return []
        chosen.append(True)
        return sorted(segments, key=lambda s: s.doc_count_all())[:args.smallest]

    crowded = segment_merging.crowded_segments
    segment_merging.crowded_segments = once  # type: ignore[assignment]
    paths = IndexPaths(args.index.resolve())
    try:
        with locations.owner_only():
            merge_process.run(paths)
    finally:
        segment_merging.crowded_segments = crowded  # type: ignore[assignment]
    print(merge_process.log_path(paths).read_text().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
