"""A corpus record's date as written -> a datetime, or ValueError saying why not.

Accepted without any setting (the unambiguous forms news data comes in):
- ISO 8601 as Python reads it (2020-01-04, 2020-01-04T10:00:00+05:30, 20200104,
  2020-W01-6...), its reduced precisions `2020` and `2020-01`, unpadded `2020-1-4`, year
  first with `/` or `.` (2020/01/04), and `T24:00` (the end of a day: the next day's 0:00);
- RFC 2822, the pubDate of every RSS feed (`Sat, 04 Jan 2020 10:00:00 +0000`);
- an English month name with a day and a year in either order, with or without a
  weekday, a time (am/pm) and a zone word: `Jan 4, 2020`, `4 January 2020`,
  `January 25, 2024 — 03:33 am EST`, `03 Aug 2017,Thursday`, `August 2017`;
- Excel's d-mmm-yy (`31-Dec-19`, ACLED's exports), the year as strptime's `%y` reads it;
- epoch seconds (9 or 10 digits) or milliseconds (12 or 13), as text or a JSON number.

A time is filed as written, its offset or zone dropped (as ISO offsets always were: the
article's local time). A date of a year or a month only is filed at its first moment
(`2020` as 2020-01-01 00:00), so `date:`, the timeline and date sorts all see it there.
Numeric dates with the day or month first are read where only one order reads them
(`7/23/17`, `23.07.2017`); otherwise (04/01/2020: 4 January or April 1) the order the
file's other dates settle is taken (ingest/day_order.py), or the date refused;
`corpus.date_format` (strftime formats, tried first) says which.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newsdesk.index.models import LATEST_DATE, date_in_range

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
WEEKDAYS = {"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
            "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"}
# Words a written date may carry besides its parts: zones (dropped, as offsets are) and
# connectives. Anything else in the text and it is not a date.
ZONE_WORDS = {"utc", "gmt", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
              "akst", "akdt", "hst", "ist", "bst", "cet", "cest", "eet", "eest", "wet", "west",
              "msk", "jst", "kst", "hkt", "sgt", "aest", "aedt", "acst", "awst", "nzst", "nzdt",
              "et", "ct", "mt", "pt", "ast", "adt", "nst", "ndt", "nt", "acdt", "awdt"}
CONNECTIVES = {"at", "on", "the", "of", "updated", "published", "posted"}
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_TOKENS = re.compile(r"[a-z]+\.?|\d+(?::\d+)*(?:\.\d+)?|[+-]\d{2}:?\d{2}\b")
_ISO_LOOSE = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?"
                        r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
                        r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?")
_YEAR = re.compile(r"\d{4}")
_DAY_FIRST = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\D.*)?")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+"
                      r"\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Za-z0-9+-]+)?")
# Excel's d-mmm-yy, as ACLED's exports write dates: `31-Dec-19`, `4-Jan-20` (and -yyyy).
_DAY_MON_YY = re.compile(r"(\d{1,2})([- ])([A-Za-z]{3,9})\.?\2(\d{2}|\d{4})")
_EPOCH = re.compile(r"-?\d{9,10}(?:\.\d+)?|-?\d{12,13}")
# A numeric date with the day or the month first and nothing else: `7/23/17`, `23.07.2017`.
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")


_NUMBERS = (int, float)


NOT_TEXT = "not text"


class DateError(ValueError):
    """A date not understood. `kind`: "not a date", "ambiguous", "out of range" or
    NOT_TEXT (a JSON true, a list, an object: no format reads it)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def parse_date(value: object, formats: tuple[str, ...] = ()) -> datetime | None:
    """The date of a record's date value (None for none); DateError if not understood.
    `formats`: strftime formats (corpus.date_format) tried before the built-in forms."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, bool) or not isinstance(value, _NUMBERS):
        raise DateError(f"date {value!r} is not text or a number", NOT_TEXT)
    else:
        text = number_text(value)
    if not text:
        return None
    parsed = None
    if formats:
        parsed = _with_formats(text, formats)
    elif len(text) >= 10 and text[4] == "-" and text[7] == "-":
        # The common case first (an ISO date, an ISO date-time): a third of the time.
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
    if parsed is None:
        parsed = _builtin(text)
    numeric = None
    if parsed is None and (numeric := _NUMERIC_DATE.fullmatch(text)) is not None:
        parsed = _one_reading(numeric)
    if parsed is None:
        # (A numeric date no order reads, 31/4/2020 or 13/13/2020, is none.)
        kind = "ambiguous" if _DAY_FIRST.fullmatch(text) and (
            numeric is None or max(int(numeric[1]), int(numeric[3])) <= 12) \
            else "not a date"
        raise DateError(f"date {value!r} is {kind}", kind)
    if parsed.tzinfo is not None:
        parsed = parsed.replace(tzinfo=None)
    if not date_in_range(parsed):
        raise DateError(f"date {value!r} is out of range (years 1 to {LATEST_DATE.year})",
                        "out of range")
    return parsed


def _one_reading(numeric: re.Match[str]) -> datetime | None:
    """A day-or-month-first date that only one order reads: `7/23/17` (no 23rd month) is
    23 July 2017, `23/7/17` the same; `7/3/17` has two readings and none is guessed. A
    two-digit year is read as strptime's `%y` reads it (69-99 the 1900s, else the 2000s)."""
    first, second, year = int(numeric[1]), int(numeric[3]), numeric[4]
    if (first > 12) == (second > 12) and first != second:
        return None  # both 12 or less: two readings (or none: both over 12); 4/4 has one
    day, month = (first, second) if first > 12 else (second, first)
    number = int(year)
    if len(year) == 2:
        number += 1900 if number >= 69 else 2000
    try:
        return datetime(number, month, day)
    except ValueError:
        return None  # 31/4/2020, 30/2/2020: no such day


