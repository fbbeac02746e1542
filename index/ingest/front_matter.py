"""The front matter of a Markdown article (Hugo, Jekyll and other site generators' exports):
YAML between `---` lines or TOML between `+++` lines, at the very top. Read, every such
article was titled "---" with no date (the timeline, `date:` and sorting had nothing) and
its keys were searched as body text.

Its title, date, source and url are taken (YAML by the safe loader: no tags that make
objects; TOML by tomllib); the body is the text after it. Front matter that does not parse
is a problem naming the file and line, and the body is still read without it."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field

import yaml

from newsdesk.index.ingest import dates
from newsdesk.index.models import LATEST_DATE, date_in_range

# Front matter longer than this is not front matter (a file that opens with a rule "---"
# and has another far below): the file is read as text.
MAX_LINES = 400
_FENCES = {"---": ("YAML", ("---", "...")), "+++": ("TOML", ("+++",))}


@dataclass(slots=True)
class FrontMatter:
    body: str  # the text after the front matter
    body_line: int  # the line of the file the body starts on
    title: str = ""
    date: dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    problems: list[tuple[str, int]] = field(default_factory=list)  # (reason, line)


def split(text: str) -> FrontMatter | None:
    """The front matter of `text` (newlines already \\n), or None when it opens with none."""
    first, newline, rest = text.partition("\n")
    fence = first.rstrip()
    if fence not in _FENCES or not newline:
        return None
    kind, closers = _FENCES[fence]
    lines = rest.split("\n", MAX_LINES + 1)
    for number, line in enumerate(lines[:MAX_LINES]):
        if line.rstrip() in closers:
            head = "\n".join(lines[:number])
            body = "\n".join(lines[number + 1:])
            matter = FrontMatter(body=body, body_line=number + 3)
            _read(matter, head, kind)
            return matter
    return None  # never closed near the top: a rule, not front matter


def _read(matter: FrontMatter, head: str, kind: str) -> None:
    try:
        if kind == "YAML":
            fields = yaml.safe_load(head) if head.strip() else {}
        else:
            fields = tomllib.loads(head)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        reason = str(getattr(exc, "problem", None) or exc).splitlines()[0][:120]
        matter.problems.append((f"bad YAML front matter: {reason}; read without it", line))
        return
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc).splitlines()[0][:120]
        matter.problems.append((f"bad TOML front matter: {reason}; read without it", 1))
        return
    except RecursionError:
        matter.problems.append((f"bad {kind} front matter: nested too deeply; read without it",
                                1))
        return
    if fields is None:
        return
    if not isinstance(fields, dict):
        matter.problems.append((f"bad {kind} front matter: not a mapping of keys to values; "
                                "read without it", 2))
        return
    matter.title = _text(fields.get("title")) or ""
    matter.source = _text(fields.get("source"))
    matter.url = _text(fields.get("url"))
    if "date" in fields:
        matter.date, why = _date(fields["date"])
        if why:
            at = next((n for n, line in enumerate(head.split("\n"), start=2)
                       if line.lstrip().startswith("date")), 2)
            matter.problems.append((f"front matter date {ascii(fields['date'])[:60]} {why}; "
                                    "kept without a date", at))


def _text(value: object) -> str | None:
    """A field's value as one line of text; None for none or for a list, mapping..."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return " ".join(str(value).split()) or None
    return None


def _date(value: object) -> tuple[dt.datetime | None, str]:
    """The date of a front matter's date value, or None and why not."""
    if isinstance(value, dt.datetime):
        date = value.replace(tzinfo=None) if value.tzinfo else value
    elif isinstance(value, dt.date):
        date = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:  # the forms a record's date may take (ingest/dates.py)
            date = dates.parse_date(value)
        except dates.DateError as exc:
            return None, ("is out of range (years 1 to "
                          f"{LATEST_DATE.year})" if exc.kind == "out of range"
                          else f"is {exc.kind}")
        if date is None:
            return None, "is not a date"
    else:
        return None, "is not a date"
    if not date_in_range(date):
        return None, f"is out of range (years 1 to {LATEST_DATE.year})"
    return date, ""

