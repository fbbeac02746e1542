"""The real `newsdesk` in a pseudo-terminal, read back through a terminal emulator (pyte)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str], cols: int = 80,
                 rows: int = 24, cwd: Path | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        full_env = {**os.environ, "TERM": "xterm-256color"}
        full_env.pop("NO_COLOR", None)  # colours as a person's terminal has them, unless asked
        full_env.update(env)
        self.child = pexpect.spawn(sys.executable, ["-m", "newsdesk.tui.cli", *args], env=full_env,
                                   dimensions=(rows, cols), cwd=str(cwd) if cwd else None)
        self.raw = bytearray()
        self.last_read = time.monotonic()  # when the last output arrived
        self.shown_at = 0.0  # when the output that made wait_for's needle show arrived

    def pump(self, seconds: float = 0.1) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.005)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return
            self.last_read = time.monotonic()
            self.raw += data
            self.stream.feed(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str | tuple[str, ...], timeout: float = 20.0) -> float:
        """Seconds until `needle` (or any of several) shows on the screen, read by the
        emulator. `shown_at` is then when the output that showed it arrived: pyte parses
        in Python, on the same cores as the app, and a real terminal takes microseconds."""
        needles = (needle,) if isinstance(needle, str) else needle
        started = time.monotonic()
        while not any(n in self.text for n in needles):
            if time.monotonic() - started > timeout:
                raise AssertionError(f"{needle!r} never appeared; screen:\n{self.text}")
            if not self.child.isalive():
                self.pump(0.2)
                raise AssertionError(f"newsdesk exited; screen:\n{self.text}")
            self.pump(0.005)
        self.shown_at = self.last_read
        return time.monotonic() - started

    def finish(self, timeout: float = 30.0) -> int:
        """Read the rest of a command's output until it exits; its exit status. (wait_for
        suits the dashboard: a command that ends at once may be gone before it looks.)"""
        self.child.expect(pexpect.EOF, timeout=timeout)
        data = self.child.before or b""
        self.raw += data
        self.stream.feed(data)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def quit(self) -> int:
        self.child.sendcontrol("q")
        self.child.expect(pexpect.EOF, timeout=10)
        self.child.close()
        return self.child.exitstatus or 0
