"""A handed-on batch's extraction split over two processes (ingest/extract_split.py): what
the two parts find, joined, is what one extractor finds in the whole batch; the build is
the one of batches committed in turn; and a process of the two that cannot be had, is
gone or fails takes the way the single process took."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from newsdesk.index.actors.table import make_extractor
from newsdesk.index.config import Settings
from newsdesk.index.ingest import extract_process, overlap
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.ingest.extract_process import Texts, extract_batch
from newsdesk.index.ingest.extract_split import Extractions, joined, split_at
from newsdesk.index.ingest.indexer import Indexer, settings_dictionaries
from newsdesk.index.ingest.overlap import Overlap
from newsdesk.index.storage import bulk_segment, segment_process
from tests.helpers.calls import count_calls
from tests.index.ingest.test_overlap import (
    _counted,
    _index,
    _settings,
    _small,
    _store,
)


def _same_build(ours: Settings, theirs: Settings) -> None:
    """The two builds' index and store hold the same."""
    assert _index(ours) == _index(theirs)
    assert _store(ours) == _store(theirs)


@pytest.fixture(scope="module")
def in_turn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings]:
    """`_small`'s corpus and its build with every batch committed in turn: the build each
    test's own is held against. One build for the file: it is the same in every test
    (no extraction process in it, whatever a test patches of theirs), and its index and
    store are only read. Each test made it again: a sixth of the file's CPU
    (16.4 -> 13.3 s, BENCHMARKS "ci30")."""
    root = tmp_path_factory.mktemp("in-turn")
    with pytest.MonkeyPatch.context() as patched:
        _small(patched, root / "corpus")
        patched.setattr(Overlap, "wanted", lambda self, documents: False)
        theirs = _settings(root, "in-turn", root / "corpus", patched)
        Indexer(theirs).run()
    return root / "corpus", theirs


@pytest.fixture
def shared_corpus(in_turn: tuple[Path, Settings], monkeypatch: pytest.MonkeyPatch) -> Path:
    """`_small`'s patches, and the corpus the in-turn build was made of (read only)."""
    monkeypatch.setattr(segment_process, "MIN_DOCUMENTS", 20)
    monkeypatch.setattr(bulk_segment, "PART_POSITIONS", 1000)
    return in_turn[0]


def _both_ways(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
               in_turn: tuple[Path, Settings]) -> tuple[Settings, Settings]:
    """The corpus indexed (or updated) with batches handed on, and the module's build of it
    committed in turn."""
    assert folder == in_turn[0]
    ours = _settings(tmp_path, "handed", folder, monkeypatch)
    Indexer(ours).run()
    return ours, in_turn[1]


def _texts(folder: Path) -> Texts:
    return [(record["id"], record.get("title") or "", record["text"])
            for record in map(json.loads, (folder / "a.jsonl").read_text(
                encoding="utf-8").splitlines())]


def test_a_batch_is_cut_at_half_its_characters() -> None:
    assert split_at([("a", "", "x" * 10), ("b", "", "x" * 10)]) == 1
    assert split_at([("a", "", "x" * 100), ("b", "", "x"), ("c", "", "x")]) == 1
    assert split_at([("a", "t", "x"), ("b", "", "x"), ("c", "", "x" * 5),
                     ("d", "", "x" * 2)]) == 2  # (3 of 11 before it, 8 with it)
    assert split_at([("a", "", "x"), ("b", "", "x"), ("c", "", "x" * 100)]) == 2


def test_the_parts_found_by_fresh_extractors_joined_are_the_whole_batch_found_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    _small(monkeypatch, folder)
    settings = _settings(tmp_path, "split", folder, monkeypatch)
    dictionaries = settings_dictionaries(settings)
    texts = _texts(folder)
    whole = extract_batch(make_extractor(dictionaries), texts)
    at = split_at(texts)
    assert 0 < at < len(texts)
    parts = [extract_batch(make_extractor(dictionaries), part)
             for part in (texts[:at], texts[at:])]
    assert joined(parts) == whole
    assert whole[0].mentions and whole[0].acronyms and any(whole[1][at:])
    assert joined([whole]) is whole
    assert joined([(Extracted(), []), whole]) == whole


def test_one_core_extracts_a_batch_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    folder = shared_corpus
    started = _counted(monkeypatch)
    monkeypatch.setattr(overlap, "cores", lambda: 1)
    sends = count_calls(monkeypatch, extract_process.ExtractionProcess, "send")
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)
    assert started == [1]
    assert len(sends) == 4  # a part a batch
    _same_build(ours, theirs)


