"""Quitting in well under 300 ms (Ctrl+Q to the shell's prompt, measured in a pty by
tests/e2e/test_quit.py). Two things held the prompt back once the dashboard had closed:

- Textual's Linux driver joins its input thread, which polls the terminal every 100 ms:
  100-200 ms. The thread is told to stop and given a moment; it is a daemon and checks
  the stop flag on its next poll, so it cannot read a key meant for the shell after that.
- Python's finalization freed the interpreter's objects (Textual's, Whoosh's, numpy's) one
  by one: 1.0-1.5 s after every handler had run. Nothing newsdesk writes waits for it:
  files are written atomically and closed before the app exits, the index is closed by
  its pane as it unmounts. So the dashboard command leaves with os._exit once the
  terminal is restored and the output flushed."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys

from textual.driver import Driver

INPUT_THREAD_WAIT = 0.03  # seconds given to the driver's input thread to stop


def quick_driver() -> type[Driver] | None:
    """Textual's terminal driver for this system, quick to stop; None: Textual's choice."""
    if sys.platform == "win32":
        return None
    import termios

    from textual.drivers.linux_driver import LinuxDriver

    class QuickLinuxDriver(LinuxDriver):
        def disable_input(self) -> None:
            thread = self._key_thread
            exiting = getattr(self._app, "_exit", False)  # not a suspend for the pager
            if not exiting or thread is None or self.exit_event.is_set():
                super().disable_input()
                return
            # Textual's own steps, but the stop flag stays set (the thread checks it on
            # its next poll) and the join does not wait for that poll.
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()
            thread.join(INPUT_THREAD_WAIT)
            self._key_thread = None
            with contextlib.suppress(termios.error):
                termios.tcflush(self.fileno, termios.TCIFLUSH)

    return QuickLinuxDriver


def leave_now(code: int) -> None:
    """Exit the process with `code` at once, skipping the interpreter's finalization."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
