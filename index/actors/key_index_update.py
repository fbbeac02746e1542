"""The store's key index (reach.KeyIndex) brought up to date after an indexing run changed
some keys' totals, without building it again from every key: each changed key is taken out
of the buckets it was in (as its old totals put it there) and put into those its new totals
put it in. The parts come out equal to those `reach.index_parts` builds from all the keys
(tests/index/actors/test_actor_update.py compares them), in the same orders.

What a key's entries are is worked out here as `reach._index_parts` works it out, key by
key (that build keeps its own loop: it is the rebuild's, where a call per entry would
cost)."""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from newsdesk.index.actors.names import signature, significant, singular, translit
from newsdesk.index.actors.reach import _POSSESSIVE_INSIDE, _is_org, initials_buckets

# The parts that are buckets of keys (a dict of tuples), and how to find the key an item of
# one is about (items are the key, or tuples holding it).
_KEY_AT: dict[str, int | None] = {
    "by_sig": None, "by_gap": 1, "by_start": None, "by_last": None, "by_last_sig": None,
    "by_surname": None, "singles": None, "by_tail": 0, "by_initials": None,
    "by_head_of": None, "ends": 0, "org_same": None, "org_inside": None,
}


def _entries(key: str, mentions: int) -> Iterator[tuple[str, Any, Any]]:
    """(part, bucket, item) for each bucket `reach._index_parts` puts `key` in, in the order
    it appends them."""
    sig = signature(key)
    yield "by_sig", sig, key
    if len(sig) >= 2:
        for i, word in enumerate(sig):
            yield "by_gap", (len(sig), i, sig[:i] + sig[i + 1:]), (word, key)
    words = key.split()
    sig_words = significant(key)
    if sig_words:
        yield "by_start", (len(sig_words), sig_words[0][:3]), key
    yield "by_last", words[-1], key
    if len(words) == 1:
        yield "singles", translit(key), key
    elif sig_words:
        yield "by_last_sig", sig_words[-1], key
        yield "by_surname", translit(sig_words[-1]), key
        for cut in range(1, min(len(words), 4)):
            yield "by_tail", " ".join(words[cut:]), (key, " ".join(words[:cut]))
        for letters in initials_buckets(key, words):
            yield "by_initials", letters, key
        if "of" in words[1:]:
            before = words[:words.index("of")]
            for head in {before[-1], " ".join(before[-2:])}:
                yield "by_head_of", head, key
    if len(key) >= 7:
        item = (key, mentions)
        yield "ends", ("<" + key[:3], len(words), len(key)), item
        yield "ends", (key[-3:] + ">", len(words), len(key)), item
    if _is_org(key):
        from newsdesk.index.actors.cluster import _org_key, held_forms

        org = _org_key(key)
        yield "org_same", org, key
        # (As reach._OrgIndex.index puts them: each held form once.)
        for held in dict.fromkeys(held_forms(key, org)):
            yield "org_inside", held, key


def _clip(key: str) -> tuple[str, ...] | None:
    sig_words = significant(key)
    return tuple(map(singular, sig_words)) if len(sig_words) >= 2 else None


class ChangedKeys:
    """What the key index holds of the changed keys, as the store has them now (read for
    those keys alone): their mentions (a key no longer there has none), whether each is
    written mostly in capitals, its expansions if an acronym, its cues and organisation
    cues, and whether the corpus writes it with a possessive inside."""

    def __init__(self, db: sqlite3.Connection, keys: Iterable[str]) -> None:
        self.keys = set(keys)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS changed (key TEXT PRIMARY KEY)")
        db.execute("DELETE FROM changed")
        db.executemany("INSERT INTO changed VALUES (?)", [(k,) for k in self.keys])
        only = "key IN (SELECT key FROM changed)"
        self.mentions: dict[str, int] = dict(db.execute(
            f"SELECT key, mentions FROM key_totals WHERE {only}"))
        # (As reach.read_keys reads them, for these keys.)
        self.acronym = {r[0] for r in db.execute(
            f"SELECT key FROM key_surfaces WHERE {only} AND key NOT LIKE '% %' GROUP BY key "
            "HAVING 2 * sum(CASE WHEN surface GLOB '*[a-z]*' THEN 0 ELSE n END) > sum(n)")}
        self.expansions: dict[str, dict[str, int]] = {}
        for short, expansion, n in db.execute(
                "SELECT acronym, expansion, count(*) FROM acronyms WHERE acronym IN "
                "(SELECT key FROM changed) GROUP BY 1, 2"):
            self.expansions.setdefault(short, {})[expansion] = n
        self.cues = {key: (person, location) for key, person, location in db.execute(
            f"SELECT key, person, location FROM key_totals WHERE {only} AND "
            "(person != 0 OR location != 0)")}
        self.orgs: dict[str, dict[str, int]] = {}
        for key, org, n in db.execute(  # (no line's marks: repeated_lines.py)
                f"SELECT key, org, n FROM key_orgs WHERE {only} AND org NOT LIKE 'line %'"):
            self.orgs.setdefault(key, {})[org] = n
        self.possessive = {key for key, surface in db.execute(
            f"SELECT key, surface FROM key_surfaces WHERE {only} AND key LIKE '% %' AND "
            "(surface LIKE '%''s %' OR surface LIKE '%’s %')")
            if _POSSESSIVE_INSIDE.search(surface)}
        db.execute("DELETE FROM changed")


