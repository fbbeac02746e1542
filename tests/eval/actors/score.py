"""Scoring one actor list against a gold list: pure functions over plain data.

Each entry (newsdesk's canonical name, type and aliases) is mapped to gold by the name keys
of its name and aliases. The entry's gold actor is the one its name maps to, else the one
its aliases map to with the most mentions. An entry is right when

- it maps to a gold actor, and to no second one (else it is a wrong merge),
- its type is one the gold accepts,
- its name is one of the actor's accepted names,
- no earlier entry of the list was mapped to the same actor (else it is a duplicate),
- and, in the default list once newsdesk lists places apart, the actor is not a place
  (a city or site belongs under `--type location`, which is scored on its own).

Everything else is wrong, including entries the gold cannot judge (not an actor, not a
not-actor, not an ambiguous form): those are listed so that the gold can be extended."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.eval.actors.gold import LOCATION, Gold, GoldActor
from tests.eval.actors.keys import SPLITS, gold_key, split_of

DEFAULT, PLACES = "default", "places"
RIGHT = "right"
# Why an entry is wrong, in the order they are checked.
UNJUDGED = "unjudged"
NOT_ACTOR = "not an actor"
AMBIGUOUS = "ambiguous name"
MERGE = "wrong merge"
DUPLICATE = "duplicate"
PLACE = "a place in the actor list"
NOT_PLACE = "not a place"
WRONG_TYPE = "wrong type"
WRONG_NAME = "wrong name"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of newsdesk's actor list, as `newsdesk actors --json` prints it."""

    name: str
    type: str
    aliases: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_json(cls, row: dict) -> Entry:
        aliases = tuple((str(a["name"]), int(a.get("count") or 0))
                        for a in row.get("aliases") or [])
        return cls(name=str(row["name"]), type=str(row["type"]), aliases=aliases)


@dataclass(slots=True)
class Judgement:
    rank: int
    entry: Entry
    verdict: str  # RIGHT or one of the reasons above
    actor: GoldActor | None = None
    merged: tuple[str, ...] = ()  # the gold actors a wrong merge joins
    reasons: list[str] = field(default_factory=list)  # every reason found, first = verdict
    split: str = ""

    @property
    def right(self) -> bool:
        return self.verdict == RIGHT


@dataclass(slots=True)
class Precision:
    right: int
    judged: int

    @property
    def value(self) -> float | None:
        return self.right / self.judged if self.judged else None


@dataclass(slots=True)
class ListScore:
    kind: str  # DEFAULT or PLACES
    judgements: list[Judgement]
    precision: dict[int, dict[str, Precision]]  # k -> "all"/"tune"/"holdout" -> P@k
    merges: list[Judgement]  # among the top `top`
    splits: dict[str, list[Judgement]]  # gold actor of the top 30 -> its entries
    unjudged: list[Judgement]  # among the top `top`


def _gold_hits(entry: Entry, gold: Gold) -> Counter[str]:
    """The gold actors an entry's forms name, with the mentions behind each."""
    hits: Counter[str] = Counter()
    forms = [(entry.name, 0), *entry.aliases]
    for surface, count in forms:
        actor = gold.actor_by_key.get(gold_key(surface))
        if actor is not None:
            hits[actor.name] += max(count, 1)
    return hits


def _collapse_parts(names: set[str], gold: Gold) -> set[str]:
    """Actors merged into their parent (BBC News into BBC) count as the parent."""
    kept = set()
    for name in names:
        actor = gold.by_name[name]
        while actor.part_of is not None and actor.part_of in names:
            actor = gold.by_name[actor.part_of]
        kept.add(actor.name)
    return kept


def judge(entry: Entry, rank: int, gold: Gold, seen: set[str], kind: str,
          places_apart: bool) -> Judgement:
    key = gold_key(entry.name)
    hits = _gold_hits(entry, gold)
    merged = _collapse_parts(set(hits), gold)
    actor = gold.actor_by_key.get(key)
    if actor is None and key not in gold.ambiguous_by_key and key not in gold.not_actor_by_key \
            and hits:
        actor = gold.by_name[hits.most_common(1)[0][0]]
    reasons: list[str] = []
    if actor is None:
        if key in gold.ambiguous_by_key:
            reasons.append(AMBIGUOUS)
        elif key in gold.not_actor_by_key:
            reasons.append(NOT_ACTOR)
        else:
            reasons.append(UNJUDGED)
    if len(merged) > 1:
        reasons.append(MERGE)
    if actor is not None:
        if actor.name in seen:
            reasons.append(DUPLICATE)
        if kind == DEFAULT and places_apart and actor.place_only:
            reasons.append(PLACE)
        if kind == PLACES and LOCATION not in actor.types:
            reasons.append(NOT_PLACE)
        if entry.type not in actor.types:
            reasons.append(WRONG_TYPE)
        if key not in {gold_key(n) for n in actor.accepted_names}:
            reasons.append(WRONG_NAME)
    split = split_of(actor.name) if actor is not None else split_of(entry.name)
    return Judgement(rank=rank, entry=entry, verdict=reasons[0] if reasons else RIGHT,
                     actor=actor, merged=tuple(sorted(merged)) if len(merged) > 1 else (),
                     reasons=reasons, split=split)


def score_list(entries: Sequence[Entry], gold: Gold, kind: str = DEFAULT,
               places_apart: bool = False, ks: Sequence[int] = (30, 50), top: int = 100,
               core: int = 30) -> ListScore:
    """Judge every entry in order and sum up: P@k over all entries and per split, the wrong
    merges and unjudged entries among the first `top`, and the gold actors of the first
    `core` entries that appear as two or more entries among the first `top`."""
    seen: set[str] = set()
    judgements = []
    for rank, entry in enumerate(entries[:top], 1):
        j = judge(entry, rank, gold, seen, kind, places_apart)
        if j.actor is not None:
            seen.add(j.actor.name)
        judgements.append(j)
    precision = {k: _precision(judgements[:k]) for k in ks}
    by_actor: dict[str, list[Judgement]] = {}
    for j in judgements:
        if j.actor is not None:
            by_actor.setdefault(j.actor.name, []).append(j)
    core_actors = {j.actor.name for j in judgements[:core] if j.actor is not None}
    splits = {name: js for name, js in by_actor.items() if name in core_actors and len(js) > 1}
    return ListScore(kind=kind, judgements=judgements, precision=precision,
                     merges=[j for j in judgements if MERGE in j.reasons],
                     splits=splits,
                     unjudged=[j for j in judgements if j.verdict == UNJUDGED])


def _precision(judgements: Sequence[Judgement]) -> dict[str, Precision]:
    out = {"all": Precision(sum(j.right for j in judgements), len(judgements))}
    for split in SPLITS:
        part = [j for j in judgements if j.split == split]
        out[split] = Precision(sum(j.right for j in part), len(part))
    return out


def places_listed_apart(default: Sequence[Entry], places: Sequence[Entry]) -> bool:
    """Whether newsdesk lists places apart from actors: its default list holds no entry of
    type location while `--type location` lists some. Read from what it prints, so the
    evaluation follows the engine whichever way it goes."""
    return bool(places) and not any(e.type == LOCATION for e in default)
