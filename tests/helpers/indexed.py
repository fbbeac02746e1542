"""A corpus indexed into a folder of the test's own, and the sample corpora the ranking and
recall tests run on: generated wire stories always, the shared real corpora where present."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.paths import CORPORA

SAMPLE_KINDS = ["newswire", "corpora"] if CORPORA.is_dir() else ["newswire"]


def indexed(folder: Path, sources: list[Path]) -> Settings:
    """Settings for `sources` with their index under `folder`, built."""
    settings = load_settings()
    settings.corpus.sources = sources
    settings.index.dir = folder / "index"
    Indexer(settings).run()
    return settings


def indexed_texts(folder: Path, texts: dict[str, str]) -> Settings:
    """Settings for a corpus of `texts` (id: text, titled "Story ID"), written as one JSON
    Lines file under `folder` and indexed there."""
    lines = [json.dumps({"id": k, "title": f"Story {k}", "text": t}, ensure_ascii=False)
             for k, t in texts.items()]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return indexed(folder, [folder / "a.jsonl"])
