"""The problems of the corpus files as the index last read them, kept in the article store.
A run reports what it read: the files that changed. The files it did not read keep the
problems their last reading found, for `newsdesk index --problems` (the dashboard, which
reads the files itself, sends people there: a plain `newsdesk index` after it listed
nothing, nothing having changed)."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.index.actors.cluster_faults import ACTORS, FAULTS_KEY, read_faults
from newsdesk.index.models import Problem
from newsdesk.index.storage.article_store import Store

KEY = "file_problems"


def new_ones(store: Store, problems: list[Problem], before: dict[str, str]) -> list[Problem]:
    """(Before `record`.) The problems to report, leaving out those
    the last reading of an unchanged file found already. A file is read again unchanged
    when it has no stamp (a named pipe, a dangling link, one that cannot be read: the
    listing meets it every run) or held duplicate ids (read again whenever another file
    changes, for the first copies may have gone): every search printed their lines again.
    A problem of a whole file (no line: it could not be read at all) is left out while it
    stays the same even if the file's stamp changed: /proc/self/mem linked into a corpus
    has a new time at every run and is never read."""
    after = store.file_stamps()
    known = _load(store)
    fresh: list[Problem] = []
    for problem in problems:
        unchanged = problem.line is None or before.get(problem.path) == after.get(problem.path)
        if unchanged and [problem.line, problem.reason, problem.skipped] in known.get(
                problem.path, []):
            continue
        fresh.append(problem)
    return fresh


def count(store: Store) -> int:
    """How many problems the files have as last read (what `--problems` lists)."""
    return sum(map(len, _load(store).values()))


def record(store: Store, problems: list[Problem], before: dict[str, str]) -> None:
    """After a run: the problems of the files it read (their stamps are not the ones of
    `before`) replace theirs; files gone lose theirs; the others keep theirs. Files with
    no stamp (never read) have this run's problems, which listed them all."""
    after = store.file_stamps()
    read = {path for path, stamp in after.items() if before.get(path) != stamp}
    kept = {path: rows for path, rows in _load(store).items()
            if path in after and path not in read}
    for problem in problems:
        # A file the listing could not take (a named pipe, a dangling link, one it cannot
        # stat) has no stamp: every run lists it again, so this run's word on it is kept.
        # --problems said "No problems" after a run had reported two of them.
        if problem.path in read or problem.path not in after:
            kept.setdefault(problem.path, []).append(
                [problem.line, problem.reason, problem.skipped])
    text = json.dumps(kept)
    if text == store.meta(KEY):
        return  # no write: a run that changed nothing leaves the store as it was
    with store.lock, store.db as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (KEY, text))


def last_found(store_path: Path) -> list[Problem]:
    """The problems of every file in the index, as its last reading found them, then the
    faults the actors' clustering contained (as "actors"); none when there is no index."""
    if not store_path.is_file():
        return []
    store = Store(store_path, readonly=True)
    try:
        rows = _load(store)
        faults = read_faults(store.meta(FAULTS_KEY))
    finally:
        store.close()
    return [Problem(path, str(reason), line if isinstance(line, int) else None,
                    bool(skipped))
            for path, found in sorted(rows.items()) for line, reason, skipped in found] \
        + [Problem(ACTORS, fault, skipped=False) for fault in faults]


def _load(store: Store) -> dict[str, list[list[object]]]:
    text = store.meta(KEY)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [r for r in v if isinstance(r, list) and len(r) == 3]
            for k, v in data.items() if isinstance(v, list)}
