"""Actor dictionaries in YAML, in the spirit of PETRARCH / Phoenix: a canonical name, a type,
aliases, optionally a code, `metonym_for` (the actor a place or building stands for) and a
`source` (where the knowledge comes from). Several are read, the later winning over the
earlier:

1. the dictionaries shipped with newsdesk: countries.yaml (generated from data packages by
   tests/data_gen/countries.py) and news_actors.yaml (curated),
2. `actors.yaml` at the top of a corpus folder (aliases only world knowledge can join there),
3. dictionaries named in the config (`actors.dictionaries`),
4. the user's own curation of this corpus (merges, renames, hidden actors), written by newsdesk.

An alias belongs to the entry of the last dictionary that names it. An alias written in
capitals ("US", "WHO") matches only in capitals, unless some dictionary also lists it in
another case ("Nato" beside "NATO").

A metonym ("Washington", "the Kremlin") is its own actor by default; with `actors.metonyms:
true` its names count for the actor it stands for."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.index.actors.names import name_key, written_as_acronym
from newsdesk.index.option_values import ACTOR_TYPES
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.yaml_files import UserFileError, dump_yaml, entries, load_yaml

DATA = Path(__file__).resolve().parent / "data"
SHIPPED_DICTIONARIES = (DATA / "countries.yaml", DATA / "news_actors.yaml")
_SHIPPED_WHERE = tuple(str(p) for p in SHIPPED_DICTIONARIES)
FORMAT_VERSION = 1
KEYS = ("name", "type", "code", "aliases", "hidden", "metonym_for", "source", "country",
        "split_from", "successor")


class DictionaryError(UserFileError):
    """An actor dictionary that cannot be read; it is reported and never written over."""


@dataclass(slots=True)
class Entry:
    name: str
    type: str | None = None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    hidden: bool = False
    metonym_for: str | None = None  # the name of the actor this one stands for
    source: str | None = None
    where: str = field(default="", compare=False, repr=False)  # "file:line", for errors
    # The actor this one was split out of (curation's unmerge): it takes its own names from
    # earlier entries, never their other names (an entry sharing a name takes it whole).
    split_from: str | None = None
    # A former state's successor ("Germany" for West Germany): in a corpus that names the
    # former state more than the successor, a corpus of its time, the successor's names are
    # the former state's ("Germany" in 1987 news is West Germany).
    successor: str | None = None
    # The one country a body is of ("Democratic Party": the United States's), where its
    # name does not say so: it meets no other country's body of that name.
    country: str | None = None

    def name_keys(self) -> list[str]:
        found = [name_key(self.name)] + [name_key(a) for a in self.aliases]
        return list(dict.fromkeys(k for k in found if k))


def _text(item: dict, key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool) \
            or not str(value).strip():
        raise DictionaryError(f"{where}: {key} must be text")
    return str(value).strip()


def load_dictionary(path: Path) -> list[Entry]:
    items = _entry_lines(path)
    if items is None:
        data, node = load_yaml(path, DictionaryError)
        items = entries(data, node, "actors", path, DictionaryError)
    return [_entry(item, f"{path}:{line}") for item, line in items]


def _entry_lines(path: Path) -> list[tuple[object, int]] | None:
    """The entries of a dictionary written one to a line in JSON's subset of YAML
    (`  - {"name": "Iran", "type": "country"}`), as the shipped ones are: read by json, ten
    times faster than by a YAML parser (the shipped dictionaries are read at every index
    build). None for any other file, or any other line: then YAML reads it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # said by load_yaml, with the reason
    out: list[tuple[object, int]] = []
    section = False
    for number, line in enumerate(text.splitlines(), 1):
        bare = line.strip()
        if not bare or bare.startswith("#") or bare.startswith("version: "):
            continue
        if line == "actors:" and not section:
            section = True
        elif section and line.startswith("  - {") and line.endswith("}"):
            try:
                out.append((json.loads(line[4:]), number))
            except ValueError:
                return None
        else:
            return None
    return out if section else None


