"""A file's numeric dates judged together: which comes first, the day or the month.

`4/5/2017` alone has two readings, and was kept without a date one record at a time, while
the same column had `11/26/2017`, which only month-first reads (an outside tester's FA-KES
file: 365 dates refused). A file's dates come from one writer: a date only one order reads
settles that order for the file's ambiguous ones of the same shape (separator and year
length), unless the file has dates that only the other order reads too (then none is
guessed, and the message says why).

The ambiguous dates met before the order is settled are held back with their articles (up
to HOLD_CHARS of text) and given at the file's end; past that they are kept without a
date, as before."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdesk.index.ingest.dates import day_first_formats
from newsdesk.index.models import Article

# A numeric date with the day or the month first and nothing else: its separator and year.
_NUMERIC = re.compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\s*")
HOLD_CHARS = 16 << 20  # text of the articles held back till the order is known
DAY, MONTH = "day", "month"


@dataclass(slots=True)
class _Evidence:
    line: int
    example: str


@dataclass(slots=True)
class DayOrder:
    """One file's: `learn` from every date read, `read` an ambiguous one, `hold` an
    article till the end (`released`)."""

    seen: dict[tuple[str, str], dict[str, _Evidence]] = field(default_factory=dict)
    held: list[tuple[Article, str, int]] = field(default_factory=list)
    held_chars: int = 0
    # Dates read by the file's order, by shape: (count, first line, example, the order, the
    # date that settled it).
    taken: dict[tuple[str, str], tuple[int, int, str, str, _Evidence]] = field(
        default_factory=dict)

    def learn(self, value: object, line: int) -> None:
        """A date read without doubt: if numeric with the day or month over 12, what it
        says of its shape's order."""
        match = _NUMERIC.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            return
        first, second = int(match[1]), int(match[3])
        if (first > 12) == (second > 12):
            return
        order = DAY if first > 12 else MONTH
        self.seen.setdefault(_shape(match), {}).setdefault(order, _Evidence(line, value.strip()))

    def order_of(self, value: str) -> tuple[str, _Evidence] | None:
        """The order the file settles for an ambiguous date's shape (None: not yet, or
        the file has both)."""
        match = _NUMERIC.fullmatch(value)
        if match is None:
            return None
        orders = self.seen.get(_shape(match), {})
        if len(orders) != 1:
            return None
        (order, evidence), = orders.items()
        return order, evidence

    def both(self, value: object) -> tuple[_Evidence, _Evidence] | None:
        """Dates of both orders in the file, for an ambiguous date's shape."""
        match = _NUMERIC.fullmatch(value) if isinstance(value, str) else None
        orders = self.seen.get(_shape(match), {}) if match is not None else {}
        return (orders[DAY], orders[MONTH]) if len(orders) == 2 else None

    def read(self, value: object, line: int) -> datetime | None:
        """An ambiguous date read in the file's order (None: not settled)."""
        if not isinstance(value, str) or (found := self.order_of(value)) is None:
            return None
        order, evidence = found
        day_first, month_first = day_first_formats(value.strip())
        try:
            date = datetime.strptime(value.strip(), day_first if order == DAY else month_first)
        except ValueError:
            return None
        key = _shape(_NUMERIC.fullmatch(value))  # type: ignore[arg-type]
        count, first, example, _, _ = self.taken.get(
            key, (0, line, value.strip(), order, evidence))
        if line < first:  # (one held back till the end came first in the file)
            first, example = line, value.strip()
        self.taken[key] = (count + 1, first, example, order, evidence)
        return date

    def hold(self, article: Article, value: str, line: int) -> bool:
        """Keep an article with an ambiguous date till the file's end; False if too much
        text is held already."""
        size = len(article.text) + len(article.title)
        if self.held_chars + size > HOLD_CHARS:
            return False
        self.held.append((article, value, line))
        self.held_chars += size
        return True

    def released(self) -> list[tuple[Article, str, int, datetime | None]]:
        """The articles held, each with its date read in the order the whole file settled
        (None where it settled none)."""
        held, self.held, self.held_chars = self.held, [], 0
        out = []
        for article, value, line in held:
            date = self.read(value, line)
            out.append((dataclasses.replace(article, date=date,
                                            date_text=value.strip() if date else None)
                        if date else article, value, line, date))
        return out

    def notes(self) -> list[tuple[str, int, int]]:
        """(message, line, count) for each shape of date read by the file's order."""
        said = []
        for count, first, example, order, evidence in self.taken.values():
            day_first, month_first = day_first_formats(example)
            fmt = day_first if order == DAY else month_first
            dates = f"{count:,} dates like {ascii(example)}" if count > 1 \
                else f"date {ascii(example)}"
            said.append((f"{dates} read {order} first ({fmt!r}): the file's "
                         f"{ascii(evidence.example)} (line {evidence.line:,}) has no other "
                         f"reading", first, count))
        return said


def _shape(match: re.Match[str]) -> tuple[str, str]:
    return match[2], "yy" if len(match[4]) == 2 else "yyyy"
