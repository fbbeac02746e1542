"""The gold lists (tests/eval/actors/gold/*.yaml): read, checked, and indexed by name key.

A gold list is data judged by hand; loading it refuses anything that would make scoring
against it ambiguous: one form listed for two actors, a form that is both an actor and a
not-actor, an unknown type, a split that is not the hash of the name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsdesk.index.option_values import ACTOR_TYPES
from tests.eval.actors.keys import SPLITS, gold_key, split_of

GOLD_DIR = Path(__file__).resolve().parent / "gold"
LOCATION = "location"


class GoldError(ValueError):
    """A gold list that cannot be scored against: the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    types: tuple[str, ...]
    also: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    part_of: str | None = None
    note: str = ""
    evidence: str = ""
    split: str = ""

    @property
    def accepted_names(self) -> tuple[str, ...]:
        """The names an entry may be listed under and be right."""
        return (self.name, *self.also)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.also, *self.aliases)

    @property
    def place_only(self) -> bool:
        """A city, region or site: listed apart from actors once newsdesk does that."""
        return self.types == (LOCATION,)


@dataclass(frozen=True, slots=True)
class NotActor:
    name: str
    reason: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A form two or more actors share. With `mostly`, the form is that gold actor in
    about nine uses out of ten and stays its alias ("Blair" is Tony Blair, though Cherie
    Blair appears too): the record says the form is shared, the scoring reads the alias."""

    surface: str
    readings: tuple[str, ...]
    note: str = ""
    mostly: str | None = None


@dataclass(slots=True)
class Gold:
    corpus: str
    actors: list[GoldActor]
    not_actors: list[NotActor] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)
    source: str = "<gold>"
    actor_by_key: dict[str, GoldActor] = field(default_factory=dict, init=False)
    not_actor_by_key: dict[str, NotActor] = field(default_factory=dict, init=False)
    ambiguous_by_key: dict[str, Ambiguous] = field(default_factory=dict, init=False)
    by_name: dict[str, GoldActor] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        for actor in self.actors:
            if actor.name in self.by_name:
                raise self._error(actor.name, "listed twice")
            self.by_name[actor.name] = actor
            bad = [t for t in actor.types if t not in ACTOR_TYPES]
            if not actor.types or bad:
                raise self._error(actor.name, f"type must be one of {', '.join(ACTOR_TYPES)}")
            if actor.split and actor.split != split_of(actor.name):
                raise self._error(actor.name, f"split is {actor.split}, but the hash of the "
                                              f"name says {split_of(actor.name)}")
            for form in actor.forms:
                key = gold_key(form)
                other = self.actor_by_key.get(key)
                if other is not None and other is not actor:
                    raise self._error(actor.name, f"form {form!r} is also {other.name!r}: "
                                                  "list it under ambiguous instead")
                self.actor_by_key[key] = actor
        for actor in self.actors:
            if actor.part_of is not None and actor.part_of not in self.by_name:
                raise self._error(actor.name, f"part_of {actor.part_of!r} is not in the list")
        for item in self.not_actors:
            for form in (item.name, *item.forms):
                key = gold_key(form)
                if key in self.actor_by_key:
                    raise self._error(item.name, f"not-actor form {form!r} is also the actor "
                                                 f"{self.actor_by_key[key].name!r}")
                self.not_actor_by_key[key] = item
        for amb in self.ambiguous:
            key = gold_key(amb.surface)
            if amb.mostly is not None:
                actor = self.actor_by_key.get(key)
                if actor is None or actor.name != amb.mostly:
                    raise self._error(amb.surface, f"mostly {amb.mostly!r}, but the form is "
                                                   "not that actor's alias")
                continue
            if key in self.actor_by_key or key in self.not_actor_by_key:
                raise self._error(amb.surface, "an ambiguous form is listed as an actor or a "
                                               "not-actor too")
            self.ambiguous_by_key[key] = amb

    def _error(self, entry: str, why: str) -> GoldError:
        return GoldError(f"{self.source}: {entry}: {why}")

    def split_counts(self) -> dict[str, int]:
        return {s: sum(split_of(a.name) == s for a in self.actors) for s in SPLITS}


def _strings(value: Any, what: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GoldError(f"{source}: {what} must be a string or a list of strings")


def gold_from_data(data: dict[str, Any], source: str = "<gold>") -> Gold:
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise GoldError(f"{source}: a mapping with an 'actors' list is expected")
    actors = []
    for raw in data["actors"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise GoldError(f"{source}: every actor needs a name: {raw!r}")
        name = raw["name"]
        actors.append(GoldActor(
            name=name, types=_strings(raw.get("type"), f"{name}: type", source),
            also=_strings(raw.get("also"), f"{name}: also", source),
            aliases=_strings(raw.get("aliases"), f"{name}: aliases", source),
            part_of=raw.get("part_of"), note=str(raw.get("note") or ""),
            evidence=str(raw.get("evidence") or ""), split=str(raw.get("split") or "")))
    not_actors = [NotActor(name=str(raw["name"]), reason=str(raw.get("reason") or ""),
                           forms=_strings(raw.get("forms"), f"{raw['name']}: forms", source))
                  for raw in data.get("not_actors") or []]
    ambiguous = [Ambiguous(surface=str(raw["surface"]),
                           readings=_strings(raw.get("readings"), "readings", source),
                           note=str(raw.get("note") or ""), mostly=raw.get("mostly"))
                 for raw in data.get("ambiguous") or []]
    return Gold(corpus=str(data.get("corpus") or ""), actors=actors, not_actors=not_actors,
                ambiguous=ambiguous, source=source)


def load_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: not valid YAML: {exc}") from exc
    return gold_from_data(data, str(path))


def gold_files(directory: Path = GOLD_DIR) -> dict[str, Path]:
    """The gold lists by short name (seeds, bbc, reuters)."""
    return {p.stem: p for p in sorted(directory.glob("*.yaml"))}
