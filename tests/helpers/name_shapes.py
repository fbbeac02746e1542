"""Random name-shaped keys with random stats, for clustering's rules to meet the shapes a
corpus may give them (titles, particles, possessives, initials, capitals, one-letter words,
articles alone: "el al", "the", "de la"): each rule must take any of them without a fault."""

from __future__ import annotations

import random
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.names import name_key

# Word pools by shape (no corpus's list: one or two of each shape a name can take).
SHAPES = {
    "title": ["Sheikh", "Mr", "Dr", "President", "Sir", "Gen.", "Prime Minister"],
    "particle": ["el", "al", "El", "Al", "de", "De", "la", "La", "van", "der", "bin", "of",
                 "the", "von", "da", "al-", "ibn", "Mc"],
    "given": ["Ali", "Tony", "Maria", "Jean-Luc", "Kim", "Ng", "Li", "José"],
    "surname": ["Blair", "O'Neill", "Smith", "Nguyen", "Al-Assad", "Rue", "Zhou", "Ngata"],
    "possessive": ["Blair's", "Smiths'", "O'Neill's", "Assads", "UN's", "US'"],
    "initial": ["J.", "A", "R.", "J.R.", "A.B.C.", "U.S.", "L.A."],
    "caps": ["UN", "NATO", "US", "EU", "BBC", "FIFA", "AI", "ISIS", "DfID", "CoM"],
    "letter": ["A", "I", "X", "O", "a", "e", "Y"],
    "article": ["The", "the", "El Al", "De La", "La", "Les", "An", "A"],
    "body": ["Party", "Council", "Ministry", "Bank", "Corp", "Inc", "Group", "Front",
             "Agency", "Court", "Island", "Islands", "Republic"],
    "place": ["London", "Gaza", "Kentucky", "Vanuatu", "Boston", "Asia-Pacific"],
    "odd": ["-", "'", "''", "...", "&", "de-la", "al-al", "s", "'s", "Jr", "III"],
}
_KINDS = ["person", "organisation", "location", "thing", "modifier", "work", "office",
          "tail", "personal", "neuter", "sited", "media", "team", "vessel", "event"]


def name_shaped(rng: random.Random) -> str:
    """A surface of one to four words of random shapes."""
    words = [rng.choice(SHAPES[rng.choice(list(SHAPES))]) for _ in range(rng.randint(1, 4))]
    return " ".join(words)


def shaped_stats(rng: random.Random, count: int) -> dict[str, KeyStats]:
    """`count` surfaces' keys (those that have one), each with random counts and cues."""
    stats: dict[str, KeyStats] = {}
    for _ in range(count):
        surface = name_shaped(rng)
        key = name_key(surface)
        if not key:
            continue
        if rng.random() < 0.1:
            key = "^" + key  # a sentence's first word's candidate
        mentions = rng.choice([1, 1, 2, 3, 7, 40])
        s = stats.setdefault(key, KeyStats(key))
        s.surfaces[surface] += mentions
        s.mentions += mentions
        s.articles += max(1, mentions // rng.randint(1, 3))
        s.person += rng.choice([0, 0, mentions])
        s.location += rng.choice([0, 0, mentions // 2])
        s.lower += rng.choice([0, 0, 1])
        s.line = rng.choice([0, 0, 0, 1])
        if rng.random() < 0.5:
            s.org.update(Counter({rng.choice(_KINDS): rng.randint(1, mentions)}))
    return stats


def shaped_acronyms(rng: random.Random, stats: dict[str, KeyStats]) -> dict[str, Counter[str]]:
    """Some keys given another key as the name they stand for ("UN (United Nations)")."""
    keys = [k for k in stats if not k.startswith("^")]
    out: dict[str, Counter[str]] = {}
    for key in rng.sample(keys, min(len(keys), 5)):
        out[key] = Counter({rng.choice(keys): rng.randint(1, 3)})
    return out
