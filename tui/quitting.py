"""Quitting in well under 300 ms (Ctrl+Q to the shell's prompt, measured in a pty by
tests/e2e/test_quit.py). Two things held the prompt back once the dashboard had closed:

- Textual's Linux driver joins its input thread, which polls the terminal every 100 ms:
  100-200 ms. The thread is told to stop and given a moment; it is a daemon and checks
  the stop flag on its next poll, so it cannot read a key meant for the shell after that.
- What came after the terminal was restored: asyncio.run waiting for worker threads still
  running (an actor count, facets: up to a second on 20,000 articles) and Python's
  finalization freeing the interpreter's objects one by one (1.0-1.5 s). Nothing newsdesk
  writes waits for either: files are written atomically and closed before the app exits,
  an index build killed half way is recovered (RELIABILITY.md). So the dashboard leaves
  with os._exit as soon as its shutdown has restored the terminal (NewsdeskApp._shutdown).
- Closing the engine waited for the search still holding it (300 ms): its pane now closes
  it in a daemon thread."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading

from textual.driver import Driver

INPUT_THREAD_WAIT = 0.03  # seconds given to the driver's input thread to stop
HANGUP_GRACE = 5.0  # seconds the dashboard has to quit once its terminal has hung up
EXIT_HANGUP = 129  # (128 + SIGHUP, as a shell reports a process its hangup ended)


def quick_driver() -> type[Driver] | None:
    """Textual's terminal driver for this system, quick to stop, its keys stamped by the
    read that brought them; None: Textual's choice."""
    if sys.platform == "win32":
        return None
    import termios

    from textual.drivers.linux_driver import LinuxDriver

    from newsdesk.tui import early_terminal
    from newsdesk.tui.input_reading import run_input_thread

    class QuickLinuxDriver(LinuxDriver):
        def start_application_mode(self) -> None:
            super().start_application_mode()
            if early_terminal.original is not None:
                # Textual keeps the mode it found to restore (at the end, for the pager),
                # but newsdesk had already set it raw (tui/early_terminal.py).
                self.attrs_before = early_terminal.original

        def run_input_thread(self) -> None:
            # A read's keys all made before the first is sent (tui/input_reading.py).
            run_input_thread(self.fileno, self.exit_event.is_set, self.process_message,
                             self._debug, self._terminal_gone)

        def _terminal_gone(self) -> None:
            # Nobody can see or type into the dashboard any more: it quits as on Ctrl+Q
            # (what it keeps is written as it changes). Should that not finish (a write
            # to the closed terminal stuck), the process leaves all the same.
            watchdog = threading.Timer(HANGUP_GRACE, leave_now, (EXIT_HANGUP,))
            watchdog.daemon = True
            watchdog.start()
            with contextlib.suppress(Exception):  # (the app already closing)
                self._app.call_from_thread(self._app.exit, EXIT_HANGUP)

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
