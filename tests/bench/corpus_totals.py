"""What the store keeps per name key, totalled in memory from extracted mention rows: the
dev-time benches of actor extraction and clustering (actor_cost, actor_same) build the
clusterer's input with it, without a store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CorpusTotals:
    stats: dict[str, Any] = field(default_factory=dict)  # key -> KeyStats
    acronyms: dict[str, Counter[str]] = field(default_factory=dict)
    seen: dict[str, set[str]] = field(default_factory=dict)  # key -> articles using it
    lower: dict[str, set[str]] = field(default_factory=dict)  # key -> articles writing it lower

    def add(self, article: str, rows: Iterable[tuple], acronyms: Iterable[tuple[str, str]],
            key_stats: type) -> None:
        """One article's mention rows (table.mention_rows) and acronym definitions;
        `key_stats` is the KeyStats class of the code under test."""
        for (_, key, surface, n, _b, _t, person, location, org, low) in rows:
            s = self.stats.setdefault(key, key_stats(key))
            s.surfaces[surface] += n
            s.mentions += n
            s.person += person
            s.location += location
            if org:  # (a mark counts its row, a cue its mentions: as the store's totals)
                s.org[org] += 1 if org.startswith("line ") else n
            self.seen.setdefault(key, set()).add(article)
            if low:
                self.lower.setdefault(key, set()).add(article)
        for acronym, expansion in acronyms:
            self.acronyms.setdefault(acronym, Counter())[expansion] += 1

    def finish(self) -> None:
        """Article counts per key, as the store's totals have them."""
        try:  # (a line's marks are no cues: as the store's reader, key_stats.py)
            from newsdesk.index.actors.repeated_lines import split_marks
        except ImportError:  # (code under test from before the marks)
            split_marks = None
        for key, s in self.stats.items():
            s.articles = len(self.seen[key])
            s.lower = len(self.lower.get(key, ()))
            if split_marks is not None and s.org:
                s.line = split_marks(s.org)

    def together(self, key_a: str, key_b: str) -> bool:
        return bool(self.seen.get(key_a, set()) & self.seen.get(key_b, set()))
