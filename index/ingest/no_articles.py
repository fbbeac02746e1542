"""A corpus whose files gave no article at all (a 0-byte file, a .jsonl of blank lines, files
that all failed to read) is an error naming the files and why, like an empty folder: every
search of it said "0 hits" (exit 1), as if the corpus had no match."""

from __future__ import annotations

import sqlite3

from newsdesk.index.config import Settings
from newsdesk.index.ingest.files import list_files
from newsdesk.index.ingest.problem_log import last_found
from newsdesk.index.ingest.sources import FORMATS, CorpusSourceError
from newsdesk.index.models import IndexFolderError
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store

SHOWN = 5  # problems named in the message; the rest are counted


class IndexNotBuiltError(IndexFolderError):
    """The index holds no article because its build did not get as far as reading the
    corpus, not because the corpus has none."""


def _counted(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def check_some_article(settings: Settings) -> None:
    """Raise CorpusSourceError if the index holds no article (pending ones count: a stopped
    build has some) and name the files' problems as the last run found them."""
    paths = index_paths(settings)
    if not paths.store.is_file():
        return  # no index yet: nothing is known
    try:
        store = Store(paths.store, readonly=True)
    except sqlite3.OperationalError:
        # A full disk or a read-only folder (a WAL store's reader needs its -shm file): the
        # engine opens it as it can (Store's fallback) and says what is wrong, if anything.
        return
    try:
        with store.lock:
            some = store.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
        read = set() if some else set(store.file_stamps())
    except sqlite3.OperationalError:
        return
    finally:
        store.close()
    if some:
        return
    sources = ", ".join(str(s) for s in settings.corpus.sources)
    files, _ = list_files(settings.corpus.sources)
    unread = [f for f in files if f.key not in read]
    if unread:
        # An index with no article whose build never read these files (a full disk, a
        # build stopped before its first commit) says nothing about the corpus: it said
        # "no article in the corpus ... newsdesk reads .txt" of 4,200 good articles.
        raise IndexNotBuiltError(
            f"the index of {sources} holds no article yet: its build did not finish "
            f"({_counted(len(unread), 'file')} not read yet, {unread[0].path} first); run "
            "`newsdesk index` (a full disk or a read-only index folder is said there)")
    problems = last_found(paths.store)
    if not problems:
        raise CorpusSourceError(f"no article in the corpus ({sources}): its files hold no "
                                f"article text. newsdesk reads {FORMATS}")
    named = "; ".join(str(p) for p in problems[:SHOWN])
    more = f"; and {len(problems) - SHOWN} more (newsdesk index --problems)" \
        if len(problems) > SHOWN else ""
    raise CorpusSourceError(f"no readable article in the corpus ({sources}): {named}{more}")
