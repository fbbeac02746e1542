"""Facets and the timeline of a result set: counts by source and by period over every hit
(one read of the per-document facet column each), and the top actors of the hits.

Every value carries the field query that narrows a search to it, so choosing a facet is
exactly typing that query."""

from __future__ import annotations

import random
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from operator import attrgetter

from whoosh.searching import Searcher

from newsdesk.index.models import Actor, FacetValue, Period, Timeline
from newsdesk.index.option_values import PERIODS, is_place
from newsdesk.index.query.language import field_clause, narrowable
from newsdesk.index.query.matching import TermDocs
from newsdesk.index.storage.columns import column_values
from newsdesk.index.storage.schema import read_facet

ACTOR_SAMPLE = 400  # hits the actor candidates are drawn from
ACTOR_CANDIDATES = 24  # candidates counted exactly over every hit (10 are shown)
NO_SOURCE = "(no source)"

FacetCounts = Counter[tuple[int | None, str | None]]


class FacetTable:
    """Every document's (date ordinal, source) as a small code, read once per searcher in
    bulk, so counting a result set is one pass over its document numbers."""

    def __init__(self, searcher: Searcher) -> None:
        self.codes = array("I")
        self.values: list[tuple[int | None, str | None]] = [(None, None)]
        known: dict[bytes, int] = {b"": 0}
        for reader, offset in searcher.reader().leaf_readers():
            self.codes.extend([0] * (offset - len(self.codes)))
            for value in column_values(reader, "facet"):
                code = known.get(value)
                if code is None:
                    code = known[value] = len(self.values)
                    self.values.append(read_facet(value))
                self.codes.append(code)

    def on_days(self, docnums: Iterable[int] | None, first: int | None,
                last: int | None) -> set[int]:
        """The documents (of `docnums`, or of all) dated from day `first` to day `last`."""
        low, high = first if first is not None else 0, last if last is not None else 1 << 30
        wanted = {code for code, (day, _) in enumerate(self.values)
                  if day is not None and low <= day <= high}
        codes = self.codes
        if docnums is None:
            return {d for d, code in enumerate(codes) if code in wanted}
        return {d for d in docnums if codes[d] in wanted}

    def count(self, docnums: Iterable[int]) -> FacetCounts:
        codes = self.codes
        raw = Counter(codes[d] for d in docnums)
        counts: FacetCounts = Counter()
        for code, n in raw.items():
            counts[self.values[code]] += n
        return counts


def sources(counts: FacetCounts, top: int = 10) -> list[FacetValue]:
    by_source: Counter[str | None] = Counter()
    for (_, source), n in counts.items():
        by_source[source] += n
    ranked = sorted(by_source.items(), key=lambda item: (-item[1], item[0] or ""))[:top]
    return [FacetValue(source or NO_SOURCE, n, field_clause("source", source)
                       if source and narrowable(source) else "") for source, n in ranked]


# -- periods ---------------------------------------------------------------------------------

def choose_by(first: date, last: date) -> str:
    """Days for up to two months of hits, months for up to six years, years beyond."""
    span = (last - first).days
    if span <= 62:
        return "day"
    if span <= 6 * 366:
        return "month"
    return "year"


# A timeline never has more periods than this: asked by day for dates millennia apart (an
# article dated 0001 or 9998 among today's), it goes by week, month or year instead.
MAX_PERIODS = 20_000
COARSER = {"day": "week", "week": "month", "month": "year", "year": "year"}


def fine_enough(first: date, last: date, by: str, most: int | None = None) -> str:
    """`by`, or the first coarser period that draws first..last in `most` periods at most
    (None: MAX_PERIODS; a year is as coarse as it goes)."""
    most = MAX_PERIODS if most is None else most
    while _periods_between(first, last, by) > most and by != "year":
        by = COARSER[by]
    return by


# A lone date far from the rest (a 0001-01-01 placeholder of scraped data among 2004's
# news) stretched the timeline to 2,099 years of empty periods, one bar holding every hit.
# Such dates at either end are left off it, and said: the dates at an end holding at most
# OUTLIER_SHARE of the dated hits (one at least) whose gap to the next date is longer
# than OUTLIER_GAP days and than the whole span of the dates beyond it.
OUTLIER_SHARE = 0.01
OUTLIER_GAP = 366


def lone_dates(days: Counter[int]) -> list[tuple[int, int]]:
    """(day ordinal, hits) of the lone dates at either end of `days` (hits per day
    ordinal) that a timeline leaves off, in order; the dates drawn are the others."""
    ordinals = sorted(d for d, n in days.items() if n)
    allowed = max(1, int(sum(days[d] for d in ordinals) * OUTLIER_SHARE))
    low, high = 0, len(ordinals) - 1
    below = above = 0  # hits left off at either end
    while True:
        cut = _lone_end(ordinals, days, low, high, allowed - below, 1)
        if cut is not None:
            below, low = below + cut[1], cut[0]
            continue
        cut = _lone_end(ordinals, days, high, low, allowed - above, -1)
        if cut is None:
            return [(d, days[d]) for d in ordinals[:low] + ordinals[high + 1:]]
        above, high = above + cut[1], cut[0]


