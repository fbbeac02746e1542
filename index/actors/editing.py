"""One curation edit as a person asks for it, applied: written to the user's actor dictionary
(curation.py), then the actor table re-clustered from the stored mentions (no re-index).
Shared by `newsdesk actors EDIT` and the dashboard's actor pane, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsdesk.index.actors.cluster_faults import shown
from newsdesk.index.actors.curation import (
    Curation,
    UnmergeChoice,
    curation_path,
    own_spellings,
)
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import ActorTable, recluster
from newsdesk.index.config import Settings
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.index.option_values import ACTOR_TYPES

EDITS = ("merge", "unmerge", "rename", "hide", "unhide", "type", "undo")


@dataclass(frozen=True, slots=True)
class Done:
    """What an edit did, in words; the actor's name before it and, after a rename or a
    merge, the name it goes by now (a filter by the old name follows it)."""

    message: str
    old_name: str = ""
    new_name: str | None = None


class LoneNameError(NewsdeskError):
    """An unmerge of a name no curation entry can take out (`lone_name` says why): said as
    it is, not as a hint to unmerge that very name."""


class RenameIsMerge(NewsdeskError):
    """A rename onto a name another actor goes by: it would merge the two (the clustering
    joins entries that share a name), so it is done only when asked as a merge."""

    def __init__(self, actor: Actor, new_name: str, other: Actor) -> None:
        self.actor, self.new_name, self.other = actor, new_name, other
        whose = f"the actor '{other.name}'" if name_key(other.name) == name_key(new_name) \
            else f"a name of the actor '{other.name}'"
        super().__init__(
            f"'{new_name}' is {whose} ({other.articles:,} articles): renaming "
            f"'{actor.name}' to it would merge the two. To merge them, rename with --merge "
            f"(or `newsdesk actors merge`); `newsdesk actors undo` undoes it.")


def find(table: ActorTable, name: str, hidden_first: bool = False) -> Actor:
    """The actor a name means (any of its names, hidden ones too: with `hidden_first`,
    as `unhide` asks, a hidden one before a shown one); NewsdeskError with a "did you
    mean" when there is none."""
    actor = table.resolve(name, hidden_first)
    if actor is None:
        table.filter_keys(name)  # raises with a "did you mean"
        raise NewsdeskError(f"no actor named '{name}'")
    return actor


def apply(settings: Settings, table: ActorTable, action: str, actor: Actor | None,
          value: str | None = None, merge: bool = False) -> Done:
    """Do `action` (one of EDITS) to `actor` (None for undo): `value` is the actor to merge
    into (by any name), the new name, the name to unmerge, or the type to give it. A
    rename onto another actor's name raises RenameIsMerge unless `merge`: then it is that
    merge, said so (it was a merge said to be a rename). Re-clusters when something changed."""
    curation = Curation(curation_path(settings))
    listed = actor
    counts = table.article_counts() if action != "undo" else {}
    if actor is not None and action in ("merge", "rename", "hide", "unhide", "type"):
        actor = _own(table, actor)  # (what it writes: no other actor's names)
    if action == "undo" or actor is None:
        done = Done(f"Undid the {curation.undo()}.")
    elif action == "merge":
        target = _own(table, find(table, value or ""))
        assert listed is not None
        curation.merge(actor, target, _also_named(table, listed, actor))
        done = Done(f"Merged '{actor.name}' into '{target.name}'.", actor.name, target.name)
    elif action == "rename" and (other := _other_named(table, listed, value or "")):
        if not merge:
            assert listed is not None
            raise RenameIsMerge(listed, (value or "").strip(), other)
        target = _own(table, other)
        assert listed is not None
        curation.merge(actor, target, _also_named(table, listed, actor))
        done = Done(f"Merged '{actor.name}' into '{target.name}' (the actor named "
                    f"'{(value or '').strip()}'); `undo` takes it back.", actor.name,
                    target.name)
    elif action == "rename" and (value or "").strip() == actor.name:
        # (no edit: journalled, it was an undo step that undid nothing)
        return Done(f"'{actor.name}' is named so already; nothing to rename.", actor.name)
    elif action == "rename":
        curation.rename(actor, value or "")
        done = Done(f"Renamed '{actor.name}' to '{(value or '').strip()}'.", actor.name,
                    (value or "").strip())
    elif action == "unmerge":
        if value and (lone := lone_name(table, actor, value)) \
                and not curation.merged_in(actor, value):
            raise LoneNameError(lone)
        # "split of 'A' out of 'B'", "unmerge of ..."
        label = curation.unmerge(actor, value, _own(table, actor))
        said = label.replace("split of", "Split", 1).replace("unmerge of", "Unmerged", 1)
        recluster(settings, table, curation.applied)
        return _told(Done(f"{said}.{_still_named(table, actor, value)}", actor.name), table,
                     counts)
    elif action == "type":
        kind = (value or "").strip().lower()
        if kind not in ACTOR_TYPES:
            raise NewsdeskError(f"no actor type '{(value or '').strip()}' (one of "
                                f"{', '.join(ACTOR_TYPES)})")
        if actor.type == kind:
            return Done(f"'{actor.name}' is typed {kind} already.", actor.name)
        curation.retype(actor, kind)
        where = " (listed among the places now)" if kind == "location" else \
            " (listed among the actors now)" if actor.type == "location" else ""
        done = Done(f"Typed '{actor.name}' {kind} (it was {actor.type or 'untyped'}){where}.",
                    actor.name)
    elif action == "unhide":
        if not actor.hidden:
            return Done(f"'{actor.name}' is not hidden.", actor.name)
        curation.unhide(actor)
        done = Done(f"'{actor.name}' is shown again.", actor.name)
    elif action == "hide":
        if actor.hidden:
            return Done(f"'{actor.name}' is hidden already.", actor.name)
        curation.hide(actor)
        done = Done(f"Hid '{actor.name}'.", actor.name)
    else:
        raise NewsdeskError(f"no actor edit '{action}' (one of {', '.join(EDITS)})")
    recluster(settings, table, curation.applied)
    return _told(done, table, counts)


