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
            per_doc.doc_field_length(0, "actors")  # not scorable: no lengths column
    assert len(calls) == 1  # the absence is remembered, not asked of the disk each time


def test_cached_lengths_equal_whoosh_own(corpus_settings: Settings, corpus_dir: Path) -> None:
    assert whoosh3.W3PerDocReader.doc_field_length is whoosh_patches._doc_field_length
    for n in range(40):
        (corpus_dir / f"a{n}.txt").write_text(f"Title {n}\n\n" + "word " * (n * 37 % 300))
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        per_doc = engine._searcher.reader()._perdoc
        original = whoosh3.W3PerDocReader.__dict__["doc_field_length"]
        for field in ("title", "body", "actors"):
            for docnum in range(per_doc.doc_count_all()):
                assert original(per_doc, docnum, field, -1) == _unpatched(per_doc, docnum,
                                                                          field, -1)


def _unpatched(reader: whoosh3.W3PerDocReader, docnum: int, fieldname: str,
               default: int) -> int:
    """Whoosh's own doc_field_length, as it reads one length byte per call."""
    column = reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return default
    byte = column[docnum]
    return whoosh3.byte_to_length(byte) if byte else default