def _lone_end(ordinals: list[int], days: Counter[int], end: int, other: int, allowed: int,
              step: int) -> tuple[int, int] | None:
    """From `end` towards `other` (step 1 or -1): (the first index kept, the hits left
    off) where the dates from `end` to just before it are lone, the fewest such; None."""
    hits = 0
    for k in range(end, other - step, step):  # (two dates are kept at least)
        hits += days[ordinals[k]]
        if hits > allowed:
            return None
        gap, rest = abs(ordinals[k + step] - ordinals[k]), abs(ordinals[other] - ordinals[k + step])
        if gap > max(OUTLIER_GAP, rest):
            return k + step, hits
    return None


def _periods_between(first: date, last: date, by: str) -> int:
    if by == "day":
        return (last - first).days + 1
    if by == "week":
        return (last - first).days // 7 + 2
    if by == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return 0  # years: at most 9,999, always drawn


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_period(start: date, by: str) -> date:
    """The start of the period after; date.max past the last one Python can hold (an index
    written before dates were range-checked at ingest may hold 9999-12-31)."""
    try:
        if by == "day":
            return start + timedelta(days=1)
        if by == "week":
            return start + timedelta(days=7)
        if by == "month":
            return date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return date(start.year + 1, 1, 1)
    except (ValueError, OverflowError):
        return date.max


def period_label(start: date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def period_clause(start: date, by: str) -> str:
    if by == "week":
        after = next_period(start, by)
        end = after - timedelta(days=1) if after != date.max else after
        return f"date:[{start.isoformat()} TO {end.isoformat()}]"
    return f"date:{period_label(start, by)}"


def timeline(query: str, counts: FacetCounts, by: str | None = None) -> Timeline:
    """Hits per period from the first dated hit's period to the last's, zeros included."""
    if by is not None and by not in PERIODS:
        raise ValueError(f"unknown period '{by}' (use {', '.join(PERIODS)})")
    per_day: Counter[int] = Counter()
    undated = 0
    for (ordinal, _), n in counts.items():
        if ordinal is None:
            undated += n
        else:
            per_day[ordinal] += n
    total = undated + sum(per_day.values())
    if not per_day:
        return Timeline(query, by or "month", [], undated, total)
    left_out = lone_dates(per_day)
    for ordinal, _ in left_out:
        del per_day[ordinal]
    first, last = date.fromordinal(min(per_day)), date.fromordinal(max(per_day))
    asked = by
    by = fine_enough(first, last, by or choose_by(first, last))  # days over millennia
    per_period: Counter[date] = Counter()
    for ordinal, n in per_day.items():
        per_period[period_start(date.fromordinal(ordinal), by)] += n
    periods = []
    start, end = period_start(first, by), period_start(last, by)
    while start <= end:
        periods.append(Period(start, period_label(start, by), per_period.get(start, 0),
                              period_clause(start, by)))
        if start == date.max:
            break
        start = next_period(start, by)
    return Timeline(query, by, periods, undated, total,
                    asked if asked is not None and asked != by else None,
                    [(date.fromordinal(d), n) for d, n in left_out])


# -- actors ----------------------------------------------------------------------------------

def sample_ids(searcher: Searcher, docnums: list[int], size: int | None = None) -> list[str]:
    """The ids of up to `size` hits, drawn at random (seeded, so a query always draws the
    same) from all of them: candidates for the top actors come from the whole result set,
    not only from its best-scored or oldest articles."""
    size = size or ACTOR_SAMPLE
    chosen = docnums if len(docnums) <= size else random.Random(len(docnums)).sample(
        docnums, size)
    reader = searcher.reader()
    return [reader.stored_fields(d)["id"] for d in chosen]


def exact_actor_counts(terms: TermDocs, docnums: set[int],
                       candidates: list[tuple[Actor, list[str]]]) -> list[tuple[Actor, int]]:
    """How many hits mention each candidate actor, by any of its name keys."""
    counted = []
    for actor, keys in candidates:
        mentioning = terms.of("actors", keys[0]) if len(keys) == 1 else set().union(
            *(terms.of("actors", k) for k in keys))
        n = len(mentioning & docnums)
        if n:
            counted.append((actor, n))
    return counted


def actor_values(counted: list[tuple[Actor, int]], top: int,
                 filter_name: Callable[[Actor], str] = attrgetter("name")) -> list[FacetValue]:
    """The top actors, then the top places: each kind its own `top`, as the actor pane lists
    them apart (a city never pushes an actor out); each narrows by `filter_name`, a name
    that means that actor alone."""
    ranked = sorted(counted, key=lambda item: (-item[1], -item[0].articles, item[0].name))
    kinds = [item for item in ranked if not is_place(item[0].type)][:top] + \
        [item for item in ranked if is_place(item[0].type)][:top]
    return [FacetValue(a.name, n, field_clause("actor", filter_name(a)), a.type)
            for a, n in kinds]
