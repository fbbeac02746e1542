"""The terminal taken for the dashboard the moment the `newsdesk` process starts, not when
Textual does (0.5-1.7 s later on a busy machine, most of it imports).

Until a program sets its terminal to raw mode, the terminal's line discipline acts on some
keys as they arrive, before any program can read them: Ctrl+Q and Ctrl+S are flow control
(XON/XOFF, `stty ixon`, on by default) and are dropped, Ctrl+C, Ctrl+Z and Ctrl+\\ become
signals, and Backspace, Ctrl+U and Ctrl+W edit the line. A Ctrl+Q typed while the dashboard
started never reached it, and the letters typed after it ran as commands (an outside
tester's "leftover typed keys": `e` opened the export dialog). So `take` sets the mode
Textual sets (tui/quitting.py keeps the user's own to restore), as soon as the command is
known to be the dashboard, before any heavy import; and it counts the bytes already waiting
then: those were typed while the terminal could still take a Ctrl+Q for itself. The input
thread (tui/input_reading.py) reads them apart and stamps their keys `typed_early`; the app
runs them as it would once up, but none that opens a dialog or another program or changes
what newsdesk keeps (tui/early_keys.py).

Neither Textual nor anything slow is imported here: this runs before them."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys

# What `take` did: the user's terminal mode, to be restored; the bytes waiting when it did.
original: list | None = None  # type: ignore[type-arg]  (termios' attribute list)
typed_before = 0
# Message.time of the last read that held bytes typed before the take (tui/input_reading.py):
# a key made at or before it was typed then. None: no such read (yet).
early_until: float | None = None

_FD = 0  # standard input, as Textual's driver reads it


def dashboard_args(argv: list[str]) -> bool:
    """Whether `argv` (without the program) starts the dashboard: no subcommand, only the
    global `--corpus PATH` (argparse takes any unambiguous prefix of it). A guess on the
    safe side: anything else is left to the parser, and `give_back` undoes a wrong one."""
    i = 0
    while i < len(argv):
        name, equals, _ = argv[i].partition("=")
        if len(name) < 3 or not "--corpus".startswith(name):
            return False
        i += 1 if equals else 2
    return True


def take(argv: list[str]) -> None:
    """Put the terminal in Textual's raw mode now, when `argv` starts the dashboard in a
    terminal newsdesk has in the foreground; count the bytes typed before."""
    global original, typed_before
    if original is not None or not dashboard_args(argv) or sys.platform == "win32":
        return
    import fcntl
    import struct
    import termios

    try:
        if not (os.isatty(_FD) and os.isatty(1)) or os.tcgetpgrp(_FD) != os.getpgrp():
            return  # (in the background a change of mode stops the process: SIGTTOU)
        before = termios.tcgetattr(_FD)
        raw = termios.tcgetattr(_FD)
        raw[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR
                    | termios.IGNCR)
        signals = 0 if os.environ.get("TEXTUAL_ALLOW_SIGNALS") else termios.ISIG
        raw[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | signals)
        raw[6][termios.VMIN] = 1
        termios.tcsetattr(_FD, termios.TCSANOW, raw)
    except (OSError, termios.error):
        return
    original = before
    atexit.register(give_back)  # an error before the dashboard is up (a broken config)
    with contextlib.suppress(OSError):
        # (Read now, in raw mode: in line mode it counts whole lines only.)
        waiting = fcntl.ioctl(_FD, termios.FIONREAD, struct.pack("i", 0))
        typed_before = struct.unpack("i", waiting)[0]


def give_back() -> None:
    """The user's terminal mode again (not the dashboard after all, or it never started)."""
    global original
    if original is None:
        return
    import termios

    with contextlib.suppress(OSError, termios.error):
        termios.tcsetattr(_FD, termios.TCSANOW, original)
    original = None


def typed_early(time: float) -> bool:
    """Whether a key made at `time` (Message.time) was typed before newsdesk took the
    terminal, when the terminal could take a Ctrl+Q or Ctrl+S for itself."""
    return early_until is not None and time <= early_until
