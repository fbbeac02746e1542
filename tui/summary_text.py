"""Counts and a run's notes as a person reads them, in plain text: the command line prints
them without Rich (tui/render.py, which makes Rich Text, gives them to the panes)."""

from __future__ import annotations

from newsdesk.index.models import IndexReport, KeptFile
from newsdesk.tui.safe_text import terminal_safe


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "2,225 articles": every count a person reads goes through here."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def run_notes(report: IndexReport) -> list[str]:
    """What a run did besides its counts, for its summary (CLI) or a notification
    (dashboard): files read again for a setting of how they read, files changed while it
    read the corpus."""
    notes = [f"{counted(count, 'file')} read again: {name} changed since "
             f"{'it was' if count == 1 else 'they were'} last read"
             for name, count in sorted(report.reread.items())]
    if report.recovered:
        # (Counted added above: outside testers read "0 added, 4,889 unchanged" as
        # nothing done.)
        notes.append(f"{counted(report.recovered, 'article')} a stopped run had read "
                     "committed by this run, searchable now (counted added above)")
    if report.renamed:
        notes.append(f"{counted(report.renamed, 'record')} without an id now known by "
                     f"{'its' if report.renamed == 1 else 'their'} content, not line (stars, "
                     "tags, notes and \"new\" stamps carried over; once)")
    if report.changed_during:
        notes.append(f"{counted(report.changed_during, 'file')} changed or deleted while "
                     "the corpus was read: taken as they are now (the counts say what stayed)")
    for kept in report.kept:
        notes.append(kept_note(kept))
    if report.still_changing:
        notes.append(f"{counted(report.still_changing, 'file')} still changing at the end: "
                     "run `newsdesk index` again (F5 in the dashboard) to take them")
    return notes


def kept_note(kept: KeptFile) -> str:
    """Why a file's articles were kept though it gave none (staleness.KEPT)."""
    held = f"its {counted(kept.articles, 'article')} indexed before"
    if kept.why == "gone":
        return (f"{kept.path}: gone since it was indexed (a disk not mounted? moved?): "
                f"{held} kept; `newsdesk index` removes them if it is gone for good")
    if kept.why == "empty":
        return (f"{kept.path}: empty now (being rewritten?): {held} kept; `newsdesk index` "
                "removes them if it stays empty")
    return terminal_safe(f"{kept.path}: no article read from it now ({kept.why}): {held} "
                         "kept, nothing removed; fix the file or the setting, then "
                         "`newsdesk index`", False)
