"""Several queries' hits per period on one time axis (Media Cloud's attention over time):
counts, and each count as a share of all the articles dated in that period.

The dashboard's chart pane and `newsdesk timeline Q1 Q2 ...` both take a Comparison from
Engine.compare: one function, the same series."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from whoosh.searching import Searcher

from newsdesk.index.models import Period
from newsdesk.index.option_values import PERIODS
from newsdesk.index.query.matching import live_docnums
from newsdesk.index.views.facets import (
    FacetCounts,
    FacetTable,
    choose_by,
    fine_enough,
    lone_dates,
    next_period,
    period_clause,
    period_label,
    period_start,
)

MAX_SERIES = 5  # queries on one chart: more lines than that cannot be told apart


@dataclass(slots=True)
class Series:
    """One query's hits per period, aligned with its Comparison's periods."""

    label: str  # what the legend says: a saved search's name, or the query
    query: str
    counts: list[int] = field(default_factory=list)
    total: int = 0
    undated: int = 0
    error: str = ""  # a query that does not parse: counted as nothing, with its message
    left_out: int = 0  # hits on the lone dates left off the periods (Comparison.left_out)


@dataclass(slots=True)
class Comparison:
    """Hits of up to five queries per period. Each Period's `count` is every article dated
    in it (what shares are of); its `clause` the date query of the period."""

    by: str  # day, week, month or year
    periods: list[Period]
    series: list[Series]
    coarsened: str | None = None  # the period asked for, where it made too many periods
    # Lone dates far from the rest of every series' (facets.lone_dates), left off the
    # periods: (day, hits of all series)
    left_out: list[tuple[date, int]] = field(default_factory=list)
    most: int | None = None  # the periods it may have (None: MAX_PERIODS)

    def shares(self, series: Series) -> list[float]:
        """Each period's hits as a fraction of all the articles dated in it."""
        return [n / p.count if p.count else 0.0
                for n, p in zip(series.counts, self.periods, strict=True)]


def corpus_counts(searcher: Searcher) -> FacetCounts:
    """Every live article by (day, source): what a period's share is of. Kept per searcher
    by the engine (one pass over the facet column)."""
    return FacetTable(searcher).count(live_docnums(searcher))


def per_day(counts: FacetCounts) -> tuple[Counter[int], int]:
    """(hits per day ordinal, hits without a date)."""
    days: Counter[int] = Counter()
    undated = 0
    for (ordinal, _), n in counts.items():
        if ordinal is None:
            undated += n
        else:
            days[ordinal] += n
    return days, undated


def compare(named: list[tuple[str, str, FacetCounts | None, str]], everything: FacetCounts,
            by: str | None = None, most: int | None = None) -> Comparison:
    """`named`: (label, query, its hits counted by day and source, error) a series. The
    periods run from the first dated hit of any series to the last, zeros included, by
    `by` or by a period chosen from that span as the one-line timeline chooses it."""
    if by is not None and by not in PERIODS:
        raise ValueError(f"unknown period '{by}' (use {', '.join(PERIODS)})")
    days = [(label, query, *per_day(counts or Counter()), error)
            for label, query, counts, error in named]
    dated: Counter[int] = Counter()
    for _, _, found, _, _ in days:
        dated.update(found)
    if not dated:
        return Comparison(by or "month", [], [
            Series(label, query, [], sum(found.values()) + undated, undated, error)
            for label, query, found, undated, error in days])
    left_out = lone_dates(dated)
    lone = {d for d, _ in left_out}
    drawn = [d for d in dated if d not in lone]
    first, last = date.fromordinal(min(drawn)), date.fromordinal(max(drawn))
    asked = by
    by = fine_enough(first, last, by or choose_by(first, last), most)
    starts = _starts(first, last, by)
    where = {start: i for i, start in enumerate(starts)}
    all_days, _ = per_day(everything)
    every = [0] * len(starts)
    for ordinal, n in all_days.items():
        i = where.get(period_start(date.fromordinal(ordinal), by))
        if i is not None:
            every[i] += n
    periods = [Period(start, period_label(start, by), every[i], period_clause(start, by))
               for i, start in enumerate(starts)]
    series = []
    for label, query, found, undated, error in days:
        counts = [0] * len(starts)
        off = 0
        for ordinal, n in found.items():
            if ordinal in lone:
                off += n
            else:
                counts[where[period_start(date.fromordinal(ordinal), by)]] += n
        series.append(Series(label, query, counts, sum(counts) + off + undated, undated,
                             error, off))
    return Comparison(by, periods, series, asked if asked is not None and asked != by else None,
                      [(date.fromordinal(d), n) for d, n in left_out], most)


def _starts(first: date, last: date, by: str) -> list[date]:
    starts = []
    start, end = period_start(first, by), period_start(last, by)
    while start <= end:
        starts.append(start)
        if start == date.max:
            break
        start = next_period(start, by)
    return starts
