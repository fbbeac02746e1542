"""A process of a run of many distinct names keeps its large blocks out of its heap
(storage/heap_bound.py): a freed large block goes back to the system at once, where
glibc's own rising threshold kept it in the heap; and the writing and extracting processes
bound their heaps only once their run is one of many names (bbc-30000's never is)."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import threading
from multiprocessing import Pipe
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from newsdesk.index.actors import extract
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.rows import make_extractor
from newsdesk.index.ingest import extract_process
from newsdesk.index.storage import segment_process, term_ids
from newsdesk.index.storage.bulk_segment import target_of
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import build_schema
from newsdesk.index.storage.term_ids import Vocabulary
from tests.helpers.paths import SEEDS

_GLIBC = hasattr(ctypes.CDLL(None), "mallinfo2") if sys.platform == "linux" else False

# In a fresh interpreter: glibc's threshold raised by a freed block of 16 MB (as a batch's
# arrays raise it), then a block of 8 MB made, written and freed: the heap's free bytes
# after it and the mapped bytes while it lived, in MB.
_FREED = """
import ctypes, sys
from newsdesk.index.storage.heap_bound import bound_heap
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena ordblks smblks hblks hblkhd usmblks "
                                               "fsmblks uordblks fordblks keepcost").split()]
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.free(libc.malloc(16 << 20))
if sys.argv[1] == "bound":
    assert bound_heap()
block = libc.malloc(8 << 20)
ctypes.memset(block, 1, 8 << 20)
mapped = libc.mallinfo2().hblkhd
libc.free(block)
print(libc.mallinfo2().fordblks >> 20, mapped >> 20)
"""


def _freed(how: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _FREED, how], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])


@pytest.mark.skipif(not _GLIBC, reason="glibc's malloc (mallinfo2) only")
def test_a_bound_heap_gives_a_large_freed_block_back() -> None:
    heap_free, mapped = _freed("bound")
    assert mapped >= 8 and heap_free < 4
    # (Unbounded, glibc keeps it: the case the bound is for.)
    heap_free, mapped = _freed("unbounded")
    assert mapped < 8 and heap_free >= 8


def _batch(tmp_path: Path, words: int) -> tuple[object, list[dict[str, str]]]:
    ix = FileStorage(str(tmp_path)).create().create_index(build_schema())
    docs = [{"id": f"d{i}", "body": " ".join(f"Name{i}x{j}" for j in range(words)),
             "path": "p"} for i in range(20)]
    return target_of(ix.writer(codec=NewsdeskCodec())), docs


@pytest.mark.parametrize(("max_forms", "bounded"), [(100, True), (10_000, False)])
def test_the_writing_process_bounds_its_heap_past_max_forms(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_forms: int,
        bounded: bool) -> None:
    """A batch of 200 distinct words: past a table of 100 forms the process bounds its
    heap; under 10,000 it does not."""
    monkeypatch.setattr(term_ids, "MAX_FORMS", max_forms)
    calls: list[int] = []
    monkeypatch.setattr(segment_process, "bound_heap", lambda: calls.append(1) or True)
    target, docs = _batch(tmp_path, 10)
    ours, theirs = Pipe()
    vocabulary = Vocabulary()
    serving = threading.Thread(target=segment_process._serve_batches,
                               args=(theirs, None, vocabulary))
    serving.start()
    ours.send((target, docs))
    ours.send({})
    outcome, *_ = ours.recv()
    ours.send(None)
    serving.join(30)
    assert outcome == "done" and vocabulary.many_forms() is bounded
    assert calls == ([1] if bounded else [])


@pytest.mark.parametrize(("kept", "bounded"), [(10, True), (None, False)])
def test_the_extracting_process_bounds_its_heap_once_its_names_caches_fill(
        monkeypatch: pytest.MonkeyPatch, kept: int | None, bounded: bool) -> None:
    """64 articles of distinct names: past names' caches of 10 entries the process bounds
    its heap; under their usual bound it does not."""
    if kept is not None:
        monkeypatch.setattr(extract, "NAME_CACHES_KEPT", kept)
    calls: list[int] = []
    monkeypatch.setattr(extract_process, "bound_heap", lambda: calls.append(1) or True)
    extractor = make_extractor(load_dictionaries([SEEDS / "actors.yaml"]))
    texts = [(f"a{i}", "News", f"Minister Arla Vento{i} said Borin Kestal{i} had met "
              f"Cato Mirel{i}.") for i in range(64)]
    ours, theirs = Pipe()
    serving = threading.Thread(target=extract_process._serve_batches,
                               args=(theirs, extractor))
    serving.start()
    ours.send(texts)
    outcome, _ = ours.recv()
    ours.send(None)
    serving.join(30)
    extract.bound_name_caches(0)  # (the caches as the next test expects them: empty)
    assert outcome == "done" and extractor.many_names is bounded
    assert calls == ([1] if bounded else [])
