"""Saved searches and query history of one corpus: small YAML files a person can read and
edit, in the user's data directory, written atomically with a backup of the last version.
A file that does not parse is reported with its path and line and is never written over.
Every change is made under the file's lock to what is on disk at that moment (_UserFile)."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from newsdesk.index import locations
from newsdesk.index.config import Settings
from newsdesk.index.models import NewsdeskError
from newsdesk.index.paths import index_paths
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.lock import file_stamp, locked
from newsdesk.index.userdata.yaml_files import (
    UserFileError,
    dump_yaml,
    entries,
    load_yaml,
    unknown_keys,
)

FORMAT_VERSION = 1
NEWER = "not known to this newsdesk (a newer one's, or misspelt?): kept as it is"
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
    group: str = ""  # a group of searches made together (from a batch file); "" none
    # Fields this newsdesk does not know (a newer one's), kept as they are when written
    extra: dict[str, object] = field(default_factory=dict, compare=False)


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


SORTS = ("saved", "name", "count", "newest")  # the pane's orders: as saved first


class _Saved(list[Bookmark]):
    """The searches of saved.yaml, and the order the pane lists them in (kept there); what
    this newsdesk does not know of it (a newer one's keys and values), kept as it is and
    said in `notes`."""
    sort = "saved"
    lines: dict[str, int]  # each search's line in its file, by name

    def __init__(self) -> None:
        super().__init__()
        self.lines = {}
        self.extra: dict[str, object] = {}  # top-level keys, and a sort not known
        self.notes: list[str] = []


class BookmarkExists(NewsdeskError):
    """A saved search of that name exists and was not to be replaced."""


class _UserFile:
    """One user's file kept in memory as it was last read or written. Every change goes
    through `_change`: under the file's lock, read what is on disk now, apply the change to
    that, write it. A copy in memory is never written back, so entries added elsewhere (the
    CLI, a second dashboard, an editor) are kept."""

    path: Path
    error: str | None

    def _read(self) -> object:
        raise NotImplementedError

    def _text(self, data: object) -> str:
        raise NotImplementedError

    def _keep(self, data: object) -> None:
        raise NotImplementedError

    backup = True
    _stamp: tuple[int, int, int] | None = None
    # Counts the contents taken in (read or written here): a reader that asks `changed()`
    # misses a change another caller's `fresh()` took in first (a search reading the tags
    # took a tag edited elsewhere, and the dashboard's poll never showed it); one that
    # keeps the revision it showed does not.
    revision = 0
    # Top-level keys this newsdesk does not know (a newer one's, or misspelt: a misspelt
    # key's entries were hidden, the file refused), and a newer format's version, as last
    # read: kept as they are when the file is written; `notes` says them.
    extra: dict[str, object] = {}  # noqa: RUF012 (assigned whole at each read)
    notes: list[str] = []  # noqa: RUF012

    def _top(self, data: object, node: yaml.Node | None, key: str
             ) -> list[tuple[object, int]]:
        """The entries under `key` of the file as read, the other top-level keys kept
        (`extra`, `notes`), as saved.yaml's and config.yaml's are."""
        extra: dict[str, object] = {}
        notes: list[str] = []
        for name, line in unknown_keys(data, node, ("version", key)):
            extra[name] = data[name]  # type: ignore[index]
            notes.append(f"{self.path}:{line}: key '{name}' {NEWER}")
        version = data.get("version") if isinstance(data, dict) else None
        if isinstance(version, int) and version > FORMAT_VERSION:
            extra["version"] = version
            notes.append(f"{self.path}: written by a newer newsdesk (format {version}; this "
                         f"one reads {FORMAT_VERSION}): what it does not know is kept as it is")
        found = entries(data, node, key, self.path, SavedFileError, ("version", *extra))
        self.extra, self.notes = extra, notes
        return found
    # The file whose lock guards this one's changes (None: its own). Tags take the saved
    # searches' lock: one lock for all that a person keeps of a corpus.
    lock_of: Path | None = None

    def _read_checked(self) -> object:
        try:
            data = self._read()
        except SavedFileError as exc:
            self.error = str(exc)
            raise
        self.error = None
        return data

    def _reload(self) -> object:
        # Stamped before reading: a write meanwhile shows next time; a broken file is read
        # again only once it changes (someone fixing it).
        self._stamp = file_stamp(self.path)
        data = self._read_checked()
        self._keep(data)
        self.revision += 1
        return data

    def _change(self, change: Callable[[Any], bool]) -> None:
        """Apply `change` (True if it changed anything) to the file's current contents."""
        with locked(self.lock_of or self.path):
            try:
                data = self._read_checked()
            except SavedFileError as exc:  # left as it is: a person's edit to fix
                raise SavedFileError(f"not saved: {exc}") from None
            if change(data):
                write_atomic(self.path, self._text(data), backup=self.backup)
            self._keep(data)
            self._stamp = file_stamp(self.path)
            self.revision += 1

    def changed(self) -> bool:
        """Whether the file changed since it was last read or written here (one stat)."""
        return file_stamp(self.path) != self._stamp


class BookmarkStore(_UserFile):
    """The saved searches of one corpus (saved.yaml)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "saved.yaml"
        self.bookmarks: list[Bookmark] = []
        self.sort = "saved"  # the order the dashboard lists them in (SORTS)
        self.error: str | None = None  # set when the file is broken: nothing is written then
        self.notes: list[str] = []  # what it holds that this newsdesk does not know (kept)

    def _read(self) -> _Saved:
        return read_bookmarks(self.path)

    def _keep(self, data: object) -> None:
        self.bookmarks = list(data)  # type: ignore[call-overload]
        self.sort = getattr(data, "sort", "saved")
        self.notes = list(getattr(data, "notes", []))

    def _text(self, data: object) -> str:
        bookmarks: list[Bookmark] = data  # type: ignore[assignment]
        header = ("# newsdesk saved searches for one corpus. Edit by hand if you like: each\n"
                  "# bookmark has a name, a query, and when it was created and last opened.\n")
        sort = getattr(data, "sort", "saved")
        extra = dict(getattr(data, "extra", {}))
        if sort != "saved":
            extra["sort"] = sort  # (one chosen here replaces a newer one's)
        return header + bookmarks_yaml(bookmarks, extra)

    def set_sort(self, sort: str) -> None:
        """The order the dashboard lists them in (SORTS), kept in the file."""
        if sort not in SORTS:
            raise NewsdeskError(f"unknown order '{sort}' (use {', '.join(SORTS)})")

        def change(bookmarks: _Saved) -> bool:
            changed = bookmarks.sort != sort or "sort" in bookmarks.extra
            bookmarks.sort = sort
            bookmarks.extra.pop("sort", None)
            return changed

        self._change(change)

    def restore(self, bookmark: Bookmark, at: int) -> None:
        """Put back a deleted search where it was (undo); refused if one of its name has
        been saved since."""
        def change(bookmarks: list[Bookmark]) -> bool:
            clash = next((b for b in bookmarks if same_name(b.name, bookmark.name)), None)
            if clash is not None:
                raise NewsdeskError(f"a saved search named '{clash.name}' exists again")
            bookmarks.insert(min(at, len(bookmarks)), bookmark)
            return True

        self._change(change)

    def add_all(self, searches: list[Bookmark]
                ) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """Import `searches` in one change: (names added, (name, new name) of those renamed
        because another search has their name, names already here with the same query:
        left as they are). An imported search's hits are not new: opened now."""
        now = time.time()
        added: list[str] = []
        renamed: list[tuple[str, str]] = []
        same: list[str] = []

        def change(bookmarks: list[Bookmark]) -> bool:
            added.clear(), renamed.clear(), same.clear()
            for b in searches:
                name = b.name.strip()
                clash = next((o for o in bookmarks if same_name(o.name, name)), None)
                # (imported before: under its name, or renamed NAME (2) then)
                kept = next((o for o in bookmarks if o.query == b.query and (
                    same_name(o.name, name) or _renamed_from(o.name, name))), None)
                if kept is not None:
                    same.append(kept.name)
                    continue
                if clash is not None:
                    n = 2
                    while any(same_name(o.name, f"{name} ({n})") for o in bookmarks):
                        n += 1
                    renamed.append((name, f"{name} ({n})"))
                    name = f"{name} ({n})"
                bookmarks.append(Bookmark(name, b.query, b.created, now, b.group, b.extra))
                added.append(name)
            return bool(added)

        self._change(change)
        return added, renamed, same


    def load(self) -> list[Bookmark]:
        self._reload()
        return self.bookmarks

    def reload_if_changed(self) -> bool:
        """Read the file again if it changed elsewhere; whether it did."""
        if not self.changed():
            return False
        self._reload()
        return True

    def get(self, name: str) -> Bookmark | None:
        """The search of that name; failing that, the one whose name is the same but for
        case and spaces around it (`saved run Oil` runs "oil")."""
        exact = next((b for b in self.bookmarks if b.name == name), None)
        return exact or next((b for b in self.bookmarks if same_name(b.name, name)), None)

    def put(self, name: str, query: str, replace: bool = True) -> Bookmark:
        """Add or replace (keeping its place in the list); BookmarkExists if there is one of
        that name on disk and not `replace`. Names are trimmed and compared without case:
        " oil ", "Oil" and "oil" made three searches that all read "oil"."""
        now = time.time()
        name = name.strip()
        bookmark = Bookmark(name, query, now, now)

        def change(bookmarks: list[Bookmark]) -> bool:
            for i, existing in enumerate(bookmarks):
                if same_name(existing.name, name):
                    if not replace:
                        like = "" if existing.name == name else \
                            " (names are the same whatever their case)"
                        raise BookmarkExists(f"a saved search named '{existing.name}' "
                                             f"exists{like}; use --replace to replace it")
                    bookmarks[i] = bookmark
                    break
            else:
                bookmarks.append(bookmark)
            return True

        self._change(change)
        return bookmark

    def put_group(self, group: str, searches: list[tuple[str, str]]) -> list[Bookmark]:
        """Make the group `group` of (name, query) searches, in one change: a group of that
        name is replaced whole (its searches that are not in `searches` go), and a search of
        another group or of none with one of these names is refused (NewsdeskError)."""
        now = time.time()
        made = [Bookmark(name.strip(), query, now, now, group) for name, query in searches]
        names = {_name_key(b.name) for b in made}
        if len(names) != len(made):
            raise NewsdeskError(f"group '{group}': a name is given twice")

        def change(bookmarks: list[Bookmark]) -> bool:
            clash = next((b for b in bookmarks if _name_key(b.name) in names
                          and b.group != group), None)
            if clash is not None:
                raise NewsdeskError(f"a saved search named '{clash.name}' exists outside the "
                                    f"group '{group}'")
            # A search made again with its query unchanged keeps its stamps, and so its
            # "+N new" (the group re-made from its file to add one line zeroed them all).
            before = {(b.name, b.query): b for b in bookmarks if b.group == group}
            for i, b in enumerate(made):
                old = before.get((b.name, b.query))
                if old is not None:
                    made[i] = Bookmark(b.name, b.query, old.created, old.opened, group, old.extra)
            kept = [b for b in bookmarks if b.group != group]
            at = next((i for i, b in enumerate(bookmarks) if b.group == group), len(kept))
            at = sum(1 for b in bookmarks[:at] if b.group != group)
            bookmarks[:] = kept[:at] + made + kept[at:]
            return True

        self._change(change)
        return made

    def remove_group(self, group: str) -> int:
        """Delete every search of the group; how many there were."""
        removed = [0]

        def change(bookmarks: list[Bookmark]) -> bool:
            kept = [b for b in bookmarks if b.group != group]
            removed[0] = len(bookmarks) - len(kept)
            if not removed[0]:
                raise NewsdeskError(f"no saved-search group named '{group}'")
            bookmarks[:] = kept
            return True

        self._change(change)
        return removed[0]

    def rename(self, old: str, new: str) -> None:
        new = new.strip()

        def change(bookmarks: list[Bookmark]) -> bool:
            clash = next((b for b in bookmarks if same_name(b.name, new) and b.name != old),
                         None)
            if clash is not None:
                raise NewsdeskError(f"a saved search named '{clash.name}' exists already")
            bookmark = next((b for b in bookmarks if b.name == old), None)
            if bookmark is None:
                raise NewsdeskError(f"no saved search named '{old}'")
            bookmark.name = new
            return True

        self._change(change)

    def remove(self, name: str) -> None:
        def change(bookmarks: list[Bookmark]) -> bool:
            kept = [b for b in bookmarks if b.name != name]
            if len(kept) == len(bookmarks):
                raise NewsdeskError(f"no saved search named '{name}'")
            bookmarks[:] = kept
            return True

        self._change(change)

    def mark_opened(self, name: str) -> None:
        def change(bookmarks: list[Bookmark]) -> bool:
            bookmark = next((b for b in bookmarks if b.name == name), None)
            if bookmark is not None:
                bookmark.opened = time.time()
            return bookmark is not None

        self._change(change)


def bookmarks_yaml(bookmarks: list[Bookmark], extra: dict[str, object] | None = None,
                   opened: bool = True) -> str:
    """Saved searches as saved.yaml writes them (and `saved export`, without `opened`)."""
    return dump_yaml({"version": FORMAT_VERSION, **(extra or {}), "bookmarks": [
        {"name": b.name, "query": b.query, "created": _stamp(b.created),
         **({"opened": _stamp(b.opened)} if opened else {}),
         **({"group": b.group} if b.group else {}), **b.extra}
        for b in bookmarks]})


def read_bookmarks(path: Path) -> _Saved:
    """The saved searches of a file in saved.yaml's form (saved.yaml, an export): a file
    that does not parse raises SavedFileError naming its line."""
    data, node = _load_yaml(path)
    found = _Saved()
    lines = found.lines  # name -> its line
    # What a newer newsdesk may write (a key, a sort, a bookmark's field, a format) loads
    # with a note and is written back as it is: an older one refused a saved.yaml with
    # `sort:`, and one that dropped what it did not know would lose it at the next change.
    newer = NEWER
    known = ("version", "sort", "bookmarks")
    for key, line in unknown_keys(data, node, known):
        found.extra[key] = data[key]  # type: ignore[index]
        found.notes.append(f"{path}:{line}: key '{key}' {newer}")
    version = data.get("version", FORMAT_VERSION) if isinstance(data, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        found.notes.append(f"{path}: written by a newer newsdesk (format {version}; this one "
                           f"reads {FORMAT_VERSION}): what it does not know is kept as it is")
        found.extra["version"] = version  # (written back as it was, not as this one's)
    sort = data.get("sort", "saved") if isinstance(data, dict) else "saved"
    if sort not in SORTS:
        found.extra["sort"] = sort
        found.notes.append(f"{path}: sort {sort!r} {newer}; listed by the order saved")
        sort = "saved"
    found.sort = sort
    fields = {"name", "query", "created", "opened", "group"}
    for item, line in entries(data, node, "bookmarks", path, SavedFileError,
                              tuple(k for k in (*known, *found.extra) if k != "bookmarks")):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                or not isinstance(item.get("query"), str):
            raise SavedFileError(f"{path}:{line}: a bookmark needs a name and a "
                                 "query (both text)")
        # Names are what the dashboard's list, `saved run` and the counts go by: a file
        # edited by hand with one name twice stopped the dashboard at start.
        name = item["name"]
        if not name.strip():
            raise SavedFileError(f"{path}:{line}: a bookmark's name is empty")
        if name in lines:
            raise SavedFileError(f"{path}:{line}: a second bookmark named "
                                 f"'{name}' (the first is on line {lines[name]}); "
                                 "rename or remove one")
        lines[name] = line
        created = _unstamp(item.get("created", datetime.now()), path, line)
        opened = _unstamp(item.get("opened", item.get("created", datetime.now())),
                          path, line)
        group = item.get("group", "")
        if not isinstance(group, str):
            raise SavedFileError(f"{path}:{line}: a bookmark's group must be text")
        extra = {k: v for k, v in item.items() if k not in fields}
        if extra:
            found.notes.append(f"{path}:{line}: field{'s' if len(extra) > 1 else ''} "
                               f"{', '.join(repr(str(k)) for k in extra)} {newer}")
        found.append(Bookmark(item["name"], item["query"], created, opened, group, extra))
    return found


def _renamed_from(name: str, original: str) -> bool:
    """Whether `name` is `original` as an import renames it: "NAME (2)"."""
    head, _, tail = name.rpartition(" (")
    return same_name(head, original) and tail.endswith(")") and tail[:-1].isdigit()


def _name_key(name: str) -> str:
    return name.strip().casefold()


def same_name(a: str, b: str) -> bool:
    """Whether two saved-search names are the same one: trimmed, case-folded."""
    return _name_key(a) == _name_key(b)


def blank_query(query: str) -> bool:
    """Whether a query shows nothing: only spaces, control characters and invisible
    format characters (a zero-width space, a byte-order mark). The history keeps none: an
    entry of them recalled an empty box, and listed an empty line."""
    return all(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in query)


class History(_UserFile):
    """The last queries run (history.yaml), newest last, bounded and without repeats."""

    backup = False

    def __init__(self, folder: Path, limit: int = HISTORY_LIMIT) -> None:
        self.path = folder / "history.yaml"
        self.limit = limit
        self.queries: list[str] = []
        self.error: str | None = None

    def _read(self) -> list[str]:
        data, node = _load_yaml(self.path)
        found = []
        for item, line in self._top(data, node, "queries"):
            if not isinstance(item, str):
                raise SavedFileError(f"{self.path}:{line}: a history entry must be text")
            if not blank_query(item):  # (hand-written or older: never shown)
                found.append(item)
        return found

    def _keep(self, data: object) -> None:
        self.queries = list(data)[-self.limit:]  # type: ignore[call-overload]

    def _text(self, data: object) -> str:
        body = dump_yaml({"version": FORMAT_VERSION, **self.extra, "queries": data})
        return "# newsdesk query history, oldest first\n" + body

    def load(self) -> list[str]:
        self._reload()
        return self.queries

    def reload_if_changed(self) -> bool:
        if not self.changed():
            return False
        self._reload()
        return True

    def add(self, query: str) -> None:
        query = query.strip()
        if blank_query(query) or self.error:
            return

        def change(queries: list[str]) -> bool:
            if queries and queries[-1] == query:
                return False
            queries[:] = [q for q in queries if q != query][-(self.limit - 1):] + [query]
            return True

        self._change(change)
