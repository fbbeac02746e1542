"""The user's curation of one corpus's actors: merges, renames, hidden actors and names split
out of an actor, kept in their own actor dictionary (actors.yaml in the corpus's data
folder), and a journal of the edits (actors.undo.json beside it) that undo and unmerge read.

Every edit goes through `_edit`: under the dictionary's lock, read the file as it is on disk
now, replace the entries that share a name with the edited actor by the entries the edit
makes (in their place in the file), write it, and journal what was there before (and where)
and what is there now. Two processes hiding actors at once keep every hidden actor; an edit
never writes a stale copy; a file that does not parse is reported (file and line) and never
written over. Undo puts the entries an edit replaced back where they were, so the actors
are again exactly those before it.

Unmerge takes apart what a merge joined: the user's own merge (the merged actor comes back
as it was), or a name the clustering rules joined to an actor (it becomes an actor of its
own; both are then dictionary entries, which no rule joins again)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsdesk.index.actors.dictionaries import (
    DictionaryError,
    Entry,
    entry_dict,
    load_dictionary,
    save_dictionary,
)
from newsdesk.index.actors.extract import SENTENCE_FIRST
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


def file_stamp(path: Path) -> str:
    """A dictionary file's part of the actor table's stamp: its size and time."""
    try:
        st = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


@dataclass(frozen=True, slots=True)
class AppliedEdit:
    """The newest edit this Curation wrote: the name keys of the entries it changed, and
    the dictionary's stamp (file_stamp) just before and just after, taken under its lock.
    With them the actor table re-clusters those actors alone (table.py, recluster)."""

    touched: set[str]
    before: str
    after: str
    previous: tuple[Entry, ...] = ()  # the dictionary's entries before the edit


@dataclass(slots=True)
class Edit:
    """One curation edit: the user's entries it replaced and those it wrote instead."""

    op: str  # merge, rename, hide, unhide, unmerge
    label: str  # what undo says it undid
    before: list[Entry]
    after: list[Entry]
    source: list[str]  # merge: the names the merged actor brought (what unmerge takes out)
    at: list[int] = field(default_factory=list)  # where each of `before` was in the file


@dataclass(frozen=True, slots=True)
class UnmergeChoice:
    """One way to unmerge an actor: the name to pass to `Curation.unmerge`, and what it
    does, in words."""

    name: str
    label: str
    merge: bool  # the user's own merge (else a name joined by the clustering rules)


def _keys(found: list[Entry]) -> set[str]:
    return {k for e in found for k in e.name_keys()}


def _holds(current: list[Entry], wanted: list[Entry]) -> bool:
    """Whether the dictionary holds each of `wanted`: an entry of the same name, hidden or
    not alike, with all of its names."""
    by_head = {name_key(e.name): e for e in current}
    for entry in wanted:
        now = by_head.get(name_key(entry.name))
        if now is None or now.hidden != entry.hidden \
                or not set(entry.name_keys()) <= set(now.name_keys()):
            return False
    return True


def _settled(current: list[Entry], edits: list[Edit], undoing: Edit | None = None
             ) -> list[Edit]:
    """The journal as the dictionary `current` says it stands, whichever write a kill cut
    short. Each edit writes the journal first, then the dictionary:

    - an edit killed between the two is journalled while the dictionary still holds what
      it replaced: dropped (kept, it was a phantom that the next undo said it undid,
      changing nothing: an outside tester's kill -9 during a rename);
    - an undo journals the edit it takes off as `undoing`: killed before the dictionary's
      write, the dictionary still holds that edit's entries, and it goes back on the
      journal, so the next undo undoes it (dropped, the edit stayed made and could no
      longer be undone, and the next undo undid the edit before it). Once the dictionary
      no longer holds it, the undo took effect, and the record is dropped."""
    if undoing is not None and undoing.after and _holds(current, undoing.after) \
            and not (undoing.before and _holds(current, undoing.before)):
        edits = [*edits, undoing]
    if edits and not _holds(current, edits[-1].after) and _holds(current, edits[-1].before):
        return edits[:-1]
    return edits


