"""Precision and recall of the near-duplicate grouping on a test set from generate.py.
Dev-time: `python -m tests.eval.dups.score CORPUS [--stories N] [--seed S] [--limit N]`.

The articles go through the article store and index/dups exactly as at ingest (Store.stage,
mark_done, groups.update), without the Whoosh index the grouping does not read.

What counts as a true pair: an original and its copies, and the copies of one original
with each other; and, since real corpora hold copies of their own (the BBC set repeats
about a hundred stories), two originals of which the smaller's word pairs are at least half
in the other, counted exactly (not estimated: word pairs found in more than 1% of the
articles, "of the", "said that", are left out of the count, as they show nothing). Pairs
are counted within groups, as they stand after the update (a group of four holds six)."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from pathlib import Path

from newsdesk.index.dups import groups, sketch
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.eval.dups import generate, synonyms


@dataclass(slots=True)
class Score:
    true_pairs: int
    found_pairs: int
    right_pairs: int
    by_way: dict[str, tuple[int, int]] = field(default_factory=dict)  # way -> (found, all)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.right_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.right_pairs / self.true_pairs if self.true_pairs else 1.0


def group_records(records: list[dict], folder: Path) -> tuple[dict[str, str], float]:
    """article id -> group, as the store keeps them after an ingest of `records`; and the
    seconds the grouping took."""
    store = Store(folder / "store.sqlite")
    try:
        rows = []
        for r in records:
            date = datetime.fromisoformat(r["date"]) if r.get("date") else None
            rows.append((Article(r["id"], "test.jsonl", r.get("title") or "", r["text"], date,
                                 r.get("source"), r.get("url")), str(hash(r["text"])),
                         "test.jsonl"))
        store.stage(rows, [], [], {}, time.time())
        store.mark_done()
        report = groups.update(store.db, store.lock)
        with store.lock:
            found = dict(store.db.execute("SELECT article, grp FROM dup_groups"))
        return found, report.seconds
    finally:
        store.close()


def natural_pairs(records: list[dict], share: float = 0.5) -> set[tuple[str, str]]:
    """Pairs of `records` of which the smaller's word pairs are at least `share` in the
    other, counted exactly (pairs in over 1% of the articles left out)."""
    pair_sets = []
    for r in records:
        words = sketch._WORD.findall(r["text"].casefold())
        pair_sets.append(set(zip(words, words[1:], strict=False)))
    frequency = Counter(p for s in pair_sets for p in s)
    common = max(2, len(records) // 100)
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, s in enumerate(pair_sets):
        for p in s:
            if frequency[p] <= common:
                holders[p].append(n)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        for a, b in combinations(docs, 2):
            shared[(a, b)] += 1
    found = set()
    for (a, b), count in shared.items():
        smaller = min(len(pair_sets[a]), len(pair_sets[b]))
        if smaller >= sketch.MIN_SHINGLES and count / smaller >= share:
            found.add(tuple(sorted((records[a]["id"], records[b]["id"]))))
    return found  # type: ignore[return-value]


def _pairs(clusters: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for members in clusters.values()  # type: ignore[misc]
            for p in combinations(members, 2)}


def score(records: list[dict], copies: list[generate.Copy], folder: Path) -> Score:
    everything = records + [c.record for c in copies]
    found, seconds = group_records(everything, folder)
    family: dict[str, str] = {r["id"]: r["id"] for r in records}
    family.update({c.record["id"]: c.copy_of for c in copies})
    # Originals that copy each other join one family (and their copies with them).
    parent = {r["id"]: r["id"] for r in records}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in natural_pairs(records):
        parent[root(a)] = root(b)
    truth: dict[str, list[str]] = defaultdict(list)
    for article, original in family.items():
        truth[root(original)].append(article)
    predicted: dict[str, list[str]] = defaultdict(list)
    for article, group in found.items():
        predicted[group].append(article)
    true_pairs, found_pairs = _pairs(truth), _pairs(predicted)
    by_way: dict[str, tuple[int, int]] = {}
    for way in generate.WAYS:
        mine = [c for c in copies if way in c.how]
        hit = sum(1 for c in mine if found.get(c.record["id"]) is not None
                  and found.get(c.record["id"]) == found.get(c.copy_of))
        by_way[way] = (hit, len(mine))
    return Score(len(true_pairs), len(found_pairs), len(true_pairs & found_pairs), by_way,
                 seconds)


def run(corpus: Path, stories: int, seed: int, limit: int | None = None) -> Score:
    records = generate.read(corpus)[:limit]
    records, copies = generate.build(records, stories, seed)
    with tempfile.TemporaryDirectory(prefix="newsdesk-dups-") as folder:
        return score(records, copies, Path(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    args = parser.parse_args()
    result = run(args.corpus, args.stories, args.seed, args.limit)
    source = "WordNet 3.0" if synonyms.available() else "random corpus words (no WordNet)"
    print(f"synonyms: {source}; grouping took {result.seconds:.2f} s")
    print(f"pairs: {result.true_pairs} true, {result.found_pairs} found, "
          f"{result.right_pairs} right")
    print(f"precision {result.precision:.3f}, recall {result.recall:.3f}")
    for way, (hit, total) in result.by_way.items():
        print(f"  copies {way}: {hit}/{total} grouped with their original")


if __name__ == "__main__":
    main()
