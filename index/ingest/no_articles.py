"""A corpus whose files gave no article at all (a 0-byte file, a .jsonl of blank lines, files
that all failed to read) is an error naming the files and why, like an empty folder: every
search of it said "0 hits" (exit 1), as if the corpus had no match."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.ingest.problem_log import last_found
from newsdesk.index.ingest.sources import FORMATS, CorpusSourceError
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.article_store import Store

SHOWN = 5  # problems named in the message; the rest are counted


def check_some_article(settings: Settings) -> None:
    """Raise CorpusSourceError if the index holds no article (pending ones count: a stopped
    build has some) and name the files' problems as the last run found them."""
    paths = index_paths(settings)
    if not paths.store.is_file():
        return  # no index yet: nothing is known
    store = Store(paths.store, readonly=True)
    try:
        with store.lock:
            some = store.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    finally:
        store.close()
    if some:
        return
    sources = ", ".join(str(s) for s in settings.corpus.sources)
    problems = last_found(paths.store)
    if not problems:
        raise CorpusSourceError(f"no article in the corpus ({sources}): its files hold no "
                                f"article text. newsdesk reads {FORMATS}")
    named = "; ".join(str(p) for p in problems[:SHOWN])
    more = f"; and {len(problems) - SHOWN} more (newsdesk index --problems)" \
        if len(problems) > SHOWN else ""
    raise CorpusSourceError(f"no readable article in the corpus ({sources}): {named}{more}")