def _told(done: Done, table: ActorTable, counts: dict[str, int]) -> Done:
    """`done`, with the other actors the rules joined to the edited one (`counts`: the
    actors' articles before the edit) and the rules' faults its re-clustering contained,
    not said before (the edit is applied: only the group or rule named lost its merges
    or name)."""
    message = done.message + _joined_too(table, done, counts)
    if table.new_faults:
        message += f"\n{shown(table.new_faults)}"
    return replace(done, message=message)


def _joined_too(table: ActorTable, done: Done, counts: dict[str, int]) -> str:
    """A note naming the actors that are gone into the edited actor, beyond those the edit
    named: a user's entry can make the rules read a name as that actor (after a merge
    into "Kim Kardashian", the lone "Kim" of six articles, an actor before, was hers),
    which the user should hear of, and can take back with unmerge or undo."""
    result = table.resolve(done.new_name or done.old_name) if counts else None
    if result is None:
        return ""
    after = table.article_counts()
    keys = set(table.keys_of(result.id)) | {name_key(s) for s, _ in result.aliases}
    named = {done.old_name, done.new_name, result.name}
    moved = sorted(((n, c) for n, c in counts.items()
                    if n not in after and n not in named and name_key(n) in keys),
                   key=lambda item: -item[1])
    if not moved:
        return ""
    said = ", ".join(f"'{n}' ({c:,} article{'' if c == 1 else 's'})" for n, c in moved[:5])
    more = f" and {len(moved) - 5:,} more" if len(moved) > 5 else ""
    return (f"\nThe rules now read {said}{more} as '{result.name}' too (an actor of its "
            "own before; `unmerge` or `undo` takes it back).")


def lone_name(table: ActorTable, actor: Actor, name: str) -> str | None:
    """Why `name` cannot be unmerged from `actor`, if it is a spelling `actor` lists under
    none of its keys: a lone surname (or given name) that the articles naming the actor
    in full read as that actor, article by article ("Singh" of Yuvraj Singh). No rule
    joined it, so no curation entry can take it out (a split wrote an entry and changed
    nothing). None for any other name."""
    key = name_key(name)
    if not key or key in table.keys_of(actor.id) \
            or all(name_key(s) != key for s, _ in actor.aliases):
        return None
    return (f"'{name.strip()}' cannot be unmerged from '{actor.name}': it is the lone name "
            f"in articles that name '{actor.name}' in full, read as that actor article by "
            "article (no rule joined it, so no curation entry can take it out); its uses "
            "in other articles are an actor of their own where there are any")


def _still_named(table: ActorTable, actor: Actor, name: str | None) -> str:
    """After a split of `name` out of `actor`: a note if the actor still goes by it (its
    lone uses in the articles that name the actor in full, read as it article by article:
    "Arafat" of Yasser Arafat's 24 articles, where the split took out one article's)."""
    key = name_key(name or "")
    kept = table.resolve(actor.name) if key else None
    if kept is None or all(name_key(s) != key for s, _ in kept.aliases):
        return ""
    return (f" '{(name or '').strip()}' stays a name of '{kept.name}' in the articles that "
            f"name '{kept.name}' in full: there it is read as that actor, article by article, "
            "and no curation entry can take it out.")


def unmerge_choices(settings: Settings, table: ActorTable, actor: Actor) -> list[UnmergeChoice]:
    """The ways to unmerge `actor` (Curation.unmerge_choices) that can take something out:
    not a lone name read as the actor article by article (`lone_name`)."""
    return [c for c in Curation(curation_path(settings)).unmerge_choices(actor)
            if c.merge or lone_name(table, actor, c.name) is None]


def _other_named(table: ActorTable, actor: Actor | None, name: str) -> Actor | None:
    """Another actor than `actor` that goes by `name` (its name or an alias), if one does."""
    if actor is None or not name_key(name):
        return None
    other = table.resolve(name.strip())
    return other if other is not None and other.id != actor.id else None


def _own(table: ActorTable, actor: Actor) -> Actor:
    """The actor with one spelling of each of its own keys as its names (own_spellings)."""
    return own_spellings(actor, table.keys_of(actor.id))


def _also_named(table: ActorTable, listed: Actor, own: Actor) -> list[str]:
    """The names `listed` goes by beyond its own spellings (`own`) that mean it alone: a
    lone surname counted under the full name's key ("Pompeo" of Mike Pompeo). A merge's
    journal keeps them, so `unmerge` by any of them finds the merge; no entry is written
    with them."""
    have = {name_key(n) for n in (own.name, *(s for s, _ in own.aliases))}
    also: list[str] = []
    for surface, _ in listed.aliases:
        key = name_key(surface)
        if key and key not in have and (meant := table.resolve(surface)) is not None \
                and meant.id == listed.id:
            also.append(surface)
            have.add(key)
    return also
