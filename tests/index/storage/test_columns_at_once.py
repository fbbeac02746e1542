"""The bulk writer gives Whoosh's per-document writer its columns a column at a time
(bulk_segment._columns_at_once), not a document at a time: the segment's files are the same,
byte for byte, as the per-document loop makes them (the segment's random name aside), for
documents where fields are missing, empty, or first met late in the batch."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage

from newsdesk.index.storage import bulk_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import build_schema
from newsdesk.index.storage.term_ids import Vocabulary


def _docs(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    words = ["oil", "bank", "minister", "said", "the", "trade", "a", "Paris", "élection",
             "U.S.", "2.5", "growth"]
    docs = []
    for i in range(count):
        doc: dict[str, Any] = {"id": f"doc-{i}", "path": f"file-{i % 3}.jsonl",
                               "indexed": 1_700_000_000_000 + i // 7}
        # Fields met late, missing here and there, empty (no tokens: no length).
        if rng.random() < 0.8 or i < 5:
            doc["title"] = " ".join(rng.choices(words, k=rng.randint(0, 6)))
        if i >= 3 or rng.random() < 0.5:
            doc["body"] = " ".join(rng.choices(words, k=rng.randint(0, 40)))
        if i >= 4 and rng.random() < 0.7:
            day = datetime(2020, 1, 1 + rng.randint(0, 20), rng.randint(0, 23))
            doc["date"] = day.replace(tzinfo=UTC) if rng.random() < 0.1 else day
        if i >= 6 and rng.random() < 0.6:
            doc["source"] = rng.choice(["BBC", "Reuters wire", ""]) or None
        if rng.random() < 0.5:
            doc["facet"] = f"{rng.randint(0, 9)}\x1f{rng.choice(['bbc', 'reuters'])}".encode()
        if rng.random() < 0.4:
            doc["actors"] = ",".join(sorted(rng.sample(["oil", "bank", "paris"], 2)))
        if rng.random() < 0.3:
            doc["url"] = f"https://example.com/{i}"
        docs.append({k: v for k, v in doc.items() if v is not None})
    return docs


def _build(folder: Path, docs: list[dict[str, Any]]) -> dict[str, bytes]:
    """Each file of the index and each file inside its segment's compound file (whose
    order in it follows the folder's listing: not compared), the segment's random id
    replaced."""
    storage = FileStorage(str(folder)).create()
    ix = storage.create_index(build_schema())
    writer = ix.writer(codec=NewsdeskCodec())
    segment = bulk_segment.write_segment(writer, [dict(d) for d in docs], Vocabulary())
    segid = segment.segid
    bulk_segment.commit(writer, segment)
    ix.close()
    found = {path.name.replace(segid, "SEG"): path.read_bytes().replace(segid.encode(), b"SEG")
             for path in sorted(folder.iterdir())
             if path.is_file() and path.suffix not in (".seg", ".lock")}
    compound = segment.open_compound_file(storage)
    for name in compound.list():
        with compound.open_file(name) as handle:
            found["seg:" + name.replace(segid, "SEG")] = handle.read()
    compound.close()
    assert any(name.startswith("seg:") for name in found)
    return found


class _OtherWriter(bulk_segment.W3PerDocWriter):
    """Not the writer the columns go to at once: the per-document loop is taken."""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_columns_at_once_write_the_loops_bytes(tmp_path: Path, seed: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs(60, seed)
    at_once = _build(tmp_path / "at-once", docs)
    monkeypatch.setattr(NewsdeskCodec, "per_document_writer",
                        lambda self, storage, segment: _OtherWriter(self, storage, segment))
    by_loop = _build(tmp_path / "loop", docs)
    assert at_once.keys() == by_loop.keys()
    assert at_once == by_loop


def test_the_loops_path_is_the_one_compared(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    """(The comparison above is of two paths: with the at-once path broken, only the
    columns' writer built without the loop fails.)"""
    def broken(*_: object) -> None:
        raise AssertionError("at once")

    monkeypatch.setattr(bulk_segment, "_columns_at_once", broken)
    with pytest.raises(AssertionError, match="at once"):
        _build(tmp_path / "broken", _docs(10, 1))
