"""Which name keys a curation edit changes as the clustering rules read them: the keys a
patch (ActorTable._patch) re-clusters from, and whose links (reach.py) it follows.

An entry names keys that are one actor, of a type. Hiding, renaming or merging into an
actor writes all its names into one entry: the keys it had keep their entry (the same
type, successor and capitals) and only see it name more keys. Those keys are changed
for the rules that read the set alone: anchoring (every key of an entry is one actor), which
the keys joining or leaving the entry show themselves, and a former state's successor
(`_of_its_time` sums the mentions of an entry's names). So a key whose entry differs only
in names that are themselves changed, of an entry with no successor either way, is not
changed: a country's hide that names two new forms re-clusters from those two, not from
every name the country had (each of which links every body it prefixes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.names import name_key


def as_rules_see(dictionaries: Dictionaries, key: str) -> tuple | None:
    """What the clustering rules read of a key's dictionary entry: the names it shares an
    actor with, its type, its successor, whether it is written in capitals (not its
    canonical name, code or hidden flag, which only the actor shown takes)."""
    head = dictionaries.alias.get(key)
    entry = dictionaries.entries.get(head) if head is not None else None
    if entry is None:
        return None
    return (frozenset(entry.name_keys()) | {head}, entry.type, entry.successor,
            dictionaries.capitals.get(key))


class Changes(NamedTuple):
    """`keys`: the keys the rules read otherwise; `spelled`: those of them read otherwise
    only as acronyms (a one-word name in capitals now or no more: "AMERICAN", a headline's,
    among a country's names), whose change the rules weigh in the names they start only
    as a person's full name or a parent's acronym (reach.py); `entries`: every key whose
    entry reads otherwise, its names too (one that only lost a name moves with it: a
    move the edit explains)."""

    keys: set[str]
    spelled: set[str]
    entries: set[str]


def changed_keys(touched: Iterable[str], dictionaries: Dictionaries,
                 previous: Dictionaries | None) -> Changes:
    """The keys of `touched` and of the entries holding them (before and after the edit)
    whose entry the rules read otherwise since `previous` (all of them without it), and the
    keys the dictionaries' names make demonyms or acronyms one way and not the other."""
    touched = set(touched)
    changed = set(touched)
    for d in (dictionaries, previous):
        if d is not None:
            heads = {d.alias[k] for k in touched if k in d.alias}
            changed |= {k for h in heads if h in d.entries for k in d.entries[h].name_keys()}
    if previous is None:
        return Changes(changed, set(), changed)
    strict: set[str] = set()
    names_only: dict[str, frozenset[str]] = {}  # key -> the names its entry gained or lost
    for key in changed:
        was, now = as_rules_see(previous, key), as_rules_see(dictionaries, key)
        if was == now:
            continue
        if was is None or now is None or was[1:] != now[1:]:
            strict.add(key)
        else:
            names_only[key] = was[0] ^ now[0]
    whole: dict[str, set[str]] = {}  # key -> how the whole dictionaries read it otherwise
    for kind, key in _read_whole(previous) ^ _read_whole(dictionaries):
        whole.setdefault(key, set()).add(kind)
    successions = _in_succession(previous) | _in_succession(dictionaries)
    named = {key for key, differ in names_only.items()
             if not differ <= strict | whole.keys() or key in successions}
    spelled = {key for key, kinds in whole.items()
               if kinds == {"acronym"} and key not in strict and key not in named}
    return Changes(strict | named | whole.keys(), spelled,
                   strict | names_only.keys() | whole.keys())


def _read_whole(dictionaries: Dictionaries) -> set[tuple[str, str]]:
    """What rules read of every entry's names at once, by key: demonyms (a country's one-word
    alias: cluster._is_bare_adjective), one-word names written in capitals (acronyms to
    cluster._acronym_keys and to reach.py)."""
    out = {("demonym", k) for k in dictionaries.demonym_keys}
    for entry in dictionaries.entries.values():
        for name in (entry.name, *entry.aliases):
            bare = name.replace(".", "").replace("-", "").replace("&", "")
            if bare.isupper() and " " not in bare:
                out.add(("acronym", bare.lower()))
            if " " not in name and name.replace(".", "").isupper():
                out.add(("acronym", name_key(name)))
    return out


def _in_succession(dictionaries: Dictionaries) -> set[str]:
    """The names of every entry with a successor and of every successor's entry."""
    out: set[str] = set()
    for entry in dictionaries.entries.values():
        if entry.successor:
            out.update(entry.name_keys())
            later = dictionaries.entries.get(
                dictionaries.alias.get(name_key(entry.successor), ""))
            if later is not None:
                out.update(later.name_keys())
    return out
