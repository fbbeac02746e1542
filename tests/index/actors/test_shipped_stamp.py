"""The shipped data's part of the actor table's stamp is its contents: the same newsdesk
installed again, or checked out in another folder, must not re-cluster every actor."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsdesk.index.actors.dictionaries import SHIPPED_DICTIONARIES
from newsdesk.index.actors.table import shipped_stamp


def test_same_contents_elsewhere_and_later_stamp_the_same(tmp_path: Path) -> None:
    for shipped in SHIPPED_DICTIONARIES:
        here = tmp_path / "a" / shipped.name
        there = tmp_path / "b" / shipped.name
        for copy, when in ((here, 1_000_000_000), (there, 1_700_000_000)):
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(shipped, copy)
            os.utime(copy, (when, when))
        assert shipped_stamp(here) == shipped_stamp(there) == shipped_stamp(shipped)


def test_changed_contents_or_a_missing_file_change_the_stamp(tmp_path: Path) -> None:
    shipped = SHIPPED_DICTIONARIES[0]
    copy = tmp_path / shipped.name
    shutil.copyfile(shipped, copy)
    before = shipped_stamp(copy)
    data = bytearray(copy.read_bytes())
    data[-2:-1] = b"x" if data[-2:-1] != b"x" else b"y"  # same size, one byte
    copy.write_bytes(bytes(data))
    assert shipped_stamp(copy) != before
    copy.unlink()
    assert shipped_stamp(copy) not in (before, shipped_stamp(shipped))
