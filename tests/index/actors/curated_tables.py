"""An actor table clustered from a few articles with a curation file beside it, and the
check that a curation edit's patch gives what a rebuild gives: shared by the tests of
edits on small corpora."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import ActorTable, dictionaries_before, mention_rows
from newsdesk.index.storage.article_store import Store


@dataclass
class CuratedTable:
    table: ActorTable
    curation: Curation
    path: Path  # the curation file

    def listing(self) -> list[tuple]:
        return sorted((a.name, a.type, a.hidden, a.articles, a.mentions, tuple(a.aliases))
                      for a in self.table.list(hidden=True))

    def patched_equals_rebuild(self) -> None:
        """After an edit: the table patched for it, then rebuilt; both the same."""
        applied = self.curation.applied
        assert applied is not None
        self.table.patch(load_dictionaries([self.path]), applied.touched, "",
                         dictionaries_before([self.path], False, self.path, applied.previous))
        assert self.table.last_patch is not None  # (patched, not rebuilt)
        patched = self.listing()
        self.table.rebuild(load_dictionaries([self.path]))
        assert patched == self.listing()


@contextmanager
def curated_table(folder: Path, articles: Iterable[tuple[str, str]],
                  extractor: Extractor) -> Iterator[CuratedTable]:
    """The actors of `articles` (title, text), stored in `folder`, clustered with an empty
    curation file there."""
    store = Store(folder / "store.sqlite")
    try:
        rows: list = []
        for n, (title, text) in enumerate(articles):
            rows.extend(mention_rows(str(n), extractor.extract(title, text)))
        store.mark_done(rows, [])
        path = folder / "actors.yaml"
        table = ActorTable(store)
        table.rebuild(load_dictionaries([path]))
        yield CuratedTable(table, Curation(path), path)
    finally:
        store.close()