def _entry(item: object, where: str) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
            or not item["name"].strip():
        raise DictionaryError(f"{where}: an actor needs a name (text)")
    name = item["name"].strip()
    where = f"{where}: actor '{name}'"
    unknown = set(item) - set(KEYS)
    if unknown:
        raise DictionaryError(f"{where}: unknown key '{sorted(map(str, unknown))[0]}' "
                              f"(known: {', '.join(KEYS)})")
    kind = item.get("type")
    if kind is not None and kind not in ACTOR_TYPES:
        raise DictionaryError(f"{where}: type '{kind}' is not one of {', '.join(ACTOR_TYPES)}")
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DictionaryError(f"{where}: aliases must be a list of names")
    metonym_for = _text(item, "metonym_for", where)
    if metonym_for is not None and name_key(metonym_for) in \
            {name_key(n) for n in (name, *(a for a in aliases if isinstance(a, str)))}:
        raise DictionaryError(f"{where}: metonym_for names the actor itself")
    return Entry(name, kind, _text(item, "code", where),
                 [a.strip() for a in aliases if a.strip()], bool(item.get("hidden")),
                 metonym_for, _text(item, "source", where), where,
                 _text(item, "split_from", where), _text(item, "successor", where),
                 _text(item, "country", where))


def entry_dict(e: Entry) -> dict[str, object]:
    """An entry as written to YAML: only the keys that say something."""
    return {k: v for k, v in (("name", e.name), ("type", e.type), ("code", e.code),
                              ("aliases", e.aliases), ("hidden", e.hidden or None),
                              ("metonym_for", e.metonym_for), ("source", e.source),
                              ("split_from", e.split_from), ("successor", e.successor),
                              ("country", e.country))
            if v}


def save_dictionary(path: Path, entries_: list[Entry], header: str) -> None:
    body = dump_yaml({"version": FORMAT_VERSION, "actors": [entry_dict(e) for e in entries_]})
    write_atomic(path, header + body)


