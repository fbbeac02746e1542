"""The real `newsdesk` in a pseudo-terminal, read back through a terminal emulator (pyte)."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pexpect
import pyte

from tests.helpers.patience import Patience

T = TypeVar("T")


def _ignore_hangup() -> None:
    """(In the child, before exec.) SIGHUP ignored, as under `make run` or `nohup`, where a
    closed terminal sends the app no signal and only its reads tell it."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


class Terminal:
    """The app runs in `cwd`, by default a fresh empty folder (`workdir`), never the
    repository: a key gone astray that exports, or a pager's own commands (less saves a
    file on `s`), would write there; `stray_files` lists what did. $PAGER is `true` unless
    the test names one: a pager that ran would not take the keys meant for newsdesk."""

    def __init__(self, args: list[str], env: dict[str, str], cols: int = 80,
                 rows: int = 24, cwd: Path | None = None, python: str | None = None,
                 hangup_ignored: bool = False, command: list[str] | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.workdir = cwd or Path(tempfile.mkdtemp(prefix="newsdesk-term-"))
        self._before = set(self.workdir.iterdir())
        full_env = {**os.environ, "TERM": "xterm-256color", "PAGER": "true"}
        full_env.pop("NO_COLOR", None)  # colours as a person's terminal has them, unless asked
        # The pty's size, as a terminal gives it: COLUMNS and LINES in the environment win
        # over it for Textual and Rich (pytest-xdist's workers have COLUMNS=80, LINES=24).
        full_env.pop("COLUMNS", None)
        full_env.pop("LINES", None)
        full_env.update(env)
        # `python`: another interpreter (another checkout's venv: the benchmarks' A/B runs);
        # `command`: a program and its arguments to run instead (a shell running newsdesk).
        program, *argv = command or [python or sys.executable, "-m", "newsdesk.tui.cli", *args]
        self.child = pexpect.spawn(program, argv,
                                   env=full_env,
                                   dimensions=(rows, cols), cwd=str(self.workdir),
                                   preexec_fn=_ignore_hangup if hangup_ignored else None)
        # pexpect sleeps 50 ms before each send otherwise: time for a password prompt to
        # flush its input, here only a wait between keys (the tests wait on the screen).
        self.child.delaybeforesend = None
        self.raw = bytearray()
        self._text: str | None = None
        self.last_read = time.monotonic()  # when the last output arrived
        self.shown_at = 0.0  # when the output that made wait_for's needle show arrived

    def pump(self, seconds: float = 0.1) -> None:
        """Read what the app writes for `seconds`, waiting in select() between chunks (no
        polling: the app and the emulator share the cores with whatever else runs)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if not self._read(left):
                return

    def _read(self, timeout: float) -> bool:
        """One chunk of output, waiting up to `timeout` for it; False once the app's end of
        the pty is closed."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.last_read = time.monotonic()
        self.raw += data
        self.stream.feed(data)
        return True

    def settle(self, quiet: float = 0.25, first: float = 2.0) -> None:
        """Read until the app, having written something after this call (within `first`
        seconds), has written nothing for `quiet` seconds: a key's effect drawn, however
        busy the machine, without a fixed wait sized for the slowest case."""
        started = time.monotonic()
        while True:
            now = time.monotonic()
            if self.last_read <= started:  # nothing yet
                left = started + first - now
            else:
                left = self.last_read + quiet - now
            if left <= 0 or not self._read(left):
                return

    @property
    def text(self) -> str:
        # pyte's display builds every line in Python: built again only when lines changed.
        if self._text is None or self.screen.dirty:
            self.screen.dirty.clear()
            self._text = "\n".join(self.screen.display)
        return self._text

    def patience(self, timeout: float) -> Patience:
        """A deadline of `timeout` seconds in which the app (and this reader) could run: the
        time their threads queued for a core on a busy machine is not counted."""
        return Patience(timeout, (self.child.pid, os.getpid()))

    def wait_for(self, needle: str | tuple[str, ...], timeout: float = 20.0) -> float:
        """Seconds until `needle` (or any of several) shows on the screen, read by the
        emulator. `shown_at` is then when the output that showed it arrived: pyte parses
        in Python, on the same cores as the app, and a real terminal takes microseconds.
        `timeout`: seconds the app could run (tests/helpers/patience.py)."""
        needles = (needle,) if isinstance(needle, str) else needle
        started = time.monotonic()
        patience = self.patience(timeout)
        while not any(n in self.text for n in needles):
            left = patience.left()
            if left <= 0:
                raise AssertionError(f"{needle!r} never appeared ({patience.describe()}); "
                                     f"screen:\n{self.text}")
            if not self.child.isalive():
                self.pump(0.2)
                raise AssertionError(f"newsdesk exited; screen:\n{self.text}")
            self._read(min(left, 0.1))  # back at the first output, or to look at the app
        self.shown_at = self.last_read
        return time.monotonic() - started

    def wait_until(self, done: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
        """Read the screen until `done()` (a test's own look at it), for `timeout` seconds
        the app could run (patience); fails naming `what`, with the screen."""
        patience = self.patience(timeout)
        while not done():
            if patience.expired() or not self.child.isalive():
                raise AssertionError(f"{what} ({patience.describe()}); screen:\n{self.text}")
            self.pump(0.05)

    def read_frame(self, parse: Callable[[str], T], what: str, timeout: float = 20.0) -> T:
        """What `parse` reads off a whole frame of the screen. A frame can arrive in several
        reads (a busy machine deschedules the app's writer between its chunks; a status line
        that comes or goes redraws every pane a row up or down), and a torn one holds half
        the old layout: `parse` raising ValueError, IndexError or StopIteration means not
        drawn yet, and its answer counts once two reads with the app quiet between agree."""
        patience = self.patience(timeout)
        last: list[T] = []
        while True:
            self.settle(quiet=0.1, first=0.1)
            try:
                answer = parse(self.text)
            except (ValueError, IndexError, StopIteration):
                last = []
            else:
                if last and last[0] == answer:
                    return answer
                last = [answer]
            if patience.expired() or not self.child.isalive():
                raise AssertionError(f"{what} ({patience.describe()}); screen:\n{self.text}")

    def stray_files(self) -> list[Path]:
        """Files the app (or anything it ran) wrote in the folder it ran in."""
        return sorted(set(self.workdir.iterdir()) - self._before)

    def finish(self, timeout: float = 30.0) -> int:
        """Read the rest of a command's output until it exits; its exit status. (wait_for
        suits the dashboard: a command that ends at once may be gone before it looks.)"""
        self._expect_eof(timeout)
        data = self.child.before or b""
        self.raw += data
        self.stream.feed(data)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def _expect_eof(self, timeout: float) -> None:
        """pexpect's expect(EOF), with `timeout` in seconds the app could run (patience)."""
        patience = self.patience(timeout)
        while True:
            try:
                self.child.expect(pexpect.EOF, timeout=min(max(patience.left(), 0.05), 1.0))
                return
            except pexpect.TIMEOUT:
                if patience.expired():
                    raise

    def quit(self) -> int:
        """Ctrl+Q; the exit status. An app that does not end within 10 s (that it could run)
        is killed, and the failure shows its screen (pexpect's timeout showed the last 100
        bytes of output)."""
        self.child.sendcontrol("q")
        try:
            self._expect_eof(10)
        except pexpect.TIMEOUT as stuck:
            self.pump(0.2)
            screen = self.text
            self.child.terminate(force=True)
            raise AssertionError(f"newsdesk did not quit within 10 s of Ctrl+Q; screen:\n"
                                 f"{screen}") from stuck
        self.child.close()
        return self.child.exitstatus or 0
