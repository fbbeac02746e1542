"""The CLI's only ways to the terminal: `out` and `err` for lines of text, `console` for
Rich output. All three end in `terminal_safe` (tui/safe_text.py), so no id, title, path,
query, name or error message reaches stdout or stderr raw; the only escape sequences
written are Rich's own colours and cursor moves, and those only on a terminal."""

from __future__ import annotations

import argparse
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import TYPE_CHECKING, Any, TextIO

from newsdesk.tui.safe_text import TerminalWriter

if TYPE_CHECKING:
    from rich.console import Console


def out(text: str = "") -> None:
    """A line on stdout."""
    TerminalWriter(sys.stdout).write(text + "\n")


def err(text: str = "") -> None:
    """A line on stderr."""
    TerminalWriter(sys.stderr).write(text + "\n")


def console(stderr: bool = False, pipe: bool = False, **options: Any) -> Console:
    """A Rich console that never parses markup, emoji codes or "highlights" data, and
    writes nothing a terminal would act on but its own styles; with `pipe`, for a pipe or a
    file."""
    from newsdesk.tui.cli.rich_console import PipeConsole, SafeConsole

    kind = PipeConsole if pipe else SafeConsole
    return kind(stderr=stderr, markup=False, emoji=False, highlight=False, **options)


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """argparse writes its usage errors (which quote what was typed) and help straight to
    sys.stderr and sys.stdout: here they go through the same sanitiser."""
    with redirect_stdout(TerminalWriter(sys.stdout)), \
            redirect_stderr(TerminalWriter(sys.stderr)):  # type: ignore[type-var]
        return parser.parse_args(argv)


def data_stream() -> TextIO:
    """Where an export goes: stdout as it is into a file or a pipe (the data unchanged), made
    safe on a terminal."""
    return TerminalWriter(sys.stdout) if sys.stdout.isatty() else sys.stdout  # type: ignore[return-value]
