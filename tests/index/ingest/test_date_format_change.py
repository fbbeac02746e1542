"""A source's date_format changed: every article of the file is dated as the new format
reads it, as a fresh build would date it (stranger5: an article whose date read under
both formats kept the old one, its hash made of the date as written)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store

FORMATS = ["%d/%m/%Y", "%m/%d/%Y", "%Y.%d.%m", "%d.%m.%y"]


def _write(path: Path, rng: random.Random) -> None:
    """Rows with dates many formats read, differently: day and month both at most 12."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text", "date"])
        for n in range(40):
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1990, 2030)
            form = rng.choice(["{d:02}/{m:02}/{y}", "{y}.{d:02}.{m:02}", "{d:02}.{m:02}.{s:02}",
                               "{y}-{m:02}-{d:02}"])
            written = form.format(d=day, m=month, y=year, s=year % 100)
            writer.writerow([f"r{n}", f"Row {n}", f"walrus story {n}", written])


def _settings(corpus: Path, folder: Path, date_format: str) -> Settings:
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.corpus.date_format = (date_format,)
    settings.index.dir = folder
    return settings


def _dates(settings: Settings) -> dict[str, str | None]:
    store = Store(index_paths(settings).store)
    try:
        ids = sorted(store.hashes_of_file(str(next(iter(settings.corpus.sources)))))
        found = store.articles(ids)
    finally:
        store.close()
    return {i: (a.date.isoformat() if a.date else None) for i, a in found.items()}


def test_each_format_change_dates_the_file_as_a_fresh_build_does(tmp_path: Path) -> None:
    rng = random.Random(2026)
    corpus = tmp_path / "c.csv"
    _write(corpus, rng)
    sequence = [*FORMATS, FORMATS[0]]
    for number, date_format in enumerate(sequence):
        kept = _settings(corpus, tmp_path / "kept", date_format)
        Indexer(kept).run()
        fresh = _settings(corpus, tmp_path / f"fresh{number}", date_format)
        Indexer(fresh).run()
        assert _dates(kept) == _dates(fresh), (number, date_format)