@dataclass(slots=True)
class Dictionaries:
    """Every dictionary in force, merged: entries by canonical key, and alias key -> entry."""

    entries: dict[str, Entry] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # name key -> entry key
    files: list[Path] = field(default_factory=list)
    # name key -> whether every name with that key is written in capitals ("US", "U.S.")
    capitals: dict[str, bool] = field(default_factory=dict)

    def add(self, found: list[Entry]) -> None:
        for entry in found:
            head = name_key(entry.name)
            if not head:
                continue
            keys = [head]
            for surface in entry.aliases:
                key = name_key(surface)
                if key:
                    keys.append(key)
                    acronym = written_as_acronym(surface)
                    self.capitals[key] = self.capitals.get(key, True) and acronym
            self.capitals[head] = self.capitals.get(head, True) and written_as_acronym(entry.name)
            keys = list(dict.fromkeys(keys))
            # An alias already owned by other entries now belongs to this one, and they
            # come along whole: a renamed or merged actor takes its old names along, and a
            # corpus's entry that shares one alias with a shipped one is that actor.
            owners = [o for o in dict.fromkeys(self.alias[k] for k in keys if k in self.alias)
                      if o != head and o in self.entries]
            if entry.split_from:  # a name split out of an actor takes its own names alone
                for owner in owners:
                    old = self.entries[owner]
                    old.aliases = [a for a in old.aliases if name_key(a) not in keys]
                owners = []
            for owner in owners:
                old = self.entries.pop(owner)
                entry = Entry(entry.name, entry.type or old.type, entry.code or old.code,
                              [old.name, *old.aliases, *entry.aliases], entry.hidden,
                              entry.metonym_for or old.metonym_for,
                              entry.source or old.source, entry.where or old.where,
                              successor=entry.successor or old.successor,
                              country=entry.country or old.country)
                for k in old.name_keys():
                    self.alias[k] = head
            if owners:
                keys = entry.name_keys()
            existing = self.entries.get(head)
            if existing is not None:
                # The later spelling of one name key names it ("Kata'ib Hezbollah" after
                # "Kataib Hezbollah": one key since apostrophes inside words drop out).
                if existing.name != entry.name:
                    existing.aliases = [existing.name, *existing.aliases]
                    existing.name = entry.name
                    existing.where = entry.where or existing.where  # whose name it is
                existing.type = entry.type or existing.type
                existing.code = entry.code or existing.code
                existing.hidden = entry.hidden
                existing.aliases = list(dict.fromkeys(existing.aliases + entry.aliases))
                existing.metonym_for = entry.metonym_for or existing.metonym_for
                existing.source = entry.source or existing.source
                existing.successor = entry.successor or existing.successor
                existing.country = entry.country or existing.country
                existing.where = entry.where or existing.where
            else:
                self.entries[head] = Entry(entry.name, entry.type, entry.code,
                                           list(entry.aliases), entry.hidden,
                                           entry.metonym_for, entry.source, entry.where,
                                           successor=entry.successor, country=entry.country)
            for k in keys:
                self.alias[k] = head

    def resolve_metonyms(self, fold: bool) -> None:
        """Check that each `metonym_for` names an actor; with `fold`, a metonym's names
        count for the actor it stands for (through a chain: Scotland Yard -> Metropolitan
        Police), and it is no actor of its own."""
        target: dict[str, str] = {}
        for head, entry in self.entries.items():
            if entry.metonym_for:
                to = self.alias.get(name_key(entry.metonym_for))
                if to is None:
                    raise DictionaryError(f"{entry.where or entry.name}: metonym_for "
                                          f"'{entry.metonym_for}' names no actor in the "
                                          "dictionaries")
                if to == head:  # a later file merged the two (curation): one actor now
                    entry.metonym_for = None
                    continue
                target[head] = to
        if not fold or not target:
            return
        final: dict[str, str] = {}
        for head in target:
            seen = [head]
            while seen[-1] in target:
                nxt = target[seen[-1]]
                if nxt in seen:
                    entry = self.entries[head]
                    raise DictionaryError(f"{entry.where or entry.name}: metonym_for goes "
                                          f"round in a circle ({' -> '.join(seen + [nxt])})")
                seen.append(nxt)
            final[head] = seen[-1]
        self.alias = {k: final.get(h, h) for k, h in self.alias.items()}
        for head in final:
            del self.entries[head]

    @staticmethod
    def shipped(entry: Entry) -> bool:
        """Whether newsdesk's own dictionaries named the entry (not a corpus's, the config's
        or curation's: a name a user gave is kept as given)."""
        return entry.where.startswith(_SHIPPED_WHERE)

    @property
    def demonym_keys(self) -> frozenset[str]:
        """One-word, non-acronym aliases of countries (Iranian, British): before a longer name
        they are a mention of their own ("Iranian | Revolutionary Guards")."""
        return frozenset(name_key(a) for e in self.entries.values() if e.type == "country"
                         for a in e.aliases if " " not in a and not a.isupper())

    @property
    def capital_keys(self) -> frozenset[str]:
        """Keys that dictionaries write as acronyms only ("US", "WHO", "IS", "LeT"): a mention
        of one is an acronym only written so ("Us", "Who", "Is" and "Let" are words)."""
        return frozenset(k for k, upper in self.capitals.items() if upper)


def load_dictionaries(paths: list[Path], metonyms: bool = False) -> Dictionaries:
    """The shipped dictionaries, then each of `paths` that exists, in order. `metonyms`:
    a metonym counts for the actor it stands for (config `actors.metonyms`)."""
    out = Dictionaries()
    for path in [*SHIPPED_DICTIONARIES, *paths]:
        if path.is_file():
            out.add(load_dictionary(path))
            out.files.append(path)
    out.resolve_metonyms(metonyms)
    return out
