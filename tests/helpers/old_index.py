"""An index as the newsdesk before the move to newsdesk.index wrote it: its table of
contents pickles newsdesk's classes under index.<module>."""

from __future__ import annotations

import sys
import types

import pytest
from whoosh.codec.whoosh3 import W3Segment
from whoosh.index import TOC

from newsdesk.index.analysis import NewsAnalyzer
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.whoosh_fixes import file_storage


def write_as_before_the_move(paths: IndexPaths) -> None:
    """Rewrite the index's table of contents as the newsdesk before the move wrote it
    (newsdesk's classes under index.<module>, segments of Whoosh's class), and its
    recorded version (7)."""
    storage = file_storage(paths.whoosh)
    toc = TOC.read(storage, "MAIN")
    for segment in toc.segments:
        segment.__class__ = W3Segment
    with pytest.MonkeyPatch.context() as patch:  # undone before anything reads the index
        patch.setitem(sys.modules, "index", types.ModuleType("index"))
        for cls in (NewsAnalyzer, ArrayPositions, NewsdeskCodec):
            old = "index." + cls.__module__.rsplit(".", 1)[1]
            module = types.ModuleType(old)
            setattr(module, cls.__name__, cls)
            patch.setitem(sys.modules, old, module)
            patch.setattr(cls, "__module__", old)
        for written in paths.whoosh.glob("_MAIN_*.toc"):
            written.unlink()
        toc.write(storage, "MAIN")
    data = b"".join(t.read_bytes() for t in paths.whoosh.glob("_MAIN_*.toc"))
    assert b"index.codec" in data and b"newsdesk" not in data
    paths.version.write_text("7\n")