def day_first_formats(example: str) -> tuple[str, str]:
    """The two formats that read an ambiguous numeric date as written: its separator, and
    `%y` for a two-digit year (`7/3/17` -> '%d/%m/%y', '%m/%d/%y')."""
    found = re.match(r"\s*\d{1,2}([/.-])\d{1,2}[/.-](\d+)", example)
    sep, year = (found[1], "%y" if len(found[2]) == 2 else "%Y") if found else ("/", "%Y")
    return f"%d{sep}%m{sep}{year}", f"%m{sep}%d{sep}{year}"


_MONTH_ONLY = re.compile(r"\d{4}[-/.]\d{1,2}")


def precision(written: str | None) -> str:
    """"year" or "month" for a date written to the year or the month only (`2020`,
    `2020-03`, `March 2020`), else "day": what a date filed at its first day stands for,
    for showing it (2020, not 2020-01-01)."""
    text = (written or "").strip()
    if _YEAR.fullmatch(text):
        return "year"
    if _MONTH_ONLY.fullmatch(text):
        return "month"
    if len(text) < 40 and any(c.isalpha() for c in text):
        words = _TOKENS.findall(text.lower())
        if (sum(w.rstrip(".") in MONTHS for w in words) == 1
                and sum(w.isdigit() for w in words) == 1
                and not any(":" in w for w in words)):
            return "month"  # a month name and a year, no day, no time
    return "day"


def number_text(value: int | float) -> str:
    """A JSON number as written (an integral float without its `.0`)."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "nan"
        return repr(value) if value != int(value) else str(int(value))
    return str(value)


def _with_formats(text: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _builtin(text: str) -> datetime | None:
    for parse in (_epoch, _iso, _iso_loose, _rfc2822, _month_name, _day_month_short_year):
        try:
            parsed = parse(text)
        except (ValueError, OverflowError, IndexError, TypeError):
            parsed = None
        if parsed is not None:
            return parsed
    return None


def _iso(text: str) -> datetime | None:
    if _YEAR.fullmatch(text):  # ISO reduced precision: a year
        return datetime(int(text), 1, 1)
    written = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    if "T24:00" in written or " 24:00" in written:  # the end of a day: the next day's 0:00
        day, _, rest = written.replace(" 24:00", "T24:00").partition("T24:00")
        if rest.strip(":0.") and not rest.lstrip(":0.").startswith(("+", "-")):
            return None
        return datetime.fromisoformat(day) + timedelta(days=1)
    return datetime.fromisoformat(written)


def _iso_loose(text: str) -> datetime | None:
    """Year first, unpadded or with / or . (2020-1-4, 2020/01/04), to the month or day."""
    m = _ISO_LOOSE.fullmatch(text)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4) or 1)
    hour, minute, second = (int(m.group(i) or 0) for i in (5, 6, 7))
    return datetime(year, month, day, hour, minute, second)


def _epoch(text: str) -> datetime | None:
    if not _EPOCH.fullmatch(text):
        return None
    seconds = float(text)
    if len(text.lstrip("-").split(".")[0]) >= 12:
        seconds /= 1000
    return datetime(1970, 1, 1) + timedelta(seconds=seconds)


def _rfc2822(text: str) -> datetime | None:
    if not _RFC2822.fullmatch(text):
        return None
    from email.utils import parsedate_to_datetime  # (the email package: 5 ms at import)

    return parsedate_to_datetime(text)


def _day_month_short_year(text: str) -> datetime | None:
    """A day, a month's name and a two-digit year (`31-Dec-19`), the year read as
    strptime's `%y` reads it (69-99 the 1900s, else the 2000s)."""
    found = _DAY_MON_YY.fullmatch(text)
    if found is None or (month := MONTHS.get(found[3].lower())) is None:
        return None
    year = int(found[4])
    if len(found[4]) == 2:
        year += 1900 if year >= 69 else 2000
    return datetime(year, month, int(found[1]))


def _month_name(text: str) -> datetime | None:
    """An English month name, a day and a year in any order; a weekday, a time (am/pm)
    and zone words allowed; nothing else."""
    lowered = _ORDINAL.sub(r"\1", text.lower()).replace("a.m.", "am").replace("p.m.", "pm")
    month = year = day = None
    hour = minute = second = 0
    meridian = None
    if _TOKENS.sub(" ", lowered).strip(" ,;—–-/|()[]·•"):
        return None  # something neither a date part nor a word
    for token in _TOKENS.findall(lowered):
        word = token.rstrip(".")
        if word in MONTHS:
            if month is not None:
                return None
            month = MONTHS[word]
        elif word in WEEKDAYS or word in ZONE_WORDS or word in CONNECTIVES:
            continue
        elif word in ("am", "pm"):
            meridian = word[0]
        elif token[0] in "+-":
            continue  # an offset: dropped
        elif ":" in token:
            parts = [int(float(p)) for p in token.split(":")]
            hour, minute = parts[0], parts[1]
            second = parts[2] if len(parts) > 2 else 0
        elif word.isdigit() and len(word) == 4 and year is None:
            year = int(word)
        elif word.isdigit() and len(word) <= 2 and day is None:
            day = int(word)
        else:
            return None
    if month is None or year is None:
        return None
    if meridian == "p" and hour < 12:
        hour += 12
    elif meridian == "a" and hour == 12:
        hour = 0
    return datetime(year, month, day or 1, hour, minute, second)