def _names(actor: Actor) -> list[str]:
    return list(dict.fromkeys([actor.name, *(s for s, _ in actor.aliases)]))


def own_spellings(actor: Actor, keys: Iterable[str]) -> Actor:
    """`actor` with one spelling of each of its name keys `keys` as its aliases, for an
    edit to write: a spelling the actor holds under another actor's key ("Agriculture
    Department", said of the U.S. department, is also another body's key) would move that
    key into the edited actor; a headline's capitals ("AMERICAN") would make the key an
    acronym to the rules. So of each key its most mentioned spelling not in capitals,
    unless capitals are most of its mentions (an acronym then, written so); a key none
    of whose spellings has it ("us agriculture department") is written as the key."""
    by_key: dict[str, list[tuple[str, int]]] = {}
    for surface, n in actor.aliases:  # (most mentioned first)
        by_key.setdefault(name_key(surface), []).append((surface, n))
    aliases: list[tuple[str, int]] = []
    for key in sorted(set(keys), key=lambda k: -sum(n for _, n in by_key.get(k, []))):
        if key[:1] == SENTENCE_FIRST:
            continue  # (a sentence's first word's candidate follows its names: cluster.py)
        spellings = by_key.get(key)
        if not spellings:
            aliases.append((key, 0))
            continue
        plain = [(s, n) for s, n in spellings if not _in_capitals(s)]
        caps = sum(n for s, n in spellings if _in_capitals(s))
        aliases.append(plain[0] if plain and caps * 2 <= sum(n for _, n in spellings)
                       else spellings[0])
    return replace(actor, aliases=aliases)


def _in_capitals(surface: str) -> bool:
    return surface.replace(".", "").replace("-", "").replace("&", "").isupper()


def _joined(entry: Entry, others: list[Entry]) -> Entry:
    """`entry` keeping every name of the entries it replaces (their aliases would otherwise
    be lost: an actor merged elsewhere meanwhile stays merged)."""
    head = name_key(entry.name)
    names = [*entry.aliases, *(n for e in others for n in (e.name, *e.aliases))]
    aliases = list(dict.fromkeys(n for n in names if name_key(n) and name_key(n) != head))
    def first(field: str) -> str | None:
        return getattr(entry, field) or next(
            (getattr(e, field) for e in others if getattr(e, field)), None)

    return Entry(entry.name, first("type"), first("code"), aliases, entry.hidden,
                 first("metonym_for"), first("source"), split_from=first("split_from"))


