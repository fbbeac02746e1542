"""The user's curation of one corpus's actors: merges, renames and hidden actors, kept in their
own actor dictionary (actors.yaml in the corpus's data folder), and a journal of the edits
(actors.undo.json beside it) that undo and unmerge read.

Every edit goes through `_edit`: under the dictionary's lock, read the file as it is on disk
now, replace the entries that share a name with the edited actor by one entry that keeps all
their names, write it, and journal what was there before and what is there now. Two processes
hiding actors at once keep every hidden actor; an edit never writes a stale copy; a file that
does not parse is reported (file and line) and never written over."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index.actors.dictionaries import (
    DictionaryError,
    Entry,
    entry_dict,
    load_dictionary,
    save_dictionary,
)
from newsdesk.index.actors.names import name_key
from newsdesk.index.config import Settings
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.lock import locked

HEADER = (
    "# Your curation of this corpus's actors, written by newsdesk (merge, rename, hide).\n"
    "# Edit by hand if you like: it wins over every other actor dictionary.\n")
JOURNAL_LIMIT = 200  # edits that can be undone


def curation_path(settings: Settings) -> Path:
    return corpus_data_dir(settings) / "actors.yaml"


@dataclass(slots=True)
class Edit:
    """One curation edit: the user's entries it replaced and those it wrote instead."""

    op: str  # merge, rename, hide, unhide, unmerge
    label: str  # what undo says it undid
    before: list[Entry]
    after: list[Entry]
    source: list[str]  # merge: the names the merged actor brought (what unmerge takes out)


def _keys(found: list[Entry]) -> set[str]:
    return {k for e in found for k in e.name_keys()}


def _names(actor: Actor) -> list[str]:
    return list(dict.fromkeys([actor.name, *(s for s, _ in actor.aliases)]))


def _joined(entry: Entry, others: list[Entry]) -> Entry:
    """`entry` keeping every name of the entries it replaces (their aliases would otherwise
    be lost: an actor merged elsewhere meanwhile stays merged)."""
    head = name_key(entry.name)
    names = [*entry.aliases, *(n for e in others for n in (e.name, *e.aliases))]
    aliases = list(dict.fromkeys(n for n in names if name_key(n) and name_key(n) != head))
    return Entry(entry.name, entry.type or next((e.type for e in others if e.type), None),
                 entry.code or next((e.code for e in others if e.code), None), aliases,
                 entry.hidden)


