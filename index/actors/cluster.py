"""Mentions of a whole corpus -> actors: spelling variants, surnames, acronyms and shorter
forms of one name become one actor with one canonical name.

Dictionary entries are anchors: every key a dictionary names belongs to its entry, and no
automatic rule may join two anchored groups. Rules, in order:

1. transliteration: keys whose words have the same `translit` form (Qasem / Qassem / Kassem);
2. one differing given name within one edit (Hashd / Hashid al-Shaabi), never the surname;
3. acronyms to the name they were defined with in the text (PMF -> Popular Mobilization Forces);
4. an organisation's shorter form to the one longer name that contains it (Revolutionary
   Guards -> Islamic Revolutionary Guard Corps), only if exactly one does;
5. a lone surname to the full name that holds at least 80% of that surname's full-name
   mentions (Pompeo -> Mike Pompeo), so two people who share a surname stay apart.

Capitalised words that the corpus mostly writes in lower case are not names ("Individuals")."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.names import signature, significant, translit


@dataclass(slots=True)
class KeyStats:
    """What the corpus says of one name key."""

    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    person: int = 0
    location: int = 0
    lower: int = 0  # articles where its (first) word also appears in lower case
    org: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class Cluster:
    name: str
    type: str
    code: str | None
    hidden: bool
    keys: list[str]


class _Groups:
    """Union-find over keys; a group may carry one dictionary anchor."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.anchor: dict[str, str] = {}

    def add(self, key: str, anchor: str | None = None) -> None:
        self.parent.setdefault(key, key)
        if anchor is not None:
            self.anchor[self.find(key)] = anchor

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        aa, ab = self.anchor.get(ra), self.anchor.get(rb)
        if aa and ab and aa != ab:
            return False  # two dictionary entries: never merged by a rule
        self.parent[rb] = ra
        if ab and not aa:
            self.anchor[ra] = ab
        return True


def _is_org(stats: KeyStats) -> bool:
    words = significant(stats.key)
    return len(words) > 1 and words[-1] in ORG_CUES


def _is_common_word(stats: KeyStats) -> bool:
    """A lone capitalised word the corpus also writes in lower case ("Individuals"), or a
    lone adjective ("Islamic", "Western"): not a name."""
    if len(stats.key.split()) != 1:
        return False
    return stats.lower * 2 >= stats.articles > 0 or stats.key.endswith(_ADJECTIVE_ENDINGS)


_ADJECTIVE_ENDINGS = ("ic", "ical", "ern")


