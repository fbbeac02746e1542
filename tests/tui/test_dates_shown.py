"""Dates as the results, the reader, the pager and the CLI show them: always four digits
of year. strftime("%Y") on glibc writes year 1 as "1", so an article of 0001-01-01 (a
date newsdesk keeps) showed "1-01-01" while the facets and the timeline said 0001."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsdesk.tui.render import fmt_date, meta_line


@pytest.mark.parametrize(("date", "shown"), [
    (datetime(1, 1, 1), "0001-01-01"),
    (datetime(999, 12, 31, 23, 59), "0999-12-31"),
    (datetime(1987, 3, 19, 9, 3, 9), "1987-03-19"),
    (datetime(9998, 12, 31), "9998-12-31"),
    (None, "no date"),
])
def test_every_year_has_four_digits(date: datetime | None, shown: str) -> None:
    assert fmt_date(date) == shown
    assert meta_line("Reuters", date) == f"Reuters · {shown}"
