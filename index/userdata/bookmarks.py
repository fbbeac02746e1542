"""Saved searches and query history of one corpus: small YAML files a person can read and
edit, in the user's data directory, written atomically with a backup of the last version.
A file that does not parse is reported with its path and line and is never written over."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from newsdesk.index import locations
from newsdesk.index.config import Settings
from newsdesk.index.models import NewsdeskError
from newsdesk.index.paths import index_paths
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.yaml_files import UserFileError, entries, load_yaml

FORMAT_VERSION = 1
HISTORY_LIMIT = 500


class SavedFileError(UserFileError):
    """A saved-searches or history file that cannot be read; it is left as it is."""


def _load_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    return load_yaml(path, SavedFileError)


def _entries(data: object, node: yaml.Node | None, key: str, path: Path
             ) -> list[tuple[object, int]]:
    return entries(data, node, key, path, SavedFileError)


@dataclass(slots=True)
class Bookmark:
    name: str
    query: str
    created: float
    opened: float  # articles indexed after this are "new"


def corpus_data_dir(settings: Settings) -> Path:
    """Bookmarks belong to a corpus: one folder per corpus, named like its index."""
    return locations.data_dir() / "corpora" / index_paths(settings).root.name


def _stamp(value: float) -> str:
    # Milliseconds: an article indexed a moment before an "open" must not count as new.
    return datetime.fromtimestamp(value).isoformat(timespec="milliseconds")


def _unstamp(value: object, path: Path, line: int) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    try:
        return datetime.fromisoformat(str(value)).timestamp()
    except ValueError:
        raise SavedFileError(f"{path}:{line}: bad time {value!r} (use 2024-01-31T09:00:00)") \
            from None


class BookmarkStore:
    """The saved searches of one corpus (saved.yaml)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "saved.yaml"
        self.bookmarks: list[Bookmark] = []
        self.error: str | None = None  # set when the file is broken: nothing is written then

    def load(self) -> list[Bookmark]:
        try:
            data, node = _load_yaml(self.path)
            found: list[Bookmark] = []
            for item, line in _entries(data, node, "bookmarks", self.path):
                if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                        or not isinstance(item.get("query"), str):
                    raise SavedFileError(f"{self.path}:{line}: a bookmark needs a name and a "
                                         "query (both text)")
                created = _unstamp(item.get("created", datetime.now()), self.path, line)
                opened = _unstamp(item.get("opened", item.get("created", datetime.now())),
                                  self.path, line)
                found.append(Bookmark(item["name"], item["query"], created, opened))
        except SavedFileError as exc:
            self.error = str(exc)
            raise
        self.error = None
        self.bookmarks = found
        return found

    def get(self, name: str) -> Bookmark | None:
        return next((b for b in self.bookmarks if b.name == name), None)

    def save(self) -> None:
        if self.error:
            raise SavedFileError(f"not saved: {self.error}")
        header = ("# newsdesk saved searches for one corpus. Edit by hand if you like: each\n"
                  "# bookmark has a name, a query, and when it was created and last opened.\n")
        body = yaml.safe_dump({"version": FORMAT_VERSION, "bookmarks": [
            {"name": b.name, "query": b.query, "created": _stamp(b.created),
             "opened": _stamp(b.opened)} for b in self.bookmarks]},
            sort_keys=False, allow_unicode=True)
        write_atomic(self.path, header + body)

    def put(self, name: str, query: str) -> Bookmark:
        """Add or replace (keeping its place in the list)."""
        now = time.time()
        bookmark = Bookmark(name, query, now, now)
        for i, existing in enumerate(self.bookmarks):
            if existing.name == name:
                self.bookmarks[i] = bookmark
                break
        else:
            self.bookmarks.append(bookmark)
        self.save()
        return bookmark

    def rename(self, old: str, new: str) -> None:
        if self.get(new) is not None:
            raise NewsdeskError(f"a saved search named '{new}' exists already")
        bookmark = self.get(old)
        if bookmark is None:
            raise NewsdeskError(f"no saved search named '{old}'")
        bookmark.name = new
        self.save()

    def remove(self, name: str) -> None:
        if self.get(name) is None:
            raise NewsdeskError(f"no saved search named '{name}'")
        self.bookmarks = [b for b in self.bookmarks if b.name != name]
        self.save()

    def mark_opened(self, name: str) -> None:
        bookmark = self.get(name)
        if bookmark is not None:
            bookmark.opened = time.time()
            self.save()


class History:
    """The last queries run (history.yaml), newest last, bounded and without repeats."""

    def __init__(self, folder: Path, limit: int = HISTORY_LIMIT) -> None:
        self.path = folder / "history.yaml"
        self.limit = limit
        self.queries: list[str] = []
        self.error: str | None = None

    def load(self) -> list[str]:
        try:
            data, node = _load_yaml(self.path)
            found = []
            for item, line in _entries(data, node, "queries", self.path):
                if not isinstance(item, str):
                    raise SavedFileError(f"{self.path}:{line}: a history entry must be text")
                found.append(item)
        except SavedFileError as exc:
            self.error = str(exc)
            raise
        self.error = None
        self.queries = found[-self.limit:]
        return self.queries

    def add(self, query: str) -> None:
        query = query.strip()
        if not query or self.error:
            return
        if self.queries and self.queries[-1] == query:
            return
        self.queries = [q for q in self.queries if q != query][-(self.limit - 1):] + [query]
        body = yaml.safe_dump({"version": FORMAT_VERSION, "queries": self.queries},
                              sort_keys=False, allow_unicode=True)
        write_atomic(self.path, "# newsdesk query history, oldest first\n" + body, backup=False)
