"""The indexer's own share of a handed-on batch's extraction (ingest/overlap.py's
`_own_part`): a batch of long articles goes to one extraction process but for its last
articles, which the indexer extracts itself while it would wait; the share is learnt from
the wait; the build is the one of batches committed in turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest import extract_process, indexer, overlap
from newsdesk.index.ingest.extract_process import Texts
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.overlap import Overlap, _own_from
from tests.index.ingest.test_extract_split import _same_build, _texts
from tests.index.ingest.test_overlap import BATCH, _both_ways, _small, write_config


def test_the_own_part_is_the_batch_s_last_share_of_characters() -> None:
    texts: Texts = [(str(i), "", "x" * 10) for i in range(10)]
    assert _own_from(texts, 0.0) == 10  # none
    assert _own_from(texts, 0.3) == 7  # the last three
    assert _own_from(texts, 0.99) == 1  # one at least is left to the process
    assert _own_from([("a", "", "x" * 90), ("b", "t", "x" * 9)], 0.2) == 1
    # (An article that ends past the process's part is ours.)
    assert _own_from([("a", "", "x" * 90), ("b", "", "x" * 10)], 0.05) == 1
    assert _own_from([("a", "", "x" * 90), ("b", "", "x" * 10)], 0.0) == 2


def _learning(share: float) -> Overlap:
    learning = object.__new__(Overlap)
    learning._own_share = share
    return learning


def test_the_share_takes_half_the_wait_and_shrinks_where_the_indexer_was_late() -> None:
    learning = _learning(0.0)
    learning._learn_share(waited=0.2, took=2.0)  # half the wait of a 2 s batch
    assert learning._own_share == pytest.approx(0.05)
    learning._learn_share(waited=5.0, took=2.0)  # a step at most
    assert learning._own_share == pytest.approx(0.05 + overlap.OWN_STEP)
    for _ in range(20):
        learning._learn_share(waited=5.0, took=2.0)
    assert learning._own_share == overlap.OWN_MOST
    learning._learn_share(waited=0.0, took=2.0)  # the process waited for the indexer
    assert learning._own_share == pytest.approx(overlap.OWN_MOST * overlap.OWN_SHRINK)


def _long_articles(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every batch of the corpus in `folder` too long to be split over two processes."""
    texts = _texts(folder)
    shortest = min(len(title) + len(text) for _, title, text in texts)
    monkeypatch.setattr(overlap, "SPLIT_CHARS", shortest - 1)


def _fixed_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """A share of 0.4 from the first batch on, whatever the waits."""
    monkeypatch.setattr(Overlap, "_learn_share", lambda self, waited, took: None)
    real_init = Overlap.__init__

    def sharing(self: Overlap, *args: object) -> None:
        real_init(self, *args)  # type: ignore[arg-type]
        self._own_share = 0.4

    monkeypatch.setattr(Overlap, "__init__", sharing)


def test_batches_with_a_share_extracted_here_build_what_batches_in_turn_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    _long_articles(monkeypatch, folder)
    _fixed_share(monkeypatch)
    sent: list[int] = []
    real_send = extract_process.ExtractionProcess.send

    def send(self: extract_process.ExtractionProcess, message: object) -> None:
        if message is not None:
            sent.append(len(message))  # type: ignore[arg-type]
        real_send(self, message)

    monkeypatch.setattr(extract_process.ExtractionProcess, "send", send)
    here = _counted_here(monkeypatch)
    ahead: list[int] = []
    real_update = indexer.dup_groups.update
    monkeypatch.setattr(indexer.dup_groups, "update",
                        lambda *a, **k: ahead.append(1) or real_update(*a, **k))
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    assert len(sent) == len(here) == 4  # each batch in two: the process's part and ours
    assert sum(sent) + sum(here) == 120 and all(0 < n < 30 for n in here)
    # No update of the groups ahead: the indexer's waits went to its share; one at the end
    # (and one at the end of the build in turn).
    assert len(ahead) == 2
    _same_build(ours, theirs)


def test_a_run_of_more_text_than_own_bytes_extracts_all_in_the_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    _long_articles(monkeypatch, folder)
    monkeypatch.setattr(indexer, "OWN_BYTES", 100)
    _fixed_share(monkeypatch)
    here: list[int] = []
    monkeypatch.setattr(overlap, "extract_batch",
                        lambda extractor, texts: here.append(1))  # (never called)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    assert here == []
    _same_build(ours, theirs)


def _first_share_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_mb: float
                     ) -> tuple[list[int], Settings, Settings]:
    """The 120 long articles of `_small` in batches of 30 handed on, the share never
    learnt (it stays what the first batch starts with): how many articles of each batch
    the indexer extracted itself, and both builds' settings (handed on, in turn)."""
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    _long_articles(monkeypatch, folder)
    monkeypatch.setattr(Overlap, "_learn_share", lambda self, waited, took: None)
    here = _counted_here(monkeypatch)
    folders: list[Settings] = []
    for name, handed in (("handed", True), ("in-turn", False)):
        if not handed:
            monkeypatch.setattr(Overlap, "wanted", lambda self, documents: False)
        cfg = write_config(tmp_path / f"{name}.yaml", [folder],
                           f"index:\n  dir: {tmp_path / name}\n  batch_size: {BATCH}\n"
                           f"  batch_mb: {batch_mb}\n")
        monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
        settings = load_settings()
        Indexer(settings).run()
        folders.append(settings)
    return here, folders[0], folders[1]


def test_a_run_of_several_batches_starts_with_a_share(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (120 KB of corpus: two batches' worth of 50 KB or more; batches of 30 articles, under
    # 50 KB each.)
    here, ours, theirs = _first_share_run(tmp_path, monkeypatch, 0.05)
    first = _texts(tmp_path / "corpus")[:BATCH]
    assert here[0] == BATCH - _own_from(first, overlap.FIRST_SHARE) > 0
    assert len(here) == 4  # (the share never learnt: each batch the first's)
    _same_build(ours, theirs)


def test_a_run_of_one_batch_s_worth_starts_with_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here, _, _ = _first_share_run(tmp_path, monkeypatch, 8.0)
    assert here == []


def _counted_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles of each batch the indexer extracts itself, appended as it does."""
    here: list[int] = []
    real_batch = overlap.extract_batch

    def extracted_here(extractor: object, texts: Texts) -> object:
        here.append(len(texts))
        return real_batch(extractor, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(overlap, "extract_batch", extracted_here)
    return here


def test_a_run_of_many_distinct_names_extracts_no_more_here_once_its_caches_are_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the indexer's own share fills its names' caches past their bound (a corpus of
    many distinct names), the later batches go whole to the extraction process, and the
    indexer lets go of its caches and extractor: the same build."""
    from newsdesk.index.actors import extract

    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    _long_articles(monkeypatch, folder)
    _fixed_share(monkeypatch)
    monkeypatch.setattr(extract, "NAME_CACHES_KEPT", 3)
    monkeypatch.setattr(extract, "_CACHES_CHECKED", 1)
    here = _counted_here(monkeypatch)
    released: list[int] = []
    real_let_go = Indexer._names_let_go

    def let_go(self: Indexer) -> None:
        real_let_go(self)
        released.append(1)
        assert "extractor" not in vars(self)

    monkeypatch.setattr(Indexer, "_names_let_go", let_go)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch)
    # The first batch's share only: its names filled the caches; then none here.
    assert len(here) == 1 and 0 < here[0] < 30 and released == [1]
    _same_build(ours, theirs)