class Curation:
    """The user's own actor dictionary for one corpus, and its journal of edits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.journal_path = path.with_name(path.stem + ".undo.json")
        self.applied: AppliedEdit | None = None  # the newest edit written through this

    # -- the files -------------------------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        return load_dictionary(self.path) if self.path.exists() else []

    def _journal(self) -> list[Edit]:
        return self._journal_read()[0]

    def _journal_read(self) -> tuple[list[Edit], Edit | None]:
        """(the edits journalled, the edit an undo took off them if the journal was last
        written by an undo: `_settled`)."""
        try:
            data = json.loads(self.journal_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return [], None
        except (OSError, ValueError) as exc:
            raise DictionaryError(f"{self.journal_path}: cannot read the journal of actor "
                                  f"edits ({exc}); move it away to start a new one") from None
        found = []
        items = data.get("edits", []) if isinstance(data, dict) else [None]
        undoing = data.get("undoing") if isinstance(data, dict) else None
        for n, item in enumerate([*items, *([undoing] if undoing is not None else [])]):
            try:
                found.append(Edit(str(item["op"]), str(item["label"]),
                                  [_entry(e) for e in item.get("before") or []],
                                  [_entry(e) for e in item.get("after") or []],
                                  [str(n) for n in item.get("source") or []],
                                  [int(n) for n in item.get("at") or []]))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise DictionaryError(f"{self.journal_path}: edit {n + 1} is not one newsdesk "
                                      "wrote (move the file away to start a new one)") from None
        if undoing is not None:
            return found[:-1], found[-1]
        return found, None

    def _save_journal(self, edits: list[Edit], undoing: Edit | None = None) -> None:
        # JSON, not YAML: read and written under the lock at every edit, so it must be
        # quick, and it is newsdesk's own bookkeeping rather than a file to edit.
        data: dict[str, object] = {"version": 1, "edits": [
            _edit_dict(e) for e in edits[-JOURNAL_LIMIT:]]}
        if undoing is not None:
            data["undoing"] = _edit_dict(undoing)
        text = json.dumps(data, ensure_ascii=False, indent=0)
        write_atomic(self.journal_path, text + "\n", backup=False)

    def _edit(self, step: Callable[[list[Entry], list[Edit]],
                                   tuple[list[Entry], list[Edit]]]) -> None:
        """Under the lock: `step` turns the entries and the journal as they are on disk now
        into the new ones, which are written."""
        with locked(self.path):
            current = self._entries()
            edits = _settled(current, *self._journal_read())
            changed, journal = step(current, edits)
            # The entries that changed: those of the edit made, or of the one undone.
            edit = journal[-1] if len(journal) > len(edits) else edits[-1] if edits else None
            touched = _keys(edit.before) | _keys(edit.after) if edit else set()
            before = file_stamp(self.path)
            # The journal first: killed between the two, the journal holds an edit the
            # dictionary lacks, or lacks an undone edit the dictionary holds, and
            # `_settled` reads it as the dictionary stands (the other way round, an edit
            # made could not be undone). An undo keeps the edit it took off for that.
            undone = edits[-1] if len(journal) < len(edits) else None
            self._save_journal(journal, undone)
            save_dictionary(self.path, changed, HEADER)
            self.applied = AppliedEdit(touched, before, file_stamp(self.path), tuple(current))

    def _swap(self, op: str, label: str, touched: set[str],
              make: Callable[[list[Entry]], list[Entry]], source: list[str] | None = None,
              done: list[str] | None = None) -> Callable[[list[Entry], list[Edit]],
                                                         tuple[list[Entry], list[Edit]]]:
        """The step that replaces the entries sharing a key with `touched` by
        `make(those entries)`, written where the first of them was, and journals it."""
        touched = touched - {""}

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            at = [i for i, e in enumerate(current) if touched & set(e.name_keys())]
            before = [current[i] for i in at]
            after = make(before)
            kept = [e for i, e in enumerate(current) if i not in set(at)]
            place = at[0] if at else len(kept)
            if done is not None:
                done.append(label)
            return (kept[:place] + after + kept[place:],
                    [*edits, Edit(op, label, before, after, source or [], at)])

        return step

    def _replace(self, op: str, label: str, entry: Entry, names: list[str],
                 source: list[str] | None = None) -> None:
        touched = {name_key(n) for n in names} | set(entry.name_keys())
        self._edit(self._swap(op, label, touched, lambda before: [_joined(entry, before)],
                              source))

    # -- the edits -------------------------------------------------------------------------------

    def merge(self, source: Actor, target: Actor, also: Iterable[str] = ()) -> None:
        """`source` into `target`. `also`: other names `source` goes by, that the journal
        keeps as brought by the merge (an unmerge by any of them finds it), not written."""
        if source.id == target.id:
            raise NewsdeskError("an actor cannot be merged into itself")
        own = {name_key(n) for n in _names(target)}
        brought = [n for n in dict.fromkeys([*_names(source), *also]) if name_key(n) not in own]
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

    def retype(self, actor: Actor, kind: str) -> None:
        """Say what kind of actor it is (a team the rules typed a person, a broadcaster
        typed other): the entry's type wins over the cues' vote."""
        names = _names(actor)
        self._replace("type", f"typing of '{actor.name}' as {kind}",
                      Entry(actor.name, kind, actor.code, names[1:], actor.hidden), names)

    def undo(self) -> str:
        """Undo the newest edit (whichever process made it): the entries it replaced come
        back where they were. What was undone; NewsdeskError when there is nothing to undo."""
        undone: list[str] = []

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            if not edits:
                raise NewsdeskError("no actor edit to undo")
            last = edits[-1]
            _, kept = _split(current, _keys(last.after) | _keys(last.before))
            undone.append(last.label)
            places = last.at if len(last.at) == len(last.before) else []
            for n, entry in enumerate(last.before):
                if places:
                    kept.insert(min(places[n], len(kept)), entry)
                else:  # a journal written before positions were kept
                    kept.append(entry)
            return kept, edits[:-1]

        self._edit(step)
        return undone[0]

    def merged_in(self, actor: Actor, name: str) -> bool:
        """Whether a merge of the user's into `actor` brought the name `name` (its journal
        keeps the lone surnames the merged actor went by: `unmerge Pompeo` finds it)."""
        key = name_key(name)
        return any(key in _source(merge) for merge in _merges_in(
            _keys_of(actor), _settled(self._entries(), *self._journal_read())))

    def unmerge_choices(self, actor: Actor) -> list[UnmergeChoice]:
        """Each way to unmerge `actor`: the user's merges into it (newest first), then each
        other name the clustering rules joined to it (most mentioned first)."""
        mine = _keys_of(actor)
        choices: list[UnmergeChoice] = []
        taken: set[str] = set()
        for merge in _merges_in(mine, _settled(self._entries(), *self._journal_read())):
            brought = _source(merge)
            if brought & taken:
                continue
            taken |= brought
            choices.append(UnmergeChoice(merge.source[0], f"'{merge.source[0]}' and the "
                                         "names it brought (your merge)", True))
        head = name_key(actor.name)
        for key, surfaces in _surfaces_by_key(actor).items():
            if key != head and key not in taken:
                count = sum(n for _, n in surfaces)
                also = [s for s, _ in surfaces[1:]]
                choices.append(UnmergeChoice(
                    surfaces[0][0], f"'{surfaces[0][0]}' ({count:,} mention"
                    f"{'' if count == 1 else 's'}{'; also ' + ', '.join(also) if also else ''})",
                    False))
        return choices

    def unmerge(self, actor: Actor, name: str | None = None, own: Actor | None = None
                ) -> str:
        """Take out of `actor` what was merged into it: with no `name` (or its own name),
        the names the newest merge into it brought; with `name`, the user's merge that
        brought that name, else that name (and its other spellings) alone, joined by the
        clustering rules. The merged actor comes back as before the merge (hidden or renamed
        if it was); a name split out becomes an actor of its own. A rename or hide of
        `actor` since is kept. `own`: `actor` with its own spellings alone (own_spellings),
        what the rest of it is written with when a name is split out. What was unmerged;
        NewsdeskError when there is nothing."""
        mine = _keys_of(actor)
        key = name_key(name or "")
        key = "" if key == name_key(actor.name) else key
        if key and key not in mine:
            raise NewsdeskError(f"'{name}' is not a name of '{actor.name}'")
        undone: list[str] = []

        def step(current: list[Entry], edits: list[Edit]) -> tuple[list[Entry], list[Edit]]:
            merges = _merges_in(mine, edits)
            merge = next((e for e in merges if key in _source(e)), None) if key else \
                next(iter(merges), None)
            if merge is None and key:
                return self._split_out(actor, own or actor, key, undone)(current, edits)
            if merge is None:
                others = len(_surfaces_by_key(actor)) > 1
                raise NewsdeskError(
                    f"'{actor.name}' was not made by a merge here; nothing to unmerge" +
                    ("; name one of its other names to split it out" if others else ""))
            brought = _source(merge)

            def make(before: list[Entry]) -> list[Entry]:
                after = [replace(e, aliases=[a for a in e.aliases
                                             if name_key(a) not in brought])
                         for e in before if name_key(e.name) not in brought]
                return after + [e for e in merge.before if name_key(e.name) in brought]

            label = f"unmerge of '{merge.source[0]}' from '{actor.name}'"
            return self._swap("unmerge", label, mine | brought, make, None, undone)(
                current, edits)

        self._edit(step)
        return undone[0]

    def _split_out(self, actor: Actor, own: Actor, key: str, done: list[str]) -> Callable[
            [list[Entry], list[Edit]], tuple[list[Entry], list[Edit]]]:
        """The step that makes the name `key` (every spelling of it) an actor of its own,
        and the rest of `actor` an entry without it: two dictionary entries, which no rule
        joins again. The rest is written with `own`'s names alone: a lone surname the
        rules gave `actor` in its own articles ("Rao" of Ganta Srinivasa Rao, counted under
        his key) written as its alias would take every "Rao" of the corpus, another
        actor's too (an outside tester's unmerge of one name added eleven wrong articles)."""
        spellings = [s for s, _ in _surfaces_by_key(actor).get(key, [])] or [key]
        rest = [n for n in _names(own) if name_key(n) != key]

        def make(before: list[Entry]) -> list[Entry]:
            kept = _joined(Entry(actor.name, None, None, rest[1:], actor.hidden), before)
            kept.aliases = [a for a in kept.aliases if name_key(a) != key]
            return [kept, Entry(spellings[0], None, None, spellings[1:],
                                split_from=actor.name)]

        label = f"split of '{spellings[0]}' out of '{actor.name}'"
        return self._swap("unmerge", label, _keys_of(actor) | {key}, make, None, done)


def _keys_of(actor: Actor) -> set[str]:
    return {name_key(n) for n in _names(actor)} - {""}


def _surfaces_by_key(actor: Actor) -> dict[str, list[tuple[str, int]]]:
    """The actor's spellings grouped by name key, each group most mentioned first, the
    groups too."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for surface, n in sorted(actor.aliases, key=lambda item: -item[1]):
        if name_key(surface):
            groups.setdefault(name_key(surface), []).append((surface, n))
    return dict(sorted(groups.items(), key=lambda item: -sum(n for _, n in item[1])))


