"""newsdesk's engine: corpus reading, indexing and search, imported as `newsdesk.index`.
It imports neither textual nor rich.

Rooms, lowest first (a room imports only from rooms below it; tests/test_import_contracts.py
checks): the top level's models, config, analysis, locations, paths and whoosh_version;
storage/ (the only room that touches Whoosh's internals) and userdata/; query/ and actors/;
views/; ingest/; and engine.py, the one facade for searching. The interface (newsdesk.tui)
uses the Engine, the Indexer (ingest/indexer.py), the user's files (userdata/, actor
curation in actors/table.py) and the plain functions and constants of query/ and views/,
never storage/."""

if __name__ != "newsdesk.index":
    # The folder is named index/ in the repository, but a bare `import index` would load a
    # second copy of every module beside newsdesk.index's (and shadow any other `index`).
    raise ImportError(f"newsdesk's engine is imported as newsdesk.index, not as {__name__}")

from newsdesk.index.storage.lean_imports import install

install()
