"""Spans from the engine -> Rich Text. The only place matches become styles, and the one
way data becomes something a widget shows: `plain` (or `highlighted`) makes a `Text` of
it, made terminal-safe and never parsed as markup. (Notifications, which Textual only
takes as strings, are made so by NewsdeskApp.notify.)"""

from __future__ import annotations

from datetime import date, datetime

from rich.style import Style
from rich.text import Text

from newsdesk.index.ingest.dates import precision
from newsdesk.index.models import Span
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.summary_text import counted as counted  # (where the panes look)
from newsdesk.tui.summary_text import kept_note as kept_note
from newsdesk.tui.summary_text import run_notes as run_notes

MATCH = Style(bold=True, color="black", bgcolor="yellow")
# The current match (reader n / N) must be the easiest thing to find on the page: every
# attribute of MATCH, plus underline, in a saturated colour that no other style uses (the
# old bright cyan read as quieter than the yellow around it).
CURRENT = Style(bold=True, underline=True, color="bright_white", bgcolor="red")
# Actor mentions: underlined, so they stay distinct from query matches without colour too.
ACTOR = Style(underline=True, color="magenta")


def plain(text: str, style: Style | str = "", keep_newlines: bool = False) -> Text:
    """`text` as it is, for a widget, a title, a dialog or a palette entry: no markup, nothing
    a terminal would act on."""
    return Text(terminal_safe(text, keep_newlines), style=style)


def highlighted(text: str, spans: list[Span], style: Style | str = MATCH,
                keep_newlines: bool = True, current: int | None = None) -> Text:
    out = Text(terminal_safe(text, keep_newlines))
    for i, (start, end) in enumerate(spans):
        out.stylize(CURRENT if i == current else style, start, end)
    return out


def fmt_date(date: datetime | None, written: str | None = None) -> str:
    """A date as a day; a date written to the year or month only (`written`, as the corpus
    has it) as that year or month: `2020`, not the 2020-01-01 it is filed at."""
    if date is None:
        return "no date"
    if written:
        kind = precision(written)
        if kind == "year":
            return f"{date.year:04d}"
        if kind == "month":
            return f"{date.year:04d}-{date.month:02d}"
    return date.date().isoformat()  # strftime: year 1 is "1"


def meta_line(source: str | None, date: datetime | None, extra: str = "",
              written: str | None = None) -> str:
    parts = [terminal_safe(source, False) if source else "unknown source",
             fmt_date(date, written)]
    if extra:  # (an article's id: a file's name may hold a newline)
        parts.append(terminal_safe(extra, False))
    return " · ".join(parts)


def marks_line(starred: bool, tags: list[str], note: str = "") -> str:
    """A person's marks on an article as one line: ★ #lead #todo · the note."""
    parts = [" ".join([*(["★"] if starred else []), *(f"#{t}" for t in tags)])]
    if note:
        parts.append(terminal_safe(note, False))
    return " · ".join(p for p in parts if p)


def copies_label(count: int) -> str:
    """"+1 copy", "+3 copies": a story's near-duplicates folded under it."""
    return "+" + counted(count, "copy", "copies")


EIGHTHS = " ▏▎▍▌▋▊▉█"


def bar(count: int, peak: int, width: int) -> str:
    """A horizontal bar `width` cells long at `peak`, in eighths of a cell; a count above
    zero always shows."""
    if peak <= 0 or count <= 0:
        return ""
    eighths = max(1, round(count / peak * width * 8))
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def coarser_note(by: str, asked: str | None, most: int | None = None,
                 what: str = "periods") -> str:
    """Why a timeline is not by the period asked for (`asked`, None: it is), or "":
    by `asked` it would have had more than `most` (default MAX_PERIODS) `what`."""
    if asked is None:
        return ""
    if most is None:
        from newsdesk.index.views.facets import MAX_PERIODS
        most = MAX_PERIODS
    return (f"by {by}, not by {asked}: by {asked} the dates would make more than "
            f"{most:,} {what}")


def left_out_note(left_out: list[tuple[date, int]], short: bool = False) -> str:
    """What a timeline leaves off (facets.lone_dates), or "": in full for the CLI and the
    panes, `short` for the one-line strip."""
    if not left_out:
        return ""
    hits = sum(n for _, n in left_out)
    days = [d.isoformat() for d, _ in left_out]
    listed = ", ".join(days[:3]) + (", …" if len(days) > 3 else "")
    if short:
        return f"{hits:,} off the strip: {listed}"
    if len(days) == 1:
        return (f"{counted(hits, 'hit')} dated {days[0]} left off: a lone date far from the "
                f"others (date:{days[0]} finds {'it' if hits == 1 else 'them'})")
    return (f"{counted(hits, 'hit')} on {len(days):,} lone dates far from the others left off "
            f"({listed})")