def test_batches_of_long_articles_are_extracted_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    folder = shared_corpus
    texts = _texts(folder)
    shortest = min(len(title) + len(text) for _, title, text in texts)
    monkeypatch.setattr(overlap, "SPLIT_CHARS", shortest - 1)  # (every one too long)
    started = _counted(monkeypatch)
    sends = count_calls(monkeypatch, extract_process.ExtractionProcess, "send")
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)
    assert started == [1]
    assert len(sends) == 4
    _same_build(ours, theirs)
    longest = max(len(title) + len(text) for _, title, text in texts)
    monkeypatch.setattr(overlap, "SPLIT_CHARS", longest)  # (every batch short enough)
    (tmp_path / "again").mkdir()
    _both_ways(tmp_path / "again", folder, monkeypatch, in_turn)
    assert started == [1, 1, 1]


def _pair(monkeypatch: pytest.MonkeyPatch) -> list[Extractions]:
    """The extraction pairs started, in order."""
    pairs: list[Extractions] = []
    real = Extractions.__init__

    def kept(self: Extractions, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        pairs.append(self)

    monkeypatch.setattr(Extractions, "__init__", kept)
    return pairs


def _kill(pair: Extractions, which: int) -> None:
    process = pair._processes[which]._proc
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    process.join()


def test_the_first_process_that_cannot_be_started_leaves_the_batches_to_the_indexer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    _cannot_start(tmp_path, monkeypatch, 0, shared_corpus, in_turn)


def test_a_second_process_that_cannot_be_started_leaves_the_batches_to_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    _cannot_start(tmp_path, monkeypatch, 1, shared_corpus, in_turn)


def _cannot_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int,
                  shared_corpus: Path, in_turn: tuple[Path, Settings]) -> None:
    """Extraction process `which` of the run cannot be had (and none after it)."""
    folder = shared_corpus
    real = extract_process.ExtractionProcess.__init__
    inits: list[extract_process.ExtractionProcess] = []
    tried: list[int] = []

    def failing(self: extract_process.ExtractionProcess, *args: object) -> None:
        tried.append(1)
        if len(inits) >= which:
            raise OSError("no process to be had")
        inits.append(self)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_process.ExtractionProcess, "__init__", failing)
    sends = count_calls(monkeypatch, extract_process.ExtractionProcess, "send")
    added = count_calls(monkeypatch, Extracted, "add")  # (extracted in the indexer)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)
    assert len(inits) == which and len(tried) == which + 1  # (not tried again)
    if which == 0:
        assert len(added) == 120  # every article in the indexer
    else:
        assert not added and len(sends) == 4  # the first alone, a batch a time
    # (The build in turn, made once for the file, extracts every article in the indexer.)
    _same_build(ours, theirs)


def test_past_split_until_documents_a_run_extracts_with_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    folder = shared_corpus
    monkeypatch.setattr(overlap, "SPLIT_UNTIL", 60)  # (two batches of 30)
    started = _counted(monkeypatch)
    parts: list[int] = []
    real_send = extract_process.ExtractionProcess.send

    def send(self: extract_process.ExtractionProcess, message: object) -> None:
        if message is not None:
            parts.append(len(message))  # type: ignore[arg-type]
        real_send(self, message)

    monkeypatch.setattr(extract_process.ExtractionProcess, "send", send)
    closed = count_calls(monkeypatch, extract_process.ExtractionProcess, "close")
    owns = _own_parts(monkeypatch)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)
    assert started == [1, 1] and len(closed) == 2  # the second ended, then the first
    # Batch 2 in two parts, none of it extracted here; batches 1, 3 and 4 to one process
    # each, but for the indexer's own share (none for the first: the share is learnt
    # from the batches before; batches 3 and 4 may have one, by the waits: `owns`).
    assert len(parts) == 5 and owns[:2] == [0, 0] and len(owns) == 4
    assert parts[0] == 30 and parts[1] + parts[2] == 30
    assert parts[3] + owns[2] == parts[4] + owns[3] == 30
    _same_build(ours, theirs)


