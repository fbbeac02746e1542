"""What a person sees when newsdesk itself fails: one message, not a traceback.

An error newsdesk did not expect is a fault in newsdesk, not in what the user gave it.
The traceback goes to a report file under the cache folder, where it can be attached to
a bug report; the terminal gets what happened, that nothing committed is lost (indexes
commit in batches and bookmarks are written atomically), and where the report is."""

from __future__ import annotations

import contextlib
import datetime
import os
import traceback
from pathlib import Path

from newsdesk.index.locations import cache_dir, private_dir, private_fd
from newsdesk.tui.safe_text import terminal_safe


def write_report(error: BaseException) -> Path | None:
    """The traceback of `error` in a new report file; None if it could not be written."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder = cache_dir() / "crashes"
        private_dir(folder)
        path = folder / f"crash-{stamp}.txt"
        fd = private_fd(path, os.O_WRONLY | os.O_EXCL)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as report:
            # (an error's message can quote an article: no control codes in the file)
            report.write(terminal_safe("".join(traceback.format_exception(error))))
        return path
    except OSError:  # a full disk: no empty report left behind
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def message(error: BaseException, report: Path | None) -> str:
    """The lines to show for an unexpected `error`, with the report written for it."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    where = (f"The details are in {report}." if report is not None
             else "The details could not be written to a file.")
    return terminal_safe(f"newsdesk stopped on an internal error ({what}).\n"
                         f"Nothing committed is lost. {where} Please report it.")