def _merges_in(mine: set[str], edits: list[Edit]) -> list[Edit]:
    """The user's merges still in the actor of keys `mine`, newest first: it holds both
    names such a merge brought and others (after an unmerge, the merged actor alone holds
    only the former)."""
    return [e for e in reversed(edits) if e.op == "merge" and e.source
            and mine & _source(e) and mine - _source(e)]


def _source(edit: Edit) -> set[str]:
    return {name_key(n) for n in edit.source}


def _split(current: list[Entry], touched: set[str]) -> tuple[list[Entry], list[Entry]]:
    """(the entries sharing a name key with `touched`, the others)."""
    hit = [e for e in current if touched & set(e.name_keys())]
    return hit, [e for e in current if not touched & set(e.name_keys())]


def _edit_dict(e: Edit) -> dict[str, object]:
    return {"op": e.op, "label": e.label, "before": [entry_dict(x) for x in e.before],
            "after": [entry_dict(x) for x in e.after], "source": e.source, "at": e.at}


def _entry(item: dict) -> Entry:
    aliases = item.get("aliases") or []
    if not isinstance(item["name"], str) or not isinstance(aliases, list):
        raise ValueError
    text = {k: str(item[k]) if item.get(k) is not None else None
            for k in ("type", "code", "metonym_for", "source", "split_from")}
    return Entry(item["name"], text["type"], text["code"], [str(a) for a in aliases],
                 bool(item.get("hidden")), text["metonym_for"], text["source"],
                 split_from=text["split_from"])