def updated_parts(parts: dict[str, Any], stamp: tuple[int, ...], changed: ChangedKeys,
                  in_place: bool = False) -> dict[str, Any]:
    """`parts` (reach.index_parts, of the keys before) with the `changed` keys as they are
    now, stamped `stamp`. `parts` itself is left as it was; with `in_place` (parts read from
    the store for this alone), its containers are changed rather than copied (the copies
    were most of the cost of 5,500 keys changed at 100,000 articles)."""
    old_mentions: dict[str, int] = parts["mentions"]
    keys = changed.keys
    out = dict(parts)
    # The buckets each changed key leaves and joins.
    leave: dict[tuple[str, Any], list[Any]] = {}
    join: dict[tuple[str, Any], list[Any]] = {}
    for key in keys:
        was, now_of = old_mentions.get(key), changed.mentions.get(key)
        if was is not None and now_of is not None:
            # A key there before and after (most: only its totals changed) keeps its
            # buckets; only the "ends" items carry its mentions.
            if was != now_of and len(key) >= 7:
                words, size = len(key.split()), len(key)
                for end in ("<" + key[:3], key[-3:] + ">"):
                    leave.setdefault(("ends", (end, words, size)), []).append((key, was))
                    join.setdefault(("ends", (end, words, size)), []).append((key, now_of))
            continue
        if was is not None:
            for part, bucket, item in _entries(key, was):
                leave.setdefault((part, bucket), []).append(item)
        if now_of is not None:
            for part, bucket, item in _entries(key, now_of):
                join.setdefault((part, bucket), []).append(item)
    copied: dict[str, dict[Any, tuple[Any, ...]]] = {}
    for part, bucket in leave.keys() | join.keys():
        target = copied.get(part)
        if target is None:
            target = copied[part] = out[part] = \
                parts[part] if in_place else dict(parts[part])
        items = list(target.get(bucket, ()))
        for item in leave.get((part, bucket), ()):
            items.remove(item)
        items += join.get((part, bucket), ())
        at = _KEY_AT[part]
        if at is None:
            items.sort()
        else:
            items.sort(key=lambda item, at=at: item[at])  # (stable: a key's own in order)
        if items:
            target[bucket] = tuple(items)
        else:
            target.pop(bucket, None)
    # The key list (in key order) and their mentions.
    gone = {k for k in keys if k not in changed.mentions}
    added = sorted(k for k in changed.mentions if k not in old_mentions)
    kept = (k for k in parts["keys"] if k not in gone) if gone else iter(parts["keys"])
    order = list(heapq.merge(kept, added)) if added else list(kept)
    now = changed.mentions
    out["keys"] = order
    if added or gone:
        out["mentions"] = {k: now[k] if k in keys else old_mentions[k] for k in order}
    elif in_place:  # (the same keys in the same order: their values replaced)
        old_mentions.update(now)
    else:
        out["mentions"] = {**old_mentions, **now}
    clips = out["clips"] = parts["clips"] if in_place else dict(parts["clips"])
    for key in keys:
        clips.pop(key, None)
        if key in now and (clip := _clip(key)) is not None:
            clips[key] = clip
    out["acronym"] = (set(parts["acronym"]) - keys) | changed.acronym
    expansions = out["expansions"] = \
        parts["expansions"] if in_place else dict(parts["expansions"])
    for key in keys:
        expansions.pop(key, None)
    if changed.expansions:  # (in the order SQL groups them: by acronym)
        expansions.update(changed.expansions)
        out["expansions"] = dict(sorted(expansions.items()))
    out["cues"] = _replaced(parts["cues"], keys, changed.cues, in_place)
    out["orgs_of"] = _replaced(parts["orgs_of"], keys, changed.orgs, in_place)
    out["possessive"] = (set(parts["possessive"]) - keys) | changed.possessive
    out["stamp"] = list(stamp)
    return out


def _replaced(old: dict[str, Any], keys: set[str], now: dict[str, Any],
              in_place: bool = False) -> dict[str, Any]:
    if in_place:
        for k in keys:
            old.pop(k, None)
        out = old
    else:
        out = {k: v for k, v in old.items() if k not in keys} if keys else dict(old)
    out.update(now)
    return out
