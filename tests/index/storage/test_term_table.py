"""The term table written a field's terms at a time (storage/term_table.py) is byte for
byte the file Whoosh's OrderedHashWriter writes, one term at a time, for the same terms."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import OrderedHashWriter

from newsdesk.index.storage.term_table import TermTableWriter

SIZE = 7  # bytes a value


def _runs() -> list[list[tuple[bytes, bytes]]]:
    rng = random.Random(3)
    keys = sorted({bytes(rng.choice(b"abcxyz\xc3\xa9") for _ in range(rng.randrange(1, 9)))
                   for _ in range(3000)})
    items = [(key, bytes(rng.randrange(256) for _ in range(SIZE))) for key in keys]
    # in runs of terms, one of a single term, as the bulk writer adds a field's at a time
    cuts = sorted({0, 1, 2, 500, 1700, len(items)})
    return [items[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def test_the_term_table_is_whooshs_byte_for_byte(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path))
    ours = TermTableWriter(storage.create_file("ours"))
    theirs = OrderedHashWriter(storage.create_file("theirs"))
    for writer in (ours, theirs):
        writer.extras["fieldmap"] = {"body": 0}
    for run in _runs():
        ours.add_all_fixed([key for key, _ in run], b"".join(v for _, v in run), SIZE)
        for key, value in run:
            theirs.add(key, value)
    ours.close()
    theirs.close()
    assert (tmp_path / "ours").read_bytes() == (tmp_path / "theirs").read_bytes()


def test_terms_added_one_at_a_time_between_runs_keep_their_slots(tmp_path: Path) -> None:
    """Whoosh's own `add` between the runs (a field's inlined terms), on a writer made by
    Whoosh and given the class afterwards (as array_merging does): each bucket's entries
    stay in the order they came, so every slot is Whoosh's."""
    storage = FileStorage(str(tmp_path))
    ours = OrderedHashWriter(storage.create_file("ours"))
    theirs = OrderedHashWriter(storage.create_file("theirs"))
    first = True
    for writer in (ours, theirs):
        writer.extras["fieldmap"] = {"body": 0}
    for run in _runs():
        if first:  # (one term the Whoosh way before the class is changed)
            key, value = run[0]
            ours.add(key, value)
            theirs.add(key, value)
            run, first = run[1:], False
            ours.__class__ = TermTableWriter
        half = len(run) // 2
        for key, value in run[:half]:
            ours.add(key, value)
            theirs.add(key, value)
        if run[half:]:
            ours.add_all_fixed([key for key, _ in run[half:]],
                               b"".join(v for _, v in run[half:]), SIZE)
        for key, value in run[half:]:
            theirs.add(key, value)
    ours.close()
    theirs.close()
    assert (tmp_path / "ours").read_bytes() == (tmp_path / "theirs").read_bytes()


def test_the_tables_md5_is_hashlibs() -> None:
    """term_table's MD5 (CPython's own module where there is one) digests as hashlib's."""
    import hashlib
    import random

    from newsdesk.index.storage import term_table

    rng = random.Random(5)
    keys = [b"", b"\x00\x01oil", "élection".encode(), bytes(range(256)) * 9] + \
        [rng.randbytes(rng.randint(1, 300)) for _ in range(200)]
    for key in keys:
        assert term_table.md5(key).digest() == \
            hashlib.md5(key, usedforsecurity=False).digest()
        assert term_table.key_hash(key) == \
            int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[12:], "big")