def _own_parts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The articles of each batch handed on that the indexer keeps to extract itself."""
    owns: list[int] = []
    real = Overlap._own_part

    def own_part(self: Overlap, texts: Texts, split: bool) -> tuple[Texts, Texts | None]:
        sent, own = real(self, texts, split)
        owns.append(len(own or ()))
        assert len(sent) + owns[-1] == len(texts)
        return sent, own

    monkeypatch.setattr(Overlap, "_own_part", own_part)
    return owns


@pytest.mark.parametrize("which", [0, 1])
def test_a_process_gone_before_a_batch_is_sent_leaves_that_batch_to_the_indexer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int, shared_corpus: Path,
        in_turn: tuple[Path, Settings]) -> None:
    folder = shared_corpus
    started = _counted(monkeypatch)
    pairs = _pair(monkeypatch)
    real_send = Extractions.send
    sent: list[int] = []

    def send(self: Extractions, texts: Texts, split: bool = True) -> None:
        sent.append(len(texts))
        if len(sent) == 2:  # killed from outside before the second batch
            _kill(self, which)
        real_send(self, texts, split)

    monkeypatch.setattr(Extractions, "send", send)
    added = count_calls(monkeypatch, Extracted, "add")
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)
    assert started == [1] * 4  # another pair for the batches after it
    assert not any(process._proc.is_alive() for process in pairs[0]._processes)
    assert len(added) == 30  # that batch in the indexer
    _same_build(ours, theirs)


def _fails_a_batch(monkeypatch: pytest.MonkeyPatch, which: int, how: str) -> None:
    """Process `which` of the pair dies (`how` "dies") or fails ("fails": its part is no
    list of texts) while it extracts the second batch."""
    pairs = _pair(monkeypatch)
    real_send = extract_process.ExtractionProcess.send
    sent: list[object] = []

    def send(self: extract_process.ExtractionProcess, message: object) -> None:
        ours = message is not None and len(pairs[-1]._processes) > which \
            and self is pairs[-1]._processes[which]
        if ours:
            sent.append(message)
        if ours and how == "fails" and len(sent) == 2:
            message = [("no title", "and no text")]
        real_send(self, message)
        if ours and how == "dies" and len(sent) == 2:
            _kill(pairs[-1], which)

    monkeypatch.setattr(extract_process.ExtractionProcess, "send", send)


# Each process dies in one case and fails in the other; the other two pairs under -m slow
# (the suite's ten minutes).
@pytest.mark.parametrize(("which", "how"), [
    (0, "dies"), (1, "fails"), pytest.param(1, "dies", marks=pytest.mark.slow),
    pytest.param(0, "fails", marks=pytest.mark.slow)])
def test_a_process_that_dies_or_fails_in_a_batch_fails_it_and_the_next_run_commits_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int, how: str,
        shared_corpus: Path, in_turn: tuple[Path, Settings]) -> None:
    folder = shared_corpus
    with monkeypatch.context() as patched:
        _fails_a_batch(patched, which, how)
        failing = _settings(tmp_path, "handed", folder, patched)
        message = r"process ended \(code -9\) without the batch's mentions" \
            if how == "dies" else "process failed: ValueError"
        with pytest.raises(RuntimeError, match=f"^the actor-extraction {message}"):
            Indexer(failing).run()
    left = [pending for _, _, pending in _store(failing)["articles"]]
    assert 30 <= sum(map(bool, left)) < 120  # (the batch in flight and any after it)
    ours, theirs = _both_ways(tmp_path, folder, monkeypatch, in_turn)  # (the same folder)
    _same_build(ours, theirs)
    assert [pending for _, _, pending in _store(ours)["articles"]] == [0] * 120


class _Part:
    """A process of the pair as the pair sees it: what it was sent, and whether its part
    has come."""

    def __init__(self) -> None:
        self.sent: list[Texts] = []
        self.come = False

    def send(self, texts: Texts) -> None:
        self.sent.append(texts)

    def ready(self) -> bool:
        return self.come

    def receive(self) -> tuple[Extracted, list[str | None]]:
        return Extracted(), [text for _, _, text in self.sent[-1]]


def test_a_batch_is_ready_when_both_parts_have_come_and_comes_back_in_order() -> None:
    pair = Extractions.__new__(Extractions)
    first, second = _Part(), _Part()
    pair._processes = [first, second]  # type: ignore[list-item]
    texts = [(str(i), "", f"text {i}") for i in range(5)]
    pair.send(texts)
    assert first.sent == [texts[:2]] and second.sent == [texts[2:]]
    assert not pair.ready()
    first.come = True
    assert not pair.ready()
    second.come = True
    assert pair.ready()
    assert pair.receive()[1] == [text for _, _, text in texts]
    pair.send(texts[:1])  # (one article: one part)
    assert first.sent[-1] == texts[:1] and len(second.sent) == 1
    assert pair.receive()[1] == ["text 0"]