def cluster(stats: dict[str, KeyStats], acronyms: dict[str, Counter[str]],
            dictionaries: Dictionaries) -> list[Cluster]:
    from rapidfuzz.distance import OSA  # here: 15 ms to import, not needed to search

    groups = _Groups()
    anchored = dictionaries.alias
    live = {k: s for k, s in stats.items() if k in anchored or not _is_common_word(s)}
    for key in live:
        groups.add(key, anchored.get(key))
    # Dictionary names take part even when the corpus has not used them (yet).
    for key, head in anchored.items():
        groups.add(key, head)
        groups.add(head, head)  # a name given by curation may be one no article uses
        groups.union(head, key)

    # 1. transliteration
    by_signature: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in groups.parent:
        sig = signature(key)
        if sig:
            by_signature[sig].append(key)
    for keys in by_signature.values():
        for other in keys[1:]:
            groups.union(keys[0], other)

    # 2. one given name within one edit; the surname must agree.
    buckets: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key in live:
        sig = signature(key)
        for i in range(len(sig) - 1):
            buckets[(len(sig), i, sig[:i] + sig[i + 1:])].append((sig[i], key))
    for items in buckets.values():
        for n, (word_a, key_a) in enumerate(items):
            for word_b, key_b in items[n + 1:]:
                if word_a != word_b and min(len(word_a), len(word_b)) >= 4 \
                        and word_a[0] == word_b[0] and OSA.distance(word_a, word_b) <= 1:
                    groups.union(key_a, key_b)

    # 3. acronyms defined in the text
    for acronym, expansions in acronyms.items():
        if acronym in groups.parent:
            best = expansions.most_common(1)[0][0]
            if best in groups.parent:
                groups.union(best, acronym)

    # 4. an organisation's shorter form inside exactly one longer name
    containing: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, s in live.items():
        sig = signature(key)
        if _is_org(s) and len(sig) >= 3:
            for size in range(2, len(sig)):
                for start in range(len(sig) - size + 1):
                    containing[sig[start:start + size]].add(key)
    for key, s in live.items():
        if _is_org(s):
            owners = {groups.find(k) for k in containing.get(signature(key), ())}
            if len(owners) == 1:
                groups.union(owners.pop(), key)

    # 5. a person's full name behind words that are no part of it: an unknown title in
    # headline case ("Quds Force Commander Qassem Soleimani"), or a capitalised common
    # word ("Common Soleimani"); then lone surnames.
    people = {signature(k): k for k, s in live.items()
              if len(significant(k)) >= 2 and s.person > 0 and not _is_org(s)}
    for key, s in live.items():
        sig = signature(key)
        if len(sig) < 3 and not (len(sig) == 2 and s.lower * 2 >= s.articles > 0):
            continue
        if key in anchored or _is_org(s):
            continue
        for cut in range(1, len(sig) - 1 if len(sig) >= 3 else 1):
            if sig[cut:] in people:
                groups.union(people[sig[cut:]], key)
                break
        else:
            if len(sig) == 2 and sig[1:] in by_signature:
                groups.union(by_signature[sig[1:]][0], key)
    full_names: dict[str, Counter[str]] = defaultdict(Counter)
    for key, s in live.items():
        sig = signature(key)
        if len(sig) >= 2 and not _is_org(s) and s.person >= s.location:
            full_names[sig[-1]][groups.find(key)] += s.mentions
    for key, s in live.items():
        words = significant(key)
        if len(words) == 1 and key not in anchored and not s.org:
            candidates = full_names.get(translit(words[0]))
            if candidates:
                (best, count), total = candidates.most_common(1)[0], sum(candidates.values())
                if count >= 0.8 * total:
                    groups.union(best, key)

    return _clusters(groups, live, dictionaries)


def _clusters(groups: _Groups, live: dict[str, KeyStats],
              dictionaries: Dictionaries) -> list[Cluster]:
    """One cluster per group the corpus mentions; a dictionary's group keeps all of its
    names, so the `actor:` filter finds a name the corpus has not used yet."""
    members: dict[str, list[str]] = defaultdict(list)
    for key in groups.parent:
        members[groups.find(key)].append(key)
    out = []
    for root, keys in members.items():
        stats = [live[k] for k in keys if k in live]
        if not stats:
            continue
        head = groups.anchor.get(root)
        entry = dictionaries.entries.get(head) if head else None
        name = entry.name if entry else _canonical(stats)
        kind = (entry.type if entry and entry.type else None) or _type(stats)
        out.append(Cluster(name, kind, entry.code if entry else None,
                           bool(entry and entry.hidden), sorted(keys)))
    return out


def _canonical(stats: list[KeyStats]) -> str:
    """The most used surface of more than one word (a full name, not an acronym), or a
    longer one that contains it and is used at least a quarter as often ("Popular
    Mobilization Forces" over "Mobilization Forces"); else the most used surface."""
    surfaces: Counter[str] = Counter()
    for s in stats:
        surfaces.update(s.surfaces)
    full = [(n, surface) for surface, n in surfaces.items()
            if len(surface.split()) > 1 and not surface.isupper()]
    if not full:
        return surfaces.most_common(1)[0][0]
    count, best = max(full, key=lambda item: (item[0], len(item[1])))
    longer = [(n, surface) for n, surface in full if len(surface) > len(best)
              and surface.lower().endswith(best.lower()) and n * 4 >= count]
    return max(longer)[1] if longer else best


def _type(stats: list[KeyStats]) -> str:
    mentions = sum(s.mentions for s in stats) or 1
    org: Counter[str] = Counter()
    for s in stats:
        org.update(s.org)
    person = sum(s.person for s in stats)
    location = sum(s.location for s in stats)
    if org and sum(org.values()) * 3 >= mentions:
        return org.most_common(1)[0][0]
    if person and person >= location:
        return "person"
    if location * 4 >= mentions:
        return "location"
    if any(len(significant(s.key)) in (2, 3) and not s.key.isupper() for s in stats) and person:
        return "person"
    return "other"
