"""Our patches to the frozen whoosh-reloaded 2.7.5 stay applied and do their job."""

from __future__ import annotations

from pathlib import Path

from whoosh.codec import whoosh3

from index import whoosh_patches
from index.config import Settings
from index.indexer import Indexer
from index.search import Engine


def test_missing_length_column_is_looked_up_once(corpus_settings: Settings, corpus_dir: Path,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert whoosh3.W3PerDocReader._cached_reader is whoosh_patches._cached_reader
    (corpus_dir / "a.txt").write_text("Alpha\n\nwords words words")
    Indexer(corpus_settings).run()
    calls: list[str] = []
    real = whoosh3.W3PerDocReader.has_column

    def counting(self, fieldname):  # type: ignore[no-untyped-def]
        calls.append(fieldname)
        return real(self, fieldname)

    monkeypatch.setattr(whoosh3.W3PerDocReader, "has_column", counting)
    with Engine(corpus_settings) as engine:
        per_doc = engine._searcher.reader()._perdoc
        for _ in range(50):
            per_doc.doc_field_length(0, "spell_body")
    assert len(calls) == 1  # the absence is remembered, not asked of the disk each time
