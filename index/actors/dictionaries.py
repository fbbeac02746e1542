"""Actor dictionaries in YAML, in the spirit of PETRARCH / Phoenix: a canonical name, a type,
aliases, optionally a code. Several are read, the later winning over the earlier:

1. the general dictionary shipped with newsdesk (countries with demonyms, international bodies),
2. `actors.yaml` at the top of a corpus folder (aliases only world knowledge can join there),
3. dictionaries named in the config (`actors.dictionaries`),
4. the user's own curation of this corpus (merges, renames, hidden actors), written by newsdesk.

An alias belongs to the entry of the last dictionary that names it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.index.actors.names import name_key
from newsdesk.index.option_values import ACTOR_TYPES
from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.yaml_files import UserFileError, dump_yaml, entries, load_yaml

GENERAL_DICTIONARY = Path(__file__).resolve().parent / "data" / "actors.yaml"
FORMAT_VERSION = 1


class DictionaryError(UserFileError):
    """An actor dictionary that cannot be read; it is reported and never written over."""


@dataclass(slots=True)
class Entry:
    name: str
    type: str | None = None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    hidden: bool = False

    def name_keys(self) -> list[str]:
        found = [name_key(self.name)] + [name_key(a) for a in self.aliases]
        return list(dict.fromkeys(k for k in found if k))


def load_dictionary(path: Path) -> list[Entry]:
    data, node = load_yaml(path, DictionaryError)
    out: list[Entry] = []
    for item, line in entries(data, node, "actors", path, DictionaryError):
        where = f"{path}:{line}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                or not item["name"].strip():
            raise DictionaryError(f"{where}: an actor needs a name (text)")
        unknown = set(item) - {"name", "type", "code", "aliases", "hidden", "country"}
        if unknown:
            raise DictionaryError(f"{where}: unknown key '{sorted(unknown)[0]}' (known: name, "
                                  "type, code, aliases, hidden, country)")
        kind = item.get("type")
        if kind is not None and kind not in ACTOR_TYPES:
            raise DictionaryError(f"{where}: type '{kind}' is not one of {', '.join(ACTOR_TYPES)}")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise DictionaryError(f"{where}: aliases must be a list of names")
        code = item.get("code")
        out.append(Entry(item["name"].strip(), kind, str(code) if code is not None else None,
                         [a.strip() for a in aliases if a.strip()], bool(item.get("hidden"))))
    return out


def entry_dict(e: Entry) -> dict[str, object]:
    """An entry as written to YAML: only the keys that say something."""
    return {k: v for k, v in (("name", e.name), ("type", e.type), ("code", e.code),
                              ("aliases", e.aliases), ("hidden", e.hidden or None)) if v}


def save_dictionary(path: Path, entries_: list[Entry], header: str) -> None:
    body = dump_yaml({"version": FORMAT_VERSION, "actors": [entry_dict(e) for e in entries_]})
    write_atomic(path, header + body)


@dataclass(slots=True)
class Dictionaries:
    """Every dictionary in force, merged: entries by canonical key, and alias key -> entry."""

    entries: dict[str, Entry] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # name key -> entry key
    files: list[Path] = field(default_factory=list)

    def add(self, found: list[Entry]) -> None:
        for entry in found:
            head = name_key(entry.name)
            if not head:
                continue
            # A name already owned by another entry now belongs to this one. An entry that
            # names the other's canonical name renames or merges it: it takes all its old
            # names along. One that names only an alias of it takes that alias alone (the
            # user split it out of the other entry).
            keys = entry.name_keys()
            for k in keys:
                owner = self.alias.get(k)
                if not owner or owner == head or owner not in self.entries:
                    continue
                if owner not in keys:
                    old = self.entries[owner]
                    old.aliases = [a for a in old.aliases if name_key(a) != k]
                    continue
                old = self.entries.pop(owner)
                entry = Entry(entry.name, entry.type or old.type, entry.code or old.code,
                              [old.name, *old.aliases, *entry.aliases], entry.hidden)
                for old_key in old.name_keys():
                    self.alias[old_key] = head
            existing = self.entries.get(head)
            if existing is not None:
                existing.type = entry.type or existing.type
                existing.code = entry.code or existing.code
                existing.hidden = entry.hidden
                existing.aliases = list(dict.fromkeys(existing.aliases + entry.aliases))
            else:
                self.entries[head] = Entry(entry.name, entry.type, entry.code,
                                           list(entry.aliases), entry.hidden)
            for k in entry.name_keys():
                self.alias[k] = head

    @property
    def demonym_keys(self) -> frozenset[str]:
        """One-word, non-acronym aliases of countries (Iranian, British): before a longer name
        they are a mention of their own ("Iranian | Revolutionary Guards")."""
        return frozenset(name_key(a) for e in self.entries.values() if e.type == "country"
                         for a in e.aliases if " " not in a and not a.isupper())


def load_dictionaries(paths: list[Path]) -> Dictionaries:
    """The general dictionary, then each of `paths` that exists, in order."""
    out = Dictionaries()
    for path in [GENERAL_DICTIONARY, *paths]:
        if path.is_file():
            out.add(load_dictionary(path))
            out.files.append(path)
    return out
