"""The corpus reader alone (CorpusReader: decoding, JSON/CSV, fields, dates), no indexing:
CPU seconds to read FILE, best of --passes, and the records and dated records it gave.
Under callgrind, `--passes 1` on FILE and on its first line give the instructions a record
(their difference over the records), the measure that holds on a busy machine.

Dev-time: `.venv/bin/python -m tests.bench.read_records FILE [--passes N]` (BENCHMARKS.md,
inputs)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.corpus import CorpusReader
from newsdesk.index.ingest.files import list_files
from newsdesk.index.models import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings()
    settings.corpus.sources = [args.file.resolve()]
    files, _ = list_files(settings.corpus.sources)
    times: list[float] = []
    records = dated = 0
    for _ in range(args.passes):
        reader = CorpusReader(settings.corpus)
        records = dated = 0
        start = time.process_time()
        for sf in files:
            for item in reader.read(sf):
                if isinstance(item, Article):
                    records += 1
                    dated += item.date is not None
        times.append(time.process_time() - start)
    print(f"{records} records ({dated} dated): CPU {min(times):.3f} s best of "
          f"{len(times)} ({' '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