class Curation:
    """The user's own actor dictionary for one corpus, and its journal of edits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.journal_path = path.with_name(path.stem + ".undo.json")

    # -- the files -------------------------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        return load_dictionary(self.path) if self.path.exists() else []

    def _journal(self) -> list[Edit]:
        try:
            data = json.loads(self.journal_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise DictionaryError(f"{self.journal_path}: cannot read the journal of actor "
                                  f"edits ({exc}); move it away to start a new one") from None
        found = []
        for n, item in enumerate(data.get("edits", []) if isinstance(data, dict) else [None]):
            try:
                found.append(Edit(str(item["op"]), str(item["label"]),
                                  [_entry(e) for e in item.get("before") or []],
                                  [_entry(e) for e in item.get("after") or []],
                                  [str(n) for n in item.get("source") or []]))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise DictionaryError(f"{self.journal_path}: edit {n + 1} is not one newsdesk "
                                      "wrote (move the file away to start a new one)") from None
        return found

    def _save_journal(self, edits: list[Edit]) -> None:
        # JSON, not YAML: read and written under the lock at every edit, so it must be
        # quick, and it is newsdesk's own bookkeeping rather than a file to edit.
        text = json.dumps({"version": 1, "edits": [
            {"op": e.op, "label": e.label, "before": [entry_dict(x) for x in e.before],
             "after": [entry_dict(x) for x in e.after], "source": e.source}
            for e in edits[-JOURNAL_LIMIT:]]}, ensure_ascii=False, indent=0)
        write_atomic(self.journal_path, text + "\n", backup=False)

    def _edit(self, step: Callable[[list[Entry], list[Edit]],
                                   tuple[list[Entry], list[Edit]]]) -> None:
        """Under the lock: `step` turns the entries and the journal as they are on disk now
        into the new ones, which are written."""
        with locked(self.path):
            current, edits = self._entries(), self._journal()
            changed, journal = step(current, edits)
            save_dictionary(self.path, changed, HEADER)
            self._save_journal(journal)

    def _replace(self, op: str, label: str, entry: Entry, names: list[str],
                 source: list[str] | None = None) -> None:
        touched = {name_key(n) for n in names} | set(entry.name_keys())
        touched.discard("")

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            before, kept = _split(current, touched)
            after = [_joined(entry, before)]
            return [*kept, *after], [*edits, Edit(op, label, before, after, source or [])]

        self._edit(step)

    # -- the edits -------------------------------------------------------------------------------

    def merge(self, source: Actor, target: Actor) -> None:
        if source.id == target.id:
            raise NewsdeskError("an actor cannot be merged into itself")
        own = {name_key(n) for n in _names(target)}
        brought = [n for n in _names(source) if name_key(n) not in own]
        names = _names(target) + _names(source)
        self._replace("merge", f"merge of '{source.name}' into '{target.name}'",
                      Entry(target.name, target.type, target.code, names[1:], target.hidden),
                      names, brought)

    def rename(self, actor: Actor, new_name: str) -> None:
        new_name = new_name.strip()
        if not name_key(new_name):
            raise NewsdeskError("an actor's name needs a letter or digit")
        names = _names(actor)
        self._replace("rename", f"rename of '{actor.name}' to '{new_name}'",
                      Entry(new_name, actor.type, actor.code, names, actor.hidden), names)

    def hide(self, actor: Actor, hidden: bool = True) -> None:
        names = _names(actor)
        self._replace("hide" if hidden else "unhide",
                      f"{'hiding' if hidden else 'unhiding'} of '{actor.name}'",
                      Entry(actor.name, actor.type, actor.code, names[1:], hidden), names)

    def unhide(self, actor: Actor) -> None:
        self.hide(actor, hidden=False)

    def undo(self) -> str:
        """Undo the newest edit (whichever process made it): the entries it replaced come
        back. What was undone; NewsdeskError when there is nothing to undo."""
        undone: list[str] = []

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            if not edits:
                raise NewsdeskError("no actor edit to undo")
            last = edits[-1]
            _, kept = _split(current, _keys(last.after) | _keys(last.before))
            undone.append(last.label)
            return [*kept, *last.before], edits[:-1]

        self._edit(step)
        return undone[0]

    def unmerge(self, actor: Actor) -> str:
        """Take out of `actor` the names the newest merge into it brought: they form their
        own actor again, as before the merge (hidden or renamed if it was). A rename or hide
        of `actor` since is kept. What was unmerged; NewsdeskError when no merge made it."""
        mine = {name_key(n) for n in _names(actor)}
        undone: list[str] = []

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            # A merge is in this actor while it holds both the names the merge brought and
            # others (after an unmerge, the merged actor alone holds only the former).
            merge = next((e for e in reversed(edits) if e.op == "merge"
                          and mine & _source(e) and mine - _source(e)), None)
            if merge is None:
                raise NewsdeskError(f"'{actor.name}' was not made by a merge here; nothing "
                                    "to unmerge")
            brought = _source(merge)
            before, kept = _split(current, mine | brought)
            after = [Entry(e.name, e.type, e.code,
                           [a for a in e.aliases if name_key(a) not in brought], e.hidden)
                     for e in before if name_key(e.name) not in brought]
            after += [e for e in merge.before if name_key(e.name) in brought]
            undone.append(merge.label.replace("merge", "unmerge", 1))
            return [*kept, *after], [*edits, Edit("unmerge", undone[0], before, after, [])]

        self._edit(step)
        return undone[0]


def _source(edit: Edit) -> set[str]:
    return {name_key(n) for n in edit.source}


def _split(current: list[Entry], touched: set[str]) -> tuple[list[Entry], list[Entry]]:
    """(the entries sharing a name key with `touched`, the others)."""
    hit = [e for e in current if touched & set(e.name_keys())]
    return hit, [e for e in current if not touched & set(e.name_keys())]


def _entry(item: dict) -> Entry:
    aliases = item.get("aliases") or []
    if not isinstance(item["name"], str) or not isinstance(aliases, list):
        raise ValueError
    return Entry(item["name"], item.get("type"), item.get("code"), [str(a) for a in aliases],
                 bool(item.get("hidden")))
