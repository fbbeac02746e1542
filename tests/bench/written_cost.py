"""The bulk writer's CPU for the fields of the words as written (storage/schema.py,
FORMS_SUFFIX): one segment of the first N articles of a corpus written with and without
them, alternating, in one process (CPU seconds of the writing alone), and the segment's
size each way.

  .venv/bin/python -m tests.bench.written_cost CORPUS.jsonl [--articles 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from newsdesk.index.storage import bulk_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import SEARCH_FIELDS, build_schema, forms_field
from newsdesk.index.storage.term_ids import Vocabulary


def _once(docs: list[dict[str, str]], written: bool) -> tuple[float, int]:
    schema = build_schema()
    if not written:
        for name in SEARCH_FIELDS:
            schema.remove(forms_field(name))
    folder = Path(tempfile.mkdtemp(prefix="written-cost-"))
    try:
        ix = FileStorage(str(folder)).create().create_index(schema)
        writer = ix.writer(codec=NewsdeskCodec())
        start = time.process_time()
        segment = bulk_segment.write_segment(writer, [dict(d) for d in docs], Vocabulary(),
                                             set())
        cpu = time.process_time() - start
        bulk_segment.commit(writer, segment)
        ix.close()
        return cpu, sum(p.stat().st_size for p in folder.iterdir())
    finally:
        shutil.rmtree(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with args.corpus.open(encoding="utf-8") as lines:
        docs = [{"id": str(i), "title": record.get("title") or "",
                 "body": record.get("text") or ""}
                for i, record in enumerate(map(json.loads, itertools.islice(lines,
                                                                              args.articles)))]
    cpu: dict[bool, list[float]] = {False: [], True: []}
    size: dict[bool, int] = {}
    for _ in range(args.rounds):
        for written in (False, True):
            seconds, size[written] = _once(docs, written)
            cpu[written].append(seconds)
    for written in (False, True):
        print(f"{'with' if written else 'without'} the words as written: median "
              f"{statistics.median(cpu[written]):.3f} s CPU "
              f"{[round(s, 3) for s in cpu[written]]}, segment {size[written] / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
