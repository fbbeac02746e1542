"""A large batch's segment is written by a process of its own while the actors are
extracted: the same index as written in the indexer's process, and a failure there fails
the batch without harm."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import segment_process
from newsdesk.index.storage.bulk_segment import commit, target_of, write_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import build_schema
from newsdesk.index.storage.term_ids import Vocabulary
from tests.bench.generate_corpus import write as write_corpus
from tests.helpers.calls import count_calls
from tests.helpers.paths import write_config
from tests.helpers.segments import contents


def build(tmp_path: Path, name: str, corpus: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Settings:
    cfg = write_config(tmp_path / f"{name}.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / name}\n  batch_size: 330\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    report = Indexer(settings).run()
    assert not report.problems and report.added == report.total
    return settings


@pytest.mark.slow
def test_the_writing_process_writes_what_the_indexer_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(660, corpus, seed=7)
    started = count_calls(monkeypatch, segment_process._Process, "__init__")
    apart = build(tmp_path, "apart", corpus, monkeypatch)
    assert started == [1]  # one process for the run's two batches of 330
    monkeypatch.setattr(segment_process, "MIN_DOCUMENTS", 10**9)
    here = build(tmp_path, "here", corpus, monkeypatch)
    assert started == [1]  # none this time
    ours, theirs = (_without_times(contents(index_paths(s).whoosh)) for s in (apart, here))
    assert ours["segments"] == theirs["segments"] == 2
    assert ours == theirs
    assert any(text == b"said" for _, text in ours["postings"])


def _without_times(found: dict) -> dict:
    """The index's contents less the time of indexing (the two builds ran apart)."""
    for part in ("postings", "stats"):
        found[part] = {k: v for k, v in found[part].items() if k[0] != "indexed"}
    return found


def test_a_failure_in_the_writing_process_fails_the_batch(tmp_path: Path) -> None:
    """A batch the process could not write fails with its message; the next batch gets a
    new process, and the segment it writes is the one written in the indexer's process."""
    docs = [{"id": f"d{i}", "body": f"words and more words {i % 7}", "path": "p"}
            for i in range(segment_process.MIN_DOCUMENTS)]
    actors = [("k1,k2" if i % 3 else None) for i in range(len(docs))]
    ix = FileStorage(str(tmp_path / "apart")).create().create_index(build_schema())
    writers = segment_process.SegmentWriters(Vocabulary())
    try:
        writer = ix.writer(codec=NewsdeskCodec())
        words: set[str] = set()
        job = writers.start(target_of(writer), [dict(d) for d in docs], words)
        with pytest.raises(RuntimeError, match="no field named 'nonesuch'"):
            job.finish({"nonesuch": [None] * (len(docs) - 1) + ["x"]})
        writers.stop()
        writer.cancel()
        writer = ix.writer(codec=NewsdeskCodec())
        job = writers.start(target_of(writer), [dict(d) for d in docs], words)
        assert job._build is None  # (written by the process)
        commit(writer, job.finish({"actors": actors}))
        assert words == {"words", "more"}  # (one-digit numbers are not indexed)
    finally:
        writers.close()
        ix.close()
    here = FileStorage(str(tmp_path / "here")).create().create_index(build_schema())
    writer = here.writer(codec=NewsdeskCodec())
    commit(writer, write_segment(writer, [dict(d, actors=a) for d, a in zip(docs, actors,
                                                                             strict=True)],
                                 Vocabulary()))
    here.close()
    assert contents(tmp_path / "apart") == contents(tmp_path / "here")
