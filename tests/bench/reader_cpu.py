"""CPU seconds of reading one corpus file as the indexer reads it (CorpusReader.read: the
records parsed, every article through _storable_article), nothing indexed: the cost of a
change to reading or cleaning, A/B with each checkout's interpreter.

Run:  .venv/bin/python -m tests.bench.reader_cpu CORPUS.jsonl
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.corpus import CorpusReader
from newsdesk.index.ingest.files import SourceFile
from newsdesk.index.models import Article


def main(argv: list[str] | None = None) -> int:
    path = Path((argv or sys.argv[1:])[0]).resolve()
    settings = load_settings()
    settings.corpus.sources = [path]
    reader = CorpusReader(settings.corpus)
    stat = os.stat(path)
    source = SourceFile(path=str(path), root=str(path.parent), size=stat.st_size,
                        mtime_ns=stat.st_mtime_ns)
    started = time.process_time()
    articles = sum(1 for item in reader.read(source) if isinstance(item, Article))
    print(f"{articles} articles {time.process_time() - started:.3f} cpu s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
